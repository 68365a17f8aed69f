package dev.rpmoverlay.release;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link HistoryFacts} as JSON text, for storing next to an upstream snapshot. Keys come in a
 * fixed order, absent values are left out, times are ISO-8601 UTC, so the same facts always give
 * the same text and a changed history gives a readable diff.
 *
 * <pre>{@code
 * {
 *   "format" : 1,
 *   "spec" : "bash.spec",
 *   "head" : "<commit id>",
 *   "changelog" : true,
 *   "commits" : [ {
 *     "id" : "<commit id>", "parents" : [ "<id>" ], "tree" : "<tree id>",
 *     "spec-present" : true,
 *     "version" : { "epoch-version" : "1:5.2", "extraver" : "rc1", "snapinfo" : "...", "prerelease" : true, "base" : 10 },
 *     "version-problem" : "...",
 *     "changelog-blob" : "<blob id>", "changelog-text" : "...",
 *     "author" : "Jane Packager", "email" : "jane@example.org",
 *     "committed" : "2024-01-02T12:00:00Z", "message" : "Initial import\n",
 *     "boundary" : true
 *   } ]
 * }
 * }</pre>
 */
public final class HistoryFactsJson {
  private static final JsonFactory JSON = new JsonFactory();

  /** Databind, only for writing (fetch, autospec): loading it costs more than a small command's read. */
  private static final class Writer {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private HistoryFactsJson() {}

  public static String write(HistoryFacts facts) {
    ObjectNode root = Writer.MAPPER.createObjectNode();
    root.put("format", facts.format());
    root.put("spec", facts.specFile());
    root.put("head", facts.head());
    root.put("changelog", facts.changelog());
    ArrayNode commits = root.putArray("commits");
    for (CommitFact c : facts.commits()) {
      ObjectNode o = commits.addObject();
      o.put("id", c.id());
      ArrayNode parents = o.putArray("parents");
      c.parents().forEach(parents::add);
      o.put("tree", c.tree());
      o.put("spec-present", c.specPresent());
      if (c.version() != null) {
        ObjectNode v = o.putObject("version");
        SpecVersion sv = c.version();
        v.put("epoch-version", sv.epochVersion());
        putIfPresent(v, "extraver", sv.extraver());
        putIfPresent(v, "snapinfo", sv.snapinfo());
        if (sv.prerelease()) {
          v.put("prerelease", true);
        }
        if (sv.base() != 1) {
          v.put("base", sv.base());
        }
      }
      putIfPresent(o, "version-problem", c.versionProblem());
      putIfPresent(o, "changelog-blob", c.changelogBlob());
      putIfPresent(o, "changelog-text", c.changelogText());
      putIfPresent(o, "author", c.authorName());
      putIfPresent(o, "email", c.authorEmail());
      putIfPresent(o, "committed", c.committed() == null ? null : c.committed().toString());
      putIfPresent(o, "message", c.message());
      if (c.boundary()) {
        o.put("boundary", true);
      }
    }
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return Writer.MAPPER.writer(printer).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise history facts", e);
    }
  }

  /**
   * Parses facts written by {@link #write}. Read with jackson-core's streaming parser into plain
   * maps and lists: a one-component render reads one such file, and setting up databind's
   * ObjectMapper cost more than the rest of reading it (19% of a small command's samples, JFR).
   *
   * @throws IllegalArgumentException with a message naming the bad field when the text is not
   *     valid history facts
   */
  public static HistoryFacts read(String json) {
    Object parsed;
    try (JsonParser parser = JSON.createParser(json)) {
      parsed = JsonValues.read(parser, parser.nextToken());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("history facts are not valid JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (!(parsed instanceof Map<?, ?> root)) {
      throw new IllegalArgumentException("history facts must be a JSON object");
    }
    int format = JsonValues.asInt(required(root, "format", ""));
    if (format != HistoryFacts.FORMAT) {
      throw new IllegalArgumentException(
          "history facts have format " + format + ", this rpmoverlay reads format " + HistoryFacts.FORMAT + "; fetch again");
    }
    List<CommitFact> commits = new ArrayList<>();
    List<?> list = JsonValues.elements(required(root, "commits", ""));
    for (int i = 0; i < list.size(); i++) {
      Map<?, ?> o = list.get(i) instanceof Map<?, ?> m ? m : Map.of();
      String where = "commits[" + i + "].";
      List<String> parents = new ArrayList<>();
      for (Object p : JsonValues.elements(required(o, "parents", where))) {
        parents.add(JsonValues.asText(p));
      }
      SpecVersion version = null;
      if (o.get("version") instanceof Map<?, ?> v) {
        version =
            new SpecVersion(
                JsonValues.asText(required(v, "epoch-version", where + "version.")),
                text(v, "extraver"),
                text(v, "snapinfo"),
                JsonValues.asBoolean(v.get("prerelease"), false),
                v.get("base") == null ? 1 : JsonValues.asInt(v.get("base")));
      }
      Instant committed = null;
      String time = text(o, "committed");
      if (time != null) {
        try {
          committed = Instant.parse(time);
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException(where + "committed is not an ISO-8601 time: " + time);
        }
      }
      boolean boundary = JsonValues.asBoolean(o.get("boundary"), false);
      try {
        commits.add(
            new CommitFact(
                JsonValues.asText(required(o, "id", where)),
                parents,
                JsonValues.asText(required(o, "tree", where)),
                JsonValues.asBoolean(o.get("spec-present"), false),
                version,
                text(o, "version-problem"),
                text(o, "changelog-blob"),
                text(o, "changelog-text"),
                text(o, "author"),
                text(o, "email"),
                committed,
                text(o, "message"),
                boundary));
      } catch (NullPointerException e) {
        throw new IllegalArgumentException(where + e.getMessage() + " is missing (required unless boundary)");
      }
    }
    return new HistoryFacts(
        format,
        JsonValues.asText(required(root, "spec", "")),
        JsonValues.asText(required(root, "head", "")),
        JsonValues.asBoolean(root.get("changelog"), true),
        commits);
  }

  private static void putIfPresent(ObjectNode o, String key, String value) {
    if (value != null) {
      o.put(key, value);
    }
  }

  private static String text(Map<?, ?> o, String key) {
    Object n = o.get(key);
    return n == null ? null : JsonValues.asText(n);
  }

  private static Object required(Map<?, ?> o, String key, String where) {
    Object n = o.get(key);
    if (n == null) {
      throw new IllegalArgumentException("history facts: " + where + key + " is missing");
    }
    return n;
  }
}
