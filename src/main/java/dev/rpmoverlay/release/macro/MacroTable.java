package dev.rpmoverlay.release.macro;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Macro definitions visible while a spec is read: a few system defaults, the spec's own
 * {@code %global}/{@code %define}s and the macros its preamble tags create. A child table holds
 * the arguments of one parametric call and falls back to its parent.
 */
public final class MacroTable {
  /** Marks a name undefined in this table even though a parent defines it. */
  private static final MacroDefinition UNDEFINED = new MacroDefinition.Unknown("undefined");

  private final MacroTable parent;
  private final Map<String, MacroDefinition> definitions = new HashMap<>();

  private MacroTable(MacroTable parent) {
    this.parent = parent;
  }

  /** An empty table with no system macros. */
  public static MacroTable empty() {
    return new MacroTable(null);
  }

  /**
   * The macros rpmautospec relies on when it asks rpm for a spec's version: {@code %autorelease}
   * prints its flags as {@code E<extraver>_S<snapinfo>_P<0|1>_B<base>}, {@code %autochangelog}
   * is empty, {@code %_sourcedir} points at the package directory. {@code %dist} stays undefined,
   * as on the host rpmautospec ran on for the conformance data.
   */
  public static MacroTable rpmautospecDefaults(String sourceDir) {
    return defaults(sourceDir).child();
  }

  private static MacroTable sharedDefaults;
  private static String sharedSourceDir;

  /** The defaults are the same for every spec: build them once, never change them (callers get a child). */
  private static synchronized MacroTable defaults(String sourceDir) {
    if (sharedDefaults == null || !sharedSourceDir.equals(sourceDir)) {
      sharedDefaults = buildDefaults(sourceDir);
      sharedSourceDir = sourceDir;
    }
    return sharedDefaults;
  }

  private static MacroTable buildDefaults(String sourceDir) {
    MacroTable table = empty();
    table.define(
        "autorelease",
        new MacroDefinition.Body("E%{?-e*}_S%{?-s*}_P%{?-p:1}%{!?-p:0}_B%{?-b*}", "e:s:pb:n"));
    table.define("autochangelog", MacroDefinition.Body.plain("%{nil}"));
    table.define("_sourcedir", MacroDefinition.Body.plain(sourceDir));
    table.define("_builddir", MacroDefinition.Body.plain(sourceDir));
    table.define("_arch", MacroDefinition.Body.plain("x86_64"));
    table.define("_target_cpu", MacroDefinition.Body.plain("x86_64"));
    table.define("_target_os", MacroDefinition.Body.plain("linux"));
    table.define("_host_cpu", MacroDefinition.Body.plain("x86_64"));
    table.define("_vendor", MacroDefinition.Body.plain("redhat"));
    table.define("_prefix", MacroDefinition.Body.plain("/usr"));
    table.define("_bindir", MacroDefinition.Body.plain("/usr/bin"));
    table.define("_datadir", MacroDefinition.Body.plain("/usr/share"));
    table.define("_libdir", MacroDefinition.Body.plain("/usr/lib64"));
    table.define("_sysconfdir", MacroDefinition.Body.plain("/etc"));
    for (String builtin : Builtins.NAMES) {
      table.define(builtin, new MacroDefinition.Builtin(builtin));
    }
    return table;
  }

  /** A table whose definitions shadow this one's, leaving this one unchanged. */
  public MacroTable child() {
    return new MacroTable(this);
  }

  public void define(String name, MacroDefinition definition) {
    definitions.put(name, definition);
  }

  /** {@code %undefine}: forget the innermost definition. */
  public void undefine(String name) {
    if (parent != null && parent.lookup(name).isPresent()) {
      definitions.put(name, UNDEFINED);
    } else {
      definitions.remove(name);
    }
  }

  public Optional<MacroDefinition> lookup(String name) {
    for (MacroTable t = this; t != null; t = t.parent) {
      MacroDefinition d = t.definitions.get(name);
      if (d == UNDEFINED) {
        return Optional.empty();
      }
      if (d != null) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
