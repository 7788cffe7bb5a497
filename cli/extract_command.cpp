// SPDX-License-Identifier: GPL-3.0-or-later
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/human.h"
#include "newsdex/extract.h"

namespace newsdex::cli {

namespace {

using nlohmann::json;

struct ExtractArguments {
  std::vector<std::string> paths;
  ReadArguments read;
  bool json = false;
  bool no_body = false;
};

json to_json(const std::optional<double>& value) { return value ? json(*value) : json(nullptr); }

json to_json(const std::vector<ExtractedMention>& mentions) {
  json list = json::array();
  for (const ExtractedMention& m : mentions) {
    json item = {{"text", m.text}, {"field", m.field}, {"start", m.start}, {"end", m.end}};
    if (m.field == "caption") item["caption"] = m.caption;
    list.push_back(std::move(item));
  }
  return list;
}

json to_json(const std::vector<ExtractedEntity>& entities) {
  json list = json::array();
  for (const ExtractedEntity& e : entities) {
    json item = {{"name", e.name}, {"mentions", to_json(e.mentions)}};
    if (!e.aliases.empty()) item["aliases"] = e.aliases;
    list.push_back(std::move(item));
  }
  return list;
}

// One JSON object per article, the contract of issue 4 (keys may be added, never changed).
json to_json(const ExtractedArticle& e, bool with_body) {
  json dateline = nullptr;
  if (e.dateline) {
    dateline = {
        {"text", e.dateline->text},
        {"city", e.dateline->city.empty() ? json(nullptr) : json(e.dateline->city)},
        {"country", e.dateline->country.empty() ? json(nullptr) : json(e.dateline->country)},
        {"source", e.dateline->source.empty() ? json(nullptr) : json(e.dateline->source)},
        {"lat", to_json(e.dateline->latitude)},
        {"lon", to_json(e.dateline->longitude)}};
  }
  json places = json::array();
  for (const ExtractedPlace& p : e.places) {
    places.push_back({{"name", p.name},
                      {"kind", p.kind},
                      {"country", p.country.empty() ? json(nullptr) : json(p.country)},
                      {"id", p.id},
                      {"lat", to_json(p.latitude)},
                      {"lon", to_json(p.longitude)},
                      {"mentions", to_json(p.mentions)}});
  }
  json object = {
      {"id", e.article.id},
      {"headline", e.article.headline},
      {"date", e.date ? json(*e.date) : json(nullptr)},
      {"date_source", e.date ? json(e.date_source) : json(nullptr)},
      {"language", e.language},
      {"source", e.source.empty() ? json(nullptr) : json(e.source)},
      {"dateline", std::move(dateline)},
      {"countries", e.countries},
      {"places", std::move(places)},
      {"people", to_json(e.people)},
      {"organizations", to_json(e.organizations)},
  };
  if (!e.article.captions.empty()) object["captions"] = e.article.captions;
  if (with_body) object["body"] = e.article.body;
  return object;
}

std::string names(const std::vector<ExtractedEntity>& entities) {
  std::string text;
  for (const ExtractedEntity& e : entities) {
    if (!text.empty()) text += ", ";
    text += e.name;
    if (!e.aliases.empty()) text += " (" + e.aliases.front() + ")";
  }
  return text;
}

void print_article(std::ostream& out, const ExtractedArticle& e) {
  fmt::print(out, "{}  {}  {}  {}\n", e.article.id, e.date.value_or("----------"), e.language,
             e.source.empty() ? "-" : e.source);
  if (!e.article.headline.empty()) fmt::print(out, "  {}\n", e.article.headline);
  if (e.dateline) {
    std::string where = e.dateline->city;
    if (!e.dateline->country.empty()) {
      where += (where.empty() ? "" : ", ") + e.dateline->country;
    }
    fmt::print(out, "  dateline:      {} → {}\n", e.dateline->text, where.empty() ? "?" : where);
  }
  if (!e.countries.empty()) {
    std::string codes;
    for (const std::string& code : e.countries) codes += (codes.empty() ? "" : ", ") + code;
    fmt::print(out, "  countries:     {}\n", codes);
  }
  if (!e.places.empty()) {
    std::string text;
    for (const ExtractedPlace& p : e.places) {
      text += (text.empty() ? "" : ", ") + p.name;
      if (p.kind != "country" && !p.country.empty()) text += " (" + p.country + ")";
    }
    fmt::print(out, "  places:        {}\n", text);
  }
  if (!e.people.empty()) fmt::print(out, "  people:        {}\n", names(e.people));
  if (!e.organizations.empty()) {
    fmt::print(out, "  organizations: {}\n", names(e.organizations));
  }
}

}  // namespace

Command add_extract_command(CLI::App& app, Console& console) {
  auto args = std::make_shared<ExtractArguments>();
  CLI::App* command = app.add_subcommand(
      "extract", "Print the dates, datelines, places, people and organisations of articles");
  command->add_option("paths", args->paths, "Files, folders and archives to read")
      ->required()
      ->type_name("PATH");
  add_read_options(*command, args->read);
  command->add_flag("--json", args->json, "One JSON object per article and line");
  command->add_flag("--no-body", args->no_body, "Leave the body text out of the JSON");

  return {command, [args, &console] {
            ExtractCallbacks callbacks;
            std::uint64_t count = 0;
            callbacks.on_article = [&](ExtractedArticle&& e) {
              for (const std::string& warning : e.warnings) {
                fmt::print(console.err, "{}:{}: warning: {}\n", e.article.source_path,
                           e.article.record, warning);
              }
              if (args->json) {
                console.out << to_json(e, !args->no_body)
                                   .dump(-1, ' ', false, json::error_handler_t::replace)
                            << '\n';
              } else {
                if (count > 0) console.out << '\n';
                print_article(console.out, e);
              }
              ++count;
            };
            callbacks.on_issue = [&console](const ReadIssue& issue) {
              console.err << issue.describe() << '\n';
            };
            const ReadSummary summary =
                extract_articles(args->paths, to_read_options(args->read), callbacks);
            if (!args->json) {
              fmt::print(console.err, "{} articles from {} files\n", format_count(summary.articles),
                         format_count(summary.files));
            }
            return summary.articles == 0 ? 1 : 0;
          }};
}

}  // namespace newsdex::cli
