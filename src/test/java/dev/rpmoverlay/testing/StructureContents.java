package dev.rpmoverlay.testing;

import dev.rpmoverlay.spec.ConditionalBlock;
import dev.rpmoverlay.spec.ConditionalProblem;
import dev.rpmoverlay.spec.IncludeDirective;
import dev.rpmoverlay.spec.LineKind;
import dev.rpmoverlay.spec.MacroDefinition;
import dev.rpmoverlay.spec.Section;
import dev.rpmoverlay.spec.SpecDocument;
import dev.rpmoverlay.spec.SpecStructure;
import dev.rpmoverlay.spec.TagLine;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a {@link SpecStructure} answers, as a value: two structures read a document the same
 * way exactly when their contents are equal (so a test can compare a structure kept up to date by
 * edits with a fresh scan).
 */
public record StructureContents(
    int lineCount,
    List<Section> sections,
    List<TagLine> tags,
    List<MacroDefinition> macros,
    List<IncludeDirective> includes,
    List<ConditionalBlock> blocks,
    List<ConditionalProblem> problems,
    List<LineKind> kinds,
    List<Integer> enclosingBlocks) {

  public static StructureContents of(SpecStructure s) {
    List<LineKind> kinds = new ArrayList<>(s.lineCount());
    List<Integer> enclosing = new ArrayList<>(s.lineCount());
    for (int i = 0; i < s.lineCount(); i++) {
      kinds.add(s.kind(i));
      ConditionalBlock b = s.conditionals().enclosing(i);
      enclosing.add(b == null ? -1 : b.index());
    }
    return new StructureContents(
        s.lineCount(), s.sections(), s.tags(), s.macros(), s.includes(), s.conditionals().blocks(), s.conditionals().problems(), kinds, enclosing);
  }

  /** The contents of a fresh scan of {@code doc}'s current lines, with its settings. */
  public static StructureContents ofFreshScan(SpecDocument doc) {
    SpecDocument fresh = SpecDocument.parse(doc.toBytes());
    fresh.useQualifierRules(doc.qualifierRules());
    fresh.useOpaqueMacroBodies(doc.opaqueMacroBodies());
    fresh.useTagRules(doc.tagRules());
    return of(fresh.structure());
  }
}
