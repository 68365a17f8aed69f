package dev.rpmoverlay.cli;

/** The {@code -O} choices: a human table or stable JSON for pipelines. */
public enum OutputFormat {
  TABLE,
  JSON
}
