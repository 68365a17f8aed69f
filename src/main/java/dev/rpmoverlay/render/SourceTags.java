package dev.rpmoverlay.render;

import dev.rpmoverlay.overlay.SourceTree;
import dev.rpmoverlay.overlay.SpecLines;
import dev.rpmoverlay.spec.SpecStructure;
import dev.rpmoverlay.spec.TagLine;
import dev.rpmoverlay.upstream.SourcesFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code SourceN}/{@code PatchN} tags of a rendered spec that name a file the rendered component
 * does not ship: not among its files and not in its {@code sources} file (the lookaside cache).
 * rpmbuild fails on such a tag. The tags are the spec model's by rpm's rule (preamble and
 * {@code %package} sections, {@code Patch 0:} included); names that need a macro this expander
 * cannot resolve are skipped.
 */
public final class SourceTags {
  /** A tag naming a missing file: its 0-based line in the spec, the tag as written, the file name. */
  public record Missing(int line, String tag, String name) {}

  private SourceTags() {}

  public static List<Missing> unshipped(SpecLines spec, SourceTree files) {
    Set<String> shipped = new HashSet<>();
    files.files().keySet().forEach(p -> shipped.add(p.contains("/") ? p.substring(0, p.indexOf('/')) : p));
    files.get("sources").ifPresent(f -> {
      try {
        SourcesFile.parse(new String(f.content(), StandardCharsets.UTF_8), "sources").entries().forEach(e -> shipped.add(e.filename()));
      } catch (RuntimeException e) {
        // an unreadable sources file is render's problem to report; here it ships nothing
      }
    });
    SpecStructure structure = SpecReferences.rpmReading(spec.document()).structure();
    SimpleMacroExpander macros = new SimpleMacroExpander(List.of(structure));
    List<Missing> out = new ArrayList<>();
    for (TagLine tag : structure.tags()) {
      if (!SpecReferences.isFileTag(tag)) {
        continue;
      }
      // A value may take several forms (macros defined differently in branches of %if): the
      // tag is reported only when every form is resolved and none of them is shipped.
      List<String> names = new ArrayList<>();
      boolean resolved = true;
      for (String expanded : macros.expandAll(tag.value())) {
        Optional<String> name = SpecReferences.rpmSourceName(expanded);
        if (name.isPresent() && SimpleMacroExpander.isResolved(name.get())) {
          names.add(name.get().replace("%%", "%"));
        } else if (name.isPresent()) {
          resolved = false;
        }
      }
      if (resolved && !names.isEmpty() && names.stream().noneMatch(shipped::contains)) {
        out.add(new Missing(tag.line(), tag.name(), names.get(0)));
      }
    }
    return out;
  }
}
