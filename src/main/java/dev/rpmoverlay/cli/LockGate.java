package dev.rpmoverlay.cli;

import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.upstream.LockStore;
import dev.rpmoverlay.upstream.LockValidator;
import dev.rpmoverlay.upstream.UpstreamException;
import java.io.IOException;
import java.util.List;

/**
 * The lock check render (and any other command that uses upstream content) runs before doing
 * anything: every selected upstream component needs a current lock, as in azldev. Local components
 * are not required to have one. Skipped with {@code --skip-lock-validation}.
 */
public final class LockGate {
  private LockGate() {}

  /**
   * @throws UserException listing every missing or stale lock, with what to run
   */
  public static void require(Project project, List<String> components, String compat) {
    List<UpstreamComponents.Selected> upstream = UpstreamComponents.of(project, components).stream()
        .filter(s -> s.upstream().isPresent()).toList();
    List<LockValidator.Problem> problems;
    try {
      problems = new LockValidator(new LockStore(project.info().lockDir()))
          .problems(UpstreamComponents.lockSubjects(upstream, compat));
    } catch (UpstreamException | IOException e) {
      throw new UserException(e.getMessage(), e);
    }
    if (!problems.isEmpty()) {
      StringBuilder sb = new StringBuilder(problems.size() + " component(s) have missing or stale locks:");
      problems.forEach(p -> sb.append("\n  ").append(p.message()));
      throw new UserException(sb.toString());
    }
  }
}
