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
   * A later physical line of a logical line that RPM joins (backslash continuation, or an open
   * {@code %{...}}, {@code %(...)} or {@code %[...]}): never a header, tag or conditional.
   */
  CONTINUATION,
  /** Anything else: script text, file lists, description text, blank lines. */
  OTHER
}
