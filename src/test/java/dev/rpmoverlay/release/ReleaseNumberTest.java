package dev.rpmoverlay.release;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

/** How rpmautospec numbers releases, on histories built in memory. */
class ReleaseNumberTest {

  @Test
  void everyCommitCountsEvenEmptyOnesAndOnesNotTouchingTheSpec() throws Exception {
    TestHistory h = new TestHistory().spec("1.0");
    h.commit("Initial import");
    h.commit("Empty rebuild");
    h.file("README.md", "hello\n").commit("Add a README");
    assertThat(h.compute().releaseNumber()).isEqualTo(3);
  }

  @Test
  void aVersionChangeResetsTheNumberToOne() throws Exception {
    TestHistory h = new TestHistory().spec("1.0");
    h.commit("Initial import");
    h.commit("Rebuild");
    h.spec("1.1").commit("Update to 1.1");
    assertThat(h.compute().releaseNumber()).isEqualTo(1);
    h.commit("Rebuild");
    assertThat(h.compute().release()).isEqualTo("2");
  }

  @Test
  void anEpochChangeResetsTooAndShowsInTheHeader() throws Exception {
    TestHistory h = new TestHistory().spec("2.0");
    h.commit("Initial import");
    h.commit("Rebuild");
    h.spec("2.0", "Epoch: 1").commit("Add an epoch");
    AutospecResult r = h.compute();
    assertThat(r.releaseNumber()).isEqualTo(1);
    assertThat(r.epochVersion()).isEqualTo("1:2.0");
  }

  @Test
  void bumpReleaseRaisesTheNumberButNeverLowersIt() throws Exception {
    TestHistory h = new TestHistory().spec("1.0");
    h.commit("Initial import");
    h.commit("Align\n\n[bump release: 10]");
    assertThat(h.compute().releaseNumber()).isEqualTo(10);
    h.commit("Lower bump\n\n[bump release: 3]");
    assertThat(h.compute().releaseNumber()).isEqualTo(11);
  }

  @Test
  void baseAndFlagsShapeTheCompleteRelease() throws Exception {
    TestHistory h = new TestHistory();
    h.file(TestHistory.SPEC, TestHistory.specText("4.0", "%autorelease -p -e beta2 -s 20240301git0123abc -b 3"));
    h.commit("Snapshot");
    h.commit("Rebuild");
    assertThat(h.compute().release()).isEqualTo("0.4.beta2.20240301git0123abc");
  }

  @Test
  void anUnparseableSpecBridgesTheCountInsteadOfResettingIt() throws Exception {
    TestHistory h = new TestHistory().spec("1.0");
    h.commit("Initial import");
    h.spec(null).commit("Break the spec");
    h.spec("1.0").commit("Fix it");
    assertThat(h.compute().releaseNumber()).isEqualTo(3);
    assertThat(h.headers().get(1)).doesNotContain(" - ");
  }

  @Test
  void commitsWithoutTheSpecAddNothingAndTheCountContinuesAfterUnretirement() throws Exception {
    TestHistory h = new TestHistory().spec("1.0");
    h.commit("Initial import");
    h.delete(TestHistory.SPEC).file("dead.package", "retired\n").commit("Retire");
    h.delete("dead.package").spec("1.0").commit("Unretire");
    assertThat(h.compute().releaseNumber()).isEqualTo(2);
  }

  @Test
  void aMergeCountsOnceOnTopOfItsHighestSameVersionParent() throws Exception {
    TestHistory h = new TestHistory().spec("1.0");
    ObjectId base = h.commit("Initial import");
    var baseTree = h.workTree();
    h.spec("1.0", "# side 1").commit("Side 1");
    h.spec("1.0", "# side 2").commit("Side 2");
    h.spec("1.0", "# side 3").commit("Side 3");
    ObjectId side = h.head();
    var sideTree = h.workTree();
    h.checkout(base, baseTree);
    h.file("README.md", "main\n").commit("Mainline");
    sideTree.put("README.md", "main\n");
    h.checkout(h.head(), sideTree);
    h.merge(side, "Merge side");
    assertThat(h.compute().releaseNumber()).isEqualTo(5);
  }
}
