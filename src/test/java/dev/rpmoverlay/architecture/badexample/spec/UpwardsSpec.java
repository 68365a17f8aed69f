package dev.rpmoverlay.architecture.badexample.spec;

import dev.rpmoverlay.architecture.badexample.cli.SomeCommand;

/** Broken on purpose: the bottom layer calls the command line (and so forms a cycle with it). */
public final class UpwardsSpec {
  public int size() {
    return 1;
  }

  public int viaTheCommandLine() {
    return new SomeCommand().run();
  }
}
