package dev.rpmoverlay.cli;

import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.render.CodeIdentity;
import dev.rpmoverlay.upstream.KeptLockVerdicts;
import dev.rpmoverlay.upstream.LockFile;
import dev.rpmoverlay.upstream.LockStore;
import dev.rpmoverlay.upstream.LockValidator;
import dev.rpmoverlay.upstream.UpstreamException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lock check render runs before doing anything (docs/azldev-compatibility.md §1.10): every selected
 * upstream component needs a current lock, so what is rendered is exactly what was reviewed when
 * the lock was written. Local components are not required to have one. With {@code -a}, a lock
 * that belongs to no component is an error too, as in azldev. Skipped with
 * {@code --skip-lock-validation}.
 */
public final class LockGate {
  /**
   * Below this many components the locks are checked without the kept verdicts: reading those of
   * the whole distro would cost more than checking a few locks.
   */
  private static final int KEEP_FROM = 64;

  private LockGate() {}

  /**
   * @param all whether every component of the project is selected (then orphan locks count)
   * @return the lock of every selected upstream component, each just found current (render's
   *     incremental fingerprint relies on it instead of hashing the config again)
   * @throws UserException listing every missing, stale or orphan lock, with what to run
   */
  public static Map<String, LockFile> require(Project project, List<String> components, String compat, boolean all) {
    return require(project, components, compat, all, KEEP_FROM);
  }

  /** {@link #require}, with the kept verdicts used from {@code keepFrom} components on (tests use them with a few). */
  static Map<String, LockFile> require(Project project, List<String> components, String compat, boolean all, int keepFrom) {
    List<String> problems = new ArrayList<>();
    Map<String, LockFile> current;
    try {
      LockValidator validator = new LockValidator(new LockStore(project.info().lockDir()));
      LockValidator.Checked checked = checkKeeping(validator, project, components, compat, keepFrom);
      checked.problems().forEach(p -> problems.add(p.message()));
      current = checked.current();
      if (all) {
        validator.orphans(new HashSet<>(project.componentNames())).forEach(p -> problems.add(p.message()));
      }
    } catch (UpstreamException | IOException e) {
      throw new UserException(e.getMessage(), e);
    }
    if (!problems.isEmpty()) {
      StringBuilder sb = new StringBuilder(problems.size() + " lock problem(s); render uses only what the locks pin:");
      problems.forEach(p -> sb.append("\n  ").append(p));
      sb.append("\n(or pass --skip-lock-validation to render anyway)");
      throw new UserException(sb.toString());
    }
    return current;
  }

  /**
   * The same check for {@code --skip-lock-validation}, which never fails: the locks found current.
   * Render's incremental fingerprint of a component depends on whether its lock is current, not on
   * whether the gate ran, so a run with the option after one without it (or the other way round)
   * still skips what did not change.
   */
  public static Map<String, LockFile> current(Project project, List<String> components, String compat) {
    try {
      return checkKeeping(new LockValidator(new LockStore(project.info().lockDir())), project, components, compat, KEEP_FROM).current();
    } catch (UpstreamException | IOException | UserException e) {
      return Map.of(); // rendering anyway: each component's own error, if any, is reported by its render
    }
  }

  /**
   * The check, with the verdicts the last renders kept ({@link KeptLockVerdicts}): taken at once
   * for a project of the same snapshot generation, else by comparing what each component resolves
   * to. A project whose components resolve through overlay files (which no snapshot stamps) is
   * always compared.
   */
  private static LockValidator.Checked checkKeeping(LockValidator validator, Project project, List<String> components, String compat,
      int keepFrom) throws IOException {
    Optional<String> generation = project.resolvesFromOverlayFiles() ? Optional.empty() : project.snapshotGeneration();
    KeptLockVerdicts kept = components.size() < keepFrom ? KeptLockVerdicts.NONE
        : KeptLockVerdicts.open(project.info().workDir(), "code=" + CodeIdentity.get() + "\nlock-dir="
            + project.info().lockDir().toAbsolutePath().normalize() + "\n", generation);
    List<UpstreamComponents.Selected> upstream = UpstreamComponents.of(project, components).stream()
        .filter(s -> s.upstream().isPresent()).toList();
    LockValidator.Checked checked = validator.check(UpstreamComponents.lockSubjects(upstream, compat), kept);
    kept.save();
    return checked;
  }
}
