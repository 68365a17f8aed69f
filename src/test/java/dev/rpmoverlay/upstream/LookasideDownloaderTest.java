package dev.rpmoverlay.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.hash.Hashing;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lookaside downloads over HTTP on loopback: verified, retried, never partial. */
class LookasideDownloaderTest {

  @TempDir Path tmp;
  HttpServer http;
  final AtomicInteger requests = new AtomicInteger();
  volatile String mode = "ok";
  static final byte[] DATA = "tarball bytes\n".repeat(1000).getBytes();
  static final String SHA512 = Hashing.sha512().hashBytes(DATA).toString();

  @BeforeEach
  void start() throws Exception {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/", ex -> {
      int n = requests.incrementAndGet();
      switch (mode) {
        case "wrong" -> {
          byte[] bad = "not the tarball".getBytes();
          ex.sendResponseHeaders(200, bad.length);
          ex.getResponseBody().write(bad);
        }
        case "503-then-ok" -> {
          if (n == 1) {
            ex.sendResponseHeaders(503, -1);
          } else {
            ex.sendResponseHeaders(200, DATA.length);
            ex.getResponseBody().write(DATA);
          }
        }
        case "cut-then-ok" -> {
          ex.sendResponseHeaders(200, DATA.length);
          ex.getResponseBody().write(DATA, 0, n == 1 ? 100 : DATA.length);
        }
        case "404" -> ex.sendResponseHeaders(404, -1);
        default -> {
          ex.sendResponseHeaders(200, DATA.length);
          ex.getResponseBody().write(DATA);
        }
      }
      ex.close();
    });
    http.start();
  }

  @AfterEach
  void stop() {
    http.stop(0);
  }

  LookasideDownloader downloader(int retries) {
    String base = "http://127.0.0.1:" + http.getAddress().getPort() + "/repo/curl/";
    return new LookasideDownloader(e -> base + e.filename() + "/" + e.hashType().toLowerCase(java.util.Locale.ROOT) + "/" + e.hash() + "/" + e.filename(),
        new RetryPolicy(retries, Duration.ofMillis(5), Duration.ofMillis(10)));
  }

  SourcesFile.Entry entry() {
    return SourcesFile.Entry.of("SHA512", "curl-8.11.tar.xz", SHA512);
  }

  @Test
  void aVerifiedFileIsWrittenUnderItsName() throws Exception {
    assertThat(downloader(0).download("curl", entry(), tmp)).isEqualTo(LookasideDownloader.Result.DOWNLOADED);
    assertThat(Files.readAllBytes(tmp.resolve("curl-8.11.tar.xz"))).isEqualTo(DATA);
    assertThat(downloader(0).download("curl", entry(), tmp)).isEqualTo(LookasideDownloader.Result.ALREADY_PRESENT);
    assertThat(requests.get()).isEqualTo(1);
  }

  @Test
  void aHashMismatchLeavesNoFileAndNamesComponentFileAndUrl() throws Exception {
    mode = "wrong";
    assertThatThrownBy(() -> downloader(1).download("curl", entry(), tmp))
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("component 'curl': lookaside file curl-8.11.tar.xz (http://127.0.0.1:")
        .hasMessageContaining("/repo/curl/curl-8.11.tar.xz/sha512/" + SHA512 + "/curl-8.11.tar.xz")
        .hasMessageContaining("SHA512 mismatch")
        .hasMessageContaining("after 2 attempt(s)");
    try (var files = Files.list(tmp)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aServerErrorIsRetried() throws Exception {
    mode = "503-then-ok";
    downloader(2).download("curl", entry(), tmp);
    assertThat(Files.readAllBytes(tmp.resolve("curl-8.11.tar.xz"))).isEqualTo(DATA);
    assertThat(requests.get()).isEqualTo(2);
  }

  @Test
  void aBodyCutShortIsRetriedAndNeverLeftBehind() throws Exception {
    mode = "cut-then-ok";
    assertThatThrownBy(() -> downloader(0).download("curl", entry(), tmp)).isInstanceOf(UpstreamException.class);
    try (var files = Files.list(tmp)) {
      assertThat(files).isEmpty();
    }
    requests.set(0);
    downloader(1).download("curl", entry(), tmp);
    assertThat(Files.readAllBytes(tmp.resolve("curl-8.11.tar.xz"))).isEqualTo(DATA);
  }

  @Test
  void aMissingFileIsNotRetried() {
    mode = "404";
    assertThatThrownBy(() -> downloader(3).download("curl", entry(), tmp)).hasMessageContaining("HTTP 404");
    assertThat(requests.get()).isEqualTo(1);
  }


}
