package dev.rpmoverlay.release;

import dev.rpmoverlay.spec.ConditionalDirective;
import dev.rpmoverlay.spec.RpmLine;
import dev.rpmoverlay.spec.RpmLines;
import dev.rpmoverlay.spec.SpecDocument;
import dev.rpmoverlay.release.macro.ExpressionEvaluator;
import dev.rpmoverlay.release.macro.MacroDefinition;
import dev.rpmoverlay.release.macro.MacroExpander;
import dev.rpmoverlay.release.macro.MacroTable;
import dev.rpmoverlay.release.macro.Undetermined;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code [epoch:]version} and the {@code %autorelease} flags from a spec's preamble the way
 * rpmautospec's rpm query sees them, without rpm: the spec's own {@code %global}/{@code %define}s,
 * {@code %include}d files, conditionals, {@code %bcond}s and common built-ins are evaluated;
 * anything that needs a real rpm (shell, Lua, system macros) makes the value unknown rather than
 * guessed. The spec is read as rpm reads it, through the spec model's {@link RpmLines} (logical
 * lines, rpm's conditional directives and section keywords); this class only evaluates them, with
 * a {@link MacroTable}. One instance reads one spec text; it is not thread-safe.
 */
final class SpecVersionReader {
  /** What {@code %{_sourcedir}} expands to; includes below it are read from the package directory. */
  static final String SOURCE_DIR = "/rpmoverlay/sourcedir";

  /**
   * Tags without which rpm refuses the spec. Name, Summary and License are required by rpm too, but
   * Fedora's font and forge macros generate them from calls this reader does not model, so their
   * absence here proves nothing.
   */
  private static final List<String> REQUIRED = List.of("version", "release");
  private static final Set<String> EVALUATED = Set.of("name", "version", "release", "epoch");
  private static final Pattern TAG = Pattern.compile("^([A-Za-z][A-Za-z0-9]*)(\\([^)]*\\))?[ \\t]*:(.*)$", Pattern.DOTALL);
  private static final Pattern DEFINITION =
      Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)(\\(([^)]*)\\))?(?:[ \\t]+(.*))?$", Pattern.DOTALL);
  private static final Pattern FLAGS = Pattern.compile("^E([^_]*)_S([^_]*)_P([01])_B(\\d*)$");
  private static final Pattern ALLOWED_VERSION = Pattern.compile("[A-Za-z0-9._+%{}~^]+");
  private static final int MAX_INCLUDE_DEPTH = 16;

  private enum Mode {
    ACTIVE,
    INACTIVE,
    UNCERTAIN
  }

  /** One open %if: the mode of the branch being read and what earlier branches decided. */
  private static final class Frame {
    final Mode outer;
    Mode mode;
    boolean taken;
    boolean uncertainEarlier;

    Frame(Mode outer) {
      this.outer = outer;
    }
  }

  private sealed interface TagValue {}

  private record Known(String value) implements TagValue {}

  private record Unknown(String reason) implements TagValue {}

  private final IncludeResolver includes;
  private final MacroTable macros = MacroTable.rpmautospecDefaults(SOURCE_DIR);
  private final Map<String, TagValue> tags = new HashMap<>();
  private final Deque<Frame> frames = new ArrayDeque<>();
  private boolean preambleEnded;
  private String fatal;

  private SpecVersionReader(IncludeResolver includes) {
    this.includes = includes;
    macros.define("with", new MacroDefinition.Body("%{expand:%%{?with_%{1}:1}%%{!?with_%{1}:0}}", ""));
    macros.define("without", new MacroDefinition.Body("%{expand:%%{?with_%{1}:0}%%{!?with_%{1}:1}}", ""));
  }

  /** Reads the version of {@code specText}; {@code includes} supplies {@code %include}d files. */
  public static SpecVersionProbe read(String specText, IncludeResolver includes) {
    SpecVersionReader reader = new SpecVersionReader(includes);
    reader.process(SpecDocument.parse(specText), 0);
    return reader.result();
  }

  private void process(SpecDocument spec, int includeDepth) {
    RpmLines lines = new RpmLines(spec);
    for (RpmLine line = lines.next(); line != null; line = lines.next()) {
      if (preambleEnded || fatal != null) {
        return;
      }
      processLine(line, includeDepth);
    }
  }

  private Mode mode() {
    return frames.isEmpty() ? Mode.ACTIVE : frames.peek().mode;
  }

  private void processLine(RpmLine line, int includeDepth) {
    String keyword = line.keyword();
    if (keyword != null) {
      ConditionalDirective conditional = line.conditional();
      if (conditional != null) {
        conditional(conditional, keyword, line.argument());
        return;
      }
      Mode mode = mode();
      if (mode == Mode.INACTIVE) {
        return;
      }
      if (line.startsSection()) {
        preambleEnded = true;
        return;
      }
      switch (keyword) {
        case "%global", "%define" -> define(line.argument(), keyword.equals("%global"), mode);
        case "%undefine" -> {
          if (mode == Mode.UNCERTAIN) {
            macros.define(line.argument(), new MacroDefinition.Unknown("%" + line.argument() + " is undefined under a condition that could not be decided"));
          } else {
            macros.undefine(line.argument());
          }
        }
        case "%bcond_with", "%bcond_without", "%bcond" -> bcond(keyword, line.argument(), mode);
        case "%include" -> include(line.argument(), includeDepth, mode);
        default -> {
          // Other macro calls on their own line (%forgemeta, %{?...}) cannot change the version
          // in ways this reader models; rpm would expand them, we leave them alone.
        }
      }
      return;
    }
    Mode mode = mode();
    if (mode == Mode.INACTIVE) {
      return;
    }
    String trimmed = line.text();
    if (trimmed.isEmpty() || !Character.isLetter(trimmed.charAt(0)) || trimmed.indexOf(':') < 0) {
      return;
    }
    Matcher tag = TAG.matcher(trimmed);
    if (!tag.matches()) {
      return;
    }
    String name = tag.group(1).toLowerCase(Locale.ROOT);
    String raw = tag.group(3).strip();
    if (!EVALUATED.contains(name)) {
      if (mode == Mode.ACTIVE) {
        macros.define(name, MacroDefinition.Body.plain(raw));
      }
      return;
    }
    TagValue value;
    if (mode == Mode.UNCERTAIN) {
      value = new Unknown(tag.group(1) + " is set under a condition that could not be decided");
    } else {
      try {
        value = new Known(MacroExpander.expand(raw, macros).strip());
      } catch (Undetermined e) {
        value = new Unknown(tag.group(1) + ": " + e.reason());
      }
    }
    tags.put(name, value);
    macros.define(
        name,
        value instanceof Known k
            ? MacroDefinition.Body.plain(k.value().replace("%", "%%"))
            : new MacroDefinition.Unknown(((Unknown) value).reason()));
  }

  /** Follows a conditional directive ({@code keyword} as written) with the condition {@code rest}. */
  private void conditional(ConditionalDirective directive, String keyword, String rest) {
    switch (directive) {
      case OPEN -> {
        Frame f = new Frame(mode());
        frames.push(f);
        enterBranch(f, keyword, rest);
      }
      case BRANCH -> {
        Frame f = frames.peek();
        if (f == null) {
          fatal = keyword + " without %if";
        } else if (!keyword.equals("%else")) {
          // %elif, %elifarch, %elifos test their condition as %if, %ifarch, %ifos do
          enterBranch(f, "%" + keyword.substring("%el".length()), rest);
        } else if (f.outer != Mode.ACTIVE) {
          f.mode = f.outer;
        } else if (f.taken) {
          f.mode = Mode.INACTIVE;
        } else {
          f.mode = f.uncertainEarlier ? Mode.UNCERTAIN : Mode.ACTIVE;
          f.taken = !f.uncertainEarlier;
        }
      }
      case END -> {
        if (frames.poll() == null) {
          fatal = "%endif without %if";
        }
      }
    }
  }

  private void enterBranch(Frame f, String kind, String condition) {
    if (f.outer != Mode.ACTIVE) {
      f.mode = f.outer;
      return;
    }
    if (f.taken) {
      f.mode = Mode.INACTIVE;
      return;
    }
    Boolean truth;
    try {
      truth = evaluateCondition(kind, condition);
    } catch (Undetermined e) {
      truth = null;
    }
    if (truth == null) {
      f.mode = Mode.UNCERTAIN;
      f.uncertainEarlier = true;
    } else if (truth) {
      f.mode = f.uncertainEarlier ? Mode.UNCERTAIN : Mode.ACTIVE;
      f.taken = !f.uncertainEarlier;
    } else {
      f.mode = Mode.INACTIVE;
    }
  }

  private boolean evaluateCondition(String kind, String condition) throws Undetermined {
    String expanded = MacroExpander.expand(condition, macros);
    return switch (kind) {
      case "%if" -> ExpressionEvaluator.isTrue(expanded);
      case "%ifarch" -> listed(expanded, "x86_64");
      case "%ifnarch" -> !listed(expanded, "x86_64");
      case "%ifos" -> listed(expanded, "linux");
      case "%ifnos" -> !listed(expanded, "linux");
      default -> throw new Undetermined("unknown conditional " + kind);
    };
  }

  private static boolean listed(String list, String value) {
    for (String item : list.split("[\\s,]+")) {
      if (item.equals(value)) {
        return true;
      }
    }
    return false;
  }

  private void define(String rest, boolean global, Mode mode) {
    Matcher m = DEFINITION.matcher(rest);
    if (!m.matches()) {
      return;
    }
    String name = m.group(1);
    String options = m.group(2) == null ? null : m.group(3);
    String body = m.group(4) == null ? "" : m.group(4).strip();
    if (mode == Mode.UNCERTAIN) {
      macros.define(name, new MacroDefinition.Unknown("%" + name + " is defined under a condition that could not be decided"));
      return;
    }
    if (!global || options != null) {
      macros.define(name, new MacroDefinition.Body(body, options));
      return;
    }
    try {
      macros.define(name, MacroDefinition.Body.plain(MacroExpander.expand(body, macros).replace("%", "%%")));
    } catch (Undetermined e) {
      macros.define(name, new MacroDefinition.Unknown("%" + name + ": " + e.reason()));
    }
  }

  private void bcond(String keyword, String rest, Mode mode) {
    String[] parts = rest.split("\\s+", 2);
    String name = parts[0];
    if (name.isEmpty()) {
      return;
    }
    if (mode == Mode.UNCERTAIN) {
      macros.define("with_" + name, new MacroDefinition.Unknown("%bcond " + name + " under an undecided condition"));
      return;
    }
    boolean enabled;
    switch (keyword) {
      case "%bcond_with" -> enabled = macros.lookup("_with_" + name).isPresent();
      case "%bcond_without" -> enabled = macros.lookup("_without_" + name).isEmpty();
      default -> {
        try {
          String dflt = parts.length > 1 ? MacroExpander.expand(parts[1], macros) : "0";
          enabled = ExpressionEvaluator.isTrue(dflt);
        } catch (Undetermined e) {
          macros.define("with_" + name, new MacroDefinition.Unknown("%bcond " + name + ": " + e.reason()));
          return;
        }
        if (enabled && macros.lookup("_without_" + name).isPresent()) {
          enabled = false;
        } else if (!enabled && macros.lookup("_with_" + name).isPresent()) {
          enabled = true;
        }
      }
    }
    if (enabled) {
      macros.define("with_" + name, MacroDefinition.Body.plain("1"));
    }
  }

  private void include(String rest, int depth, Mode mode) {
    String path;
    try {
      path = MacroExpander.expand(rest, macros).strip();
    } catch (Undetermined e) {
      fatal = "cannot resolve %include " + rest + ": " + e.reason();
      return;
    }
    String relative = path.startsWith(SOURCE_DIR + "/") ? path.substring(SOURCE_DIR.length() + 1) : path;
    if (relative.startsWith("/")) {
      fatal = "%include of " + path + " (outside the package directory) needs a real rpm";
      return;
    }
    if (depth >= MAX_INCLUDE_DEPTH) {
      fatal = "%include nests too deeply";
      return;
    }
    Optional<String> content = includes.read(relative);
    if (content.isEmpty()) {
      fatal = "%include " + relative + ": file not found";
      return;
    }
    if (mode == Mode.UNCERTAIN) {
      Frame f = new Frame(Mode.UNCERTAIN);
      f.mode = Mode.UNCERTAIN;
      frames.push(f);
      process(SpecDocument.parse(content.get()), depth + 1);
      frames.remove(f);
    } else {
      process(SpecDocument.parse(content.get()), depth + 1);
    }
  }

  private SpecVersionProbe result() {
    if (fatal != null) {
      return SpecVersionProbe.unknown(fatal);
    }
    for (String required : REQUIRED) {
      if (!tags.containsKey(required)) {
        return SpecVersionProbe.unknown("no " + capitalize(required) + " tag (rpm cannot parse this spec)");
      }
    }
    String version;
    if (tags.get("version") instanceof Unknown u) {
      return SpecVersionProbe.unknown(u.reason());
    }
    version = ((Known) tags.get("version")).value();
    if (version.isEmpty() || !ALLOWED_VERSION.matcher(version).matches()) {
      return SpecVersionProbe.unknown("Version '" + version + "' is not a valid rpm version");
    }
    String epochVersion = version;
    TagValue epoch = tags.get("epoch");
    if (epoch instanceof Unknown u) {
      return SpecVersionProbe.unknown(u.reason());
    }
    if (epoch instanceof Known k) {
      if (!k.value().matches("[0-9]+")) {
        return SpecVersionProbe.unknown("Epoch '" + k.value() + "' is not a number");
      }
      epochVersion = Long.parseLong(k.value()) + ":" + version;
    }
    if (tags.get("release") instanceof Unknown u) {
      return new SpecVersionProbe(SpecVersion.of(epochVersion), "release flags unknown: " + u.reason());
    }
    Matcher flags = FLAGS.matcher(((Known) tags.get("release")).value());
    if (!flags.matches()) {
      return SpecVersionProbe.ok(SpecVersion.of(epochVersion));
    }
    String extraver = flags.group(1).isEmpty() ? null : flags.group(1);
    String snapinfo = flags.group(2).isEmpty() ? null : flags.group(2);
    boolean prerelease = flags.group(3).equals("1");
    int base = flags.group(4).isEmpty() ? 1 : Integer.parseInt(flags.group(4));
    return SpecVersionProbe.ok(new SpecVersion(epochVersion, extraver, snapinfo, prerelease, base));
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
