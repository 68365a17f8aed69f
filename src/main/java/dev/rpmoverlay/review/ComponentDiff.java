package dev.rpmoverlay.review;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Upstream versus rendered output for one component: its changed files, sorted by path. */
public record ComponentDiff(String component, List<FileDiff> files) {

  public ComponentDiff {
    files = List.copyOf(files);
  }

  public boolean isEmpty() {
    return files.isEmpty();
  }

  /** Every cause that changed something, sorted. */
  public Set<Cause> causes() {
    Set<Cause> all = new TreeSet<>();
    files.forEach(f -> all.addAll(f.causes()));
    return all;
  }
}
