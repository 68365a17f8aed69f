package dev.rpmoverlay.spec;

/** What a physical line is, as the structure scan classified it. */
public enum LineKind {
  /** A section header ({@code %files devel}, {@code %changelog}, ...). */
  HEADER,
  /** A tag line in the preamble or a {@code %package} section. */
  TAG,
  /** {@code %if...}, {@code %elif...}, {@code %else} or {@code %endif}. */
  CONDITIONAL,
  /** The first line of a {@code %define} or {@code %global}. */
  MACRO_DEFINITION,
  /** A line starting with {@code #} at column 0. */
  COMMENT,
  /**
   * A later physical line of a {@code %define}/{@code %global}, or of an
   * <code>%{expand:...}</code>/<code>%{lua:...}</code> body that starts a line, as far as RPM joins
   * them into one logical line: macro body text, never a header, tag or conditional.
   */
  CONTINUATION,
  /** Anything else: script text, file lists, description text, blank lines. */
  OTHER
}
