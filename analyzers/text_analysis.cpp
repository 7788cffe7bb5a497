// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzers/text_analysis.h"

#include <algorithm>
#include <utility>

#include "analyzers/fnv1a.h"
#include "embedded/stopword_data.h"

namespace newsdex {

namespace {

struct LanguageAnalysis {
  std::string_view language;          ///< as `identify_language` returns it
  std::string_view stemmer;           ///< Xapian's name for its Snowball stemmer, or empty
  std::string_view stopword_list;     ///< the name of the list in data/stopwords, or empty
  const std::string_view* stopwords;  ///< that list, embedded at build time
};

// Every stemmer Xapian 1.4 ships (but the English variants), with the stopword lists in
// data/stopwords (see its SOURCE.md).
constexpr LanguageAnalysis kLanguages[] = {
    {"ar", "arabic", "ar", &stopword_data::ar_txt},
    {"ca", "catalan", {}, nullptr},
    {"da", "danish", "da", &stopword_data::da_txt},
    {"de", "german", "de", &stopword_data::de_txt},
    {"en", "english", "en", &stopword_data::en_txt},
    {"es", "spanish", "es", &stopword_data::es_txt},
    {"eu", "basque", {}, nullptr},
    {"fi", "finnish", "fi", &stopword_data::fi_txt},
    {"fr", "french", "fr", &stopword_data::fr_txt},
    {"ga", "irish", {}, nullptr},
    {"hu", "hungarian", "hu", &stopword_data::hu_txt},
    {"hy", "armenian", {}, nullptr},
    {"id", "indonesian", {}, nullptr},
    {"it", "italian", "it", &stopword_data::it_txt},
    {"ja", {}, "ja", &stopword_data::ja_txt},
    {"lt", "lithuanian", {}, nullptr},
    {"nb", "norwegian", "no", &stopword_data::no_txt},
    {"ne", "nepali", "ne", &stopword_data::ne_txt},
    {"nl", "dutch", "nl", &stopword_data::nl_txt},
    {"nn", "norwegian", "no", &stopword_data::no_txt},
    {"no", "norwegian", "no", &stopword_data::no_txt},
    {"pt", "portuguese", "pt", &stopword_data::pt_txt},
    {"ro", "romanian", {}, nullptr},
    {"ru", "russian", "ru", &stopword_data::ru_txt},
    {"sv", "swedish", "sv", &stopword_data::sv_txt},
    {"ta", "tamil", {}, nullptr},
    {"tr", "turkish", "tr", &stopword_data::tr_txt},
    {"zh", {}, "zh", &stopword_data::zh_txt},
};

const LanguageAnalysis* find_language(std::string_view language) {
  for (const LanguageAnalysis& entry : kLanguages) {
    if (entry.language == language) return &entry;
  }
  return nullptr;
}

}  // namespace

// Snowball stemming was a third of TermGenerator's work on Reuters-21578, and news text uses
// the same words again and again: a stemmer that remembers the stems of the words it met, in a
// direct-mapped table, each word in the slot its hash picks, replacing what was there. A slot
// is one cache line (short strings are stored inline) and the table, at most 512 KB, fits in a
// core's L2 cache: in a load, where analysis and Xapian's writers compete for the cache,
// looking words up in an `unordered_map` of the last 65,536 words (a node, a bucket and a
// string apart) cost more than the stemming it saved. The commonest words keep their slots, as
// they come back before another word takes them. The table starts small and grows eightfold
// whenever it has missed twice as many words as it has slots: a search stems a few words in
// each of the archive's languages, and building full tables for them all took 11 ms of a
// command-line search.
class TextAnalysis::RememberingStemmer : public Xapian::StemImplementation {
 public:
  explicit RememberingStemmer(Xapian::Stem stem)
      : stem_(std::move(stem)), slots_(std::size_t{1} << slot_bits_) {}

  std::string operator()(const std::string& word) override { return stem(word, nullptr); }

  /// The stem of `word`, valid until the next call. A word this stemmer had to stem, rather
  /// than remember, is added to `written_forms` (if not null) when its stem differs from it.
  const std::string& stem(const std::string& word, std::vector<WrittenForm>* written_forms) {
    Slot* slot = &slots_[fnv1a(word) >> (64 - slot_bits_)];
    if (slot->word == word) return slot->stem;
    if (++misses_ > 2 * slots_.size() && slot_bits_ < kMaxSlotBits) {
      slot_bits_ = std::min(slot_bits_ + 3, kMaxSlotBits);
      slots_.assign(std::size_t{1} << slot_bits_, Slot{});
      misses_ = 0;
      slot = &slots_[fnv1a(word) >> (64 - slot_bits_)];
    }
    slot->word = word;
    slot->stem = stem_(word);
    if (written_forms != nullptr && !slot->stem.empty() && slot->stem != word) {
      written_forms->push_back({word, slot->stem});
    }
    return slot->stem;
  }

  std::string get_description() const override { return stem_.get_description(); }

 private:
  // An empty slot holds the right stem of the empty word.
  struct Slot {
    std::string word;
    std::string stem;
  };
  static constexpr int kMaxSlotBits = 13;
  Xapian::Stem stem_;
  int slot_bits_ = 6;
  std::vector<Slot> slots_;
  std::size_t misses_ = 0;
};

std::string_view TextAnalysis::name() noexcept { return "newsdex-icu/2"; }

TextAnalysis::LanguageStemmer& TextAnalysis::language_stemmer(std::string_view language) {
  auto it = stemmers_.find(language);
  if (it == stemmers_.end()) {
    const LanguageAnalysis* entry = find_language(language);
    LanguageStemmer stemmer;
    if (entry != nullptr && !entry->stemmer.empty()) {
      stemmer.remembering = new RememberingStemmer(Xapian::Stem(std::string(entry->stemmer)));
      stemmer.stem = Xapian::Stem(stemmer.remembering);
    }
    it = stemmers_.emplace(std::string(language), std::move(stemmer)).first;
  }
  return it->second;
}

const Xapian::Stem& TextAnalysis::stemmer(std::string_view language) {
  return language_stemmer(language).stem;
}

void TextAnalysis::index_text(Xapian::Document& doc, Xapian::termpos& position,
                              std::string_view language, std::string_view text,
                              Xapian::termcount wdf_inc, std::string_view prefix) {
  RememberingStemmer* const stemmer = language_stemmer(language).remembering;
  std::string term(term_prefix(prefix, stemmer != nullptr));
  const std::size_t prefix_size = term.size();
  normalizer_.for_each_term(text, [&](const std::string& word) {
    term.resize(prefix_size);
    if (stemmer == nullptr) {
      term += word;
    } else {
      // As TermGenerator does, a word Snowball stems to nothing is passed over.
      const std::string& stemmed = stemmer->stem(word, &written_forms_);
      if (stemmed.empty()) return;
      term += stemmed;
    }
    doc.add_posting(term, ++position, wdf_inc);
  });
}

std::string TextAnalysis::term_prefix(std::string_view field_prefix, bool stemmed) {
  return (stemmed ? "Z" : "") + std::string(field_prefix);
}

void TextAnalysis::configure(Xapian::QueryParser& parser, std::string_view language) {
  const Xapian::Stem& stem = stemmer(language);
  parser.set_stemmer(stem);
  parser.set_stemming_strategy(stem.is_none() ? Xapian::QueryParser::STEM_NONE
                                              : Xapian::QueryParser::STEM_ALL);
  parser.set_stopper(stopper(language));
}

bool TextAnalysis::is_stopword(std::string_view language, const std::string& word) {
  const Xapian::SimpleStopper* stopwords = stopper(language);
  return stopwords != nullptr && (*stopwords)(word);
}

const Xapian::SimpleStopper* TextAnalysis::stopper(std::string_view language) {
  const LanguageAnalysis* entry = find_language(language);
  if (entry == nullptr || entry->stopwords == nullptr) return nullptr;
  auto [it, inserted] = stoppers_.try_emplace(std::string(entry->stopword_list));
  if (inserted) {
    // Listed words are folded as query words are, so `für` stops `fur` and `Für` alike; an
    // entry that folds into several words (`c'est`) is left out, as its parts are listed.
    std::string_view list = *entry->stopwords;
    while (!list.empty()) {
      const std::size_t end = std::min(list.find('\n'), list.size());
      const std::vector<Token> words = normalizer_.tokenize(list.substr(0, end));
      if (words.size() == 1) it->second.add(words.front().term);
      list.remove_prefix(std::min(end + 1, list.size()));
    }
  }
  return &it->second;
}

std::string TextAnalysis::parse_signature(std::string_view language,
                                          std::span<const std::string> words) {
  const Xapian::Stem& stem = stemmer(language);
  const Xapian::SimpleStopper* stop = stopper(language);
  std::string signature = stem.is_none() ? "unstemmed" : "stemmed";
  for (const std::string& word : words) {
    signature += ' ';
    signature += stem.is_none() ? word : stem(word);
    if (stop != nullptr && (*stop)(word)) signature += "/stop";
  }
  return signature;
}

std::string TextAnalysis::normalize_query(std::string_view query,
                                          std::span<const std::string_view> text_fields) {
  return normalizer_.normalize_query(query, text_fields);
}

std::string TextAnalysis::analysis_key(std::string_view language) const {
  const LanguageAnalysis* entry = find_language(language);
  if (entry == nullptr) return {};
  return std::string(entry->stemmer) + '/' + std::string(entry->stopword_list);
}

bool TextAnalysis::stems_keep_first_letter(std::string_view language) const {
  // Checked on every word of Reuters-21578 and the multilingual samples, 41,000 in all
  // (the analysis test `StemmersThatKeepTheFirstLetterDo`).
  constexpr std::string_view kSuffixStemmers[] = {
      "basque",  "catalan",    "danish",     "dutch",    "english", "finnish",
      "french",  "german",     "hungarian",  "italian",  "norwegian", "portuguese",
      "romanian", "spanish",   "swedish"};
  const LanguageAnalysis* entry = find_language(language);
  return entry == nullptr || entry->stemmer.empty() ||
         std::find(std::begin(kSuffixStemmers), std::end(kSuffixStemmers), entry->stemmer) !=
             std::end(kSuffixStemmers);
}

bool TextAnalysis::may_stem_to(bool stems_keep_first_letter, std::string_view word,
                               std::string_view stem) {
  const char first = word.empty() ? '\0' : word[0];
  return !stems_keep_first_letter || first < 'a' || first > 'z' || stem.starts_with(first);
}

std::vector<Token> TextAnalysis::tokenize(std::string_view text) {
  return normalizer_.tokenize(text);
}

}  // namespace newsdex
