package dev.rpmoverlay.release;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * rpmautospec's magic comments in commit messages: a line that is only {@code [ ... ]}, its
 * comma-separated parts {@code skip changelog} and {@code bump release[:] N}. Matching is
 * case-sensitive and anchored at the start of each part, as in rpmautospec.
 */
record MagicComments(boolean skipChangelog, OptionalInt bumpRelease) {
  private static final Pattern LINE = Pattern.compile("^\\s*\\[(.*)\\]\\s*$", Pattern.UNICODE_CHARACTER_CLASS | Pattern.DOTALL);
  private static final Pattern SKIP = Pattern.compile("\\s*skip\\s+changelog\\s*", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern BUMP = Pattern.compile("\\s*bump\\s+release\\s*:?\\s*(\\d+)\\s*", Pattern.UNICODE_CHARACTER_CLASS);

  private static final MagicComments NONE = new MagicComments(false, OptionalInt.empty());

  public static MagicComments parse(String message) {
    if (message.indexOf('[') < 0) {
      return NONE;
    }
    boolean skip = false;
    long bump = -1;
    for (String line : message.split("\n", -1)) {
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        continue;
      }
      for (String part : m.group(1).split(",", -1)) {
        if (SKIP.matcher(part).lookingAt()) {
          skip = true;
        }
        Matcher b = BUMP.matcher(part);
        if (b.lookingAt()) {
          try {
            bump = Math.max(bump, Long.parseLong(b.group(1)));
          } catch (NumberFormatException tooLarge) {
            bump = Integer.MAX_VALUE;
          }
        }
      }
    }
    return new MagicComments(skip, bump < 0 ? OptionalInt.empty() : OptionalInt.of((int) Math.min(bump, Integer.MAX_VALUE)));
  }
}
