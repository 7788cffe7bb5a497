// SPDX-License-Identifier: GPL-3.0-or-later
#include <stdlib.h>
#include <unistd.h>

#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) {
  // Set for Xapian's omega, this makes Xapian's query parser split CJK words into characters,
  // while newsdex indexes them whole: every CJK search would find nothing. Xapian reads it
  // once, when it first parses, and the library refuses such searches; the command has no
  // use for it.
  ::unsetenv("XAPIAN_CJK_NGRAM");
  std::ios::sync_with_stdio(false);
  const std::vector<std::string> args(argv + 1, argv + argc);
  return newsdex::cli::run_cli(args, {.out = std::cout,
                                      .err = std::cerr,
                                      .out_is_terminal = isatty(STDOUT_FILENO) == 1,
                                      .err_is_terminal = isatty(STDERR_FILENO) == 1});
}
