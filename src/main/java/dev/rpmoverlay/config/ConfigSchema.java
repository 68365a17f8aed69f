package dev.rpmoverlay.config;

import dev.rpmoverlay.config.SchemaNode.ArrayOf;
import dev.rpmoverlay.config.SchemaNode.Bool;
import dev.rpmoverlay.config.SchemaNode.MapOf;
import dev.rpmoverlay.config.SchemaNode.Obj;
import dev.rpmoverlay.config.SchemaNode.Opaque;
import dev.rpmoverlay.config.SchemaNode.Str;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every key rpmoverlay accepts in a project file, with its type and meaning: azldev's schema
 * (docs/azldev-compatibility.md §1). Sections that do not influence rendering ({@code images},
 * {@code package-groups}, {@code tools}, ...) are accepted as opaque tables.
 */
public final class ConfigSchema {
  private ConfigSchema() {}

  public static final List<String> METADATA_CATEGORIES =
      List.of(
          "upstream-backport", "azl-pruning", "azl-compatibility", "azl-temp-workaround", "azl-branding-policy",
          "azl-disable-flaky-tests", "azl-disable-unsupported-tests", "azl-security-compliance",
          "azl-release-management", "azl-platform-adaptation");

  public static final List<String> UPSTREAM_STATUSES =
      List.of("upstreamed", "upstreamable", "needs-upstream-hook", "inapplicable", "unknown");

  public static final SchemaNode METADATA =
      obj(
          "Review metadata (documentation only; never changes output).",
          f("category", str("Why the change exists.", METADATA_CATEGORIES)),
          f("upstream-status", str("Whether the change went (or can go) upstream.", UPSTREAM_STATUSES)),
          f("commits", new ArrayOf("Upstream commits (http/https URLs).", obj("A commit.", f("url", str("http(s) URL."))))),
          f("bugs", new ArrayOf("Related bugs (http/https URLs).", obj("A bug.", f("url", str("http(s) URL."))))),
          f("expires", str("rpmoverlay: date (\"YYYY-MM-DD\") after which a temporary change needs a decision; 'lint' reports it once passed.")));

  public static final SchemaNode OVERLAY =
      obj(
          "One overlay: an edit applied to the spec or to the component's files, in declaration order.",
          f("type", str("The overlay type.", OverlayType.names())),
          f("description", str("Why the overlay exists; shown in errors and reviews.")),
          f("file", str("Non-spec file (a doublestar glob for most file-* types; a literal path for file-add; patch-add: destination name).")),
          f("section", str("Spec section as written, e.g. %build, %files.")),
          f("package", str("Sub-package name as written in the section header (suffix or -n name).")),
          f("tag", str("Spec tag name, e.g. BuildRequires, Source9999.")),
          f("value", str("Tag value (remove-tag: only lines with this exact value).")),
          f("regex", str("RE2 regular expression (no look-around, no backreferences).")),
          f("replacement", str("Literal replacement text (file-rename: the new base name).")),
          f("lines", new ArrayOf("Lines of text to insert.", str("One line."))),
          f("source", str("Path of a project file to copy, relative to the declaring file.")),
          f("archive", str("Archive (a source file) inside which file-remove / file-search-replace operate.")),
          f("metadata", METADATA));

  static final SchemaNode DISTRO_REF =
      obj(
          "A reference to a distro version.",
          f("name", str("Distro name, a key of [distros].")),
          f("version", str("Version name (default: the distro's default-version).")),
          f("snapshot", str("RFC 3339 time: use the last upstream commit before it (distro and group defaults only).")));

  public static final SchemaNode COMPONENT =
      obj(
          "A component's configuration (also the shape of every default-component-config).",
          f(
              "spec",
              obj(
                  "Where the spec comes from.",
                  f("type", str("upstream (dist-git) or local (a spec dir in the project).", List.of("upstream", "local"))),
                  f("path", str("Local spec directory, relative to the declaring file (type = local only).")),
                  f("upstream-distro", DISTRO_REF),
                  f("upstream-name", str("Dist-git package name when it differs from the component name.")),
                  f("upstream-commit", str("Pinned dist-git commit (7 to 40 hex digits).")))),
          f("release", obj("Release handling.", f("calculation", str("How the Release tag is produced (default auto).", List.of("auto", "autorelease", "static", "manual"))))),
          f("overlays", new ArrayOf("Overlays applied in order after inherited ones.", OVERLAY)),
          f("overlay-files", new ArrayOf("Globs of overlay files ([metadata] + [[overlays]]); replaces inherited patterns.", str("A doublestar glob."))),
          f(
              "build",
              obj(
                  "Build conditionals and macros (written to <name>.azl.macros).",
                  f("with", new ArrayOf("Enable --with options (%_with_<x> 1).", str("Option name."))),
                  f("without", new ArrayOf("Enable --without options (%_without_<x> 1).", str("Option name."))),
                  f("defines", new MapOf("Macro definitions (%name value).", str("Macro value."))),
                  f("undefines", new ArrayOf("Names removed from the generated macros.", str("Macro name."))),
                  f("emit-upstream-provenance", new Bool("Add %fedora_upstream_version / %fedora_upstream_release.")),
                  f(
                      "check",
                      obj(
                          "%check handling.",
                          f("skip", new Bool("Disable %check (an 'exit 0' is prepended).")),
                          f("skip_reason", str("Why; required when skip = true (note the underscore).")))),
                  f(
                      "failure",
                      obj(
                          "Expected build failure (CI metadata).",
                          f("expected", new Bool("The build is expected to fail.")),
                          f("expected-reason", str("Why; required when expected = true.")))),
                  f("hints", obj("Scheduling hints.", f("expensive", new Bool("The build is expensive.")))))),
          f("render", obj("Rendering options.", f("skip-file-filter", new Bool("Keep every fetched file, referenced or not.")))),
          f(
              "source-files",
              new ArrayOf(
                  "Extra source files, added to the 'sources' file.",
                  obj(
                      "One source file.",
                      f("filename", str("File name (no directories), unique within the component.")),
                      f("hash", str("Hex digest.")),
                      f("hash-type", str("Digest algorithm.", List.of("SHA256", "SHA512"))),
                      f(
                          "origin",
                          obj(
                              "Where the file comes from.",
                              f("type", str("Origin type.", List.of("download", "custom", "overlay"))),
                              f("uri", str("Download URI (type = download).")),
                              f("script", str("Generator script (type = custom).")),
                              f("mock-packages", new ArrayOf("Packages the script needs.", str("Package."))),
                              f("inputs", new ArrayOf("Script inputs.", str("File name."))))),
                      f("replace-upstream", new Bool("Replace the upstream 'sources' entry of the same name.")),
                      f("replace-reason", str("Why; required with replace-upstream."))))),
          f("packages", new MapOf("Per-binary-package settings (publish channels; not used by render).", new Opaque("Package settings."))),
          f("publish", new Opaque("Publish channels (not used by render).")),
          f("tests", new Opaque("Test references (not used by render).")));

  static final SchemaNode PROJECT =
      obj(
          "Project settings; directories are relative to the declaring file.",
          f("description", str("Free text.")),
          f("log-dir", str("Log directory (default build/logs).")),
          f("work-dir", str("Scratch directory (default build/work).")),
          f("output-dir", str("Build output directory (default out).")),
          f("rendered-specs-dir", str("Where rendered specs go (default specs).")),
          f("lock-dir", str("Lock files (default locks).")),
          f("upstream-cache-dir", str("rpmoverlay: the committed upstream cache (default upstream-cache).")),
          f("upstream-limits", new Opaque("rpmoverlay: bounds on one component's upstream tree, checked by fetch, update and"
              + " render: max-files (default 20000), max-file-size-mib (64), max-entry-size-mib (512).")),
          f("default-distro", DISTRO_REF),
          f("default-author-email", str("Author e-mail of synthetic changelog entries.")));

  static final SchemaNode DISTRO_VERSION =
      obj(
          "One version of a distro.",
          f("description", str("Free text.")),
          f("release-ver", str("$releasever for repos.")),
          f("dist-git-branch", str("Dist-git branch, e.g. f43.")),
          f("default-component-config", COMPONENT),
          f("mock-config", str("Mock config path.")),
          f("mock-config-x86_64", str("Mock config path for x86_64 hosts.")),
          f("mock-config-aarch64", str("Mock config path for aarch64 hosts.")),
          f("inputs", new Opaque("Build inputs (not used by render).")));

  static final SchemaNode DISTRO =
      obj(
          "A distro: where its packages' dist-git and lookaside live, and its versions.",
          f("description", str("Free text.")),
          f("default-version", str("Version used when a reference has none.")),
          f("dist-git-base-uri", str("Dist-git URI template; $pkg = upstream name.")),
          f("lookaside-base-uri", str("Lookaside URI template: $pkg, $filename, $hashtype, $hash.")),
          f("repos", new ArrayOf("RPM repositories.", obj("A repository.", f("base-uri", str("Base URI; $releasever is substituted."))))),
          f("disable-origins", new Bool("Never download source-files from their origin, only from lookaside.")),
          f("versions", new MapOf("Versions by name.", DISTRO_VERSION)));

  static final SchemaNode GROUP =
      obj(
          "A named set of components sharing defaults.",
          f("description", str("Free text.")),
          f("components", new ArrayOf("Member component names.", str("Component name."))),
          f("specs", new ArrayOf("Globs of local specs that define member components.", str("Glob."))),
          f("excluded-paths", new ArrayOf("Globs excluded from 'specs'.", str("Glob."))),
          f("metadata", METADATA),
          f("default-component-config", COMPONENT));

  /** The whole file. */
  public static final SchemaNode FILE =
      obj(
          "An rpmoverlay / azldev project configuration file.",
          f("$schema", str("JSON Schema URI for editors (ignored).")),
          f("includes", new ArrayOf("Globs of more config files, relative to this file.", str("A doublestar glob."))),
          f("project", PROJECT),
          f("distros", new MapOf("Distros by name.", DISTRO)),
          f("component-groups", new MapOf("Component groups by name.", GROUP)),
          f("components", new MapOf("Components by name.", COMPONENT)),
          f("default-component-config", COMPONENT),
          f("default-package-config", new Opaque("Publish defaults (not used by render).")),
          f("package-groups", new MapOf("Package groups (not used by render).", new Opaque("A package group."))),
          f("images", new MapOf("Images (not used by render).", new Opaque("An image."))),
          f("tools", new Opaque("Tool settings (not used by render).")),
          f("resources", new Opaque("Reusable resources (not used by render).")),
          f("test-suites", new MapOf("Test suites (not used by render).", new Opaque("A test suite."))),
          f("tests", new MapOf("Tests (not used by render).", new Opaque("A test."))),
          f("test-groups", new MapOf("Test groups (not used by render).", new Opaque("A test group."))));

  /** An {@code overlay-files} file: file-level metadata copied onto each of its overlays. */
  public static final SchemaNode OVERLAY_FILE =
      obj(
          "An overlay file: [metadata] plus [[overlays]].",
          f("metadata", METADATA),
          f("overlays", new ArrayOf("The overlays (at least one); per-overlay metadata is not allowed here.", OVERLAY)));

  private record Field(String name, SchemaNode node) {}

  private static Field f(String name, SchemaNode node) {
    return new Field(name, node);
  }

  private static Obj obj(String description, Field... fields) {
    Map<String, SchemaNode> map = new LinkedHashMap<>();
    for (Field field : fields) {
      map.put(field.name(), field.node());
    }
    return new Obj(description, java.util.Collections.unmodifiableMap(map));
  }

  private static Str str(String description) {
    return new Str(description, List.of());
  }

  private static Str str(String description, List<String> allowed) {
    return new Str(description, allowed);
  }
}
