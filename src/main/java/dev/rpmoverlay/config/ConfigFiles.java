package dev.rpmoverlay.config;

import dev.rpmoverlay.config.Problems.Context;
import dev.rpmoverlay.config.model.SourcePosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.tomlj.TomlArray;

/**
 * Parses a config file and, depth first, everything it {@code includes} (docs/azldev-compatibility.md
 * §1.2): the file itself comes first, then each include pattern in order, each pattern's matches
 * in doublestar order. A literal include that is missing is an error; a glob that matches nothing
 * is fine; an include cycle is an error.
 */
final class ConfigFiles implements AutoCloseable {
  /** The outcome of reading one file, produced on a worker thread with its own problem list. */
  private record Parsed(Optional<TomlFile> toml, boolean deferred, Optional<IOException> error, Problems problems) {}

  private final Problems problems;
  private final boolean deferOpaque;
  private final LoadReads reads;
  private final List<TomlFile> loaded = new ArrayList<>();
  private final List<Path> deferred = new ArrayList<>();
  // Files are parsed ahead on all cores as soon as an include names them; merging stays sequential
  // and depth first. Parsing dominates load time (AZL4: 200+ files, one of 7,400 lines).
  private final ExecutorService workers;
  private final Map<Path, Future<Parsed>> parses = new HashMap<>();

  ConfigFiles(Problems problems, boolean deferOpaque, LoadReads reads) {
    this.problems = problems;
    this.deferOpaque = deferOpaque;
    this.reads = reads;
    this.workers =
        Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()),
            r -> {
              Thread t = new Thread(r, "config-parse");
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }

  private Future<Parsed> parseAhead(Path file) {
    return parses.computeIfAbsent(file, f -> workers.submit(() -> parse(f)));
  }

  private Parsed parse(Path file) {
    Problems local = new Problems(false);
    try {
      reads.file(file);
      String text = Utf8Files.read(file);
      if (deferOpaque && OpaqueFiles.onlyOpaqueSections(text)) {
        return new Parsed(Optional.empty(), true, Optional.empty(), local);
      }
      return new Parsed(TomlFile.parse(file, text, local, Context.NONE), false, Optional.empty(), local);
    } catch (IOException e) {
      return new Parsed(Optional.empty(), false, Optional.of(e), local);
    }
  }

  private Parsed await(Path file) {
    try {
      return parseAhead(file).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while parsing " + file, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("parsing " + file + " failed", e.getCause());
    }
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
    Parsed parsed = await(file);
    problems.addAll(parsed.problems());
    if (parsed.error().orElse(null) instanceof Utf8Files.InvalidUtf8Exception bad) {
      // the file's own fault, not the include line's
      problems.error(new SourcePosition(file, bad.line(), 1), Context.NONE,
          "not valid UTF-8: bad byte at offset " + bad.offset(), "save the file as UTF-8 (TOML files must be UTF-8)");
      return;
    }
    if (parsed.error().isPresent()) {
      problems.error(includedFrom, Context.NONE, "cannot read config file " + file + ": " + parsed.error().get().getMessage(), "check that the file exists and is readable");
      return;
    }
    if (parsed.deferred()) {
      deferred.add(file);
      return;
    }
    if (parsed.toml().isEmpty()) {
      return;
    }
    TomlFile toml = parsed.toml().get();
    loaded.add(toml);
    TomlArray includes = toml.root().get(List.of("includes")) instanceof TomlArray a ? a : null;
    if (includes == null) {
      return;
    }
    List<Map.Entry<SourcePosition, Path>> children = new ArrayList<>();
    for (int i = 0; i < includes.size(); i++) {
      if (includes.get(i) instanceof String pattern) {
        SourcePosition at = toml.at(includes, i);
        for (Path match : expand(toml, pattern, at)) {
          Path child = match.toAbsolutePath().normalize();
          children.add(Map.entry(at, child));
          if (!chain.contains(child) && !child.equals(file)) {
            parseAhead(child);
          }
        }
      }
    }
    chain.addLast(file);
    for (Map.Entry<SourcePosition, Path> child : children) {
      load(child.getValue(), child.getKey(), chain);
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
      matches = glob.expand(from.dir(), reads);
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
}
