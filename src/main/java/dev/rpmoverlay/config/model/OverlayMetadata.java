package dev.rpmoverlay.config.model;

import java.util.List;

/** Review metadata of an overlay (azldev HEAD schema): documentation only, never affects output. */
public record OverlayMetadata(String category, String upstreamStatus, List<String> commits, List<String> bugs) {
  public OverlayMetadata {
    commits = List.copyOf(commits);
    bugs = List.copyOf(bugs);
  }
}
