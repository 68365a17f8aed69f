package dev.rpmoverlay.upstream;

/**
 * A component's lock ({@code <lock-dir>/<component>.lock}, azldev-semantics.md 1.10): the resolved
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
 */
public record LockFile(
    int version, String importCommit, String upstreamCommit, int manualBump, String inputFingerprint, String resolutionInputHash) {

  public static final int VERSION = 1;
}
