package dev.rpmoverlay.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.hash.Hashing;
import dev.rpmoverlay.testing.FileSystemClock;
import dev.rpmoverlay.upstream.CacheMetadata.FileRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The record of verified upstream cache files ({@link VerificationRecord}): what it lets a read skip
 * and what it never does. Each "run" opens the record afresh, as a new render process does.
 */
class VerificationRecordTest {
  @TempDir Path tmp;
  Path cacheDir;
  Path recordDir;

  @BeforeEach
  void writeEntries() throws Exception {
    cacheDir = tmp.resolve("upstream-cache");
    recordDir = tmp.resolve("work/" + VerificationRecord.FILE_NAME);
    entry("hello", "Name: hello\n", "fix.patch", "--- a\n+++ b\n");
    entry("world", "Name: world\n");
    FileSystemClock.tickPast(tmp);
  }

  /** Writes {@code name}'s entry: its spec, then pairs of further file names and contents. */
  void entry(String name, String spec, String... more) throws Exception {
    Path files = Files.createDirectories(cacheDir.resolve(name + "/files"));
    List<FileRecord> records = new ArrayList<>();
    List<String> contents = new ArrayList<>(List.of(name + ".spec", spec));
    contents.addAll(List.of(more));
    for (int i = 0; i < contents.size(); i += 2) {
      Files.writeString(files.resolve(contents.get(i)), contents.get(i + 1));
      records.add(new FileRecord(contents.get(i), FileKind.REGULAR, sha256(contents.get(i + 1)), ""));
    }
    CacheMetadata meta = new CacheMetadata(CacheMetadata.FORMAT, name, name, "file:///srv/" + name, "f43",
        "3f1e9a0c2b7d4e5f60718293a4b5c6d7e8f90123", Instant.parse("2026-02-20T10:00:00Z"), "", Optional.empty(), records);
    Files.writeString(cacheDir.resolve(name + "/upstream.toml"), CacheMetadataToml.write(meta));
  }

  static String sha256(String s) {
    return Hashing.sha256().hashString(s, StandardCharsets.UTF_8).toString();
  }

  /** One render-like run: opens the record, reads {@code components}, saves it; returns it for its counts. */
  VerificationRecord run(boolean trust, Set<String> live, String... components) {
    VerificationRecord record = VerificationRecord.open(recordDir, cacheDir, trust);
    UpstreamCache cache = UpstreamCache.open(cacheDir).withRecord(record);
    for (String c : components) {
      cache.entry(c);
    }
    record.save(live);
    return record;
  }

  VerificationRecord run(String... components) {
    return run(true, Set.of("hello", "world"), components);
  }

  static String counts(VerificationRecord r) {
    return r.hashedCount() + " hashed, " + r.trustedCount() + " trusted";
  }

  @Test
  void filesVerifiedInOneRunAreTrustedInTheNext() {
    assertThat(counts(run("hello", "world"))).isEqualTo("3 hashed, 0 trusted");
    assertThat(counts(run("hello", "world"))).isEqualTo("0 hashed, 3 trusted");
  }

  @Test
  void aFileChangedAfterTheRunsClockProbeIsNotRecorded() throws Exception {
    VerificationRecord record = VerificationRecord.open(recordDir, cacheDir, true);
    // changed in the run's own clock tick or later: it could change again without its stamp moving
    Files.setLastModifiedTime(cacheDir.resolve("hello/files/fix.patch"), FileTime.fromMillis(0));
    UpstreamCache.open(cacheDir).withRecord(record).entry("hello");
    record.save(Set.of("hello", "world"));
    FileSystemClock.tickPast(tmp);

    assertThat(counts(run("hello"))).isEqualTo("1 hashed, 1 trusted");
    assertThat(counts(run("hello"))).isEqualTo("0 hashed, 2 trusted");
  }

  @Test
  void aRecordVouchingForATamperedFileFoolsOnlyAReadThatTrustsTheRecord() throws Exception {
    Path spec = cacheDir.resolve("world/files/world.spec");
    Files.writeString(spec, "Name: w0rld\n"); // same size, not the listed bytes
    FileSystemClock.tickPast(tmp);
    // What no render writes (it records only files whose hash it checked): a forged record
    VerificationRecord forged = VerificationRecord.open(recordDir, cacheDir, true);
    VerificationRecord.EntryCheck check = forged.check("world");
    check.verified("files/world.spec", FileStamp.of(spec), sha256("Name: world\n"));
    check.confirm();
    forged.save(Set.of("world"));

    UpstreamCache trusting = UpstreamCache.open(cacheDir).withRecord(VerificationRecord.open(recordDir, cacheDir, true));
    assertThat(trusting.entry("world").file("world.spec").orElseThrow().bytes()).asString().isEqualTo("Name: w0rld\n");
    // render --no-incremental, and every reader without the record (fetch --verify, update, diff...)
    UpstreamCache fullCheck = UpstreamCache.open(cacheDir).withRecord(VerificationRecord.open(recordDir, cacheDir, false));
    for (UpstreamCache cache : List.of(fullCheck, UpstreamCache.open(cacheDir))) {
      assertThatThrownBy(() -> cache.entry("world")).isInstanceOf(UpstreamException.class)
          .hasMessageContaining("'world' is corrupt: files/world.spec has SHA-256");
    }
  }

  @Test
  void aFullCheckHashesEveryFileAndKeepsTheRecordOfTheOthers() {
    run("hello", "world");

    assertThat(counts(run(false, Set.of("hello", "world"), "hello"))).isEqualTo("2 hashed, 0 trusted");
    assertThat(counts(run("hello", "world"))).isEqualTo("0 hashed, 3 trusted");
  }

  @Test
  void aComponentNotReadKeepsItsRecordAndOneThatLeftTheProjectLosesIt() {
    run("hello", "world");
    run(true, Set.of("hello", "world"), "hello");
    assertThat(counts(run("world"))).isEqualTo("0 hashed, 1 trusted");

    run(true, Set.of("hello"), "hello");

    assertThat(counts(run("hello", "world"))).isEqualTo("1 hashed, 2 trusted");
  }

  /** The stamps of the record's files, by name. */
  Map<String, Optional<FileStamp>> recordFiles() throws Exception {
    try (Stream<Path> files = Files.list(recordDir)) {
      return files.collect(Collectors.toMap(p -> p.getFileName().toString(), FileStamp::of));
    }
  }

  @Test
  void aRunThatTrustedEverythingLeavesTheRecordFilesAlone() throws Exception {
    run("hello", "world");
    Map<String, Optional<FileStamp>> before = recordFiles();

    run("hello", "world");

    assertThat(before).isNotEmpty();
    assertThat(recordFiles()).isEqualTo(before);
  }

  @Test
  void aDamagedRecordOrOneOfAnotherCacheDirOrFormatIsIgnored() throws Exception {
    run("hello", "world");
    Path shard = recordDir.resolve("18"); // hello's and world's ("hello".hashCode() % 64)
    String good = Files.readString(shard);
    List<String> bad = List.of(good.substring(0, good.length() - 2), good.replace("\nhello/files/", "\nhello/filez/"),
        good.replace(" v1\n", " v2\n"), good.replace(cacheDir.toString(), tmp.resolve("other-cache").toString()), "", "\0\0\0");
    for (String text : bad) {
      Files.writeString(shard, text);
      FileSystemClock.tickPast(tmp);

      assertThat(counts(run("hello", "world"))).as(text).isEqualTo("3 hashed, 0 trusted");
    }
  }

  /** Entries {@code c0} to {@code c63}, one spec each, written in an earlier clock tick. */
  List<String> sixtyFourEntries() throws Exception {
    List<String> names = IntStream.range(0, 64).mapToObj(i -> "c" + i).toList();
    for (String name : names) {
      entry(name, "Name: " + name + "\n");
    }
    FileSystemClock.tickPast(tmp);
    return names;
  }

  @Test
  void entriesReadOnManyThreadsAreAllRecorded() throws Exception {
    List<String> names = sixtyFourEntries();
    Set<String> live = Set.copyOf(names);
    VerificationRecord first = VerificationRecord.open(recordDir, cacheDir, true);
    UpstreamCache cache = UpstreamCache.open(cacheDir).withRecord(first);
    names.parallelStream().forEach(cache::entry);
    first.save(live);

    VerificationRecord second = run(true, live, names.toArray(String[]::new));

    assertThat(counts(first)).isEqualTo("64 hashed, 0 trusted");
    assertThat(counts(second)).isEqualTo("0 hashed, 64 trusted");
  }

  @Test
  void aRunRewritesOnlyTheRecordFileOfAComponentWhoseFilesItHashed() throws Exception {
    List<String> names = sixtyFourEntries();
    Set<String> live = Set.copyOf(names);
    run(true, live, names.toArray(String[]::new));
    Map<String, Optional<FileStamp>> before = recordFiles();
    Files.setLastModifiedTime(cacheDir.resolve("c7/files/c7.spec"), FileTime.fromMillis(0));
    FileSystemClock.tickPast(tmp);

    VerificationRecord touched = run(true, live, names.toArray(String[]::new));

    assertThat(counts(touched)).isEqualTo("1 hashed, 63 trusted");
    Map<String, Optional<FileStamp>> after = recordFiles();
    assertThat(after.keySet()).isEqualTo(before.keySet());
    String c7 = String.format("%02d", Math.floorMod("c7".hashCode(), 64));
    assertThat(after.keySet().stream().filter(name -> !after.get(name).equals(before.get(name)))).containsExactly(c7);
  }
}
