package dev.rpmoverlay.upstream;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dist-git {@code sources} file: the lookaside files a package needs, with their hashes
 * (docs/azldev-compatibility.md §4.4). Both formats are accepted, as azldev and fedpkg accept them:
 *
 * <ul>
 *   <li>{@code SHA512 (name) = hex} (the hash type is upper-case letters and digits);
 *   <li>legacy {@code hex  name}, whose hash type is {@code MD5}.
 * </ul>
 *
 * Comment ({@code #}) and blank lines are kept, and every line keeps its original text, so
 * {@link #render()} of an unmodified file reproduces its lines in order. Lines are split on
 * {@code \n}; a trailing {@code \r} stays part of the line's text.
 */
public record SourcesFile(List<Line> lines) {

  // Same shapes as azldev's sourcesFilePattern / sourcesFileLegacyPattern (matched after trimming).
  private static final Pattern MODERN = Pattern.compile("^([A-Z0-9]+)\\s+\\(([^)]+)\\)\\s+=\\s+([a-fA-F0-9]+)$");
  private static final Pattern LEGACY = Pattern.compile("^([a-fA-F0-9]+)\\s+(\\S+)$");

  public SourcesFile {
    lines = List.copyOf(lines);
  }

  /** One line of the file, without its {@code \n}. */
  public sealed interface Line {
    /** The line exactly as it was read (or as it will be written). */
    String text();
  }

  /** A comment or blank line, kept verbatim. */
  public record Verbatim(String text) implements Line {}

  /**
   * A file entry.
   *
   * @param hashType upper case as written ({@code SHA512}, {@code SHA256}, ...), {@code MD5} for
   *     legacy lines
   * @param legacy whether the line used the legacy {@code hex  name} format
   */
  public record Entry(String text, String hashType, String filename, String hash, boolean legacy) implements Line {

    /** A new entry formatted the way azldev writes one: {@code SHA512 (name) = hash}. */
    public static Entry of(String hashType, String filename, String hash) {
      String type = hashType.toUpperCase(Locale.ROOT);
      return new Entry(type + " (" + filename + ") = " + hash, type, filename, hash, false);
    }
  }

  /**
   * Parses a {@code sources} file.
   *
   * @param where names the file in error messages (for example {@code upstream-cache/curl/files/sources})
   * @throws UpstreamException for a line in neither format, or a file listed twice
   */
  public static SourcesFile parse(String content, String where) {
    List<Line> lines = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String[] raw = content.split("\n", -1);
    // A final newline ends the last line; it does not start an empty one.
    int count = content.endsWith("\n") ? raw.length - 1 : raw.length;
    for (int i = 0; i < count; i++) {
      String text = raw[i];
      String trimmed = text.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        lines.add(new Verbatim(text));
        continue;
      }
      Entry entry = parseEntry(text, trimmed);
      if (entry == null) {
        throw new UpstreamException(where + ":" + (i + 1) + ": not a sources line (expected 'SHA512 (file) = hash'"
            + " or the legacy 'md5hash  file'): '" + trimmed + "'");
      }
      if (!seen.add(entry.filename())) {
        throw new UpstreamException(where + ":" + (i + 1) + ": '" + entry.filename() + "' is listed twice");
      }
      lines.add(entry);
    }
    return new SourcesFile(lines);
  }

  private static Entry parseEntry(String text, String trimmed) {
    Matcher m = MODERN.matcher(trimmed);
    if (m.matches()) {
      return new Entry(text, m.group(1), m.group(2), m.group(3), false);
    }
    Matcher legacy = LEGACY.matcher(trimmed);
    if (legacy.matches()) {
      return new Entry(text, "MD5", legacy.group(2), legacy.group(1), true);
    }
    return null;
  }

  /** The file entries, in file order. */
  public List<Entry> entries() {
    return lines.stream().filter(Entry.class::isInstance).map(Entry.class::cast).toList();
  }

  public Optional<Entry> find(String filename) {
    return entries().stream().filter(e -> e.filename().equals(filename)).findFirst();
  }

  /** The file as azldev writes it: every line's text joined by {@code \n}, plus a final {@code \n}. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    for (Line line : lines) {
      sb.append(line.text()).append('\n');
    }
    return sb.toString();
  }
}
