package dev.rpmoverlay.spec;

/**
 * The package a section belongs to, as its header writes it: unexpanded and unresolved against
 * {@code Name:}, exactly like azldev ({@code %files devel} and {@code %files -n devel} both give
 * {@code devel}).
 *
 * @param name the qualifier, {@code ""} for the main package
 * @param form how the header wrote it
 */
public record PackageQualifier(String name, PackageForm form) {

  public static final PackageQualifier MAIN = new PackageQualifier("", PackageForm.MAIN);

  public boolean isMain() {
    return form == PackageForm.MAIN;
  }

  /**
   * The binary package name, given the main package's name: {@code main-suffix} for the suffix
   * form, the name itself for the absolute form. No macro expansion.
   */
  public String fullName(String mainName) {
    return switch (form) {
      case MAIN -> mainName;
      case SUFFIX -> mainName + "-" + name;
      case ABSOLUTE -> name;
    };
  }
}
