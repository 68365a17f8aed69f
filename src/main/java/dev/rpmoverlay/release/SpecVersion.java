package dev.rpmoverlay.release;

import java.util.Objects;

/**
 * What rpmautospec reads from a spec at one commit: {@code [epoch:]version} and the flags of
 * {@code %autorelease} ({@code -e extraver}, {@code -s snapinfo}, {@code -p}, {@code -b base}).
 * Flags are at their defaults (no extraver/snapinfo, no prerelease, base 1) when the Release
 * does not use {@code %autorelease} exactly as rpmautospec recognises it.
 *
 * @param epochVersion {@code "1.0"} or {@code "2:1.0"}; never null
 * @param extraver value of {@code -e}, or null
 * @param snapinfo value of {@code -s}, or null
 * @param prerelease whether {@code -p} was given
 * @param base value of {@code -b} (default 1)
 */
record SpecVersion(String epochVersion, String extraver, String snapinfo, boolean prerelease, int base) {
  public SpecVersion {
    Objects.requireNonNull(epochVersion, "epochVersion");
  }

  /** A version with default flags. */
  public static SpecVersion of(String epochVersion) {
    return new SpecVersion(epochVersion, null, null, false, 1);
  }

  /** The release rpmautospec prints for release number {@code n}, without dist tag. */
  public String releaseFor(int n) {
    return completeRelease(n, prerelease, base, extraver, snapinfo);
  }

  /** rpmautospec's release string: {@code [0.]<n + base - 1>[.extraver][.snapinfo]}. */
  static String completeRelease(int n, boolean prerelease, int base, String extraver, String snapinfo) {
    StringBuilder sb = new StringBuilder();
    if (prerelease) {
      sb.append("0.");
    }
    sb.append(n + base - 1);
    if (extraver != null && !extraver.isEmpty()) {
      sb.append('.').append(extraver);
    }
    if (snapinfo != null && !snapinfo.isEmpty()) {
      sb.append('.').append(snapinfo);
    }
    return sb.toString();
  }
}
