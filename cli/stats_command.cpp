// SPDX-License-Identifier: GPL-3.0-or-later
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/human.h"
#include "newsdex/search.h"

namespace newsdex::cli {

namespace {

struct StatsArguments {
  std::string db;
  bool json = false;
};

void print_counts(std::ostream& out, std::string_view title,
                  const std::map<std::string, std::uint64_t>& counts) {
  if (counts.empty()) return;
  fmt::print(out, "{}:\n", title);
  for (const auto& [name, count] : counts) fmt::print(out, "  {:<24} {:>9}\n", name, format_count(count));
}

}  // namespace

Command add_stats_command(CLI::App& app, Console& console) {
  auto args = std::make_shared<StatsArguments>();
  CLI::App* command = app.add_subcommand("stats", "Describe a database");
  add_database_option(*command, args->db);
  command->add_flag("--json", args->json, "Print as JSON");
  return {command, [args, &console] {
            const IndexStats stats = Searcher::open(args->db).stats();
            if (args->json) {
              nlohmann::json object = {
                  {"documents", stats.documents},
                  {"first_date", stats.first_date ? nlohmann::json(*stats.first_date) : nullptr},
                  {"last_date", stats.last_date ? nlohmann::json(*stats.last_date) : nullptr},
                  {"formats", stats.formats},
                  {"sources", stats.sources},
                  {"languages", stats.languages},
                  {"size_bytes", stats.size_bytes},
                  {"schema", stats.schema_version},
                  {"analyzer", stats.analyzer}};
              console.out << object.dump(2) << '\n';
              return 0;
            }
            fmt::print(console.out, "documents: {}\n", format_count(stats.documents));
            if (stats.first_date) {
              fmt::print(console.out, "dates:     {} to {}\n", *stats.first_date, *stats.last_date);
            }
            fmt::print(console.out, "size:      {}\n", format_bytes(stats.size_bytes));
            fmt::print(console.out, "schema:    {}, analyzer {}\n", stats.schema_version,
                       stats.analyzer);
            print_counts(console.out, "formats", stats.formats);
            print_counts(console.out, "sources", stats.sources);
            print_counts(console.out, "languages", stats.languages);
            return 0;
          }};
}

}  // namespace newsdex::cli
