package dev.rpmoverlay.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading [epoch:]version and the %autorelease flags from a spec without rpm. */
class SpecVersionReaderTest {

  private static SpecVersionProbe read(String preamble) {
    return SpecVersionReader.read("Summary: s\nLicense: MIT\n" + preamble + "\n%description\nx\n", IncludeResolver.none());
  }

  @Test
  void aLiteralVersionIsReadAsItIs() {
    assertThat(read("Name: x\nVersion: 1.2.3\nRelease: 1%{?dist}\n").version()).isEqualTo(SpecVersion.of("1.2.3"));
  }

  @Test
  void globalsAndDefinesOfTheSpecAreExpanded() {
    SpecVersionProbe p = read("%global major 3\n%define minor %{major}1\nName: x\nVersion: %{major}.%minor\nRelease: %autorelease\n");
    assertThat(p.version().epochVersion()).isEqualTo("3.31");
  }

  @Test
  void conditionalMacroFormsFollowWhetherTheMacroIsDefined() {
    SpecVersionProbe p =
        read("%global pre rc1\nName: x\nVersion: 1.0%{?pre:~%{pre}}%{!?post:.0}%{?undefined}\nRelease: 1\n");
    assertThat(p.version().epochVersion()).isEqualTo("1.0~rc1.0");
  }

  @Test
  void ifBranchesAndBcondsAreEvaluated() {
    SpecVersionProbe p =
        read(
            "%bcond_without new\n%if %{with new} && 0%{?fedora} < 10\n%global v 2.0\n%else\n%global v 1.0\n%endif\n"
                + "Name: x\nVersion: %{v}\nRelease: 1\n");
    assertThat(p.version().epochVersion()).isEqualTo("2.0");
  }

  @Test
  void anEpochIsPrefixedAsANumber() {
    assertThat(read("Name: x\nEpoch: 01\nVersion: 2\nRelease: 1\n").version().epochVersion()).isEqualTo("1:2");
  }

  @Test
  void aMissingVersionMakesTheSpecUnparseableLikeForRpm() {
    SpecVersionProbe p = read("Name: x\nRelease: 1\n");
    assertThat(p.version()).isNull();
    assertThat(p.problem()).contains("no Version tag");
  }

  @Test
  void shellAndUndefinedMacrosLeaveTheVersionUnknownInsteadOfGuessing() {
    assertThat(read("Name: x\nVersion: %(echo 1)\nRelease: 1\n").problem()).contains("shell");
    assertThat(read("Name: x\nVersion: %{python3_version}\nRelease: 1\n").problem()).contains("%{python3_version} is not defined");
  }

  @Test
  void aValueSetUnderAnUndecidableConditionIsUnknown() {
    SpecVersionProbe p = read("%if %{undefined_thing}\n%global v 2\n%else\n%global v 1\n%endif\nName: x\nVersion: %{v}\nRelease: 1\n");
    assertThat(p.version()).isNull();
    assertThat(p.problem()).contains("condition that could not be decided");
  }

  @Test
  void autoreleaseFlagsAreReadFromTheReleaseTag() {
    SpecVersion v = read("Name: x\nVersion: 1\nRelease: %autorelease -p -e rc1 -s 20240101git1 -b 7\n").version();
    assertThat(v).isEqualTo(new SpecVersion("1", "rc1", "20240101git1", true, 7));
    assertThat(read("Name: x\nVersion: 1\nRelease: %{autorelease -e pre -b 5}\n").version()).isEqualTo(new SpecVersion("1", "pre", null, false, 5));
  }

  @Test
  void anUnderscoreInAFlagDefeatsFlagParsingLikeInRpmautospec() {
    assertThat(read("Name: x\nVersion: 1\nRelease: %autorelease -e rc_1 -b 4\n").version()).isEqualTo(SpecVersion.of("1"));
  }

  @Test
  void includedFilesAreReadFromThePackageDirectory() {
    IncludeResolver files = path -> Optional.ofNullable(Map.of("version.inc", "%global upstream 4.5\n").get(path));
    SpecVersionProbe p =
        SpecVersionReader.read(
            "%include %{_sourcedir}/version.inc\nName: x\nVersion: %{upstream}\nRelease: 1\nSummary: s\nLicense: MIT\n", files);
    assertThat(p.version().epochVersion()).isEqualTo("4.5");
  }

  @Test
  void tagsAfterTheFirstSectionDoNotChangeTheMainVersion() {
    SpecVersionProbe p = read("Name: x\nVersion: 1\nRelease: 1\n%package sub\nVersion: 9\n");
    assertThat(p.version().epochVersion()).isEqualTo("1");
  }

  @Test
  void aLineInsideAnOpenMacroBraceBelongsToTheLogicalLineAndIsNoTag() {
    SpecVersionProbe p = read("Name: x\nVersion: 1\nRelease: 1\nVendor: %{?vendor:\nVersion: 9\n}\n");
    assertThat(p.version().epochVersion()).isEqualTo("1");
  }

  @Test
  void elifnarchIsNoConditionalForRpmSoItsBranchIsReadWithTheIf() {
    SpecVersionProbe p = read("%ifarch x86_64\n%global v 1\n%elifnarch x86_64\n%global v 2\n%endif\nName: x\nVersion: %{v}\nRelease: 1\n");
    assertThat(p.version().epochVersion()).isEqualTo("2");
  }
}
