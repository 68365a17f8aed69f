package dev.rpmoverlay.config;

import dev.rpmoverlay.config.Problems.Context;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.config.model.OverlayMetadata;
import dev.rpmoverlay.config.model.SourcePosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * Expands a resolved component's {@code overlay-files} (docs/azldev-compatibility.md §1.6.7): relative
 * patterns against the component's config file directory; within a pattern, matches sorted by
 * base name then full path; a file matched twice counts once; a literal pattern with no match is
 * an error. Each file needs {@code [metadata]} (copied onto its overlays) and at least one
 * overlay; {@code source} paths resolve against the overlay file.
 */
final class OverlayFiles {
  private OverlayFiles() {}

  /** {@code preceding}: how many resolved overlays come before these (for their {@code #N}). */
  static List<Overlay> load(List<String> patterns, Path componentDir, DeclaredComponent component, Project project, int preceding) {
    Problems problems = new Problems(project.permissive());
    Context ctx = Context.component(component.name());
    Set<Path> files = new LinkedHashSet<>();
    for (String pattern : patterns) {
      List<Path> matches;
      try {
        matches = new ArrayList<>(DoublestarGlob.compile(pattern).expand(componentDir));
      } catch (DoublestarGlob.InvalidGlobException | IOException e) {
        problems.error(component.declaredAt(), ctx, "overlay-files pattern \"" + pattern + "\": " + e.getMessage(), "");
        continue;
      }
      if (matches.isEmpty() && !DoublestarGlob.hasMeta(pattern)) {
        problems.error(component.declaredAt(), ctx, "overlay file " + pattern + " does not exist", "fix the path (relative to the component's config file) or remove it");
      }
      matches.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).thenComparing(Path::toString));
      files.addAll(matches);
    }
    List<Overlay> out = new ArrayList<>();
    for (Path file : files) {
      out.addAll(read(file, ctx.afterOverlays(preceding + out.size()), project, problems));
    }
    problems.throwIfErrors(project.dir());
    return out;
  }

  private static List<Overlay> read(Path path, Context ctx, Project project, Problems problems) {
    Optional<TomlFile> parsedFile;
    try {
      parsedFile = TomlFile.parse(path, Utf8Files.read(path), problems, ctx);
    } catch (IOException e) {
      problems.error(SourcePosition.of(path), ctx, "cannot read overlay file: " + e.getMessage(), "");
      return List.of();
    }
    if (parsedFile.isEmpty()) {
      return List.of();
    }
    TomlFile file = parsedFile.get();
    TomlTable parsed = file.root();
    new SchemaChecker(file, problems).check(ConfigSchema.OVERLAY_FILE, ctx);
    new ComponentRules(file, project.dir(), problems).check(parsed, file.start(), ctx, true);
    Optional<TomlTable> metadataTable = TomlValues.optTable(parsed, "metadata");
    if (metadataTable.isEmpty()) {
      problems.error(file.start(), ctx, "overlay file has no [metadata]", "add [metadata] with category and upstream-status");
    } else {
      MetadataRules.check(file, metadataTable.get(), file.at(parsed, "metadata"), ctx, problems);
    }
    Optional<OverlayMetadata> metadata = metadataTable.map(OverlayReader::metadata);
    List<Overlay> out = new ArrayList<>();
    TomlArray overlays = TomlValues.array(parsed, "overlays").orElse(null);
    if (overlays == null || overlays.size() == 0) {
      problems.error(file.start(), ctx, "overlay file declares no overlays", "add at least one [[overlays]] table");
      return out;
    }
    for (int i = 0; i < overlays.size(); i++) {
      if (overlays.get(i) instanceof TomlTable o) {
        SourcePosition at = file.at(overlays, i);
        if (TomlValues.has(o, "metadata")) {
          problems.error(at, ctx.overlay(i + 1, TomlValues.str(o, "description")), "per-overlay metadata is not allowed in an overlay file", "move it to the file's [metadata]");
        }
        OverlayReader.read(file, o, at, metadata).ifPresent(out::add);
      }
    }
    return out;
  }
}
