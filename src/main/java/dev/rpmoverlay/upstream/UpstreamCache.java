package dev.rpmoverlay.upstream;

import com.google.common.hash.Hashing;
import dev.rpmoverlay.upstream.CacheMetadata.FileRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the committed upstream cache ({@code upstream-cache/}, format in docs/upstream-cache.md).
 * Render reads upstream content only through this class, so it needs neither network nor git.
 *
 * <p>Every entry is verified when read: each listed file must exist with the listed SHA-256, and
 * {@code files/} must hold nothing else. A cache given a {@link VerificationRecord} skips the hash of
 * a file held in memory whose stamp has not moved since the record saw it verified. The executable bit comes from the listed mode, not from
 * the file system, so an entry checked out on a system without POSIX modes still reads the same.
 */
public final class UpstreamCache {

  public static final String FILES_DIR = "files";

  /**
   * Files up to this size are held in memory once verified; larger ones are verified by streaming
   * them and left in the entry (see {@link CachedFile}), so reading an entry never needs memory in
   * proportion to its largest file.
   */
  public static final long IN_MEMORY_MAX_BYTES = 1L << 20;

  private final Path root;
  private final ContentLimits limits;
  private final long inMemoryMaxBytes;
  private final boolean deferLargeFileChecks;
  private final VerificationRecord record;

  private UpstreamCache(Path root, ContentLimits limits, long inMemoryMaxBytes, boolean deferLargeFileChecks,
      VerificationRecord record) {
    this.root = root;
    this.limits = limits;
    this.inMemoryMaxBytes = inMemoryMaxBytes;
    this.deferLargeFileChecks = deferLargeFileChecks;
    this.record = record;
  }

  /** The cache rooted at {@code dir} (it need not exist yet), read under {@link ContentLimits#DEFAULT}. */
  public static UpstreamCache open(Path dir) {
    return new UpstreamCache(dir, ContentLimits.DEFAULT, IN_MEMORY_MAX_BYTES, false, VerificationRecord.NONE);
  }

  /**
   * The same cache, its entries read under {@code limits}: an entry over them (hand-written, or
   * fetched with higher limits) fails its component with an error naming the file and the limit,
   * before a large file is read into memory.
   */
  public UpstreamCache withLimits(ContentLimits limits) {
    return new UpstreamCache(root, limits, inMemoryMaxBytes, deferLargeFileChecks, record);
  }

  /**
   * The same cache, holding in memory only files of at most {@code bytes} (0: none): tests use it to
   * send every file through the streaming path.
   */
  public UpstreamCache withInMemoryMax(long bytes) {
    return new UpstreamCache(root, limits, bytes, deferLargeFileChecks, record);
  }

  /**
   * The same cache, except that the SHA-256 of a file left on disk (over the in-memory bound) is
   * checked by whoever reads it through {@link CachedFile#open()}, not when the entry is read. For
   * render, which copies such a file to the output through that check (or compares it with the
   * output through it), so that it hashes a large file once rather than twice; a large file render
   * drops is then not checked. Everything else (small files, the manifest, sizes, limits) is
   * checked as always.
   */
  public UpstreamCache deferringLargeFileChecks() {
    return new UpstreamCache(root, limits, inMemoryMaxBytes, true, record);
  }

  /**
   * The same cache, trusting and keeping {@code record}: a file held in memory (at most the
   * in-memory bound) whose stamp, read after its content, is the one the record saw it verified
   * with is not hashed again; every other file is hashed and, once its whole entry verified,
   * recorded. Larger files are hashed as they stream, as always. Only entries read through {@link
   * #entry} use the record, never a staged one.
   */
  public UpstreamCache withRecord(VerificationRecord record) {
    return new UpstreamCache(root, limits, inMemoryMaxBytes, deferLargeFileChecks, record);
  }

  public Path root() {
    return root;
  }

  /** The directory of {@code component}'s entry. */
  public Path entryDir(String component) {
    return root.resolve(ComponentNames.checked(component));
  }

  /** Components that have an entry, sorted. Staging and backup directories (dot names) are skipped. */
  public List<String> components() throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    try (Stream<Path> s = Files.list(root)) {
      s.filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> Files.isRegularFile(p.resolve(CacheMetadataToml.FILE_NAME)))
          .forEach(p -> names.add(p.getFileName().toString()));
    }
    Collections.sort(names);
    return names;
  }

  /** Only the metadata of an entry, without reading or verifying its files; empty when absent. */
  public Optional<CacheMetadata> metadata(String component) {
    Path file = entryDir(component).resolve(CacheMetadataToml.FILE_NAME);
    try {
      return Optional.of(CacheMetadataToml.read(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads and verifies {@code component}'s entry.
   *
   * @throws UpstreamException when the entry is missing (suggesting {@code fetch}) or corrupt
   *     (naming the file and what is wrong)
   */
  public CacheEntry entry(String component) {
    return entryAt(component, entryDir(component), record.check(component));
  }

  /**
   * Reads and verifies a staged entry exactly as {@link #entry} will read it once installed, so a
   * tree that the cache would call corrupt never replaces a good entry.
   */
  public CacheEntry verify(StagedEntry staged) {
    return entryAt(staged.component(), staged.dir(), VerificationRecord.NONE.check(staged.component()));
  }

  private CacheEntry entryAt(String component, Path dir, VerificationRecord.EntryCheck check) {
    Path metaFile = dir.resolve(CacheMetadataToml.FILE_NAME);
    try {
      CacheMetadata meta;
      byte[] metaBytes;
      try {
        metaBytes = Files.readAllBytes(metaFile); // no stat first: a missing file is the one case with its own message
      } catch (NoSuchFileException e) {
        throw new UpstreamException("no upstream cache entry for component '" + component + "' (expected " + metaFile
            + "); run 'rpmoverlay fetch " + component + "'");
      }
      try {
        meta = CacheMetadataToml.parse(metaBytes, metaFile);
      } catch (UpstreamException e) {
        throw corrupt(component, e.getMessage());
      }
      if (!meta.component().equals(component)) {
        throw corrupt(component, metaFile + " names component '" + meta.component() + "'");
      }
      CacheEntry entry = load(component, dir, meta, metaBytes, check);
      check.confirm();
      return entry;
    } catch (IOException e) {
      throw corrupt(component, e.toString());
    }
  }

  private CacheEntry load(String component, Path dir, CacheMetadata meta, byte[] metaBytes, VerificationRecord.EntryCheck check)
      throws IOException {
    Path filesDir = dir.resolve(FILES_DIR);
    SortedMap<String, CachedFile> files = new TreeMap<>();
    SortedMap<String, String> links = new TreeMap<>();
    Set<String> listed = new HashSet<>();
    if (meta.files().size() > limits.maxFiles()) {
      throw overLimit(component, meta.files().size() + " files", limits.maxFiles() + " files", "max-files");
    }
    // One walk of files/ gives every file's type and size (lstat); a listed file it found as a regular
    // file, under a files/ and entry dir that are no links, passes the checks below without a
    // stat of its own. Anything else takes the per-file checks, which also word the error.
    Optional<Map<String, BasicFileAttributes>> walked = walk(dir, filesDir);
    long total = 0;
    for (FileRecord f : meta.files()) {
      Path p = ComponentNames.safeRelative(filesDir, f.path(), () -> corrupt(component, "unsafe path '" + f.path() + "'"));
      if (!listed.add(f.path())) {
        throw corrupt(component, "'" + f.path() + "' is listed twice");
      }
      if (f.kind() == FileKind.SYMLINK) {
        checkHash(component, FILES_DIR + "/" + f.path(), f.sha256(), f.symlinkTarget().getBytes(StandardCharsets.UTF_8));
        links.put(f.path(), f.symlinkTarget());
        continue;
      }
      BasicFileAttributes seen = walked.map(w -> w.get(f.path())).orElse(null);
      long size;
      if (seen != null && seen.isRegularFile()) {
        size = seen.size();
      } else {
        if (!Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) || linkOnTheWay(dir, p)) {
          throw corrupt(component, "listed file " + FILES_DIR + "/" + f.path() + " is missing"
              + (Files.exists(p) ? " (a symbolic link is in its place or on its path; the cache never holds links)" : ""));
        }
        size = Files.size(p);
      }
      if (size > limits.maxFileBytes()) {
        throw overLimit(component, FILES_DIR + "/" + f.path() + " has " + size + " bytes", limits.maxFileBytes() + " bytes",
            "max-file-size-mib");
      }
      total += size;
      if (total > limits.maxEntryBytes()) {
        throw overLimit(component, "its files have more than " + limits.maxEntryBytes() + " bytes", limits.maxEntryBytes()
            + " bytes", "max-entry-size-mib");
      }
      boolean executable = f.kind() == FileKind.EXECUTABLE;
      if (size > inMemoryMaxBytes) {
        // Left on disk, hashed as it streams by (now, or as render copies it to the output)
        if (!deferLargeFileChecks) {
          try (InputStream in = new VerifyingInputStream(Files.newInputStream(p, java.nio.file.LinkOption.NOFOLLOW_LINKS), size, f.sha256(),
            found -> corrupt(component, FILES_DIR + "/" + f.path() + " " + found))) {
            in.transferTo(OutputStream.nullOutputStream());
          }
        }
        files.put(f.path(), CachedFile.stored(f.path(), p, size, f.sha256(), executable, detail -> corrupt(component, detail)));
        continue;
      }
      byte[] bytes = Files.readAllBytes(p);
      verifyRead(component, check, FILES_DIR + "/" + f.path(), p, f.sha256(), bytes);
      files.put(f.path(), CachedFile.held(f.path(), bytes, executable));
    }
    if (walked.isPresent()) {
      Optional<String> extra = walked.get().entrySet().stream()
          .filter(e -> e.getValue().isRegularFile()
              || e.getValue().isSymbolicLink() && Files.isRegularFile(filesDir.resolve(e.getKey()))) // as Files::isRegularFile
          .map(Map.Entry::getKey)
          .filter(rel -> !listed.contains(rel))
          .sorted()
          .findFirst();
      if (extra.isPresent()) {
        throw corrupt(component, FILES_DIR + "/" + extra.get() + " is not listed in " + CacheMetadataToml.FILE_NAME);
      }
    } else if (Files.isDirectory(filesDir)) {
      try (Stream<Path> s = Files.walk(filesDir)) {
        Optional<String> extra = s.filter(Files::isRegularFile)
            .map(p -> filesDir.relativize(p).toString().replace('\\', '/'))
            .filter(rel -> !listed.contains(rel))
            .sorted()
            .findFirst();
        if (extra.isPresent()) {
          throw corrupt(component, FILES_DIR + "/" + extra.get() + " is not listed in " + CacheMetadataToml.FILE_NAME);
        }
      }
    }
    Optional<byte[]> history = Optional.empty();
    if (meta.historyFile().isPresent()) {
      Path h = ComponentNames.safeRelative(dir, meta.historyFile().get(), () -> corrupt(component, "unsafe history file name"));
      if (!Files.isRegularFile(h, java.nio.file.LinkOption.NOFOLLOW_LINKS) || linkOnTheWay(dir, h)) {
        throw corrupt(component, "history file " + meta.historyFile().get() + " is missing");
      }
      // The history decides the rendered Release and changelog, so it is verified like every file.
      String expected = meta.historySha256().orElseThrow(() -> corrupt(component, CacheMetadataToml.FILE_NAME
          + " names history file " + meta.historyFile().get() + " but not its history-sha256"));
      byte[] bytes = Files.readAllBytes(h);
      verifyRead(component, check, meta.historyFile().get(), h, expected, bytes);
      history = Optional.of(bytes);
    }
    return new CacheEntry(dir, meta, Collections.unmodifiableSortedMap(files), Collections.unmodifiableSortedMap(links), history,
        metaBytes);
  }

  /**
   * Every entry under {@code filesDir} that is not a directory, by its path relative to it ('/'
   * separated), with its attributes as {@code lstat} gives them; reached only through real
   * directories (links are not followed). Empty when {@code filesDir} or {@code entryDir} is not a
   * real directory or the walk fails: the caller then checks each file on its own.
   */
  private static Optional<Map<String, BasicFileAttributes>> walk(Path entryDir, Path filesDir) {
    try {
      if (Files.isSymbolicLink(entryDir)
          || !Files.readAttributes(filesDir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory()) {
        return Optional.empty(); // files/ itself is no directory (a link is not followed)
      }
      Map<String, BasicFileAttributes> found = new HashMap<>();
      walkInto(filesDir, "", found);
      return Optional.of(found);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Adds every entry under {@code dir} that is not a directory to {@code found}, by {@code prefix}
   * and its name, descending into real directories only. By hand, not {@code Files.walkFileTree}:
   * one listing of each directory ({@link DirectoryNames}) and one {@code lstat} per entry, the
   * same visits with fewer system calls per component.
   */
  private static void walkInto(Path dir, String prefix, Map<String, BasicFileAttributes> found) throws IOException {
    for (String name : DirectoryNames.of(dir)) {
      Path entry = dir.resolve(name);
      BasicFileAttributes attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attrs.isDirectory()) {
        walkInto(entry, prefix + name + "/", found);
      } else {
        found.put(prefix + name, attrs);
      }
    }
  }

  /**
   * Whether {@code p} or a directory between it and {@code entryDir} (inclusive) is a symbolic
   * link: reading through one could read any file on the machine, so a cache entry never has them.
   */
  private static boolean linkOnTheWay(Path entryDir, Path p) {
    for (Path q = p; q != null && q.startsWith(entryDir); q = q.getParent()) {
      if (Files.isSymbolicLink(q)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Checks that {@code bytes}, just read from {@code file} ({@code path} in the entry dir), have the
   * listed SHA-256, unless the record vouches for them. The stamp is read after the content: equal
   * to the recorded one, it proves that no write came between the verification the record holds
   * and the read ({@link VerificationRecord}).
   */
  private static void verifyRead(String component, VerificationRecord.EntryCheck check, String path, Path file, String expected,
      byte[] bytes) {
    Optional<FileStamp> stamp = check.active() ? FileStamp.of(file) : Optional.empty();
    if (stamp.isPresent() && check.trusts(path, stamp.get(), expected)) {
      return;
    }
    check.hashing();
    checkHash(component, path, expected, bytes);
    check.verified(path, stamp, expected);
  }

  private static void checkHash(String component, String shownPath, String expected, byte[] bytes) {
    String actual = Hashing.sha256().hashBytes(bytes).toString();
    if (!actual.equalsIgnoreCase(expected)) {
      throw corrupt(component, shownPath + " has SHA-256 " + actual + " but " + CacheMetadataToml.FILE_NAME
          + " lists " + expected);
    }
  }

  private static UpstreamException overLimit(String component, String what, String limit, String key) {
    return new UpstreamException("upstream cache entry for component '" + component + "': " + what + ", over the limit of "
        + limit + " (dist-git holds packaging files only); if this is real, raise " + key + " in the project's [project."
        + "upstream-limits] table");
  }

  private static UpstreamException corrupt(String component, String detail) {
    return new UpstreamException("upstream cache entry for component '" + component + "' is corrupt: " + detail
        + "; run 'rpmoverlay fetch " + component + "' to rewrite it");
  }
}
