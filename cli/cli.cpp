// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/cli.h"

#include <algorithm>

#include "cli/commands.h"
#include "newsdex/error.h"
#include "newsdex/version.h"

namespace newsdex::cli {

CLI::Option* add_database_option(CLI::App& command, std::string& path) {
  return command.add_option("--db", path, "Database folder")
      ->envname("NEWSDEX_DB")
      ->required()
      ->type_name("DIR");
}

CLI::Validator count_check(bool positive) {
  return CLI::Validator(
      [positive](std::string& value) -> std::string {
        const bool digits = !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
          return c >= '0' && c <= '9';
        });
        if (!digits) return "expected a whole number, not '" + value + "'";
        if (positive && value.find_first_not_of('0') == std::string::npos) {
          return "expected a number above 0";
        }
        return {};
      },
      positive ? "N>0" : "N");
}

int run_cli(const std::vector<std::string>& args, Console console) {
  CLI::App app{"newsdex: full-text search for news archives", "newsdex"};
  app.set_version_flag("--version", std::string(version()));
  app.require_subcommand(1);
  const Command commands[] = {add_index_command(app, console), add_search_command(app, console),
                              add_similar_command(app, console),
                              add_stats_command(app, console), add_extract_command(app, console)};

  // CLI11 parses the arguments back to front.
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e, console.out, console.err);
    // `newsdex search --db DIR oil -gas`: a query word that starts with '-' reads as an option
    // (a mistyped `--option` needs no such hint).
    const bool minus_word = std::any_of(args.begin(), args.end(), [](const std::string& arg) {
      return arg.size() > 1 && arg[0] == '-' && arg[1] != '-';
    });
    if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr && app.got_subcommand("search") &&
        minus_word) {
      console.err << "A query word that starts with '-' must come after '--', as in: newsdex "
                     "search --db DIR -- oil -gas\n";
    }
    return status == 0 ? 0 : 2;
  }
  for (const Command& command : commands) {
    if (!command.parser->parsed()) continue;
    try {
      return command.run();
    } catch (const Error& e) {
      console.err << "newsdex: error: " << e.what() << '\n';
      return 1;
    }
  }
  return 2;
}

}  // namespace newsdex::cli
