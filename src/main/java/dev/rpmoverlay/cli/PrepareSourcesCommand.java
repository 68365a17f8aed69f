package dev.rpmoverlay.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpmoverlay.config.ConfigException;
import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.UpstreamRef;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.overlay.OverlayEngine;
import dev.rpmoverlay.overlay.OverlayFailure;
import dev.rpmoverlay.overlay.SourceTree;
import dev.rpmoverlay.sources.LookasideCache;
import dev.rpmoverlay.sources.PrepareException;
import dev.rpmoverlay.sources.PreparedFile;
import dev.rpmoverlay.sources.SourcePreparer;
import dev.rpmoverlay.upstream.LookasideDownloader;
import dev.rpmoverlay.upstream.RetryPolicy;
import dev.rpmoverlay.upstream.SourcesFile;
import dev.rpmoverlay.upstream.UpstreamException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rpmoverlay prepare-sources NAME -o DIR}: a component's rendered files and all its sources, ready to build. */
@Command(
    name = "prepare-sources",
    header = "Write one component's rendered files and every source it needs into a directory, ready for rpmbuild -bs.",
    description = {
      "",
      "Renders NAME as 'render' does, then adds every file its 'sources' file lists: shipped with the component, "
          + "else from the local lookaside cache, else downloaded from the distro's lookaside-base-uri (or a "
          + "source-files download origin), retried and checked against its hash. Archive overlays (file-search-replace "
          + "and file-remove with archive = ...) unpack their archive, change it, and repack it deterministically in its "
          + "original format; the result must have the hash its source-files entry (origin type \"overlay\") declares. "
          + "DIR is built beside itself and swapped in when complete: a failed run leaves it as it was. "
          + "A non-empty DIR is refused without --force. See docs/prepare-sources.md.",
      ""
    })
public final class PrepareSourcesCommand extends BaseCommand {

  @Parameters(paramLabel = "NAME", description = "The component.")
  String name;

  @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", required = true,
      description = "Where the prepared files go (created when missing).")
  Path outputDir;

  @Option(names = "--skip-overlays",
      description = "Prepare the upstream files as they are: no overlays (spec, file or archive), no generated files.")
  boolean skipOverlays;

  @Option(names = "--force", description = "Replace the content of a non-empty DIR.")
  boolean force;

  @Option(names = "--sources-cache", paramLabel = "CACHE",
      description = "Where downloaded lookaside files are kept by hash, so a second run downloads nothing (default: <work-dir>/lookaside-cache).")
  Path sourcesCache;

  @Option(names = "--network-retries", paramLabel = "N",
      description = "Retries after a failed download, with exponential backoff (default: ${DEFAULT-VALUE}).")
  int networkRetries = RetryPolicy.DEFAULT.retries();

  @Option(names = "--network-timeout", paramLabel = "SECONDS",
      description = "Give up on a download attempt when the server stays silent this long, connecting or mid-transfer (default: ${DEFAULT-VALUE}).")
  long networkTimeoutSeconds = LookasideDownloader.DEFAULT_TIMEOUT.toSeconds();

  @Option(names = "--skip-lock-validation", description = "Prepare even when the component's lock is missing or stale.")
  boolean skipLockValidation;

  @Mixin CompatOption compat;

  @Override
  protected int execute() throws Exception {
    if (networkRetries < 0 || networkTimeoutSeconds < 1) {
      throw new UserException("--network-retries must be 0 or more and --network-timeout at least 1 second");
    }
    Project project = new ProjectContext(global(), err()).project();
    if (!project.hasComponent(name)) {
      throw new UserException(Suggestions.withHint("no component named '" + name + "'", name, project.componentNames()));
    }
    Path out = outputDir.toAbsolutePath().normalize();
    try {
      SourcePreparer.checkOutputDir(out, force);
    } catch (PrepareException e) {
      throw new UserException(e.getMessage(), e);
    }
    if (!skipLockValidation) {
      LockGate.require(project, List.of(name), compat.mode().configName(), false);
    }
    ComponentConfig component = project.resolve(name);
    try (ReviewSession session = ReviewSession.of(project, compat.mode())) {
      SourceTree upstream = session.upstream(component);
      SourceTree files = skipOverlays ? upstream : session.render(component).files();
      Path cacheDir = sourcesCache != null ? sourcesCache : project.info().workDir().resolve("lookaside-cache");
      SourcePreparer preparer = new SourcePreparer(
          new LookasideCache(cacheDir, RetryPolicy.of(networkRetries), Duration.ofSeconds(networkTimeoutSeconds)),
          new OverlayEngine(compat.mode()));
      List<PreparedFile> prepared;
      try {
        prepared = preparer.prepare(new SourcePreparer.Request(component, files, upstreamSources(upstream),
            lookasideUrl(project, component), !skipOverlays, out, force));
      } catch (PrepareException | OverlayFailure e) {
        throw new UserException(e.getMessage(), ExitCodes.FAILED, e);
      }
      print(prepared);
      long downloaded = prepared.stream().filter(f -> f.source() == PreparedFile.Source.DOWNLOADED).count();
      long cached = prepared.stream().filter(f -> f.source() == PreparedFile.Source.CACHED).count();
      long repacked = prepared.stream().filter(f -> f.source() == PreparedFile.Source.REPACKED).count();
      info(String.format(Locale.ROOT, "prepare-sources: %s: %d file(s) in %s (%d downloaded, %d from the cache, %d archive(s) repacked)",
          name, prepared.size(), out, downloaded, cached, repacked));
      return ExitCodes.OK;
    }
  }

  private static Optional<SourcesFile> upstreamSources(SourceTree upstream) {
    return upstream.get("sources").map(f -> {
      try {
        return SourcesFile.parse(new String(f.content(), StandardCharsets.UTF_8), "sources");
      } catch (UpstreamException e) {
        throw new UserException(e.getMessage(), e);
      }
    });
  }

  private static Optional<Function<SourcesFile.Entry, String>> lookasideUrl(Project project, ComponentConfig component) {
    UpstreamRef ref;
    try {
      ref = project.upstreamOf(component);
    } catch (ConfigException e) {
      throw new UserException("component '" + component.name() + "': " + e.getMessage(), e);
    }
    if (ref.lookasideBaseUri().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(e -> ref.lookasideUri(e.filename(), e.hashType(), e.hash()));
  }

  private void print(List<PreparedFile> prepared) throws Exception {
    if (global().outputFormat() == OutputFormat.JSON) {
      ObjectMapper mapper = new ObjectMapper();
      ArrayNode arr = mapper.createArrayNode();
      for (PreparedFile f : prepared) {
        ObjectNode n = arr.addObject();
        n.put("file", f.path());
        n.put("from", f.source().label());
        if (!f.detail().isEmpty()) {
          n.put("detail", f.detail());
        }
      }
      out().println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
      return;
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"FILE", "FROM", "DETAIL"});
    for (PreparedFile f : prepared) {
      rows.add(new String[] {f.path(), f.source().label(), f.detail().isEmpty() ? "-" : f.detail()});
    }
    Table.print(out(), rows, global().outputFormat());
  }
}
