package dev.rpmoverlay.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.transport.Daemon;
import org.eclipse.jgit.transport.DaemonClient;
import org.eclipse.jgit.transport.resolver.FileResolver;

/**
 * A git:// server on 127.0.0.1 serving every repository under a directory ({@code git://127.0.0.1:PORT/NAME}):
 * the real {@code git daemon} when the {@code git} binary is installed, else JGit's {@link Daemon}.
 * Repositories may be bare or have a work tree.
 */
public final class LoopbackGitServer implements AutoCloseable {
  private final Process process;
  private final Daemon daemon;
  private final int port;

  private LoopbackGitServer(Process process, Daemon daemon, int port) {
    this.process = process;
    this.daemon = daemon;
    this.port = port;
  }

  /** Starts serving {@code root}. */
  public static LoopbackGitServer serve(Path root) throws IOException, InterruptedException {
    if (onPath("git")) {
      for (int attempt = 0; attempt < 5; attempt++) {
        int port = freePort();
        Process p = new ProcessBuilder(List.of("git", "daemon", "--reuseaddr", "--export-all", "--listen=127.0.0.1",
            "--port=" + port, "--base-path=" + root.toAbsolutePath(), "--informative-errors", root.toAbsolutePath().toString()))
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (awaitListening(p, port)) {
          return new LoopbackGitServer(p, null, port);
        }
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // the port was taken meanwhile: try another
      }
      throw new IOException("git daemon did not start");
    }
    Daemon d = new Daemon(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    d.getService("git-upload-pack").setEnabled(true);
    d.setRepositoryResolver(new FileResolver<DaemonClient>(root.toFile(), true));
    d.start();
    return new LoopbackGitServer(null, d, d.getAddress().getPort());
  }

  /** Whether this is the {@code git daemon} binary (else JGit's daemon). */
  public boolean isGitBinary() {
    return process != null;
  }

  /** {@code git://127.0.0.1:PORT/}, to which a repository name is appended. */
  public String baseUrl() {
    return "git://127.0.0.1:" + port + "/";
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    } else {
      daemon.stopAndWait();
    }
  }

  private static boolean awaitListening(Process p, int port) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        return false;
      }
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return true;
      } catch (IOException notYet) {
        Thread.sleep(20);
      }
    }
    return false;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (java.nio.file.Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
