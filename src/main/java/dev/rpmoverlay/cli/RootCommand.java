package dev.rpmoverlay.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code rpmoverlay}: the root command. It owns the global options; they are inherited, so they
 * may be written before or after the subcommand name ({@code rpmoverlay -C dir list} and
 * {@code rpmoverlay list -C dir} mean the same). Its subcommands are added by {@link
 * CommandTree}, which builds the full model only of those a command line can reach.
 */
@Command(
    name = "rpmoverlay",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = false,
    usageHelpWidth = 100,
    header = "Render RPM spec files from pinned Fedora dist-git content plus declarative TOML overlays.",
    description = {
      "",
      "rpmoverlay reads a project in azldev's TOML dialect (azldev.toml or rpmoverlay.toml), "
          + "applies each component's overlays to its pinned upstream files, and writes the rendered "
          + "specs. Render is offline: upstream content comes from the committed upstream-cache/.",
      ""
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  success",
      "  1  drift found (--check) or some components failed",
      "  2  usage or configuration error",
      "",
      "Run 'rpmoverlay COMMAND --help' for the options of one command."
    })
public final class RootCommand implements Runnable {

  @Spec CommandSpec spec;

  @Option(
      names = {"-C", "--project"},
      paramLabel = "DIR",
      scope = ScopeType.INHERIT,
      description = "Project directory (default: search upward from the working directory for azldev.toml or rpmoverlay.toml).")
  Path projectDir;

  @Option(
      names = "--config-file",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description = "Extra config file merged after the project's own files (repeatable, applied in order).")
  List<Path> extraConfigFiles = new ArrayList<>();

  @Option(
      names = "--permissive-config",
      scope = ScopeType.INHERIT,
      description = "Accept unknown config keys (reported as warnings instead of errors).")
  boolean permissiveConfig;

  @Option(
      names = {"-O", "--output-format"},
      paramLabel = "FORMAT",
      scope = ScopeType.INHERIT,
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat outputFormat = OutputFormat.TABLE;

  @Option(
      names = {"-q", "--quiet"},
      scope = ScopeType.INHERIT,
      description = "Print only errors and the final result.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Print more detail, and stack traces for internal errors.")
  boolean verbose;

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      scope = ScopeType.INHERIT,
      description = "Colour and progress bars: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: colour on a terminal"
          + " unless NO_COLOR is set, progress when stderr is a terminal).")
  ColorMode color = ColorMode.AUTO;

  /** When to use colour and interactive progress output. */
  public enum ColorMode {
    AUTO,
    ALWAYS,
    NEVER
  }

  @Override
  public void run() {
    // No subcommand: show what there is to do rather than failing.
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The root command of the tree {@code cmd} belongs to. */
  static RootCommand of(CommandLine cmd) {
    CommandLine c = cmd;
    while (c.getParent() != null) {
      c = c.getParent();
    }
    return (RootCommand) c.getCommand();
  }

  public Path projectDir() {
    return projectDir;
  }

  public List<Path> extraConfigFiles() {
    return List.copyOf(extraConfigFiles);
  }

  public boolean permissiveConfig() {
    return permissiveConfig;
  }

  public OutputFormat outputFormat() {
    return outputFormat;
  }

  public boolean quiet() {
    return quiet;
  }

  public boolean verbose() {
    return verbose;
  }

  public ColorMode color() {
    return color;
  }
}
