package dev.rpmoverlay.config;

import static dev.rpmoverlay.config.TomlValues.bool;
import static dev.rpmoverlay.config.TomlValues.str;
import static dev.rpmoverlay.config.TomlValues.strings;
import static dev.rpmoverlay.config.TomlValues.table;

import dev.rpmoverlay.config.ComponentLayer.BuildLayer;
import dev.rpmoverlay.config.ComponentLayer.SpecLayer;
import dev.rpmoverlay.config.model.DistroRef;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.config.model.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/** Reads a component table (or any {@code default-component-config}) into a {@link ComponentLayer}. */
final class ComponentReader {
  private ComponentReader() {}

  static ComponentLayer read(TomlFile file, TomlTable t) {
    TomlTable spec = table(t, "spec");
    TomlTable distro = table(spec, "upstream-distro");
    String path = str(spec, "path");
    SpecLayer specLayer =
        new SpecLayer(
            str(spec, "type"),
            path.isEmpty() ? "" : file.dir().resolve(path).normalize().toString(),
            distroRef(distro),
            str(spec, "upstream-name"),
            str(spec, "upstream-commit"));

    TomlTable build = table(t, "build");
    TomlTable check = table(build, "check");
    TomlTable failure = table(build, "failure");
    SortedMap<String, String> defines = new TreeMap<>();
    TomlTable definesTable = table(build, "defines");
    for (String key : definesTable.keySet()) {
      if (definesTable.get(List.of(key)) instanceof String v) {
        defines.put(key, v);
      }
    }
    BuildLayer buildLayer =
        new BuildLayer(
            strings(build, "with"),
            strings(build, "without"),
            defines,
            strings(build, "undefines"),
            bool(check, "skip"),
            str(check, "skip_reason"),
            bool(failure, "expected"),
            str(failure, "expected-reason"),
            bool(table(build, "hints"), "expensive"),
            bool(build, "emit-upstream-provenance"));

    List<Overlay> overlays = new ArrayList<>();
    TomlValues.array(t, "overlays").ifPresent(a -> {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i) instanceof TomlTable o) {
          OverlayReader.read(file, o, file.at(a, i), Optional.empty()).ifPresent(overlays::add);
        }
      }
    });

    Optional<List<String>> overlayFiles =
        TomlValues.array(t, "overlay-files").map(a -> strings(t, "overlay-files"));

    return new ComponentLayer(
        specLayer,
        str(table(t, "release"), "calculation"),
        buildLayer,
        bool(table(t, "render"), "skip-file-filter"),
        sourceFiles(file, t),
        overlays,
        overlayFiles);
  }

  static DistroRef distroRef(TomlTable t) {
    return new DistroRef(str(t, "name"), str(t, "version"), str(t, "snapshot"));
  }

  private static List<SourceFile> sourceFiles(TomlFile file, TomlTable t) {
    List<SourceFile> out = new ArrayList<>();
    Optional<TomlArray> array = TomlValues.array(t, "source-files");
    if (array.isEmpty()) {
      return out;
    }
    TomlArray a = array.get();
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) instanceof TomlTable s) {
        TomlTable origin = table(s, "origin");
        out.add(
            new SourceFile(
                str(s, "filename"),
                str(s, "hash"),
                str(s, "hash-type"),
                str(origin, "type"),
                str(origin, "uri"),
                bool(s, "replace-upstream"),
                str(s, "replace-reason"),
                file.at(a, i)));
      }
    }
    return out;
  }
}
