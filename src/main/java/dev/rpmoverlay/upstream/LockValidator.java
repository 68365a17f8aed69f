package dev.rpmoverlay.upstream;

import dev.rpmoverlay.concurrent.ParallelMap;
import dev.rpmoverlay.config.model.Compat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Computes the lock a component should have, and says when its lock is missing or stale. Render
 * calls {@link #problems} and refuses to run when it returns anything, unless the user passes
 * {@code --skip-lock-validation}; {@code update --check} uses the same check as a CI gate.
 */
public final class LockValidator {

  private final LockStore locks;

  public LockValidator(LockStore locks) {
    this.locks = locks;
  }

  /** One stale or missing lock. */
  public record Problem(String component, String message) {}

  /**
   * What {@link #check} found for a list of subjects.
   *
   * @param problems the problems, sorted by component name
   * @param current the lock of every subject that has no problem, by component: its input
   *     fingerprint was just recomputed from the subject's config and overlay files and matched
   */
  public record Checked(List<Problem> problems, Map<String, LockFile> current) {}

  /** Problems for every subject, sorted by component name. */
  public List<Problem> problems(List<LockSubject> subjects) throws IOException {
    return check(subjects).problems();
  }

  /** Checks every subject's lock: the problems, and the locks found current. */
  public Checked check(List<LockSubject> subjects) throws IOException {
    return check(subjects, KeptLockVerdicts.NONE);
  }

  /**
   * Checks every subject's lock, taking a verdict {@code kept} holds instead of checking again for
   * an upstream component, and telling it every other verdict (save it afterwards).
   */
  public Checked check(List<LockSubject> subjects, KeptLockVerdicts kept) throws IOException {
    List<Problem> out = new ArrayList<>();
    Map<String, LockFile> current = new ConcurrentHashMap<>();
    // independent per component (read a lock, hash config and overlay files): use every core
    for (Optional<Problem> problem : ParallelMap.map(subjects, s -> {
      Path lockFile = locks.path(s.component());
      Optional<LockFile> held = s.upstream().isPresent() ? kept.current(s, lockFile) : Optional.empty();
      if (held.isPresent()) {
        current.put(s.component(), held.get());
        return Optional.<Problem>empty();
      }
      Optional<LockFile> lock = locks.read(s.component());
      Optional<Problem> found = problem(s, lock);
      if (found.isEmpty()) {
        current.put(s.component(), lock.orElseThrow());
        if (s.upstream().isPresent()) {
          kept.found(s, lock.get(), lockFile);
        }
      } else {
        kept.notCurrent(s.component());
      }
      return found;
    })) {
      problem.ifPresent(out::add);
    }
    out.sort(Comparator.comparing(Problem::component));
    return new Checked(out, current);
  }

  /** A problem for every lock file in the lock dir that belongs to none of {@code components}, sorted. */
  public List<Problem> orphans(java.util.Set<String> components) throws IOException {
    List<Problem> out = new ArrayList<>();
    for (String locked : locks.lockedComponents()) {
      if (!components.contains(locked)) {
        out.add(new Problem(locked, "lock file " + locks.lockDir().resolve(locked + ".lock") + " belongs to no component of the"
            + " project; delete it if the component was removed, or run 'rpmoverlay update -a', which deletes it"));
      }
    }
    out.sort(Comparator.comparing(Problem::component)); // only the orphans sorted, not every lock file
    return out;
  }

  /** The problem with one component's lock, if any. Reads no network and no upstream git. */
  public Optional<Problem> problem(LockSubject s) throws IOException {
    return problem(s, locks.read(s.component()));
  }

  private Optional<Problem> problem(LockSubject s, Optional<LockFile> lock) throws IOException {
    String c = s.component();
    // the compat mode is part of the fingerprint, so the fix must write the lock in the same mode
    String compat = Compat.DEFAULT.configName().equals(s.compatMode()) ? "" : "--compat " + s.compatMode() + " ";
    // no render option here: 'update --check' reports the same problems; LockGate adds render's way around
    String fix = "; run 'rpmoverlay update " + compat + c + "'";
    if (lock.isEmpty()) {
      return Optional.of(new Problem(c, "component '" + c + "' has no lock file " + locks.path(c) + fix));
    }
    LockFile l = lock.get();
    if (l.fingerprintScheme() != LockFile.FINGERPRINT_SCHEME) {
      return Optional.of(new Problem(c, "component '" + c + "': lock file " + locks.path(c) + " was written with fingerprint"
          + " scheme " + l.fingerprintScheme() + " (this rpmoverlay uses " + LockFile.FINGERPRINT_SCHEME + "); rewriting it does"
          + " not count as a downstream change" + fix));
    }
    if (s.upstream().isPresent()) {
      UpstreamCoordinates u = s.upstream().get();
      if (l.upstreamCommit().isEmpty()) {
        return Optional.of(new Problem(c, "component '" + c + "': lock file " + locks.path(c) + " has no upstream-commit" + fix));
      }
      if (!u.pinnedCommit().isEmpty() && !l.upstreamCommit().startsWith(u.pinnedCommit().toLowerCase(java.util.Locale.ROOT))) {
        return Optional.of(new Problem(c, "component '" + c + "': the lock's upstream-commit " + l.upstreamCommit()
            + " differs from the upstream-commit pin " + u.pinnedCommit() + fix));
      }
      if (!l.resolutionInputHash().equals(Fingerprints.resolution(u, s.distroName(), s.distroVersion()))) {
        return Optional.of(new Problem(c, "component '" + c + "': the upstream selection (snapshot, distro, branch, URL, pin or"
            + " upstream name) changed since the lock was written" + fix));
      }
    }
    if (!l.inputFingerprint().equals(fingerprint(s, l))) {
      return Optional.of(new Problem(c, "component '" + c + "': its configuration or overlay files changed since the lock was"
          + " written (input fingerprint differs)" + fix));
    }
    return Optional.empty();
  }

  /**
   * The lock {@code update} writes for {@code s} at {@code upstreamCommit} (empty for a local
   * component), keeping the import commit and manual bump of {@code previous}.
   */
  public LockFile expected(LockSubject s, String upstreamCommit, Optional<LockFile> previous) throws IOException {
    int bump = previous.map(LockFile::manualBump).orElse(0);
    String importCommit = s.upstream().isEmpty() ? ""
        : previous.map(LockFile::importCommit).filter(x -> !x.isEmpty()).orElse(upstreamCommit);
    String resolution = s.upstream().map(u -> Fingerprints.resolution(u, s.distroName(), s.distroVersion())).orElse("");
    LockFile draft = new LockFile(LockFile.VERSION, importCommit, upstreamCommit, bump, "", resolution);
    return new LockFile(LockFile.VERSION, importCommit, upstreamCommit, bump, fingerprint(s, draft), resolution);
  }

  private static String fingerprint(LockSubject s, LockFile lock) throws IOException {
    String identity;
    if (s.upstream().isPresent()) {
      identity = lock.upstreamCommit();
    } else if (s.localSpecDir().isPresent()) {
      identity = Fingerprints.localSourceIdentity(s.localSpecDir().get());
    } else {
      identity = "";
    }
    return Fingerprints.input(s.config(), identity, lock.manualBump(), s.releaseVer(), s.compatMode());
  }
}
