package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A one-component command on a project whose components are declared in a plain list
 * ({@code [components.NAME]} lines, read without the TOML grammar: config.ComponentListText)
 * prints, byte for byte, what it printed when every file went through the TOML parser (the
 * expected texts are the output of the release before that reader), and still reports every
 * problem of every included file: one-component commands load and validate the whole project
 * (docs/config.md, "What every command checks").
 */
class ComponentListCommandsTest {
  @TempDir Path project;

  @BeforeEach
  void writeProject() throws IOException {
    write("azldev.toml", """
        includes = ["comps/components.toml"]
        [project]
        default-distro = { name = "fedora", version = "43" }

        [distros.fedora]
        dist-git-base-uri = "https://src.example/rpms/$pkg.git"
        [distros.fedora.versions.43]
        dist-git-branch = "f43"
        """);
    write("comps/components.toml", """
        includes = ["**/*.comp.toml"]

        # Components with no settings.
        [components.bash]
        [components.'dbus-c++']
        [components.nginx]
        [components.zlib]
        """);
    write("comps/curl/curl.comp.toml", """
        [components.curl]
        build = { without = ["check"] }
        """);
  }

  private void write(String path, String text) throws IOException {
    Path file = project.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void aListedComponentShowsWhereTheListDefinesIt() {
    CliRun run = CliRun.in(project, "show", "nginx");
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo("""
        component    nginx
        defined in   comps/components.toml:6:1
        groups       (none)
        rendered to  specs/n/nginx
        upstream     https://src.example/rpms/nginx.git branch f43 (branch tip)

        layers (lowest first):
          distro fedora 43  azldev.toml:7:1
          component nginx  comps/components.toml:6:1

        fields:
          release.calculation  "auto"    <- (default)

        overlays (0, in application order):
        """);
  }

  @Test
  void anUnknownNameIsAnsweredWithTheClosestListedName() {
    CliRun run = CliRun.in(project, "show", "ngnix");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("rpmoverlay: error: no component named 'ngnix' (did you mean 'nginx'?)\n");
  }

  @Test
  void anErrorInTheComponentsOwnFileIsReported() throws IOException {
    write("comps/curl/curl.comp.toml", "[components.curl]\nbuild = { without = [\"check\" }\n");
    CliRun run = CliRun.in(project, "show", "curl");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("""
        rpmoverlay: error: invalid configuration (2 errors):
        comps/curl/curl.comp.toml:2:30: error: invalid TOML: Unexpected '}', expected ], a comma, or a newline
          hint: fix the syntax (TOML 1.0)
        comps/curl/curl.comp.toml:3:1: error: invalid TOML: Unexpected end of input, expected ] or a comma; the array opened at line 2, column 21 is unclosed
          hint: fix the syntax (TOML 1.0)
        """);
  }

  @Test
  void anErrorInAnUnrelatedFileStillStopsACommandAboutAListedComponent() throws IOException {
    write("comps/curl/curl.comp.toml", "[components.curl]\nbuidl = 1\n");
    CliRun run = CliRun.in(project, "show", "nginx");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("""
        rpmoverlay: error: invalid configuration (1 error):
        comps/curl/curl.comp.toml:2:1: error: component 'curl': unknown key 'components.curl.buidl'
          hint: did you mean 'build'? (valid keys here: spec, release, overlays, overlay-files, build, render, source-files, packages, publish, tests)
        """);
  }

  @Test
  void aComponentInTheListAndInAComponentFileIsADuplicateAtTheListsPosition() throws IOException {
    write("comps/curl/nginx.comp.toml", "[components.nginx]\n");
    CliRun run = CliRun.in(project, "show", "nginx");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("""
        rpmoverlay: error: invalid configuration (1 error):
        comps/curl/nginx.comp.toml:1:1: error: component 'nginx': duplicate component (first defined at comps/components.toml:6:1)
          hint: define each component once; merge the two definitions
        """);
  }

  @Test
  void aNameListedTwiceIsTheTomlParsersError() throws IOException {
    Files.writeString(project.resolve("comps/components.toml"), "[components.zlib]\n", java.nio.file.StandardOpenOption.APPEND);
    CliRun run = CliRun.in(project, "show", "nginx");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("""
        rpmoverlay: error: invalid configuration (1 error):
        comps/components.toml:8:1: error: invalid TOML: components.zlib previously defined at line 7, column 1
          hint: fix the syntax (TOML 1.0)
        """);
  }
}
