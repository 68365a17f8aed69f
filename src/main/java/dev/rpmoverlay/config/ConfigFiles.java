package dev.rpmoverlay.config;

import dev.rpmoverlay.config.Problems.Context;
import dev.rpmoverlay.config.model.SourcePosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlVersion;

/**
 * Parses a config file and, depth first, everything it {@code includes} (azldev-semantics.md
 * 1.2): the file itself comes first, then each include pattern in order, each pattern's matches
 * in doublestar order. A literal include that is missing is an error; a glob that matches nothing
 * is fine; an include cycle is an error.
 */
final class ConfigFiles {
  private final Problems problems;
  private final boolean deferOpaque;
  private final List<TomlFile> loaded = new ArrayList<>();
  private final List<Path> deferred = new ArrayList<>();

  ConfigFiles(Problems problems, boolean deferOpaque) {
    this.problems = problems;
    this.deferOpaque = deferOpaque;
  }

  /** Files not parsed because they only hold uninterpreted sections ({@link OpaqueFiles}). */
  List<Path> deferred() {
    return deferred;
  }

  /** Files in merge order. */
  List<TomlFile> loaded() {
    return loaded;
  }

  void load(Path file, SourcePosition includedFrom) {
    load(file.toAbsolutePath().normalize(), includedFrom, new ArrayDeque<>());
  }

  private void load(Path file, SourcePosition includedFrom, Deque<Path> chain) {
    if (chain.contains(file)) {
      String cycle =
          chain.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(" -> ")) + " -> " + file.getFileName();
      problems.error(includedFrom, Context.NONE, "circular include detected: " + cycle, "remove one of the includes");
      return;
    }
    TomlParseResult parsed;
    try {
      String text = Files.readString(file);
      if (deferOpaque && OpaqueFiles.onlyOpaqueSections(text)) {
        deferred.add(file);
        return;
      }
      parsed = Toml.parse(text, TomlVersion.V1_0_0);
    } catch (IOException e) {
      problems.error(includedFrom, Context.NONE, "cannot read config file " + file + ": " + e.getMessage(), "check that the file exists and is readable");
      return;
    }
    if (parsed.hasErrors()) {
      for (TomlParseError error : parsed.errors()) {
        SourcePosition at =
            error.position() == null ? SourcePosition.of(file) : new SourcePosition(file, error.position().line(), error.position().column());
        problems.error(at, Context.NONE, "invalid TOML: " + stripPosition(error.getMessage()), "fix the syntax (TOML 1.0)");
      }
      return;
    }
    TomlFile toml = new TomlFile(file, parsed);
    loaded.add(toml);
    TomlArray includes = parsed.get(List.of("includes")) instanceof TomlArray a ? a : null;
    if (includes == null) {
      return;
    }
    chain.addLast(file);
    for (int i = 0; i < includes.size(); i++) {
      if (includes.get(i) instanceof String pattern) {
        SourcePosition at = toml.at(includes, i);
        for (Path match : expand(toml, pattern, at)) {
          load(match.toAbsolutePath().normalize(), at, chain);
        }
      }
    }
    chain.removeLast();
  }

  private List<Path> expand(TomlFile from, String pattern, SourcePosition at) {
    if (pattern.isEmpty()) {
      problems.error(at, Context.NONE, "empty include pattern", "remove the empty string from includes");
      return List.of();
    }
    DoublestarGlob glob;
    try {
      glob = DoublestarGlob.compile(pattern);
    } catch (DoublestarGlob.InvalidGlobException e) {
      problems.error(at, Context.NONE, e.getMessage(), "check for an unclosed '[' or '{'");
      return List.of();
    }
    List<Path> matches;
    try {
      matches = glob.expand(from.dir());
    } catch (IOException e) {
      problems.error(at, Context.NONE, "cannot expand include \"" + pattern + "\": " + e.getMessage(), "");
      return List.of();
    }
    if (matches.isEmpty() && !DoublestarGlob.hasWildcard(pattern)) {
      Path missing = from.dir().resolve(pattern).normalize();
      String why = Files.exists(missing) ? " is not a regular file" : " does not exist";
      problems.error(at, Context.NONE, "include file " + pattern + why, "fix the path (relative to " + from.path().getFileName() + ") or remove the include");
    }
    return matches;
  }

  private static String stripPosition(String message) {
    return message.replaceFirst("\\s*\\(line \\d+, column \\d+\\)$", "");
  }
}
