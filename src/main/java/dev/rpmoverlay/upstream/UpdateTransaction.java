package dev.rpmoverlay.upstream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replaces one component's cache entry and lock together, so that a crash at any point leaves
 * both old or (after the next command's {@link #repair}) both new, never a lock naming one commit
 * beside an entry holding another.
 *
 * <p>Two directories cannot change in one atomic step, so the new lock goes first to a journal
 * file beside the lock ({@code <lock-dir>/.<component>.lock.pending}, written and renamed
 * atomically); then the staged entry is swapped in; then the journal is renamed over the lock. The
 * entry swap is the commit point: {@link #repair} renames a leftover journal into place when the
 * cache entry holds the journal's commit (the swap happened), and deletes it otherwise.
 */
public final class UpdateTransaction {
  static final String PENDING_SUFFIX = ".lock.pending";

  private final LockStore locks;
  private final CacheEntryWriter writer;
  private final UpstreamCache cache;

  public UpdateTransaction(LockStore locks, UpstreamCache cache, CacheEntryWriter writer) {
    this.locks = locks;
    this.cache = cache;
    this.writer = writer;
  }

  /**
   * Installs {@code entry} (when given) and writes {@code lock} as one step.
   *
   * @return whether the lock's text changed
   */
  public boolean commit(String component, Optional<StagedEntry> entry, LockFile lock) throws IOException {
    if (entry.isEmpty()) {
      return locks.write(component, lock); // one atomic rename: nothing to journal
    }
    Path target = locks.path(component);
    String text = LockStore.format(lock);
    boolean changed = !(Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
        && Files.readString(target, StandardCharsets.UTF_8).equals(text));
    Path pending = pendingPath(component);
    Files.createDirectories(locks.lockDir());
    Path tmp = Files.createTempFile(locks.lockDir(), "." + component, ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
      Renames.replace(tmp, pending);
    } finally {
      Files.deleteIfExists(tmp);
    }
    KillPoints.reach("lock-journaled");
    try {
      writer.install(entry.get());
    } catch (IOException e) {
      Files.deleteIfExists(pending); // the old entry is back in place, so the old lock stays
      throw e;
    }
    Renames.replace(pending, target);
    KillPoints.reach("lock-written");
    return changed;
  }

  /**
   * Finishes or undoes what a killed {@code update} left: an entry set aside between two renames
   * is put back, staging dirs are removed, and each journaled lock is renamed into place when the
   * cache entry holds its commit and deleted otherwise. Run under the project lock, before reading
   * any lock or entry.
   *
   * @return one note per repaired component, sorted
   */
  public List<String> repair() throws IOException {
    List<String> notes = new ArrayList<>();
    for (String c : writer.cleanLeftovers()) {
      notes.add("restored the upstream cache entry of " + c + ": an earlier fetch or update was killed while replacing it");
    }
    if (!Files.isDirectory(locks.lockDir())) {
      return notes;
    }
    List<Path> leftovers = java.util.Arrays.stream(DirectoryNames.of(locks.lockDir())).filter(n -> n.startsWith(".")).sorted()
        .map(locks.lockDir()::resolve).toList();
    for (Path p : leftovers) {
      String name = p.getFileName().toString();
      if (name.endsWith(PENDING_SUFFIX)) {
        String component = name.substring(1, name.length() - PENDING_SUFFIX.length());
        notes.add(finish(component, p));
      } else if (name.endsWith(".tmp") && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        Files.delete(p); // a lock temp file of a killed writer: never renamed, so never the lock
      }
    }
    return notes;
  }

  private String finish(String component, Path pending) throws IOException {
    Optional<String> commit;
    try {
      commit = Optional.of(LockStore.parse(Files.readString(pending, StandardCharsets.UTF_8), pending.toString()).upstreamCommit());
    } catch (UpstreamException | IOException e) {
      commit = Optional.empty(); // written by the rename of a complete temp file, so only tampering gets here
    }
    Optional<CacheMetadata> meta;
    try {
      meta = cache.metadata(component);
    } catch (UpstreamException | java.io.UncheckedIOException e) {
      meta = Optional.empty();
    }
    if (commit.isPresent() && meta.isPresent() && meta.get().commit().equals(commit.get())) {
      Renames.replace(pending, locks.path(component));
      return "completed the update of " + component + ": an earlier update was killed after replacing its cache entry;"
          + " its lock now names the same commit " + commit.get().substring(0, Math.min(12, commit.get().length()));
    }
    Files.delete(pending);
    return "rolled back the update of " + component + ": an earlier update was killed before replacing its cache entry;"
        + " its lock and cache entry are the previous ones";
  }

  private Path pendingPath(String component) {
    return locks.lockDir().resolve("." + ComponentNames.checked(component) + PENDING_SUFFIX);
  }
}
