package dev.rpmoverlay.upstream;

/** The kinds of dist-git tree entries the cache keeps, with their git mode strings. */
enum FileKind {
  REGULAR("100644"),
  EXECUTABLE("100755"),
  SYMLINK("120000");

  private final String gitMode;

  FileKind(String gitMode) {
    this.gitMode = gitMode;
  }

  public String gitMode() {
    return gitMode;
  }

  public static FileKind fromGitMode(String mode) {
    for (FileKind k : values()) {
      if (k.gitMode.equals(mode)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown mode '" + mode + "' (expected 100644, 100755 or 120000)");
  }
}
