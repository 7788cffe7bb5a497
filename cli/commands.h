// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/cli.h"
#include "newsdex/reader.h"
#include "newsdex/search.h"

namespace newsdex::cli {

/// A subcommand: its CLI11 parser and what runs when it was chosen, returning the exit status.
/// The action reads the options the parser filled in, so it runs after parsing.
struct Command {
  CLI::App* parser;
  std::function<int()> run;
};

Command add_index_command(CLI::App& app, Console& console);
Command add_search_command(CLI::App& app, Console& console);
Command add_similar_command(CLI::App& app, Console& console);
Command add_stats_command(CLI::App& app, Console& console);
Command add_extract_command(CLI::App& app, Console& console);

/// How to read archives, as the commands that read them take it.
struct ReadArguments {
  std::string format = "auto";
  std::vector<std::string> fields;  ///< `NAME=KEY`
};

/// `--format FORMAT` and `--field NAME=KEY` (repeatable).
void add_read_options(CLI::App& command, ReadArguments& args);

/// The `ReadOptions` that `args` ask for. Throws `Error` (`invalid_argument`) for a `--field`
/// that is not `NAME=KEY`.
ReadOptions to_read_options(const ReadArguments& args);

/// `--db DIR`, required, defaulting to the NEWSDEX_DB environment variable.
CLI::Option* add_database_option(CLI::App& command, std::string& path);

/// Checks a count given on the command line: CLI11 would read `-1` into an unsigned one as its
/// largest value, and its own number checks print the range as a 300-digit number. `positive`:
/// 0 is refused too.
CLI::Validator count_check(bool positive = false);

}  // namespace newsdex::cli
