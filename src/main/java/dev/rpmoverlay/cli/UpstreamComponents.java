package dev.rpmoverlay.cli;

import dev.rpmoverlay.concurrent.ParallelMap;
import dev.rpmoverlay.config.ConfigException;
import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.UpstreamRef;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.upstream.LockSubject;
import dev.rpmoverlay.upstream.UpstreamCoordinates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns selected components of a loaded project into what the upstream package works with:
 * coordinates for upstream components and lock subjects for all. Shared by {@code fetch},
 * {@code update} and (for lock validation) {@code render}, so they all agree on the inputs.
 */
public final class UpstreamComponents {

  /** The render compatibility mode assumed when none is given. */
  public static final String DEFAULT_COMPAT = "current";

  /**
   * One selected component.
   *
   * @param ref the resolved upstream reference (distro, version, branch, templates)
   */
  public record Selected(ComponentConfig config, UpstreamRef ref, Optional<UpstreamCoordinates> upstream) {
    public String name() {
      return config.name();
    }
  }

  private UpstreamComponents() {}

  /** What {@link #select} gave for one name: the selection, or why there is none. */
  private record Outcome(Selected selected, RuntimeException failure) {}

  /**
   * The selected components, in the order of {@code names}.
   *
   * @throws UserException for the first name (in that order) whose upstream is not defined
   */
  public static List<Selected> of(Project project, List<String> names) {
    // Resolving is independent per component (and cached by the project for what runs next), so it
    // runs on every core; a failure is reported for the first name in order, whatever thread hit it.
    List<Outcome> outcomes;
    try {
      outcomes = ParallelMap.map(names, name -> {
        try {
          return new Outcome(select(project, name), null);
        } catch (RuntimeException e) {
          return new Outcome(null, e);
        }
      });
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e); // select reads no file
    }
    List<Selected> out = new ArrayList<>(outcomes.size());
    for (Outcome o : outcomes) {
      if (o.failure() != null) {
        throw o.failure();
      }
      out.add(o.selected());
    }
    return out;
  }

  private static Selected select(Project project, String name) {
    ComponentConfig c = project.resolve(name);
    UpstreamRef ref;
    try {
      ref = project.upstreamOf(c);
    } catch (ConfigException e) {
      throw new UserException("component '" + name + "': " + e.getMessage(), e);
    }
    if (c.spec().isLocal()) {
      return new Selected(c, ref, Optional.empty());
    }
    if (ref.distGitUri().isEmpty() || ref.distGitBranch().isEmpty()) {
      throw new UserException("component '" + name + "': distro '" + ref.distro() + "' version '" + ref.version()
          + "' needs dist-git-base-uri and dist-git-branch to fetch upstream sources");
    }
    return new Selected(c, ref, Optional.of(new UpstreamCoordinates(
        name, ref.upstreamName(), ref.distGitUri(), ref.distGitBranch(), ref.upstreamCommit(), ref.snapshot())));
  }

  public static LockSubject lockSubject(Selected s, String compat) {
    // azldev's spec.path may name the spec file; the source identity covers its whole directory.
    Optional<java.nio.file.Path> specDir = s.config().spec().path()
        .map(p -> java.nio.file.Files.isRegularFile(p) ? p.toAbsolutePath().getParent() : p);
    return new LockSubject(s.config(), s.upstream(), specDir, s.ref().distro(), s.ref().version(), s.ref().releaseVer(), compat);
  }

  public static List<LockSubject> lockSubjects(List<Selected> selected, String compat) {
    return selected.stream().map(s -> lockSubject(s, compat)).toList();
  }
}
