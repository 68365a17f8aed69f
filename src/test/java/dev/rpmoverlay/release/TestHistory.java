package dev.rpmoverlay.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;

/**
 * Builds a package history in memory with JGit, commit by commit, for tests: files are set on a
 * work tree map, each commit snapshots it. Commit n is dated 2024-01-01T12:00Z + n days.
 */
final class TestHistory {
  static final String SPEC = "pkg.spec";
  private static final Instant BASE = Instant.parse("2024-01-01T12:00:00Z");

  final Repository repo;
  private final Map<String, String> files = new TreeMap<>();
  private ObjectId head;
  private int count;
  private PersonIdent author = new PersonIdent("Jane Packager", "jane@example.org");

  TestHistory() {
    this(new InMemoryRepository(new DfsRepositoryDescription("pkg")));
  }

  TestHistory(Repository repo) {
    this.repo = repo;
  }

  /** The standard test spec with this version and Release (extra lines go after License). */
  static String specText(String version, String release, String... extra) {
    StringBuilder sb = new StringBuilder("Name:           pkg\n");
    if (version != null) {
      sb.append("Version:        ").append(version).append('\n');
    }
    sb.append("Release:        ").append(release).append('\n');
    sb.append("Summary:        Test package\nLicense:        MIT\n");
    for (String line : extra) {
      sb.append(line).append('\n');
    }
    sb.append("\n%description\nTest.\n\n%prep\n\n%files\n\n%changelog\n%autochangelog\n");
    return sb.toString();
  }

  TestHistory spec(String version, String... extra) {
    return file(SPEC, specText(version, "%autorelease", extra));
  }

  TestHistory file(String path, String content) {
    files.put(path, content);
    return this;
  }

  TestHistory delete(String path) {
    files.remove(path);
    return this;
  }

  TestHistory author(String name, String email) {
    author = new PersonIdent(name, email);
    return this;
  }

  String currentSpec() {
    return files.get(SPEC);
  }

  ObjectId head() {
    return head;
  }

  ObjectId commit(String message) throws IOException {
    head = commit(message, head == null ? List.of() : List.of(head), files);
    return head;
  }

  /** A merge of {@code other} into the current head whose tree is the current work tree. */
  ObjectId merge(ObjectId other, String message) throws IOException {
    head = commit(message, List.of(head, other), files);
    return head;
  }

  /** Moves the head (like checking out another branch); the work tree becomes that commit's files. */
  void checkout(ObjectId commit, Map<String, String> workTree) {
    head = commit;
    files.clear();
    files.putAll(workTree);
  }

  Map<String, String> workTree() {
    return new TreeMap<>(files);
  }

  private ObjectId commit(String message, List<ObjectId> parents, Map<String, String> tree) throws IOException {
    count++;
    Instant when = BASE.plusSeconds(86_400L * count);
    PersonIdent who = new PersonIdent(author, when, ZoneOffset.UTC);
    try (ObjectInserter ins = repo.newObjectInserter()) {
      DirCache dc = DirCache.newInCore();
      DirCacheBuilder b = dc.builder();
      for (Map.Entry<String, String> f : tree.entrySet()) {
        DirCacheEntry e = new DirCacheEntry(f.getKey());
        e.setFileMode(FileMode.REGULAR_FILE);
        e.setObjectId(ins.insert(Constants.OBJ_BLOB, f.getValue().getBytes(StandardCharsets.UTF_8)));
        b.add(e);
      }
      b.finish();
      CommitBuilder cb = new CommitBuilder();
      cb.setTreeId(dc.writeTree(ins));
      cb.setParentIds(new ArrayList<>(parents));
      cb.setAuthor(who);
      cb.setCommitter(who);
      cb.setMessage(message.endsWith("\n") ? message : message + "\n");
      ObjectId id = ins.insert(cb);
      ins.flush();
      return id;
    }
  }

  HistoryFacts facts() throws IOException, IncompleteHistoryException {
    return HistoryReader.read(repo, head, SPEC);
  }

  AutospecResult compute() throws IOException, IncompleteHistoryException {
    return new Autospec().compute(AutospecInput.of(facts(), currentSpec()));
  }

  /** The entries' header lines, newest first. */
  List<String> headers() throws IOException, IncompleteHistoryException {
    List<String> out = new ArrayList<>();
    for (ChangelogEntry e : compute().changelog()) {
      out.add(e.format().lines().findFirst().orElse(""));
    }
    return out;
  }
}
