package dev.rpmoverlay.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.transport.Daemon;
import org.eclipse.jgit.transport.DaemonClient;
import org.eclipse.jgit.transport.resolver.FileResolver;

/**
 * N synthetic dist-git repositories ({@code pkg000.git}, ... on branch {@code f43}, built by
 * {@link SyntheticDistGit} unless already there) served by a JGit git daemon on 127.0.0.1, for the
 * network benchmarks.
 */
final class SyntheticServer implements AutoCloseable {
  private final Path root;
  private final List<String> names;
  private final Daemon daemon;

  private SyntheticServer(Path root, List<String> names, Daemon daemon) {
    this.root = root;
    this.names = List.copyOf(names);
    this.daemon = daemon;
  }

  /** Builds the missing repositories under {@code root}, says how long that took on {@code out}, and starts serving. */
  static SyntheticServer start(Path root, int repos, int commits, PrintWriter out) throws IOException {
    Files.createDirectories(root);
    String format = "pkg%0" + Math.max(3, Integer.toString(repos - 1).length()) + "d";
    List<String> names = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < repos; i++) {
      String name = String.format(Locale.ROOT, format, i);
      names.add(name);
      if (!Files.exists(root.resolve(name + ".git"))) {
        SyntheticDistGit.create(root.resolve(name + ".git"), name, "f43", commits, 42);
      }
    }
    out.printf(Locale.ROOT, "built %d repos x %d commits in %d ms (%s)%n", repos, commits, (System.nanoTime() - t0) / 1_000_000, root);
    Daemon daemon = new Daemon(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    daemon.getService("git-upload-pack").setEnabled(true);
    daemon.setRepositoryResolver(new FileResolver<DaemonClient>(root.toFile(), true));
    daemon.start();
    return new SyntheticServer(root, names, daemon);
  }

  /** The repository names, in order. */
  List<String> names() {
    return names;
  }

  /** The git:// URL of repository {@code name}. */
  String url(String name) {
    return "git://127.0.0.1:" + daemon.getAddress().getPort() + "/" + name + ".git";
  }

  /** The bare repository of {@code name} on disk. */
  Path repo(String name) {
    return root.resolve(name + ".git");
  }

  @Override
  public void close() throws InterruptedException {
    daemon.stopAndWait();
  }
}
