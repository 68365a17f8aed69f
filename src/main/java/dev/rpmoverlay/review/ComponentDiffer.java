package dev.rpmoverlay.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Computes a {@link ComponentDiff} from a {@link RenderTrace}: the spec is aligned by line origin,
 * other text files by content, and every hunk carries the causes that made it.
 */
public final class ComponentDiffer {
  /** Upstream files that no overlay removed are gone because the file filter dropped them. */
  static final Cause FILE_FILTER = Cause.synthesized("file-filter");
  /** rpmoverlay writes every spec with a final newline, as azldev does. */
  static final Cause FINAL_NEWLINE = Cause.synthesized("final-newline");

  private final int context;

  public ComponentDiffer() {
    this(HunkBuilder.DEFAULT_CONTEXT);
  }

  public ComponentDiffer(int context) {
    this.context = context;
  }

  public ComponentDiff diff(RenderTrace trace) {
    List<FileDiff> files = new ArrayList<>();
    specDiff(trace).ifPresent(files::add);
    Map<String, String> upstreamOf = new HashMap<>();
    trace.renames().forEach((from, to) -> upstreamOf.put(to, from));
    TreeSet<String> consumed = new TreeSet<>();
    consumed.add(trace.upstreamSpec());
    for (var e : trace.renderedFiles().entrySet()) {
      String path = e.getKey();
      if (path.equals(trace.renderedSpec())) {
        continue;
      }
      String from = upstreamOf.getOrDefault(path, path);
      byte[] before = trace.upstreamFiles().get(from);
      if (before != null) {
        consumed.add(from);
      }
      fileDiff(trace, from, before, path, e.getValue()).ifPresent(files::add);
    }
    for (var e : trace.upstreamFiles().entrySet()) {
      if (!consumed.contains(e.getKey())) {
        fileDiff(trace, e.getKey(), e.getValue(), "", null).ifPresent(files::add);
      }
    }
    files.sort((a, b) -> a.path().compareTo(b.path()));
    return new ComponentDiff(trace.component(), files);
  }

  private Optional<FileDiff> specDiff(RenderTrace trace) {
    byte[] renderedBytes = trace.renderedFiles().get(trace.renderedSpec());
    if (renderedBytes == null) {
      return Optional.empty();
    }
    byte[] upstreamBytes = trace.upstreamSpec().isEmpty() ? null : trace.upstreamFiles().get(trace.upstreamSpec());
    TextLines up = upstreamBytes == null ? TextLines.EMPTY : TextLines.of(upstreamBytes).orElse(TextLines.EMPTY);
    TextLines out = TextLines.of(renderedBytes).orElseThrow(() -> new IllegalArgumentException("rendered spec is not text"));
    AttributedText text = new AttributedText(up.lines(), out.lines(), trace.specSources(), trace.specRemovedBy());
    EditScript script = OriginAlignment.align(text).withFinalNewlines(up.finalNewline(), out.finalNewline(), FINAL_NEWLINE);
    List<Hunk> hunks = HunkBuilder.hunks(script, context);
    FileDiff.Status status = upstreamBytes == null ? FileDiff.Status.ADDED
        : trace.upstreamSpec().equals(trace.renderedSpec()) ? FileDiff.Status.MODIFIED : FileDiff.Status.RENAMED;
    if (hunks.isEmpty() && status == FileDiff.Status.MODIFIED) {
      return Optional.empty();
    }
    TreeSet<Cause> causes = new TreeSet<>();
    hunks.forEach(h -> causes.addAll(h.causes()));
    if (status == FileDiff.Status.RENAMED) {
      causes.add(Cause.synthesized("upstream-name"));
    }
    String upstreamPath = upstreamBytes == null ? "" : trace.upstreamSpec();
    return Optional.of(new FileDiff(upstreamPath, trace.renderedSpec(), status, false, hunks, List.copyOf(causes)));
  }

  private Optional<FileDiff> fileDiff(RenderTrace trace, String from, byte[] before, String to, byte[] after) {
    FileDiff.Status status;
    if (before == null) {
      status = FileDiff.Status.ADDED;
    } else if (after == null) {
      status = FileDiff.Status.REMOVED;
    } else if (!from.equals(to)) {
      status = FileDiff.Status.RENAMED;
    } else if (Arrays.equals(before, after)) {
      return Optional.empty();
    } else {
      status = FileDiff.Status.MODIFIED;
    }
    List<Cause> causes = fileCauses(trace, status == FileDiff.Status.REMOVED ? from : to, status);
    Optional<TextLines> up = before == null ? Optional.of(TextLines.EMPTY) : TextLines.of(before);
    Optional<TextLines> out = after == null ? Optional.of(TextLines.EMPTY) : TextLines.of(after);
    String upstreamPath = before == null ? "" : from;
    String renderedPath = after == null ? "" : to;
    if (up.isEmpty() || out.isEmpty()) {
      return Optional.of(new FileDiff(upstreamPath, renderedPath, status, true, List.of(), causes));
    }
    FileOrigins origins = after == null ? null : trace.sidecarOrigins().get(to);
    List<Hunk> hunks;
    if (origins != null && origins.lines().equals(out.get().lines())) {
      AttributedText text = new AttributedText(up.get().lines(), out.get().lines(), origins.sources(), origins.removedBy());
      Cause lastLine = causes.size() == 1 ? causes.get(0) : OriginAlignment.UNATTRIBUTED;
      EditScript script = OriginAlignment.align(text).withFinalNewlines(up.get().finalNewline(), out.get().finalNewline(), lastLine);
      hunks = HunkBuilder.hunks(script, context);
    } else {
      Cause cause = causes.size() == 1 ? causes.get(0) : OriginAlignment.UNATTRIBUTED;
      EditScript script = TextAlignment.align(up.get().lines(), out.get().lines(), cause)
          .withFinalNewlines(up.get().finalNewline(), out.get().finalNewline(), cause);
      hunks = HunkBuilder.hunks(script, context).stream()
          .map(h -> new Hunk(h.upstreamStart(), h.upstreamCount(), h.renderedStart(), h.renderedCount(), h.lines(), causes))
          .toList();
    }
    return Optional.of(new FileDiff(upstreamPath, renderedPath, status, false, hunks, causes));
  }

  private static List<Cause> fileCauses(RenderTrace trace, String path, FileDiff.Status status) {
    List<Cause> causes = trace.fileCauses().get(path);
    if (causes != null && !causes.isEmpty()) {
      return List.copyOf(new TreeSet<>(causes));
    }
    return List.of(status == FileDiff.Status.REMOVED ? FILE_FILTER : OriginAlignment.UNATTRIBUTED);
  }
}
