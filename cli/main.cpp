// SPDX-License-Identifier: GPL-3.0-or-later
#include <unistd.h>

#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const std::vector<std::string> args(argv + 1, argv + argc);
  return newsdex::cli::run_cli(args, {.out = std::cout,
                                      .err = std::cerr,
                                      .out_is_terminal = isatty(STDOUT_FILENO) == 1,
                                      .err_is_terminal = isatty(STDERR_FILENO) == 1});
}
