package dev.rpmoverlay.release;

import dev.rpmoverlay.config.model.Compat;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The static Release bump (docs/azldev-compatibility.md §4.5): the leading integer of the Release value goes
 * up by the number of downstream changes. Which values are bumpable is the one place the
 * compatibility mode matters here: azldev's April-2026 build took any suffix ({@code ^(\d+)(.*)$},
 * so {@code 0.6%{?dist}} became {@code 1.6%{?dist}}); current azldev accepts only {@code N} and
 * {@code N%{?dist}}.
 */
public final class StaticReleaseBump {
  private static final Pattern LENIENT = Pattern.compile("^(\\d+)(.*)$", Pattern.DOTALL);
  private static final Pattern STRICT = Pattern.compile("^(\\d+)(%\\{\\??dist\\})?$");
  private static final Pattern AUTORELEASE = Pattern.compile("%(\\{[?]?autorelease($|[}\\s])|autorelease($|\\s))");

  private StaticReleaseBump() {}

  /** Whether a Release value uses rpmautospec's {@code %autorelease}. */
  public static boolean isAutorelease(String value) {
    return AUTORELEASE.matcher(value).find();
  }

  /**
   * The bumped value.
   *
   * @throws IllegalArgumentException with a user-facing explanation when the value has no bumpable
   *     form in this mode
   */
  public static String bump(String value, int changes, Compat compat) {
    Matcher m = (compat.lenientReleaseBump() ? LENIENT : STRICT).matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException("Release \"" + value + "\" cannot be bumped automatically"
          + (compat.lenientReleaseBump() ? " (it does not start with a number)" : " (only N or N%{?dist} can be)")
          + "; set release.calculation = \"manual\" for this component and, if it needs a different"
          + " Release, add a spec-set-tag overlay for it");
    }
    String suffix = m.group(2) == null ? "" : m.group(2);
    return new BigInteger(m.group(1)).add(BigInteger.valueOf(changes)) + suffix;
  }
}
