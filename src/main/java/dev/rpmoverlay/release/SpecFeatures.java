package dev.rpmoverlay.release;

import dev.rpmoverlay.spec.SpecDocument;
import dev.rpmoverlay.spec.UniversalNewlineLines;
import java.util.regex.Pattern;

/**
 * Which rpmautospec features a spec uses, detected line by line exactly as rpmautospec-core does:
 * {@code %autorelease} in any of its forms before the {@code %changelog} line, an
 * {@code %autochangelog} line, and whether the spec was already processed (it defines
 * {@code autorelease} itself). Line numbers are 1-based, null when absent.
 */
public record SpecFeatures(
    boolean hasAutorelease, Integer changelogLine, Integer autochangelogLine, Integer autoreleaseDefinitionLine) {
  private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.DOTALL;
  private static final Pattern AUTORELEASE =
      Pattern.compile("%(?:autorelease(?:\\s|$)|\\{\\??autorelease(?:\\s+[^}]*)?})", FLAGS);
  private static final Pattern CHANGELOG =
      Pattern.compile("%changelog(?:\\s.*)?", FLAGS | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern AUTOCHANGELOG = Pattern.compile("\\s*%(?:autochangelog|\\{\\??autochangelog})\\s*", FLAGS);
  private static final Pattern AUTORELEASE_DEFINITION = Pattern.compile("\\s*%define\\s+autorelease\\s*\\(", FLAGS);

  public static SpecFeatures detect(String specText) {
    boolean autorelease = false;
    Integer changelog = null;
    Integer autochangelog = null;
    Integer definition = null;
    int lineNo = 0;
    for (String line : UniversalNewlineLines.of(SpecDocument.parse(specText)).lines()) {
      lineNo++;
      if (changelog == null) {
        if (!autorelease && AUTORELEASE.matcher(line).find()) {
          autorelease = true;
        }
        if (CHANGELOG.matcher(line).matches()) {
          changelog = lineNo;
        }
      }
      if (autochangelog == null && AUTOCHANGELOG.matcher(line).lookingAt()) {
        autochangelog = lineNo;
      }
      if (definition == null && AUTORELEASE_DEFINITION.matcher(line).lookingAt()) {
        definition = lineNo;
      }
    }
    return new SpecFeatures(autorelease, changelog, autochangelog, definition);
  }

  public boolean hasAutochangelog() {
    return autochangelogLine != null;
  }

  /** Already processed by rpmautospec (or written with a frozen {@code %define autorelease(}). */
  public boolean isProcessed() {
    return autoreleaseDefinitionLine != null;
  }

  /** Whether {@code process-distgit} has anything to do. A spec without {@code %changelog} counts. */
  public boolean needsProcessing() {
    return !isProcessed() && (hasAutorelease || hasAutochangelog() || changelogLine == null);
  }

  /** Whether a changelog is generated (also for a spec without any {@code %changelog}). */
  public boolean needsAutochangelog() {
    return (changelogLine == null && autochangelogLine == null) || hasAutochangelog();
  }

  /** Whether the spec uses rpmautospec at all (the release is then computed from history). */
  public boolean usesRpmautospec() {
    return !isProcessed() && (hasAutorelease || hasAutochangelog());
  }
}
