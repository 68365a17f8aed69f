package dev.rpmoverlay.release.macro;

/** What a macro name stands for in a {@link MacroTable}. */
public sealed interface MacroDefinition {

  /**
   * A macro with a body. {@code options} is the getopt string of a parametric macro
   * ({@code %define name(ab:) body}), or null for a plain one.
   */
  record Body(String body, String options) implements MacroDefinition {
    public static Body plain(String body) {
      return new Body(body, null);
    }

    public boolean parametric() {
      return options != null;
    }
  }

  /** A built-in that computes its expansion from its argument ({@code %{lower:X}}). */
  record Builtin(String name) implements MacroDefinition {}

  /** A macro whose definition could not be evaluated; using it makes the result unknown. */
  record Unknown(String reason) implements MacroDefinition {}
}
