package dev.rpmoverlay.release.macro;

/**
 * rpm's {@code %if} / {@code %[...]} expression language over already expanded text: integers,
 * {@code "strings"}, {@code v"versions"} (compared as plain strings here), parentheses, unary
 * {@code ! -}, {@code * / + -}, comparisons, {@code && ||} and {@code ?:}.
 */
public final class ExpressionEvaluator {

  /** A value of the expression language: an integer or a string. */
  public record Value(Long number, String string) {
    static Value of(long n) {
      return new Value(n, null);
    }

    static Value of(String s) {
      return new Value(null, s);
    }

    boolean truthy() {
      return number != null ? number != 0 : !string.isEmpty();
    }

    /** The value as {@code %[...]} prints it. */
    public String render() {
      return number != null ? Long.toString(number) : string;
    }
  }

  private final String text;
  private int pos;

  private ExpressionEvaluator(String text) {
    this.text = text;
  }

  public static Value evaluate(String expanded) throws Undetermined {
    ExpressionEvaluator e = new ExpressionEvaluator(expanded);
    Value v = e.ternary();
    e.skipSpace();
    if (e.pos != e.text.length()) {
      throw new Undetermined("cannot evaluate the expression: " + expanded.strip());
    }
    return v;
  }

  public static boolean isTrue(String expanded) throws Undetermined {
    return evaluate(expanded).truthy();
  }

  private Value ternary() throws Undetermined {
    Value cond = or();
    skipSpace();
    if (peek('?')) {
      pos++;
      Value yes = ternary();
      skipSpace();
      expect(':');
      Value no = ternary();
      return cond.truthy() ? yes : no;
    }
    return cond;
  }

  private Value or() throws Undetermined {
    Value left = and();
    while (true) {
      skipSpace();
      if (!text.startsWith("||", pos)) {
        return left;
      }
      pos += 2;
      Value right = and();
      left = Value.of(left.truthy() || right.truthy() ? 1 : 0);
    }
  }

  private Value and() throws Undetermined {
    Value left = comparison();
    while (true) {
      skipSpace();
      if (!text.startsWith("&&", pos)) {
        return left;
      }
      pos += 2;
      Value right = comparison();
      left = Value.of(left.truthy() && right.truthy() ? 1 : 0);
    }
  }

  private Value comparison() throws Undetermined {
    Value left = additive();
    while (true) {
      skipSpace();
      String op = null;
      for (String candidate : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
        if (text.startsWith(candidate, pos)) {
          op = candidate;
          break;
        }
      }
      if (op == null) {
        return left;
      }
      pos += op.length();
      Value right = additive();
      int cmp = compare(left, right);
      boolean result =
          switch (op) {
            case "==" -> cmp == 0;
            case "!=" -> cmp != 0;
            case "<=" -> cmp <= 0;
            case ">=" -> cmp >= 0;
            case "<" -> cmp < 0;
            default -> cmp > 0;
          };
      left = Value.of(result ? 1 : 0);
    }
  }

  private static int compare(Value a, Value b) throws Undetermined {
    if (a.number() != null && b.number() != null) {
      return Long.compare(a.number(), b.number());
    }
    if (a.string() != null && b.string() != null) {
      return a.string().compareTo(b.string());
    }
    throw new Undetermined("types of an expression's operands differ");
  }

  private Value additive() throws Undetermined {
    Value left = multiplicative();
    while (true) {
      skipSpace();
      if (!peek('+') && !peek('-')) {
        return left;
      }
      char op = text.charAt(pos++);
      Value right = multiplicative();
      if (op == '+' && left.string() != null && right.string() != null) {
        left = Value.of(left.string() + right.string());
      } else {
        left = Value.of(op == '+' ? num(left) + num(right) : num(left) - num(right));
      }
    }
  }

  private Value multiplicative() throws Undetermined {
    Value left = unary();
    while (true) {
      skipSpace();
      if (!peek('*') && !peek('/')) {
        return left;
      }
      char op = text.charAt(pos++);
      long r = num(unary());
      if (op == '/' && r == 0) {
        throw new Undetermined("division by zero in an expression");
      }
      left = Value.of(op == '*' ? num(left) * r : num(left) / r);
    }
  }

  private Value unary() throws Undetermined {
    skipSpace();
    if (peek('!')) {
      pos++;
      return Value.of(unary().truthy() ? 0 : 1);
    }
    if (peek('-')) {
      pos++;
      return Value.of(-num(unary()));
    }
    return primary();
  }

  private Value primary() throws Undetermined {
    skipSpace();
    if (pos >= text.length()) {
      throw new Undetermined("expression ends early: " + text.strip());
    }
    char c = text.charAt(pos);
    if (c == '(') {
      pos++;
      Value v = ternary();
      skipSpace();
      expect(')');
      return v;
    }
    if (c == '"' || (c == 'v' && pos + 1 < text.length() && text.charAt(pos + 1) == '"')) {
      if (c == 'v') {
        pos++;
      }
      int end = text.indexOf('"', pos + 1);
      if (end < 0) {
        throw new Undetermined("unterminated string in expression: " + text.strip());
      }
      String s = text.substring(pos + 1, end);
      pos = end + 1;
      return Value.of(s);
    }
    if (Character.isDigit(c)) {
      int start = pos;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
      try {
        return Value.of(Long.parseLong(text.substring(start, pos)));
      } catch (NumberFormatException e) {
        throw new Undetermined("number too large in expression: " + text.strip());
      }
    }
    throw new Undetermined("cannot evaluate the expression: " + text.strip());
  }

  private static long num(Value v) throws Undetermined {
    if (v.number() == null) {
      throw new Undetermined("arithmetic on a string in an expression");
    }
    return v.number();
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void expect(char c) throws Undetermined {
    if (!peek(c)) {
      throw new Undetermined("expected '" + c + "' in expression: " + text.strip());
    }
    pos++;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }
}
