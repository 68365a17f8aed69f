package dev.rpmoverlay.upstream;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.Daemon;
import org.eclipse.jgit.transport.DaemonClient;
import org.eclipse.jgit.transport.resolver.FileResolver;

/**
 * Builds dist-git-like repositories with controlled commit times under one directory, and serves
 * them over {@code file://} or a JGit {@link Daemon} on 127.0.0.1 with an ephemeral port.
 */
final class DistGitFixture implements AutoCloseable {

  final Path root;
  private Daemon daemon;

  DistGitFixture(Path root) throws IOException {
    this.root = Files.createDirectories(root);
  }

  /** A new non-bare repository {@code name} whose first commit (on {@code branch}) is at {@code time}. */
  Git create(String name, String branch, Instant time) throws Exception {
    Git git = Git.init().setDirectory(root.resolve(name).toFile()).setInitialBranch(branch).call();
    commit(git, time, "Initial import", Map.of(name + ".spec", "Name: " + name + "\nVersion: 1\n"));
    return git;
  }

  /** Commits {@code files} (path → content; a path ending in {@code *} is written executable, without the star). */
  static RevCommit commit(Git git, Instant time, String message, Map<String, String> files) throws Exception {
    Path work = git.getRepository().getWorkTree().toPath();
    for (var e : files.entrySet()) {
      boolean exec = e.getKey().endsWith("*");
      String rel = exec ? e.getKey().substring(0, e.getKey().length() - 1) : e.getKey();
      Path p = work.resolve(rel);
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(exec ? "rwxr-xr-x" : "rw-r--r--"));
    }
    git.add().addFilepattern(".").call();
    PersonIdent who = new PersonIdent("Packager", "packager@example.org", time, ZoneOffset.UTC);
    return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setAllowEmpty(true).call();
  }

  static RevCommit commitBytes(Git git, Instant time, String message, String path, byte[] content) throws Exception {
    Path p = git.getRepository().getWorkTree().toPath().resolve(path);
    Files.write(p, content);
    git.add().addFilepattern(path).call();
    PersonIdent who = new PersonIdent("Packager", "packager@example.org", time, ZoneOffset.UTC);
    return git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
  }

  static void checkout(Git git, String branch, boolean create, String startPoint) throws Exception {
    var cmd = git.checkout().setName(branch).setCreateBranch(create);
    if (startPoint != null) {
      cmd.setStartPoint(startPoint);
    }
    cmd.call();
  }

  /** Merges {@code other} into the current branch with a merge commit made at {@code time}. */
  static RevCommit merge(Git git, String other, Instant time) throws Exception {
    git.merge().include(git.getRepository().resolve(other)).setFastForward(MergeCommand.FastForwardMode.NO_FF).setCommit(false).call();
    PersonIdent who = new PersonIdent("Packager", "packager@example.org", time, ZoneOffset.UTC);
    return git.commit().setMessage("Merge " + other).setAuthor(who).setCommitter(who).call();
  }

  String fileUrl(String name) {
    return fileTemplate().replace("$pkg", name);
  }

  /** {@code file://} template for {@code $pkg}. */
  String fileTemplate() {
    return root.toUri() + "$pkg";
  }

  /** Starts (or restarts) the git daemon; returns its port. */
  int startDaemon() throws IOException {
    daemon = new Daemon(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    daemon.getService("git-upload-pack").setEnabled(true);
    daemon.setRepositoryResolver(new FileResolver<DaemonClient>(root.toFile(), true));
    daemon.start();
    return daemon.getAddress().getPort();
  }

  void stopDaemon() throws InterruptedException {
    if (daemon != null) {
      daemon.stopAndWait();
      daemon = null;
    }
  }

  @Override
  public void close() throws Exception {
    stopDaemon();
  }

  static Instant at(String utc) {
    return Instant.parse(utc);
  }
}
