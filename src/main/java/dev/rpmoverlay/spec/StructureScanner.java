package dev.rpmoverlay.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One linear pass over the lines that classifies each one by azldev's rules and collects sections,
 * tags, macro definitions and the conditional structure. Unlike azldev it skips the later lines
 * of a {@code %define}/{@code %global} and of an <code>%{expand:...}</code>/<code>%{lua:...}</code>
 * body that starts a line: RPM reads those as one logical line (see {@link LogicalLines}), so text
 * in them that looks like a header, tag or conditional is macro body, not spec structure.
 */
final class StructureScanner {
  private static final LineKind[] KINDS = LineKind.values();
  /** Flag in a line's kind byte: a logical-line read that started on an earlier line went through it. */
  static final byte READ = 0x40;
  /** Longer than any keyword the scanner looks for ({@code %transfiletriggerpostun}). */
  private static final int MAX_KEYWORD = 23;

  private final List<SpecLine> lines;
  private final boolean latin1;
  private final QualifierRules rules;
  /** Whether later lines of macro bodies are skipped (false: every line classified as azldev does). */
  private final boolean opaqueBodies;
  private final TagRules tagRules;
  private final byte[] kinds;
  private final List<Section> sections = new ArrayList<>();
  private final List<TagLine> tags = new ArrayList<>();
  private final List<MacroDefinition> macros = new ArrayList<>();
  private final List<IncludeDirective> includes = new ArrayList<>();
  private final ConditionalsBuilder conditionals;

  private SectionHeader currentHeader;
  private PackageQualifier currentPackage = PackageQualifier.MAIN;
  private int currentHeaderLine = -1;
  private final LogicalLines logicalLines;
  /** Whether a logical-line read ran into the end still open: a line appended would be read too. */
  private boolean readToEnd;
  /** End of the definition or expand/lua body that the line being classified starts. */
  private int opaqueEnd;

  private StructureScanner(List<SpecLine> lines, boolean latin1, QualifierRules rules, boolean opaqueBodies, TagRules tagRules) {
    this.lines = lines;
    this.opaqueBodies = opaqueBodies;
    this.tagRules = tagRules;
    this.rules = rules;
    this.latin1 = latin1;
    this.kinds = new byte[lines.size()];
    this.conditionals = new ConditionalsBuilder();
    this.logicalLines = new LogicalLines(lines);
  }

  static SpecStructure scan(
      List<SpecLine> lines, SpecEncoding encoding, QualifierRules rules, boolean opaqueBodies, TagRules tagRules) {
    return new StructureScanner(lines, encoding == SpecEncoding.ISO_8859_1, rules, opaqueBodies, tagRules).run();
  }

  private SpecStructure run() {
    int n = lines.size();
    int i = 0;
    while (i < n) {
      LineKind kind = classify(i);
      kinds[i] |= (byte) kind.ordinal();
      int end = opaqueBodies && opaqueEnd > i ? opaqueEnd : i + 1;
      for (int k = i + 1; k < end; k++) {
        kinds[k] |= (byte) LineKind.CONTINUATION.ordinal();
      }
      i = end;
    }
    closeSection(n);
    if (logicalLines.exhausted()) {
      // later reads stopped counting brackets, which more lines could change: no insert is safe
      for (int k = 0; k < n; k++) {
        kinds[k] |= READ;
      }
    }
    return new SpecStructure(
        n, sections, SectionTags.of(tags, sections.size()), macros, includes, conditionals.build(), kinds, readToEnd || logicalLines.exhausted());
  }

  /**
   * {@link LogicalLines#end}, marking the later lines it read with {@link #READ}: lines inserted
   * before one of them would have been read too ({@link StructureInsert}).
   */
  private int logicalEnd(int i) {
    int end = logicalLines.end(i);
    for (int k = i + 1; k < logicalLines.readEnd(); k++) {
      kinds[k] |= READ;
    }
    readToEnd |= logicalLines.openAtEnd();
    return end;
  }

  static LineKind kind(byte[] kinds, int line) {
    return KINDS[kinds[line] & ~READ];
  }

  /**
   * Classifies line {@code i}. When it starts a macro definition or an expand/lua body, sets
   * {@link #opaqueEnd} to the end of that logical line: its later lines are body text.
   */
  private LineKind classify(int i) {
    String text = lines.get(i).text();
    int len = text.length();
    if (len > 0 && text.charAt(0) == '#') {
      return LineKind.COMMENT;
    }
    int start = GoWhitespace.skipSpace(text, 0, len, latin1);
    if (start + 1 < len && text.charAt(start) == '%') {
      char second = text.charAt(start + 1);
      if (second == '{') {
        if (text.startsWith("%{expand:", start) || text.startsWith("%{lua:", start)) {
          opaqueEnd = logicalEnd(i);
        }
      } else if ((second | 0x20) >= 'a' && (second | 0x20) <= 'z') {
        // Every keyword is short: a longer first token (a path in %files) needs no lookup.
        int limit = Math.min(len, start + MAX_KEYWORD + 1);
        int tokenEnd = GoWhitespace.skipNonSpace(text, start, limit, latin1);
        if (tokenEnd < limit || limit == len) {
          LineKind kind = keywordLine(i, text, start, tokenEnd);
          if (kind != null) {
            return kind;
          }
        }
      }
    }
    if (currentHeader == null || currentHeader.type() == SectionType.PACKAGE) {
      if (tag(i, text, start)) {
        return LineKind.TAG;
      }
    }
    return LineKind.OTHER;
  }

  /** Handles a line whose first token {@code text[start, tokenEnd)} may be a keyword. */
  private LineKind keywordLine(int i, String text, int start, int tokenEnd) {
    SectionType type = SectionHeader.keywordType(text, start, tokenEnd);
    if (type != null) {
      closeSection(i);
      currentHeader = SectionHeader.parse(text, latin1);
      currentPackage = currentHeader.qualifier(rules);
      currentHeaderLine = i;
      return LineKind.HEADER;
    }
    if (conditionals.directive(text, start, tokenEnd, i)) {
      return LineKind.CONDITIONAL;
    }
    if (isDefineKeyword(text, start, tokenEnd) && macroDefinition(i, text, tokenEnd)) {
      return LineKind.MACRO_DEFINITION;
    }
    if (tagRules == TagRules.RPM && tokenEnd - start == 8 && text.startsWith("%include", start)) {
      int from = GoWhitespace.skipSpace(text, tokenEnd, text.length(), latin1);
      int to = GoWhitespace.skipNonSpace(text, from, text.length(), latin1);
      if (to > from) {
        includes.add(new IncludeDirective(i, text.substring(from, to)));
      }
    }
    return null;
  }

  private void closeSection(int end) {
    sections.add(new Section(sections.size(), currentHeader, currentPackage, currentHeaderLine, end));
  }

  /**
   * Whether the line is a tag by {@link #tagRules}: azldev's regex {@code ^\s*([^\s:]+):\s*(.*?)\s*$}
   * on the Go-trimmed line, and under {@link TagRules#RPM} first rpm's shapes.
   */
  private boolean tag(int i, String text, int start) {
    int end = GoWhitespace.trimEnd(text, start, text.length(), latin1);
    if (tagRules == TagRules.RPM && (wrappedTag(i, text, start, end) || rpmTag(i, text, start, end))) {
      return true;
    }
    int p = start;
    while (p < end) {
      char c = text.charAt(p);
      if (c == ':' || GoWhitespace.isRegexSpace(c)) {
        break;
      }
      p++;
    }
    if (p == start || p >= end || text.charAt(p) != ':') {
      return false;
    }
    return addTag(i, text, start, p, end);
  }

  /** rpm's {@code findPreambleTag} shape in {@code text[start, end)}: ASCII letters, blanks, digits, blanks, colon. */
  private boolean rpmTag(int i, String text, int start, int end) {
    int p = start;
    while (p < end && ((text.charAt(p) | 0x20) >= 'a' && (text.charAt(p) | 0x20) <= 'z')) {
      p++;
    }
    if (p == start) {
      return false;
    }
    p = skipRegexSpace(text, p, end);
    while (p < end && text.charAt(p) >= '0' && text.charAt(p) <= '9') {
      p++;
    }
    p = skipRegexSpace(text, p, end);
    return p < end && text.charAt(p) == ':' && addTag(i, text, start, p, end);
  }

  /** A tag that a line-spanning <code>%{?x:...}</code> or <code>%{!?x:...}</code> at {@code start} wraps. */
  private boolean wrappedTag(int i, String text, int start, int end) {
    if (!text.startsWith("%{?", start) && !text.startsWith("%{!?", start)) {
      return false;
    }
    int close = end - 1;
    if (text.charAt(close) != '}' || Brackets.closing(text, start + 1, '{', '}') != close) {
      return false;
    }
    int colon = text.indexOf(':', start);
    if (colon < 0 || colon > close) {
      return false;
    }
    int inner = skipRegexSpace(text, colon + 1, close);
    return rpmTag(i, text, inner, GoWhitespace.trimEnd(text, inner, close, latin1));
  }

  /** Records the tag {@code text[start, colon)} with its value up to {@code end}. */
  private boolean addTag(int i, String text, int start, int colon, int end) {
    int valueStart = skipRegexSpace(text, colon + 1, end);
    if (text.indexOf('\n', valueStart) >= 0 && text.indexOf('\n', valueStart) < end) {
      return false; // RE2's '.' does not cross a newline an edit may have put into the text
    }
    tags.add(new TagLine(
        i,
        sections.size(),
        currentPackage.name(),
        text.substring(0, start),
        text.substring(start, colon),
        text.substring(colon + 1, valueStart),
        text.substring(valueStart, end),
        text.substring(end)));
    return true;
  }

  private static int skipRegexSpace(String text, int from, int end) {
    int p = from;
    while (p < end && GoWhitespace.isRegexSpace(text.charAt(p))) {
      p++;
    }
    return p;
  }

  private static boolean isDefineKeyword(String text, int start, int end) {
    return end - start == 7 && (text.startsWith("%define", start) || text.startsWith("%global", start));
  }

  private boolean macroDefinition(int i, String text, int keywordEnd) {
    int len = text.length();
    int nameStart = skipBlanks(text, keywordEnd);
    int nameEnd = nameStart;
    while (nameEnd < len && !Character.isWhitespace(text.charAt(nameEnd)) && text.charAt(nameEnd) != '(') {
      nameEnd++;
    }
    if (nameEnd == nameStart) {
      return false;
    }
    String options = null;
    int afterName = nameEnd;
    if (nameEnd < len && text.charAt(nameEnd) == '(') {
      int close = text.indexOf(')', nameEnd);
      options = text.substring(nameEnd + 1, close < 0 ? len : close);
      afterName = close < 0 ? len : close + 1;
    }
    int end = logicalEnd(i);
    opaqueEnd = end;
    StringBuilder body = new StringBuilder(text.substring(skipBlanks(text, afterName)));
    for (int k = i + 1; k < end; k++) {
      body.append('\n').append(lines.get(k).text());
    }
    macros.add(new MacroDefinition(
        text.substring(keywordStart(text, keywordEnd), keywordEnd),
        text.substring(nameStart, nameEnd),
        options,
        body.toString(),
        i,
        end));
    return true;
  }

  private static int keywordStart(String text, int keywordEnd) {
    return keywordEnd - 7;
  }

  private static int skipBlanks(String text, int from) {
    int i = from;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** Builds blocks with a stack. */
  private static final class ConditionalsBuilder {
    private final List<Block> blocks = new ArrayList<>();
    private final List<ConditionalProblem> problems = new ArrayList<>();
    private int[] stack = new int[8];
    private int depth;

    private int top() {
      return depth == 0 ? -1 : stack[depth - 1];
    }

    /** Handles {@code text[start, end)} if it is a conditional directive. */
    boolean directive(String text, int start, int end, int line) {
      int length = end - start;
      char second = Character.toLowerCase(text.charAt(start + 1));
      if (length < 3 || length > 10 || (second != 'e' && second != 'i')) {
        return false;
      }
      String keyword = SectionHeader.lowerCase(text, start, end);
      ConditionalDirective directive = ConditionalDirective.of(keyword);
      if (directive == null) {
        return false;
      }
      switch (directive) {
        case OPEN -> {
          Block b = new Block(blocks.size(), text.substring(start, end), line, top(), depth);
          blocks.add(b);
          if (depth == stack.length) {
            stack = Arrays.copyOf(stack, depth * 2);
          }
          stack[depth++] = b.index;
        }
        case BRANCH -> {
          if (depth == 0) {
            problems.add(new ConditionalProblem(ConditionalProblem.Kind.BRANCH_OUTSIDE_IF, line));
          } else {
            Block b = blocks.get(top());
            if (b.sawElse) {
              problems.add(new ConditionalProblem(ConditionalProblem.Kind.BRANCH_AFTER_ELSE, line));
            }
            b.sawElse |= keyword.equals("%else");
            b.branches.add(line);
          }
        }
        case END -> {
          if (depth == 0) {
            problems.add(new ConditionalProblem(ConditionalProblem.Kind.UNMATCHED_ENDIF, line));
          } else {
            blocks.get(stack[--depth]).endLine = line;
          }
        }
      }
      return true;
    }

    Conditionals build() {
      for (int d = 0; d < depth; d++) {
        problems.add(new ConditionalProblem(ConditionalProblem.Kind.UNTERMINATED_IF, blocks.get(stack[d]).ifLine));
      }
      problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
      List<ConditionalBlock> result = new ArrayList<>(blocks.size());
      for (Block b : blocks) {
        result.add(new ConditionalBlock(b.index, b.keyword, b.ifLine, b.branches, b.endLine, b.parent, b.depth));
      }
      return new Conditionals(result, problems);
    }

    private static final class Block {
      final int index;
      final String keyword;
      final int ifLine;
      final int parent;
      final int depth;
      final List<Integer> branches = new ArrayList<>(1);
      int endLine = -1;
      boolean sawElse;

      Block(int index, String keyword, int ifLine, int parent, int depth) {
        this.index = index;
        this.keyword = keyword;
        this.ifLine = ifLine;
        this.parent = parent;
        this.depth = depth;
      }
    }
  }
}
