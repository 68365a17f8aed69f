package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddCommandTest {
  private static final String ROOT = String.join("\n",
      "includes = [\"distro.toml\", \"components/components.toml\"]",
      "[project]",
      "default-distro = { name = \"lumen\" }",
      "");
  private static final String DISTRO = String.join("\n",
      "[distros.fedora]",
      "description = \"Fedora\"",
      "default-version = \"43\"",
      "dist-git-base-uri = \"https://src.fedoraproject.org/rpms/$pkg.git\"",
      "lookaside-base-uri = \"https://src.fedoraproject.org/repo/pkgs/$pkg/$filename/$hashtype/$hash/$filename\"",
      "[distros.fedora.versions.43]",
      "dist-git-branch = \"f43\"",
      "[distros.lumen]",
      "description = \"Lumen Linux\"",
      "default-version = \"1\"",
      "[distros.lumen.versions.'1'.default-component-config]",
      "spec = { type = \"upstream\", upstream-distro = { name = \"fedora\", version = \"43\" } }",
      "");
  private static final String COMPONENTS = String.join("\n",
      "includes = [\"**/*.comp.toml\"]",
      "",
      "[components.valgrind.build.check]",
      "skip = true",
      "skip_reason = \"needs ptrace\"",
      "",
      "# unmodified, sorted",
      "[components.bash]",
      "[components.curl]",
      "[components.zlib]",
      "");

  @TempDir Path project;

  @BeforeEach
  void writeProject() throws IOException {
    write("rpmoverlay.toml", ROOT);
    write("distro.toml", DISTRO);
    write("components/components.toml", COMPONENTS);
    write("components/nginx/nginx.comp.toml", "[components.nginx]\n");
  }

  @Test
  void addsABareEntryToTheFileThatListsTheBareComponentsInSortedOrder() throws IOException {
    CliRun r = CliRun.of("-C", project.toString(), "add", "expat");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("added to components/components.toml: expat\n");
    assertThat(read("components/components.toml")).contains("[components.curl]\n[components.expat]\n[components.zlib]\n");
    assertThat(read("rpmoverlay.toml")).isEqualTo(ROOT);
    assertThat(CliRun.of("-C", project.toString(), "add", "expat").err()).contains("component 'expat' already exists");
  }

  @Test
  void quotesNamesThatAreNotBareTomlKeys() throws IOException {
    assertThat(CliRun.of("-C", project.toString(), "add", "python3.12").exitCode()).isZero();

    assertThat(read("components/components.toml")).contains("[components.curl]\n[components.\"python3.12\"]\n[components.zlib]\n");
  }

  @Test
  void createsADedicatedFileFromTheTemplateWhereComponentFilesAreIncluded() throws IOException {
    CliRun r = CliRun.of("-C", project.toString(), "add", "--dedicated", "python-pefile");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("created components/python-pefile/python-pefile.comp.toml\n");
    String text = read("components/python-pefile/python-pefile.comp.toml");
    assertThat(text).startsWith("# python-pefile: what Lumen Linux changes in this package, and why.\n")
        .endsWith("\n[components.python-pefile]\n");
    assertThat(read("components/components.toml")).isEqualTo(COMPONENTS);
  }

  @Test
  void refusesAnExistingComponentNamingWhereItIsDeclared() throws IOException {
    CliRun r = CliRun.of("-C", project.toString(), "add", "--dedicated", "nginx");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).isEqualTo("rpmoverlay: error: component 'nginx' already exists (declared at "
        + "components/nginx/nginx.comp.toml:1); edit that declaration instead\n");
    assertThat(read("components/nginx/nginx.comp.toml")).isEqualTo("[components.nginx]\n");
  }

  @Test
  void addsSeveralBareEntriesInOneRun() throws IOException {
    CliRun r = CliRun.of("-C", project.toString(), "add", "expat", "aalib", "python3.12");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("added to components/components.toml: expat aalib python3.12\n");
    assertThat(read("components/components.toml"))
        .contains("[components.aalib]\n[components.bash]\n[components.curl]\n[components.expat]\n[components.\"python3.12\"]\n[components.zlib]\n");
  }

  @Test
  void createsOneDedicatedFilePerName() throws IOException {
    CliRun r = CliRun.of("-C", project.toString(), "add", "--dedicated", "expat", "aalib");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("created components/expat/expat.comp.toml\ncreated components/aalib/aalib.comp.toml\n");
    assertThat(CliRun.of("-C", project.toString(), "list").out()).contains("aalib\n", "expat\n");
  }

  @Test
  void addsNothingWhenOneOfSeveralNamesExistsAlready() throws IOException {
    CliRun r = CliRun.of("-C", project.toString(), "add", "expat", "curl", "aalib");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).isEqualTo("rpmoverlay: error: component 'curl' already exists (declared at "
        + "components/components.toml:9); edit that declaration instead\n");
    assertThat(read("components/components.toml")).isEqualTo(COMPONENTS);
  }

  @Test
  void addsNoDedicatedFileWhenOneOfSeveralNamesIsRefused() throws IOException {
    CliRun r = CliRun.of("-C", project.toString(), "add", "--dedicated", "expat", "expat");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("'expat' is given twice");
    assertThat(project.resolve("components/expat")).doesNotExist();
  }

  @Test
  void refusesNamesThatCannotNameASpecFile() {
    CliRun r = CliRun.of("-C", project.toString(), "add", "../evil");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("'../evil' is not a usable component name");
  }

  @Test
  void refusesADedicatedFileWhenNoConfigFileIncludesComponentFiles() throws IOException {
    write("components/components.toml", COMPONENTS.replace("includes = [\"**/*.comp.toml\"]", "includes = [\"nginx/nginx.comp.toml\"]"));

    CliRun r = CliRun.of("-C", project.toString(), "add", "--dedicated", "expat");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("no config file includes dedicated component files");
    assertThat(project.resolve("components/expat")).doesNotExist();
  }

  private void write(String path, String text) throws IOException {
    Path file = project.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private String read(String path) throws IOException {
    return Files.readString(project.resolve(path), StandardCharsets.UTF_8);
  }
}
