package dev.rpmoverlay.upstream;

/**
 * Where one component's upstream lives and which commit its config asks for: everything fetch
 * needs, independent of how the config was loaded.
 *
 * @param component the component name (the cache entry and lock are named after it)
 * @param upstreamName the dist-git package name ({@code $pkg})
 * @param url the expanded dist-git URL
 * @param branch the distro version's {@code dist-git-branch}
 * @param pinnedCommit {@code spec.upstream-commit} (7-40 hex digits), or empty
 * @param snapshot the distro reference's snapshot (RFC 3339), or empty
 */
public record UpstreamCoordinates(
    String component, String upstreamName, String url, String branch, String pinnedCommit, String snapshot) {

  /** "component 'x' (URL, branch b)": the prefix of every error about this upstream. */
  public String describe() {
    return "component '" + component + "' (" + url + ", branch " + branch + ")";
  }
}
