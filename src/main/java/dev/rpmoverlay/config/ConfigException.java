package dev.rpmoverlay.config;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration could not be loaded: carries every error found in the run (not just the
 * first), each with file, position, component, overlay and a hint. A user-fixable failure.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ConfigProblem> problems;
  private final transient Path projectDir;

  public ConfigException(List<ConfigProblem> problems, Path projectDir) {
    super(render(problems, projectDir));
    this.problems = List.copyOf(problems);
    this.projectDir = projectDir;
  }

  /** A failure with no position, e.g. no project file found. */
  public static ConfigException of(String message, String hint) {
    return new ConfigException(
        List.of(new ConfigProblem(ConfigProblem.Severity.ERROR, new dev.rpmoverlay.config.model.SourcePosition(null, 0, 0), "", 0, "", message, hint)),
        null);
  }

  public List<ConfigProblem> problems() {
    return problems;
  }

  public Path projectDir() {
    return projectDir;
  }

  private static String render(List<ConfigProblem> problems, Path projectDir) {
    long errors = problems.stream().filter(p -> p.severity() == ConfigProblem.Severity.ERROR).count();
    String body = problems.stream().map(p -> p.format(projectDir)).collect(Collectors.joining(System.lineSeparator()));
    if (problems.size() == 1 && problems.get(0).at().file() == null) {
      ConfigProblem p = problems.get(0);
      return p.message() + (p.hint().isEmpty() ? "" : System.lineSeparator() + "  hint: " + p.hint());
    }
    return "invalid configuration (" + errors + (errors == 1 ? " error" : " errors") + "):" + System.lineSeparator() + body;
  }
}
