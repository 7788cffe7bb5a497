// SPDX-License-Identifier: GPL-3.0-or-later
//
// Indexing throughput with and without the extraction of places, people and organisations, in
// one run: documents are built (text analysis, dates, facets, stored data) and written to an
// on-disk database, committed once per pass. Articles come from Reuters-21578 when
// NEWSDEX_REUTERS_DIR holds it, else from the bundled samples.
//
//   extraction_bench [--benchmark_filter=...] [--benchmark_min_time=...]

#include <benchmark/benchmark.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "indexer/schema.h"
#include "newsdex/reader.h"
#include "tests/support/temp_dir.h"

namespace {

using newsdex::Article;

// Two Reuters files: enough text for stable figures, read in a second.
constexpr std::size_t kMaxArticles = 2000;

const std::vector<Article>& articles() {
  static const std::vector<Article>* const loaded = [] {
    auto* result = new std::vector<Article>;
    std::vector<std::string> paths;
    const std::filesystem::path reuters = NEWSDEX_REUTERS_DIR;
    if (std::filesystem::exists(reuters / "reut2-000.sgm")) {
      paths = {(reuters / "reut2-000.sgm").string(), (reuters / "reut2-001.sgm").string()};
    } else {
      paths = {NEWSDEX_SOURCE_DIR "/corpus/samples"};
    }
    newsdex::ReadCallbacks callbacks;
    callbacks.on_article = [&](Article&& article) {
      if (result->size() < kMaxArticles && !(article.headline.empty() && article.body.empty())) {
        result->push_back(std::move(article));
      }
    };
    newsdex::read_articles(paths, {}, callbacks);
    if (result->empty()) throw std::runtime_error("extraction_bench: no articles to index");
    return result;
  }();
  return *loaded;
}

// Indexes every article once per iteration; arg 0 leaves places, people and organisations out.
void BM_Index(benchmark::State& state) {
  const bool entities = state.range(0) != 0;
  const std::vector<Article>& input = articles();
  newsdex::testing::TempDir dir;
  newsdex::IndexWriter writer(dir / "db", newsdex::IndexWriter::Mode::create_or_open);
  newsdex::MetadataOptions options;
  options.entities = entities;
  newsdex::DocumentBuilder builder(options);
  std::size_t bytes = 0;
  for (const Article& a : input) bytes += a.headline.size() + a.body.size();

  for (auto _ : state) {
    for (const Article& article : input) writer.write(builder.build(article));
    writer.commit();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * input.size()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.SetLabel(entities ? "with extraction" : "without extraction");

  // The benchmark checks its own result: every article stored, and country facets present
  // exactly when extraction ran (the dateline's country is there either way).
  if (writer.size() != input.size()) state.SkipWithError("articles missing from the index");
  Xapian::Database db(dir / "db");
  std::size_t with_places = 0;
  for (auto it = db.allterms_begin(std::string(newsdex::schema::kPerson));
       it != db.allterms_end(std::string(newsdex::schema::kPerson)); ++it) {
    ++with_places;
  }
  if (entities != (with_places > 0)) state.SkipWithError("person facets do not match the mode");
}
BENCHMARK(BM_Index)->ArgName("extraction")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
