package dev.rpmoverlay.render;

import dev.rpmoverlay.overlay.SourceTree;
import dev.rpmoverlay.upstream.SourcesFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code SourceN}/{@code PatchN} tags of a rendered spec that name a file the rendered component
 * does not ship: not among its files and not in its {@code sources} file (the lookaside cache).
 * rpmbuild fails on such a tag. Names that need a macro this expander cannot resolve are skipped.
 */
public final class SourceTags {
  private static final Pattern TAG = Pattern.compile("^\\s*((?:source|patch)\\d*)\\s*:\\s*(.*?)\\s*$", Pattern.CASE_INSENSITIVE);

  /** A tag naming a missing file: its 0-based line in the spec, the tag as written, the file name. */
  public record Missing(int line, String tag, String name) {}

  private SourceTags() {}

  public static List<Missing> unshipped(List<String> specLines, SourceTree files) {
    Set<String> shipped = new HashSet<>();
    files.files().keySet().forEach(p -> shipped.add(p.contains("/") ? p.substring(0, p.indexOf('/')) : p));
    files.get("sources").ifPresent(f -> {
      try {
        SourcesFile.parse(new String(f.content(), StandardCharsets.UTF_8), "sources").entries().forEach(e -> shipped.add(e.filename()));
      } catch (RuntimeException e) {
        // an unreadable sources file is render's problem to report; here it ships nothing
      }
    });
    SimpleMacroExpander macros = new SimpleMacroExpander(specLines);
    List<Missing> out = new ArrayList<>();
    for (int i = 0; i < specLines.size(); i++) {
      String line = specLines.get(i);
      if (line.startsWith("#") || !LineStart.wordAt(line, LineStart.textStart(line), "source", "patch")) {
        continue;
      }
      Matcher m = TAG.matcher(line);
      if (!m.matches()) {
        continue;
      }
      // A value may take several forms (macros defined differently in branches of %if): the
      // tag is reported only when every form is resolved and none of them is shipped.
      List<String> names = new ArrayList<>();
      boolean resolved = true;
      for (String expanded : macros.expandAll(m.group(2))) {
        Optional<String> name = SpecReferences.rpmSourceName(expanded);
        if (name.isPresent() && SimpleMacroExpander.isResolved(name.get())) {
          names.add(name.get().replace("%%", "%"));
        } else if (name.isPresent()) {
          resolved = false;
        }
      }
      if (resolved && !names.isEmpty() && names.stream().noneMatch(shipped::contains)) {
        out.add(new Missing(i, m.group(1), names.get(0)));
      }
    }
    return out;
  }
}
