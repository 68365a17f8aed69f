package dev.rpmoverlay.upstream;

import com.google.common.hash.Hashing;
import com.google.common.hash.HashingOutputStream;
import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import dev.rpmoverlay.upstream.CacheMetadata.FileRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Writes cache entries atomically: the whole entry is built in a staging directory next to the
 * target and then renamed into place, so a failure at any point leaves the previous entry intact.
 * Gitlinks (submodules) are not copied, as azldev strips them too.
 */
public final class CacheEntryWriter {

  private final UpstreamCache cache;
  private final Optional<HistoryFactsExtractor> history;
  private ContentLimits limits = ContentLimits.DEFAULT;

  public CacheEntryWriter(UpstreamCache cache, Optional<HistoryFactsExtractor> history) {
    this.cache = cache;
    this.history = history;
  }

  /** Bounds on what one entry may hold; a tree over them fails its component (default {@link ContentLimits#DEFAULT}). */
  public CacheEntryWriter withLimits(ContentLimits limits) {
    this.limits = limits;
    return this;
  }

  /** The metadata an entry for {@code resolved} would carry, without its file list. */
  public CacheMetadata describe(UpstreamCoordinates c, ResolvedCommit resolved) {
    return new CacheMetadata(CacheMetadata.FORMAT, c.component(), c.upstreamName(), c.url(), c.branch(), resolved.commit(),
        resolved.commitTime(), c.snapshot(), history.map(HistoryFactsExtractor::fileName), List.of());
  }

  /** Whether the existing entry (its metadata, if any) already holds exactly this commit from this source. */
  public boolean isCurrent(Optional<CacheMetadata> existing, UpstreamCoordinates c, ResolvedCommit resolved) {
    return existing.map(m -> m.sameSourceAs(describe(c, resolved))).orElse(false);
  }

  /** Writes (or replaces) {@code c.component()}'s entry with the tree of {@code resolved}. */
  public CacheMetadata write(Repository repo, UpstreamCoordinates c, ResolvedCommit resolved) throws IOException {
    StagedEntry staged = stage(repo, c, resolved);
    try {
      install(staged);
    } finally {
      discard(staged);
    }
    return staged.metadata();
  }

  /**
   * Writes the entry for {@code resolved} to a staging directory beside the cache and leaves it
   * there; the current entry is not touched. The caller {@link #install}s or {@link #discard}s it.
   */
  public StagedEntry stage(Repository repo, UpstreamCoordinates c, ResolvedCommit resolved) throws IOException {
    Files.createDirectories(cache.root());
    Path staging = cache.root().resolve(".staging-" + ComponentNames.checked(c.component()) + "-" + UUID.randomUUID());
    boolean done = false;
    try {
      Files.createDirectories(staging.resolve(UpstreamCache.FILES_DIR));
      CacheMetadata meta;
      try (RevWalk walk = new RevWalk(repo)) {
        RevCommit commit = walk.parseCommit(ObjectId.fromString(resolved.commit()));
        List<FileRecord> files = writeTree(repo, commit, staging.resolve(UpstreamCache.FILES_DIR), c, limits);
        Optional<String> historySha256 = Optional.empty();
        if (history.isPresent()) {
          byte[] facts = history.get().extract(repo, commit, c.upstreamName() + ".spec");
          Files.write(staging.resolve(history.get().fileName()), facts);
          historySha256 = Optional.of(Hashing.sha256().hashBytes(facts).toString());
        }
        CacheMetadata d = describe(c, resolved);
        meta = new CacheMetadata(d.format(), d.component(), d.upstreamName(), d.url(), d.branch(), d.commit(), d.commitTime(),
            d.snapshot(), d.historyFile(), historySha256, files);
      }
      Files.writeString(staging.resolve(CacheMetadataToml.FILE_NAME), CacheMetadataToml.write(meta), StandardCharsets.UTF_8);
      done = true;
      KillPoints.reach("entry-staged");
      return new StagedEntry(c.component(), staging, meta);
    } finally {
      if (!done && Files.exists(staging)) {
        MoreFiles.deleteRecursively(staging, RecursiveDeleteOption.ALLOW_INSECURE);
      }
    }
  }

  /** Swaps a staged entry into place (two renames; see {@link #cleanLeftovers} for a crash between them). */
  public void install(StagedEntry staged) throws IOException {
    swapIn(staged.dir(), cache.entryDir(staged.component()));
  }

  /** Deletes a staged entry that was not installed (nothing when it was). */
  public void discard(StagedEntry staged) throws IOException {
    if (Files.exists(staged.dir(), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      MoreFiles.deleteRecursively(staged.dir(), RecursiveDeleteOption.ALLOW_INSECURE);
    }
  }

  private static List<FileRecord> writeTree(Repository repo, RevCommit commit, Path filesDir, UpstreamCoordinates c,
      ContentLimits limits) throws IOException {
    List<FileRecord> files = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    long totalBytes = 0;
    try (TreeWalk tw = new TreeWalk(repo)) {
      tw.addTree(commit.getTree());
      tw.setRecursive(true);
      while (tw.next()) {
        FileMode mode = tw.getFileMode(0);
        String path = tw.getPathString();
        if (mode == FileMode.GITLINK) {
          continue;
        }
        Path out = ComponentNames.safeRelative(filesDir, path, () -> new UpstreamException(c.describe() + " at commit "
            + commit.name() + ": the tree holds '" + path + "', which the cache cannot hold (a '.git' or '..' path component);"
            + " pin another commit with spec.upstream-commit or fix the repository"));
        if (!seen.add(path)) {
          // git itself refuses such a tree (fsck: duplicateEntries); written twice, one copy would silently win
          throw new UpstreamException(c.describe() + " at commit " + commit.name() + ": the tree holds '" + path
              + "' twice (a malformed tree); pin another commit with spec.upstream-commit or fix the repository");
        }
        if (files.size() >= limits.maxFiles()) {
          throw overLimit(c, commit, "more than " + limits.maxFiles() + " files", "--max-files", "max-files");
        }
        ObjectLoader blob = repo.open(tw.getObjectId(0));
        if (blob.getSize() > limits.maxFileBytes()) {
          throw overLimit(c, commit, "'" + path + "' has " + blob.getSize() + " bytes, more than " + limits.maxFileBytes(),
              "--max-file-size", "max-file-size-mib");
        }
        totalBytes += blob.getSize();
        if (totalBytes > limits.maxEntryBytes()) {
          throw overLimit(c, commit, "more than " + limits.maxEntryBytes() + " bytes of files", "--max-entry-size", "max-entry-size-mib");
        }
        if (mode == FileMode.SYMLINK) {
          String target = new String(blob.getBytes(), StandardCharsets.UTF_8);
          files.add(new FileRecord(path, FileKind.SYMLINK, Hashing.sha256().hashString(target, StandardCharsets.UTF_8).toString(), target));
          continue;
        }
        boolean exec = mode == FileMode.EXECUTABLE_FILE;
        Files.createDirectories(out.getParent());
        HashingOutputStream hashing;
        try (OutputStream os = Files.newOutputStream(out)) {
          hashing = new HashingOutputStream(Hashing.sha256(), os);
          blob.copyTo(hashing); // streams large blobs instead of holding them in memory
        }
        if (exec) {
          makeExecutable(out);
        }
        files.add(new FileRecord(path, exec ? FileKind.EXECUTABLE : FileKind.REGULAR, hashing.hash().toString(), ""));
      }
    }
    return files;
  }

  private static UpstreamException overLimit(UpstreamCoordinates c, RevCommit commit, String what, String option, String key) {
    return new UpstreamException(c.describe() + " at commit " + commit.name() + ": the tree holds " + what
        + ", over the upstream content limit (dist-git holds packaging files only); if this is real, raise " + key
        + " in the project's [project.upstream-limits] table (or pass " + option + ")");
  }

  private static void makeExecutable(Path p) throws IOException {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the mode in upstream.toml stays authoritative.
    }
  }

  /**
   * Moves the finished staging dir into place. A directory cannot atomically replace a non-empty
   * one, so the old entry is first renamed aside and removed only after the new one is in place;
   * if the second rename fails, the old entry is moved back.
   */
  private static void swapIn(Path staging, Path target) throws IOException {
    if (!Files.exists(target)) {
      Renames.rename(staging, target);
      return;
    }
    Path old = target.resolveSibling(".old-" + target.getFileName() + "-" + UUID.randomUUID());
    Renames.rename(target, old);
    KillPoints.reach("entry-aside");
    try {
      Renames.rename(staging, target);
    } catch (IOException e) {
      Renames.rename(old, target);
      throw e;
    }
    KillPoints.reach("entry-installed");
    MoreFiles.deleteRecursively(old, RecursiveDeleteOption.ALLOW_INSECURE);
  }

  /**
   * Cleans up after a process that died mid-write: staging dirs are removed; an entry that was
   * renamed aside but never replaced is moved back. Callers hold the project lock, so no writer is
   * still at work on these.
   *
   * @return the components whose entry was moved back, sorted
   */
  public List<String> cleanLeftovers() throws IOException {
    List<String> restored = new ArrayList<>();
    if (!Files.isDirectory(cache.root())) {
      return restored;
    }
    // every render lists the whole cache dir for these: names only, no Path per entry
    List<Path> leftovers = java.util.Arrays.stream(DirectoryNames.of(cache.root())).filter(n -> n.startsWith(".")).sorted()
        .map(cache.root()::resolve).toList();
    for (Path p : leftovers) {
      String name = p.getFileName().toString();
      int uuidLength = 37; // "-" + UUID
      if (name.startsWith(".old-") && name.length() > ".old-".length() + uuidLength) {
        Path target = p.resolveSibling(name.substring(".old-".length(), name.length() - uuidLength));
        if (!Files.exists(target)) {
          Renames.rename(p, target);
          restored.add(target.getFileName().toString());
          continue;
        }
      }
      if (name.startsWith(".staging-") || name.startsWith(".old-")) {
        MoreFiles.deleteRecursively(p, RecursiveDeleteOption.ALLOW_INSECURE);
      }
    }
    return restored;
  }
}
