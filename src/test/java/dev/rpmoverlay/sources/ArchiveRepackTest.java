package dev.rpmoverlay.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpmoverlay.config.model.Compat;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.config.model.OverlayInfo;
import dev.rpmoverlay.config.model.SourcePosition;
import dev.rpmoverlay.overlay.OverlayEngine;
import dev.rpmoverlay.overlay.OverlayFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Archive overlays on each format: unpack, change in the extraction root, repack deterministically; hostile entries refused. */
class ArchiveRepackTest {
  final OverlayEngine engine = new OverlayEngine(Compat.DEFAULT);

  static OverlayInfo info(int index, String description) {
    return new OverlayInfo(index, description, Optional.empty(), new SourcePosition(Path.of("comps/motd/motd.comp.toml"), 5 + index, 1));
  }

  static Overlay replace(String archive, String glob, String regex, String replacement) {
    return new Overlay.FileSearchReplace(info(0, "rebrand"), glob, regex, replacement, Optional.of(archive));
  }

  static Overlay remove(String archive, String glob) {
    return new Overlay.FileRemove(info(1, "drop the ping"), glob, Optional.of(archive));
  }

  static TestArchives motd() throws Exception {
    return TestArchives.tar()
        .dir("motd-1.2")
        .file("motd-1.2/motd.sh", "echo 'Report problems at https://issues.example.org'\n", 0755)
        .dir("motd-1.2/contrib")
        .file("motd-1.2/contrib/phone-home.sh", "curl https://stats.example.org\n", 0755)
        .file("motd-1.2/README", "motd\n")
        .symlink("motd-1.2/README.md", "README")
        .hardlink("motd-1.2/COPYING", "motd-1.2/README");
  }

  byte[] overlaid(String name, byte[] archive) throws Exception {
    return ArchiveRepack.apply("motd", name, archive, List.of(
        replace(name, "motd.sh", "issues\\.example\\.org", "bugs.lumen.example.org"),
        remove(name, "contrib/phone-home.sh")), engine);
  }

  static Map<String, ArchiveEntry> read(byte[] archive) throws Exception {
    return new ArchiveReader("x", 1 << 20).read(archive).entries();
  }

  static String text(ArchiveEntry e) {
    return new String(e.content(), StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(value = ArchiveFormat.class, names = {"TAR", "TAR_GZIP", "TAR_BZIP2", "TAR_XZ", "TAR_ZSTD"})
  void aTarOfEachCompressionIsChangedInItsTopDirectoryAndKeepsItsFormatModesAndLinks(ArchiveFormat format) throws Exception {
    byte[] repacked = overlaid("motd-1.2.tar", motd().build(format));

    assertThat(ArchiveFormat.sniff(Arrays.copyOf(repacked, ArchiveFormat.headLength()))).contains(format);
    Map<String, ArchiveEntry> entries = read(repacked);
    assertThat(entries.keySet()).containsExactly(
        "motd-1.2", "motd-1.2/COPYING", "motd-1.2/README", "motd-1.2/README.md", "motd-1.2/contrib", "motd-1.2/motd.sh");
    assertThat(text(entries.get("motd-1.2/motd.sh"))).isEqualTo("echo 'Report problems at https://bugs.lumen.example.org'\n");
    assertThat(entries.get("motd-1.2/motd.sh").mode()).isEqualTo(0755);
    assertThat(entries.get("motd-1.2/README").mode()).isEqualTo(0644);
    assertThat(entries.get("motd-1.2/README.md").kind()).isEqualTo(ArchiveEntry.Kind.SYMLINK);
    assertThat(entries.get("motd-1.2/README.md").linkTarget()).isEqualTo("README");
    assertThat(entries.get("motd-1.2/COPYING").kind()).isEqualTo(ArchiveEntry.Kind.HARDLINK);
  }

  @Test
  void aZipIsChangedAndKeepsEachEntrysCompressionMethod() throws Exception {
    byte[] zip = TestArchives.zip("pkg/motd.sh", "see https://issues.example.org\n", "pkg/contrib/phone-home.sh", "curl\n",
        "pkg/README", "motd\n");
    byte[] repacked = overlaid("pkg.zip", zip);

    assertThat(ArchiveFormat.sniff(Arrays.copyOf(repacked, ArchiveFormat.headLength()))).contains(ArchiveFormat.ZIP);
    Map<String, ArchiveEntry> entries = read(repacked);
    assertThat(entries.keySet()).containsExactly("pkg/README", "pkg/motd.sh");
    assertThat(text(entries.get("pkg/motd.sh"))).isEqualTo("see https://bugs.lumen.example.org\n");
    assertThat(entries.get("pkg/motd.sh").zipMethod()).isEqualTo(0); // stored, as it was
    assertThat(entries.get("pkg/README").zipMethod()).isEqualTo(8); // deflated, as it was
  }

  @ParameterizedTest
  @EnumSource(ArchiveFormat.class)
  void theSameArchiveAndOverlaysGiveTheSameBytesInAnyTimeZone(ArchiveFormat format) throws Exception {
    byte[] archive = format == ArchiveFormat.ZIP
        ? TestArchives.zip("pkg/motd.sh", "see https://issues.example.org\n", "pkg/contrib/phone-home.sh", "curl\n")
        : motd().build(format);
    TimeZone saved = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
      byte[] east = overlaid("a", archive);
      TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
      byte[] west = overlaid("a", archive);
      assertThat(west).isEqualTo(east);
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  @Test
  void theRepackedTarHasSortedEntriesEpochTimesAndNoOwners() throws Exception {
    byte[] shuffled = TestArchives.tar().file("p/z", "z\n").file("p/motd.sh", "issues.example.org\n").file("p/contrib/phone-home.sh", "x\n")
        .build(ArchiveFormat.TAR);
    byte[] repacked = overlaid("p.tar", shuffled);
    try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(new java.io.ByteArrayInputStream(repacked))) {
      List<String> seen = new java.util.ArrayList<>();
      for (var e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        seen.add(e.getName() + " " + e.getModTime().getTime() + " " + e.getLongUserId() + ":" + e.getLongGroupId()
            + " '" + e.getUserName() + "'");
      }
      assertThat(seen).containsExactly("p/motd.sh 0 0:0 ''", "p/z 0 0:0 ''");
    }
  }

  @Test
  void theExtractionRootIsTheArchiveTopWhenThereAreSeveralTopLevelEntries() throws Exception {
    byte[] flat = TestArchives.tar().file("motd.sh", "issues.example.org\n").file("contrib/phone-home.sh", "x\n")
        .file("other/motd.sh", "issues.example.org\n").build(ArchiveFormat.TAR_GZIP);
    Map<String, ArchiveEntry> entries = read(overlaid("flat.tar.gz", flat));
    assertThat(entries.keySet()).containsExactly("motd.sh", "other/motd.sh");
    assertThat(text(entries.get("other/motd.sh"))).isEqualTo("issues.example.org\n"); // "motd.sh" is not a ** glob
  }

  @Test
  void anOverlayThatMatchesNothingInTheArchiveNamesTheOverlayAndTheArchive() throws Exception {
    byte[] archive = motd().build(ArchiveFormat.TAR_GZIP);
    assertThatThrownBy(() -> ArchiveRepack.apply("motd", "motd-1.2.tar.gz", archive,
        List.of(remove("motd-1.2.tar.gz", "no-such-file")), engine))
        .isInstanceOf(OverlayFailure.class)
        .hasMessage("component motd: overlay #2 (file-remove \"drop the ping\", comps/motd/motd.comp.toml:6:1): "
            + "no file matches 'no-such-file' inside archive 'motd-1.2.tar.gz'");
  }

  @Test
  void anEntryClimbingOutOfTheExtractionRootIsRefused() throws Exception {
    byte[] evil = TestArchives.tar().file("p/motd.sh", "x").rawFile("p/../../etc/cron.d/evil", "* * * * * root sh\n").build(ArchiveFormat.TAR);
    assertThatThrownBy(() -> overlaid("evil.tar", evil)).isInstanceOf(ArchiveException.class)
        .hasMessage("archive 'evil.tar': entry 'p/../../etc/cron.d/evil' climbs out of or is not normalized within the extraction root");
  }

  @Test
  void anAbsoluteEntryIsRefused() throws Exception {
    byte[] evil = TestArchives.tar().rawFile("/etc/passwd", "root::0:0::/:/bin/sh\n").build(ArchiveFormat.TAR);
    assertThatThrownBy(() -> overlaid("evil.tar", evil)).isInstanceOf(ArchiveException.class)
        .hasMessageContaining("entry '/etc/passwd' has an absolute or non-portable path");
  }

  @Test
  void aSymlinkToOutsideTheArchiveIsRefused() throws Exception {
    byte[] up = TestArchives.tar().file("p/motd.sh", "x").symlink("p/escape", "../../etc").build(ArchiveFormat.TAR);
    byte[] absolute = TestArchives.tar().file("p/motd.sh", "x").symlink("p/passwd", "/etc/passwd").build(ArchiveFormat.TAR);
    assertThatThrownBy(() -> overlaid("up.tar", up)).isInstanceOf(ArchiveException.class)
        .hasMessage("archive 'up.tar': entry 'p/escape' is a symbolic link to '../../etc', outside the archive");
    assertThatThrownBy(() -> overlaid("abs.tar", absolute)).isInstanceOf(ArchiveException.class)
        .hasMessage("archive 'abs.tar': entry 'p/passwd' is a symbolic link to '/etc/passwd', outside the archive");
  }

  @Test
  void aHardLinkToAFileOutsideTheArchiveIsRefused() throws Exception {
    byte[] evil = TestArchives.tar().file("p/motd.sh", "x").hardlink("p/shadow", "/etc/shadow").build(ArchiveFormat.TAR);
    assertThatThrownBy(() -> overlaid("evil.tar", evil)).isInstanceOf(ArchiveException.class)
        .hasMessage("archive 'evil.tar': entry 'p/shadow' is a hard link to '/etc/shadow', which is not a file in the archive");
  }

  @Test
  void aDeviceFileIsRefused() throws Exception {
    byte[] dev = TestArchives.tar().file("p/motd.sh", "x").charDevice("p/null").build(ArchiveFormat.TAR_XZ);
    assertThatThrownBy(() -> overlaid("dev.tar.xz", dev)).isInstanceOf(ArchiveException.class)
        .hasMessage("archive 'dev.tar.xz': entry 'p/null' is a device file or FIFO; only files, directories and links can be repacked");
  }

  @Test
  void aFileThatIsNoArchiveSaysSo() {
    byte[] text = "not an archive at all\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> overlaid("motd-1.2.tar.gz", text)).isInstanceOf(ArchiveException.class)
        .hasMessage("archive 'motd-1.2.tar.gz' is neither a tar (plain, gzip, bzip2, xz or zstd) nor a zip archive, going by its first bytes");
  }

  @Test
  void theFormatComesFromTheContentNotTheName() throws Exception {
    byte[] xz = motd().build(ArchiveFormat.TAR_XZ);
    byte[] repacked = overlaid("motd-1.2.tar.gz", xz);
    assertThat(ArchiveFormat.sniff(Arrays.copyOf(repacked, ArchiveFormat.headLength()))).contains(ArchiveFormat.TAR_XZ);
  }

  @Test
  void removingTheTargetOfAHardLinkIsRefused() throws Exception {
    byte[] archive = TestArchives.tar().file("p/motd.sh", "issues.example.org").file("p/contrib/phone-home.sh", "x")
        .hardlink("p/ping", "p/contrib/phone-home.sh").build(ArchiveFormat.TAR);
    assertThatThrownBy(() -> overlaid("p.tar", archive)).isInstanceOf(ArchiveException.class)
        .hasMessage("archive 'p.tar': hard link 'p/ping' points to 'p/contrib/phone-home.sh', which an overlay removed; remove the link too");
  }

  @Test
  void anArchiveLargerThanTheLimitIsRefusedBeforeItFillsMemory() throws Exception {
    byte[] archive = TestArchives.tar().file("p/big", "x".repeat(4096)).build(ArchiveFormat.TAR_GZIP);
    assertThatThrownBy(() -> new ArchiveReader("big.tar.gz", 1024).read(archive)).isInstanceOf(ArchiveException.class)
        .hasMessage("archive 'big.tar.gz' unpacks to more than 1024 bytes (at 'p/big'); archive overlays unpack archives in memory and stop there");
  }
}
