package dev.rpmoverlay.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The executable bit on disk: written as 0755 or 0644, read back as access(2) answers it. */
class FileModesTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @CsvSource({"true, rwxr-xr-x", "false, rw-r--r--"})
  void aFileReadsBackTheExecutableBitItWasWrittenWith(boolean executable, String mode) throws IOException {
    Path file = Files.writeString(tmp.resolve("file"), "content\n");
    FileModes.apply(file, executable);

    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString(mode));
    assertThat(FileModes.isExecutable(file)).isEqualTo(executable).isEqualTo(Files.isExecutable(file));
  }

  @Test
  void aMissingFileIsNotExecutable() {
    assertThat(FileModes.isExecutable(tmp.resolve("gone"))).isFalse();
  }
}
