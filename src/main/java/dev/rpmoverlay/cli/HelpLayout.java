package dev.rpmoverlay.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * One help layout for every command, set in one place rather than per annotation (commands that
 * do not extend {@link BaseCommand}, such as the 'config' and 'bench' groups, would otherwise wrap
 * at 80 columns and sort their options): 100 columns, options in declaration order, and the
 * exit-code table on every command that does not give its own, more specific one.
 */
final class HelpLayout {
  static final int WIDTH = 100;

  /** The exit codes of every command (DESIGN.md section 5), as --help and docs/cli.md show them. */
  static final Map<String, String> EXIT_CODES = exitCodes();

  private HelpLayout() {}

  static void apply(CommandLine cmd) {
    UsageMessageSpec usage = cmd.getCommandSpec().usageMessage();
    usage.width(WIDTH).autoWidth(false).sortOptions(false);
    if (usage.footer().length == 0 && usage.exitCodeList().isEmpty()) {
      // A footer, not picocli's exit-code list: that list pads its first column differently from
      // the footers of the root and of commands with their own codes.
      usage.footerHeading("%nExit codes:%n").footer(EXIT_CODES.entrySet().stream().map(e -> "  " + e.getKey() + "  " + e.getValue()).toArray(String[]::new));
    }
    cmd.getSubcommands().values().stream().distinct().forEach(HelpLayout::apply);
  }

  private static Map<String, String> exitCodes() {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put(String.valueOf(ExitCodes.OK), "success");
    codes.put(String.valueOf(ExitCodes.FAILED), "drift found (--check) or some components failed");
    codes.put(String.valueOf(ExitCodes.USAGE), "usage or configuration error");
    return codes;
  }
}
