package dev.rpmoverlay.cli;

/**
 * The {@code -O} choices: a human table, stable JSON for pipelines, or, for output that is a
 * table ({@code overlays}, {@code fetch}, {@code update}), CSV for spreadsheets and Markdown for
 * pasting into a review. Commands whose output is no table print their text form for
 * {@code csv} and {@code markdown}.
 */
enum OutputFormat {
  TABLE,
  JSON,
  CSV,
  MARKDOWN
}
