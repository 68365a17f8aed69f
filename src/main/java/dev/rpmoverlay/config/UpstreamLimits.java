package dev.rpmoverlay.config;

import java.util.OptionalLong;

/**
 * {@code [project.upstream-limits]} (an rpmoverlay key): the project's bounds on one component's
 * upstream tree, each empty when the project does not set it (then the built-in default applies;
 * a command-line option overrides either).
 *
 * @param maxFiles {@code max-files}: files per cache entry
 * @param maxFileSizeMib {@code max-file-size-mib}: MiB of one file
 * @param maxEntrySizeMib {@code max-entry-size-mib}: MiB of all files of one entry
 */
public record UpstreamLimits(OptionalLong maxFiles, OptionalLong maxFileSizeMib, OptionalLong maxEntrySizeMib) {
  public static final UpstreamLimits UNSET = new UpstreamLimits(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());

  static final String KEY = "upstream-limits";
}
