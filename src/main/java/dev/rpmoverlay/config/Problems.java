package dev.rpmoverlay.config;

import dev.rpmoverlay.config.ConfigProblem.Severity;
import dev.rpmoverlay.config.model.SourcePosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects every problem of a load so they can be reported together. Unknown keys are errors, or
 * warnings when the config is loaded permissively.
 */
final class Problems {

  /**
   * Where a problem is: component and overlay context for the message prefix. {@code overlayBase}
   * is how many of the component's resolved overlays come before the ones being checked (an
   * overlay file's overlays follow the component's own), so that {@link #overlay} gives the same
   * {@code #N} that render, diff and show use.
   */
  record Context(String component, int overlayNumber, String overlayDescription, int overlayBase) {
    static final Context NONE = new Context("", 0, "", 0);

    static Context component(String name) {
      return new Context(name, 0, "", 0);
    }

    /** The context of the {@code number}th (1-based) overlay of the list being checked. */
    Context overlay(int number, String description) {
      return new Context(component, overlayBase + number, description.isBlank() ? "(no description)" : description, overlayBase);
    }

    /** A context whose overlays come after {@code preceding} others in the resolved list. */
    Context afterOverlays(int preceding) {
      return new Context(component, 0, "", preceding);
    }
  }

  private final List<ConfigProblem> problems = new ArrayList<>();
  private final boolean permissive;

  Problems(boolean permissive) {
    this.permissive = permissive;
  }

  void error(SourcePosition at, Context ctx, String message, String hint) {
    add(Severity.ERROR, at, ctx, message, hint);
  }

  void warning(SourcePosition at, Context ctx, String message, String hint) {
    add(Severity.WARNING, at, ctx, message, hint);
  }

  /** A key the schema does not know: an error, or a warning under --permissive-config. */
  void unknownKey(SourcePosition at, Context ctx, String message, String hint) {
    add(permissive ? Severity.WARNING : Severity.ERROR, at, ctx, message, permissive ? "" : hint);
  }

  private void add(Severity severity, SourcePosition at, Context ctx, String message, String hint) {
    problems.add(new ConfigProblem(severity, at, ctx.component(), ctx.overlayNumber(), ctx.overlayDescription(), message, hint));
  }

  /** Adds problems collected elsewhere (e.g. by a parse on another thread), keeping their order. */
  void addAll(Problems other) {
    problems.addAll(other.problems);
  }

  boolean hasErrors() {
    return problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
  }

  /** Sorted by file, line, column, so the report is stable whatever order checks ran in. */
  List<ConfigProblem> sorted() {
    List<ConfigProblem> copy = new ArrayList<>(problems);
    copy.sort(
        Comparator.comparing((ConfigProblem p) -> p.at().file() == null ? "" : p.at().file().toString())
            .thenComparingInt(p -> p.at().line())
            .thenComparingInt(p -> p.at().column()));
    return copy;
  }

  List<ConfigProblem> warnings() {
    return sorted().stream().filter(p -> p.severity() == Severity.WARNING).toList();
  }

  void throwIfErrors(Path projectDir) {
    if (hasErrors()) {
      throw new ConfigException(sorted(), projectDir);
    }
  }
}
