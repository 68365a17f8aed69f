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

  @Test
  void editingOneTagReprintsOnlyThatLine() {
    List<String> problems = specs.parallelStream()
        .map(file -> {
          byte[] input = read(file);
          SpecDocument doc = SpecDocument.parse(input);
          List<TagLine> tags = doc.structure().tags();
          if (tags.isEmpty()) {
            return null;
          }
          TagLine tag = tags.get(tags.size() / 2);
          doc.replaceTagValue(tag, "edited-value", 1);
          byte[] output = doc.toBytes();
          int start = startOfLine(input, tag.line());
          int endIn = endOfLine(input, start);
          int endOut = endOfLine(output, start);
          boolean onlyThatLine = Arrays.equals(input, 0, start, output, 0, start)
              && !Arrays.equals(input, start, endIn, output, start, endOut)
              && Arrays.equals(input, endIn, input.length, output, endOut, output.length);
          boolean reanalysed = "edited-value".equals(doc.structure().tagAt(tag.line()).value());
          return onlyThatLine && reanalysed ? null : file.getFileName() + ": line " + (tag.line() + 1);
        })
        .filter(java.util.Objects::nonNull)
        .toList();
    assertThat(problems).isEmpty();
  }

  /** Byte offset where 0-based line {@code line} starts. */
  private static int startOfLine(byte[] bytes, int line) {
    int offset = 0;
    for (int seen = 0; seen < line; offset++) {
      if (bytes[offset] == '\n') {
        seen++;
      }
    }
    return offset;
  }

  /** Byte offset of the newline ending the line that starts at {@code start}, or the length. */
  private static int endOfLine(byte[] bytes, int start) {
    int i = start;
    while (i < bytes.length && bytes[i] != '\n') {
      i++;
    }
    return i;
  }
}
