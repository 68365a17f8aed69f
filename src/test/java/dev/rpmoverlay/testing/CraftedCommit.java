package dev.rpmoverlay.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;

/**
 * Commits a tree exactly as given, entries in the given order, onto a branch: what a hostile or
 * broken dist-git server can serve but {@code git add} never makes (a name twice, an entry named
 * {@code ..}). JGit's {@link TreeFormatter} writes whatever it is handed.
 */
public final class CraftedCommit {
  private CraftedCommit() {}

  /** A tree entry: a file with its bytes, or a directory with its entries. */
  public sealed interface Entry permits File, Dir {}

  public record File(String name, byte[] bytes) implements Entry {
    public File(String name, String text) {
      this(name, text.getBytes(StandardCharsets.UTF_8));
    }
  }

  public record Dir(String name, List<Entry> entries) implements Entry {}

  /** Commits {@code entries} as the whole tree on top of {@code branch}'s tip and moves the branch there. */
  public static ObjectId onto(Repository repo, String branch, Instant time, String message, List<Entry> entries) throws IOException {
    try (ObjectInserter ins = repo.newObjectInserter()) {
      ObjectId tree = tree(ins, entries);
      CommitBuilder cb = new CommitBuilder();
      PersonIdent who = new PersonIdent("Packager", "p@example.org", time, ZoneOffset.UTC);
      cb.setAuthor(who);
      cb.setCommitter(who);
      cb.setTreeId(tree);
      ObjectId parent = repo.resolve("refs/heads/" + branch);
      if (parent != null) {
        cb.setParentId(parent);
      }
      cb.setMessage(message + "\n");
      ObjectId id = ins.insert(cb);
      ins.flush();
      RefUpdate ru = repo.updateRef("refs/heads/" + branch);
      ru.setNewObjectId(id);
      ru.setForceUpdate(true);
      ru.update();
      return id;
    }
  }

  private static ObjectId tree(ObjectInserter ins, List<Entry> entries) throws IOException {
    TreeFormatter tf = new TreeFormatter();
    for (Entry e : entries) {
      if (e instanceof File f) {
        tf.append(f.name(), FileMode.REGULAR_FILE, ins.insert(Constants.OBJ_BLOB, f.bytes()));
      } else if (e instanceof Dir d) {
        tf.append(d.name(), FileMode.TREE, tree(ins, d.entries()));
      }
    }
    return ins.insert(tf);
  }
}
