// SPDX-License-Identifier: GPL-3.0-or-later
#include <fmt/format.h>
#include <fmt/ostream.h>

#include "cli/commands.h"
#include "cli/human.h"
#include "cli/interrupt.h"
#include "newsdex/error.h"
#include "newsdex/index.h"

namespace newsdex::cli {

namespace {

struct IndexArguments {
  std::string db;
  std::vector<std::string> paths;
  ReadArguments read;
  unsigned threads = 0;
  std::size_t batch_size = IndexOptions{}.batch_size;
  bool quiet = false;
  bool prune = false;
};

void print_progress(Console& console, const IndexProgress& p) {
  std::string eta;
  if (p.total_bytes > 0 && p.bytes_read > 0 && p.seconds > 1) {
    const double rate = static_cast<double>(p.bytes_read) / p.seconds;
    const double left = static_cast<double>(p.total_bytes) - static_cast<double>(p.bytes_read);
    if (left > 0) eta = "  ETA " + format_duration(left / rate);
  }
  const double rate = p.seconds > 0 ? static_cast<double>(p.articles_written) / p.seconds : 0;
  fmt::print(console.err, "\r\x1b[K{} articles  {}  {:.0f} articles/s{}",
             format_count(p.articles_written), format_bytes(p.bytes_read), rate, eta);
  console.err.flush();
}

void print_summary(Console& console, const IndexReport& r) {
  if (r.interrupted) {
    fmt::print(console.out,
               "interrupted: the articles below are committed; run the same command again to "
               "index the rest\n");
  }
  fmt::print(console.out,
             "read {} articles: {} added, {} replaced, {} unchanged, {} removed, {} skipped; {} "
             "warnings\n"
             "{} in {:.1f} s, {:.0f} articles/s\n",
             format_count(r.read), format_count(r.added), format_count(r.replaced),
             format_count(r.unchanged), format_count(r.removed), format_count(r.skipped),
             format_count(r.warnings), format_bytes(r.bytes), r.seconds, r.articles_per_second());
  for (const auto& [reason, count] : r.skipped_by_reason) {
    fmt::print(console.out, "  skipped {}: {}\n", format_count(count), reason);
  }
  if (r.passed_over > 0) {
    fmt::print(console.out, "  passed over {} files that document the archive (READMEs, lists, DTDs)\n",
               format_count(r.passed_over));
  }
}

}  // namespace

Command add_index_command(CLI::App& app, Console& console) {
  auto args = std::make_shared<IndexArguments>();
  CLI::App* command = app.add_subcommand("index", "Read archives and index their articles");
  add_database_option(*command, args->db);
  command->add_option("paths", args->paths, "Files, folders and archives to read")
      ->required()
      ->type_name("PATH");
  add_read_options(*command, args->read);
  command->add_option("--threads", args->threads, "Analysis threads (default: one per core)")
      ->check(count_check());
  command
      ->add_option("--batch-size", args->batch_size,
                   "Articles per commit (default: 2000, and a first load merges at most every "
                   "30 s; given, a first load merges after as many articles, then at each "
                   "doubling)")
      ->check(count_check(/*positive=*/true));
  command->add_flag("--quiet,-q", args->quiet, "No progress display");
  command->add_flag("--prune", args->prune,
                    "Remove the articles of files under PATHs that no longer exist");

  return {command, [args, &console] {
            IndexOptions options;
            options.read = to_read_options(args->read);
            options.threads = args->threads;
            options.batch_size = args->batch_size;
            options.prune = args->prune;
            const bool show_progress = console.err_is_terminal && !args->quiet;
            if (show_progress) {
              options.on_progress = [&console](const IndexProgress& p) {
                print_progress(console, p);
              };
            }
            options.on_issue = [&console, show_progress](const ReadIssue& issue) {
              // Clear the progress line first so the message stands on its own line.
              if (show_progress) console.err << "\r\x1b[K";
              console.err << issue.describe() << '\n';
            };
            const InterruptGuard interrupt;
            options.should_stop = [&interrupt] { return interrupt.received() != 0; };
            Index index = Index::create(args->db);
            const IndexReport report = index.add_paths(args->paths, options);
            if (show_progress) console.err << "\r\x1b[K";
            print_summary(console, report);
            if (report.interrupted) return exit_status_for_signal(interrupt.received());
            const bool found_nothing =
                report.read == 0 && report.unchanged == 0 && report.removed == 0;
            return found_nothing ? 1 : 0;
          }};
}

}  // namespace newsdex::cli
