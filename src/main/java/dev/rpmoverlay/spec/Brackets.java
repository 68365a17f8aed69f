package dev.rpmoverlay.spec;

/** Matching of the brackets macro syntax nests: {@code %{...}}, {@code %(...)}, {@code %[...]}. */
public final class Brackets {
  private Brackets() {}

  /**
   * The index of the {@code close} that closes the {@code open} at {@code at} (nested pairs
   * counted, nothing escaped), or -1 when it is never closed.
   */
  public static int closing(String s, int at, char open, char close) {
    int depth = 0;
    for (int i = at; i < s.length(); i++) {
      if (s.charAt(i) == open) {
        depth++;
      } else if (s.charAt(i) == close && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
