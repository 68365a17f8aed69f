package dev.rpmoverlay.release;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

/** How rpmautospec generates changelog entries from commits. */
class ChangelogTest {

  @Test
  void entriesAreNewestFirstWithDateAuthorAndVersionRelease() throws Exception {
    TestHistory h = new TestHistory().spec("1.0");
    h.commit("Initial import");
    h.author("Alice Author", "alice@example.org").commit("Second change");
    assertThat(h.compute().changelogText())
        .isEqualTo(
            "* Wed Jan 03 2024 Alice Author <alice@example.org> - 1.0-2\n- Second change\n\n"
                + "* Tue Jan 02 2024 Jane Packager <jane@example.org> - 1.0-1\n- Initial import");
  }

  @Test
  void skipChangelogCommitsCountButGetNoEntry() throws Exception {
    TestHistory h = new TestHistory().spec("1.0");
    h.commit("Initial import");
    h.commit("Tidy\n\n[skip changelog]");
    AutospecResult r = h.compute();
    assertThat(r.releaseNumber()).isEqualTo(2);
    assertThat(r.changelog()).hasSize(1);
  }

  @Test
  void theChangelogFileEndsGenerationAndIsCopiedVerbatim() throws Exception {
    TestHistory h = new TestHistory().spec("1.0");
    h.commit("Before conversion");
    h.file("changelog", "* Mon Jan 01 2024 Old <old@example.org> - 0.9-1\n- Old entry\n").commit("Convert");
    h.spec("1.0", "# x").commit("After conversion");
    AutospecResult r = h.compute();
    assertThat(r.changelog()).hasSize(2);
    assertThat(r.changelog().get(1)).isEqualTo(new ChangelogEntry.FileText("* Mon Jan 01 2024 Old <old@example.org> - 0.9-1\n- Old entry\n"));
    assertThat(r.releaseNumber()).isEqualTo(3);
  }

  @Test
  void bodyBulletsFollowTheSubjectAndPercentIsDoubled() throws Exception {
    TestHistory h = new TestHistory().spec("1.0");
    h.commit("Use %{name}\n\n- first bullet\n- second\n\nprose is ignored");
    assertThat(h.compute().changelogText()).endsWith("- Use %%{name}\n- first bullet\n- second");
  }

  @Test
  void longItemsWrapAtSeventyFiveColumnsWithAHangingIndent() throws Exception {
    TestHistory h = new TestHistory().spec("1.0");
    h.commit("word ".repeat(20).strip());
    String body = h.compute().changelogText().lines().skip(1).reduce((a, b) -> a + "\n" + b).orElseThrow();
    assertThat(body).isEqualTo("- " + "word ".repeat(14).strip() + "\n  " + "word ".repeat(6).strip());
  }

  @Test
  void aMergeMatchingNoParentTreeBecomesAnUnresolvableMergeEntry() throws Exception {
    TestHistory h = new TestHistory().spec("1.0");
    ObjectId base = h.commit("Initial import");
    var baseTree = h.workTree();
    h.file("side.txt", "side\n").commit("Side");
    ObjectId side = h.head();
    h.checkout(base, baseTree);
    h.file("README.md", "main\n").commit("Main");
    h.file("side.txt", "side\n").merge(side, "Merge");
    AutospecResult r = h.compute();
    assertThat(r.changelog()).hasSize(1);
    assertThat(r.changelogText()).endsWith("- RPMAUTOSPEC: unresolvable merge");
  }
}
