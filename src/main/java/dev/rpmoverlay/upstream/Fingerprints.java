package dev.rpmoverlay.upstream;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import com.google.common.io.MoreFiles;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.Overlay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The lock fingerprints (docs/azldev-compatibility.md §1.10), computed with Guava's SHA-256 over a canonical
 * text of labelled, length-prefixed fields ({@code len:label=len:value\n}, lengths in UTF-8 bytes),
 * so no field can run into the next. Results are {@code sha256:<64 hex>}.
 *
 * <p>The input fingerprint covers: the resolved component config in {@link CanonicalForm} (without
 * the fields below), the source identity (the upstream commit, or for a local spec the sorted
 * {@code relpath=sha256} of its directory), the manual bump, the distro's {@code release-ver}, the
 * compatibility mode, and for each overlay with a source file {@code overlay:<index>} =
 * {@code <dest-name>:<sha256 of the source file>}.
 *
 * <p>Left out, as in azldev, because they cannot change the rendered output: the component name and
 * where it was declared, its group memberships, overlay descriptions, metadata and positions, the
 * {@code %check} skip reason (azldev quirk, kept for compatibility), the local spec path and the
 * overlay source paths (their contents count instead, so a lock does not depend on where the
 * project is checked out), the snapshot (it is in the resolution hash), and a source file's origin
 * and replace reason.
 */
public final class Fingerprints {

  private static final CanonicalForm CONFIG_FORM = new CanonicalForm(Set.of(
      "ComponentConfig.name",
      "ComponentConfig.definedIn",
      "ComponentConfig.groups",
      "OverlayInfo.description",
      "OverlayInfo.metadata",
      "OverlayInfo.declaredAt",
      // absolute paths (they would tie every lock to one checkout); the file's bytes count instead
      "PatchAdd.source",
      "FileAdd.source",
      "CheckConfig.skipReason",
      "SpecSource.path",
      "DistroRef.snapshot",
      "SourceFile.originType",
      "SourceFile.originUri",
      "SourceFile.replaceReason",
      "SourceFile.declaredAt"));

  private Fingerprints() {}

  /** The canonical text of a component config that the input fingerprint hashes. */
  public static String canonicalConfig(ComponentConfig config) {
    return CONFIG_FORM.of(config);
  }

  /**
   * The input fingerprint.
   *
   * @param sourceIdentity the upstream commit, or {@link #localSourceIdentity} of a local spec dir
   * @param compatMode the render compatibility mode (for example {@code april-2026} or {@code head})
   */
  public static String input(ComponentConfig config, String sourceIdentity, int manualBump, String releaseVer, String compatMode) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("config", canonicalConfig(config));
    fields.put("source_identity", sourceIdentity);
    fields.put("manual_bump", Integer.toString(manualBump));
    fields.put("release_ver", releaseVer);
    fields.put("compat_mode", compatMode);
    for (Overlay o : config.overlays()) {
      overlaySource(o).ifPresent(src -> fields.put("overlay:" + o.info().index(), overlayIdentity(config, o, src)));
    }
    return hash(fields);
  }

  /** The resolution input hash: what decides which upstream commit is chosen. */
  public static String resolution(UpstreamCoordinates c, String distroName, String distroVersion) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("snapshot", c.snapshot());
    fields.put("distro", distroName);
    fields.put("distro_version", distroVersion);
    fields.put("dist_git_branch", c.branch());
    fields.put("dist_git_uri", c.url());
    fields.put("upstream_commit", c.pinnedCommit());
    fields.put("upstream_name", c.upstreamName());
    return hash(fields);
  }

  /** {@code sha256:} over the sorted {@code relpath=sha256} lines of every file under {@code dir}. */
  public static String localSourceIdentity(Path dir) throws IOException {
    TreeMap<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString().replace('\\', '/'), MoreFiles.asByteSource(p).hash(Hashing.sha256()).toString());
      }
    }
    StringBuilder sb = new StringBuilder();
    files.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
    return "sha256:" + Hashing.sha256().hashString(sb, StandardCharsets.UTF_8);
  }

  /** {@code sha256:} over {@code fields} in their order, each labelled and length-prefixed as described above. */
  public static String hash(Map<String, String> fields) {
    Hasher h = Hashing.sha256().newHasher();
    for (var e : fields.entrySet()) {
      byte[] label = e.getKey().getBytes(StandardCharsets.UTF_8);
      byte[] value = e.getValue().getBytes(StandardCharsets.UTF_8);
      h.putString(label.length + ":", StandardCharsets.UTF_8).putBytes(label)
          .putString("=" + value.length + ":", StandardCharsets.UTF_8).putBytes(value)
          .putByte((byte) '\n');
    }
    return "sha256:" + h.hash();
  }

  private static java.util.Optional<String> overlaySource(Overlay o) {
    if (o instanceof Overlay.PatchAdd p) {
      return java.util.Optional.of(p.source());
    }
    if (o instanceof Overlay.FileAdd f) {
      return java.util.Optional.of(f.source());
    }
    return java.util.Optional.empty();
  }

  /** The files whose bytes {@link #input} hashes for {@code config}'s overlays, in overlay order. */
  public static java.util.List<Path> overlaySourceFiles(ComponentConfig config) {
    java.util.List<Path> files = new java.util.ArrayList<>();
    for (Overlay o : config.overlays()) {
      overlaySource(o).ifPresent(src -> files.add(sourceFile(o, src)));
    }
    return files;
  }

  private static Path sourceFile(Overlay o, String source) {
    Path declaring = o.info().declaredAt().file();
    Path base = declaring == null || declaring.getParent() == null ? Path.of("") : declaring.getParent();
    return base.resolve(source);
  }

  private static String overlayIdentity(ComponentConfig config, Overlay o, String source) {
    Path file = sourceFile(o, source);
    String named = o instanceof Overlay.PatchAdd p ? p.file() : o instanceof Overlay.FileAdd f ? f.file() : "";
    String dest = named.isEmpty() ? String.valueOf(file.getFileName()) : named;
    try {
      return dest + ":" + MoreFiles.asByteSource(file).hash(Hashing.sha256());
    } catch (IOException e) {
      throw new UpstreamException("component '" + config.name() + "', overlay #" + o.info().number() + " (" + o.info().describe()
          + "): cannot read source file " + file + " to fingerprint it: " + e.getMessage());
    }
  }
}
