package dev.rpmoverlay.upstream;

import dev.rpmoverlay.config.TomlStrings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlInvalidTypeException;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlVersion;

/** Reads and writes the lock files in a project's lock directory. */
public final class LockStore {

  private final Path lockDir;

  public LockStore(Path lockDir) {
    this.lockDir = lockDir;
  }

  public Path lockDir() {
    return lockDir;
  }

  public Path path(String component) {
    return lockDir.resolve(ComponentNames.checked(component) + ".lock");
  }

  /**
   * The component names of every {@code *.lock} file in the lock dir, in the order the directory
   * lists them; empty when there is no lock dir.
   */
  public java.util.List<String> lockedComponents() throws IOException {
    if (!Files.isDirectory(lockDir)) {
      return java.util.List.of();
    }
    java.util.List<String> names = new java.util.ArrayList<>();
    for (String n : DirectoryNames.of(lockDir)) {
      if (n.endsWith(".lock") && n.length() > ".lock".length()) {
        names.add(n.substring(0, n.length() - ".lock".length()));
      }
    }
    return names;
  }

  /** The component's lock, or empty when it has none. */
  public Optional<LockFile> read(String component) {
    Path file = path(component);
    try {
      // no stat first: render reads every component's lock
      return Optional.of(parse(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
    } catch (java.nio.file.NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UpstreamException(file + ": cannot read lock file: " + e.getMessage());
    }
  }

  /** Parses lock-file text; {@code where} names it in errors. */
  public static LockFile parse(String text, String where) {
    Optional<LockFile> canonical = CanonicalLockText.parse(text);
    if (canonical.isPresent()) {
      return canonical.get();
    }
    TomlParseResult toml = Toml.parse(text, TomlVersion.V1_0_0);
    if (toml.hasErrors()) {
      var e = toml.errors().get(0);
      throw new UpstreamException(where + ":" + e.position().line() + ":" + e.position().column() + ": " + e.getMessage()
          + " (lock files are written by 'rpmoverlay update'; run it to rewrite this one)");
    }
    try {
      long version = toml.getLong("version", () -> 0L);
      if (version != LockFile.VERSION) {
        throw new UpstreamException(where + ": unsupported lock file version " + version + "; run 'rpmoverlay update' to rewrite it");
      }
      return new LockFile(
          (int) version,
          toml.getString("import-commit", () -> ""),
          toml.getString("upstream-commit", () -> ""),
          (int) toml.getLong("manual-bump", () -> 0L),
          toml.getString("input-fingerprint", () -> ""),
          toml.getString("resolution-input-hash", () -> ""),
          (int) toml.getLong("fingerprint-scheme", () -> 1L),
          new ChangeNote(toml.getString("change-author", () -> ""), toml.getString("change-email", () -> ""),
              toml.getString("change-date", () -> ""), toml.getString("change-subject", () -> "")));
    } catch (TomlInvalidTypeException e) {
      throw new UpstreamException(where + ": " + e.getMessage());
    }
  }

  /** The lock file's text: fixed key order, empty values omitted, {@code \n} line ends. */
  public static String format(LockFile lock) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Managed by rpmoverlay update. Do not edit manually.\n");
    sb.append("version = ").append(lock.version()).append('\n');
    kv(sb, "import-commit", lock.importCommit());
    kv(sb, "upstream-commit", lock.upstreamCommit());
    if (lock.manualBump() != 0) {
      sb.append("manual-bump = ").append(lock.manualBump()).append('\n');
    }
    kv(sb, "input-fingerprint", lock.inputFingerprint());
    if (lock.fingerprintScheme() != 1) {
      sb.append("fingerprint-scheme = ").append(lock.fingerprintScheme()).append('\n');
    }
    kv(sb, "resolution-input-hash", lock.resolutionInputHash());
    kv(sb, "change-author", lock.note().author());
    kv(sb, "change-email", lock.note().email());
    kv(sb, "change-date", lock.note().date());
    kv(sb, "change-subject", lock.note().subject());
    return sb.toString();
  }

  private static void kv(StringBuilder sb, String key, String value) {
    if (!value.isEmpty()) {
      sb.append(key).append(" = ").append(TomlStrings.quote(value)).append('\n');
    }
  }

  /** Writes the lock atomically; returns false (and writes nothing) when the text is unchanged. */
  public boolean write(String component, LockFile lock) throws IOException {
    Path file = path(component);
    String text = format(lock);
    if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
      return false;
    }
    Files.createDirectories(lockDir);
    Path tmp = Files.createTempFile(lockDir, "." + component, ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Renames.replace(tmp, file);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return true;
  }
}
