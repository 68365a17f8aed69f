package dev.rpmoverlay.config;

import dev.rpmoverlay.config.model.DistroRef;
import java.nio.file.Path;

/**
 * {@code [project]} after merging every file; directories are absolute (relative values resolve
 * against the file that declared them, defaults against the project directory).
 *
 * @param upstreamCacheDir rpmoverlay's committed upstream cache (not an azldev key)
 * @param defaultDistro the project default distro as declared (version may be empty: then the
 *     distro's default-version applies, see {@link Project#defaultDistro()})
 * @param upstreamLimits {@code [project.upstream-limits]} (not an azldev key)
 */
public record ProjectInfo(
    String description,
    Path logDir,
    Path workDir,
    Path outputDir,
    Path renderedSpecsDir,
    Path lockDir,
    Path upstreamCacheDir,
    DistroRef defaultDistro,
    String defaultAuthorEmail,
    UpstreamLimits upstreamLimits) {}
