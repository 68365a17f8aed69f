package dev.rpmoverlay.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Mustache templates for generated text ({@code templates/*.mustache}). A project may carry
 * its own {@code templates/} dir; otherwise the copy inside the jar is used. Compiled templates are
 * cached; rendering is thread-safe.
 */
public final class Templates {
  public static final String BANNER = "spec-banner";
  public static final String MACROS_LOAD = "macros-load";
  public static final String MACROS_FILE = "macros-file";
  public static final String CHECK_SKIP = "check-skip";
  public static final String RENDER_FAILED = "render-failed";

  private final Optional<Path> overrideDir;
  private final MustacheFactory factory = new DefaultMustacheFactory();
  private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

  private Templates(Optional<Path> overrideDir) {
    this.overrideDir = overrideDir;
  }

  /** The templates bundled with rpmoverlay. */
  public static Templates bundled() {
    return new Templates(Optional.empty());
  }

  /** Templates from {@code dir} where present there, the bundled ones otherwise. */
  public static Templates withOverrides(Path dir) {
    return new Templates(Optional.of(dir));
  }

  /** Renders a template to text. */
  public String render(String name, Object scope) {
    StringWriter out = new StringWriter();
    compiled.computeIfAbsent(name, this::compile).execute(out, scope);
    return out.toString();
  }

  /** Renders a template and splits it into lines; the final newline ends the last line. */
  public List<String> renderLines(String name, Object scope) {
    String text = render(name, scope);
    if (text.isEmpty()) {
      return List.of();
    }
    if (text.endsWith("\n")) {
      text = text.substring(0, text.length() - 1);
    }
    return new ArrayList<>(Arrays.asList(text.split("\n", -1)));
  }

  private Mustache compile(String name) {
    String file = name + ".mustache";
    try (Reader reader = open(file)) {
      return factory.compile(reader, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template " + file, e);
    }
  }

  private Reader open(String file) throws IOException {
    if (overrideDir.isPresent() && Files.isRegularFile(overrideDir.get().resolve(file))) {
      return Files.newBufferedReader(overrideDir.get().resolve(file), StandardCharsets.UTF_8);
    }
    InputStream in = Templates.class.getResourceAsStream("/templates/" + file);
    if (in == null) {
      throw new IOException("template " + file + " is missing from the rpmoverlay jar");
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
