package dev.rpmoverlay.upstream;

import dev.rpmoverlay.config.TomlStrings;

import dev.rpmoverlay.upstream.CacheMetadata.FileRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlInvalidTypeException;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;
import org.tomlj.TomlVersion;

/** Reads and writes {@code upstream.toml}, the metadata file of a cache entry. */
public final class CacheMetadataToml {

  public static final String FILE_NAME = "upstream.toml";

  private CacheMetadataToml() {}

  /** The file's text; fields in a fixed order, files sorted by path, {@code \n} line ends. */
  public static String write(CacheMetadata m) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Upstream cache entry written by 'rpmoverlay fetch'. Format: docs/upstream-cache.md\n");
    sb.append("format = ").append(m.format()).append('\n');
    kv(sb, "component", m.component());
    kv(sb, "upstream-name", m.upstreamName());
    kv(sb, "url", m.url());
    kv(sb, "branch", m.branch());
    kv(sb, "commit", m.commit());
    kv(sb, "commit-time", m.commitTime().toString());
    kv(sb, "snapshot", m.snapshot());
    m.historyFile().ifPresent(h -> kv(sb, "history", h));
    m.historySha256().ifPresent(h -> kv(sb, "history-sha256", h));
    for (FileRecord f : m.files()) {
      sb.append("\n[[file]]\n");
      kv(sb, "path", f.path());
      kv(sb, "mode", f.kind().gitMode());
      kv(sb, "sha256", f.sha256());
      if (f.kind() == FileKind.SYMLINK) {
        kv(sb, "target", f.symlinkTarget());
      }
    }
    return sb.toString();
  }

  private static void kv(StringBuilder sb, String key, String value) {
    sb.append(key).append(" = ").append(TomlStrings.quote(value)).append('\n');
  }

  /**
   * Parses an {@code upstream.toml}.
   *
   * @throws UpstreamException naming the file (and line and column where known) when it is not
   *     valid TOML or lacks a required field
   */
  public static CacheMetadata read(Path file) throws IOException {
    return parse(Files.readAllBytes(file), file);
  }

  /** Parses {@code bytes}, read from {@code file} (which is parsed again only when they are not in canonical form). */
  public static CacheMetadata parse(byte[] bytes, Path file) throws IOException {
    Optional<CacheMetadata> canonical = CanonicalMetadataText.parse(bytes);
    return canonical.isPresent() ? canonical.get() : parse(file);
  }

  private static CacheMetadata parse(Path file) throws IOException {
    TomlParseResult toml = Toml.parse(file, TomlVersion.V1_0_0);
    if (toml.hasErrors()) {
      var e = toml.errors().get(0);
      throw new UpstreamException(file + ":" + e.position().line() + ":" + e.position().column() + ": " + e.getMessage());
    }
    try {
      Long format = toml.getLong("format");
      if (format == null) {
        throw missing(file, "format");
      }
      if (format != CacheMetadata.FORMAT) {
        throw new UpstreamException(file + ": unsupported cache format " + format + " (this rpmoverlay reads format "
            + CacheMetadata.FORMAT + "); run 'rpmoverlay fetch' to rewrite the entry");
      }
      List<FileRecord> files = new ArrayList<>();
      TomlArray array = toml.getArray("file");
      for (int i = 0; array != null && i < array.size(); i++) {
        files.add(fileRecord(file, array.getTable(i), i));
      }
      return new CacheMetadata(
          format.intValue(),
          required(toml, file, "component"),
          required(toml, file, "upstream-name"),
          required(toml, file, "url"),
          required(toml, file, "branch"),
          required(toml, file, "commit"),
          instant(file, required(toml, file, "commit-time")),
          toml.getString("snapshot", () -> ""),
          Optional.ofNullable(toml.getString("history")),
          Optional.ofNullable(toml.getString("history-sha256")),
          files);
    } catch (TomlInvalidTypeException e) {
      throw new UpstreamException(file + ": " + e.getMessage());
    }
  }

  private static FileRecord fileRecord(Path file, TomlTable t, int index) {
    String where = "[[file]] #" + (index + 1);
    String path = t.getString("path");
    String mode = t.getString("mode");
    String sha = t.getString("sha256");
    if (path == null || mode == null || sha == null) {
      throw new UpstreamException(file + ": " + where + " needs path, mode and sha256");
    }
    FileKind kind;
    try {
      kind = FileKind.fromGitMode(mode);
    } catch (IllegalArgumentException e) {
      throw new UpstreamException(file + ": " + where + " (" + path + "): " + e.getMessage());
    }
    String target = t.getString("target", () -> "");
    if (kind == FileKind.SYMLINK && target.isEmpty()) {
      throw new UpstreamException(file + ": " + where + " (" + path + "): a symlink needs a target");
    }
    return new FileRecord(path, kind, sha, target);
  }

  private static String required(TomlParseResult toml, Path file, String key) {
    String v = toml.getString(key);
    if (v == null) {
      throw missing(file, key);
    }
    return v;
  }

  private static UpstreamException missing(Path file, String key) {
    return new UpstreamException(file + ": missing required key '" + key + "'");
  }

  private static Instant instant(Path file, String s) {
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new UpstreamException(file + ": commit-time '" + s + "' is not a UTC time such as 2026-02-20T10:00:00Z");
    }
  }

}
