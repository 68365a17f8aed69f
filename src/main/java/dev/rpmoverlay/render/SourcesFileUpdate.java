package dev.rpmoverlay.render;

import dev.rpmoverlay.config.model.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies {@code source-files} to the dist-git {@code sources} file (azldev-semantics.md 4.4):
 * upstream lines stay verbatim, a {@code replace-upstream} entry takes its upstream line's place,
 * new entries are appended in config order as {@code SHA512 (name) = hash}. Lines are joined with
 * {@code \n} and the file ends with one newline.
 */
final class SourcesFileUpdate {
  private static final Pattern TAGGED = Pattern.compile("^\\s*([A-Za-z0-9]+)\\s*\\((.+)\\)\\s*=\\s*([0-9a-fA-F]+)\\s*$");
  private static final Pattern LEGACY = Pattern.compile("^\\s*([0-9a-fA-F]{32})\\s+(\\S.*?)\\s*$");

  private SourcesFileUpdate() {}

  /** The file name a {@code sources} line declares, empty for blank and comment lines. */
  static Optional<String> fileNameOf(String line) throws SourcesException {
    String t = line.strip();
    if (t.isEmpty() || t.startsWith("#")) {
      return Optional.empty();
    }
    Matcher m = TAGGED.matcher(t);
    if (m.matches()) {
      return Optional.of(m.group(2));
    }
    m = LEGACY.matcher(t);
    if (m.matches()) {
      return Optional.of(m.group(2));
    }
    throw new SourcesException("unrecognized line in sources file: \"" + line + "\"");
  }

  /**
   * The new {@code sources} content, or empty when there is nothing to apply.
   *
   * @param existing the current file, if any
   */
  static Optional<byte[]> apply(Optional<byte[]> existing, List<SourceFile> sourceFiles) throws SourcesException {
    if (sourceFiles.isEmpty()) {
      return Optional.empty();
    }
    List<String> lines = new ArrayList<>();
    if (existing.isPresent()) {
      String text = new String(existing.get(), StandardCharsets.UTF_8);
      if (text.endsWith("\n")) {
        text = text.substring(0, text.length() - 1);
      }
      if (!text.isEmpty()) {
        lines.addAll(List.of(text.split("\n", -1)));
      }
    }
    Map<String, Integer> upstreamLine = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Optional<String> name = fileNameOf(lines.get(i));
      if (name.isPresent() && upstreamLine.put(name.get(), i) != null) {
        throw new SourcesException("the sources file lists '" + name.get() + "' twice");
      }
    }
    Set<String> seen = new HashSet<>();
    List<String> appended = new ArrayList<>();
    for (SourceFile f : sourceFiles) {
      if (!seen.add(f.filename())) {
        throw new SourcesException("source-files lists '" + f.filename() + "' twice");
      }
      if (f.hash().isEmpty() || f.hashType().isEmpty()) {
        throw new SourcesException("source file '" + f.filename() + "' has no hash"
            + " (declared at " + f.declaredAt() + "); add 'hash' and 'hash-type' (SHA256 or SHA512)");
      }
      String entry = f.hashType().toUpperCase(Locale.ROOT) + " (" + f.filename() + ") = " + f.hash();
      Integer at = upstreamLine.get(f.filename());
      if (f.replaceUpstream()) {
        if (at == null) {
          throw new SourcesException("source file '" + f.filename() + "' sets replace-upstream, but the upstream sources file has no entry for it");
        }
        lines.set(at, entry);
      } else {
        if (at != null) {
          throw new SourcesException("source file '" + f.filename() + "' is already in the upstream sources file;"
              + " set replace-upstream = true (with a replace-reason) to replace it");
        }
        appended.add(entry);
      }
    }
    lines.addAll(appended);
    return Optional.of((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** A {@code sources} file or {@code source-files} problem. */
  static final class SourcesException extends Exception {
    private static final long serialVersionUID = 1L;

    SourcesException(String message) {
      super(message);
    }
  }
}
