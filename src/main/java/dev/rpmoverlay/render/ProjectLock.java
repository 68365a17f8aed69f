package dev.rpmoverlay.render;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Serializes the commands that write to a project ({@code render}, {@code update}, {@code fetch}):
 * one holds {@code <work-dir>/rpmoverlay.lock} at a time.
 *
 * <p>Mutual exclusion is an OS file lock on that file ({@link FileChannel#tryLock()}), which the
 * kernel drops when the holder dies, even by SIGKILL. The file's text names the holder (PID, its
 * start time, the command), so a second process can say who holds it. The file is never deleted
 * (deleting a locked file would let two processes lock two different inodes of the same name); a
 * holder that exits cleanly empties it. A non-empty file whose process is gone (checked by PID and
 * start time, so a reused PID is not mistaken for the holder) is a stale lock from a crash: it is
 * taken over, and {@link #tookOverFrom()} reports it.
 */
public final class ProjectLock implements AutoCloseable {
  public static final String FILE_NAME = "rpmoverlay.lock";

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final Optional<Holder> tookOverFrom;

  private ProjectLock(Path file, FileChannel channel, FileLock lock, Optional<Holder> tookOverFrom) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.tookOverFrom = tookOverFrom;
  }

  /** Who holds (or held) a lock: the text of the lock file. */
  public record Holder(long pid, String startedAt, String command) {
    static Optional<Holder> parse(String text) {
      long pid = -1;
      String started = "";
      String command = "";
      for (String line : text.split("\n")) {
        int eq = line.indexOf('=');
        if (eq < 0) {
          continue;
        }
        String key = line.substring(0, eq).trim();
        String value = line.substring(eq + 1).trim();
        switch (key) {
          case "pid" -> {
            try {
              pid = Long.parseLong(value);
            } catch (NumberFormatException e) {
              pid = -1;
            }
          }
          case "started" -> started = value;
          case "command" -> command = value;
          default -> { }
        }
      }
      return pid > 0 ? Optional.of(new Holder(pid, started, command)) : Optional.empty();
    }

    String format() {
      return "pid=" + pid + "\nstarted=" + startedAt + "\ncommand=" + command + "\n";
    }

    /** Whether the process is still running: same PID and, where the OS tells, the same start time. */
    public boolean alive() {
      Optional<ProcessHandle> h = ProcessHandle.of(pid);
      if (h.isEmpty() || !h.get().isAlive()) {
        return false;
      }
      Optional<Instant> start = h.get().info().startInstant();
      return start.isEmpty() || startedAt.isEmpty() || start.get().toString().equals(startedAt);
    }

    public String describeForUser() {
      return describe();
    }

    String describe() {
      return "pid " + pid + (command.isEmpty() ? "" : " ('" + command + "')") + (startedAt.isEmpty() ? "" : ", started " + startedAt);
    }
  }

  /** The lock is held by another process (or another command in this JVM). */
  public static final class HeldException extends Exception {
    private static final long serialVersionUID = 1L;

    HeldException(String message) {
      super(message);
    }
  }

  /**
   * Takes the lock, waiting up to {@code wait} for a running holder to finish.
   *
   * @param command what the caller is doing, shown to a process that finds the lock held
   * @throws HeldException when another live process still holds it after {@code wait}; the message
   *     names the holder and the lock file
   */
  public static ProjectLock acquire(Path file, String command, Duration wait) throws IOException, HeldException {
    return acquire(file, command, wait, "another rpmoverlay command is working on this project");
  }

  /**
   * {@link #acquire(Path, String, Duration)} for another resource than the project (an output dir).
   *
   * @param heldBy how the refusal starts, naming what is locked
   */
  public static ProjectLock acquire(Path file, String command, Duration wait, String heldBy) throws IOException, HeldException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      FileChannel channel = openOwned(file);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by another command in this JVM
      } catch (IOException e) {
        channel.close();
        throw e;
      }
      if (lock != null) {
        Optional<Holder> previous = Holder.parse(read(channel));
        write(channel, self(command).format());
        // A holder that exits cleanly empties the file, so any text left in it is from one that died.
        return new ProjectLock(file, channel, lock, previous);
      }
      Optional<Holder> holder = Holder.parse(read(channel));
      channel.close();
      if (System.nanoTime() >= deadline) {
        throw new HeldException(heldBy + ": "
            + holder.map(Holder::describe).orElse("a process that has not written its PID yet")
            + holder.filter(h -> !h.alive()).map(h -> " (that PID is no longer running, yet the lock is held: another"
                + " process has the file open; check with 'fuser " + file + "')").orElse("")
            + "; wait for it to finish and run again (lock file " + file + ")");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for " + file, e);
      }
    }
  }

  /**
   * Opens the lock file without following a symbolic link (O_NOFOLLOW) and refuses a file with
   * other hard links: the lock is truncated and rewritten, which through a link would clobber a
   * file elsewhere.
   */
  private static FileChannel openOwned(Path file) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      if (Files.isSymbolicLink(file)) {
        throw new IOException(file + " is a symbolic link; rpmoverlay never writes through one: delete it and run again", e);
      }
      throw e;
    }
    if (hardLinks(file) > 1) {
      channel.close();
      throw new IOException(file + " has other hard links; rpmoverlay rewrites this file, so it must be its own:"
          + " delete it and run again");
    }
    return channel;
  }

  private static int hardLinks(Path file) {
    try {
      return (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return 1; // no POSIX link count on this file system
    }
  }

  /** The holder of a stale lock this process took over (one that crashed without releasing it). */
  public Optional<Holder> tookOverFrom() {
    return tookOverFrom;
  }

  public Path file() {
    return file;
  }

  /** Releases the lock and empties the file, so the next process sees no stale holder. */
  @Override
  public void close() throws IOException {
    try {
      channel.truncate(0);
    } finally {
      try {
        lock.release();
      } finally {
        channel.close();
      }
    }
  }

  private static Holder self(String command) {
    ProcessHandle me = ProcessHandle.current();
    String started = me.info().startInstant().map(Instant::toString).orElse("");
    return new Holder(me.pid(), started, command);
  }

  private static String read(FileChannel channel) throws IOException {
    long size = Math.min(channel.size(), 4096);
    ByteBuffer buf = ByteBuffer.allocate((int) size);
    channel.read(buf, 0);
    return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
  }

  /**
   * Not forced to disk: other processes read the text through the page cache, and the mutual
   * exclusion is the OS lock, not the text. After a machine crash the text is at worst a dead
   * holder's or empty, which only decides whether a take-over is reported. The fsync cost every
   * command 20-40 ms on this VM's ext4, twice for a no-op render (project and output dir locks).
   */
  private static void write(FileChannel channel, String text) throws IOException {
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
  }
}
