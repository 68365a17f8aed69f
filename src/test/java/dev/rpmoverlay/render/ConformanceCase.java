package dev.rpmoverlay.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;

/** One {@code cases/<name>/case.toml} of the azldev conformance data (fields per its README). */
record ConformanceCase(
    Path dir,
    String component,
    String expectedSpec,
    int releaseBumps,
    boolean usesRpmautospec,
    boolean ignoreChangelog,
    List<String> sidecarsNotComparable) {

  static ConformanceCase read(Path dir) throws IOException {
    TomlParseResult t = Toml.parse(dir.resolve("case.toml"));
    if (t.hasErrors()) {
      throw new IOException(dir.resolve("case.toml") + ": " + t.errors().get(0));
    }
    Long bumps = t.getLong("release-bumps");
    return new ConformanceCase(
        dir,
        t.getString("component"),
        t.getString("expected-spec"),
        bumps == null ? 0 : bumps.intValue(),
        Boolean.TRUE.equals(t.getBoolean("uses-rpmautospec")),
        Boolean.TRUE.equals(t.getBoolean("ignore-changelog")),
        strings(t.getArray("sidecars-not-comparable")));
  }

  private static List<String> strings(TomlArray a) {
    List<String> out = new ArrayList<>();
    if (a != null) {
      for (int i = 0; i < a.size(); i++) {
        out.add(a.getString(i));
      }
    }
    return out;
  }

  Path upstream() {
    return dir.resolve("upstream");
  }

  Path expected() {
    return dir.resolve("expected");
  }
}
