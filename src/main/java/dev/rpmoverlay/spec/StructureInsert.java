package dev.rpmoverlay.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Moves a {@link SpecStructure} past an insert of lines, at the cost of the structure (sections,
 * tags, blocks and macros after the insert are shifted) and of the new lines (only they are
 * scanned), instead of a scan of the whole document: thousands of tag overlays on one spec stay
 * linear (issue 18 item 10).
 *
 * <p>The result equals a fresh scan of the new document, because it is only taken when nothing the
 * scan decided before the insert can depend on the new lines and the new lines cannot change what
 * comes after them:
 * <ul>
 *   <li>no logical-line read of an earlier {@code %define} or expand/lua body reaches the insert
 *       position ({@link SpecStructure#readAcross}; every position when the scan's bracket budget
 *       ran out);
 *   <li>the new lines, scanned on their own after the header of the section they join, are only
 *       tags, comments and other lines (no header, conditional, macro definition or {@code
 *       %include}) and read no logical line past their own;
 *   <li>the insert did not give the document's former last line a newline (which can continue
 *       its logical line).
 * </ul>
 * Then the scanner's state after the new lines (section, package, open conditionals, opaque body)
 * is its state before them, so every later line is classified as before, shifted. Otherwise the
 * caller scans again.
 */
final class StructureInsert {
  private static final byte TAG = (byte) LineKind.TAG.ordinal();
  private static final byte COMMENT = (byte) LineKind.COMMENT.ordinal();
  private static final byte OTHER = (byte) LineKind.OTHER.ordinal();

  private StructureInsert() {}

  /**
   * The structure of {@code doc} given {@code old}, its structure before {@code count} lines were
   * inserted at {@code at}; null when only a scan can tell.
   */
  static SpecStructure after(SpecStructure old, SpecDocument doc, int at, int count) {
    List<SpecLine> lines = doc.lines();
    if (old.readAcross(at)) {
      return null;
    }
    Section owner = at == 0 ? old.preamble() : old.sectionAt(at - 1);
    List<SpecLine> added = new ArrayList<>(count + 1);
    if (!owner.isPreamble()) {
      added.add(lines.get(owner.headerLine()));
    }
    int offset = added.size();
    added.addAll(lines.subList(at, at + count));
    SpecStructure scanned = StructureScanner.scan(added, doc.encoding(), doc.qualifierRules(), doc.opaqueMacroBodies(), doc.tagRules());
    if (scanned.readAcross(scanned.lineCount()) || !scanned.includes().isEmpty()) {
      return null;
    }
    byte[] addedKinds = scanned.kinds();
    for (int i = offset; i < addedKinds.length; i++) {
      byte kind = addedKinds[i];
      if (kind != TAG && kind != COMMENT && kind != OTHER) {
        return null;
      }
    }
    return new SpecStructure(
        old.lineCount() + count,
        sections(old.sections(), at, count),
        old.sectionTags().inserted(owner.index(), at, count, addedTags(scanned.tags(), owner.index(), at, offset)),
        macros(old.macros(), at, count),
        includes(old.includes(), at, count),
        conditionals(old, at, count),
        kinds(old.kinds(), addedKinds, offset, at, count),
        old.readAcross(old.lineCount()));
  }

  private static List<Section> sections(List<Section> old, int at, int count) {
    List<Section> out = new ArrayList<>(old.size());
    for (Section s : old) {
      int header = s.headerLine() >= at ? s.headerLine() + count : s.headerLine();
      int end = s.end() >= at ? s.end() + count : s.end();
      out.add(header == s.headerLine() && end == s.end() ? s : new Section(s.index(), s.header(), s.pkg(), header, end));
    }
    return out;
  }

  /** The tags of the new lines scanned on their own, as lines {@code at...} of section {@code section}. */
  private static List<TagLine> addedTags(List<TagLine> scanned, int section, int at, int offset) {
    List<TagLine> out = new ArrayList<>(scanned.size());
    for (TagLine t : scanned) {
      out.add(new TagLine(at + t.line() - offset, section, t.pkg(), t.indent(), t.name(), t.separator(), t.value(), t.trailing()));
    }
    return out;
  }

  private static List<MacroDefinition> macros(List<MacroDefinition> old, int at, int count) {
    List<MacroDefinition> out = new ArrayList<>(old.size());
    for (MacroDefinition m : old) {
      // an earlier definition ends at or before the insert (readAcross), so it does not move
      out.add(m.line() < at ? m : new MacroDefinition(m.keyword(), m.name(), m.options(), m.body(), m.line() + count, m.end() + count));
    }
    return out;
  }

  private static List<IncludeDirective> includes(List<IncludeDirective> old, int at, int count) {
    List<IncludeDirective> out = new ArrayList<>(old.size());
    for (IncludeDirective d : old) {
      out.add(d.line() < at ? d : new IncludeDirective(d.line() + count, d.argument()));
    }
    return out;
  }

  private static Conditionals conditionals(SpecStructure old, int at, int count) {
    Conditionals c = old.conditionals();
    if (c.blocks().isEmpty() && c.problems().isEmpty()) {
      return c; // no conditional anywhere, and the new lines add none
    }
    List<ConditionalBlock> blocks = new ArrayList<>(c.blocks().size());
    for (ConditionalBlock b : c.blocks()) {
      if (b.ifLine() < at && b.endLine() >= 0 && b.endLine() < at) {
        blocks.add(b);
        continue;
      }
      List<Integer> branches = new ArrayList<>(b.branchLines().size());
      for (int line : b.branchLines()) {
        branches.add(shift(line, at, count));
      }
      int end = b.endLine() < 0 ? -1 : shift(b.endLine(), at, count);
      blocks.add(new ConditionalBlock(b.index(), b.keyword(), shift(b.ifLine(), at, count), branches, end, b.parent(), b.depth()));
    }
    List<ConditionalProblem> problems = new ArrayList<>(c.problems().size());
    for (ConditionalProblem p : c.problems()) {
      problems.add(p.line() < at ? p : new ConditionalProblem(p.kind(), p.line() + count));
    }
    return new Conditionals(blocks, problems);
  }

  private static int shift(int line, int at, int count) {
    return line >= at ? line + count : line;
  }

  private static byte[] kinds(byte[] old, byte[] added, int offset, int at, int count) {
    byte[] out = new byte[old.length + count];
    System.arraycopy(old, 0, out, 0, at);
    System.arraycopy(added, offset, out, at, count);
    System.arraycopy(old, at, out, at + count, old.length - at);
    return out;
  }
}
