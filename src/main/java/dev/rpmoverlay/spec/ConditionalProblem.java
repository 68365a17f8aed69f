package dev.rpmoverlay.spec;

/**
 * A defect in the conditional structure. Reported, never thrown: real specs and fuzz input can be
 * unbalanced.
 *
 * @param line index of the offending line
 */
public record ConditionalProblem(Kind kind, int line) {

  public enum Kind {
    /** An {@code %if} that the end of the file closes. */
    UNTERMINATED_IF,
    /** An {@code %endif} with no open block. */
    UNMATCHED_ENDIF,
    /** An {@code %else}/{@code %elif} with no open block. */
    BRANCH_OUTSIDE_IF,
    /** An {@code %else}/{@code %elif} after the block's {@code %else}. */
    BRANCH_AFTER_ELSE
  }

  public String describe() {
    return switch (kind) {
      case UNTERMINATED_IF -> "line " + (line + 1) + ": %if without %endif";
      case UNMATCHED_ENDIF -> "line " + (line + 1) + ": %endif without %if";
      case BRANCH_OUTSIDE_IF -> "line " + (line + 1) + ": %else/%elif outside %if";
      case BRANCH_AFTER_ELSE -> "line " + (line + 1) + ": %else/%elif after %else";
    };
  }
}
