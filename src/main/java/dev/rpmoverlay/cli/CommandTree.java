package dev.rpmoverlay.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The subcommands of {@code rpmoverlay}, in the order --help lists them, and how much of each to
 * build. picocli builds a command's model by reflection over its fields, options and nested
 * commands, which for all of them was about 60% of a small command's start-up (JFR, docs/benchmarks.md);
 * a command line only ever runs one. So a subcommand gets its full model when the command line can
 * reach it (its name or an alias is one of the arguments) and otherwise only an outline: name,
 * aliases and the summary lines the top-level help and picocli's "did you mean" read. Nothing can
 * run an outline: picocli selects a subcommand only by an argument equal to its name or alias.
 * When the first argument after the root's options names a subcommand (the usual {@code
 * rpmoverlay diff nginx}, {@code rpmoverlay -C dir render -a}), that subcommand is the whole tree.
 */
final class CommandTree {
  /** In --help order. */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          CommandLine.HelpCommand.class,
          dev.rpmoverlay.bench.BenchCommand.class,
          RenderCommand.class,
          ListCommand.class,
          ShowCommand.class,
          QueryCommand.class,
          ValidateCommand.class,
          ConfigCommand.class,
          SchemaCommand.class,
          FetchCommand.class,
          PrepareSourcesCommand.class,
          UpdateCommand.class,
          OutdatedCommand.class,
          ChangedCommand.class,
          AutospecCommand.class,
          AddCommand.class,
          InitCommand.class,
          DiffCommand.class,
          ExplainCommand.class,
          ComponentCommand.class,
          CompletionCommand.class,
          LintCommand.class,
          OverlaysCommand.class,
          ReportCommand.class);

  /**
   * Subcommands for which JGit's set-up is not started ahead ({@link Ahead#readsGit}): those that
   * never open a git repository, and render, which starts it itself once it knows that it will
   * render (its no-op check is decided from file stamps alone and needs both cores for them).
   * Anything else, including a command added later, gets it.
   */
  private static final Set<Class<?>> NO_GIT_SET_UP_AHEAD =
      Set.of(CommandLine.HelpCommand.class, ListCommand.class, ShowCommand.class, QueryCommand.class, ValidateCommand.class,
          ConfigCommand.class, SchemaCommand.class, CompletionCommand.class, RenderCommand.class);

  private CommandTree() {}

  /**
   * Subcommands that do not start by loading the project's TOML ({@link Ahead#parsesToml}): they
   * read no project, or only a spec, or write a new one.
   */
  private static final Set<Class<?>> NO_TOML_AHEAD =
      Set.of(CommandLine.HelpCommand.class, dev.rpmoverlay.bench.BenchCommand.class, SchemaCommand.class, AutospecCommand.class,
          InitCommand.class, CompletionCommand.class);

  /**
   * What to start beside picocli for the command a command line selects, decided before picocli
   * has a model (one reading of the arguments for both questions).
   *
   * @param readsGit the command reads git from its start: JGit's set-up runs beside picocli's
   *     ({@code JGitSetUp.startInBackground}); not for those that do not, so it takes no core from
   *     them (--version, --help, list, show, and render until it knows it will render)
   * @param loadsProject the command starts by loading the project: its snapshot is read beside
   *     picocli's set-up ({@code SnapshotAhead})
   * @param parsesToml the command starts by parsing the project's TOML when the snapshot does not
   *     hold: the parser's first-use cost ({@code TomlWarmUp}) is paid beside picocli's; not for
   *     render -a, whose no-op check is answered from file stamps alone and needs both cores for them
   */
  record Ahead(boolean readsGit, boolean loadsProject, boolean parsesToml) {}

  /**
   * {@link Ahead} for {@code args}. The command is found as {@link #addFor} finds it; an {@code
   * @file} may hold anything, so it counts as both.
   */
  static Ahead ahead(List<String> args) {
    if (args.stream().anyMatch(a -> a.startsWith("@"))) {
      return new Ahead(true, true, true);
    }
    Optional<Class<?>> selected = selected(args);
    if (selected.isEmpty()) {
      return new Ahead(false, false, false); // the root's help or version, or not a command
    }
    Class<?> type = selected.get();
    boolean renderAll = type == RenderCommand.class && (args.contains("-a") || args.contains("--all"));
    boolean loadsProject = !NO_TOML_AHEAD.contains(type);
    return new Ahead(!NO_GIT_SET_UP_AHEAD.contains(type), loadsProject, loadsProject && !renderAll);
  }

  /** The subcommand {@code args} select, found as {@link #addFor} finds it; empty for the root's help or version, or no command. */
  private static Optional<Class<?>> selected(List<String> args) {
    Optional<String> word = commandWord(args, rootOptionValues());
    if (word.isEmpty()) {
      return Optional.empty();
    }
    for (Class<?> type : SUBCOMMANDS) {
      if (names(type.getAnnotation(Command.class)).contains(word.get())) {
        return Optional.of(type);
      }
    }
    return Optional.empty(); // not a command (picocli reports the usage error)
  }

  /**
   * How many values each of the root's options takes, by name, read from RootCommand's annotations
   * (a boolean none, anything else one; one with an arity of its own is left out, as unknown),
   * before picocli has built the root's model.
   */
  private static Function<String, OptionalInt> rootOptionValues() {
    Map<String, Integer> values = new HashMap<>();
    for (java.lang.reflect.Field field : RootCommand.class.getDeclaredFields()) {
      CommandLine.Option option = field.getAnnotation(CommandLine.Option.class);
      if (option != null && option.arity().isEmpty()) {
        for (String name : option.names()) {
          values.put(name, field.getType() == boolean.class ? 0 : 1);
        }
      }
    }
    return name -> values.containsKey(name) ? OptionalInt.of(values.get(name)) : OptionalInt.empty();
  }

  /**
   * Subcommands with subcommands of their own that are added here rather than by their
   * annotation, by the same rule: a full model only for those the command line names.
   */
  private static final Map<Class<?>, List<Class<?>>> NESTED = Map.of(AutospecCommand.class, AutospecCommand.SUBCOMMANDS);

  /** Adds every subcommand to {@code root} with its full model. */
  static void addAll(CommandLine root) {
    SUBCOMMANDS.forEach(type -> addFull(root, type, null));
  }

  /** Adds {@code type} with its full model, and its nested subcommands: all in full when {@code args} is null. */
  private static void addFull(CommandLine parent, Class<?> type, List<String> args) {
    parent.addSubcommand(type);
    List<Class<?>> nested = NESTED.getOrDefault(type, List.of());
    if (nested.isEmpty()) {
      return;
    }
    CommandLine added = parent.getSubcommands().get(type.getAnnotation(Command.class).name());
    for (Class<?> sub : nested) {
      Command command = sub.getAnnotation(Command.class);
      added.addSubcommand(args == null || names(command).stream().anyMatch(args::contains) ? sub : outline(command));
    }
  }

  /**
   * Adds every subcommand to {@code root}, with its full model only where {@code args} can reach
   * it. The whole tree is built when an argument names the 'completion' command (its script covers
   * every command) or is an {@code @file} (picocli expands those into arguments not seen here).
   */
  static void addFor(CommandLine root, List<String> args) {
    if (args.stream().anyMatch(a -> a.startsWith("@") || a.equals("completion"))) {
      addAll(root);
      return;
    }
    Optional<String> word = commandWord(args, optionValues(root.getCommandSpec()));
    for (Class<?> type : SUBCOMMANDS) {
      Command command = type.getAnnotation(Command.class);
      if (type != CommandLine.HelpCommand.class && word.isPresent() && names(command).contains(word.get())) {
        // The root has no positional parameters, so the first argument after its options selects
        // the subcommand it names, and every later argument is that subcommand's: no other
        // subcommand, not even its outline, is ever read. Outlines are not free: each gets a copy
        // of the root's inherited options.
        addFull(root, type, args);
        return;
      }
    }
    for (Class<?> type : SUBCOMMANDS) {
      Command command = type.getAnnotation(Command.class);
      boolean reachable = type == CommandLine.HelpCommand.class || names(command).stream().anyMatch(args::contains);
      if (reachable) {
        addFull(root, type, args);
      } else {
        root.addSubcommand(outline(command));
      }
    }
  }

  /**
   * The first argument after the root's own options ({@code -C DIR}, {@code --color=never}, ...),
   * where picocli looks for the subcommand; empty when the arguments before it are anything else
   * (a help or version option, which prints the root's help, clustered short options, an unknown
   * option, an option whose value is optional): then the general rule applies.
   *
   * @param valuesOf how many values the root's option of that name takes; empty for no such
   *     option, or one that is not a plain option with a fixed number of values
   */
  private static Optional<String> commandWord(List<String> args, Function<String, OptionalInt> valuesOf) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("-")) {
        return Optional.of(arg);
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      OptionalInt values = arg.startsWith("--") || eq < 0 ? valuesOf.apply(name) : OptionalInt.empty();
      if (values.isEmpty()) {
        return Optional.empty();
      }
      if (eq < 0) {
        i += values.getAsInt(); // its value(s)
      }
    }
    return Optional.empty();
  }

  /** {@code valuesOf} for {@link #commandWord} from the root's model. */
  private static Function<String, OptionalInt> optionValues(CommandSpec root) {
    return name -> {
      OptionSpec option = root.findOption(name);
      if (option == null || !List.of(option.names()).contains(name) || option.usageHelp() || option.versionHelp()
          || option.arity().min() != option.arity().max()) {
        return OptionalInt.empty();
      }
      return OptionalInt.of(option.arity().max());
    };
  }

  private static List<String> names(Command command) {
    List<String> names = new java.util.ArrayList<>(List.of(command.aliases()));
    names.add(command.name());
    return names;
  }

  private static CommandSpec outline(Command command) {
    CommandSpec spec = CommandSpec.create().name(command.name()).aliases(command.aliases());
    spec.usageMessage().header(command.header()).description(command.description()).hidden(command.hidden());
    return spec;
  }
}
