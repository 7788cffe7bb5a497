// SPDX-License-Identifier: GPL-3.0-or-later
#include <fmt/format.h>

#include "cli/commands.h"
#include "newsdex/error.h"

namespace newsdex::cli {

void add_read_options(CLI::App& command, ReadArguments& args) {
  command.add_option("--format", args.format, "Read every file as this format")
      ->check(CLI::IsMember({"auto", "text", "jsonl", "sgml", "html"}));
  command
      .add_option("--field", args.fields,
                  "JSON key for an article field, e.g. --field headline=story_title")
      ->type_name("NAME=KEY");
}

ReadOptions to_read_options(const ReadArguments& args) {
  ReadOptions options;
  options.format = *parse_format(args.format);
  for (const std::string& field : args.fields) {
    const auto equals = field.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == field.size()) {
      throw Error(
          ErrorCode::invalid_argument,
          fmt::format("--field takes NAME=KEY (e.g. headline=story_title), not '{}'", field));
    }
    options.json_fields[field.substr(0, equals)] = field.substr(equals + 1);
  }
  return options;
}

}  // namespace newsdex::cli
