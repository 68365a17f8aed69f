package dev.rpmoverlay.cli;

import dev.rpmoverlay.concurrent.ParallelMap;
import dev.rpmoverlay.render.ComponentResult;
import dev.rpmoverlay.render.IncrementalState;
import dev.rpmoverlay.render.OutputLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether component dirs still hold what this render left in them (their rendered files, as the
 * saved {@link IncrementalState} records their digest, or for a failed component its failure
 * marker), read back and compared: the proof {@link RenderShortcut#record} asks for, after it has
 * read the stamps, about every dir changed during the run whose write stamps do not prove it
 * ({@link dev.rpmoverlay.render.WrittenStamps}). The dirs are read on all cores.
 */
final class WrittenDirs implements RenderShortcut.ContentProof {
  private final Map<String, ComponentResult> expected;
  private final IncrementalState state;
  private final OutputLayout layout;

  /**
   * @param expected each component's result as a re-render without change reports it (a failed
   *     component with {@link ComponentResult.Output#MARKER} must hold its marker)
   * @param state the state this run saved
   */
  WrittenDirs(Map<String, ComponentResult> expected, IncrementalState state, OutputLayout layout) {
    this.expected = expected;
    this.state = state;
    this.layout = layout;
  }

  @Override
  public Set<String> notHolding(Set<String> components) {
    List<String> names = List.copyOf(components);
    List<Boolean> held;
    try {
      held = ParallelMap.map(names, this::holds);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // holds reads no file it does not answer for itself
    }
    Set<String> out = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      if (!held.get(i)) {
        out.add(names.get(i));
      }
    }
    return out;
  }

  private boolean holds(String name) {
    ComponentResult r = expected.get(name);
    if (r == null) {
      return false;
    }
    Path dir = layout.componentDir(name);
    return r.failed() ? r.output() == ComponentResult.Output.MARKER && RenderShortcut.holdsMarker(dir, r.error()) : state.holds(name, dir);
  }
}
