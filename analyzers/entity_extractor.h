// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/gazetteer.h"
#include "analyzers/place_resolver.h"

namespace newsdex {

/// The text of an article a mention is in.
enum class TextField : std::uint8_t { headline, caption, body };

/// `"headline"`, `"caption"` or `"body"`.
std::string_view to_string(TextField field) noexcept;

/// Where a name is written: UTF-8 byte offsets `[start, end)` into one field.
struct Mention {
  TextField field = TextField::body;
  std::uint32_t caption = 0;  ///< which caption, when `field` is `caption`
  std::size_t start = 0;
  std::size_t end = 0;

  friend bool operator==(const Mention&, const Mention&) = default;
};

/// One text of an article to read names from.
struct FieldText {
  TextField field = TextField::body;
  std::uint32_t caption = 0;
  std::string_view text;
  /// Bytes at the start that are not read: a dateline there says where the story was filed
  /// from, which is not a place it is about.
  std::size_t skip = 0;
};

/// A place an article is about, with where it names it.
struct PlaceMentions {
  ResolvedPlace place;
  std::vector<Mention> mentions;
};

/// A person or organisation an article names.
struct NamedEntity {
  /// The canonical name: the longest form in the article (`Edi Rama` for `Rama`, `PM Rama`),
  /// or the name a table gives a known organisation (`NATO`, `United Nations`).
  std::string name;
  /// `name` folded (case, diacritics, punctuation): the same person or organisation has the
  /// same key in every article that writes its name the same way.
  std::string key;
  /// Other names of an organisation: acronyms, defined in the text (`MEK`) or known (`IMF`).
  std::vector<std::string> aliases;
  std::vector<Mention> mentions;
};

/// A country an article refers to, and every word that does.
struct CountryMentions {
  /// ISO alpha-2 code as it stood in the reference year.
  std::string code;
  /// The names that refer to it: its own (`Albania`, `UAE`), a demonym (`Iranian`), a city,
  /// state or organisation in it (`Teheran`, `Bank of England`).
  std::vector<Mention> mentions;
  /// How many of `mentions` name the country itself in running text: not a demonym, city or
  /// organisation, nor a line written in capitals (a table of countries), nor where an
  /// organisation is from (`NEC Corp of Japan`, `Steelworkers of America`), nor an example
  /// (`such as Brazil`, `unlike Japan`). What the article is about is named; what it passes by
  /// is often only described.
  std::size_t named = 0;
};

/// What `EntityExtractor::extract` found, each list in order of first mention.
struct Entities {
  /// The countries the article refers to. The dateline is not included.
  std::vector<CountryMentions> countries;
  /// Countries, cities and regions named; demonyms are not place mentions.
  std::vector<PlaceMentions> places;
  std::vector<NamedEntity> people;
  std::vector<NamedEntity> organizations;
};

/// What is known about an article before its names are read.
struct EntityContext {
  /// Countries known already (the dateline's, as raw ISO codes): a city of one of them wins
  /// among namesakes.
  std::vector<std::string> countries;
  /// Publication year: country codes are given as they stood then (RU in 1987 → SU).
  std::optional<int> year;
  /// Language of the article (`en`, `de`), empty when unknown. Country names in other
  /// languages (`Island` is Iceland in German) count only in an article in another language
  /// than English, or when written in another script.
  std::string language;
};

/// Finds places, people and organisations in the headline, captions and body of an article by
/// rules: capitalised name sequences (with `of`, `de`, `al`, `bin`… inside) typed by their
/// evidence — titles and roles (`Prime Minister`, `PM`, `Supreme Leader`, `spokesman`), given
/// names, organisation designators (`Corp`, `Bank`, `Ministry`, `Party`, a following
/// `movement`), a table of known organisations, acronyms defined in the text
/// (`Mujaheddin-e Khalq movement (MEK)`), the gazetteer — then one name per entity across the
/// article (`Rama` and `PM Rama` are `Edi Rama`). Lines written in one case (an all-caps wire
/// headline, a lower-case keyword line) only repeat names found elsewhere, besides countries and
/// large cities. A name the gazetteer knows as a country is never a person without a title.
///
/// Immutable after construction; `extract` is thread-safe.
class EntityExtractor {
 public:
  /// The extractor over `Gazetteer::builtin()` and the tables compiled into the library
  /// (data/tables/organizations.tsv, data/tables/given_names.tsv), built on first use.
  static const EntityExtractor& builtin();

  /// An extractor over `gazetteer` and the texts of the organisation and given-name tables,
  /// which must outlive it. Throws `Error` (`internal`) for a table without its columns.
  EntityExtractor(const Gazetteer& gazetteer, std::string_view organizations_tsv,
                  std::string_view given_names_tsv);
  ~EntityExtractor();
  EntityExtractor(const EntityExtractor&) = delete;
  EntityExtractor& operator=(const EntityExtractor&) = delete;

  /// The places, people and organisations of one article.
  Entities extract(std::span<const FieldText> fields, const EntityContext& context) const;

  const PlaceResolver& places() const noexcept { return resolver_; }

  struct Tables;

 private:
  PlaceResolver resolver_;
  std::unique_ptr<const Tables> tables_;
};

}  // namespace newsdex
