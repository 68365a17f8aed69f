package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import com.sun.net.httpserver.HttpServer;
import dev.rpmoverlay.testing.DirectoryContents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prepare-sources} end to end against a lookaside served by a JDK HttpServer on loopback:
 * downloads once, checks hashes, applies archive overlays, and never leaves a half-written file in
 * the output or the cache when the server misbehaves.
 */
class PrepareSourcesCommandTest {
  @TempDir Path tmp;
  Path project;
  HttpServer http;
  ExecutorService handlers;
  final AtomicInteger hits = new AtomicInteger();
  volatile String mode = "ok";
  static byte[] tarball;
  static String tarballSha512;

  @BeforeEach
  void setUp() throws Exception {
    tarball = tarGz(Map.of("motd-1.2/motd.sh", "echo 'Report problems at https://issues.motd.example.org/new'\n",
        "motd-1.2/contrib/phone-home.sh", "curl https://stats.motd.example.org\n"));
    tarballSha512 = Hashing.sha512().hashBytes(tarball).toString();
    handlers = Executors.newCachedThreadPool();
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.setExecutor(handlers);
    http.createContext("/repo/", ex -> {
      hits.incrementAndGet();
      boolean known = ex.getRequestURI().getPath().equals(
          "/repo/motd/motd-1.2.tar.gz/sha512/" + tarballSha512 + "/motd-1.2.tar.gz");
      try {
        switch (known ? mode : "404") {
          case "404" -> ex.sendResponseHeaders(404, -1);
          case "wrong" -> {
            byte[] other = "not the tarball".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, other.length);
            ex.getResponseBody().write(other);
          }
          case "dies" -> { // promises the whole file, sends a third, then the connection is gone
            ex.sendResponseHeaders(200, tarball.length);
            ex.getResponseBody().write(tarball, 0, tarball.length / 3);
          }
          case "slow" -> { // sends a little, then nothing for longer than --network-timeout
            ex.sendResponseHeaders(200, tarball.length);
            ex.getResponseBody().write(tarball, 0, 10);
            ex.getResponseBody().flush();
            Thread.sleep(10_000);
          }
          default -> {
            ex.sendResponseHeaders(200, tarball.length);
            ex.getResponseBody().write(tarball);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        ex.close();
      }
    });
    http.start();
    project = Files.createDirectories(tmp.resolve("project"));
    Files.createDirectories(project.resolve("motd"));
    Files.writeString(project.resolve("motd/motd.spec"), """
        Name: motd
        Version: 1.2
        Release: 1%{?dist}
        Summary: Login banner
        License: MIT
        BuildArch: noarch
        Source0: https://motd.example.org/%{name}-%{version}.tar.gz

        %description
        Banner.

        %prep
        %autosetup

        %files

        %changelog
        """.replace("%{name}", "motd"));
    Files.writeString(project.resolve("motd/sources"), "SHA512 (motd-1.2.tar.gz) = " + tarballSha512 + "\n");
    writeProject("");
  }

  @AfterEach
  void tearDown() {
    http.stop(0);
    handlers.shutdownNow();
  }

  void writeProject(String archiveOverlaysAndSourceFiles) throws IOException {
    Files.writeString(project.resolve("azldev.toml"), """
        [project]
        default-distro = { name = "lumen" }
        [distros.lumen]
        default-version = "1"
        lookaside-base-uri = "http://127.0.0.1:%d/repo/$pkg/$filename/$hashtype/$hash/$filename"
        [distros.lumen.versions.1]
        release-ver = "1"

        [components.motd]
        spec = { type = "local", path = "motd/motd.spec" }
        %s
        """.formatted(http.getAddress().getPort(), archiveOverlaysAndSourceFiles));
  }

  static final String ARCHIVE_OVERLAYS = """
      [[components.motd.overlays]]
      type = "file-search-replace"
      description = "Lumen's tracker"
      archive = "motd-1.2.tar.gz"
      file = "motd.sh"
      regex = 'issues\\.motd\\.example\\.org/new'
      replacement = "bugs.lumen.example.org/"

      [[components.motd.overlays]]
      type = "file-remove"
      description = "no statistics ping"
      archive = "motd-1.2.tar.gz"
      file = "contrib/phone-home.sh"
      """;

  String sourceFile(String hash) {
    return """
        [[components.motd.source-files]]
        filename = "motd-1.2.tar.gz"
        hash = "%s"
        hash-type = "SHA512"
        origin = { type = "overlay" }
        replace-upstream = true
        replace-reason = "archive overlays"
        """.formatted(hash);
  }

  CliRun prepare(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("-C", project.toString(), "prepare-sources", "motd",
        "-o", tmp.resolve("out").toString(), "--sources-cache", tmp.resolve("cache").toString()));
    args.addAll(List.of(extra));
    if (!args.contains("--network-retries")) {
      args.addAll(List.of("--network-retries", "0"));
    }
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void aLookasideFileIsDownloadedOnceThenComesFromTheCache() throws Exception {
    CliRun first = prepare();
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("motd-1.2.tar.gz  downloaded", "motd.spec        rendered");
    assertThat(Files.readAllBytes(tmp.resolve("out/motd-1.2.tar.gz"))).isEqualTo(tarball);
    assertThat(hits.get()).isEqualTo(1);

    CliRun second = prepare("--force");
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out()).contains("motd-1.2.tar.gz  cached");
    assertThat(hits.get()).as("the second run downloads nothing").isEqualTo(1);
    assertThat(Files.readAllBytes(tmp.resolve("out/motd-1.2.tar.gz"))).isEqualTo(tarball);
  }

  @Test
  void archiveOverlaysChangeTheDownloadedTarballAndTheSourcesLineHasTheDeclaredHash() throws Exception {
    writeProject(ARCHIVE_OVERLAYS + sourceFile("00"));
    CliRun wrongHash = prepare();
    assertThat(wrongHash.exitCode()).isEqualTo(ExitCodes.FAILED);
    String repackedHash = wrongHash.err().replaceAll("(?s).*set hash = \"([0-9a-f]+)\" there.*", "$1");
    assertThat(wrongHash.err()).contains("component motd: the repacked 'motd-1.2.tar.gz' has SHA512 " + repackedHash
        + ", but its source-files entry (", "azldev.toml:", ") declares 00;");
    assertThat(tmp.resolve("out")).doesNotExist();

    writeProject(ARCHIVE_OVERLAYS + sourceFile(repackedHash));
    CliRun ok = prepare();
    assertThat(ok.exitCode()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("motd-1.2.tar.gz  repacked  SHA512 " + repackedHash);
    byte[] repacked = Files.readAllBytes(tmp.resolve("out/motd-1.2.tar.gz"));
    assertThat(Hashing.sha512().hashBytes(repacked).toString()).isEqualTo(repackedHash);
    assertThat(Files.readString(tmp.resolve("out/sources"))).isEqualTo("SHA512 (motd-1.2.tar.gz) = " + repackedHash + "\n");
    assertThat(untarGz(repacked)).containsExactly(
        Map.entry("motd-1.2/motd.sh", "echo 'Report problems at https://bugs.lumen.example.org/'\n"));
  }

  @Test
  void anArchiveOverlayWithoutItsSourceFilesEntrySaysWhatToAdd() throws Exception {
    writeProject(ARCHIVE_OVERLAYS);
    CliRun r = prepare();
    assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.err()).contains("component motd: overlay #1 (file-search-replace \"Lambda\"".replace("Lambda", "Lumen's tracker"),
        "changes archive 'motd-1.2.tar.gz', which needs a [[source-files]] entry with filename = \"motd-1.2.tar.gz\", origin = { type = \"overlay\" }, replace-upstream = true");
    assertThat(hits.get()).as("nothing is downloaded for a configuration that cannot work").isZero();
  }

  @Test
  void skipOverlaysPreparesTheUpstreamTarballAsItIs() throws Exception {
    writeProject(ARCHIVE_OVERLAYS + sourceFile("00"));
    CliRun r = prepare("--skip-overlays");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.readAllBytes(tmp.resolve("out/motd-1.2.tar.gz"))).isEqualTo(tarball);
    assertThat(Files.readString(tmp.resolve("out/sources"))).isEqualTo("SHA512 (motd-1.2.tar.gz) = " + tarballSha512 + "\n");
    assertThat(Files.readString(tmp.resolve("out/motd.spec"))).startsWith("Name: motd\n");
  }

  @Test
  void aWrongHashFromTheServerFailsAndLeavesNothingInTheOutputOrTheCache() throws Exception {
    mode = "wrong";
    CliRun r = prepare();
    assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.err()).contains("component 'motd': lookaside file motd-1.2.tar.gz (http://127.0.0.1:", "SHA512 mismatch: expected "
        + tarballSha512, "nothing was written under the file's name");
    assertNothingLeft();
  }

  @Test
  void aMissingFileFailsWithTheUrlAndTheHttpStatus() throws Exception {
    mode = "404";
    CliRun r = prepare();
    assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.err()).contains("/repo/motd/motd-1.2.tar.gz/sha512/" + tarballSha512 + "/motd-1.2.tar.gz answered HTTP 404");
    assertNothingLeft();
  }

  @Test
  void aServerDyingMidTransferFailsAfterTheRetriesAndLeavesNoPartialFile() throws Exception {
    mode = "dies";
    CliRun r = prepare("--network-retries", "1");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.err()).contains("component 'motd': lookaside file motd-1.2.tar.gz", "after 2 attempt(s)");
    assertThat(hits.get()).isEqualTo(2);
    assertNothingLeft();
  }

  @Test
  void aServerThatStallsMidTransferTimesOut() throws Exception {
    mode = "slow";
    long start = System.nanoTime();
    CliRun r = prepare("--network-timeout", "1");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.err()).contains("component 'motd': lookaside file motd-1.2.tar.gz", "the server sent nothing for 1 s mid-transfer");
    assertThat((System.nanoTime() - start) / 1_000_000_000.0).as("seconds until it gave up").isLessThan(8);
    assertNothingLeft();
  }

  @Test
  void aNonEmptyOutputDirIsRefusedWithoutForceBeforeAnyDownload() throws Exception {
    Files.createDirectories(tmp.resolve("out"));
    Files.writeString(tmp.resolve("out/keep.txt"), "mine\n");
    CliRun r = prepare();
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains(tmp.resolve("out") + " is not empty; pass --force to replace its content");
    assertThat(hits.get()).isZero();
    assertThat(Files.readString(tmp.resolve("out/keep.txt"))).isEqualTo("mine\n");
  }

  @Test
  void aFailedRunWithForceLeavesThePreviousOutputAsItWas() throws Exception {
    Files.createDirectories(tmp.resolve("out"));
    Files.writeString(tmp.resolve("out/keep.txt"), "mine\n");
    mode = "wrong";
    CliRun r = prepare("--force");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(DirectoryContents.of(tmp.resolve("out"))).containsOnlyKeys("keep.txt");
    assertThat(siblingsOf(tmp.resolve("out"))).containsExactly("cache", "out", "project");
  }

  /** No output dir, no staging dir beside it, no file (partial or not) in the cache. */
  void assertNothingLeft() throws IOException {
    assertThat(tmp.resolve("out")).doesNotExist();
    assertThat(siblingsOf(tmp.resolve("out"))).doesNotContain("out").allMatch(n -> !n.startsWith("."));
    assertThat(DirectoryContents.of(tmp.resolve("cache"))).isEmpty();
  }

  static List<String> siblingsOf(Path p) throws IOException {
    try (Stream<Path> s = Files.list(p.getParent())) {
      return s.map(x -> x.getFileName().toString()).sorted().toList();
    }
  }

  static byte[] tarGz(Map<String, String> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
      for (Map.Entry<String, String> f : new TreeMap<>(files).entrySet()) {
        byte[] data = f.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(f.getKey());
        e.setSize(data.length);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  static Map<String, String> untarGz(byte[] archive) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(new java.io.ByteArrayInputStream(archive)))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        if (e.isFile()) {
          out.put(e.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }
}
