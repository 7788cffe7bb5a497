// SPDX-License-Identifier: GPL-3.0-or-later
// Analysis throughput: newsdex's full analysis (language identification, ICU folding and
// segmentation, per-language stemming through TermGenerator) against plain Xapian
// TermGenerator with the English stemmer, on the same text in the same run, with the ratio
// printed at the end. Goal (issue 3): full analysis at no less than half the plain speed.
//
//   analysis_bench [--benchmark_filter=...] [--reuters-files=N]
//
// Texts: the first N files of Reuters-21578 (default 3, about 3,000 stories; skipped when the
// corpus is absent) and the multilingual samples in tests/fixtures. Each benchmark checks its
// own output outside the timed loop, so a fast but wrong change fails.
#include <benchmark/benchmark.h>
#include <xapian.h>

#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analyzers/language_identifier.h"
#include "analyzers/text_analysis.h"
#include "newsdex/reader.h"

namespace newsdex {
namespace {

// Articles with headline, body and, for the samples, the language they state (Reuters states
// none: it is detected).
struct Corpus {
  std::vector<Article> texts;
  std::size_t bytes = 0;
};

int reuters_files = 3;

const Corpus& reuters() {
  static const Corpus corpus = [] {
    Corpus c;
    std::vector<std::string> paths;
    for (int i = 0; i < reuters_files; ++i) {
      char name[32];
      std::snprintf(name, sizeof name, "/reut2-%03d.sgm", i);
      paths.push_back(std::string(NEWSDEX_REUTERS_DIR) + name);
    }
    ReadCallbacks callbacks;
    callbacks.on_article = [&](Article&& a) {
      if (a.headline.empty() && a.body.empty()) return;  // not indexed either
      c.bytes += a.headline.size() + a.body.size();
      c.texts.push_back(std::move(a));
    };
    read_articles(paths, {}, callbacks);
    return c;
  }();
  return corpus;
}

const Corpus& multilingual() {
  static const Corpus corpus = [] {
    Corpus c;
    std::ifstream in(NEWSDEX_SOURCE_DIR "/tests/fixtures/multilingual/articles.jsonl");
    for (std::string line; std::getline(in, line);) {
      const auto record = nlohmann::json::parse(line);
      Article article;
      article.headline = record["title"];
      article.body = record["body"];
      article.language = record["lang"];
      c.bytes += article.headline.size() + article.body.size();
      c.texts.push_back(std::move(article));
    }
    return c;
  }();
  return corpus;
}

const Corpus& corpus_of(const benchmark::State& state) {
  return state.range(0) == 0 ? reuters() : multilingual();
}

bool usable(benchmark::State& state, const Corpus& corpus) {
  if (!corpus.texts.empty()) return true;
  state.SkipWithError("corpus absent (Reuters-21578 is read from NEWSDEX_REUTERS_DIR)");
  return false;
}

// Xapian out of the box: what newsdex's analysis is measured against.
void BM_PlainTermGenerator(benchmark::State& state) {
  const Corpus& corpus = corpus_of(state);
  if (!usable(state, corpus)) return;
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("english"));
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  Xapian::termcount terms = 0;
  for (auto _ : state) {
    for (const Article& text : corpus.texts) {
      Xapian::Document doc;
      generator.set_document(doc);
      generator.index_text(text.headline);
      generator.index_text(text.body);
      terms += doc.termlist_count();
    }
  }
  if (terms == 0) state.SkipWithError("no terms made");
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * corpus.bytes));
}

// What DocumentBuilder does with the text of an article.
void BM_FullAnalysis(benchmark::State& state) {
  const Corpus& corpus = corpus_of(state);
  if (!usable(state, corpus)) return;
  TextAnalysis analysis;
  std::map<std::string, int> languages;
  std::vector<Xapian::Document> last(corpus.texts.size());
  for (auto _ : state) {
    languages.clear();
    for (std::size_t i = 0; i < corpus.texts.size(); ++i) {
      const Article& text = corpus.texts[i];
      Xapian::Document doc;
      Xapian::termpos position = 0;
      const std::string language = identify_language(text);
      analysis.index_text(doc, position, language, text.headline);
      analysis.index_text(doc, position, language, text.body);
      ++languages[language];
      last[i] = std::move(doc);
    }
  }
  // Every text made terms, most Reuters stories read as English, and the samples keep the
  // language they state.
  for (const Xapian::Document& doc : last) {
    if (doc.termlist_count() == 0) state.SkipWithError("a text made no terms");
  }
  if (state.range(0) == 0 && languages["en"] * 10 < static_cast<int>(corpus.texts.size()) * 8) {
    state.SkipWithError("fewer than 80 % of the Reuters stories identified as English");
  }
  if (state.range(0) == 1 && languages.size() != 7) state.SkipWithError("expected 7 languages");
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * corpus.bytes));
}

// The parts of the full analysis, to see where the time goes.
void BM_LanguageIdentification(benchmark::State& state) {
  const Corpus& corpus = corpus_of(state);
  if (!usable(state, corpus)) return;
  std::size_t detected = 0;
  for (auto _ : state) {
    detected = 0;
    for (const Article& text : corpus.texts) {
      detected += detect_language(text.headline + "\n" + text.body) != kUndeterminedLanguage;
    }
  }
  if (detected * 2 < corpus.texts.size()) state.SkipWithError("most texts undetermined");
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * corpus.bytes));
}

void BM_Normalization(benchmark::State& state) {
  const Corpus& corpus = corpus_of(state);
  if (!usable(state, corpus)) return;
  TextNormalizer normalizer;
  std::size_t out = 0;
  for (auto _ : state) {
    out = 0;
    for (const Article& text : corpus.texts) {
      out += normalizer.normalize(text.headline).size() + normalizer.normalize(text.body).size();
    }
  }
  if (out * 2 < corpus.bytes) state.SkipWithError("normalised text suspiciously short");
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * corpus.bytes));
}

constexpr const char* kCorpusNames[] = {"reuters", "multilingual"};

void corpora(benchmark::internal::Benchmark* b) {
  b->ArgName("corpus")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
}

BENCHMARK(BM_PlainTermGenerator)->Apply(corpora);
BENCHMARK(BM_FullAnalysis)->Apply(corpora);
BENCHMARK(BM_LanguageIdentification)->Apply(corpora);
BENCHMARK(BM_Normalization)->Apply(corpora);

// Keeps each run's throughput so that the ratios can be printed after the table.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      const auto it = run.counters.find("bytes_per_second");
      if (it != run.counters.end() && !run.error_occurred) {
        throughput_[run.benchmark_name()] = it->second.value;
      }
    }
  }

  void print_ratios() const {
    for (int corpus = 0; corpus < 2; ++corpus) {
      const std::string suffix = "/corpus:" + std::to_string(corpus);
      const auto plain = throughput_.find("BM_PlainTermGenerator" + suffix);
      const auto full = throughput_.find("BM_FullAnalysis" + suffix);
      if (plain == throughput_.end() || full == throughput_.end()) continue;
      std::printf("%-13s full analysis %.2f MB/s, plain TermGenerator %.2f MB/s: ratio %.2f\n",
                  kCorpusNames[corpus], full->second / 1e6, plain->second / 1e6,
                  full->second / plain->second);
    }
  }

 private:
  std::map<std::string, double> throughput_;
};

}  // namespace
}  // namespace newsdex

int main(int argc, char** argv) {
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    const std::string_view arg(argv[i]);
    if (arg.starts_with("--reuters-files=")) {
      newsdex::reuters_files = std::stoi(std::string(arg.substr(16)));
    } else {
      args.push_back(argv[i]);
    }
  }
  int count = static_cast<int>(args.size());
  benchmark::Initialize(&count, args.data());
  if (benchmark::ReportUnrecognizedArguments(count, args.data())) return 1;
  newsdex::RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.print_ratios();
  benchmark::Shutdown();
  return 0;
}
