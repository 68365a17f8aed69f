package dev.rpmoverlay.cli;

import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.upstream.LockFile;
import dev.rpmoverlay.upstream.LockStore;
import dev.rpmoverlay.upstream.LockValidator;
import dev.rpmoverlay.upstream.UpstreamException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The lock check render runs before doing anything (docs/azldev-compatibility.md §1.10): every selected
 * upstream component needs a current lock, so what is rendered is exactly what was reviewed when
 * the lock was written. Local components are not required to have one. With {@code -a}, a lock
 * that belongs to no component is an error too, as in azldev. Skipped with
 * {@code --skip-lock-validation}.
 */
public final class LockGate {
  private LockGate() {}

  /**
   * @param all whether every component of the project is selected (then orphan locks count)
   * @return the lock of every selected upstream component, each just found current (render's
   *     incremental fingerprint relies on it instead of hashing the config again)
   * @throws UserException listing every missing, stale or orphan lock, with what to run
   */
  public static Map<String, LockFile> require(Project project, List<String> components, String compat, boolean all) {
    List<UpstreamComponents.Selected> upstream = UpstreamComponents.of(project, components).stream()
        .filter(s -> s.upstream().isPresent()).toList();
    LockStore store = new LockStore(project.info().lockDir());
    List<String> problems = new ArrayList<>();
    Map<String, LockFile> current;
    try {
      LockValidator validator = new LockValidator(store);
      LockValidator.Checked checked = validator.check(UpstreamComponents.lockSubjects(upstream, compat));
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
}
