package dev.rpmoverlay.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The git-hook plant of issue 18: the files of a working {@code .git} directory whose {@code
 * core.fsmonitor} creates a marker file, and a probe that runs {@code git status} where they may
 * have landed and says whether the command ran.
 */
public final class GitPlant {
  private GitPlant() {}

  /** Relative path (under {@code gitDirName}, or at the top when it is empty) → content, for a repository whose fsmonitor touches {@code marker}. */
  public static Map<String, byte[]> files(String gitDirName, Path marker) {
    String d = gitDirName.isEmpty() ? "" : gitDirName + "/";
    Map<String, byte[]> files = new TreeMap<>();
    files.put(d + "HEAD", bytes("ref: refs/heads/main\n"));
    files.put(d + "config", bytes("[core]\n\trepositoryformatversion = 0\n\tbare = false\n\tfsmonitor = \"touch '"
        + marker + "'; false\"\n"));
    files.put(d + "objects/info/packs", bytes(""));
    files.put(d + "refs/heads/.keep", bytes(""));
    return files;
  }

  /** Writes {@link #files} under {@code dir}. */
  public static void write(Path dir, String gitDirName, Path marker) throws IOException {
    for (var e : files(gitDirName, marker).entrySet()) {
      Path p = dir.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.write(p, e.getValue());
    }
  }

  /** Runs {@code git status} in {@code dir} (when it exists) and returns whether {@code marker} now exists. */
  public static boolean gitStatusRanTheCommand(Path dir, Path marker) throws IOException, InterruptedException {
    if (Files.isDirectory(dir)) {
      Process p = new ProcessBuilder("git", "status").directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    return Files.exists(marker);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
