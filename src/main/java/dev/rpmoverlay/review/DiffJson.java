package dev.rpmoverlay.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The {@code -O json} form of component diffs. Schema (stable; fields are never omitted):
 *
 * <pre>
 * [{"component": "nginx",
 *   "files": [{"upstreamPath": "nginx.spec", "renderedPath": "nginx.spec", "status": "modified",
 *              "binary": false, "added": 4, "removed": 1, "causes": [CAUSE...],
 *              "hunks": [{"upstreamStart": 60, "upstreamCount": 7, "renderedStart": 63,
 *                         "renderedCount": 7, "causes": [CAUSE...], "lines": ["+text", "-text", " text"]}]}]}]
 * CAUSE = {"kind": "overlay"|"synthesized", "overlay": 3 (1-based; 0 when synthesized),
 *          "type": "spec-search-replace", "description": "...", "category": "azl-pruning"}
 * </pre>
 */
public final class DiffJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DiffJson() {}

  public static String toJson(List<ComponentDiff> diffs) {
    ArrayNode root = MAPPER.createArrayNode();
    for (ComponentDiff diff : diffs) {
      ObjectNode c = root.addObject();
      c.put("component", diff.component());
      ArrayNode files = c.putArray("files");
      for (FileDiff file : diff.files()) {
        ObjectNode f = files.addObject();
        f.put("upstreamPath", file.upstreamPath());
        f.put("renderedPath", file.renderedPath());
        f.put("status", file.status().name().toLowerCase(java.util.Locale.ROOT));
        f.put("binary", file.binary());
        f.put("added", file.added());
        f.put("removed", file.removed());
        causes(f.putArray("causes"), file.causes());
        ArrayNode hunks = f.putArray("hunks");
        for (Hunk hunk : file.hunks()) {
          ObjectNode h = hunks.addObject();
          h.put("upstreamStart", hunk.upstreamStart());
          h.put("upstreamCount", hunk.upstreamCount());
          h.put("renderedStart", hunk.renderedStart());
          h.put("renderedCount", hunk.renderedCount());
          causes(h.putArray("causes"), hunk.causes());
          ArrayNode lines = h.putArray("lines");
          hunk.lines().forEach(l -> lines.add(l.kind().marker() + l.text()));
        }
      }
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a tree of plain nodes", e);
    }
  }

  private static void causes(ArrayNode array, List<Cause> causes) {
    for (Cause cause : causes) {
      ObjectNode o = array.addObject();
      o.put("kind", cause.isOverlay() ? "overlay" : "synthesized");
      o.put("overlay", cause.number());
      o.put("type", cause.type());
      o.put("description", cause.description());
      o.put("category", cause.category());
    }
  }
}
