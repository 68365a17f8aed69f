package dev.rpmoverlay.render;

import java.util.Map;
import java.util.Optional;

/**
 * The stamps of the files a render wrote into each component dir, read right after each was
 * written, for the components whose dir was moved into place once the file-system clock had
 * moved past those writes ({@link TreeStamps.FileStamp#settled}).
 *
 * <p>Until that rename the files are in render's own staging dir; after it, any write to one of
 * them moves its status-change time. So a dir whose files (all of them, and no others) still have
 * these stamps holds what render wrote, without reading it back: the proof the stamp record
 * ({@code RenderShortcut} in cli) needs for every dir written, which otherwise reads and digests a
 * full distro's output.
 *
 * @param byComponent each such component's file stamps, by the file's path in its dir
 */
public record WrittenStamps(Map<String, Map<String, TreeStamps.FileStamp>> byComponent) {
  public static final WrittenStamps NONE = new WrittenStamps(Map.of());

  public WrittenStamps {
    byComponent = Map.copyOf(byComponent);
  }

  /** The stamps render left in {@code component}'s dir, if it offers them as proof. */
  public Optional<Map<String, TreeStamps.FileStamp>> of(String component) {
    return Optional.ofNullable(byComponent.get(component));
  }
}
