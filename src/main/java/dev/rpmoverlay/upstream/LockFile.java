package dev.rpmoverlay.upstream;

/**
 * A component's lock ({@code <lock-dir>/<component>.lock}, docs/azldev-compatibility.md §1.10): the resolved
 * upstream commit and fingerprints of the inputs it was resolved and rendered from. The keys are
 * azldev's, so azldev lock files read here (their fingerprints are opaque: they will not match
 * rpmoverlay's, and {@code update} rewrites them).
 *
 * @param importCommit the first upstream commit this component was imported at (kept across updates;
 *     empty for local components)
 * @param upstreamCommit the resolved commit (empty for local components)
 * @param manualBump extra release bumps requested by hand
 * @param inputFingerprint {@code sha256:<hex>} over everything that affects the render
 * @param resolutionInputHash {@code sha256:<hex>} over what chose the commit (snapshot, distro,
 *     branch, URL, pin, upstream name); empty for local components
 * @param fingerprintScheme which way of computing {@code inputFingerprint} wrote it ({@code
 *     fingerprint-scheme}; 1 when absent, as in locks from azldev and early rpmoverlay). Fingerprints
 *     of different schemes are not comparable: a change of scheme alone is not a downstream change.
 */
public record LockFile(
    int version, String importCommit, String upstreamCommit, int manualBump, String inputFingerprint, String resolutionInputHash,
    int fingerprintScheme) {

  public static final int VERSION = 1;

  /**
   * The scheme {@link Fingerprints#input} implements. 2: overlay source paths left out of the
   * config (they were absolute, so scheme-1 fingerprints depended on the checkout's location), and
   * a local {@code spec.path} naming the spec file fingerprints its whole directory.
   */
  public static final int FINGERPRINT_SCHEME = 2;

  /** A lock in the current fingerprint scheme. */
  public LockFile(int version, String importCommit, String upstreamCommit, int manualBump, String inputFingerprint,
      String resolutionInputHash) {
    this(version, importCommit, upstreamCommit, manualBump, inputFingerprint, resolutionInputHash, FINGERPRINT_SCHEME);
  }
}
