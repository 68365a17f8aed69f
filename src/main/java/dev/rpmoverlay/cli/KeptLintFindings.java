package dev.rpmoverlay.cli;

import com.google.common.hash.Hashing;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.render.AtomicTextFile;
import dev.rpmoverlay.review.LintFinding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lint findings of earlier renders, kept in {@code <work-dir>/lint-findings} so that render's
 * lint of a component it skipped as unchanged reads them instead of rendering the component again
 * (which was most of a one-component render of an unchanged component, and of an {@code render -a}
 * after a one-component change).
 *
 * <p>Why a kept finding is exact: lint's findings are a function of what the component is rendered
 * from, of the day expiry is judged against, and of the overlays' names and places, which only
 * label them. What it is rendered from is the input fingerprint incremental render compares (the
 * component's resolved config, overlay files, upstream files, lock, downstream changes, compat mode
 * and the build of rpmoverlay); that fingerprint and the day are an entry's key, so an entry for
 * other inputs or another day is never read. The labels are taken from the current config when a
 * finding is read. A missing, damaged or unwritable file only means that the component is rendered
 * again for lint, as before.
 */
final class KeptLintFindings {
  static final String FILE_NAME = "lint-findings";
  private static final String HEADER = "# rpmoverlay lint findings v1: component<TAB>key<TAB>count, then per finding:"
      + " <TAB>overlay number<TAB>kind<TAB>message<TAB>hint";
  private static final String END = "end\t"; // with the entry count: a file cut short is never read

  /** One component's findings as kept: the overlay's number and what was found, without its labels. */
  private record Kept(int overlay, String kind, String message, String hint) {}

  private record Entry(String key, List<Kept> findings) {}

  private final Path file;
  private final String day;
  private Map<String, Entry> earlier; // read at first use: a render that skips nothing needs it only to save
  private final Map<String, Entry> added = new ConcurrentHashMap<>();

  private KeptLintFindings(Path file, LocalDate day) {
    this.file = file;
    this.day = day.toString();
  }

  /** The findings kept in {@code workDir}, for lint judging expiry as of {@code day}. */
  static KeptLintFindings in(Path workDir, LocalDate day) {
    return new KeptLintFindings(workDir.resolve(FILE_NAME), day);
  }

  /**
   * The findings kept for {@code component} rendered from {@code inputs} (its input fingerprint),
   * labelled from its current config; empty when none are kept for those inputs and this day, or
   * they name an overlay the component no longer has.
   */
  Optional<List<LintFinding>> find(ComponentConfig component, String inputs) {
    Entry entry = earlier().get(component.name());
    if (entry == null || !entry.key().equals(key(inputs))) {
      return Optional.empty();
    }
    List<Overlay> overlays = component.overlays();
    List<LintFinding> findings = new ArrayList<>();
    for (Kept k : entry.findings()) {
      Optional<LintFinding.Kind> kind = LintFinding.Kind.of(k.kind());
      if (kind.isEmpty() || k.overlay() < 1 || k.overlay() > overlays.size() || overlays.get(k.overlay() - 1).info().number() != k.overlay()) {
        return Optional.empty();
      }
      findings.add(LintFinding.about(component, overlays.get(k.overlay() - 1), kind.get(), k.message(), k.hint()));
    }
    return Optional.of(findings);
  }

  /** Keeps {@code findings}, lint's findings for {@code component} rendered from {@code inputs}, for {@link #save}. */
  void keep(ComponentConfig component, String inputs, List<LintFinding> findings) {
    List<Kept> kept = new ArrayList<>();
    for (LintFinding f : findings) {
      kept.add(new Kept(f.overlay(), f.kind().id(), f.message(), f.hint()));
    }
    added.put(component.name(), new Entry(key(inputs), kept));
  }

  /**
   * Writes what was kept before and since, for the components in {@code live} only; nothing when
   * nothing was kept since. A failed write is not an error: the next render lints afresh.
   */
  void save(Collection<String> live) {
    if (added.isEmpty()) {
      return;
    }
    Set<String> liveNames = new HashSet<>(live);
    Map<String, Entry> all = new TreeMap<>();
    earlier().forEach((name, entry) -> {
      if (liveNames.contains(name)) {
        all.put(name, entry);
      }
    });
    all.putAll(added);
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    all.forEach((name, entry) -> {
      sb.append(name).append('\t').append(entry.key()).append('\t').append(entry.findings().size()).append('\n');
      for (Kept k : entry.findings()) {
        sb.append('\t').append(k.overlay()).append('\t').append(k.kind()).append('\t').append(RenderShortcut.escape(k.message()))
            .append('\t').append(RenderShortcut.escape(k.hint())).append('\n');
      }
    });
    sb.append(END).append(all.size()).append('\n');
    try {
      AtomicTextFile.replace(file, sb);
    } catch (IOException | RuntimeException e) {
      // kept findings are only a shortcut
    }
  }

  /** The key of an entry: the component's input fingerprint and the day, hashed to a fixed length. */
  private String key(String inputs) {
    return Hashing.sha256().hashString(inputs + "\nlint-day " + day, StandardCharsets.UTF_8).toString();
  }

  private synchronized Map<String, Entry> earlier() {
    if (earlier == null) {
      earlier = read(file);
    }
    return earlier;
  }

  /** The entries {@code file} holds; none when it is missing, another version's, cut short or damaged. */
  private static Map<String, Entry> read(Path file) {
    Map<String, Entry> entries = new HashMap<>();
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        return entries;
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(lines.size() - 1).startsWith(END)) {
        return Map.of();
      }
      int i = 1;
      while (i < lines.size() - 1) {
        String[] head = lines.get(i++).split("\t", -1);
        if (head.length != 3 || head[0].isEmpty()) {
          return Map.of();
        }
        int count = Integer.parseInt(head[2]);
        List<Kept> findings = new ArrayList<>();
        for (int n = 0; n < count; n++) {
          String[] f = lines.get(i++).split("\t", -1);
          if (f.length != 5 || !f[0].isEmpty()) {
            return Map.of();
          }
          findings.add(new Kept(Integer.parseInt(f[1]), f[2], RenderShortcut.unescape(f[3]), RenderShortcut.unescape(f[4])));
        }
        entries.put(head[0], new Entry(head[1], List.copyOf(findings)));
      }
      return Integer.parseInt(lines.get(lines.size() - 1).substring(END.length())) == entries.size() ? entries : Map.of();
    } catch (IOException | RuntimeException e) {
      return Map.of(); // a damaged file only costs a lint from a fresh render
    }
  }
}
