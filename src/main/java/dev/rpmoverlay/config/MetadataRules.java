package dev.rpmoverlay.config;

import static dev.rpmoverlay.config.TomlValues.str;

import dev.rpmoverlay.config.Problems.Context;
import dev.rpmoverlay.config.model.SourcePosition;
import java.util.List;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/** Overlay and group metadata rules (docs/azldev-compatibility.md §2.6, 1.11). Enum values are checked by the schema. */
final class MetadataRules {
  private MetadataRules() {}

  static void check(TomlFile file, TomlTable m, SourcePosition at, Context ctx, Problems problems) {
    String category = str(m, "category");
    String status = str(m, "upstream-status");
    if (category.isEmpty()) {
      problems.error(at, ctx, "metadata needs 'category'", "one of: " + String.join(", ", ConfigSchema.METADATA_CATEGORIES));
    }
    if (status.isEmpty()) {
      problems.error(at, ctx, "metadata needs 'upstream-status'", "one of: " + String.join(", ", ConfigSchema.UPSTREAM_STATUSES));
    }
    if (category.equals("upstream-backport")) {
      if (TomlValues.array(m, "commits").map(TomlArray::size).orElse(0) == 0) {
        problems.error(at, ctx, "metadata category \"upstream-backport\" needs at least one entry in 'commits'", "add commits = [{ url = \"https://...\" }]");
      }
      if (!status.isEmpty() && !List.of("upstreamed", "upstreamable").contains(status)) {
        problems.error(at, ctx, "metadata category \"upstream-backport\" needs upstream-status \"upstreamed\" or \"upstreamable\", not \"" + status + "\"", "");
      }
    }
    for (String key : List.of("commits", "bugs")) {
      TomlValues.array(m, key).ifPresent(a -> {
        for (int i = 0; i < a.size(); i++) {
          if (a.get(i) instanceof TomlTable item) {
            String url = str(item, "url");
            if (!(url.startsWith("http://") || url.startsWith("https://"))) {
              problems.error(file.at(a, i), ctx, "metadata " + key + " URL must be http or https, not \"" + url + "\"", "");
            }
          }
        }
      });
    }
  }
}
