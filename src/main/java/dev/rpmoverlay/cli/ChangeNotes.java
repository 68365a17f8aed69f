package dev.rpmoverlay.cli;

import dev.rpmoverlay.upstream.ChangeNote;
import dev.rpmoverlay.upstream.LockFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.UserConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Writes the change note {@code update} puts into a lock whose input fingerprint changed: the
 * project repository's git user (as the commit that will hold the lock would have), today's UTC day
 * ({@code SOURCE_DATE_EPOCH} when set, for reproducible runs), and a subject saying what changed
 * unless the user gave one with {@code --message}.
 */
final class ChangeNotes {
  private final String author;
  private final String email;
  private final String date;
  private final Optional<String> message;

  ChangeNotes(String author, String email, String date, Optional<String> message) {
    this.author = author;
    this.email = email;
    this.date = date;
    this.message = message;
  }

  /** The identity of the git repository holding {@code projectDir}, and the day from the environment. */
  static ChangeNotes forProject(Path projectDir, Optional<String> message) {
    String name = null;
    String mail = null;
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(projectDir.toAbsolutePath().toFile());
    if (builder.getGitDir() != null) {
      try (Repository repo = builder.build()) {
        UserConfig user = repo.getConfig().get(UserConfig.KEY);
        name = user.getAuthorName();
        mail = user.getAuthorEmail();
      } catch (IOException e) {
        // no identity: the fallback below still gives a deterministic note
      }
    }
    String epoch = System.getenv("SOURCE_DATE_EPOCH");
    Instant now = epoch != null && epoch.matches("[0-9]{1,12}") ? Instant.ofEpochSecond(Long.parseLong(epoch)) : Instant.now();
    return new ChangeNotes(name == null || name.isBlank() ? "rpmoverlay" : name, mail == null || mail.isBlank() ? "rpmoverlay@localhost" : mail,
        LocalDate.ofInstant(now, ZoneOffset.UTC).toString(), message);
  }

  /**
   * {@code next} with its note: the previous lock's note when the fingerprint did not change (no new
   * downstream change), a new note otherwise.
   */
  LockFile annotate(Optional<LockFile> previous, LockFile next) {
    if (previous.isPresent() && previous.get().inputFingerprint().equals(next.inputFingerprint())) {
      return next.withNote(previous.get().note());
    }
    return next.withNote(new ChangeNote(author, email, date, message.orElseGet(() -> subject(previous, next))));
  }

  static String subject(Optional<LockFile> previous, LockFile next) {
    String commit = next.upstreamCommit().substring(0, Math.min(12, next.upstreamCommit().length()));
    if (previous.isEmpty()) {
      return commit.isEmpty() ? "Add local component" : "Import from upstream commit " + commit;
    }
    LockFile old = previous.get();
    if (!old.upstreamCommit().equals(next.upstreamCommit())) {
      return "Update to upstream commit " + commit;
    }
    if (old.manualBump() != next.manualBump()) {
      return "Rebuild";
    }
    return "Update downstream changes";
  }
}
