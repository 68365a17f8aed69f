package dev.rpmoverlay.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rpmoverlay completion bash|zsh}: the shell completion script, generated from the command tree. */
@Command(
    name = "completion",
    description = {
      "Print a shell completion script for every command and option.",
      "Load it in the current shell with 'source <(rpmoverlay completion bash)', or add that line to ~/.bashrc "
          + "(~/.zshrc for zsh, which runs the same script through bashcompinit)."
    })
final class CompletionCommand extends BaseCommand {

  /** The shells the script supports; zsh runs the bash script through its bashcompinit. */
  enum Shell {
    BASH,
    ZSH
  }

  @Parameters(paramLabel = "SHELL", description = "The shell: ${COMPLETION-CANDIDATES}.")
  Shell shell;

  @Override
  protected int execute() {
    out().print(AutoComplete.bash("rpmoverlay", spec.root().commandLine()));
    return ExitCodes.OK;
  }
}
