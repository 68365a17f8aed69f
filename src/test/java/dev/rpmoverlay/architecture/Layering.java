package dev.rpmoverlay.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The package layering of DESIGN.md §3 and docs/architecture.md, as ArchUnit rules over the
 * packages under a root package (so a test can also evaluate them against a small bad example):
 *
 * <pre>
 *   cli, bench
 *   render, review, scaffold, sources
 *   overlay, release, upstream
 *   spec, config
 *   concurrent
 * </pre>
 *
 * A package may use packages of its own tier and of lower tiers, never of a higher tier; the two
 * bottom packages do not use each other ({@code spec} knows nothing of TOML, {@code config} nothing
 * of specs). Packages within a tier may use each other as long as no cycle forms.
 *
 * <p>{@code bench} (the benchmark commands) sits beside {@code cli}: it builds on the command
 * line's base classes, and {@code cli} only registers its command group, so nothing below uses it.
 */
final class Layering {
  private static final String[] MIDDLE = {"overlay", "release", "upstream"};

  private Layering() {}

  /** Which package may use which; every product class must be in a layer. */
  static ArchRule layers(String root) {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("cli").definedBy(root + ".cli..")
        .layer("bench").definedBy(root + ".bench..")
        .layer("render").definedBy(root + ".render..")
        .layer("review").definedBy(root + ".review..")
        .layer("scaffold").definedBy(root + ".scaffold..")
        .layer("sources").definedBy(root + ".sources..")
        .layer("overlay").definedBy(root + ".overlay..")
        .layer("release").definedBy(root + ".release..")
        .layer("upstream").definedBy(root + ".upstream..")
        .layer("spec").definedBy(root + ".spec..")
        .layer("config").definedBy(root + ".config..")
        .layer("concurrent").definedBy(root + ".concurrent..")
        .whereLayer("cli").mayOnlyBeAccessedByLayers("bench")
        .whereLayer("bench").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("render").mayOnlyBeAccessedByLayers("cli", "bench", "review", "scaffold", "sources")
        .whereLayer("review").mayOnlyBeAccessedByLayers("cli", "bench", "render", "scaffold", "sources")
        .whereLayer("scaffold").mayOnlyBeAccessedByLayers("cli", "bench", "render", "review", "sources")
        .whereLayer("sources").mayOnlyBeAccessedByLayers("cli", "bench", "render", "review", "scaffold")
        .whereLayer("overlay").mayOnlyBeAccessedByLayers(upper("overlay"))
        .whereLayer("release").mayOnlyBeAccessedByLayers(upper("release"))
        .whereLayer("upstream").mayOnlyBeAccessedByLayers(upper("upstream"))
        .whereLayer("spec").mayOnlyBeAccessedByLayers("cli", "bench", "render", "review", "scaffold", "sources", "overlay", "release", "upstream")
        .whereLayer("config").mayOnlyBeAccessedByLayers("cli", "bench", "render", "review", "scaffold", "sources", "overlay", "release", "upstream")
        .whereLayer("concurrent").mayOnlyBeAccessedByLayers("cli", "bench", "render", "review", "scaffold", "sources", "overlay", "release",
            "upstream", "spec", "config")
        .ensureAllClassesAreContainedInArchitectureIgnoring(root + ".testing..")
        .because("dependencies point downwards only: cli -> render/review/scaffold/sources -> overlay/release/upstream -> spec/config -> concurrent");
  }

  /** The tiers above {@code middle}, and the other packages of its own tier. */
  private static String[] upper(String middle) {
    java.util.List<String> layers = new java.util.ArrayList<>(java.util.List.of("cli", "bench", "render", "review", "scaffold", "sources"));
    for (String m : MIDDLE) {
      if (!m.equals(middle)) {
        layers.add(m);
      }
    }
    return layers.toArray(String[]::new);
  }

  /**
   * No two top-level packages use each other, directly or through others. The one exception is
   * {@code cli}'s command tree registering the {@code bench} command group (bench builds on cli).
   */
  static ArchRule noCyclesBetweenPackages(String root) {
    return slices().matching(root + ".(*)..").should().beFreeOfCycles()
        .ignoreDependency(
            resideInAPackage(root + ".cli").and(simpleName("CommandTree")),
            resideInAPackage(root + ".bench").and(simpleName("BenchCommand")))
        .because("a cycle between packages makes the layering meaningless");
  }

  /** The spec and overlay models are pure text: no TOML, no git, no CLI. */
  static ArchRule specModelIsFreeOfTomlAndGit(String root) {
    return noClasses().that().resideInAnyPackage(root + ".spec..", root + ".overlay..")
        .should().dependOnClassesThat().resideInAnyPackage("org.tomlj..", "org.eclipse.jgit..", "picocli..")
        .because("spec knows nothing of TOML, and overlay edits a SpecDocument and a SourceTree without git (DESIGN.md §3)");
  }

  /** picocli is the command line's business. */
  static ArchRule onlyCliUsesPicocli(String root) {
    return noClasses().that().resideOutsideOfPackages(root + ".cli..", root + ".bench..")
        .and().resideInAPackage(root + "..")
        .should().dependOnClassesThat().resideInAPackage("picocli..")
        .because("the core works without the CLI (DESIGN.md §7)");
  }
}
