package dev.rpmoverlay.upstream;

import dev.rpmoverlay.upstream.CacheMetadata.FileRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads an {@code upstream.toml} that is exactly what {@link CacheMetadataToml#write} produces,
 * without a general TOML parser: parsing every entry's metadata with tomlj was a third of a
 * full-distro render.
 *
 * <p>Sound by construction: a candidate is accepted only when writing it back gives the file's
 * bytes exactly, and {@code write} emits valid TOML whose meaning is the candidate, so the file
 * means the same to any TOML reader. Anything else (hand-written entries, other formatting,
 * comments, CRLF, invalid content) is left to the full parser, which also gives the error
 * messages.
 */
final class CanonicalMetadataText {
  private CanonicalMetadataText() {}

  /** The metadata {@code bytes} hold when they are in canonical form; empty otherwise. */
  static Optional<CacheMetadata> parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    try {
      CacheMetadata m = candidate(text);
      if (m != null && Arrays.equals(CacheMetadataToml.write(m).getBytes(StandardCharsets.UTF_8), bytes)) {
        return Optional.of(m);
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      // not canonical: the full parser decides and explains
    }
    return Optional.empty();
  }

  /** What the text would mean if it were canonical; null when it clearly is not. */
  private static CacheMetadata candidate(String text) {
    String[] lines = text.split("\n", -1);
    int i = 1; // line 0 is the comment; the round trip checks it
    if (lines.length < 9 || !lines[i++].equals("format = " + CacheMetadata.FORMAT)) {
      return null;
    }
    String component = value(lines[i++], "component");
    String upstreamName = value(lines[i++], "upstream-name");
    String url = value(lines[i++], "url");
    String branch = value(lines[i++], "branch");
    String commit = value(lines[i++], "commit");
    String commitTime = value(lines[i++], "commit-time");
    String snapshot = value(lines[i++], "snapshot");
    Optional<String> history = Optional.empty();
    if (lines[i].startsWith("history = ")) {
      history = Optional.of(value(lines[i++], "history"));
    }
    Optional<String> historySha256 = Optional.empty();
    if (lines[i].startsWith("history-sha256 = ")) {
      historySha256 = Optional.of(value(lines[i++], "history-sha256"));
    }
    List<FileRecord> files = new ArrayList<>();
    while (i + 4 < lines.length && lines[i].isEmpty() && lines[i + 1].equals("[[file]]")) {
      String path = value(lines[i + 2], "path");
      FileKind kind = FileKind.fromGitMode(value(lines[i + 3], "mode"));
      String sha = value(lines[i + 4], "sha256");
      i += 5;
      String target = "";
      if (kind == FileKind.SYMLINK) {
        target = value(lines[i++], "target");
      }
      files.add(new FileRecord(path, kind, sha, target));
    }
    return new CacheMetadata(CacheMetadata.FORMAT, component, upstreamName, url, branch, commit,
        Instant.parse(commitTime), snapshot, history, historySha256, files);
  }

  private static String value(String line, String key) {
    return CanonicalToml.string(line, key);
  }
}
