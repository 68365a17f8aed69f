package dev.rpmoverlay.bench;

import dev.rpmoverlay.upstream.Resolution;
import dev.rpmoverlay.upstream.ResolvedCommit;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;

/**
 * An in-memory dist-git repository for content that does not come from a real dist-git (the
 * full-distro benchmark's corpus specs, test fixtures): each {@link #commit} stores a file tree as
 * one root commit, so the real {@link dev.rpmoverlay.upstream.CacheEntryWriter} can write a cache entry in the documented
 * format from it. Fetch never uses this.
 */
public final class InMemoryDistGit implements AutoCloseable {
  private final InMemoryRepository repo = new InMemoryRepository(new DfsRepositoryDescription("in-memory"));

  public Repository repository() {
    return repo;
  }

  /** Commits {@code files} (path with {@code /} separators → bytes; executable when the path is in {@code executables}). */
  public ResolvedCommit commit(Map<String, byte[]> files, java.util.Set<String> executables, Instant time) throws IOException {
    try (ObjectInserter ins = repo.newObjectInserter()) {
      ObjectId tree = writeTree(ins, new TreeMap<>(files), "", executables);
      CommitBuilder cb = new CommitBuilder();
      PersonIdent who = new PersonIdent("rpmoverlay bench", "bench@rpmoverlay.invalid", java.util.Date.from(time),
          java.util.TimeZone.getTimeZone("UTC"));
      cb.setAuthor(who);
      cb.setCommitter(who);
      cb.setTreeId(tree);
      cb.setMessage("import\n");
      ObjectId id = ins.insert(cb);
      ins.flush();
      return new ResolvedCommit(id.name(), Instant.ofEpochSecond(time.getEpochSecond()), Resolution.PIN);
    }
  }

  /** Builds the tree for the paths under {@code prefix} (git sorts entries; subtrees sort as "name/"). */
  private static ObjectId writeTree(ObjectInserter ins, SortedMap<String, byte[]> files, String prefix, java.util.Set<String> exec)
      throws IOException {
    SortedMap<String, Object> entries = new TreeMap<>(InMemoryDistGit::gitOrder);
    for (var e : files.entrySet()) {
      String rest = e.getKey().substring(prefix.length());
      int slash = rest.indexOf('/');
      if (slash < 0) {
        entries.put(rest, ins.insert(Constants.OBJ_BLOB, e.getValue()));
      } else {
        entries.putIfAbsent(rest.substring(0, slash) + "/", Boolean.TRUE);
      }
    }
    TreeFormatter tf = new TreeFormatter();
    for (var e : entries.entrySet()) {
      String name = e.getKey();
      if (name.endsWith("/")) {
        String dir = prefix + name;
        ObjectId sub = writeTree(ins, files.subMap(dir, dir + Character.MAX_VALUE), dir, exec);
        tf.append(name.substring(0, name.length() - 1), FileMode.TREE, sub);
      } else {
        tf.append(name, exec.contains(prefix + name) ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE, (ObjectId) e.getValue());
      }
    }
    return ins.insert(tf);
  }

  /** Git's tree order: byte order of names, with a directory compared as if its name ended in '/'. */
  private static int gitOrder(String a, String b) {
    return a.compareTo(b);
  }

  @Override
  public void close() {
    repo.close();
  }
}
