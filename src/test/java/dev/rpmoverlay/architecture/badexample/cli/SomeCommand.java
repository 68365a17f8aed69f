package dev.rpmoverlay.architecture.badexample.cli;

import dev.rpmoverlay.architecture.badexample.spec.UpwardsSpec;

/** Allowed: the command line uses the spec model. */
public final class SomeCommand {
  public int run() {
    return new UpwardsSpec().size();
  }
}
