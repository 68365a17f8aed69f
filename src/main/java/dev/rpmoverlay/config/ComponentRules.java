package dev.rpmoverlay.config;

import static dev.rpmoverlay.config.TomlValues.bool;
import static dev.rpmoverlay.config.TomlValues.has;
import static dev.rpmoverlay.config.TomlValues.str;
import static dev.rpmoverlay.config.TomlValues.strings;
import static dev.rpmoverlay.config.TomlValues.table;

import dev.rpmoverlay.config.Problems.Context;
import dev.rpmoverlay.config.model.SourcePosition;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * The per-file rules for a component table or a {@code default-component-config}
 * (docs/azldev-compatibility.md §1.6, 1.11, 2.2): what the type checks of {@link SchemaChecker} cannot say.
 */
final class ComponentRules {
  private static final Pattern COMMIT = Pattern.compile("[0-9a-fA-F]{7,40}");

  private final TomlFile file;
  private final Path projectDir;
  private final Problems problems;
  private final LoadReads reads;

  ComponentRules(TomlFile file, Path projectDir, Problems problems) {
    this(file, projectDir, problems, LoadReads.NONE);
  }

  ComponentRules(TomlFile file, Path projectDir, Problems problems, LoadReads reads) {
    this.file = file;
    this.projectDir = projectDir;
    this.problems = problems;
    this.reads = reads;
  }

  /**
   * @param concrete true for {@code [components.x]} (a per-component snapshot is an error there),
   *     false for inherited defaults
   */
  void check(TomlTable t, SourcePosition at, Context ctx, boolean concrete) {
    checkSpec(table(t, "spec"), file.at(t, "spec", at), ctx, concrete);
    checkBuild(table(t, "build"), file.at(t, "build", at), ctx);
    checkSourceFiles(t, ctx);
    TomlValues.array(t, "overlays").ifPresent(a -> {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i) instanceof TomlTable o) {
          checkOverlay(o, file.at(a, i), ctx.overlay(i + 1, str(o, "description")));
        }
      }
    });
    TomlValues.array(t, "overlay-files").ifPresent(a -> {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i) instanceof String pattern && !DoublestarGlob.isValid(pattern)) {
          problems.error(file.at(a, i), ctx, "invalid glob in overlay-files: \"" + pattern + "\"", "check for an unclosed '[' or '{'");
        }
      }
    });
  }

  private void checkSpec(TomlTable spec, SourcePosition at, Context ctx, boolean concrete) {
    String type = str(spec, "type");
    String path = str(spec, "path");
    if (concrete && !str(table(spec, "upstream-distro"), "snapshot").isEmpty()) {
      problems.error(
          file.at(table(spec, "upstream-distro"), "snapshot", at),
          ctx,
          "a per-component 'snapshot' on 'spec.upstream-distro' is not allowed",
          "set the snapshot on the distro or group default-component-config, or pin a commit with 'spec.upstream-commit'");
    }
    if (type.equals("local") && path.isEmpty()) {
      problems.error(at, ctx, "spec.type = \"local\" requires 'spec.path'", "set path to the directory that holds <component>.spec, relative to this file");
    }
    if (!path.isEmpty()) {
      SourcePosition pathAt = file.at(spec, "path", at);
      if (!type.equals("local")) {
        problems.error(pathAt, ctx, "'spec.path' is only allowed with spec.type = \"local\"", "add type = \"local\" or remove path");
      }
      if (checkProjectPath(path, "spec.path", pathAt, ctx) && type.equals("local") && !exists(file.dir().resolve(path))) {
        // caught here rather than at render time, where it would be one failed component among many
        problems.error(pathAt, ctx, "local spec path \"" + path + "\" does not exist",
            "spec.path names the spec file or the directory that holds it, relative to " + file.path().getFileName());
      }
    }
    if (type.equals("local")) {
      for (String key : new String[] {"upstream-name", "upstream-commit"}) {
        if (!str(spec, key).isEmpty()) {
          problems.error(file.at(spec, key, at), ctx, "'spec." + key + "' is only allowed with spec.type = \"upstream\"", "remove it, or use type = \"upstream\"");
        }
      }
    }
    String commit = str(spec, "upstream-commit");
    if (!commit.isEmpty() && !COMMIT.matcher(commit).matches()) {
      problems.error(
          file.at(spec, "upstream-commit", at), ctx, "'spec.upstream-commit' must be 7 to 40 hex digits, not \"" + commit + "\"", "copy the commit hash from dist-git");
    }
  }

  private void checkBuild(TomlTable build, SourcePosition at, Context ctx) {
    TomlTable check = table(build, "check");
    if (bool(check, "skip") && str(check, "skip_reason").isBlank()) {
      problems.error(
          file.at(check, "skip", at), ctx, "'build.check.skip_reason' is required when build.check.skip = true", "add skip_reason = \"why the tests cannot run\" (note the underscore)");
    }
    TomlTable failure = table(build, "failure");
    if (bool(failure, "expected") && str(failure, "expected-reason").isBlank()) {
      problems.error(file.at(failure, "expected", at), ctx, "'build.failure.expected-reason' is required when build.failure.expected = true", "add expected-reason = \"...\"");
    }
  }

  private void checkSourceFiles(TomlTable t, Context ctx) {
    Optional<TomlArray> array = TomlValues.array(t, "source-files");
    if (array.isEmpty()) {
      return;
    }
    TomlArray a = array.get();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < a.size(); i++) {
      if (!(a.get(i) instanceof TomlTable s)) {
        continue;
      }
      SourcePosition at = file.at(a, i);
      String name = str(s, "filename");
      if (name.isEmpty()) {
        problems.error(at, ctx, "source-files entry " + (i + 1) + " has no 'filename'", "add filename = \"<name as in the spec's Source tag>\"");
      } else if (!SafeNames.isSafeFilename(name)) {
        problems.error(file.at(s, "filename", at), ctx, "source file name \"" + name + "\" must be a plain file name", "remove directories and '..' from filename");
      } else if (!seen.add(name)) {
        problems.error(file.at(s, "filename", at), ctx, "duplicate source file \"" + name + "\"", "each filename may appear once in source-files");
      }
      if (!str(s, "hash").isEmpty() && str(s, "hash-type").isEmpty()) {
        problems.error(file.at(s, "hash", at), ctx, "source file \"" + name + "\" has a 'hash' but no 'hash-type'", "add hash-type = \"SHA512\" (or \"SHA256\")");
      }
      boolean replace = bool(s, "replace-upstream");
      String reason = str(s, "replace-reason");
      if (replace && reason.isBlank()) {
        problems.error(file.at(s, "replace-upstream", at), ctx, "source file \"" + name + "\": 'replace-reason' is required with replace-upstream = true", "say why the upstream file is replaced");
      } else if (!replace && !reason.isEmpty()) {
        problems.error(file.at(s, "replace-reason", at), ctx, "source file \"" + name + "\": 'replace-reason' without replace-upstream = true", "remove replace-reason or set replace-upstream = true");
      }
      checkOrigin(s, name, replace, at, ctx);
    }
  }

  private void checkOrigin(TomlTable s, String name, boolean replace, SourcePosition at, Context ctx) {
    TomlTable origin = table(s, "origin");
    SourcePosition originAt = file.at(s, "origin", at);
    String type = str(origin, "type");
    String uri = str(origin, "uri");
    switch (type) {
      case "" -> problems.error(originAt, ctx, "source file \"" + name + "\" needs 'origin.type'", "add origin = { type = \"download\", uri = \"https://...\" }");
      case "download" -> {
        if (!hasScheme(uri)) {
          problems.error(originAt, ctx, "source file \"" + name + "\": origin type \"download\" needs a 'uri' with a scheme", "set uri = \"https://...\"");
        }
      }
      case "custom" -> {
        if (str(origin, "script").isEmpty()) {
          problems.error(originAt, ctx, "source file \"" + name + "\": origin type \"custom\" needs a 'script'", "set script = \"<generator script in the spec dir>\"");
        }
        if (!uri.isEmpty()) {
          problems.error(originAt, ctx, "source file \"" + name + "\": origin type \"custom\" does not accept 'uri'", "remove uri");
        }
      }
      case "overlay" -> {
        if (!replace) {
          problems.error(originAt, ctx, "source file \"" + name + "\": origin type \"overlay\" needs replace-upstream = true", "add replace-upstream = true and a replace-reason");
        }
        if (!uri.isEmpty()) {
          problems.error(originAt, ctx, "source file \"" + name + "\": origin type \"overlay\" does not accept 'uri'", "remove uri");
        }
      }
      default -> {
        // an unknown type is reported by the schema check
      }
    }
  }

  private static boolean hasScheme(String uri) {
    try {
      return !uri.isEmpty() && new URI(uri).getScheme() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private void checkOverlay(TomlTable o, SourcePosition at, Context ctx) {
    String typeName = str(o, "type");
    if (!has(o, "type")) {
      problems.error(at, ctx, "overlay has no 'type'", "add type = \"...\", one of: " + String.join(", ", OverlayType.names()));
      return;
    }
    Optional<OverlayType> type = OverlayType.of(typeName);
    if (type.isEmpty()) {
      return; // the schema check reported the invalid value
    }
    OverlayType ty = type.get();
    for (String field : ty.required()) {
      boolean present = field.equals("lines") ? !strings(o, field).isEmpty() : !str(o, field).isEmpty();
      if (!present) {
        problems.error(
            at, ctx, "overlay type \"" + typeName + "\" requires \"" + field + "\" field", "add " + field + (field.equals("lines") ? " = [\"...\"]" : " = \"...\"") + " to this overlay");
      }
    }
    if (ty == OverlayType.SPEC_REMOVE_SUBPACKAGE && !str(o, "section").isEmpty()) {
      problems.error(file.at(o, "section", at), ctx, "overlay type \"" + typeName + "\" does not accept \"section\" field", "remove section; every section of the package is removed");
    }
    if (!ty.acceptsArchive() && has(o, "archive")) {
      problems.error(file.at(o, "archive", at), ctx, "overlay type \"" + typeName + "\" does not accept \"archive\" field", "only file-remove and file-search-replace work inside archives");
    }
    if (ty == OverlayType.SPEC_SEARCH_REPLACE || ty == OverlayType.FILE_SEARCH_REPLACE) {
      String regex = str(o, "regex");
      if (!regex.isEmpty()) {
        try {
          BoundedRegex.compile(regex);
        } catch (BoundedRegex.InvalidRegexException e) {
          problems.error(
              file.at(o, "regex", at), ctx, e.getMessage(), e.hint());
        }
      }
    }
    String fileField = str(o, "file");
    if (!fileField.isEmpty()) {
      SourcePosition fileAt = file.at(o, "file", at);
      if (fileField.startsWith("/")) {
        problems.error(fileAt, ctx, "overlay 'file' must be a relative path, not \"" + fileField + "\"", "paths are relative to the component's sources directory");
      } else if (escapes(fileField)) {
        problems.error(fileAt, ctx, "overlay 'file' \"" + fileField + "\" leaves the component's sources directory", "remove the '..' segments");
      } else if (ReservedNames.hasGitDir(fileField)) {
        problems.error(fileAt, ctx, "overlay 'file' \"" + fileField + "\" has a '.git' path component",
            "rpmoverlay never writes a '.git' file or directory (git would treat the output as a repository); rename it");
      } else if (ty.fileIsGlob() && !DoublestarGlob.isValid(fileField)) {
        problems.error(fileAt, ctx, "invalid glob \"" + fileField + "\"", "check for an unclosed '[' or '{', or a trailing backslash");
      }
    }
    if (ty == OverlayType.FILE_RENAME) {
      String replacement = str(o, "replacement");
      if (!replacement.isEmpty() && !SafeNames.isSafeFilename(replacement)) {
        problems.error(file.at(o, "replacement", at), ctx, "file-rename 'replacement' must be a file name only, not \"" + replacement + "\"", "the file is renamed within its directory");
      }
    }
    String source = str(o, "source");
    if (!source.isEmpty()) {
      SourcePosition sourceAt = file.at(o, "source", at);
      if (checkProjectPath(source, "overlay 'source'", sourceAt, ctx) && !isRegularFile(file.dir().resolve(source))) {
        problems.error(sourceAt, ctx, "overlay source \"" + source + "\" does not exist", "paths are relative to " + file.path().getFileName());
      }
    }
    TomlValues.optTable(o, "metadata").ifPresent(m -> MetadataRules.check(file, m, file.at(o, "metadata", at), ctx, problems));
  }

  /** Reports absolute paths and paths that leave the project; returns whether the path is acceptable. */
  boolean checkProjectPath(String path, String what, SourcePosition at, Context ctx) {
    if (path.startsWith("/")) {
      problems.error(at, ctx, what + " must be relative, not \"" + path + "\"", "write the path relative to " + file.path().getFileName());
      return false;
    }
    Path resolved = file.dir().resolve(path).normalize();
    if (projectDir != null && !resolved.startsWith(projectDir)) {
      problems.error(at, ctx, what + " \"" + path + "\" points outside the project directory", "keep referenced files inside " + projectDir);
      return false;
    }
    if (projectDir != null && exists(resolved)) {
      // A symbolic link inside the project must not lead out of it either.
      try {
        if (!resolved.toRealPath().startsWith(projectDir.toRealPath())) {
          problems.error(at, ctx, what + " \"" + path + "\" is a symbolic link (or under one) that leads outside the project directory",
              "copy the file into the project instead of linking to it");
          return false;
        }
      } catch (java.io.IOException e) {
        problems.error(at, ctx, what + " \"" + path + "\" cannot be read: " + e.getMessage(), "check the file's permissions");
        return false;
      }
    }
    return true;
  }

  private boolean exists(Path path) {
    reads.checked(path, projectDir);
    return Files.exists(path);
  }

  private boolean isRegularFile(Path path) {
    reads.checked(path, projectDir);
    return Files.isRegularFile(path);
  }

  private static boolean escapes(String relative) {
    int depth = 0;
    for (String seg : relative.split("/")) {
      if (seg.equals("..")) {
        depth--;
      } else if (!seg.isEmpty() && !seg.equals(".")) {
        depth++;
      }
      if (depth < 0) {
        return true;
      }
    }
    return false;
  }
}
