package dev.rpmoverlay.cli;

import dev.rpmoverlay.config.ProjectInfo;
import dev.rpmoverlay.config.UpstreamLimits;
import dev.rpmoverlay.upstream.ContentLimits;
import dev.rpmoverlay.upstream.DistGitMirrors;
import dev.rpmoverlay.upstream.MirrorStore;
import dev.rpmoverlay.upstream.RetryPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by the commands that talk to dist-git ({@code fetch}, {@code update}). */
public final class UpstreamOptions {

  @Option(names = "--network-retries", paramLabel = "N",
      description = "Retries after a transient network failure, with exponential backoff (default: ${DEFAULT-VALUE}).")
  int networkRetries = RetryPolicy.DEFAULT.retries();

  @Option(names = "--network-timeout", paramLabel = "SECONDS",
      description = "Give up on a connection to dist-git that stays silent this long, over any protocol; then retry"
          + " (default: ${DEFAULT-VALUE}).")
  int networkTimeoutSeconds = MirrorStore.DEFAULT_TIMEOUT_SECONDS;

  @Option(names = "--max-files", paramLabel = "N",
      description = "Most files one component's upstream tree may have (default: project.upstream-limits.max-files, else "
          + "20000); more fails that component.")
  Integer maxFiles;

  @Option(names = "--max-file-size", paramLabel = "MIB",
      description = "Largest upstream file, in MiB (default: project.upstream-limits.max-file-size-mib, else 64); a larger"
          + " one fails its component.")
  Long maxFileMib;

  @Option(names = "--max-entry-size", paramLabel = "MIB",
      description = "Most MiB of files in one component's upstream tree (default: project.upstream-limits.max-entry-size-mib,"
          + " else 512); more fails that component.")
  Long maxEntryMib;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N",
      description = "Components fetched in parallel (default: ${DEFAULT-VALUE}).")
  int jobs = 8;

  @Option(names = "--mirror-dir", paramLabel = "DIR",
      description = "Where the bare dist-git mirrors live (default: $RPMOVERLAY_MIRROR_DIR, else $XDG_CACHE_HOME/rpmoverlay/mirrors, "
          + "else ~/.cache/rpmoverlay/mirrors). Not part of the project.")
  Path mirrorDir;

  @Option(names = "--dist-git-mirror", paramLabel = "URL_PREFIX=MIRROR",
      description = {"Fetch dist-git URLs that start with URL_PREFIX from MIRROR + the rest of the URL instead, like git's"
          + " insteadOf. MIRROR is a URL prefix or a local directory. Only the transport changes: locks, fingerprints and"
          + " the cache's recorded url stay those of the configured URL. Repeatable; the longest matching prefix wins.",
          "Example: --dist-git-mirror https://src.fedoraproject.org/rpms/=/srv/fedora-distgit/"})
  List<String> distGitMirrors = new ArrayList<>();

  RetryPolicy retryPolicy() {
    if (networkRetries < 0) {
      throw new UserException("--network-retries must be 0 or more, got " + networkRetries);
    }
    return RetryPolicy.of(networkRetries);
  }

  /** The command line's limits over the project's over the defaults. */
  ContentLimits limits(ProjectInfo project) {
    ContentLimits p = projectLimits(project);
    if ((maxFiles != null && maxFiles < 1) || (maxFileMib != null && maxFileMib < 1) || (maxEntryMib != null && maxEntryMib < 1)) {
      throw new UserException("--max-files, --max-file-size and --max-entry-size must be at least 1");
    }
    return new ContentLimits(maxFiles != null ? maxFiles : p.maxFiles(),
        maxFileMib != null ? maxFileMib << 20 : p.maxFileBytes(), maxEntryMib != null ? maxEntryMib << 20 : p.maxEntryBytes());
  }

  /** {@code [project.upstream-limits]} over the defaults: what render holds cache entries to. */
  static ContentLimits projectLimits(ProjectInfo project) {
    UpstreamLimits l = project.upstreamLimits();
    ContentLimits d = ContentLimits.DEFAULT;
    return new ContentLimits((int) l.maxFiles().orElse(d.maxFiles()),
        l.maxFileSizeMib().isPresent() ? l.maxFileSizeMib().getAsLong() << 20 : d.maxFileBytes(),
        l.maxEntrySizeMib().isPresent() ? l.maxEntrySizeMib().getAsLong() << 20 : d.maxEntryBytes());
  }

  int jobs() {
    if (jobs < 1) {
      throw new UserException("--jobs must be at least 1, got " + jobs);
    }
    return jobs;
  }

  MirrorStore mirrors() {
    if (networkTimeoutSeconds < 1) {
      throw new UserException("--network-timeout must be at least 1 second, got " + networkTimeoutSeconds);
    }
    return new MirrorStore(mirrorDir != null ? mirrorDir : MirrorStore.defaultRoot(System.getenv()), retryPolicy(),
        networkTimeoutSeconds, distGitMirrors());
  }

  DistGitMirrors distGitMirrors() {
    List<DistGitMirrors.Rule> rules = new ArrayList<>();
    for (String text : distGitMirrors) {
      DistGitMirrors.Rule rule;
      try {
        rule = DistGitMirrors.parseRule(text);
      } catch (IllegalArgumentException e) {
        throw new UserException("--dist-git-mirror: " + e.getMessage()
            + " (for example https://src.fedoraproject.org/rpms/=/srv/fedora-distgit/)");
      }
      rules.add(new DistGitMirrors.Rule(rule.prefix(), asUrl(rule.replacement())));
    }
    return new DistGitMirrors(rules);
  }

  /** A local directory becomes a file: URL (git accepts paths, but relative ones would depend on JGit's idea of the cwd). */
  private static String asUrl(String replacement) {
    if (replacement.contains("://") || replacement.startsWith("file:")) {
      return replacement;
    }
    String absolute = Path.of(replacement).toAbsolutePath().normalize().toUri().toString();
    // toUri adds a trailing slash only for existing directories; keep exactly what the user meant
    boolean wantsSlash = replacement.endsWith("/");
    if (wantsSlash && !absolute.endsWith("/")) {
      return absolute + "/";
    }
    if (!wantsSlash && absolute.endsWith("/")) {
      return absolute.substring(0, absolute.length() - 1);
    }
    return absolute;
  }
}
