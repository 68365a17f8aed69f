package dev.rpmoverlay.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A section header line as azldev reads it: the trimmed line's first whitespace token, lower-cased,
 * is one of the known section keywords. The name keeps its case as written.
 *
 * @param name the keyword as written, e.g. {@code %files}
 * @param type the section type the keyword stands for
 * @param tokens all whitespace-separated tokens of the trimmed line, the keyword first
 */
public record SectionHeader(String name, SectionType type, List<String> tokens) {

  private static final Map<String, SectionType> TYPES = Map.ofEntries(
      Map.entry("%package", SectionType.PACKAGE),
      Map.entry("%prep", SectionType.SCRIPT),
      Map.entry("%conf", SectionType.SCRIPT),
      Map.entry("%build", SectionType.SCRIPT),
      Map.entry("%install", SectionType.SCRIPT),
      Map.entry("%check", SectionType.SCRIPT),
      Map.entry("%clean", SectionType.SCRIPT),
      Map.entry("%generate_buildrequires", SectionType.SCRIPT),
      Map.entry("%pre", SectionType.SCRIPT),
      Map.entry("%post", SectionType.SCRIPT),
      Map.entry("%preun", SectionType.SCRIPT),
      Map.entry("%postun", SectionType.SCRIPT),
      Map.entry("%pretrans", SectionType.SCRIPT),
      Map.entry("%posttrans", SectionType.SCRIPT),
      Map.entry("%preuntrans", SectionType.SCRIPT),
      Map.entry("%postuntrans", SectionType.SCRIPT),
      Map.entry("%verify", SectionType.SCRIPT),
      Map.entry("%triggerin", SectionType.SCRIPT),
      Map.entry("%triggerun", SectionType.SCRIPT),
      Map.entry("%triggerprein", SectionType.SCRIPT),
      Map.entry("%triggerpostun", SectionType.SCRIPT),
      Map.entry("%filetriggerin", SectionType.SCRIPT),
      Map.entry("%filetriggerun", SectionType.SCRIPT),
      Map.entry("%filetriggerpostun", SectionType.SCRIPT),
      Map.entry("%transfiletriggerin", SectionType.SCRIPT),
      Map.entry("%transfiletriggerun", SectionType.SCRIPT),
      Map.entry("%transfiletriggerpostun", SectionType.SCRIPT),
      Map.entry("%description", SectionType.DESCRIPTION),
      Map.entry("%files", SectionType.FILES),
      Map.entry("%changelog", SectionType.CHANGELOG),
      Map.entry("%patchlist", SectionType.SOURCE_LIST),
      Map.entry("%sourcelist", SectionType.SOURCE_LIST));

  /**
   * The keywords rpm's parser knows and azldev's table lacks (rpm's {@code partList}): rpm's
   * reading of a spec ({@link RpmLines}) uses {@link Keywords#RPM}.
   */
  private static final java.util.Set<String> RPM_ONLY = java.util.Set.of("%verifyscript", "%sepolicy");

  /** Which parser's keyword lists a reader follows: sections here, conditionals in {@link ConditionalDirective}. */
  public enum Keywords {
    /** azldev's table above (docs/azldev-compatibility.md §2.3): has {@code %verify}. */
    AZLDEV,
    /**
     * rpm's: azldev's without {@code %verify}, with {@code %verifyscript} and {@code %sepolicy},
     * and any word starting with {@code %trigger} or {@code %filetrigger} (rpm matches those by prefix);
     * lower case only.
     */
    RPM
  }

  /**
   * Whether {@code token} (the first word of a trimmed line, with its {@code %}) starts a section
   * for {@code keywords}; any case for {@link Keywords#AZLDEV}.
   */
  public static boolean isKeyword(String token, Keywords keywords) {
    if (keywords == Keywords.AZLDEV) {
      return token.startsWith("%") && keywordType(token, 0, token.length()) != null;
    }
    // compared as written: the %autorelease reader has always matched lower-case keywords only
    if (token.equals("%verify")) {
      return false;
    }
    return TYPES.containsKey(token) || RPM_ONLY.contains(token) || token.startsWith("%trigger") || token.startsWith("%filetrigger");
  }

  /** The longest keyword; a longer first token cannot be a header. */
  private static final int MAX_KEYWORD = "%transfiletriggerpostun".length();

  public SectionHeader {
    tokens = List.copyOf(tokens);
  }

  /**
   * Reads {@code text} as a header, or returns null. Lines with {@code #} at column 0 are never
   * headers; indented headers count.
   */
  public static SectionHeader parse(String text) {
    return parse(text, false);
  }

  static SectionHeader parse(String text, boolean latin1) {
    int end = text.length();
    int start = GoWhitespace.skipSpace(text, 0, end, latin1);
    if (start >= end || text.charAt(start) != '%') {
      return null;
    }
    int tokenEnd = GoWhitespace.skipNonSpace(text, start, end, latin1);
    SectionType type = keywordType(text, start, tokenEnd);
    if (type == null) {
      return null;
    }
    List<String> tokens = new ArrayList<>(4);
    int i = start;
    while (i < end) {
      int e = GoWhitespace.skipNonSpace(text, i, end, latin1);
      tokens.add(text.substring(i, e));
      i = GoWhitespace.skipSpace(text, e, end, latin1);
    }
    return new SectionHeader(tokens.get(0), type, tokens);
  }

  /** Keywords grouped by length, so a lookup compares in place instead of building a string. */
  private static final String[][] BY_LENGTH = byLength();

  private static String[][] byLength() {
    String[][] table = new String[MAX_KEYWORD + 1][];
    for (int len = 0; len <= MAX_KEYWORD; len++) {
      int length = len;
      table[len] = TYPES.keySet().stream().filter(k -> k.length() == length).sorted().toArray(String[]::new);
    }
    return table;
  }

  /** The section type of the keyword {@code text[start, end)} (any case), or null if it is not one. */
  static SectionType keywordType(String text, int start, int end) {
    int length = end - start;
    if (length > MAX_KEYWORD) {
      return null;
    }
    for (String keyword : BY_LENGTH[length]) {
      if (equalsLowerCased(text, start, keyword)) {
        return TYPES.get(keyword);
      }
    }
    return null;
  }

  /**
   * Whether {@code text} from {@code start}, lower-cased char by char as Go's
   * {@code strings.ToLower} does rune by rune, equals {@code lower}.
   */
  private static boolean equalsLowerCased(String text, int start, String lower) {
    for (int k = 0; k < lower.length(); k++) {
      if (Character.toLowerCase(text.charAt(start + k)) != lower.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** {@code text[start, end)} lower-cased char by char (see {@link #equalsLowerCased}). */
  static String lowerCase(String text, int start, int end) {
    char[] chars = new char[end - start];
    for (int k = 0; k < chars.length; k++) {
      chars[k] = Character.toLowerCase(text.charAt(start + k));
    }
    return new String(chars);
  }

  /** The package this header's section belongs to, by azldev HEAD's rules. */
  public PackageQualifier qualifier() {
    return qualifier(QualifierRules.HEAD);
  }

  /** The package this header's section belongs to, by the given azldev version's rules. */
  public PackageQualifier qualifier(QualifierRules rules) {
    if (type.isPackageless()) {
      return PackageQualifier.MAIN;
    }
    String absolute = null;
    String suffix = null;
    int i = 1;
    while (i < tokens.size()) {
      String token = tokens.get(i);
      if (!token.startsWith("-")) {
        if (suffix == null) {
          suffix = token;
        }
        i++;
      } else if (token.equals("-n")) {
        if (i + 1 < tokens.size()) {
          absolute = tokens.get(i + 1);
        }
        i += 2;
      } else if (rules == QualifierRules.HEAD && token.equals("--")) {
        break;
      } else if (takesArgument(token, rules)) {
        i += 2;
      } else {
        i++;
      }
    }
    if (absolute != null) {
      return new PackageQualifier(absolute, PackageForm.ABSOLUTE);
    }
    if (suffix != null) {
      return new PackageQualifier(suffix, PackageForm.SUFFIX);
    }
    return PackageQualifier.MAIN;
  }

  private static boolean takesArgument(String flag, QualifierRules rules) {
    return switch (flag) {
      case "-f", "-p" -> true;
      case "-l", "-P" -> rules == QualifierRules.HEAD;
      default -> false;
    };
  }
}
