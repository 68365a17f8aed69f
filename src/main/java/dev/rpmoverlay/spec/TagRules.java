package dev.rpmoverlay.spec;

/** Whose rule finds the tags of the preamble and {@code %package} sections ({@link SpecDocument#useTagRules}). */
public enum TagRules {
  /** azldev's (the default): the Go-trimmed line matches {@code ^([^\s:]+):\s*(.*?)$}; {@code Patch 0: x} is no tag. */
  AZLDEV,
  /**
   * rpm's, as its {@code findPreambleTag} reads the tags that name files and macros: azldev's, and
   * also a word of ASCII letters with blanks before the colon or between the word and its number
   * ({@code Patch 0: x}, {@code Version : 1}; {@link TagLine#name()} keeps them as written).
   * A tag that a line-spanning <code>%{?x:...}</code> or <code>%{!?x:...}</code> wraps counts too
   * (rpm reads it when {@code x} is, or is not, defined); the wrapper is then part of
   * {@link TagLine#indent()} and {@link TagLine#trailing()}. {@code %include} lines are collected
   * ({@link SpecStructure#includes()}).
   */
  RPM
}
