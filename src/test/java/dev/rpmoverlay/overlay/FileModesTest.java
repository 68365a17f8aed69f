package dev.rpmoverlay.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executable bit on disk: written as 0755 or 0644, read back as access(2) answers it. */
class FileModesTest {
  @TempDir Path tmp;

  @Test
  void aFileWrittenExecutableReadsBackExecutable() throws IOException {
    Path file = Files.writeString(tmp.resolve("run.sh"), "#!/bin/sh\n");
    FileModes.apply(file, true);

    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(FileModes.isExecutable(file)).isTrue().isEqualTo(Files.isExecutable(file));
  }

  @Test
  void aFileWrittenPlainReadsBackPlain() throws IOException {
    Path file = Files.writeString(tmp.resolve("demo.spec"), "Name: demo\n");
    FileModes.apply(file, false);

    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(FileModes.isExecutable(file)).isFalse().isEqualTo(Files.isExecutable(file));
  }

  @Test
  void aMissingFileIsNotExecutable() {
    assertThat(FileModes.isExecutable(tmp.resolve("gone"))).isFalse();
  }
}
