// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace newsdex::cli {

/// Where the command line writes, and whether those are terminals (colour, progress).
struct Console {
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;
  bool err_is_terminal = false;
};

/// Runs the `newsdex` command line with `args` (without the program name) and returns the exit
/// status: 0 success, 1 failure (bad query, database error, nothing indexed), 2 usage error,
/// 128 + the signal for an `index` run stopped by SIGINT (130) or SIGTERM (143).
/// Callable in-process, so tests drive it directly.
int run_cli(const std::vector<std::string>& args, Console console);

}  // namespace newsdex::cli
