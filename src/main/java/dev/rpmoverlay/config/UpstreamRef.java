package dev.rpmoverlay.config;

/**
 * Where a component's upstream comes from, fully resolved: the distro reference (its own, or the
 * project default), the version (or the distro's default-version), and the distro's URIs with
 * {@code $pkg} substituted.
 *
 * @param snapshot RFC 3339 time or empty
 * @param distGitUri the clone URL ({@code $pkg} = upstream name, path-escaped)
 * @param lookasideBaseUri the template still holding {@code $filename $hashtype $hash}; see {@link
 *     #lookasideUri}
 * @param upstreamCommit a pinned commit or empty
 */
public record UpstreamRef(
    String distro,
    String version,
    String snapshot,
    String distGitBranch,
    String distGitUri,
    String lookasideBaseUri,
    String upstreamName,
    String upstreamCommit,
    String releaseVer) {

  /** The lookaside URL of one file ({@code $hashtype} lower-cased, every value path-escaped). */
  public String lookasideUri(String filename, String hashType, String hash) {
    return UriTemplate.substitute(
        lookasideBaseUri,
        java.util.Map.of(
            "pkg", upstreamName,
            "filename", filename,
            "hashtype", hashType.toLowerCase(java.util.Locale.ROOT),
            "hash", hash));
  }
}
