package dev.rpmoverlay.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The product's packages keep the layering of {@link Layering}, and the rules do catch a break. */
class LayeringTest {
  private static final String PRODUCT = "dev.rpmoverlay";
  private static final String BAD_EXAMPLE = "dev.rpmoverlay.architecture.badexample";

  private static JavaClasses product;

  @BeforeAll
  static void importProduct() {
    product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(PRODUCT);
  }

  @Test
  void productClassesAreImported() {
    assertThat(product.stream().map(c -> c.getPackageName()).distinct())
        .contains(PRODUCT + ".cli", PRODUCT + ".render", PRODUCT + ".spec", PRODUCT + ".config");
  }

  @Test
  void dependenciesPointDownwardsOnly() {
    assertNoViolations(Layering.layers(PRODUCT));
  }

  @Test
  void noCyclesBetweenPackages() {
    assertNoViolations(Layering.noCyclesBetweenPackages(PRODUCT));
  }

  @Test
  void specAndOverlayDoNotUseTomlOrGit() {
    assertNoViolations(Layering.specModelIsFreeOfTomlAndGit(PRODUCT));
  }

  @Test
  void onlyTheCommandLineUsesPicocli() {
    assertNoViolations(Layering.onlyCliUsesPicocli(PRODUCT));
  }

  @Test
  void everyRuleIsChecked() {
    assertThat(Layering.rules(PRODUCT)).hasSize(4);
  }

  // --- the rules fail when broken: a deliberately bad set of classes in test code ---

  private static JavaClasses badExample() {
    return new ClassFileImporter().importPackages(BAD_EXAMPLE);
  }

  @Test
  void aLowerPackageUsingAHigherOneIsReported() {
    EvaluationResult result = Layering.layers(BAD_EXAMPLE).evaluate(badExample());

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(line -> assertThat(line).contains("badexample.spec.UpwardsSpec").contains("badexample.cli.SomeCommand"));
  }

  @Test
  void theTwoBottomPackagesUsingEachOtherIsReported() {
    EvaluationResult result = Layering.layers(BAD_EXAMPLE).evaluate(badExample());

    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(line -> assertThat(line).contains("badexample.config.SpecAwareConfig").contains("badexample.spec.UpwardsSpec"));
  }

  @Test
  void aCycleBetweenPackagesIsReported() {
    EvaluationResult result = Layering.noCyclesBetweenPackages(BAD_EXAMPLE).evaluate(badExample());

    assertThat(result.hasViolation()).isTrue();
    assertThat(String.join("\n", result.getFailureReport().getDetails())).contains("Cycle detected");
  }

  @Test
  void aClassOutsideEveryLayerIsReported() {
    EvaluationResult result = Layering.layers(BAD_EXAMPLE).evaluate(badExample());

    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(line -> assertThat(line).contains("badexample.unplaced.Stray").contains("not contained in architecture"));
  }

  @Test
  void aDownwardDependencyIsNotReported() {
    EvaluationResult result = Layering.layers(BAD_EXAMPLE).evaluate(badExample());

    assertThat(result.getFailureReport().getDetails())
        .isNotEmpty()
        .noneSatisfy(line -> assertThat(line).contains("<" + BAD_EXAMPLE + ".cli.SomeCommand.run()> calls"));
  }

  private static void assertNoViolations(ArchRule rule) {
    EvaluationResult result = rule.evaluate(product);
    List<String> details = result.getFailureReport().getDetails();
    assertThat(details).as(rule.getDescription()).isEmpty();
  }
}
