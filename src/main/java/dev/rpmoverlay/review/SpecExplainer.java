package dev.rpmoverlay.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.TreeSet;

/**
 * {@code explain}: the rendered spec, line by line, each line that is not upstream's annotated with
 * what wrote it ({@code #3} = the component's third overlay, or a synthesized edit such as
 * {@code banner}); upstream lines that are gone are shown where they were, marked {@code -}. A
 * legend lists every overlay and synthesized edit that appears.
 */
public final class SpecExplainer {

  private SpecExplainer() {}

  public static void writeText(RenderTrace trace, PrintWriter out) {
    EditScript script = script(trace);
    int width = "upstream".length();
    for (EditScript.Op op : script.ops()) {
      if (op.cause() != null) {
        width = Math.max(width, tag(op.cause()).length());
      }
    }
    int numberWidth = Math.max(4, Integer.toString(script.rendered().size()).length());
    TreeSet<Cause> seen = new TreeSet<>();
    out.println("# " + trace.component() + ": " + trace.renderedSpec() + " as rendered"
        + (trace.upstreamSpec().isEmpty() ? " (local spec)" : " from upstream " + trace.upstreamSpec()));
    out.println("# column 1: rendered line number; column 2: what wrote the line (blank = upstream, unchanged);");
    out.println("# lines marked '-' are upstream lines that the named edit removed or replaced");
    for (EditScript.Op op : script.ops()) {
      String annotation = op.cause() == null ? "" : tag(op.cause());
      if (op.cause() != null) {
        seen.add(op.cause());
      }
      // padded by hand, not String.format: a Formatter per line, and the locale data its first use loads
      switch (op.kind()) {
        case KEEP, ADD -> out.println(padLeft(Integer.toString(op.renderedIndex() + 1), numberWidth) + " "
            + padRight(annotation, width) + " | " + script.rendered().get(op.renderedIndex()));
        case REMOVE -> out.println(" ".repeat(numberWidth) + " " + padRight(annotation, width) + " - "
            + script.upstream().get(op.upstreamIndex()));
      }
    }
    out.println();
    out.println("# legend");
    if (seen.isEmpty()) {
      out.println("#   (no changes: the rendered spec is upstream's)");
    }
    for (Cause cause : seen) {
      out.println("#   " + tag(cause) + "  " + cause.label());
    }
  }

  private static String padLeft(String s, int width) {
    return " ".repeat(Math.max(0, width - s.length())) + s;
  }

  private static String padRight(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }

  public static String toJson(RenderTrace trace) {
    EditScript script = script(trace);
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("component", trace.component());
    root.put("spec", trace.renderedSpec());
    root.put("upstreamSpec", trace.upstreamSpec());
    ArrayNode lines = root.putArray("lines");
    for (EditScript.Op op : script.ops()) {
      ObjectNode line = lines.addObject();
      line.put("kind", switch (op.kind()) {
        case KEEP -> "upstream";
        case ADD -> "edited";
        case REMOVE -> "removed";
      });
      line.put("line", op.renderedIndex() + 1);
      line.put("upstreamLine", op.upstreamIndex() + 1);
      line.put("text", op.kind() == EditScript.Kind.REMOVE
          ? script.upstream().get(op.upstreamIndex()) : script.rendered().get(op.renderedIndex()));
      if (op.cause() != null) {
        ObjectNode c = line.putObject("cause");
        c.put("kind", op.cause().isOverlay() ? "overlay" : "synthesized");
        c.put("overlay", op.cause().number());
        c.put("type", op.cause().type());
        c.put("description", op.cause().description());
        c.put("category", op.cause().category());
      }
    }
    try {
      return mapper.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a tree of plain nodes", e);
    }
  }

  private static EditScript script(RenderTrace trace) {
    byte[] rendered = trace.renderedFiles().get(trace.renderedSpec());
    if (rendered == null) {
      throw new IllegalArgumentException("component " + trace.component() + " has no rendered spec " + trace.renderedSpec());
    }
    byte[] upstream = trace.upstreamSpec().isEmpty() ? null : trace.upstreamFiles().get(trace.upstreamSpec());
    TextLines up = upstream == null ? TextLines.EMPTY : TextLines.of(upstream).orElse(TextLines.EMPTY);
    TextLines out = TextLines.of(rendered).orElseThrow(() -> new IllegalArgumentException("rendered spec is not text"));
    return OriginAlignment.align(new AttributedText(up.lines(), out.lines(), trace.specSources(), trace.specRemovedBy()));
  }

  private static String tag(Cause cause) {
    return cause.isOverlay() ? "#" + cause.number() : cause.type();
  }
}
