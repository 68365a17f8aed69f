package dev.rpmoverlay.spec;

/** How a section header names its package. */
public enum PackageForm {
  /** No qualifier: the main package. */
  MAIN,
  /** {@code %files devel}: a suffix to the main package's name. */
  SUFFIX,
  /** {@code %files -n foo-devel}: an absolute package name. */
  ABSOLUTE
}
