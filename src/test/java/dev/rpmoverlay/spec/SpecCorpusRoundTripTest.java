package dev.rpmoverlay.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every Fedora rawhide spec (23,600) parses, analyses and prints back byte for byte. */
class SpecCorpusRoundTripTest {
  private static List<Path> specs;

  @BeforeAll
  static void extract() throws IOException, InterruptedException {
    specs = FedoraCorpus.specs();
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everySpecPrintsBackByteIdentical() {
    assertThat(specs).hasSize(FedoraCorpus.SPEC_COUNT);
    List<String> different = specs.parallelStream()
        .filter(file -> {
          byte[] input = read(file);
          return !Arrays.equals(SpecDocument.parse(input).toBytes(), input);
        })
        .map(Path::toString)
        .toList();
    assertThat(different).isEmpty();
  }

  @Test
  void everyTagLineRebuildsItsTextAndEverySpecIsBalanced() {
    List<String> problems = specs.parallelStream()
        .flatMap(file -> {
          SpecDocument doc = SpecDocument.parse(read(file));
          SpecStructure structure = doc.structure();
          var tagMismatches = structure.tags().stream()
              .filter(t -> !t.text().equals(doc.line(t.line()).text()))
              .map(t -> file.getFileName() + ":" + (t.line() + 1) + ": tag parts do not rebuild the line");
          var conditionals = structure.conditionals().problems().stream()
              .map(p -> file.getFileName() + ": " + p.describe());
          return java.util.stream.Stream.concat(tagMismatches, conditionals);
        })
        .toList();
    assertThat(problems).isEmpty();
  }
}
