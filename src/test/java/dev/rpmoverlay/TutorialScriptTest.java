package dev.rpmoverlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TutorialScriptTest {
  private static final String DOC = String.join("\n",
      "Intro",
      "```sh",
      "./rpmoverlay list",
      "# a comment",
      "git status",
      "```",
      "```text",
      "  nginx  ",
      "...",
      "```",
      "```toml append=components/x.toml",
      "[components.x]",
      "```",
      "```diff file=components/x.patch",
      "-a",
      "+b",
      "```",
      "");

  @Test
  void readsCommandsOutputsAndFileEditsInOrder() {
    assertThat(TutorialScript.parse(DOC).steps()).containsExactly(
        new TutorialScript.Command(1, 3, "./rpmoverlay list"),
        new TutorialScript.Command(1, 5, "git status"),
        new TutorialScript.ExpectOutput(1, 7, List.of("nginx")),
        new TutorialScript.AppendToFile(11, "components/x.toml", "[components.x]\n"),
        new TutorialScript.CreateFile(14, "components/x.patch", "-a\n+b\n"));
  }

  @Test
  void splitsCommandLinesLikeAShell() {
    assertThat(TutorialScript.words("git commit -q -m \"Add python-pefile\" --x='a b'"))
        .containsExactly("git", "commit", "-q", "-m", "Add python-pefile", "--x=a b");
  }
}
