package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.testing.LocalProject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * A project of one local component, {@code hello}, rendered once into {@code out} with its inputs
 * settled, and the stamp shortcut of that output dir: what the tests of {@link RenderShortcut#record}
 * start from.
 */
record RenderedHelloProject(Path out, RenderShortcut shortcut, Project loaded, List<String> names, List<ComponentConfig> components) {
  /** Renders {@code hello} (its spec with {@code sources} lines, and {@code files} beside it) from {@code project} into {@code <project>/out}. */
  static RenderedHelloProject in(Path project, String sources, Map<String, String> files) throws Exception {
    Path out = project.resolve("out");
    Files.writeString(project.resolve("azldev.toml"), LocalProject.HEADER + """
        [components.hello]
        spec = { type = "local", path = "comps/hello" }
        """);
    Path dir = Files.createDirectories(project.resolve("comps/hello"));
    Files.writeString(dir.resolve("hello.spec"), "Name: hello\nRelease: 1%{?dist}\n" + sources + "\n%description\nd\n");
    for (var f : files.entrySet()) {
      Files.writeString(dir.resolve(f.getKey()), f.getValue());
    }
    RenderShortcutTest.settle();
    assertThat(CliRun.in(project, "render", "-a", "-o", out.toString(), "--no-lint").exitCode()).isZero();
    RootCommand global = new RootCommand();
    new CommandLine(global).parseArgs("-C", project.toString());
    RenderShortcut shortcut = RenderShortcut.of(global, out, List.of("test")).orElseThrow();
    Project loaded = new ProjectContext(global, new PrintWriter(new StringWriter())).project();
    List<String> names = List.copyOf(loaded.componentNames());
    RenderShortcutTest.settle();
    return new RenderedHelloProject(out, shortcut, loaded, names, names.stream().map(loaded::resolve).toList());
  }
}
