// SPDX-License-Identifier: GPL-3.0-or-later
//
// Throughput of the indexing stages that analysis_bench and extraction_bench do not cover:
// reading (SGML MB/s) and writing built documents (articles/s) into an in-memory database, into
// an on-disk database through the single writer, and into the shards of a bulk load, merged.
// Articles come from two Reuters-21578 files when NEWSDEX_REUTERS_DIR holds them, else from the
// bundled samples; documents are built once, outside the timed loops. Each benchmark checks its
// result after timing. Writing is timed by the clock on the wall: the shards write in threads
// of their own.
//
//   stage_bench [--benchmark_filter=...] [--benchmark_min_time=...]
#include <benchmark/benchmark.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "indexer/sharded_load.h"
#include "newsdex/reader.h"
#include "tests/support/temp_dir.h"

namespace {

namespace fs = std::filesystem;

std::vector<std::string> input_paths() {
  const fs::path reuters = NEWSDEX_REUTERS_DIR;
  if (fs::exists(reuters / "reut2-000.sgm")) {
    return {(reuters / "reut2-000.sgm").string(), (reuters / "reut2-001.sgm").string()};
  }
  return {NEWSDEX_SOURCE_DIR "/corpus/samples"};
}

struct Input {
  std::vector<newsdex::Article> articles;
  std::uint64_t bytes = 0;
};

Input read_input() {
  Input input;
  newsdex::ReadCallbacks callbacks;
  callbacks.on_article = [&](newsdex::Article&& article) {
    input.articles.push_back(std::move(article));
  };
  input.bytes = newsdex::read_articles(input_paths(), {}, callbacks).bytes;
  return input;
}

const Input& input() {
  static const Input* const read = new Input(read_input());
  return *read;
}

// The documents, built once; each writing pass takes copies of its own, unshared, since a
// Xapian object's reference count must not be touched from two threads.
std::vector<newsdex::BuiltDocument> fresh_documents() {
  static const std::vector<newsdex::BuiltDocument>* const built = [] {
    auto* documents = new std::vector<newsdex::BuiltDocument>;
    newsdex::DocumentBuilder builder;
    for (const newsdex::Article& article : input().articles) {
      documents->push_back(builder.build(article));
    }
    return documents;
  }();
  std::vector<newsdex::BuiltDocument> copies;
  for (const newsdex::BuiltDocument& document : *built) {
    copies.push_back({Xapian::Document::unserialise(document.document.serialise()),
                      document.id_term});
  }
  return copies;
}

void BM_ReadSgml(benchmark::State& state) {
  std::size_t articles = 0;
  std::uint64_t bytes = 0;
  for (auto _ : state) {
    articles = 0;
    newsdex::ReadCallbacks callbacks;
    callbacks.on_article = [&](newsdex::Article&&) { ++articles; };
    bytes = newsdex::read_articles(input_paths(), {}, callbacks).bytes;
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * articles));
  if (articles != input().articles.size()) state.SkipWithError("read a different number of articles");
}
BENCHMARK(BM_ReadSgml)->Unit(benchmark::kMillisecond);

void BM_WriteInMemory(benchmark::State& state) {
  Xapian::doccount stored = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<newsdex::BuiltDocument> documents = fresh_documents();
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    state.ResumeTiming();
    for (newsdex::BuiltDocument& built : documents) {
      db.replace_document(built.id_term, std::move(built.document));
    }
    db.commit();
    stored = db.get_doccount();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * input().articles.size()));
  if (stored != input().articles.size()) state.SkipWithError("articles missing");
}
BENCHMARK(BM_WriteInMemory)->Unit(benchmark::kMillisecond)->UseRealTime();

// Arg 0: the single writer, as an update does; arg 1: the shards of a first load, merged.
void BM_WriteOnDisk(benchmark::State& state) {
  const bool sharded = state.range(0) != 0;
  std::uint64_t stored = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<newsdex::BuiltDocument> documents = fresh_documents();
    newsdex::testing::TempDir dir;
    newsdex::IndexWriter writer(dir / "db", newsdex::IndexWriter::Mode::create_or_open);
    state.ResumeTiming();
    if (sharded) {
      newsdex::ShardedLoad load(writer, documents.size());
      for (newsdex::BuiltDocument& built : documents) load.write(std::move(built));
      load.finish();
    } else {
      for (newsdex::BuiltDocument& built : documents) writer.write(std::move(built));
      writer.commit();
    }
    state.PauseTiming();
    stored = writer.size();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * input().articles.size()));
  state.SetLabel(sharded ? "bulk load: shards, merged" : "single writer");
  if (stored != input().articles.size()) state.SkipWithError("articles missing");
}
BENCHMARK(BM_WriteOnDisk)->ArgName("sharded")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
