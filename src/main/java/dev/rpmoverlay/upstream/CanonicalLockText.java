package dev.rpmoverlay.upstream;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a lock file that is exactly what {@link LockStore#format} writes, without the general
 * TOML parser: the render lock gate reads all 7,583 locks of the full distro on one thread, and
 * tomlj took most of that time. A candidate is accepted only when formatting it gives the text
 * back exactly (so it means the same to any TOML reader); anything else goes to the full parser,
 * which also gives the error messages.
 */
final class CanonicalLockText {
  private CanonicalLockText() {}

  /** The lock {@code text} holds when it is in canonical form; empty otherwise. */
  static Optional<LockFile> parse(String text) {
    try {
      String[] lines = text.split("\n", -1);
      Map<String, String> strings = new HashMap<>();
      Map<String, Long> numbers = new HashMap<>();
      for (int i = 1; i < lines.length - 1; i++) { // line 0 is the comment, the last is after the final \n
        String key = CanonicalToml.key(lines[i]);
        switch (key) {
          case "version", "manual-bump", "fingerprint-scheme" -> numbers.put(key, CanonicalToml.integer(lines[i], key));
          default -> strings.put(key, CanonicalToml.string(lines[i], key));
        }
      }
      long version = numbers.getOrDefault("version", 0L);
      if (version != LockFile.VERSION) {
        return Optional.empty(); // the full parser explains
      }
      LockFile lock = new LockFile((int) version, strings.getOrDefault("import-commit", ""),
          strings.getOrDefault("upstream-commit", ""), Math.toIntExact(numbers.getOrDefault("manual-bump", 0L)),
          strings.getOrDefault("input-fingerprint", ""), strings.getOrDefault("resolution-input-hash", ""),
          Math.toIntExact(numbers.getOrDefault("fingerprint-scheme", 1L)),
          new ChangeNote(strings.getOrDefault("change-author", ""), strings.getOrDefault("change-email", ""),
              strings.getOrDefault("change-date", ""), strings.getOrDefault("change-subject", "")));
      return LockStore.format(lock).equals(text) ? Optional.of(lock) : Optional.empty();
    } catch (IllegalArgumentException | ArithmeticException e) {
      return Optional.empty();
    }
  }
}
