package dev.rpmoverlay.spec;

/**
 * A {@code %include FILE} line, as rpm reads it under {@link TagRules#RPM}: rpm reads the file's
 * lines in place of this one.
 *
 * @param line index of the line in the document
 * @param argument the first word after {@code %include}, as written (macros unexpanded)
 */
public record IncludeDirective(int line, String argument) {}
