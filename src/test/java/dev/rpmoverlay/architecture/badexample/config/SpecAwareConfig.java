package dev.rpmoverlay.architecture.badexample.config;

import dev.rpmoverlay.architecture.badexample.spec.UpwardsSpec;

/** Broken on purpose: config knows about specs. */
public final class SpecAwareConfig {
  public int specSize() {
    return new UpwardsSpec().size();
  }
}
