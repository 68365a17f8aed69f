package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryCommandTest {
  private static final String SPEC = String.join("\n",
      "%global srcname demo",
      "%global base 2.4",
      "Name: %{srcname}",
      "Epoch: 1",
      "Version: %{base}.1",
      "Release: 3%{?dist}",
      "Summary: x",
      "License: MIT",
      "BuildRequires: gcc, make",
      "BuildRequires: pkgconfig(zlib) >= 1.2 openssl-devel",
      "BuildRequires: (python3-foo or python3-bar)",
      "Requires: %{name}-libs = %{epoch}:%{version}-%{release}",
      "",
      "%description",
      "d",
      "",
      "%package libs",
      "Summary: libs",
      "Requires(post): ldconfig",
      "%description libs",
      "l",
      "",
      "%package -n python3-%{srcname}",
      "Summary: py",
      "%description -n python3-%{srcname}",
      "p",
      "");

  @TempDir Path tmp;
  Path project;

  @BeforeEach
  void renderAComponent() throws IOException {
    project = LocalProject.write(tmp.resolve("p"), "", "demo", "other");
    Files.writeString(project.resolve("comps/demo/demo.spec"), SPEC, StandardCharsets.UTF_8);
    CliRun render = CliRun.of("-C", project.toString(), "render", "-p", "demo");
    assertThat(render.exitCode()).as(render.err()).isZero();
  }

  @Test
  void printsVersionReleasePackagesAndBuildRequiresOfTheRenderedSpec() {
    CliRun r = CliRun.of("-C", project.toString(), "query", "demo");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(String.join("\n",
        "COMPONENT  FIELD          VALUE",
        "demo       epoch          1",
        "demo       version        2.4.1",
        "demo       release        3",
        "demo       package        demo",
        "demo       package        demo-libs",
        "demo       package        python3-demo",
        "demo       buildrequires  gcc",
        "demo       buildrequires  make",
        "demo       buildrequires  pkgconfig(zlib) >= 1.2",
        "demo       buildrequires  openssl-devel",
        "demo       buildrequires  (python3-foo or python3-bar)",
        ""));
  }

  @Test
  void listsRequiresPerPackageOnRequest() {
    CliRun r = CliRun.of("-C", project.toString(), "query", "--requires", "demo");

    assertThat(r.out()).contains("demo       requires       demo: demo-libs = 1:2.4.1-3\n", "demo       requires       demo-libs: ldconfig\n");
  }

  @Test
  void givesOneJsonObjectPerComponent() {
    CliRun r = CliRun.of("-C", project.toString(), "-O", "json", "query", "demo");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("\"version\" : \"2.4.1\"", "\"release\" : \"3\"", "\"epoch\" : \"1\"",
        "\"name\" : \"demo-libs\",\n    \"requires\" : [ \"ldconfig\" ]");
  }

  @Test
  void printsCsv() {
    CliRun r = CliRun.of("-C", project.toString(), "-O", "csv", "query", "demo");

    assertThat(r.out()).startsWith("COMPONENT,FIELD,VALUE\r\ndemo,epoch,1\r\n").contains("demo,buildrequires,pkgconfig(zlib) >= 1.2\r\n");
  }

  @Test
  void showsAValueItCannotExpandAsWritten() throws IOException {
    Files.writeString(project.resolve("comps/demo/demo.spec"), SPEC.replace("Release: 3%{?dist}", "Release: %autorelease"), StandardCharsets.UTF_8);
    assertThat(CliRun.of("-C", project.toString(), "render", "-p", "demo").exitCode()).isZero();

    assertThat(CliRun.of("-C", project.toString(), "query", "demo").out()).contains("demo       release        %autorelease\n");
  }

  @Test
  void reportsAComponentNotRenderedYetAndExitsOne() {
    CliRun r = CliRun.of("-C", project.toString(), "query", "demo", "other");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.err()).isEqualTo("rpmoverlay: other: not rendered yet (no specs/o/other/other.spec); run 'rpmoverlay render other' first\n");
    assertThat(r.out()).contains("demo       version        2.4.1\n");
  }

  @Test
  void suggestsTheClosestNameForATypo() {
    CliRun r = CliRun.of("-C", project.toString(), "query", "dmeo");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("did you mean 'demo'?");
  }
}
