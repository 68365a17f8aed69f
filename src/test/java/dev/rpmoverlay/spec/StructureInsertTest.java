package dev.rpmoverlay.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.testing.StructureContents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An insert moves a document's structure along instead of scanning again ({@link
 * StructureInsert}); it must read exactly as a fresh scan of the new lines would.
 */
class StructureInsertTest {
  /** Lines that can and cannot change how the rest of a spec reads. */
  private static final String[] TEXTS = {
    "BuildRequires: gcc",
    "Source100: %{name}-extra.tar.gz",
    "Requires:       %{name}%{?_isa} = %{version}-%{release}",
    "plain text",
    "",
    "# a comment: with a colon",
    "  indented: tag",
    "%if 0%{?fedora}",
    "%else",
    "%endif",
    "%package extra",
    "%files -n other",
    "%define body() \\",
    "%global x %{expand:",
    "%{expand: open",
    "%{lua: print(1) }",
    "}",
    ")",
    "text ending in a backslash \\",
    "%{?with_x: Requires: x}",
    "Foo: %{",
    "%%{",
    "%include extra.inc",
    "Patch 3: rpm-only.patch",
  };

  private static SpecDocument doc(String text, boolean opaque) {
    SpecDocument doc = SpecDocument.parse(text);
    doc.useOpaqueMacroBodies(opaque);
    return doc;
  }

  @Test
  void aTagInsertedIntoThePreambleMovesTheStructureWithoutAScan() {
    SpecDocument doc = doc("Name: a\n%if x\nBuildRequires: b\n%endif\n\n%description\nd\n", false);
    SpecStructure before = doc.structure();
    doc.insertLines(3, List.of("BuildRequires: c"), 1);
    assertThat(StructureInsert.after(before, doc, 3, 1)).isNotNull();
    assertThat(doc.structure().tags("").stream().map(TagLine::value)).containsExactly("a", "b", "c");
    assertThat(doc.structure().conditionals().enclosing(3).ifLine()).isEqualTo(1);
    assertThat(StructureContents.of(doc.structure())).isEqualTo(StructureContents.ofFreshScan(doc));
  }

  @Test
  void linesThatChangeTheReadingAreScannedAgain() {
    String spec = "Name: a\n%define t() \\\n%package %1\\\n%{nil}\nVersion: 1\n";
    for (boolean opaque : new boolean[] {true, false}) {
      SpecStructure before = doc(spec, opaque).structure();
      assertThat(insertable(spec, opaque, 0, "%package x")).as("a header").isFalse();
      assertThat(insertable(spec, opaque, 0, "%if 1")).as("a conditional").isFalse();
      assertThat(insertable(spec, opaque, 0, "%global y 1")).as("a definition").isFalse();
      assertThat(insertable(spec, opaque, 2, "Release: 1")).as("inside a definition's body").isFalse();
      assertThat(insertable(spec, opaque, 4, "%{expand: Release: 1")).as("an open expand body").isFalse();
      assertThat(insertable(spec, opaque, 4, "Release: 1")).as("after the definition").isTrue();
      assertThat(before.lineCount()).isEqualTo(5);
    }
  }

  @Test
  void aDefinitionStillOpenAtTheEndReadsWhatIsAppended() {
    String spec = "Name: a\n%global x %{expand: y\n";
    assertThat(insertable(spec, false, 2, "}")).isFalse();
    assertThat(insertable(spec, false, 1, "}")).isTrue();
  }

  private static boolean insertable(String spec, boolean opaque, int at, String text) {
    SpecDocument doc = doc(spec, opaque);
    SpecStructure before = doc.structure();
    doc.insertLines(at, List.of(text), 1);
    boolean moved = StructureInsert.after(before, doc, at, 1) != null;
    assertThat(StructureContents.of(doc.structure())).isEqualTo(StructureContents.ofFreshScan(doc));
    return moved;
  }

  /**
   * Random inserts (of the texts above and of the spec's own lines) at random places in every
   * 40th spec of the Fedora corpus, both readings of macro bodies and both tag rules: after each,
   * the structure the document keeps equals a fresh scan.
   */
  @Test
  void afterRandomInsertsIntoCorpusSpecsTheStructureEqualsAFreshScan() throws Exception {
    List<Path> specs = FedoraCorpus.specs();
    Random random = new Random(16);
    int inserts = 0;
    int moved = 0;
    for (int s = 0; s < specs.size(); s += 40) {
      SpecDocument doc = SpecDocument.parse(Files.readAllBytes(specs.get(s)));
      doc.useOpaqueMacroBodies(s % 80 == 0);
      doc.useTagRules(s % 120 == 0 ? TagRules.RPM : TagRules.AZLDEV);
      for (int round = 0; round < 12; round++) {
        SpecStructure before = doc.structure();
        int at = random.nextInt(doc.size() + 1);
        List<String> texts = new ArrayList<>();
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
          texts.add(random.nextBoolean() || doc.size() == 0
              ? TEXTS[random.nextInt(TEXTS.length)]
              : doc.line(random.nextInt(doc.size())).text());
        }
        doc.insertLines(at, texts, round);
        inserts++;
        if (StructureInsert.after(before, doc, at, texts.size()) != null) {
          moved++;
        }
        assertThat(StructureContents.of(doc.structure()))
            .as("%s: %s inserted at %d", specs.get(s).getFileName(), texts, at)
            .isEqualTo(StructureContents.ofFreshScan(doc));
      }
    }
    // the check means something only if most inserts took the incremental path
    assertThat(moved).as("%d of %d inserts moved the structure", moved, inserts).isGreaterThan(inserts / 4);
  }
}
