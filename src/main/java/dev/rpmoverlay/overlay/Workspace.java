package dev.rpmoverlay.overlay;

/**
 * One component being rendered: its spec (as editable lines with origins) and every other file of
 * its sources directory. The spec is {@code <component>.spec}; it is not part of {@link #files()}.
 */
public record Workspace(String component, String specFileName, SpecLines spec, SourceTree files) {

  /**
   * Takes the spec out of {@code tree}: {@code <upstreamName>.spec} renamed to {@code <name>.spec}
   * (azldev renames it after the clone), or {@code <name>.spec} itself.
   */
  public static Workspace fromTree(String component, String upstreamName, SourceTree tree) {
    String specName = component + ".spec";
    String upstreamSpec = upstreamName + ".spec";
    String source = tree.contains(upstreamSpec) ? upstreamSpec : specName;
    TreeFile specFile = tree.get(source).orElseThrow(() -> new IllegalArgumentException(
        "component " + component + ": no spec file '" + specName + "'"
            + (upstreamName.equals(component) ? "" : " or '" + upstreamName + ".spec'") + " in its sources"));
    SourceTree files = tree.copy();
    files.remove(source);
    files.remove(specName); // the rename replaces any spec already called <component>.spec
    return new Workspace(component, specName, SpecLines.parse(specFile.content()), files);
  }

  /** All files including the rendered spec. */
  public SourceTree toTree() {
    SourceTree out = files.copy();
    out.put(specFileName, new TreeFile(spec.toBytes(), false));
    return out;
  }
}
