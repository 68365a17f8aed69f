package dev.rpmoverlay.architecture.badexample.unplaced;

/** Broken on purpose: a package that belongs to no layer. */
public final class Stray {}
