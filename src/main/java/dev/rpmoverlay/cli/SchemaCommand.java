package dev.rpmoverlay.cli;

import dev.rpmoverlay.config.JsonSchemaWriter;
import picocli.CommandLine.Command;

/** {@code rpmoverlay schema}: the JSON Schema of the config format, for editors. */
@Command(
    name = "schema",
    header = "Print the JSON Schema of the config files, for completion and checks in TOML editors.",
    description = {
      "Print the JSON Schema of project and component config files (draft 2020-12), for completion and checks in "
          + "TOML editors (e.g. Taplo / Even Better TOML: '#:schema ./rpmoverlay.schema.json' at the top of a file).",
    })
final class SchemaCommand extends BaseCommand {
  @Override
  protected int execute() {
    JsonPrinter.print(out(), JsonSchemaWriter.schema());
    return ExitCodes.OK;
  }
}
