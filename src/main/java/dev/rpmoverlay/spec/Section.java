package dev.rpmoverlay.spec;

/**
 * A section: the preamble (no header) or a header line and the body lines up to the next header or
 * the end of the file. Line indices are 0-based into the document at the time of the query.
 *
 * @param index position in {@link SpecStructure#sections()}; the preamble is 0
 * @param header the parsed header, null for the preamble
 * @param pkg the package it belongs to (azldev HEAD rules)
 * @param headerLine index of the header line, -1 for the preamble
 * @param end index one past the last body line
 */
public record Section(int index, SectionHeader header, PackageQualifier pkg, int headerLine, int end) {

  /** Name as written ({@code %files}), {@code ""} for the preamble. */
  public String name() {
    return header == null ? "" : header.name();
  }

  public SectionType type() {
    return header == null ? SectionType.PACKAGE : header.type();
  }

  /** The package qualifier string, {@code ""} for the main package. */
  public String packageName() {
    return pkg.name();
  }

  public boolean isPreamble() {
    return header == null;
  }

  /** Whether tags are recognised in it (the preamble and {@code %package} sections). */
  public boolean holdsTags() {
    return type() == SectionType.PACKAGE;
  }

  /** Index of the first body line (the line after the header). */
  public int bodyStart() {
    return headerLine + 1;
  }

  /** Whether line {@code line} is this section's header or body. */
  public boolean contains(int line) {
    return line >= (header == null ? 0 : headerLine) && line < end;
  }

  /** Whether this section is {@code (name, package)} exactly as azldev matches overlays. */
  public boolean is(String sectionName, String packageName) {
    return name().equals(sectionName) && pkg.name().equals(packageName);
  }
}
