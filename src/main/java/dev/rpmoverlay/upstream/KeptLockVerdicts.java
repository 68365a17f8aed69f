package dev.rpmoverlay.upstream;

import dev.rpmoverlay.config.ChecksummedFile;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lock checks kept for the next run ({@code <work-dir>/lock-verdicts}, never committed): for each
 * upstream component whose lock {@link LockValidator} found current, that lock and the stamps of the
 * lock file and of every overlay source file the input fingerprint hashed. Checking a lock reads
 * it, writes the resolved config out canonically and hashes it with those files; for 7,583
 * components that was the largest step before a full render could start.
 *
 * <p>A kept verdict is taken instead of checking again only when everything it depends on is the
 * same. The running build and the lock dir are the caller's key. What the component resolves to
 * (its config, upstream coordinates, distro and release-ver, the compat mode) is the same when the
 * project is the same {@code ProjectSnapshot} generation as when the verdict was kept; otherwise
 * (a config file was edited since) it is compared by a 128-bit MurmurHash3 of all of it, which
 * costs a tenth of a check: a verdict only has to notice accidental changes, as render's state
 * file does, since whoever can edit the config can edit the locks. The stamps then stand for the
 * bytes read, as in {@link VerificationRecord}: a verdict is kept only when each file's stamp,
 * read after its content, shows its last change before a {@link ClockProbe} taken before any lock
 * was read, and only for regular files (a link's stamp says nothing about its target). A stamp
 * that moved, a file gone, another key or a damaged file only mean that the lock is checked again.
 * Thread-safe: locks are checked on several threads.
 */
public final class KeptLockVerdicts {
  public static final String FILE_NAME = "lock-verdicts";
  private static final String PROBE = "lock-verdicts.probe";
  private static final byte[] MAGIC = "rpmoverlay lock verdicts v2\n".getBytes(StandardCharsets.US_ASCII);
  private static final int STAMP_BYTES = 5 * Long.BYTES;

  /** Keeps and offers nothing: every lock is checked. */
  public static final KeptLockVerdicts NONE = new KeptLockVerdicts(null, "", "", ByteBuffer.allocate(0), Map.of(), null);

  /**
   * One kept verdict: the generation of the project it was found in (empty: none), the compat mode,
   * the digest of what the component resolved to ({@link #configDigest}), the lock found current, and the stamps
   * of what its check read: the lock file and the overlay source files, in the order {@link
   * Fingerprints#overlaySourceFiles} gives them (their paths come from the config the digest covers).
   */
  private record Verdict(String generation, String compat, String configDigest, LockFile lock, FileStamp lockStamp,
      List<FileStamp> sourceStamps) {
    // written out: generated ones spin method-handle classes at first use (HandWrittenRecordMethodsTest)
    @Override
    public boolean equals(Object o) {
      return o instanceof Verdict v && generation.equals(v.generation) && compat.equals(v.compat) && configDigest.equals(v.configDigest)
          && lock.equals(v.lock) && lockStamp.equals(v.lockStamp) && sourceStamps.equals(v.sourceStamps);
    }

    @Override
    public int hashCode() {
      return Objects.hash(generation, compat, configDigest, lock, lockStamp, sourceStamps);
    }
  }

  private final Path workDir;
  private final String key;
  /** The project's snapshot generation, when the components it resolves are the same whenever it is: empty otherwise. */
  private final String generation;
  /** The file as read, and where each component's verdict starts in it: decoded only when asked for, on the checking thread. */
  private final ByteBuffer file;
  private final Map<String, Integer> kept;
  private final ClockProbe probe;
  private final Map<String, Verdict> found = new ConcurrentHashMap<>();
  private final Map<String, Boolean> dropped = new ConcurrentHashMap<>();
  private volatile boolean changed;
  private final java.util.concurrent.atomic.LongAdder taken = new java.util.concurrent.atomic.LongAdder();
  private final java.util.concurrent.atomic.LongAdder compared = new java.util.concurrent.atomic.LongAdder();

  private KeptLockVerdicts(Path workDir, String key, String generation, ByteBuffer file, Map<String, Integer> kept, ClockProbe probe) {
    this.workDir = workDir;
    this.key = key;
    this.generation = generation;
    this.file = file;
    this.kept = kept;
    this.probe = probe;
  }

  /**
   * The verdicts kept in {@code workDir} under {@code key}, with a clock probe taken now: open them
   * before any lock is read. Never fails: without a readable file nothing is kept from before, and
   * without a probe nothing is kept for the next run.
   *
   * @param key the running build and the lock dir (a verdict kept under another key is never taken)
   * @param generation the project's snapshot generation, when every component resolves the same
   *     whenever the project has it; empty when it has none or resolving reads other files
   */
  public static KeptLockVerdicts open(Path workDir, String key, Optional<String> generation) {
    Optional<ClockProbe> probe = ClockProbe.take(workDir, PROBE);
    ByteBuffer file = ByteBuffer.allocate(0);
    Map<String, Integer> kept;
    try {
      file = ChecksummedFile.read(workDir.resolve(FILE_NAME), MAGIC).orElse(file);
      kept = file.hasRemaining() ? index(file, key) : Map.of();
    } catch (RuntimeException e) { // damaged
      kept = Map.of();
    }
    return new KeptLockVerdicts(workDir, key, generation.orElse(""), file, kept, probe.orElse(null));
  }

  /**
   * {@code s}'s lock, when a kept verdict found it current and neither its lock file {@code
   * lockFile} nor any overlay source file the check read has moved since; empty when it must be
   * checked.
   */
  Optional<LockFile> current(LockSubject s, Path lockFile) {
    Integer at = kept.get(s.component());
    if (at == null) {
      return Optional.empty();
    }
    Verdict v = verdict(file.duplicate().position(at));
    boolean sameProject = !generation.isEmpty() && generation.equals(v.generation());
    if (!v.compat().equals(s.compatMode()) || !sameProject && !v.configDigest().equals(configDigest(s))) {
      return Optional.empty();
    }
    List<Path> sources = Fingerprints.overlaySourceFiles(s.config());
    if (v.sourceStamps().size() != sources.size() || !Optional.of(v.lockStamp()).equals(FileStamp.ofRegularFile(lockFile))) {
      return Optional.empty();
    }
    for (int i = 0; i < sources.size(); i++) {
      if (!Optional.of(v.sourceStamps().get(i)).equals(FileStamp.ofRegularFile(sources.get(i)))) {
        return Optional.empty();
      }
    }
    taken.increment();
    if (!sameProject) {
      compared.increment();
      if (!generation.isEmpty()) {
        // kept under this generation from now on: the next run of the same project takes it without the digest
        found.put(s.component(), new Verdict(generation, v.compat(), v.configDigest(), v.lock(), v.lockStamp(), v.sourceStamps()));
        changed = true;
      }
    }
    return Optional.of(v.lock());
  }

  /** How many locks were found current from a kept verdict so far, without being checked. */
  public long takenCount() {
    return taken.sum();
  }

  /** How many of those were taken by comparing the digest of what the component resolves to. */
  long comparedCount() {
    return compared.sum();
  }

  /**
   * {@code s}'s lock, read from {@code lockFile} with every overlay source file, was just found
   * current: kept for the next run when the stamps read now prove what was read.
   */
  void found(LockSubject s, LockFile lock, Path lockFile) {
    if (probe == null) {
      return;
    }
    Optional<FileStamp> lockStamp = FileStamp.ofRegularFile(lockFile).filter(probe::precedes);
    List<Path> sources = Fingerprints.overlaySourceFiles(s.config());
    List<FileStamp> stamps = new ArrayList<>(sources.size());
    for (Path source : sources) {
      FileStamp.ofRegularFile(source).filter(probe::precedes).ifPresent(stamps::add);
    }
    if (lockStamp.isEmpty() || stamps.size() < sources.size()) {
      notCurrent(s.component()); // current, but not provably so from stamps next time
      return;
    }
    found.put(s.component(), new Verdict(generation, s.compatMode(), configDigest(s), lock, lockStamp.get(), List.copyOf(stamps)));
    changed = true;
  }

  /**
   * Everything a lock check takes from what the component resolved to: the config as the input
   * fingerprint writes it out, the upstream coordinates, distro, release-ver and compat mode.
   */
  private static String configDigest(LockSubject s) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("config", Fingerprints.canonicalConfig(s.config()));
    s.upstream().ifPresent(u -> {
      fields.put("upstream_name", u.upstreamName());
      fields.put("url", u.url());
      fields.put("branch", u.branch());
      fields.put("pinned_commit", u.pinnedCommit());
      fields.put("snapshot", u.snapshot());
    });
    fields.put("distro", s.distroName());
    fields.put("distro_version", s.distroVersion());
    fields.put("release_ver", s.releaseVer());
    fields.put("compat_mode", s.compatMode());
    com.google.common.hash.Hasher h = com.google.common.hash.Hashing.murmur3_128().newHasher();
    fields.forEach((label, value) -> {
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      h.putString(label, StandardCharsets.UTF_8).putInt(bytes.length).putBytes(bytes);
    });
    return h.hash().toString();
  }

  /** {@code component}'s lock was checked and no verdict is kept for it. */
  void notCurrent(String component) {
    dropped.put(component, true);
    if (kept.containsKey(component)) {
      changed = true;
    }
  }

  /**
   * Writes the verdicts for the next run when they changed (atomically): those found in this run,
   * and those kept from before for components this run did not check again. Never fails: without
   * them the next run checks every lock.
   */
  public void save() {
    if (workDir == null) {
      return;
    }
    try {
      if (probe == null || !changed) {
        return;
      }
      Map<String, Verdict> next = new TreeMap<>();
      kept.forEach((component, at) -> {
        if (!dropped.containsKey(component)) {
          next.put(component, verdict(file.duplicate().position(at)));
        }
      });
      next.putAll(found);
      write(workDir.resolve(FILE_NAME), key, next);
    } catch (IOException | RuntimeException e) {
      // the next run checks the locks this one could not keep
    } finally {
      ClockProbe.remove(workDir, PROBE);
    }
  }

  private static void write(Path file, String key, Map<String, Verdict> verdicts) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * verdicts.size() + 1024);
    DataOutputStream out = new DataOutputStream(bytes);
    string(out, key);
    out.writeInt(verdicts.size());
    for (Map.Entry<String, Verdict> e : verdicts.entrySet()) {
      Verdict v = e.getValue();
      string(out, e.getKey());
      string(out, v.generation());
      string(out, v.compat());
      string(out, v.configDigest());
      LockFile l = v.lock();
      out.writeInt(l.version());
      string(out, l.importCommit());
      string(out, l.upstreamCommit());
      out.writeInt(l.manualBump());
      string(out, l.inputFingerprint());
      string(out, l.resolutionInputHash());
      out.writeInt(l.fingerprintScheme());
      string(out, l.note().author());
      string(out, l.note().email());
      string(out, l.note().date());
      string(out, l.note().subject());
      stamp(out, v.lockStamp());
      out.writeInt(v.sourceStamps().size());
      for (FileStamp source : v.sourceStamps()) {
        stamp(out, source);
      }
    }
    ChecksummedFile.write(file, file.resolveSibling(file.getFileName() + ".tmp"), MAGIC, bytes.toByteArray());
  }

  /**
   * Where each component's verdict starts in {@code file}, when it keeps them under {@code key}.
   *
   * @throws RuntimeException when it is damaged (the caller then keeps none)
   */
  private static Map<String, Integer> index(ByteBuffer file, String key) {
    ByteBuffer in = file.duplicate();
    if (!key.equals(string(in))) {
      return Map.of();
    }
    int n = in.getInt();
    Map<String, Integer> at = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      String component = string(in);
      at.put(component, in.position());
      skipVerdict(in);
    }
    if (in.hasRemaining()) {
      throw new IllegalStateException("trailing bytes");
    }
    return at;
  }

  /** Moves past one verdict, as {@link #verdict} reads it, without decoding its strings. */
  private static void skipVerdict(ByteBuffer in) {
    skipString(in); // generation
    skipString(in); // compat
    skipString(in); // config digest
    in.getInt();
    for (int i = 0; i < 4; i++) {
      skipString(in); // import commit, upstream commit (then the bump), input fingerprint, resolution hash
      if (i == 1) {
        in.getInt();
      }
    }
    in.getInt();
    for (int i = 0; i < 4; i++) {
      skipString(in); // the change note
    }
    in.position(in.position() + STAMP_BYTES);
    int sources = in.getInt();
    in.position(in.position() + sources * STAMP_BYTES);
  }

  private static Verdict verdict(ByteBuffer in) {
    String generation = string(in);
    String compat = string(in);
    String configDigest = string(in);
    LockFile lock = new LockFile(in.getInt(), string(in), string(in), in.getInt(), string(in), string(in), in.getInt(),
        new ChangeNote(string(in), string(in), string(in), string(in)));
    FileStamp lockStamp = stamp(in);
    int sources = in.getInt();
    List<FileStamp> stamps = new ArrayList<>(sources);
    for (int k = 0; k < sources; k++) {
      stamps.add(stamp(in));
    }
    return new Verdict(generation, compat, configDigest, lock, lockStamp, List.copyOf(stamps));
  }

  private static void stamp(DataOutputStream out, FileStamp s) throws IOException {
    out.writeLong(s.size());
    out.writeLong(s.mtimeNanos());
    out.writeLong(s.ctimeNanos());
    out.writeLong(s.inode());
    out.writeLong(s.device());
  }

  private static FileStamp stamp(ByteBuffer in) {
    return new FileStamp(in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong());
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    ChecksummedFile.putString(out, s);
  }

  private static String string(ByteBuffer in) {
    return ChecksummedFile.getString(in);
  }

  private static void skipString(ByteBuffer in) {
    ChecksummedFile.skipString(in);
  }
}
