package dev.rpmoverlay.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code rpmspec -q --srpm} on one spec for the Source/Patch names rpm resolves. Debian's and
 * Ubuntu's rpm lack Fedora's macro set; {@code %autorelease} and {@code %autochangelog} (in most
 * Fedora specs, and harmless to the names) are defined here, everything else a spec needs from
 * Fedora's macros makes the query fail, and such specs are counted apart. Results can be cached in
 * a directory ({@code NAME.names} or {@code NAME.failed}), written atomically, so an interrupted
 * run resumes.
 */
final class RpmSpecQuery {
  /** What rpm said about one spec. */
  sealed interface Answer {}

  /** The names rpm printed, one per source or patch. */
  record Names(List<String> names) implements Answer {}

  /** rpm could not parse the spec; {@code reason} is its first error line. */
  record Failed(String reason) implements Answer {}

  private final String rpmspec;
  private final Optional<Path> cache;
  private final long timeoutSeconds;

  RpmSpecQuery(String rpmspec, Optional<Path> cache, long timeoutSeconds) {
    this.rpmspec = rpmspec;
    this.cache = cache;
    this.timeoutSeconds = timeoutSeconds;
  }

  /** Whether {@code rpmspec} can be started at all. */
  static boolean available(String rpmspec) {
    try {
      Process p = new ProcessBuilder(rpmspec, "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  Answer query(Path spec) throws IOException, InterruptedException {
    String file = spec.getFileName().toString();
    if (cache.isPresent()) {
      Path names = cache.get().resolve(file + ".names");
      Path failed = cache.get().resolve(file + ".failed");
      if (Files.exists(names)) {
        return new Names(lines(Files.readString(names, StandardCharsets.UTF_8)));
      }
      if (Files.exists(failed)) {
        return new Failed(reason(Files.readString(failed, StandardCharsets.UTF_8)));
      }
    }
    Path tmpDir = cache.orElse(Path.of(System.getProperty("java.io.tmpdir")));
    Path out = Files.createTempFile(tmpDir, ".rpmspec-out", ".tmp");
    Path err = Files.createTempFile(tmpDir, ".rpmspec-err", ".tmp");
    try {
      Process p = new ProcessBuilder(rpmspec, "-q", "--srpm",
          "--define", "autorelease(e:s:pb:n) 1%{?dist}", "--define", "autochangelog %{nil}",
          "--qf", "[%{SOURCE}\\n][%{PATCH}\\n]", spec.toAbsolutePath().toString())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
          .start();
      boolean ok;
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        Files.writeString(err, "error: rpmspec took longer than " + timeoutSeconds + " s\n");
        ok = false;
      } else {
        ok = p.exitValue() == 0;
      }
      Path result = ok ? out : err;
      String text = Files.readString(result, StandardCharsets.UTF_8);
      if (cache.isPresent()) {
        // a move within one file system is atomic: a half-written answer is never cached
        Files.move(result, cache.get().resolve(file + (ok ? ".names" : ".failed")), StandardCopyOption.REPLACE_EXISTING);
      }
      return ok ? new Names(lines(text)) : new Failed(reason(text));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isEmpty()) {
        out.add(line);
      }
    }
    return out;
  }

  /** The first error line without its line number, so failures of one kind group together. */
  static String reason(String stderr) {
    for (String line : stderr.split("\n")) {
      if (line.startsWith("error:")) {
        return line.substring(6).strip().replaceFirst("^(\\S+\\.spec: )?line \\d+: ", "");
      }
    }
    String first = stderr.strip().split("\n", 2)[0];
    return first.isEmpty() ? "rpmspec failed without a message" : first;
  }
}
