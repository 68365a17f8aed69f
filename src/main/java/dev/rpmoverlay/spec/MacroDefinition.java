package dev.rpmoverlay.spec;

/**
 * A {@code %define} or {@code %global} line with its body, which may span several physical lines
 * (backslash continuation, or an open {@code %{expand:...}}/{@code %{lua:...}} body).
 *
 * @param keyword {@code %define} or {@code %global}
 * @param name the macro name
 * @param options the parameter options between parentheses ({@code foo(a:b)} gives {@code a:b}),
 *     or {@code null} for a macro without parameters
 * @param body the body as written: the rest of the first line after the name, and each further
 *     physical line after a {@code \n} (continuation backslashes kept)
 * @param line index of the definition's first line
 * @param end index one past its last physical line
 */
public record MacroDefinition(String keyword, String name, String options, String body, int line, int end) {

  public boolean isGlobal() {
    return keyword.equals("%global");
  }
}
