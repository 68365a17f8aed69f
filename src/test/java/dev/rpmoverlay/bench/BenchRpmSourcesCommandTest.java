package dev.rpmoverlay.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rpmoverlay.cli.CliRun;
import dev.rpmoverlay.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchRpmSourcesCommandTest {
  private static final String SPEC = "Name: a\nVersion: 1\nSource0: https://x.org/a-%{version}.tar.gz\n";

  @TempDir Path dir;

  /** A stand-in for rpmspec: answers --version, then prints {@code answer} and exits with {@code code}. */
  private String fakeRpmspec(String answer, int code) throws IOException {
    Path script = dir.resolve("fake-rpmspec");
    Files.writeString(script, "#!/bin/sh\n[ \"$1\" = --version ] && { echo 'RPM version 4.18.0'; exit 0; }\n"
        + "printf '" + answer + "'" + (code == 0 ? "" : " >&2") + "\nexit " + code + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script.toString();
  }

  /** A directory holding one spec, a.spec, whose only source is a-1.tar.gz. */
  private String oneSpec() throws IOException {
    Files.createDirectories(dir.resolve("specs"));
    Files.writeString(dir.resolve("specs/a.spec"), SPEC);
    return dir.resolve("specs").toString();
  }

  @Test
  void namesRpmPrintsAndTheFilterKeepsAgree() throws IOException {
    CliRun run = CliRun.of("bench", "rpm-sources", oneSpec(), "--rpmspec", fakeRpmspec("a-1.tar.gz\\n", 0));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("drops a name rpm needs: 0\n").endsWith("rpm agreement: 1/1\n");
  }

  @Test
  void aNameRpmNeedsThatTheFilterDropsFailsTheBenchAndIsListed() throws IOException {
    CliRun run = CliRun.of("bench", "rpm-sources", oneSpec(),
        "--rpmspec", fakeRpmspec("a-1.tar.gz\\nmissing.patch\\n", 0));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.out()).contains("  a.spec: missing.patch\n").endsWith("rpm agreement: 0/1\n");
  }

  @Test
  void specsRpmCannotQueryAreCountedApartWithTheirReason() throws IOException {
    CliRun run = CliRun.of("bench", "rpm-sources", oneSpec(),
        "--rpmspec", fakeRpmspec("error: line 9: Unknown tag: %%gometa\\n", 1));

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("rpm could not query:   1").contains("1  Unknown tag: %gometa\n").endsWith("rpm agreement: 0/0\n");
  }

  @Test
  void aMissingRpmspecIsAUsageError() throws IOException {
    Files.createDirectories(dir.resolve("specs"));

    CliRun run = CliRun.of("bench", "rpm-sources", dir.resolve("specs").toString(), "--rpmspec", dir.resolve("none").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("install rpm");
  }

  @Test
  void theCommittedSampleShapesAgreeWithRealRpm() {
    assumeTrue(RpmSpecQuery.available("rpmspec"), "rpmspec not installed");

    CliRun run = CliRun.of("bench", "rpm-sources", "src/test/resources/rpm-sources", "--jobs", "2");

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains("rpm could not query:   0").endsWith("rpm agreement: 8/8\n");
  }

  /**
   * Every 80th spec of the Fedora corpus (295 specs, about a minute of rpmspec on two cores); the
   * full corpus is {@code rpmoverlay bench rpm-sources} (README).
   */
  @Test
  void aSampleOfTheFedoraCorpusDropsNoNameRpmNeeds() throws IOException, InterruptedException {
    assumeTrue(RpmSpecQuery.available("rpmspec"), "rpmspec not installed");
    Path specs = corpus();

    CliRun run = CliRun.of("bench", "rpm-sources", specs.toString(), "--every", "80", "--jobs", "2", "--list-limit", "0");

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains("drops a name rpm needs: 0\n").contains("specs:                 295 ");
  }

  /** The corpus extracted into target/corpus (shared with the round-trip tests); skips when absent. */
  private static Path corpus() throws IOException, InterruptedException {
    Path script = dev.rpmoverlay.testing.SharedData.path().resolve("corpus/extract.sh");
    assumeTrue(Files.isRegularFile(script), "spec corpus not available at " + script);
    Path dest = Path.of("target", "corpus").toAbsolutePath();
    Process p = new ProcessBuilder("bash", script.toString(), dest.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assumeTrue(p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0, "extract.sh failed for " + dest);
    return dest.resolve("specs");
  }
}
