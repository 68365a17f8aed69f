package dev.rpmoverlay.render;

import dev.rpmoverlay.config.model.SourceFile;
import dev.rpmoverlay.upstream.SourcesFile;
import dev.rpmoverlay.upstream.UpstreamException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies {@code source-files} to the dist-git {@code sources} file (docs/azldev-compatibility.md §4.4):
 * upstream lines stay verbatim, a {@code replace-upstream} entry takes its upstream line's place,
 * new entries are appended in config order as {@code SHA512 (name) = hash}.
 */
final class SourcesFileUpdate {
  private SourcesFileUpdate() {}

  /**
   * The new {@code sources} content, or empty when the component has no {@code source-files}.
   *
   * @param existing the current file, if any
   */
  static Optional<byte[]> apply(Optional<byte[]> existing, List<SourceFile> sourceFiles) throws SourcesException {
    if (sourceFiles.isEmpty()) {
      return Optional.empty();
    }
    SourcesFile upstream;
    try {
      upstream = SourcesFile.parse(existing.map(b -> new String(b, StandardCharsets.UTF_8)).orElse(""), "sources");
    } catch (UpstreamException e) {
      throw new SourcesException(e.getMessage());
    }
    List<SourcesFile.Line> lines = new ArrayList<>(upstream.lines());
    List<SourcesFile.Line> appended = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (SourceFile f : sourceFiles) {
      if (!seen.add(f.filename())) {
        throw new SourcesException("source-files lists '" + f.filename() + "' twice");
      }
      if (f.hash().isEmpty() || f.hashType().isEmpty()) {
        throw new SourcesException("source file '" + f.filename() + "' (" + f.declaredAt()
            + ") has no hash; add 'hash' and 'hash-type' (SHA256 or SHA512)");
      }
      SourcesFile.Entry entry = SourcesFile.Entry.of(f.hashType(), f.filename(), f.hash());
      Optional<SourcesFile.Entry> old = upstream.find(f.filename());
      if (f.replaceUpstream()) {
        if (old.isEmpty()) {
          throw new SourcesException("source file '" + f.filename() + "' (" + f.declaredAt()
              + ") sets replace-upstream, but the upstream sources file has no entry for it");
        }
        lines.set(lines.indexOf(old.get()), entry);
      } else {
        if (old.isPresent()) {
          throw new SourcesException("source file '" + f.filename() + "' (" + f.declaredAt()
              + ") is already in the upstream sources file; set replace-upstream = true (with a replace-reason) to replace it");
        }
        appended.add(entry);
      }
    }
    lines.addAll(appended);
    return Optional.of(new SourcesFile(lines).render().getBytes(StandardCharsets.UTF_8));
  }

  /** A {@code sources} file or {@code source-files} problem. */
  static final class SourcesException extends Exception {
    private static final long serialVersionUID = 1L;

    SourcesException(String message) {
      super(message);
    }
  }
}
