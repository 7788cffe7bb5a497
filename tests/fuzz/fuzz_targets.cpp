// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/fuzz/fuzz_targets.h"

#include <xapian.h>

#include <string>
#include <utility>

#include "analyzers/text_analysis.h"
#include "corpus/html_reader.h"
#include "corpus/jsonl_reader.h"
#include "corpus/read_context.h"
#include "corpus/sgml_reader.h"
#include "corpus/text_reader.h"
#include "corpus/utf8.h"
#include "indexer/document_builder.h"
#include "indexer/written_forms.h"
#include "newsdex/error.h"
#include "searcher/facet_ordinals.h"
#include "searcher/query_builder.h"
#include "searcher/spelling_suggester.h"
#include "tests/support/temp_dir.h"

namespace newsdex::fuzz {
namespace {

void require_utf8(std::string_view text, std::string_view what) {
  if (!detail::is_valid_utf8(text)) {
    throw Finding(std::string(what) + " is not valid UTF-8");
  }
}

// Checks what a reader sends as it arrives: `Article` promises valid UTF-8 in every string,
// and issues are printed and written as JSON by the CLI.
class CheckingSink final : public detail::RecordSink {
 public:
  void article(Article&& article) override {
    for (const std::string* field :
         {&article.id, &article.source_path, &article.format, &article.headline, &article.body,
          &article.dateline, &article.byline, &article.source, &article.date, &article.language,
          &article.url}) {
      require_utf8(*field, "an article field");
    }
    for (const std::string& caption : article.captions) require_utf8(caption, "a caption");
    for (const auto& [kind, values] : article.tags) {
      require_utf8(kind, "a tag kind");
      for (const std::string& value : values) require_utf8(value, "a tag");
    }
    if (article.id.empty()) throw Finding("an article without an id");
  }
  void issue(ReadIssue&& issue) override { require_utf8(issue.message, "an issue's message"); }
};

void run_reader(void (*reader)(const detail::ReadContext&), std::string_view bytes) {
  const detail::FileInput input{
      .bytes = bytes, .source_path = "fuzz/input", .id_path = "fuzz/input"};
  const ReadOptions options;
  CheckingSink sink;
  reader(detail::ReadContext{.input = input, .options = options, .sink = sink});
}

Article article(std::string id, std::string headline, std::string body, std::string language) {
  Article a;
  a.id = std::move(id);
  a.format = "text";
  a.headline = std::move(headline);
  a.body = std::move(body);
  a.language = std::move(language);
  a.date = "2022-09-07";
  a.source = "Fuzz Wire";
  return a;
}

// Built once: three languages, so that queries are parsed once per analysis and ORed, with
// places, people and organisations for the field processors to resolve, and the written words
// wildcards expand to. On disk: Xapian's in-memory databases have no synonym table.
Xapian::Database query_database() {
  static const testing::TempDir dir;  // removed when the process ends
  Xapian::WritableDatabase db(dir / "db", Xapian::DB_CREATE);
  WrittenFormsRecorder written_forms(db);
  DocumentBuilder builder;
  for (const Article& a : {
           article("en-1", "Albania cuts ties with Iran after cyberattack",
                   "TIRANA, Sept 7 (Reuters) - Prime Minister Edi Rama said the attack on "
                   "government servers was carried out by Iran. NATO condemned it.",
                   "en"),
           article("de-1", "Stadtwerke nach Cyberangriff wieder am Netz",
                   "BERLIN - Die Stadtwerke in Dortmund melden, dass die Systeme nach dem "
                   "Angriff wieder laufen. Die Bundesbank äußerte sich nicht.",
                   "de"),
           article("fr-1", "La BCE relève ses taux",
                   "FRANCFORT - La Banque centrale européenne a relevé ses taux directeurs "
                   "pour la dixième fois, a annoncé Christine Lagarde.",
                   "fr"),
       }) {
    BuiltDocument built = builder.build(a);
    db.replace_document(built.id_term, built.document);
    written_forms.record(built.written_forms);
  }
  written_forms.flush();
  db.commit();
  return db;
}

}  // namespace

void read_text(std::string_view bytes) { run_reader(detail::read_text, bytes); }
void read_jsonl(std::string_view bytes) { run_reader(detail::read_jsonl, bytes); }
void read_sgml(std::string_view bytes) { run_reader(detail::read_sgml, bytes); }
void read_html(std::string_view bytes) { run_reader(detail::read_html, bytes); }

void parse_query(std::string_view bytes) {
  static const Xapian::Database db = query_database();
  // One builder for every input, as a searcher keeps one: building its analysis per input
  // would spend most of the run there.
  static FacetOrdinals ordinals(db);
  static QueryBuilder builder(db, ordinals);
  Xapian::Query query;
  try {
    query = builder.parse(bytes);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::invalid_query) {
      throw Finding(std::string("a query failed with an error other than invalid_query: ") +
                    e.what());
    }
    return;
  }
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.get_mset(0, 10);
  static SpellingSuggester suggester(db);  // as a searcher keeps one, with its dictionaries
  suggester.suggest(bytes, builder.analysis(), std::vector<std::string>{"en"});
}

std::span<const Target> targets() {
  static constexpr Target kTargets[] = {
      {"text_reader", read_text}, {"jsonl_reader", read_jsonl},  {"sgml_reader", read_sgml},
      {"html_reader", read_html}, {"query_parser", parse_query},
  };
  return kTargets;
}

}  // namespace newsdex::fuzz
