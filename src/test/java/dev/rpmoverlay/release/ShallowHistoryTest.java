package dev.rpmoverlay.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shallow clone is accepted only when rpmautospec's walk stays inside the fetched commits. */
class ShallowHistoryTest {
  @TempDir Path dir;

  private Repository upstream() throws Exception {
    Repository repo = Git.init().setDirectory(dir.resolve("upstream").toFile()).setInitialBranch("rawhide").call().getRepository();
    TestHistory h = new TestHistory(repo);
    h.spec("1.0").commit("Initial import");
    h.commit("Rebuild");
    h.file("changelog", "* Mon Jan 01 2024 A <a@example.org> - 1.0-1\n- Old\n").commit("Convert to rpmautospec");
    h.spec("2.0").commit("Update to 2.0");
    h.commit("Rebuild 2.0");
    h.commit("Rebuild 2.0 again");
    RefUpdate update = repo.updateRef("refs/heads/rawhide");
    update.setNewObjectId(h.head());
    update.update();
    return repo;
  }

  private Repository cloneWithDepth(Repository upstream, int depth) throws Exception {
    return Git.cloneRepository()
        .setURI(upstream.getDirectory().toURI().toString())
        .setDirectory(dir.resolve("clone-" + depth).toFile())
        .setBare(true)
        .setBranch("rawhide")
        .setDepth(depth)
        .call()
        .getRepository();
  }

  @Test
  void aCloneThatReachesEverythingTheWalkNeedsGivesTheFullResult() throws Exception {
    Repository upstream = upstream();
    HistoryFacts full = HistoryReader.read(upstream, upstream.resolve("rawhide"), TestHistory.SPEC);
    try (Repository clone = cloneWithDepth(upstream, 5)) {
      HistoryFacts shallow = HistoryReader.read(clone, clone.resolve("HEAD"), TestHistory.SPEC);
      Autospec autospec = new Autospec();
      String spec = TestHistory.specText("2.0", "%autorelease");
      assertThat(autospec.process(AutospecInput.of(shallow, spec))).isEqualTo(autospec.process(AutospecInput.of(full, spec)));
    }
  }

  @Test
  void aCloneThatStopsBeforeTheLastVersionChangeIsRefusedWithAHowTo() throws Exception {
    Repository upstream = upstream();
    try (Repository clone = cloneWithDepth(upstream, 2)) {
      assertThatThrownBy(() -> HistoryReader.read(clone, clone.resolve("HEAD"), TestHistory.SPEC))
          .isInstanceOf(IncompleteHistoryException.class)
          .hasMessageContaining("shallow")
          .hasMessageContaining("last version change")
          .hasMessageContaining("--unshallow");
    }
  }

  @Test
  void aCloneThatStopsBeforeTheStartOfTheChangelogIsRefusedToo() throws Exception {
    Repository upstream = upstream();
    try (Repository clone = cloneWithDepth(upstream, 4)) {
      assertThatThrownBy(() -> HistoryReader.read(clone, clone.resolve("HEAD"), TestHistory.SPEC))
          .isInstanceOf(IncompleteHistoryException.class)
          .hasMessageContaining("start of the generated changelog");
    }
  }
}
