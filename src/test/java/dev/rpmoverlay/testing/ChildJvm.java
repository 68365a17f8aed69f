package dev.rpmoverlay.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a class of this test run's class path in a separate JVM, so a test can SIGKILL it. */
public final class ChildJvm {
  private ChildJvm() {}

  public static ProcessBuilder builder(Class<?> mainClass, List<String> args) {
    return builder(mainClass, List.of(), args);
  }

  /** With JVM options ({@code -Dname=value}...) before the class name. */
  public static ProcessBuilder builder(Class<?> mainClass, List<String> jvmOptions, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.add("-Xshare:auto");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass.getName());
    cmd.addAll(args);
    return new ProcessBuilder(cmd);
  }

  public static Process start(Class<?> mainClass, List<String> args, Path log) throws IOException {
    return builder(mainClass, args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** SIGKILL: no shutdown hooks, no finally blocks, exactly like a crash or the OOM killer. */
  public static void kill(Process p) throws InterruptedException {
    p.destroyForcibly();
    p.waitFor();
  }
}
