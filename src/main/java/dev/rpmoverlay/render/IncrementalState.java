package dev.rpmoverlay.render;

import com.google.common.hash.Funnels;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.rpmoverlay.overlay.FileModes;
import dev.rpmoverlay.overlay.SourceTree;
import dev.rpmoverlay.overlay.TreeFile;
import dev.rpmoverlay.upstream.DirectoryNames;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * What the last render wrote, so the next one can skip components whose inputs and output are
 * both unchanged ({@code <out>/.rpmoverlay-render-state}, one {@code name TAB input-fingerprint TAB
 * output-digest} line per component, sorted).
 *
 * <p>A component is skipped only when its current input fingerprint equals the recorded one
 * <em>and</em> the digest of its output dir as it is now on disk equals the recorded digest, so a
 * hand-edited, deleted, or half-restored output dir is always rendered again. The file is written
 * once, atomically, after every component dir is in place; a run killed earlier leaves the previous
 * file, whose entries then fail the digest check for any dir that changed. A damaged or unreadable
 * file is ignored (everything renders).
 */
public final class IncrementalState {
  public static final String FILE_NAME = ".rpmoverlay-render-state";
  private static final String HEADER = "# rpmoverlay render state v2: component<TAB>input fingerprint<TAB>output digest\n";

  /** Recorded for a component whose inputs have no fingerprint: equal to no computed one (those are hex digests). */
  public static final String NO_FINGERPRINT = "-";

  private record Entry(String fingerprint, String digest) {}

  private final Path file;
  private final Map<String, Entry> previous;
  private final Map<String, Entry> next;

  private IncrementalState(Path file, Map<String, Entry> previous) {
    this.file = file;
    this.previous = previous;
    this.next = new ConcurrentSkipListMap<>(previous);
  }

  /** The state of {@code outDir}; empty (nothing skipped) when there is none or it cannot be read. */
  public static IncrementalState load(Path outDir) {
    Path file = outDir.resolve(FILE_NAME);
    Map<String, Entry> entries = new ConcurrentHashMap<>();
    try {
      if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER.strip())) {
          return new IncrementalState(file, entries); // another version's digests: render everything once
        }
        for (String line : lines) {
          String[] f = line.split("\t", -1);
          if (!line.startsWith("#") && f.length == 3) {
            entries.put(f[0], new Entry(f[1], f[2]));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      entries.clear(); // unreadable state only costs a full render
    }
    return new IncrementalState(file, entries);
  }

  /** Whether {@link #unchanged} can hold for {@code name} at all: the last run recorded it with a fingerprint. */
  public boolean mayBeUnchanged(String name) {
    Entry e = previous.get(name);
    return e != null && !e.fingerprint().equals(NO_FINGERPRINT);
  }

  /** Whether {@code name} was rendered from {@code fingerprint} into exactly what {@code dir} holds now. */
  public boolean unchanged(String name, String fingerprint, Path dir) {
    Entry e = previous.get(name);
    if (e == null || e.fingerprint().equals(NO_FINGERPRINT) || !e.fingerprint().equals(fingerprint) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try {
      return holdsDigest(dir, e.digest());
    } catch (IOException | RuntimeException ex) {
      return false;
    }
  }

  /**
   * Whether {@code dir} holds exactly what the state recorded for {@code name} (whatever its input
   * fingerprint): used right after a render, on the state it saved, to prove that nobody changed a
   * component dir between its write and a look at its stamps.
   */
  public boolean holds(String name, Path dir) {
    Entry e = previous.get(name);
    try {
      return e != null && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && holdsDigest(dir, e.digest());
    } catch (IOException | RuntimeException ex) {
      return false;
    }
  }

  /** Records that {@code name}, rendered from {@code fingerprint}, is now on disk the tree whose {@link #digest} is {@code digest}. */
  public void record(String name, String fingerprint, String digest) {
    next.put(name, new Entry(fingerprint, digest));
  }

  /** Forgets {@code name} (it failed, or its dir is gone). */
  public void forget(String name) {
    next.remove(name);
  }

  /** Writes the state atomically. */
  public void save() throws IOException {
    StringBuilder sb = new StringBuilder(HEADER);
    new TreeMap<>(next).forEach((name, e) ->
        sb.append(name).append('\t').append(e.fingerprint()).append('\t').append(e.digest()).append('\n'));
    AtomicTextFile.replace(file, sb);
  }

  /**
   * A 128-bit MurmurHash3 over every file's path, executable bit, size and bytes, in path order,
   * streamed: a large (stored) file is read a chunk at a time, never held whole.
   *
   * <p>Not SHA-256: this digest only has to notice accidental changes to an output dir (a hand
   * edit, a partial restore), and whoever can change the dir on purpose can rewrite this state
   * file as well, so a cryptographic hash buys nothing. With the launcher's C1-only JIT, SHA-256 of
   * every output file (69 MB for the full distro) was a third of a full render's CPU time; MurmurHash3
   * is about ten times faster there. Upstream content is still verified with SHA-256 (the cache
   * manifest's hashes) whenever it is read.
   */
  public static String digest(SourceTree tree) {
    Hasher h = Hashing.murmur3_128().newHasher();
    // Fed as the file gives it (held content whole, a stored file a chunk at a time): the streaming
    // hasher gives the same value however the bytes are split, and a stored file never has to be
    // in memory. No chunk of its own: one per call was 1 GB of a full render's 3.2 GB of garbage.
    OutputStream sink = Funnels.asOutputStream(h);
    for (Map.Entry<String, TreeFile> e : tree.files().entrySet()) {
      feed(h, sink, e.getKey(), e.getValue());
    }
    return h.hash().toString();
  }

  private static void feed(Hasher h, OutputStream sink, String path, TreeFile f) {
    byte[] name = path.getBytes(StandardCharsets.UTF_8);
    // (int) keeps the digest of every existing output (all far below 2 GiB) what it was
    h.putInt(name.length).putBytes(name).putBoolean(f.executable()).putInt((int) f.size());
    try {
      f.copyUncheckedTo(sink);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** The fingerprint a run would use, combined with what the render code itself is. */
  public static Optional<String> combine(Optional<String> input, String toolIdentity) {
    return input.map(i -> Hashing.sha256().hashString(i + "\n" + toolIdentity, StandardCharsets.UTF_8).toString());
  }

  /**
   * Whether {@code dir} holds the tree whose digest is {@code digest}, and no symbolic link: the
   * files {@link SourceTree#readDirectoryNotingLinks} would read ({@code .git} dirs walked for links,
   * their files left out), digested as {@link #digest} does, one file at a time. Listed by hand, one
   * {@code opendir} and one {@code lstat} per entry, because this runs for every component dir a
   * render wrote (the stamp record's proof) and for every one an incremental render may skip.
   */
  private static boolean holdsDigest(Path dir, String digest) throws IOException {
    TreeMap<String, Path> files = new TreeMap<>(); // the order of SourceTree.files()
    if (!regularFiles(dir, "", false, files)) {
      return false;
    }
    Hasher h = Hashing.murmur3_128().newHasher();
    OutputStream sink = Funnels.asOutputStream(h);
    for (Map.Entry<String, Path> e : files.entrySet()) {
      Path p = e.getValue();
      feed(h, sink, e.getKey(), TreeFile.read(p, FileModes.isExecutable(p)));
    }
    return digest.equals(h.hash().toString());
  }

  /** Adds the regular files under {@code dir} to {@code out} by {@code prefix} and name; false at the first symbolic link. */
  private static boolean regularFiles(Path dir, String prefix, boolean inGitDir, Map<String, Path> out) throws IOException {
    for (String name : DirectoryNames.of(dir)) {
      Path entry = dir.resolve(name);
      BasicFileAttributes attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attrs.isSymbolicLink()) {
        return false;
      } else if (attrs.isDirectory()) {
        if (!regularFiles(entry, prefix + name + "/", inGitDir || name.equals(".git"), out)) {
          return false;
        }
      } else if (attrs.isRegularFile() && !inGitDir) {
        out.put(prefix + name, entry);
      }
    }
    return true;
  }
}
