// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzers/text_analysis.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>

namespace newsdex {
namespace {

// A document's terms as Xapian's own tests write them: `word[1,4]` with positions,
// `word:2` (the wdf) without.
std::string describe(const Xapian::Document& doc) {
  std::string out;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    if (!out.empty()) out += ' ';
    out += *it;
    if (it.positionlist_count() == 0) {
      out += ':' + std::to_string(it.get_wdf());
      continue;
    }
    char separator = '[';
    for (auto pos = it.positionlist_begin(); pos != it.positionlist_end(); ++pos) {
      out += separator + std::to_string(*pos);
      separator = ',';
    }
    out += ']';
  }
  return out;
}

std::string index(TextAnalysis& analysis, std::string_view language, std::string_view text) {
  Xapian::Document doc;
  Xapian::termpos position = 0;
  analysis.index_text(doc, position, language, text);
  return describe(doc);
}

constexpr std::string_view kTextFields[] = {"headline"};

std::string parse(TextAnalysis& analysis, std::string_view language, std::string_view query) {
  Xapian::QueryParser parser;
  parser.set_default_op(Xapian::Query::OP_AND);
  const bool stemmed = !analysis.stemmer(language).is_none();
  parser.add_prefix("", TextAnalysis::term_prefix("", stemmed));
  parser.add_prefix("headline", TextAnalysis::term_prefix("S", stemmed));
  parser.add_boolean_prefix("source", "XS");
  analysis.configure(parser, language);
  const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                         Xapian::QueryParser::FLAG_PURE_NOT;
  return parser.parse_query(analysis.normalize_query(query, kTextFields), flags).get_description();
}

struct IndexCase {
  std::string_view language;
  std::string_view text;
  std::string_view terms;
};

constexpr IndexCase kIndexCases[] = {
    {"en", "Albania’s capital", "Zalbania[1] Zcapit[2]"},
    {"en", "U.S. trade", "Ztrade[2] Zus[1]"},
    {"en", "Saudi-Arabia", "Zarabia[2] Zsaudi[1]"},
    {"en", "e-Albania GPA-djp", "Zalbania[2] Zdjp[4] Ze[1] Zgpa[3]"},
    {"en", "15,000 barrels at 3.5%", "Z15,000[1] Z3.5[4] Zat[3] Zbarrel[2]"},
    {"en", "ＶＩＰ ２０１２", "Z2012[2] Zvip[1]"},
    {"en", "see www.example.com/news", "Zexample_com_new[2] Zsee[1]"},
    // Stopwords stay in the index, so phrases with them match.
    {"en", "state of the art", "Zart[4] Zof[2] Zstate[1] Zthe[3]"},
    // Each language with its own stemmer, after folding; only the stems are indexed, with
    // positions, so that phrases match them.
    {"de", "Die Häuser in Zürich", "Zdie[1] Zhaus[2] Zin[3] Zzurich[4]"},
    {"fr", "l'économie française", "Zeconom[2] Zfrancais[3] Zl[1]"},
    {"es", "Las elecciones generales", "Zeleccion[2] Zgeneral[3] Zlas[1]"},
    {"ru", "Новые правила", "Zнов[1] Zправ[2]"},
    {"ar", "المُعلّمون", "Zمعلم[1]"},
    // Languages Xapian has no stemmer for are indexed unstemmed.
    {"zh", "长江流域遭遇强降雨", "强[3] 遭遇[2] 长江流域[1] 降雨[4]"},
    {"ja", "東京都に行く", "に[3] 東京[1] 行く[4] 都[2]"},
    {"und", "Zürich trade", "trade[2] zurich[1]"},
};

TEST(TextAnalysisTest, IndexesTermsWithPositions) {
  TextAnalysis analysis;
  for (const auto& [language, text, terms] : kIndexCases) {
    EXPECT_EQ(index(analysis, language, text), terms) << language << ": " << text;
  }
}

// The terms are made without TermGenerator, but are TermGenerator's: given the normalised
// text, with the same stemmer and strategy, it makes the same terms at the same positions, wdf
// and prefixes included, over the multilingual samples in each of their languages and a few
// without a stemmer.
TEST(TextAnalysisTest, IndexesAsXapiansTermGeneratorWould) {
  TextAnalysis analysis;
  TextNormalizer normalizer;
  std::ifstream in(NEWSDEX_TEST_FIXTURES "/multilingual/articles.jsonl");
  std::size_t compared = 0;
  for (std::string line; std::getline(in, line);) {
    const auto record = nlohmann::json::parse(line);
    const std::string headline = record["title"];
    const std::string body = record["body"];
    for (const std::string& language : {record["lang"].get<std::string>(), std::string("und")}) {
      Xapian::Document ours;
      Xapian::termpos position = 0;
      analysis.index_text(ours, position, language, headline, 3, "S");
      position += 100;
      analysis.index_text(ours, position, language, body);

      Xapian::Document theirs;
      Xapian::TermGenerator generator;
      generator.set_document(theirs);
      const Xapian::Stem& stem = analysis.stemmer(language);
      generator.set_stemmer(stem);
      generator.set_stemming_strategy(stem.is_none() ? Xapian::TermGenerator::STEM_NONE
                                                     : Xapian::TermGenerator::STEM_ALL_Z);
      generator.index_text(normalizer.normalize(headline), 3, "S");
      generator.increase_termpos(100);
      generator.index_text(normalizer.normalize(body));

      ASSERT_EQ(describe(ours), describe(theirs)) << language << ": " << headline;
      EXPECT_EQ(position, generator.get_termpos());
      ++compared;
    }
  }
  EXPECT_GT(compared, 20u);
}

struct QueryCase {
  std::string_view language;
  std::string_view query;
  std::string_view parsed;
};

constexpr QueryCase kQueryCases[] = {
    {"en", "Zürich", "Query(Zzurich@1)"},
    {"en", "ZÜRICH zurich", "Query((Zzurich@1 AND Zzurich@2))"},
    {"en", "U.S.", "Query(Zus@1)"},
    {"en", "Albania’s", "Query(Zalbania@1)"},
    {"en", "Saudi-Arabia", "Query((Zsaudi@1 PHRASE 2 Zarabia@2))"},
    {"en", "Saudi Arabia", "Query((Zsaudi@1 AND Zarabia@2))"},
    {"en", "e-Albania", "Query((Ze@1 PHRASE 2 Zalbania@2))"},
    {"en", "15,000 3.5", "Query((Z15,000@1 AND Z3.5@2))"},
    {"en", "https://www.example.com/news", "Query(Zexample_com_new@1)"},
    {"en", "john.smith@example.com", "Query(Zjohn_smith_example_com@1)"},
    // Stopwords are skipped in free text, kept in phrases, and kept when nothing else is left.
    // Every word is stemmed, in phrases too, and wildcards expand over the stems.
    {"en", "state of the art", "Query((Zstate@1 AND Zart@4))"},
    {"en", "\"state of the art\"",
     "Query((Zstate@1 PHRASE 4 Zof@2 PHRASE 4 Zthe@3 PHRASE 4 Zart@4))"},
    {"en", "The Who", "Query((Zthe@1 AND Zwho@2))"},
    {"de", "die Häuser", "Query(Zhaus@2)"},
    {"de", "FÜR Zürich", "Query(Zzurich@2)"},
    {"fr", "l'économie", "Query((Zl@1 PHRASE 2 Zeconom@2))"},
    {"ru", "новые правила", "Query((Zнов@1 AND Zправ@2))"},
    {"ar", "المعلمون", "Query(Zمعلم@1)"},
    {"zh", "长江流域遭遇", "Query((长江流域@1 PHRASE 2 遭遇@2))"},
    {"zh", "长江 的 流域", "Query((长江@1 AND 流域@3))"},
    {"ja", "東京都", "Query((東京@1 PHRASE 2 都@2))"},
    // Syntax survives folding.
    {"en", "Zürich -Bern", "Query((Zzurich@1 AND_NOT Zbern@2))"},
    {"en", "Zürich OR Genève", "Query((Zzurich@1 OR Zgenev@2))"},
    {"en", "headline:Zürich", "Query(ZSzurich@1)"},
    // Values of boolean fields are passed on as typed (newsdex's own field processors then
    // make the terms; Xapian's plain boolean prefix adds the `:`).
    {"en", "source:\"Tirana Echo\" Zürich", "Query((Zzurich@1 FILTER XS:Tirana Echo))"},
    {"en", "zür*", "Query(WILDCARD SYNONYM Zzur)"},
};

TEST(TextAnalysisTest, ParsesQueries) {
  TextAnalysis analysis;
  for (const auto& [language, query, parsed] : kQueryCases) {
    EXPECT_EQ(parse(analysis, language, query), parsed) << language << ": " << query;
  }
}

// Suffix stemmers keep an ASCII first letter, so a word starting otherwise cannot have the stem;
// the Turkish stemmer can rewrite a word to another letter (`bunu` → `p`), so any word may.
TEST(TextAnalysisTest, TellsWhichWordsMayStemToAStem) {
  const TextAnalysis analysis;
  const bool english = analysis.stems_keep_first_letter("en");
  EXPECT_TRUE(TextAnalysis::may_stem_to(english, "reports", "report"));
  EXPECT_FALSE(TextAnalysis::may_stem_to(english, "deports", "report"));
  EXPECT_TRUE(TextAnalysis::may_stem_to(english, "1987", "report"));  // not a letter: anything
  EXPECT_TRUE(TextAnalysis::may_stem_to(analysis.stems_keep_first_letter("tr"), "bunu", "p"));
}

std::vector<std::pair<std::string, std::string>> pairs(const std::vector<WrittenForm>& forms) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const WrittenForm& form : forms) out.emplace_back(form.word, form.stem);
  return out;
}

// The words indexed as another stem are noted with it, once while the stemmer remembers them;
// words that are their own stems, words of a language without a stemmer, and query words are
// not.
TEST(TextAnalysisTest, NotesTheWrittenFormsOfStems) {
  using Pair = std::pair<std::string, std::string>;
  TextAnalysis analysis;
  index(analysis, "en", "Elections: the election was held; Iran elects");
  EXPECT_EQ(
      pairs(analysis.take_written_forms()),
      (std::vector<Pair>{{"elections", "elect"}, {"election", "elect"}, {"elects", "elect"}}));
  EXPECT_TRUE(analysis.take_written_forms().empty());
  index(analysis, "en", "New elections");  // remembered
  index(analysis, "ja", "東京都に行く");
  parse(analysis, "en", "governments");
  EXPECT_TRUE(analysis.take_written_forms().empty());
  index(analysis, "de", "Die Häuser");
  EXPECT_EQ(pairs(analysis.take_written_forms()), (std::vector<Pair>{{"hauser", "haus"}}));
}

TEST(TextAnalysisTest, NamesItsVersion) { EXPECT_EQ(TextAnalysis::name(), "newsdex-icu/2"); }

TEST(TextAnalysisTest, StemsEveryLanguageXapianShips) {
  TextAnalysis analysis;
  for (std::string_view language :
       {"ar", "ca", "da", "de", "en", "es", "eu", "fi", "fr", "ga", "hu", "hy", "id",
        "it", "lt", "nb", "ne", "nl", "nn", "no", "pt", "ro", "ru", "sv", "ta", "tr"}) {
    EXPECT_FALSE(analysis.stemmer(language).is_none()) << language;
  }
  for (std::string_view language : {"zh", "ja", "ko", "und", "sq", ""}) {
    EXPECT_TRUE(analysis.stemmer(language).is_none()) << language;
  }
}

// The stemmers remember the stems they made, each word in a slot its hash picks and another word
// may take: whatever the words asked before, they give Snowball's stems (20,000 words share
// 8,192 slots, so many collide; long words are stored outside the slot, the empty word is the
// empty slot's).
TEST(TextAnalysisTest, StemmersGiveSnowballsStemsEveryTime) {
  TextAnalysis analysis;
  const Xapian::Stem snowball("english");
  const Xapian::Stem& stemmer = analysis.stemmer("en");
  std::vector<std::string> words = {
      "running", "runs", "organization",          "happy",
      "oils",    "",     "internationalizations", "counterrevolutionaries"};
  for (int i = 0; i < 20'000; ++i) words.push_back("word" + std::to_string(i) + "ing");
  for (int round = 0; round < 2; ++round) {
    for (const std::string& word : words) ASSERT_EQ(stemmer(word), snowball(word)) << word;
    std::reverse(words.begin(), words.end());
  }
}

// Snippets skip stemming a word when no query stem starts with its letter: only for stemmers
// that never change an ASCII first letter. Checked on every word of the multilingual samples
// and, when present, of Reuters-21578.
TEST(TextAnalysisTest, StemmersThatKeepTheFirstLetterDo) {
  TextAnalysis analysis;
  std::string text;
  std::ifstream samples(NEWSDEX_TEST_FIXTURES "/multilingual/articles.jsonl");
  for (std::string line; std::getline(samples, line);) {
    text += "\n" + nlohmann::json::parse(line)["body"].get<std::string>();
  }
  std::set<std::string> words;
  for (const Token& token : analysis.tokenize(text)) {
    if (token.term[0] >= 'a' && token.term[0] <= 'z') words.insert(token.term);
  }
  // Reuters' words, as runs of letters folded to lower case (the whole analysis of 27 MB
  // would take seconds).
  const std::filesystem::path reuters =
      std::filesystem::path(NEWSDEX_SHARED_DIR) / "corpus" / "reuters21578";
  for (int i = 0; i < 22; ++i) {
    std::ifstream in(reuters / fmt::format("reut2-{:03}.sgm", i), std::ios::binary);
    std::string word;
    for (std::istreambuf_iterator<char> c(in), end; c != end; ++c) {
      if (std::isalpha(static_cast<unsigned char>(*c))) {
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(*c)));
      } else if (!word.empty()) {
        words.insert(std::move(word));
        word.clear();
      }
    }
  }
  ASSERT_GT(words.size(), 1000u);
  std::size_t languages = 0;
  for (std::string_view language : {"ca", "da", "de", "en", "es", "eu", "fi", "fr", "hu", "it",
                                    "nb", "nl", "nn", "no", "pt", "ro", "sv"}) {
    ASSERT_TRUE(analysis.stems_keep_first_letter(language)) << language;
    const Xapian::Stem& stemmer = analysis.stemmer(language);
    for (const std::string& word : words) {
      const std::string stem = stemmer(word);
      ASSERT_TRUE(!stem.empty() && stem[0] == word[0]) << language << ": " << word << " → " << stem;
    }
    ++languages;
  }
  EXPECT_EQ(languages, 17u);
  // `bunu` → `p`; `berada` → `ada`; `bhfuil` → `fuil`.
  EXPECT_EQ(analysis.stemmer("tr")("bunu"), "p");
  for (std::string_view language : {"tr", "id", "ga"}) {
    EXPECT_FALSE(analysis.stems_keep_first_letter(language)) << language;
  }
}

TEST(TextAnalysisTest, LanguagesAnalysedAlikeShareAKey) {
  TextAnalysis analysis;
  EXPECT_EQ(analysis.analysis_key("nb"), analysis.analysis_key("no"));
  EXPECT_EQ(analysis.analysis_key("nn"), analysis.analysis_key("no"));
  EXPECT_EQ(analysis.analysis_key("und"), analysis.analysis_key("sq"));
  EXPECT_NE(analysis.analysis_key("zh"), analysis.analysis_key("ja"));
  EXPECT_NE(analysis.analysis_key("zh"), analysis.analysis_key("und"));
  EXPECT_NE(analysis.analysis_key("en"), analysis.analysis_key("de"));
}

// Languages with equal signatures for a query's words share one parse of it, so a signature
// must tell apart every stem and every stopword that differs.
TEST(TextAnalysisTest, ParseSignaturesDifferWhereStemsOrStopwordsDo) {
  TextAnalysis analysis;
  const auto signature = [&](std::string_view language, std::vector<std::string> words) {
    return analysis.parse_signature(language, words);
  };
  // `park` is its own stem in English and German; `running` is not, in English only.
  EXPECT_EQ(signature("en", {"park"}), signature("de", {"park"}));
  EXPECT_NE(signature("en", {"park", "running"}), signature("de", {"park", "running"}));
  // `die` is a German stopword, not an English one.
  EXPECT_NE(signature("en", {"die"}), signature("de", {"die"}));
  EXPECT_EQ(signature("en", {"the"}), signature("en", {"the"}));
  EXPECT_NE(signature("en", {"the"}), signature("sq", {"the"}));
  // Unstemmed and stemmed parses differ even where the stem is the word (`Zpark`, `park`).
  EXPECT_NE(signature("en", {"park"}), signature("sq", {"park"}));
  EXPECT_EQ(signature("und", {"park", "running"}), signature("sq", {"park", "running"}));
}

// The design rests on this: every term the normaliser makes comes out of Xapian's
// TermGenerator and QueryParser as exactly that term, so both sides agree by construction.
TEST(TextAnalysisTest, XapianKeepsEveryTermAsItIs) {
  std::string text =
      "Zürich’s U.S.-based e-Albania 15,000 3.5 v2.0 1.2.3 www.example.com/a_b?c=1 "
      "john.smith@example.com AT&T C++ ＶＩＰ ٢٠٢٢ Straße ﬁnance 東京都に行く ภาษาไทย";
  std::ifstream in(NEWSDEX_TEST_FIXTURES "/multilingual/articles.jsonl");
  for (std::string line; std::getline(in, line);) {
    text += "\n" + nlohmann::json::parse(line)["body"].get<std::string>();
  }
  TextNormalizer normalizer;
  Xapian::TermGenerator generator;
  Xapian::QueryParser parser;
  std::size_t checked = 0;
  for (const Token& token : normalizer.tokenize(text)) {
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(token.term);
    ASSERT_EQ(describe(doc), token.term + "[1]");
    ASSERT_EQ(parser.parse_query(token.term).get_description(), "Query(" + token.term + "@1)");
    ++checked;
  }
  EXPECT_GT(checked, 2000u);
}

}  // namespace
}  // namespace newsdex
