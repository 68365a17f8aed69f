package dev.rpmoverlay.release;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * rpmautospec's walk over a package history, on {@link CommitFact}s. It mirrors rpmautospec's
 * two visitors: a first pass from the head towards the roots decides which commits must be
 * looked at (a commit is walked when a walked child still needs it: for the release number until
 * the version changes, for the changelog until the {@code changelog} file changes or a merge
 * cannot be resolved); a second pass from the roots up computes each walked commit's release
 * number and changelog from its parents' results.
 */
final class HistoryWalk {
  private static final String UNRESOLVABLE_MERGE = "unresolvable merge";

  /** First-pass decisions for one walked commit. */
  static final class Top {
    /** The facts end here (a boundary or shallow commit): nothing is known of its parents. */
    boolean opaque;
    boolean releaseContinues;
    boolean changelogContinues;
    boolean changelogRemoved;
    boolean childChangelogRemoved;
    boolean changelogChanged;
    boolean mergeUnresolvable;
    CommitFact parentToFollow;
  }

  /** Second-pass results for one walked commit. */
  /**
   * Second-pass results for one walked commit. {@code releaseGap} / {@code changelogGap} name an
   * opaque commit whose unknown result this one's number / changelog depends on (null if none).
   */
  private record Bottom(
      String id, String epochVersion, int releaseNumber, String release, Chain changelog, String releaseGap, String changelogGap) {
    static Bottom opaque(CommitFact c, String id) {
      String ev = c == null ? null : HistoryWalk.epochVersion(c);
      return new Bottom(id, ev, 0, "", null, id, id);
    }
  }

  /** An immutable list that shares its tail with the parent commit's changelog. */
  private record Chain(ChangelogEntry entry, Chain rest) {}

  private final Map<String, CommitFact> byId;
  private final String head;
  private final boolean withChangelog;

  private HistoryWalk(Map<String, CommitFact> byId, String head, boolean withChangelog) {
    this.byId = byId;
    this.head = head;
    this.withChangelog = withChangelog;
  }

  /**
   * Computes the head's release and changelog. {@code commits} must contain every commit the walk
   * reaches and the parents of those (children-first order is not required).
   */
  static AutospecResult run(List<CommitFact> commits, String head, boolean withChangelog) throws IncompleteHistoryException {
    Map<String, CommitFact> byId = new LinkedHashMap<>();
    for (CommitFact c : commits) {
      byId.put(c.id(), c);
    }
    if (!byId.containsKey(head)) {
      throw new IncompleteHistoryException("the history facts do not contain their head commit " + head);
    }
    return new HistoryWalk(byId, head, withChangelog).run();
  }

  private AutospecResult run() throws IncompleteHistoryException {
    List<CommitFact> order = childrenFirst();
    List<String> ids = new ArrayList<>(order.size());
    for (CommitFact c : order) {
      ids.add(c.id());
    }
    Map<String, Top> walked =
        firstPass(ids, id -> byId.get(id).boundary() ? List.of() : byId.get(id).parents(), head, byId::get, withChangelog);

    Map<String, Bottom> results = new HashMap<>();
    for (int i = order.size() - 1; i >= 0; i--) {
      CommitFact c = order.get(i);
      Top top = walked.get(c.id());
      if (top != null) {
        results.put(c.id(), top.opaque ? Bottom.opaque(c, c.id()) : bottom(c, top, results));
      }
    }
    Bottom result = results.get(head);
    if (result.releaseGap() != null) {
      throw new IncompleteHistoryException(
          IncompleteHistoryException.Need.LAST_VERSION_CHANGE,
          result.releaseGap(),
          "the history does not reach the last version change (needed for %autorelease): it ends at commit "
              + shortId(result.releaseGap()));
    }
    if (withChangelog && result.changelogGap() != null) {
      throw new IncompleteHistoryException(
          IncompleteHistoryException.Need.CHANGELOG_START,
          result.changelogGap(),
          "the history does not reach the start of the generated changelog (the last change of the changelog file,"
              + " or the first commit): it ends at commit "
              + shortId(result.changelogGap()));
    }
    List<ChangelogEntry> changelog = new ArrayList<>();
    for (Chain ch = withChangelog ? result.changelog() : null; ch != null; ch = ch.rest()) {
      changelog.add(ch.entry());
    }
    return new AutospecResult(result.releaseNumber(), result.release(), result.epochVersion(), changelog, notes(walked.keySet()));
  }

  /** Looks up a commit's facts; null when the commit is not known. */
  @FunctionalInterface
  interface FactLookup {
    CommitFact get(String id) throws IncompleteHistoryException;
  }

  /**
   * rpmautospec's first pass: which commits are walked, and what each walked commit decided.
   * {@code order} lists the commits reachable from {@code head}, every child before its parents.
   * The result iterates in that order.
   */
  static Map<String, Top> firstPass(
      List<String> order, Function<String, List<String>> parentsOf, String head, FactLookup facts, boolean withChangelog)
      throws IncompleteHistoryException {
    Map<String, List<String>> children = new HashMap<>();
    for (String id : order) {
      for (String p : parentsOf.apply(id)) {
        children.computeIfAbsent(p, k -> new ArrayList<>()).add(id);
      }
    }
    Map<String, Top> walked = new LinkedHashMap<>();
    for (String id : order) {
      boolean inRelease;
      boolean inChangelog;
      Boolean inRemoved = null;
      if (id.equals(head)) {
        inRelease = true;
        inChangelog = withChangelog;
      } else {
        inRelease = false;
        inChangelog = false;
        for (String childId : children.getOrDefault(id, List.of())) {
          Top child = walked.get(childId);
          if (child == null) {
            continue;
          }
          inRelease |= child.releaseContinues;
          inChangelog |= child.changelogContinues;
          inRemoved = inRemoved == null ? child.changelogRemoved : inRemoved && child.changelogRemoved;
        }
        if (!inRelease && !inChangelog) {
          continue;
        }
      }
      CommitFact c = facts.get(id);
      walked.put(id, isOpaque(c, facts) ? opaqueTop() : top(c, inChangelog, Boolean.TRUE.equals(inRemoved), facts));
    }
    return walked;
  }

  private static boolean isOpaque(CommitFact c, FactLookup facts) throws IncompleteHistoryException {
    if (c == null || c.boundary()) {
      return true;
    }
    for (String p : c.parents()) {
      if (facts.get(p) == null) {
        return true;
      }
    }
    return false;
  }

  private static Top opaqueTop() {
    Top t = new Top();
    t.opaque = true;
    return t;
  }

  private List<String> notes(Set<String> walked) {
    Set<String> notes = new TreeSet<>();
    for (String id : walked) {
      CommitFact c = byId.get(id);
      if (c.specPresent() && c.versionProblem() != null) {
        notes.add("commit " + shortId(id) + ": " + (c.version() == null ? "version unknown, treated as unparseable: " : "") + c.versionProblem());
      }
    }
    return List.copyOf(notes);
  }

  private static Top top(CommitFact c, boolean inChangelog, boolean childRemoved, FactLookup facts)
      throws IncompleteHistoryException {
    List<CommitFact> parents = new ArrayList<>(c.parents().size());
    for (String p : c.parents()) {
      parents.add(facts.get(p));
    }
    Top t = new Top();
    String ev = epochVersion(c);
    if (ev == null) {
      t.releaseContinues = true;
    } else {
      List<String> parentVersions = new ArrayList<>();
      boolean unknownParent = false;
      for (CommitFact p : parents) {
        if (p.version() == null) {
          unknownParent = true;
          break;
        }
        parentVersions.add(p.version().epochVersion());
      }
      t.releaseContinues = unknownParent || parentVersions.contains(ev);
    }

    String blob = c.changelogBlob();
    boolean ourRemoved = false;
    boolean changed;
    if (!parents.isEmpty()) {
      changed = true;
      for (CommitFact p : parents) {
        if (p.changelogBlob() != null) {
          ourRemoved = ourRemoved || blob == null;
        }
        if (Objects.equals(blob, p.changelogBlob())) {
          changed = false;
        }
      }
    } else {
      changed = blob != null;
    }
    if (parents.size() == 1) {
      t.parentToFollow = parents.get(0);
    } else if (parents.size() > 1) {
      for (CommitFact p : parents) {
        if (c.tree().equals(p.tree())) {
          t.parentToFollow = p;
          break;
        }
      }
      t.mergeUnresolvable = t.parentToFollow == null && !changed;
    }
    t.changelogChanged = changed;
    t.childChangelogRemoved = childRemoved;
    t.changelogContinues = !((changed && blob != null) || t.mergeUnresolvable) && inChangelog;
    t.changelogRemoved = !(blob != null && changed) && (childRemoved || ourRemoved);
    return t;
  }

  private Bottom bottom(CommitFact c, Top top, Map<String, Bottom> results) throws IncompleteHistoryException {
    String ev = epochVersion(c);
    List<Bottom> parentResults = new ArrayList<>(c.parents().size());
    for (String p : c.parents()) {
      parentResults.add(results.get(p));
    }
    int number = 0;
    String releaseGap = null;
    for (Bottom pr : parentResults) {
      if (pr != null && (ev == null || pr.epochVersion() == null || ev.equals(pr.epochVersion()))) {
        number = Math.max(number, pr.releaseNumber());
        releaseGap = releaseGap != null ? releaseGap : pr.releaseGap();
      }
    }
    if (c.specPresent()) {
      number++;
    }
    MagicComments magic = MagicComments.parse(c.message());
    if (magic.bumpRelease().isPresent()) {
      number = Math.max(number, magic.bumpRelease().getAsInt());
    }
    SpecVersion v = c.version();
    String release =
        v == null ? SpecVersion.completeRelease(number, false, 1, null, null) : v.releaseFor(number);

    Chain changelog;
    String changelogGap = null;
    if (top.mergeUnresolvable) {
      changelog = new Chain(entry(c, ev, release, UNRESOLVABLE_MERGE), null);
      changelogGap = releaseGap;
    } else if (top.changelogChanged && c.changelogBlob() != null) {
      if (top.childChangelogRemoved) {
        changelog = null;
      } else {
        if (c.changelogText() == null) {
          throw new IncompleteHistoryException("the history facts lack the text of the changelog file at commit " + shortId(c.id()));
        }
        changelog = new Chain(new ChangelogEntry.FileText(c.changelogText()), null);
      }
    } else {
      boolean skip = magic.skipChangelog() || !c.specPresent();
      Bottom followed = null;
      if (c.parents().size() == 1) {
        followed = parentResults.get(0);
      } else if (top.parentToFollow != null) {
        for (Bottom candidate : parentResults) {
          if (candidate != null && candidate.id().equals(top.parentToFollow.id())) {
            followed = candidate;
            skip = true;
            break;
          }
        }
      }
      Chain previous = followed == null ? null : followed.changelog();
      changelogGap = followed == null ? null : followed.changelogGap();
      if (!skip) {
        changelog = new Chain(entry(c, ev, release, null), previous);
        changelogGap = changelogGap != null ? changelogGap : releaseGap;
      } else {
        changelog = previous;
      }
    }
    return new Bottom(c.id(), ev, number, release, changelog, releaseGap, changelogGap);
  }

  private static ChangelogEntry entry(CommitFact c, String ev, String release, String error) {
    return new ChangelogEntry.FromCommit(c.committed(), c.authorName(), c.authorEmail(), c.message(), ev, release, error);
  }

  private static String epochVersion(CommitFact c) {
    return c.version() == null ? null : c.version().epochVersion();
  }

  /** The commits reachable from the head within the facts, every child before its parents. */
  private List<CommitFact> childrenFirst() {
    Map<String, Integer> pendingChildren = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    stack.push(head);
    pendingChildren.put(head, 0);
    List<String> reachable = new ArrayList<>();
    while (!stack.isEmpty()) {
      String id = stack.pop();
      reachable.add(id);
      CommitFact c = byId.get(id);
      if (c.boundary()) {
        continue;
      }
      for (String p : c.parents()) {
        if (!byId.containsKey(p)) {
          continue;
        }
        Integer count = pendingChildren.get(p);
        pendingChildren.put(p, count == null ? 1 : count + 1);
        if (count == null) {
          stack.push(p);
        }
      }
    }
    List<CommitFact> order = new ArrayList<>(reachable.size());
    Deque<String> ready = new ArrayDeque<>();
    ready.add(head);
    while (!ready.isEmpty()) {
      String id = ready.poll();
      CommitFact c = byId.get(id);
      order.add(c);
      if (c.boundary()) {
        continue;
      }
      for (String p : c.parents()) {
        Integer count = pendingChildren.get(p);
        if (count == null) {
          continue;
        }
        if (count == 1) {
          pendingChildren.remove(p);
          ready.add(p);
        } else {
          pendingChildren.put(p, count - 1);
        }
      }
    }
    return order;
  }

  static String shortId(String id) {
    return id.length() > 10 ? id.substring(0, 10) : id;
  }
}
