// SPDX-License-Identifier: GPL-3.0-or-later
// The promise of issue 3: any word or short phrase a reader sees in an article finds that article
// when typed into a query, however it is typed. Words and phrases are sampled (fixed seed) from
// the multilingual samples and from Reuters-21578, typed in other case, without accents, in NFD,
// with full-width forms folded, quoted and unquoted, and searched through the public API.
#include <gtest/gtest.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <set>
#include <tuple>

#include "analyzers/text_normalizer.h"
#include "newsdex/newsdex.h"
#include "tests/support/shared_dir.h"
#include "tests/support/temp_dir.h"

namespace newsdex {
namespace {

// The test fails when more typed queries than this miss their article.
constexpr double kMaxFailureRate = 0.001;
constexpr unsigned kSeed = 20240603;

struct Sample {
  std::string id;
  std::string language;
  std::vector<std::string> fields;  // headline, captions, body: phrases stay within one
};

// An article as the index stored it, which is what the reader is shown.
Sample stored_sample(const Searcher& searcher, const std::string& id, std::string language) {
  const std::optional<Article> article = searcher.get(id);
  EXPECT_TRUE(article.has_value()) << id;
  Sample sample{id, std::move(language), {}};
  if (!article) return sample;
  sample.fields.push_back(article->headline);
  for (const std::string& caption : article->captions) sample.fields.push_back(caption);
  sample.fields.push_back(article->body);
  return sample;
}

icu::UnicodeString unicode(std::string_view text) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

std::string utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

std::string normalized(std::string_view text, const icu::Normalizer2* (*instance)(UErrorCode&)) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = instance(status);
  const icu::UnicodeString result = normalizer->normalize(unicode(text), status);
  EXPECT_TRUE(U_SUCCESS(status));
  return utf8(result);
}

// What a reader leaves out when typing: accents on Latin, Greek and Cyrillic letters (but the
// breve of й, a letter of its own on every Russian keyboard), Arabic vowel marks.
std::string without_accents(std::string_view text) {
  const icu::UnicodeString decomposed = unicode(normalized(text, icu::Normalizer2::getNFDInstance));
  icu::UnicodeString bare;
  UChar32 base = 0;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    const bool latin_mark =
        c >= 0x0300 && c <= 0x036F && !(c == 0x0306 && base >= 0x0400 && base <= 0x04FF);
    const bool arabic_mark = (c >= 0x064B && c <= 0x065F) || c == 0x0670;
    if (latin_mark || arabic_mark) continue;
    if (u_getCombiningClass(c) == 0) base = c;
    bare.append(c);
  }
  return normalized(utf8(bare), icu::Normalizer2::getNFCInstance);
}

bool is_cjk_language(std::string_view language) { return language == "zh" || language == "ja"; }

bool is_edge_punctuation(UChar32 c) {
  const int8_t type = u_charType(c);
  return u_ispunct(c) || type == U_MATH_SYMBOL || type == U_CURRENCY_SYMBOL ||
         type == U_MODIFIER_SYMBOL || type == U_OTHER_SYMBOL;
}

// Punctuation around a word is not part of what a reader types (`(Reuters),` → `Reuters`), nor
// are quotes and brackets inside a phrase, nor a `+`/`-` before a number (which every search box
// reads as an operator).
std::string as_typed(std::string_view text) {
  icu::UnicodeString s;
  const icu::UnicodeString in = unicode(text);
  for (int32_t i = 0; i < in.length();) {
    const UChar32 c = in.char32At(i);
    i += U16_LENGTH(c);
    if (c == '"' || c == '(' || c == ')' || c == '[' || c == ']' || c == 0xAB || c == 0xBB ||
        c == 0x201C || c == 0x201D || c == 0x201E || c == 0x300C || c == 0x300D) {
      s.append(static_cast<UChar32>(' '));
      continue;
    }
    s.append(c);
  }
  int32_t begin = 0;
  int32_t end = s.length();
  while (begin < end && (is_edge_punctuation(s.char32At(begin)) || u_isspace(s.char32At(begin)))) {
    begin = s.moveIndex32(begin, 1);
  }
  while (end > begin) {
    const int32_t last = s.moveIndex32(end, -1);
    if (!is_edge_punctuation(s.char32At(last)) && !u_isspace(s.char32At(last))) break;
    end = last;
  }
  std::string out = utf8(s.tempSubStringBetween(begin, end));
  // Whitespace runs (line breaks) become one space, as in a search box.
  std::string compact;
  for (const char c : out) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space && !compact.empty() && compact.back() == ' ') continue;
    compact.push_back(space ? ' ' : c);
  }
  return compact;
}

// The words of a text, as byte ranges: whitespace-separated for scripts with spaces; for
// Chinese and Japanese, the words the analysis segments (a reader selects them by sight).
std::vector<std::pair<std::size_t, std::size_t>> visible_words(const std::string& text,
                                                               std::string_view language,
                                                               TextNormalizer& normalizer) {
  std::vector<std::pair<std::size_t, std::size_t>> words;
  if (is_cjk_language(language)) {
    for (const Token& token : normalizer.tokenize(text)) words.emplace_back(token.begin, token.end);
    return words;
  }
  for (std::size_t i = 0; i < text.size();) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    const std::size_t begin = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i > begin) words.emplace_back(begin, i);
  }
  return words;
}

// What the query language reserves: a reader typing `NOT` in capitals asks for NOT.
bool uses_operator_words(std::string_view query) {
  std::size_t i = 0;
  while (i < query.size()) {
    const std::size_t end = std::min(query.find(' ', i), query.size());
    const std::string_view word = query.substr(i, end - i);
    for (std::string_view op : {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"}) {
      if (word == op) return true;
    }
    i = end + 1;
  }
  return false;
}

// How readers type what they see.
std::set<std::string> typings(const std::string& seen) {
  std::set<std::string> forms = {
      seen,
      utf8(unicode(seen).toLower(icu::Locale::getRoot())),
      utf8(unicode(seen).toUpper(icu::Locale::getRoot())),
      without_accents(seen),
      utf8(unicode(without_accents(seen)).toLower(icu::Locale::getRoot())),
      normalized(seen, icu::Normalizer2::getNFDInstance),
      normalized(seen, icu::Normalizer2::getNFKCInstance),
  };
  std::set<std::string> queries;
  for (const std::string& form : forms) {
    if (form.empty()) continue;
    for (const std::string& query : {form, '"' + form + '"'}) {
      if (!uses_operator_words(query)) queries.insert(query);
    }
  }
  return queries;
}

SearchRequest request(const std::string& query, std::size_t limit, std::size_t snippet_length) {
  SearchRequest request;
  request.query = query;
  request.limit = limit;
  request.snippet_length = snippet_length;
  // Findability is about each article: a copy folded into another hit would count as missed.
  request.collapse_duplicates = false;
  return request;
}

struct Probe {
  std::string id;
  std::string query;
};

std::vector<Probe> probes(const std::vector<Sample>& samples, std::size_t words_per_article,
                          std::size_t phrases_per_article) {
  std::mt19937 random(kSeed);
  TextNormalizer normalizer;
  std::vector<Probe> out;
  for (const Sample& sample : samples) {
    // (field, first byte, end byte) of every word; a phrase never spans two fields.
    std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> words;
    for (std::size_t f = 0; f < sample.fields.size(); ++f) {
      for (const auto& [begin, end] :
           visible_words(sample.fields[f], sample.language, normalizer)) {
        words.emplace_back(f, begin, end);
      }
    }
    if (words.size() < 4) continue;
    auto typed = [&](std::size_t first, std::size_t count) {
      const auto& [field, begin, unused] = words[first];
      const std::size_t end = std::get<2>(words[first + count - 1]);
      if (std::get<0>(words[first + count - 1]) != field) return std::string();
      return as_typed(std::string_view(sample.fields[field]).substr(begin, end - begin));
    };
    std::uniform_int_distribution<std::size_t> any_word(0, words.size() - 1);
    for (std::size_t n = 0; n < words_per_article; ++n) {
      const std::string seen = typed(any_word(random), 1);
      if (seen.empty()) continue;
      for (std::string query : typings(seen)) out.push_back({sample.id, std::move(query)});
    }
    std::uniform_int_distribution<std::size_t> length(2, 4);
    for (std::size_t n = 0; n < phrases_per_article; ++n) {
      const std::size_t count = length(random);
      const std::size_t first =
          std::uniform_int_distribution<std::size_t>(0, words.size() - count)(random);
      const std::string seen = typed(first, count);
      if (seen.empty()) continue;
      for (std::string query : typings(seen)) out.push_back({sample.id, std::move(query)});
    }
  }
  return out;
}

// Searches every probe and returns the failure rate, printing the first misses.
double failure_rate(const std::string& db, const std::vector<Probe>& all, std::string_view name) {
  const Searcher searcher = Searcher::open(db);
  const std::size_t documents = searcher.stats().documents;
  std::size_t failures = 0;
  for (const Probe& probe : all) {
    bool found = false;
    std::string parsed;
    try {
      const SearchResults results = searcher.search(request(probe.query, documents, 0));
      parsed = results.parsed_query;
      found = std::any_of(results.hits.begin(), results.hits.end(),
                          [&](const Hit& hit) { return hit.id == probe.id; });
    } catch (const Error& e) {
      parsed = e.what();
    }
    if (!found && ++failures <= 25) {
      std::cout << "  not found: " << probe.id << " <- " << probe.query << "\n      parsed as "
                << parsed.substr(0, 300) << "\n";
    }
  }
  const double rate =
      all.empty() ? 0 : static_cast<double>(failures) / static_cast<double>(all.size());
  std::cout << name << ": " << failures << " of " << all.size()
            << " typed queries missed their article (" << rate * 100 << " %)\n";
  return rate;
}

constexpr const char* kMultilingual = NEWSDEX_TEST_FIXTURES "/multilingual/articles.jsonl";

// The multilingual samples, indexed once for the tests below.
class MultilingualTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    report_ = Index::create(db()).add_paths({kMultilingual});
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string db() { return *dir_ / "db"; }

  std::vector<std::string> ids(const std::string& query) const {
    std::vector<std::string> out;
    for (const Hit& hit : Searcher::open(db()).search(request(query, 10, 0)).hits)
      out.push_back(hit.id);
    std::sort(out.begin(), out.end());
    return out;
  }

  static inline testing::TempDir* dir_ = nullptr;
  static inline IndexReport report_;
};

TEST_F(MultilingualTest, EveryWordAndPhraseIsFoundHoweverItIsTyped) {
  ASSERT_EQ(report_.added, 14u);
  const Searcher searcher = Searcher::open(db());
  const IndexStats stats = searcher.stats();
  for (const char* language : {"de", "fr", "es", "ru", "ar", "zh", "ja"}) {
    EXPECT_EQ(stats.languages.count(language), 1u) << language;
  }
  std::vector<Sample> samples;
  std::ifstream in(kMultilingual);
  for (std::string line; std::getline(in, line);) {
    const auto record = nlohmann::json::parse(line);
    samples.push_back(stored_sample(searcher, record["id"], record["lang"]));
  }
  const std::vector<Probe> all = probes(samples, 50, 50);
  EXPECT_GT(all.size(), 5000u);
  EXPECT_LE(failure_rate(db(), all, "multilingual samples"), kMaxFailureRate);
}

// Stemming follows each article's language: German inflections find German articles, and a
// word stemmed alike in two languages is matched in each with its own stemmer.
TEST_F(MultilingualTest, QueriesStemInTheLanguageOfEachArticle) {
  using Ids = std::vector<std::string>;
  EXPECT_EQ(ids("Straße"), Ids{"ml-de-1"});  // the text has `Straßen`
  EXPECT_EQ(ids("strasse"), Ids{"ml-de-1"});
  EXPECT_EQ(ids("Haus"), Ids{"ml-de-1"});      // `Häusern`
  EXPECT_EQ(ids("voyageur"), Ids{"ml-fr-1"});  // `voyageurs`
  EXPECT_EQ(ids("turista"), Ids{"ml-es-1"});   // `turistas`
  EXPECT_EQ(ids("выставки"), Ids{"ml-ru-1"});  // `выставка`
  // Phrases match their words by stem too, as in Lucene's analysers: `Straßen` again.
  EXPECT_EQ(ids("\"Straße Haus\""), Ids{});
  EXPECT_EQ(ids("\"Straße gesperrt\""), Ids{"ml-de-1"});
  EXPECT_EQ(ids("lang:fr voyageur"), Ids{"ml-fr-1"});
  EXPECT_EQ(ids("lang:de voyageur"), Ids{});
  EXPECT_EQ(ids("東京都"), Ids{"ml-ja-1"});
  EXPECT_EQ(ids("ＶＩＰ"), Ids{"ml-ja-2"});
  EXPECT_EQ(ids("vip"), Ids{"ml-ja-2"});
  EXPECT_EQ(ids("EE.UU."), Ids{"ml-es-1"});
  EXPECT_EQ(ids("lagezentrum@nrw.example.de"), Ids{"ml-de-1"});
  EXPECT_EQ(ids("hochwasser-nrw.example.de"), Ids{});  // a URL is one term, not its parts
}

TEST_F(MultilingualTest, SnippetsMarkWordsAsTheAnalysisFoundThem) {
  const Searcher searcher = Searcher::open(db());
  auto marked = [&](const std::string& query) {
    const SearchResults results = searcher.search(request(query, 1, 120));
    std::vector<std::string> words;
    if (results.hits.empty()) return words;
    const Snippet& snippet = results.hits[0].snippet;
    for (const Highlight& h : snippet.highlights)
      words.push_back(snippet.text.substr(h.begin, h.end - h.begin));
    return words;
  };
  using Words = std::vector<std::string>;
  EXPECT_EQ(marked("dusseldorf"), (Words{"DÜSSELDORF"}));
  EXPECT_EQ(marked("strom haushalte"), (Words{"Haushalte", "Strom"}));
  EXPECT_EQ(marked("\"nordrhein westfalen\" strasse"),
            (Words{"Nordrhein", "Westfalen", "Straßen"}));
  EXPECT_EQ(marked("防汛"), (Words{"防汛"}));
  EXPECT_EQ(marked("ندوات"), (Words{"نـــدوات"}));

  // The passage is about the length asked for, cut at words, with `…` where text was left out.
  const Snippet snippet =
      searcher.search(request("Wupper Schlauchbooten", 1, 120)).hits.at(0).snippet;
  EXPECT_LE(snippet.text.size(), 120u + 2 * std::string_view("…").size());
  EXPECT_TRUE(snippet.text.starts_with("…")) << snippet.text;
  EXPECT_TRUE(snippet.text.ends_with("…")) << snippet.text;
  ASSERT_EQ(snippet.highlights.size(), 2u);
  EXPECT_EQ(snippet.text.substr(snippet.highlights[1].begin,
                                snippet.highlights[1].end - snippet.highlights[1].begin),
            "Schlauchbooten");
}

TEST(FindabilityTest, EveryWordAndPhraseOfSampledReutersStoriesIsFound) {
  NEWSDEX_REQUIRE_SHARED();
  const std::string reuters = (testing::shared_dir() / "corpus/reuters21578").string();
  // The whole collection is read through the public reader; a fixed-seed sample of its stories
  // is indexed and probed, which keeps the test well under two minutes.
  std::vector<Article> articles;
  ReadCallbacks callbacks;
  callbacks.on_article = [&](Article&& article) {
    if (!article.body.empty()) articles.push_back(std::move(article));
  };
  read_articles({reuters}, {}, callbacks);
  ASSERT_GT(articles.size(), 19000u);
  std::mt19937 random(kSeed);
  std::shuffle(articles.begin(), articles.end(), random);
  articles.resize(400);

  testing::TempDir dir;
  {
    std::ofstream out(dir / "reuters-sample.jsonl");
    for (const Article& a : articles) {
      out << nlohmann::json{{"id", a.id},
                            {"title", a.headline},
                            {"body", a.body},
                            {"source", a.source}}
                 .dump()
          << "\n";
    }
  }
  const IndexReport report = Index::create(dir / "db").add_paths({dir / "reuters-sample.jsonl"});
  ASSERT_EQ(report.added, articles.size());

  const Searcher searcher = Searcher::open(dir / "db");
  std::vector<Sample> samples;
  for (const Article& a : articles) samples.push_back(stored_sample(searcher, a.id, "en"));
  const std::vector<Probe> all = probes(samples, 8, 8);
  EXPECT_GT(all.size(), 20000u);
  EXPECT_LE(failure_rate(dir / "db", all, "Reuters-21578 sample"), kMaxFailureRate);
}

}  // namespace
}  // namespace newsdex
