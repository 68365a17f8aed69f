package dev.rpmoverlay.architecture.badexample.spec;

/** Broken on purpose: the spec model parses TOML and prints through picocli. */
public final class TomlReadingSpec {
  public boolean readsToml(String text) {
    return org.tomlj.Toml.parse(text).hasErrors();
  }

  public String usage() {
    return new picocli.CommandLine(this).getUsageMessage();
  }
}
