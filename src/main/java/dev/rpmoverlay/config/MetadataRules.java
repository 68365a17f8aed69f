package dev.rpmoverlay.config;

import static dev.rpmoverlay.config.TomlValues.str;

import dev.rpmoverlay.config.Problems.Context;
import dev.rpmoverlay.config.model.SourcePosition;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/** Overlay and group metadata rules (docs/azldev-compatibility.md §2.6, 1.11). Enum values are checked by the schema. */
final class MetadataRules {
  private MetadataRules() {}

  /** The {@code expires} date, or empty when unset or not a {@code YYYY-MM-DD} date (an error reported by {@link #check}). */
  static Optional<LocalDate> expiryDate(String text) {
    try {
      return text.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

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
    String expires = str(m, "expires");
    if (!expires.isEmpty() && expiryDate(expires).isEmpty()) {
      problems.error(file.at(m, "expires", at), ctx, "metadata 'expires' must be a date written \"YYYY-MM-DD\", not \"" + expires + "\"", "for example expires = \"2026-12-31\"");
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
