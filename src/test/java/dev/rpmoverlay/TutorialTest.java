package dev.rpmoverlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs docs/tutorial.md as written, against a copy of the project and nothing else (its example
 * dist-git is built from the repository): every {@code ./rpmoverlay} command in-process, every
 * other command with bash in the copy, every file edit it shows; and checks each output block it
 * shows against what the commands printed.
 */
class TutorialTest {
  private static final Path REPO = Path.of("").toAbsolutePath();

  @TempDir Path tmp;

  @Test
  void everyCommandInTheTutorialWorksAsWritten() throws Exception {
    assumeTrue(DocCommandRunner.onPath("bash") && DocCommandRunner.onPath("git") && DocCommandRunner.onPath("perl"), "needs bash, git and perl");
    DocCommandRunner runner = DocCommandRunner.onCopyOf(REPO, tmp);
    Path project = runner.project();
    TutorialScript script = TutorialScript.parse(Files.readString(REPO.resolve("docs/tutorial.md"), StandardCharsets.UTF_8));
    assertThat(script.steps()).as("the tutorial has steps").hasSizeGreaterThan(10);

    int block = -1;
    StringBuilder blockOutput = new StringBuilder();
    for (TutorialScript.Step step : script.steps()) {
      if (step instanceof TutorialScript.Command c) {
        if (c.block() != block) {
          block = c.block();
          blockOutput.setLength(0);
        }
        blockOutput.append(runner.run("tutorial line " + c.line(), c.text()));
      } else if (step instanceof TutorialScript.ExpectOutput e) {
        assertThat(e.block()).as("output block at tutorial line %d follows its commands", e.line()).isEqualTo(block);
        for (String line : e.lines()) {
          assertThat(blockOutput.toString()).as("tutorial line %d: output shown matches the commands' output", e.line()).contains(line);
        }
      } else if (step instanceof TutorialScript.AppendToFile a) {
        Path file = project.resolve(a.path());
        assertThat(file).as("tutorial line %d appends to an existing file", a.line()).isRegularFile();
        Files.writeString(file, a.content(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      } else if (step instanceof TutorialScript.CreateFile f) {
        Path file = project.resolve(f.path());
        Files.createDirectories(file.getParent());
        Files.writeString(file, f.content(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      }
    }
  }
}
