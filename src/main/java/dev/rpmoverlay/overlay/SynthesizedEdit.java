package dev.rpmoverlay.overlay;

/** The edits render makes on its own, besides the user's overlays (docs/azldev-compatibility.md §2.7). */
public enum SynthesizedEdit {
  MACROS_LOAD("macros-load"),
  MACROS_SOURCE("macros-source"),
  CHECK_SKIP("check-skip"),
  BANNER("banner"),
  RELEASE_BUMP("release-bump"),
  /** The rpmautospec block and generated changelog of %autorelease / %autochangelog expansion. */
  AUTORELEASE("autorelease");

  private final String label;

  SynthesizedEdit(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
