package dev.rpmoverlay.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;

/**
 * Reads {@link HistoryFacts} from a git repository with JGit: it walks the history from a commit
 * the way rpmautospec does and keeps the commits rpmautospec looks at (and their parents, as
 * boundary commits), with each one's spec version read by {@link SpecVersionReader}.
 *
 * <p>A shallow repository is accepted as long as the walk stays inside the fetched commits; when
 * it needs an older commit, reading fails with {@link IncompleteHistoryException} saying how to
 * fetch deeper, because rpmautospec would silently compute a wrong release there.
 */
public final class HistoryReader {
  private final Repository repo;
  private final String specPath;
  private final boolean withChangelog;
  private final String packageDir;
  private final Map<ObjectId, SpecVersionProbe> versionsBySpecBlob = new HashMap<>();
  private final Map<ObjectId, ObjectId[]> blobsByTree = new HashMap<>();

  private HistoryReader(Repository repo, String specPath, boolean withChangelog) {
    this.repo = repo;
    this.withChangelog = withChangelog;
    this.specPath = specPath;
    int slash = specPath.lastIndexOf('/');
    this.packageDir = slash < 0 ? "" : specPath.substring(0, slash + 1);
  }

  /**
   * Reads the facts of the history of {@code head}.
   *
   * @param specPath path of the spec inside the repository ({@code bash.spec}); the
   *     {@code changelog} file and {@code %include}d files are looked up next to it
   */
  public static HistoryFacts read(Repository repo, ObjectId head, String specPath) throws IOException, IncompleteHistoryException {
    return new HistoryReader(repo, specPath, true).read(head);
  }

  /**
   * Reads facts for what the spec at {@code head} uses: the changelog walk only when the spec
   * generates its changelog ({@code %autochangelog}, or no {@code %changelog} at all), otherwise
   * only the release walk, which stays short for packages with long histories.
   */
  public static HistoryFacts readForSpec(Repository repo, ObjectId head, String specPath)
      throws IOException, IncompleteHistoryException {
    boolean changelog = true;
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit commit = walk.parseCommit(head);
      try (ObjectReader reader = repo.newObjectReader()) {
        ObjectId spec = blobAt(reader, commit.getTree(), specPath);
        if (spec != null) {
          changelog = SpecFeatures.detect(text(reader, spec)).needsAutochangelog();
        }
      }
    }
    return new HistoryReader(repo, specPath, changelog).read(head);
  }

  private HistoryFacts read(ObjectId headId) throws IOException, IncompleteHistoryException {
    try (RevWalk walk = new RevWalk(repo)) {
      walk.sort(RevSort.TOPO);
      RevCommit head = walk.parseCommit(headId);
      walk.markStart(head);
      List<String> order = new ArrayList<>();
      Map<String, RevCommit> commits = new HashMap<>();
      for (RevCommit c : walk) {
        String id = c.name();
        order.add(id);
        commits.put(id, c);
      }
      Map<String, CommitFact> facts = new HashMap<>();
      try (ObjectReader reader = repo.newObjectReader()) {
        HistoryWalk.FactLookup lookup =
            id -> {
              CommitFact known = facts.get(id);
              if (known == null) {
                RevCommit c = commits.get(id);
                if (c == null) {
                  return null;
                }
                known = fact(c, reader);
                facts.put(id, known);
              }
              return known;
            };
        Map<String, HistoryWalk.Top> walked =
            HistoryWalk.firstPass(order, id -> parentIds(commits.get(id)), head.name(), lookup, withChangelog);
        Set<ObjectId> shallow = repo.getObjectDatabase().getShallowCommits();
        List<CommitFact> out = new ArrayList<>();
        Set<String> emitted = new HashSet<>();
        for (String id : order) {
          if (walked.containsKey(id)) {
            CommitFact fact = lookup.get(id);
            // Beyond a shallow boundary the parents are unknown: keep only what is certain.
            out.add(shallow.contains(commits.get(id).getId()) ? fact.asBoundary() : fact);
            emitted.add(id);
          }
        }
        for (CommitFact walkedFact : List.copyOf(out)) {
          if (walkedFact.boundary()) {
            continue;
          }
          for (String p : walkedFact.parents()) {
            if (emitted.add(p)) {
              out.add(lookup.get(p).asBoundary());
            }
          }
        }
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
          position.put(order.get(i), i);
        }
        out.sort(Comparator.comparingInt(c -> position.get(c.id())));
        HistoryFacts result = new HistoryFacts(HistoryFacts.FORMAT, specPath, head.name(), withChangelog, out);
        if (!shallow.isEmpty()) {
          checkComplete(result);
        }
        return result;
      }
    }
  }

  /** Refuses facts from a shallow clone whose result depends on commits that were not fetched. */
  private void checkComplete(HistoryFacts facts) throws IncompleteHistoryException {
    try {
      HistoryWalk.run(facts.commits(), facts.head(), facts.changelog());
    } catch (IncompleteHistoryException e) {
      String what =
          switch (e.need()) {
            case LAST_VERSION_CHANGE -> "the last version change (needed for %autorelease)";
            case CHANGELOG_START -> "the start of the generated changelog (the last change of the changelog file, or the first commit)";
            case OTHER -> "as far back as rpmautospec's walk goes";
          };
      throw new IncompleteHistoryException(
          e.need(),
          e.endsAt(),
          "the history of "
              + specPath
              + " is shallow and does not reach "
              + what
              + (e.endsAt() == null ? "" : ": commit " + HistoryWalk.shortId(e.endsAt()) + " is the oldest fetched")
              + ". Fetch more history (git fetch --unshallow, or --deepen=N) and read it again.");
    }
  }

  private static List<String> parentIds(RevCommit c) {
    List<String> ids = new ArrayList<>(c.getParentCount());
    for (RevCommit p : c.getParents()) {
      ids.add(p.name());
    }
    return ids;
  }

  private CommitFact fact(RevCommit c, ObjectReader reader) throws IncompleteHistoryException {
    try {
      RevTree tree = c.getTree();
      ObjectId[] blobs = specAndChangelog(reader, tree);
      ObjectId specBlob = blobs[0];
      ObjectId changelogBlob = blobs[1];
      SpecVersionProbe probe = specBlob == null ? SpecVersionProbe.unknown(null) : version(reader, tree, specBlob);
      String changelogText = null;
      if (changelogBlob != null && changelogDiffersFromParents(reader, c, changelogBlob)) {
        changelogText = text(reader, changelogBlob);
      }
      return new CommitFact(
          c.name(),
          parentIds(c),
          tree.name(),
          specBlob != null,
          probe.version(),
          probe.problem(),
          changelogBlob == null ? null : changelogBlob.name(),
          changelogText,
          c.getAuthorIdent().getName(),
          c.getAuthorIdent().getEmailAddress(),
          Instant.ofEpochSecond(c.getCommitTime()),
          c.getFullMessage(),
          false);
    } catch (MissingObjectException e) {
      throw new IncompleteHistoryException(
          "commit " + HistoryWalk.shortId(c.name()) + " refers to a missing object " + e.getObjectId().name()
              + " (incomplete or partial clone); fetch the full history");
    } catch (IOException e) {
      throw new IncompleteHistoryException("cannot read commit " + HistoryWalk.shortId(c.name()) + ": " + e.getMessage());
    }
  }

  private boolean changelogDiffersFromParents(ObjectReader reader, RevCommit c, ObjectId blob) throws IOException {
    for (RevCommit p : c.getParents()) {
      try (RevWalk w = new RevWalk(reader)) {
        RevCommit parsed = w.parseCommit(p);
        if (blob.equals(specAndChangelog(reader, parsed.getTree())[1])) {
          return false;
        }
      } catch (MissingObjectException shallowParent) {
        // A parent beyond a shallow boundary: keep the text, the walk decides whether it matters.
      }
    }
    return true;
  }

  private SpecVersionProbe version(ObjectReader reader, RevTree tree, ObjectId specBlob) throws IOException {
    SpecVersionProbe cached = versionsBySpecBlob.get(specBlob);
    if (cached != null) {
      return cached;
    }
    String spec = text(reader, specBlob);
    boolean usesInclude = spec.contains("%include");
    IncludeResolver includes =
        path -> {
          try {
            ObjectId blob = blobAt(reader, tree, packageDir + path);
            return blob == null ? Optional.empty() : Optional.of(text(reader, blob));
          } catch (IOException e) {
            return Optional.empty();
          }
        };
    SpecVersionProbe probe = SpecVersionReader.read(spec, includes);
    if (!usesInclude) {
      // Without %include the spec text alone decides the version, so equal blobs share it.
      versionsBySpecBlob.put(specBlob, probe);
    }
    return probe;
  }

  /** The blob ids of the spec and of the changelog file in {@code tree} (null when absent), read in one walk. */
  private ObjectId[] specAndChangelog(ObjectReader reader, RevTree tree) throws IOException {
    ObjectId[] cached = blobsByTree.get(tree.getId());
    if (cached != null) {
      return cached;
    }
    ObjectId[] found = new ObjectId[2];
    String changelogPath = packageDir + "changelog";
    try (TreeWalk tw = new TreeWalk(reader)) {
      tw.addTree(tree);
      tw.setRecursive(true);
      tw.setFilter(PathFilterGroup.createFromStrings(specPath, changelogPath));
      while (tw.next()) {
        if ((tw.getRawMode(0) & 0170000) != 0100000) {
          continue;
        }
        if (tw.getPathString().equals(specPath)) {
          found[0] = tw.getObjectId(0);
        } else if (tw.getPathString().equals(changelogPath)) {
          found[1] = tw.getObjectId(0);
        }
      }
    }
    blobsByTree.put(tree.getId().copy(), found);
    return found;
  }

  private static ObjectId blobAt(ObjectReader reader, RevTree tree, String path) throws IOException {
    if (path.isEmpty() || path.startsWith("/") || path.contains("..")) {
      return null;
    }
    try (TreeWalk tw = TreeWalk.forPath(reader, path, tree)) {
      if (tw == null || (tw.getRawMode(0) & 0170000) != 0100000) {
        return null;
      }
      return tw.getObjectId(0);
    }
  }

  private static String text(ObjectReader reader, ObjectId blob) throws IOException {
    return new String(reader.open(blob, Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE), StandardCharsets.UTF_8);
  }
}
