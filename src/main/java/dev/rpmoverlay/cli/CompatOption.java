package dev.rpmoverlay.cli;

import dev.rpmoverlay.config.model.Compat;
import picocli.CommandLine.Option;

/** {@code --compat MODE}, for commands that render and must agree with {@code render}. */
final class CompatOption {

  @Option(names = "--compat", paramLabel = "MODE",
      description = "azldev behaviour to reproduce, as for render: 'current' (default) or 'azldev-2026-04'.")
  String compat;

  Compat mode() {
    if (compat == null) {
      return Compat.DEFAULT;
    }
    return Compat.fromConfigName(compat).orElseThrow(() ->
        new UserException("unknown --compat mode '" + compat + "' (use 'current' or 'azldev-2026-04')"));
  }
}
