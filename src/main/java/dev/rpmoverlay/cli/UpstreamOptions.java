package dev.rpmoverlay.cli;

import dev.rpmoverlay.upstream.MirrorStore;
import dev.rpmoverlay.upstream.RetryPolicy;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that talk to dist-git ({@code fetch}, {@code update}). */
public final class UpstreamOptions {

  @Option(names = "--network-retries", paramLabel = "N",
      description = "Retries after a transient network failure, with exponential backoff (default: ${DEFAULT-VALUE}).")
  int networkRetries = RetryPolicy.DEFAULT.retries();

  @Option(names = {"-j", "--jobs"}, paramLabel = "N",
      description = "Components fetched in parallel (default: ${DEFAULT-VALUE}).")
  int jobs = 8;

  @Option(names = "--mirror-dir", paramLabel = "DIR",
      description = "Where the bare dist-git mirrors live (default: $RPMOVERLAY_MIRROR_DIR, else $XDG_CACHE_HOME/rpmoverlay/mirrors, "
          + "else ~/.cache/rpmoverlay/mirrors). Not part of the project.")
  Path mirrorDir;

  RetryPolicy retryPolicy() {
    if (networkRetries < 0) {
      throw new UserException("--network-retries must be 0 or more, got " + networkRetries);
    }
    return RetryPolicy.of(networkRetries);
  }

  int jobs() {
    if (jobs < 1) {
      throw new UserException("--jobs must be at least 1, got " + jobs);
    }
    return jobs;
  }

  MirrorStore mirrors() {
    return new MirrorStore(mirrorDir != null ? mirrorDir : MirrorStore.defaultRoot(System.getenv()), retryPolicy());
  }
}
