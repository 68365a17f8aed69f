package dev.rpmoverlay.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import com.google.re2j.Pattern;

/**
 * A glob pattern with the semantics of Go's {@code bmatcuk/doublestar/v4}, which azldev uses for
 * {@code includes}, overlay file globs and {@code overlay-files}:
 *
 * <ul>
 *   <li>{@code *} any run of characters except {@code /}; {@code ?} one such character;
 *   <li>{@code [abc]}, {@code [a-z]}, {@code [^x]} / {@code [!x]} a character class (never {@code /});
 *   <li>{@code {a,b}} alternatives (may nest and contain other meta characters);
 *   <li>{@code **} as a whole path segment: zero or more directories ({@code a/**} also matches
 *       {@code a}); inside a segment ({@code a**b}) it behaves like {@code *};
 *   <li>dot files are matched like any other file.
 * </ul>
 *
 * Paths are {@code /}-separated and relative to the directory the pattern is evaluated in. {@link
 * #expand} lists matching regular files in doublestar's order: directories in pre-order with
 * children sorted by name, and within one directory the files sorted by name. A pattern with no
 * unescaped meta character is a literal path and is looked up directly, as doublestar's fast path
 * does. A backslash escapes only {@code * ? [ ] { } ,} and itself; before any other character it is
 * an ordinary character (so {@code run-vmblock\x2dfuse.mount} names exactly that file).
 *
 * <p>Matching runs on RE2/J, so it takes time linear in the path whatever the pattern: with a
 * backtracking engine {@code *a*a*a*a*a*a*a*a*a*a*a*b} against a 34-letter name took 35 s.
 * Patterns longer than {@link #MAX_LENGTH} or with braces nested deeper than {@link #MAX_BRACE_DEPTH}
 * are invalid (no path is that long; the translator recurses per brace level).
 */
public final class DoublestarGlob {

  /** Characters a backslash escapes; before any other character a backslash is literal. */
  private static final String ESCAPABLE = "*?[]{},\\";

  /** Longest pattern accepted: Linux's PATH_MAX; a longer pattern could match no path. */
  public static final int MAX_LENGTH = 4096;

  /** Deepest nesting of {@code {...}} accepted. */
  public static final int MAX_BRACE_DEPTH = 100;

  private final String pattern;
  private final Pattern regex;
  private final boolean literal;
  private final boolean recursive;
  private final int segments;

  private DoublestarGlob(String pattern, Pattern regex, boolean literal, boolean recursive, int segments) {
    this.pattern = pattern;
    this.regex = regex;
    this.literal = literal;
    this.recursive = recursive;
    this.segments = segments;
  }

  /**
   * Compiles a pattern.
   *
   * @throws InvalidGlobException if a {@code [} or {@code {} is unclosed, a class is empty, or
   *     the pattern ends in a lone backslash
   */
  public static DoublestarGlob compile(String pattern) {
    if (pattern.length() > MAX_LENGTH) {
      throw new InvalidGlobException(pattern.substring(0, 60) + "...", "longer than " + MAX_LENGTH + " characters (" + pattern.length() + ")");
    }
    Translator t = new Translator(pattern);
    String re = t.translate();
    Pattern regex;
    try {
      regex = Pattern.compile(re, Pattern.DOTALL);
    } catch (com.google.re2j.PatternSyntaxException e) {
      throw new InvalidGlobException(pattern, e.getDescription()); // e.g. a lone surrogate
    }
    return new DoublestarGlob(pattern, regex, !hasMeta(pattern), t.sawDoubleStar || t.sawSlashInBraces, t.segments);
  }

  /** Whether {@link #compile} would accept the pattern (doublestar's {@code ValidatePattern}). */
  public static boolean isValid(String pattern) {
    try {
      compile(pattern);
      return true;
    } catch (InvalidGlobException e) {
      return false;
    }
  }

  /** Whether the pattern has an unescaped {@code * ? [ {}. */
  public static boolean hasMeta(String pattern) {
    return indexOfMeta(pattern, "*?[{") >= 0;
  }

  /**
   * Whether the pattern has an unescaped {@code *}, {@code ?} or {@code [}: azldev treats an
   * include with none of these that matches nothing as an error, and any other as an empty glob.
   */
  public static boolean hasWildcard(String pattern) {
    return indexOfMeta(pattern, "*?[") >= 0;
  }

  private static int indexOfMeta(String pattern, String metas) {
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length() && ESCAPABLE.indexOf(pattern.charAt(i + 1)) >= 0) {
        i++;
      } else if (metas.indexOf(c) >= 0) {
        return i;
      }
    }
    return -1;
  }

  public String pattern() {
    return pattern;
  }

  /** Whether the pattern contains no meta characters (it names exactly one path). */
  public boolean isLiteral() {
    return literal;
  }

  /** Whether {@code path} ({@code /}-separated, relative) matches the whole pattern. */
  public boolean matches(String path) {
    return regex.matcher(path).matches();
  }

  /**
   * The regular files under {@code baseDir} that match (an absolute pattern ignores {@code
   * baseDir}), in doublestar order. Symbolic links are not followed into directories; a link
   * counts as a file when it points to a regular file. A missing base directory yields no matches.
   *
   * @throws IOException if a directory cannot be read
   */
  public List<Path> expand(Path baseDir) throws IOException {
    return expand(baseDir, LoadReads.NONE);
  }

  /** {@link #expand(Path)}, stamping each directory it lists and each path it checks into {@code reads}. */
  List<Path> expand(Path baseDir, LoadReads reads) throws IOException {
    if (literal) {
      Path p = baseDir.resolve(unescape(pattern));
      reads.checked(p, null);
      return Files.isRegularFile(p) ? List.of(p.normalize()) : List.of();
    }
    int split = splitIndex(pattern);
    Path root;
    if (split < 0) {
      root = baseDir;
    } else if (split == 0) {
      root = baseDir.toAbsolutePath().getRoot();
    } else {
      root = baseDir.resolve(unescape(pattern.substring(0, split)));
    }
    String rest = split < 0 ? pattern : pattern.substring(split + 1);
    reads.checked(root, null);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    DoublestarGlob relative = compile(rest);
    List<String> found = new ArrayList<>();
    int maxDepth = relative.recursive ? Integer.MAX_VALUE : relative.segments;
    walk(root, "", 1, maxDepth, relative, found, reads);
    found.sort(DOUBLESTAR_ORDER);
    List<Path> result = new ArrayList<>(found.size());
    for (String rel : found) {
      result.add(root.resolve(rel).normalize());
    }
    return result;
  }

  private static void walk(Path dir, String relDir, int depth, int maxDepth, DoublestarGlob glob, List<String> found, LoadReads reads)
      throws IOException {
    reads.listing(dir);
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(entries::add);
    }
    for (Path entry : entries) {
      String name = entry.getFileName().toString();
      String rel = relDir.isEmpty() ? name : relDir + "/" + name;
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        continue; // removed since the listing
      }
      if (a.isDirectory()) {
        if (depth < maxDepth) {
          walk(entry, rel, depth + 1, maxDepth, glob, found, reads);
        }
      } else if (a.isRegularFile() ? glob.matches(rel) : a.isSymbolicLink() && glob.matches(rel) && linkToFile(entry, reads)) {
        found.add(rel);
      }
    }
  }

  /** A link counts as a file when it leads to one; what it leads to can change unseen by any stamp. */
  private static boolean linkToFile(Path link, LoadReads reads) {
    reads.linkMatched(link);
    return Files.isRegularFile(link);
  }

  /** Directories in pre-order (segment by segment), then file names; all by code point. */
  private static final Comparator<String> DOUBLESTAR_ORDER =
      (a, b) -> {
        int sa = a.lastIndexOf('/');
        int sb = b.lastIndexOf('/');
        String da = sa < 0 ? "" : a.substring(0, sa);
        String db = sb < 0 ? "" : b.substring(0, sb);
        if (!da.equals(db)) {
          String[] pa = da.isEmpty() ? new String[0] : da.split("/");
          String[] pb = db.isEmpty() ? new String[0] : db.split("/");
          for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
            int c = pa[i].compareTo(pb[i]);
            if (c != 0) {
              return c;
            }
          }
          return Integer.compare(pa.length, pb.length);
        }
        return a.substring(sa + 1).compareTo(b.substring(sb + 1));
      };

  /** Index of the last {@code /} before the first unescaped meta character, or -1. */
  private static int splitIndex(String pattern) {
    int meta = indexOfMeta(pattern, "*?[{");
    int end = meta < 0 ? pattern.length() : meta;
    return pattern.lastIndexOf('/', end - 1);
  }

  private static String unescape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && ESCAPABLE.indexOf(s.charAt(i + 1)) >= 0) {
        c = s.charAt(++i);
      }
      sb.append(c);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return pattern;
  }

  /** Thrown for a malformed pattern; the message says what is wrong and where. */
  public static final class InvalidGlobException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidGlobException(String pattern, String problem) {
      super("invalid glob pattern \"" + pattern + "\": " + problem);
    }
  }

  /** Recursive-descent translation of a glob into an RE2 pattern. */
  private static final class Translator {
    private final String p;
    private int i;
    private boolean sawDoubleStar;
    private boolean sawSlashInBraces;
    private int segments = 1;

    Translator(String pattern) {
      this.p = pattern;
    }

    String translate() {
      StringBuilder out = new StringBuilder();
      sequence(out, 0);
      return out.toString();
    }

    /** Translates until end of input, or (inside braces) an unnested {@code ,} or {@code }}. */
    private void sequence(StringBuilder out, int braceDepth) {
      while (i < p.length()) {
        char c = p.charAt(i);
        if (braceDepth > 0 && (c == ',' || c == '}')) {
          return;
        }
        switch (c) {
          case '\\' -> {
            if (i + 1 >= p.length()) {
              throw new InvalidGlobException(p, "ends with an unescaped backslash");
            }
            char next = p.charAt(i + 1);
            if (ESCAPABLE.indexOf(next) >= 0) {
              out.append(literal(next));
              i += 2;
            } else {
              out.append(literal('\\'));
              i++;
            }
          }
          case '*' -> star(out, braceDepth);
          case '?' -> {
            out.append("[^/]");
            i++;
          }
          case '[' -> charClass(out);
          case '{' -> alternatives(out, braceDepth);
          case '/' -> {
            if (braceDepth > 0) {
              sawSlashInBraces = true;
            } else {
              segments++;
            }
            if (p.startsWith("**", i + 1) && i + 3 == p.length() && braceDepth == 0) {
              // "a/**" matches "a" and everything below it
              out.append("(?:/.*)?");
              sawDoubleStar = true;
              i += 3;
            } else {
              out.append('/');
              i++;
            }
          }
          default -> {
            int cp = p.codePointAt(i);
            out.append(literal(cp));
            i += Character.charCount(cp);
          }
        }
      }
    }

    private void star(StringBuilder out, int braceDepth) {
      boolean segmentStart = i == 0 || p.charAt(i - 1) == '/';
      if (p.startsWith("**", i) && segmentStart && braceDepth == 0) {
        if (i + 2 == p.length()) {
          out.append(".*");
          sawDoubleStar = true;
          i += 2;
          return;
        }
        if (p.charAt(i + 2) == '/') {
          out.append("(?:.*/)?");
          sawDoubleStar = true;
          i += 3;
          return;
        }
      }
      // a run of stars inside a segment is one star
      while (i < p.length() && p.charAt(i) == '*') {
        i++;
      }
      out.append("[^/]*");
    }

    private void charClass(StringBuilder out) {
      int start = i;
      i++;
      boolean negate = false;
      if (i < p.length() && (p.charAt(i) == '!' || p.charAt(i) == '^')) {
        negate = true;
        i++;
      }
      StringBuilder cls = new StringBuilder();
      int members = 0;
      while (true) {
        if (i >= p.length()) {
          throw new InvalidGlobException(p, "unclosed '[' at offset " + start);
        }
        char c = p.charAt(i);
        if (c == ']' && members > 0) {
          i++;
          break;
        }
        // as in Go's path.Match, a ']' right after the opening bracket is a member
        int lo = literalAt();
        int hi = lo;
        if (i + 1 < p.length() && p.charAt(i) == '-' && p.charAt(i + 1) != ']') {
          i++;
          hi = literalAt();
          if (hi < lo) {
            throw new InvalidGlobException(p, "character range " + Character.toString(lo) + "-" + Character.toString(hi) + " is reversed");
          }
        }
        range(cls, lo, hi, negate);
        members++;
      }
      if (members == 0) {
        throw new InvalidGlobException(p, "empty character class at offset " + start);
      }
      if (cls.isEmpty()) {
        out.append("[^\\x00-\\x{10FFFF}]"); // the class was only '/', which a glob class never matches
      } else {
        out.append(negate ? "[^/" + cls + "]" : "[" + cls + "]");
      }
    }

    /** Appends {@code lo-hi}; a positive class leaves out '/', which no glob class matches (RE2 has no look-ahead). */
    private static void range(StringBuilder cls, int lo, int hi, boolean negate) {
      if (!negate && lo <= '/' && '/' <= hi) {
        if (lo < '/') {
          range(cls, lo, '/' - 1, false);
        }
        if (hi > '/') {
          range(cls, '/' + 1, hi, false);
        }
        return;
      }
      cls.append(literal(lo));
      if (hi != lo) {
        cls.append('-').append(literal(hi));
      }
    }

    /** Reads one (possibly backslash-escaped) code point of a class. */
    private int literalAt() {
      if (p.charAt(i) == '\\') {
        if (i + 1 >= p.length()) {
          throw new InvalidGlobException(p, "ends with an unescaped backslash");
        }
        i++;
      }
      int c = p.codePointAt(i);
      i += Character.charCount(c);
      return c;
    }

    /** An RE2 literal for one code point: ASCII letters and digits as they are, the rest as {@code \x{...}}. */
    private static String literal(int c) {
      boolean plain = c < 128 && Character.isLetterOrDigit(c);
      return plain ? Character.toString(c) : "\\x{" + Integer.toHexString(c) + "}";
    }

    private void alternatives(StringBuilder out, int braceDepth) {
      int start = i;
      if (braceDepth >= MAX_BRACE_DEPTH) {
        throw new InvalidGlobException(p, "braces nested more than " + MAX_BRACE_DEPTH + " deep at offset " + start);
      }
      i++;
      out.append("(?:");
      while (true) {
        sequence(out, braceDepth + 1);
        if (i >= p.length()) {
          throw new InvalidGlobException(p, "unclosed '{' at offset " + start);
        }
        char c = p.charAt(i++);
        if (c == '}') {
          break;
        }
        out.append('|');
      }
      out.append(')');
    }
  }
}
