package dev.rpmoverlay.config;

import com.google.common.hash.Hashing;
import dev.rpmoverlay.concurrent.ParallelMap;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A loaded project kept in a file, with the stamps of everything its load read ({@link
 * LoadReads}). The next command that loads the same project with the same options and the same
 * build of rpmoverlay stats those paths (one {@code lstat} each: the config files, the directories
 * the include globs listed, the paths the load checked) and, when no stamp moved, takes the project
 * from the file instead of parsing and checking every TOML file: loading again could only give the
 * same project, warnings included. Any moved stamp, a damaged file or another build means the
 * ordinary load, which keeps a new snapshot. Only a load that succeeded is kept, and only when every
 * stamp is provable (no symbolic link followed, nothing changed within a tick of the load).
 *
 * <p>The file is named after the project file, in a directory of the caller's choosing (the
 * command line uses the user's cache directory: the project's own work dir is only known once the
 * project is loaded). It is written to a temporary name and renamed into place, so a reader sees a
 * whole snapshot or none; a CRC-32C of the whole file catches one damaged since.
 */
public final class ProjectSnapshot {
  private static final byte[] MAGIC = "rpmoverlay project snapshot v2\n".getBytes(StandardCharsets.US_ASCII);
  /** Snapshots kept in one directory: the oldest beyond this are removed when one is written. */
  static final int KEPT = 32;
  /** Below this many stamps, checking them on a second thread costs more than it saves. */
  private static final int PARALLEL_FROM = 256;

  private final Path dir;
  private final String codeIdentity;

  /**
   * @param dir where snapshots are kept (created when the first one is written)
   * @param codeIdentity names the running build: a snapshot another build wrote is never used
   */
  public ProjectSnapshot(Path dir, String codeIdentity) {
    this.dir = dir;
    this.codeIdentity = codeIdentity;
  }

  /**
   * The project the options load: from its snapshot when no stamp moved, else loaded as {@link
   * ProjectLoader#load} does and kept for the next command (a failure to keep it is ignored).
   *
   * @throws ConfigException as {@link ProjectLoader#load}
   */
  public Project load(LoadOptions options) {
    return loaded(options).project();
  }

  /** A loaded project, and whether it came from the snapshot. */
  record Loaded(Project project, boolean fromSnapshot) {}

  /**
   * The kept project, when the snapshot of the project the options name holds one whose stamps
   * have not moved; nothing is loaded or written otherwise.
   *
   * @throws ConfigException when there is no project to find
   */
  public Optional<Project> kept(LoadOptions options) {
    Path projectFile = ProjectFinder.find(options.projectDir().orElse(options.workingDir()));
    return read(fileFor(projectFile), key(projectFile, options));
  }

  Loaded loaded(LoadOptions options) {
    Path projectFile = ProjectFinder.find(options.projectDir().orElse(options.workingDir()));
    Path file = fileFor(projectFile);
    String key = key(projectFile, options);
    Optional<Project> kept = read(file, key);
    if (kept.isPresent()) {
      return new Loaded(kept.get(), true);
    }
    LoadReads reads = LoadReads.recording();
    Project project = ProjectLoader.load(options, reads);
    if (reads.unprovable().isEmpty()) {
      try {
        write(file, key, project, reads.stamps());
      } catch (IOException | ProjectCodec.UnsupportedValueException e) {
        // only an optimisation: the next command loads the ordinary way again
      }
    }
    return new Loaded(project, false);
  }

  /** The snapshot file of {@code projectFile}. */
  Path fileFor(Path projectFile) {
    String name = Hashing.murmur3_128().hashString(projectFile.toString(), StandardCharsets.UTF_8).toString();
    return dir.resolve(name + ".project");
  }

  /** Everything besides the files that decides what a load gives. */
  private String key(Path projectFile, LoadOptions options) {
    StringBuilder k = new StringBuilder();
    k.append("project-file=").append(projectFile).append('\n');
    for (Path extra : options.extraConfigFiles()) {
      k.append("config-file=").append(options.workingDir().resolve(extra).toAbsolutePath().normalize()).append('\n');
    }
    k.append("permissive=").append(options.permissive()).append('\n');
    k.append("defer-opaque=").append(options.deferOpaqueFiles()).append('\n');
    k.append("code=").append(codeIdentity).append('\n');
    k.append("java=").append(Runtime.version()).append('\n');
    return k.toString();
  }

  /** The kept project, when the file holds one for this key whose stamps have not moved. */
  static Optional<Project> read(Path file, String key) {
    try {
      Optional<ByteBuffer> body = ChecksummedFile.read(file, MAGIC);
      if (body.isEmpty()) {
        return Optional.empty();
      }
      ByteBuffer in = body.get();
      if (!key.equals(string(in))) {
        return Optional.empty();
      }
      String generation = string(in);
      if (!unchanged(stamps(in))) {
        return Optional.empty();
      }
      Project project = ProjectCodec.decode(in);
      project.keptAs(generation);
      return Optional.of(project);
    } catch (IOException | RuntimeException e) { // damaged: the ordinary load
      return Optional.empty();
    }
  }

  private static List<Map.Entry<Path, LoadReads.Stamp>> stamps(ByteBuffer in) {
    int n = in.getInt();
    List<Map.Entry<Path, LoadReads.Stamp>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Path path = Path.of(string(in));
      out.add(Map.entry(path, new LoadReads.Stamp(in.getChar(), in.getLong(), in.getLong(), in.getLong(), in.getLong())));
    }
    return out;
  }

  private static boolean unchanged(List<Map.Entry<Path, LoadReads.Stamp>> stamps) throws IOException {
    ParallelMap.Task<Map.Entry<Path, LoadReads.Stamp>, Boolean> same = e -> {
      LoadReads.Stamp was = e.getValue();
      return was.equals(LoadReads.stamp(e.getKey(), was.identityOnly()));
    };
    List<Boolean> results = ParallelMap.map(stamps, stamps.size() < PARALLEL_FROM ? 1 : Runtime.getRuntime().availableProcessors(), same);
    return !results.contains(Boolean.FALSE);
  }

  static void write(Path file, String key, Project project, Map<Path, LoadReads.Stamp> stamps)
      throws IOException, ProjectCodec.UnsupportedValueException {
    byte[] model = ProjectCodec.encode(project);
    ByteArrayOutputStream kept = new ByteArrayOutputStream(model.length + 64 * stamps.size() + 1024);
    DataOutputStream keptOut = new DataOutputStream(kept);
    keptOut.writeInt(stamps.size());
    for (Map.Entry<Path, LoadReads.Stamp> e : stamps.entrySet()) {
      LoadReads.Stamp s = e.getValue();
      string(keptOut, e.getKey().toString());
      keptOut.writeChar(s.kind());
      keptOut.writeLong(s.ino());
      keptOut.writeLong(s.ctimeNanos());
      keptOut.writeLong(s.size());
      keptOut.writeLong(s.mtimeNanos());
    }
    keptOut.write(model);
    // Named by its content: the same key, stamps and model are the same project
    String generation = Hashing.murmur3_128().newHasher().putString(key, StandardCharsets.UTF_8).putBytes(kept.toByteArray()).hash()
        .toString();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(kept.size() + 1024);
    DataOutputStream out = new DataOutputStream(bytes);
    string(out, key);
    string(out, generation);
    kept.writeTo(out);
    Files.createDirectories(file.getParent());
    ChecksummedFile.write(file, file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp"), MAGIC,
        bytes.toByteArray());
    project.keptAs(generation);
    removeOldest(file.getParent());
  }

  /**
   * Keeps the directory from growing with every project ever loaded: the {@link #KEPT} newest
   * stay, and a temporary file a killed process left behind goes after an hour.
   */
  private static void removeOldest(Path dir) throws IOException {
    List<Path> all;
    try (Stream<Path> s = Files.list(dir)) {
      all = s.toList();
    }
    long hourAgo = System.currentTimeMillis() - 3_600_000L;
    List<Map.Entry<Path, FileTime>> byAge = new ArrayList<>();
    for (Path p : all) {
      String name = p.getFileName().toString();
      try {
        FileTime modified = Files.getLastModifiedTime(p);
        if (name.endsWith(".project")) {
          byAge.add(Map.entry(p, modified));
        } else if (name.endsWith(".tmp") && modified.toMillis() < hourAgo) {
          Files.deleteIfExists(p);
        }
      } catch (NoSuchFileException e) {
        // removed by another process meanwhile
      }
    }
    byAge.sort(Map.Entry.<Path, FileTime>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())));
    for (int i = 0; i < byAge.size() - KEPT; i++) {
      Files.deleteIfExists(byAge.get(i).getKey());
    }
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    ChecksummedFile.putString(out, s);
  }

  private static String string(ByteBuffer in) {
    return ChecksummedFile.getString(in);
  }
}
