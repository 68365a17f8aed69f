package dev.rpmoverlay.render;

import dev.rpmoverlay.overlay.SourceTree;
import java.util.Optional;

/**
 * What render reads for one component, in one go: its upstream files and, when stored, the
 * rpmautospec history facts (see {@link SourceTreeProvider#historyFacts}).
 */
record UpstreamSources(SourceTree tree, Optional<byte[]> historyFacts) {}
