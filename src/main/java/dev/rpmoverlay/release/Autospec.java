package dev.rpmoverlay.release;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectInserter;

/**
 * {@code %autorelease} and {@code %autochangelog} computed like rpmautospec's
 * {@code calculate-release} and {@code process-distgit}, from {@link HistoryFacts} instead of a
 * git repository. Pure: no I/O, no clock; the same input always gives the same output.
 */
public final class Autospec {
  /** The rpmautospec version whose output this reproduces (the conformance data's). */
  public static final String DEFAULT_TOOL_VERSION = "0.8.5";

  private static final String DOWNSTREAM_ID_PREFIX = "downstream-";

  private final String toolVersion;

  public Autospec() {
    this(DEFAULT_TOOL_VERSION);
  }

  /** {@code toolVersion} is recorded in the processed spec's {@code ## (rpmautospec version X)} line. */
  public Autospec(String toolVersion) {
    this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
  }

  /** The release number and changelog of the newest commit (downstream commits included). */
  public AutospecResult compute(AutospecInput input) throws IncompleteHistoryException {
    List<CommitFact> commits = new ArrayList<>(input.history().commits());
    String head = input.history().head();
    List<String> extraNotes = new ArrayList<>();
    if (!input.downstream().isEmpty()) {
      head = appendDownstream(input, commits, extraNotes);
    } else if (commits.isEmpty()) {
      throw new IncompleteHistoryException("there is no history: no upstream commits and no downstream changes");
    }
    boolean withChangelog = input.history().changelog() || input.history().commits().isEmpty();
    AutospecResult r = HistoryWalk.run(commits, head, withChangelog);
    if (extraNotes.isEmpty()) {
      return r;
    }
    List<String> notes = new ArrayList<>(r.notes());
    notes.addAll(extraNotes);
    return new AutospecResult(r.releaseNumber(), r.release(), r.epochVersion(), r.changelog(), notes);
  }

  /**
   * The spec as {@code process-distgit} writes it, or empty when it has nothing to do (the spec
   * does not use rpmautospec, or was processed already).
   */
  public Optional<String> process(AutospecInput input) throws IncompleteHistoryException {
    return run(input).processedSpec();
  }

  /** Computes the release and changelog once and, when there is anything to do, the processed spec. */
  public AutospecOutcome run(AutospecInput input) throws IncompleteHistoryException {
    SpecFeatures features = SpecFeatures.detect(input.specText());
    if (features.needsProcessing()
        && features.needsAutochangelog()
        && !input.history().changelog()
        && !input.history().commits().isEmpty()) {
      throw new IncompleteHistoryException(
          "the history facts were captured for the release number only (the upstream spec has its own"
              + " %changelog), but this spec generates its changelog; fetch the component again");
    }
    AutospecResult result = compute(input);
    if (!features.needsProcessing()) {
      return new AutospecOutcome(result, Optional.empty());
    }
    return new AutospecOutcome(result, Optional.of(ProcessedSpecWriter.write(input.specText(), features, result, toolVersion)));
  }

  /** Adds the downstream commits as a linear chain on top; returns the new head's id. */
  private static String appendDownstream(AutospecInput input, List<CommitFact> commits, List<String> notes) {
    HistoryFacts history = input.history();
    CommitFact upstreamHead = null;
    for (CommitFact c : commits) {
      if (c.id().equals(history.head())) {
        upstreamHead = c;
      }
    }
    SpecVersionProbe current = SpecVersionReader.read(input.specText(), input.includes());
    if (current.problem() != null) {
      notes.add("current spec: " + (current.version() == null ? "version unknown, treated as unparseable: " : "") + current.problem());
    }
    String currentBlob = input.changelogFile() == null ? null : blobId(input.changelogFile());
    String parent = upstreamHead == null ? null : upstreamHead.id();
    List<DownstreamCommit> downstream = input.downstream();
    for (int i = 0; i < downstream.size(); i++) {
      DownstreamCommit d = downstream.get(i);
      boolean newest = i == downstream.size() - 1;
      String id = DOWNSTREAM_ID_PREFIX + (i + 1);
      SpecVersion version;
      String problem;
      String blob;
      if (newest || upstreamHead == null) {
        version = current.version();
        problem = current.problem();
        blob = newest ? currentBlob : (upstreamHead == null ? null : upstreamHead.changelogBlob());
      } else {
        version = upstreamHead.version();
        problem = upstreamHead.versionProblem();
        blob = upstreamHead.changelogBlob();
      }
      String text = newest && input.changelogFile() != null ? new String(input.changelogFile(), StandardCharsets.UTF_8) : null;
      commits.add(
          new CommitFact(
              id,
              parent == null ? List.of() : List.of(parent),
              id,
              true,
              version,
              problem,
              blob,
              text,
              d.authorName(),
              d.authorEmail(),
              d.date(),
              d.message(),
              false));
      parent = id;
    }
    return parent;
  }

  /** The id git gives a file with these bytes, to compare with the history's changelog blobs. */
  static String blobId(byte[] content) {
    try (ObjectInserter.Formatter f = new ObjectInserter.Formatter()) {
      return f.idFor(Constants.OBJ_BLOB, content).name();
    }
  }
}
