package dev.rpmoverlay.upstream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.CRC32C;

/**
 * The record of upstream cache files already verified against the SHA-256 their entry lists
 * ({@code <work-dir>/upstream-cache-verified/}, never committed): for each file, its {@link
 * FileStamp} when it was verified and the hash it matched. A file whose stamp has not moved since
 * is trusted without being hashed again; any other file is hashed as always, and recorded.
 *
 * <p>Why an unmoved stamp is enough: a file is recorded only when its status-change time lies
 * before a clock probe taken before any cache file was read in that run (a file written in the
 * probe's own file-system clock tick could change again without its stamp moving), and its stamp
 * is read after its content. Any write after the probe gives the file a status-change time at or
 * after the probe, which no tool can set back, so a stamp equal to the recorded one proves that
 * the content read before it is the content that was hashed. Only files on the probe's device are
 * recorded: another file system may keep another clock, or coarser times. A system clock set back
 * by hand can defeat this, as it can any {@code make}; {@code fetch --verify} and {@code render
 * --no-incremental} ignore the record and hash every file.
 *
 * <p>The record is split into {@value #SHARDS} files by a hash of the component name, each read only
 * when a component of it is, and rewritten (atomically) only when what it holds changed: rendering
 * one component reads and writes one small file, not the record of the whole distro. Thread-safe:
 * render threads read entries in parallel. What the record holds never reaches rendered output; a
 * missing, damaged or foreign file (another format version or cache dir) only means that its
 * components' files are verified.
 */
public final class VerificationRecord {
  public static final String FILE_NAME = "upstream-cache-verified";
  static final int SHARDS = 64;
  private static final String HEADER = "# rpmoverlay verified upstream cache files v1";
  private static final String CACHE = "cache\t";
  private static final String END = "end\t";
  private static final String PROBE = "probe.tmp";

  /** Trusts nothing and records nothing: every file is hashed, no stamp is read. */
  public static final VerificationRecord NONE = new VerificationRecord(null, "", false, null);

  /** One file as verified: its stamp then and the SHA-256 it matched. */
  private record Verified(FileStamp stamp, String sha256) {
    // written out: generated ones spin method-handle classes at first use (HandWrittenRecordMethodsTest)
    @Override
    public boolean equals(Object o) {
      return o instanceof Verified v && Objects.equals(stamp, v.stamp) && Objects.equals(sha256, v.sha256);
    }

    @Override
    public int hashCode() {
      return Objects.hash(stamp, sha256);
    }
  }

  private final Path dir;
  private final String cacheRoot;
  private final boolean trust;
  /** Files not changed before it are not recorded. */
  private final ClockProbe probe;
  /** Shard number to what its file holds: by component, by path in its entry dir ({@code files/x.spec}, {@code history.json}). */
  private final Map<Integer, Map<String, Map<String, Verified>>> loaded = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Verified>> confirmed = new ConcurrentHashMap<>();
  private final LongAdder hashed = new LongAdder();
  private final LongAdder trusted = new LongAdder();

  private VerificationRecord(Path dir, String cacheRoot, boolean trust, ClockProbe probe) {
    this.dir = dir;
    this.cacheRoot = cacheRoot;
    this.trust = trust;
    this.probe = probe;
  }

  /**
   * The record in {@code dir} for the cache rooted at {@code cacheRoot}, its clock probe taken now
   * (call it before reading any cache file). With {@code trust} false it trusts nothing, so every
   * file is hashed, but still records what it verifies (a full check that refreshes the record).
   * Never fails: an unreadable record is an empty one, and without a probe nothing is recorded.
   */
  public static VerificationRecord open(Path dir, Path cacheRoot, boolean trust) {
    String root = cacheRoot.toAbsolutePath().normalize().toString();
    return new VerificationRecord(dir, root, trust, ClockProbe.take(dir, PROBE).orElse(null));
  }

  /** How many files were hashed, and how many trusted from the record instead, so far. */
  public long hashedCount() {
    return hashed.sum();
  }

  public long trustedCount() {
    return trusted.sum();
  }

  /** The checks of one entry read; its files are confirmed in the record when the whole entry verified. */
  EntryCheck check(String component) {
    return new EntryCheck(dir != null && storable(component) && component.indexOf('/') < 0 ? component : null);
  }

  /** What the record holds for {@code component} (its shard file is read the first time one of its components is asked for). */
  private Map<String, Verified> recorded(String component) {
    return shard(shardOf(component)).getOrDefault(component, Map.of());
  }

  private Map<String, Map<String, Verified>> shard(int n) {
    return loaded.computeIfAbsent(n, i -> read(dir.resolve(shardName(i)), cacheRoot));
  }

  /** Stable across runs and JVMs ({@link String#hashCode} is specified). */
  private static int shardOf(String component) {
    return Math.floorMod(component.hashCode(), SHARDS);
  }

  private static String shardName(int n) {
    // not String.format: its first use loads the JDK's locale data (~15 ms of a one-component render)
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  /** The checks of the files of one entry, made by the one thread that reads it. */
  final class EntryCheck {
    private final String component;
    private final Map<String, Verified> seen = new HashMap<>();

    private EntryCheck(String component) {
      this.component = component;
    }

    /** Whether stamps matter: without a record there is nothing to compare them with or to keep. */
    boolean active() {
      return component != null;
    }

    /** Whether {@code path}, read just before {@code stamp} was taken, is the content verified earlier. */
    boolean trusts(String path, FileStamp stamp, String sha256) {
      if (!trust || !active()) {
        return false;
      }
      Verified v = recorded(component).get(path);
      if (v == null || !v.stamp().equals(stamp) || !v.sha256().equalsIgnoreCase(sha256)) {
        return false;
      }
      trusted.increment();
      seen.put(path, v);
      return true;
    }

    /** A file is about to be hashed (counted for {@code render --timings}). */
    void hashing() {
      if (active()) {
        hashed.increment();
      }
    }

    /** {@code path} was hashed and matched {@code sha256}; {@code stamp}, read after its content, may be recorded. */
    void verified(String path, Optional<FileStamp> stamp, String sha256) {
      if (active() && stamp.isPresent() && probe != null && probe.precedes(stamp.get()) && storable(path) && storable(sha256)) {
        seen.put(path, new Verified(stamp.get(), sha256));
      }
    }

    /** Every file of the entry verified: what was seen replaces what the record held for it. */
    void confirm() {
      if (active()) {
        confirmed.merge(component, Map.copyOf(seen), (a, b) -> {
          Map<String, Verified> both = new HashMap<>(a);
          both.putAll(b);
          return Map.copyOf(both);
        });
      }
    }
  }

  /**
   * Writes each shard file whose content changed, atomically: entries read in this run hold what
   * this run saw, others what the file held, except components not in {@code live} (their entries
   * are gone or never read; dropped only from files that are rewritten anyway). Never fails:
   * without a record the next run only hashes more.
   */
  public void save(Set<String> live) {
    if (dir == null || probe == null) {
      return;
    }
    Map<Integer, Map<String, Map<String, Verified>>> changed = new TreeMap<>();
    confirmed.forEach((component, files) -> changed.computeIfAbsent(shardOf(component), n -> new TreeMap<>()).put(component, files));
    for (Map.Entry<Integer, Map<String, Map<String, Verified>>> e : changed.entrySet()) {
      Map<String, Map<String, Verified>> before = shard(e.getKey());
      // usually nothing moved: decided without copying the shard
      boolean same = e.getValue().entrySet().stream().allMatch(c -> c.getValue().equals(before.getOrDefault(c.getKey(), Map.of())))
          && live.containsAll(before.keySet());
      if (!same) {
        Map<String, Map<String, Verified>> after = new TreeMap<>();
        before.forEach((component, files) -> {
          if (live.contains(component)) {
            after.put(component, files);
          }
        });
        after.putAll(e.getValue());
        write(dir.resolve(shardName(e.getKey())), after);
      }
    }
    ClockProbe.remove(dir, PROBE);
  }

  private void write(Path file, Map<String, Map<String, Verified>> components) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      StringBuilder sb = new StringBuilder(HEADER).append('\n').append(CACHE).append(cacheRoot).append('\n');
      int count = 0;
      for (Map.Entry<String, Map<String, Verified>> c : components.entrySet()) {
        for (Map.Entry<String, Verified> f : new TreeMap<>(c.getValue()).entrySet()) {
          FileStamp s = f.getValue().stamp();
          sb.append(c.getKey()).append('/').append(f.getKey()).append('\t').append(s.size()).append('\t').append(s.mtimeNanos())
              .append('\t').append(s.ctimeNanos()).append('\t').append(s.inode()).append('\t').append(s.device()).append('\t')
              .append(f.getValue().sha256()).append('\n');
          count++;
        }
      }
      byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
      byte[] end = (END + count + "\t" + checksum(body, body.length) + "\n").getBytes(StandardCharsets.UTF_8);
      Files.deleteIfExists(tmp); // a leftover, or a link put in its place: never written through
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        out.write(body);
        out.write(end);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      // the next run verifies what this one could not record
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // replaced by the next write
      }
    }
  }

  /** What the shard file {@code file} holds for the cache at {@code root}; empty when absent, damaged or foreign. */
  private static Map<String, Map<String, Verified>> read(Path file, String root) {
    byte[] b;
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        return Map.of();
      }
      b = Files.readAllBytes(file);
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
    byte[] head = (HEADER + "\n" + CACHE + root + "\n").getBytes(StandardCharsets.UTF_8);
    int endAt = lastLineStart(b);
    if (b.length < head.length || !Arrays.equals(b, 0, head.length, head, 0, head.length) || endAt < head.length) {
      return Map.of();
    }
    String[] end = new String(b, endAt, b.length - endAt - 1, StandardCharsets.UTF_8).split("\t", -1);
    if (end.length != 3 || !(end[0] + "\t").equals(END) || !end[2].equals(checksum(b, endAt))) {
      return Map.of();
    }
    // A hand-rolled parse: String.split and Long.parseLong per field cost 30-70 ms for 7,600 lines under C1
    Map<String, Map<String, Verified>> files = new HashMap<>();
    int count = 0;
    long[] n = new long[5];
    for (int at = head.length; at < endAt; count++) {
      int tab = indexOf(b, (byte) '\t', at, endAt);
      int slash = indexOf(b, (byte) '/', at, tab);
      if (tab < 0 || slash <= at) {
        return Map.of();
      }
      String component = new String(b, at, slash - at, StandardCharsets.UTF_8);
      String path = new String(b, slash + 1, tab - slash - 1, StandardCharsets.UTF_8);
      at = tab + 1;
      for (int i = 0; i < n.length; i++) {
        int stop = indexOf(b, (byte) '\t', at, endAt);
        if (stop < 0 || stop == at || stop - at > 19) {
          return Map.of();
        }
        long v = 0;
        boolean negative = b[at] == '-';
        for (int k = negative ? at + 1 : at; k < stop; k++) {
          if (b[k] < '0' || b[k] > '9') {
            return Map.of();
          }
          v = v * 10 + (b[k] - '0');
        }
        n[i] = negative ? -v : v;
        at = stop + 1;
      }
      int eol = indexOf(b, (byte) '\n', at, endAt);
      if (eol < 0) {
        return Map.of();
      }
      String sha256 = new String(b, at, eol - at, StandardCharsets.ISO_8859_1);
      at = eol + 1;
      files.computeIfAbsent(component, c -> new HashMap<>()).put(path, new Verified(new FileStamp(n[0], n[1], n[2], n[3], n[4]), sha256));
    }
    if (!end[1].equals(Integer.toString(count))) {
      return Map.of();
    }
    Map<String, Map<String, Verified>> frozen = new HashMap<>();
    files.forEach((c, m) -> frozen.put(c, Map.copyOf(m)));
    return Map.copyOf(frozen);
  }

  /** Where the last line of {@code b} (which must end in a newline) starts; -1 when it does not end in one. */
  private static int lastLineStart(byte[] b) {
    if (b.length == 0 || b[b.length - 1] != '\n') {
      return -1;
    }
    int i = b.length - 2;
    while (i >= 0 && b[i] != '\n') {
      i--;
    }
    return i + 1;
  }

  private static int indexOf(byte[] b, byte c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  /** Guards against a record cut short or damaged on disk (it is not fsynced: losing it costs only hashing). */
  private static String checksum(byte[] b, int length) {
    CRC32C crc = new CRC32C();
    crc.update(b, 0, length);
    return Long.toHexString(crc.getValue());
  }

  /** Whether a path or hash can be written on a record line as it is. */
  private static boolean storable(String s) {
    return s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0;
  }
}
