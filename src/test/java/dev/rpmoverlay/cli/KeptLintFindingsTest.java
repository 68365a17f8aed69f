package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.config.LoadOptions;
import dev.rpmoverlay.config.ProjectLoader;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.review.LintFinding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lint findings kept between renders are read back only for the inputs and the day they were
 * found for, labelled from the component's current config, and never from a damaged file. On the
 * shipped project's nginx (eleven overlays).
 */
class KeptLintFindingsTest {
  private static final LocalDate DAY = LocalDate.of(2026, 12, 3);
  private static ComponentConfig nginx;
  private static ComponentConfig expat;

  @TempDir Path workDir;

  @BeforeAll
  static void loadProject() {
    var project = ProjectLoader.load(LoadOptions.of(Path.of("").toAbsolutePath()));
    nginx = project.resolve("nginx");
    expat = project.resolve("expat");
  }

  @Test
  void findingsKeptBySavedRunAreFoundByTheNextForTheSameInputs() {
    List<LintFinding> findings = List.of(finding(2, LintFinding.Kind.NO_EFFECT, "changes nothing\twith a tab", "remove it"),
        finding(11, LintFinding.Kind.EXPIRED, "expired on 2000-01-01 \u00e9\nsecond line", "renew it \\ or drop it"));
    KeptLintFindings first = KeptLintFindings.in(workDir, DAY);
    first.keep(nginx, "inputs-a", findings);
    first.save(List.of("nginx"));

    assertThat(KeptLintFindings.in(workDir, DAY).find(nginx, "inputs-a")).contains(findings);
  }

  @Test
  void findingsAreNotFoundForOtherInputs() {
    keepAndSave(nginx, "inputs-a", DAY);

    assertThat(KeptLintFindings.in(workDir, DAY).find(nginx, "inputs-b")).isEmpty();
  }

  @Test
  void findingsAreNotFoundOnAnotherDayBecauseExpiryDependsOnIt() {
    keepAndSave(nginx, "inputs-a", DAY);

    assertThat(KeptLintFindings.in(workDir, DAY.plusDays(1)).find(nginx, "inputs-a")).isEmpty();
  }

  @Test
  void aComponentWithoutFindingsIsKeptAsHavingNone() {
    KeptLintFindings first = KeptLintFindings.in(workDir, DAY);
    first.keep(nginx, "inputs-a", List.of());
    first.save(List.of("nginx"));

    assertThat(KeptLintFindings.in(workDir, DAY).find(nginx, "inputs-a")).contains(List.of());
  }

  @Test
  void aFindingNamingAnOverlayTheComponentNoLongerHasIsNotFound() {
    KeptLintFindings first = KeptLintFindings.in(workDir, DAY);
    first.keep(nginx, "inputs-a", List.of(finding(11, LintFinding.Kind.NO_EFFECT, "changes nothing", "remove it")));
    first.save(List.of("nginx", "expat"));

    // expat's overlays are fewer than eleven: the same inputs text, another component
    assertThat(KeptLintFindings.in(workDir, DAY).find(expat, "inputs-a")).isEmpty();
  }

  @Test
  void entriesOfComponentsNoLongerInTheProjectAreDroppedOnSave() {
    keepAndSave(nginx, "inputs-a", DAY);
    KeptLintFindings second = KeptLintFindings.in(workDir, DAY);
    second.keep(expat, "inputs-e", List.of());
    second.save(List.of("expat"));

    KeptLintFindings third = KeptLintFindings.in(workDir, DAY);
    assertThat(third.find(nginx, "inputs-a")).isEmpty();
    assertThat(third.find(expat, "inputs-e")).contains(List.of());
  }

  @Test
  void entriesOfComponentsNotLintedThisRunAreKept() {
    keepAndSave(nginx, "inputs-a", DAY);
    KeptLintFindings second = KeptLintFindings.in(workDir, DAY);
    second.keep(expat, "inputs-e", List.of());
    second.save(List.of("nginx", "expat"));

    assertThat(KeptLintFindings.in(workDir, DAY).find(nginx, "inputs-a")).isPresent();
  }

  @Test
  void aFileCutShortIsNotRead() throws Exception {
    keepAndSave(nginx, "inputs-a", DAY);
    Path file = workDir.resolve(KeptLintFindings.FILE_NAME);
    String text = Files.readString(file);
    Files.writeString(file, text.substring(0, text.lastIndexOf("end\t")));

    assertThat(KeptLintFindings.in(workDir, DAY).find(nginx, "inputs-a")).isEmpty();
  }

  @Test
  void aFileWithAnotherHeaderIsNotRead() throws Exception {
    keepAndSave(nginx, "inputs-a", DAY);
    Path file = workDir.resolve(KeptLintFindings.FILE_NAME);
    Files.writeString(file, Files.readString(file).replaceFirst("v1", "v0"));

    assertThat(KeptLintFindings.in(workDir, DAY).find(nginx, "inputs-a")).isEmpty();
  }

  @Test
  void nothingIsWrittenWhenNothingWasKept() {
    KeptLintFindings.in(workDir, DAY).save(List.of("nginx"));

    assertThat(workDir.resolve(KeptLintFindings.FILE_NAME)).doesNotExist();
  }

  private void keepAndSave(ComponentConfig component, String inputs, LocalDate day) {
    KeptLintFindings kept = KeptLintFindings.in(workDir, day);
    kept.keep(component, inputs, List.of(finding(1, LintFinding.Kind.DUPLICATE, "adds what is there", "remove it")));
    kept.save(List.of(component.name()));
  }

  private static LintFinding finding(int number, LintFinding.Kind kind, String message, String hint) {
    Overlay overlay = nginx.overlays().get(number - 1);
    return LintFinding.about(nginx, overlay, kind, message, hint);
  }
}
