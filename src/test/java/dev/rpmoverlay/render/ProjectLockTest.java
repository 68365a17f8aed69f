package dev.rpmoverlay.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpmoverlay.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLockTest {
  @TempDir Path dir;

  Path file() {
    return dir.resolve("work").resolve(ProjectLock.FILE_NAME);
  }

  @Test
  void aSecondCommandIsRefusedWithTheHoldersPidAndCommand() throws Exception {
    try (ProjectLock first = ProjectLock.acquire(file(), "render -a", Duration.ZERO)) {
      assertThatThrownBy(() -> ProjectLock.acquire(file(), "update", Duration.ZERO))
          .isInstanceOf(ProjectLock.HeldException.class)
          .hasMessageContaining("another rpmoverlay command is working on this project")
          .hasMessageContaining("pid " + ProcessHandle.current().pid())
          .hasMessageContaining("'render -a'")
          .hasMessageContaining(file().toString());
    }
  }

  @Test
  void aReleasedLockCanBeTakenAgainAndLeavesNoStaleHolder() throws Exception {
    ProjectLock.acquire(file(), "render", Duration.ZERO).close();
    try (ProjectLock again = ProjectLock.acquire(file(), "render", Duration.ZERO)) {
      assertThat(again.tookOverFrom()).isEmpty();
    }
    assertThat(Files.size(file())).isZero();
  }

  @Test
  void aWaitingCommandRunsAsSoonAsTheHolderFinishes() throws Exception {
    ProjectLock first = ProjectLock.acquire(file(), "render", Duration.ZERO);
    long start = System.nanoTime();
    CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
      try {
        Thread.sleep(300);
        first.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    try (ProjectLock second = ProjectLock.acquire(file(), "update", Duration.ofSeconds(30))) {
      // Not "release is done": the lock is free inside first.close(), a moment before the task that
      // called it completes, and the waiting command may run in that moment.
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(300), Duration.ofSeconds(10));
      assertThat(second.tookOverFrom()).isEmpty();
    }
    release.get(10, TimeUnit.SECONDS); // the holder's close succeeded
  }

  @Test
  void aLockFileLeftByADeadProcessIsTakenOverAndReported() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.createDirectories(file().getParent());
    Files.writeString(file(), "pid=" + gone.pid() + "\nstarted=2026-01-01T00:00:00Z\ncommand=render\n");
    try (ProjectLock lock = ProjectLock.acquire(file(), "render", Duration.ZERO)) {
      assertThat(lock.tookOverFrom()).hasValueSatisfying(h -> {
        assertThat(h.pid()).isEqualTo(gone.pid());
        assertThat(h.alive()).isFalse();
      });
    }
  }

  @Test
  void aLivePidWithADifferentStartTimeIsNotTheHolder() {
    // PID reuse: the PID runs, but it is not the process that wrote the lock.
    ProjectLock.Holder reused = new ProjectLock.Holder(ProcessHandle.current().pid(), "1999-01-01T00:00:00Z", "render");
    assertThat(reused.alive()).isFalse();
  }

  @Test
  void aHolderKilledWithSigkillReleasesTheLockAndIsReportedAsStale() throws Exception {
    Path log = dir.resolve("child.log");
    Process child = ChildJvm.builder(LockHolderMain.class, List.of(file().toString())).redirectErrorStream(true).start();
    try {
      String line;
      try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        line = r.readLine();
        assertThat(line).as("child output").startsWith("locked ");
        assertThatThrownBy(() -> ProjectLock.acquire(file(), "render", Duration.ZERO))
            .isInstanceOf(ProjectLock.HeldException.class)
            .hasMessageContaining("pid " + child.pid())
            .hasMessageContaining("'holder'");
        ChildJvm.kill(child);
      }
      try (ProjectLock lock = ProjectLock.acquire(file(), "render", Duration.ZERO)) {
        assertThat(lock.tookOverFrom()).map(ProjectLock.Holder::pid).hasValue(child.pid());
      }
    } finally {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      Files.deleteIfExists(log);
    }
  }
}
