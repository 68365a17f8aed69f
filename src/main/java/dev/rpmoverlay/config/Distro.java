package dev.rpmoverlay.config;

import dev.rpmoverlay.config.model.SourcePosition;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code [distros.<name>]} after merging every file.
 *
 * @param distGitBaseUri template with {@code $pkg}
 * @param lookasideBaseUri template with {@code $pkg $filename $hashtype $hash}
 * @param repos the {@code repos[].base-uri} values
 */
public record Distro(
    String name,
    String description,
    String defaultVersion,
    String distGitBaseUri,
    String lookasideBaseUri,
    List<String> repos,
    boolean disableOrigins,
    SortedMap<String, DistroVersion> versions,
    SourcePosition declaredAt) {

  public Distro {
    repos = List.copyOf(repos);
    versions = Collections.unmodifiableSortedMap(new TreeMap<>(versions));
  }

  public Optional<DistroVersion> version(String version) {
    return Optional.ofNullable(versions.get(version.isEmpty() ? defaultVersion : version));
  }
}
