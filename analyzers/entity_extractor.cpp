// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzers/entity_extractor.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "analyzers/legal_forms.h"
#include "analyzers/text_scanner.h"
#include "analyzers/tsv.h"
#include "analyzers/word_list.h"
#include "embedded/entity_data.h"

namespace newsdex {

namespace {

using detail::ScannedWord;
using detail::WordFlag;
using detail::WordList;
using Target = NameSense::Target;

// ---------------------------------------------------------------------------------------------
// Word lists. These are grammar rather than data: the words that mark names in English news
// copy. Keys are folded (lower case); each list is sorted (`WordList`).

template <std::size_t N>
bool in(const WordList<N>& words, std::string_view key) {
  return words.contains(key);
}

// Word tables read best packed; clang-format would lay the long ones out one word per line.
// clang-format off
// Capitalised function words, adverbs, months and weekdays that open a sentence (or a name
// run) without being part of a name: "The Albanian government", "In Tirana", "Following…".
constexpr WordList kStopwords(std::to_array<std::string_view>({
    "a", "about", "above", "according", "across", "after", "afterwards", "again", "against", "ago",
    "ahead", "all", "also", "although", "amid", "among", "an", "and", "another", "any", "anyone",
    "april", "are", "around", "as", "asked", "at", "august", "be", "because", "before", "being",
    "besides", "between", "both", "but", "by", "can", "could", "december", "despite", "did", "do",
    "does", "during", "each", "earlier", "either", "else", "even", "every", "except", "february",
    "few", "finally", "following", "for", "friday", "from", "further", "had", "has", "have", "he",
    "her", "here", "hers", "him", "his", "how", "however", "i", "if", "in", "including", "indeed",
    "inside", "instead", "into", "is", "it", "its", "january", "july", "june", "just", "last",
    "later", "like", "many", "march", "may", "meanwhile", "might", "monday", "more", "moreover",
    "most", "much", "must", "my", "neither", "never", "next", "no", "nor", "not", "november", "now",
    "october", "of", "off", "often", "on", "once", "only", "onto", "or", "other", "others",
    "otherwise", "our", "out", "over", "overall", "per", "perhaps", "please", "rather", "regarding",
    "saturday", "september", "several", "she", "since", "so", "some", "still", "such", "sunday",
    "than", "that", "the", "their", "them", "then", "there", "therefore", "these", "they", "this",
    "those", "though", "through", "thursday", "thus", "to", "today", "together", "tomorrow", "too",
    "toward", "towards", "tuesday", "under", "unless", "unlike", "until", "up", "upon", "very",
    "via", "was", "we", "wednesday", "were", "what", "whatever", "when", "where", "whereas",
    "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without",
    "would", "yesterday", "yet", "you", "your",
}));

// Lower-case words inside names: Bank of England, Rio de Janeiro, Ludwig van Beethoven,
// Osama bin Laden, Ortega y Gasset.
constexpr WordList kConnectors(std::to_array<std::string_view>({
    "al", "bin", "bint", "da", "das", "de", "del", "della", "den", "der", "des", "di", "do", "dos",
    "du", "e", "el", "ibn", "la", "las", "le", "les", "los", "of", "ter", "van", "von", "y", "zu",
}));

// Words after a person's name that are part of it: James Robinson III, Lloyd Noland Jr.
constexpr WordList kNameSuffixes(std::to_array<std::string_view>({"ii", "iii", "iv", "jr", "sr"}));

// Words before a father's name inside a person's: Zaid bin Sultan.
constexpr WordList kPatronymics(std::to_array<std::string_view>({"bin", "bint", "ibn"}));

// Titles and roles that stand before a person's name, capitalised ("Prime Minister Edi Rama",
// "PM Rama") or not ("said spokesman John Smith"). The last word of a multi-word title is
// enough: "Prime Minister", "Supreme Leader", "Treasury Secretary", "Chief Executive".
constexpr WordList kTitles(std::to_array<std::string_view>({
    "adm", "administrator", "admiral", "ambassador", "amir", "archbishop", "ayatollah", "bishop",
    "brig", "brigadier", "capt", "captain", "cardinal", "ceo", "chairman", "chairwoman",
    "chancellor", "col", "colonel", "commander", "commissioner", "congressman", "congresswoman",
    "councillor", "councilman", "dame", "director", "dr", "emir", "envoy", "executive", "father",
    "gen", "general", "gov", "governor", "imam", "inspector", "judge", "justice", "king", "leader",
    "lieutenant", "lord", "lt", "maj", "major", "marshal", "mayor", "minister", "miss", "mr", "mrs",
    "ms", "mullah", "officer", "pm", "pope", "premier", "president", "president elect", "prince",
    "princess", "prof", "professor", "queen", "rabbi", "rep", "representative", "rev", "reverend",
    "secretary", "secretary general", "sen", "senator", "sergeant", "sgt", "sheik", "sheikh", "sir",
    "speaker", "spokesman", "spokesperson", "spokeswoman", "sultan", "superintendent", "treasurer",
}));

// Lower-case roles that announce a name but are not titles: "analyst Jane Doe", "said John Smith".
constexpr WordList kRoles(std::to_array<std::string_view>({
    "analyst", "attorney", "banker", "broker", "correspondent", "dealer", "economist", "editor",
    "founder", "head", "lawyer", "manager", "negotiator", "strategist", "trader",
}));

// What follows a ministerial title: "Minister of Finance", "Secretary of State".
constexpr WordList kPortfolios(std::to_array<std::string_view>({
    "affairs", "agriculture", "commerce", "culture", "defence", "defense", "economy", "education",
    "energy", "exchequer", "finance", "foreign", "health", "home", "industry", "information",
    "interior", "justice", "labor", "labour", "state", "the", "trade", "transport",
    "transportation", "treasury",
}));

// Last words of organisation names: Chrysler Corp, Deutsche Bank, Foreign Ministry, Labour
// Party, Kuwait Petroleum Corp, General Electric.
constexpr WordList kDesignators(std::to_array<std::string_view>({
    "ab", "academy", "administration", "ag", "agency", "air", "airlines", "airways", "alliance",
    "army", "asa", "assembly", "associates", "association", "authority", "bancorp", "bancshares",
    "bank", "banque", "bhd", "board", "bros", "brothers", "bureau", "bv", "cabinet", "chamber",
    "chemical", "chemicals", "church", "cie", "club", "co", "coalition", "college", "commission",
    "committee", "communications", "company", "conference", "congress", "consortium", "cooperative",
    "corp", "corporation", "council", "court", "department", "electric", "electronics", "embassy",
    "enterprises", "exchange", "federation", "foods", "force", "forces", "foundation", "front",
    "fund", "gmbh", "group", "guard", "holding", "holdings", "hospital", "inc", "industries",
    "institute", "institution", "insurance", "international", "investments", "kk", "laboratories",
    "league", "limited", "llc", "lp", "ltd", "management", "manufacturing", "mining", "ministry",
    "motors", "movement", "network", "nv", "office", "oil", "organisation", "organization", "oy",
    "parliament", "partners", "partnership", "party", "petroleum", "pharmaceuticals", "plc",
    "police", "press", "products", "pty", "radio", "railroad", "railway", "railways", "resources",
    "sa", "sarl", "school", "securities", "senate", "service", "services", "society", "sons", "spa",
    "steel", "stores", "systems", "technologies", "technology", "telecom", "television", "tribunal",
    "trust", "union", "university", "utilities",
}));

// Words that after "and" continue a firm's name, alone or before its legal form: "Morgan
// Stanley and Co Inc", "John Wiley and Sons", "Lazard Freres et Cie".
constexpr WordList kFirmTails(std::to_array<std::string_view>({
    "associates", "brothers", "cie", "co", "company", "cos", "partners", "sons",
}));

// Plurals that end a name of a party's members or of several bodies, an organisation:
// "Christian Democrats", "the Agriculture and Commerce Departments".
constexpr WordList kGroupPlurals(std::to_array<std::string_view>({
    "communists", "conservatives", "democrats", "departments", "liberals", "ministries",
    "republicans", "socialists",
}));

// Plurals that end no name: "U.S. Officials said", "Western Diplomats".
constexpr WordList kPeoplePlurals(std::to_array<std::string_view>({
    "analysts", "bankers", "dealers", "diplomats", "economists", "executives", "officials",
    "sources", "traders",
}));

// First words of club names: "FC Weserstadt", "SV Elbufer", "VfB Stuttgart".
constexpr WordList kClubPrefixes(std::to_array<std::string_view>({
    "ac", "afc", "cf", "fc", "sc", "sv", "tsv", "vfb", "vfl",
}));

// Lower-case words after a name that make it an organisation: "Mujaheddin-e Khalq movement".
constexpr WordList kLowerDesignators(std::to_array<std::string_view>({
    "agency", "alliance", "bank", "coalition", "company", "corporation", "faction", "group",
    "magazine", "militia", "movement", "newspaper", "organisation", "organization", "party",
}));

// First words of organisation names built with "of"/"for": Bank of England, Ministry of
// Defence, University of Tirana, Embassy of the Islamic Republic of Iran.
constexpr WordList kOrgHeads(std::to_array<std::string_view>({
    "academy", "agency", "alliance", "assembly", "association", "bank", "board", "bureau",
    "chamber", "church", "college", "commission", "committee", "confederation", "council", "court",
    "department", "embassy", "federation", "fund", "institute", "league", "ministry", "office",
    "organisation", "organization", "party", "school", "society", "union", "university",
}));

// What a place's name can name besides the place: an agreement, a negotiating round, a club of
// creditors or a summit is named after the city where it was made or met ("the Paris accord",
// "the Paris Club", "the Venice summit"), and a round of trade talks after a country too
// ("the Uruguay Round"). Such stories are about the agreement, not the place.
constexpr WordList kNamedAfterCity(std::to_array<std::string_view>({
    "accord", "accords", "agreement", "club", "pact", "round", "summit",
}));

// Waters named after a country or city they border: "the Gulf of Mexico" is not Mexico, nor the
// Gulf region.
constexpr WordList kWaters(std::to_array<std::string_view>({
    "bay", "gulf", "sea", "strait", "straits",
}));

// Words that give what follows as an example or a comparison: "producers such as Brazil",
// "a Mexico-like deal", "unlike Japan". A country given as an example is not a subject.
constexpr WordList kExampleCues(std::to_array<std::string_view>({
    "including", "like", "unlike",
}));
constexpr auto kExampleCuePairs = std::to_array<std::pair<std::string_view, std::string_view>>({
    {"compared", "with"}, {"other", "than"}, {"similar", "to"}, {"such", "as"},
});

// Prepositions of place: a common-word place name needs one ("in Liberty").
constexpr WordList kLocatives(std::to_array<std::string_view>({
    "across", "around", "at", "from", "in", "inside", "into", "near", "outside", "throughout", "to",
    "toward", "towards", "via", "within",
}));

// All-capital words that are not organisations: units, time zones, wire codes, numerals,
// titles, credit ratings, a disease; corporate suffixes are `is_legal_form`.
constexpr WordList kCapsWords(std::to_array<std::string_view>({
    "a", "aa", "aaa", "aids", "am", "and", "avg", "bb", "bbb", "bpd", "bst", "cdt", "ceo", "cest",
    "cet", "cfo", "cif", "coo", "corrected", "correction", "cst", "cts", "dlr", "dlrs", "edt",
    "est", "fob", "for", "gdp", "gmt", "gnp", "he", "i", "ii", "iii", "in", "ipo", "it", "iv",
    "ix", "jr", "lbs", "mln", "mw", "note", "of", "ok", "on", "pct", "pdt", "pm", "pst", "qtr",
    "repeat", "reuter", "revs", "rpt", "she", "shr", "shrs", "sr", "the", "to", "tv", "update",
    "urgent", "usd", "utc", "v", "vat", "vi", "vii", "viii", "vs", "we", "x", "xi", "xii",
}));

// Verbs of saying right after a name of two or three words mark a person: "James Baker said".
constexpr WordList kSpeechVerbs(std::to_array<std::string_view>({
    "added", "announced", "argued", "declared", "explained", "noted", "said", "says", "stated",
    "told", "warned", "wrote",
}));

// What wire headlines make people do, besides saying: "BAKER URGES", "LAWSON SEES".
constexpr WordList kHeadlineVerbs(std::to_array<std::string_view>({
    "asks", "backs", "calls", "denies", "expects", "forecasts", "predicts", "rejects", "sees",
    "urges", "warns",
}));

// Currencies named after a country: "Swiss francs", "U.S. dlrs" and "Canadian dollars" are money,
// not references to the country.
constexpr WordList kCurrencies(std::to_array<std::string_view>({
    "baht", "cent", "cents", "crown", "crowns", "cruzado", "cruzados", "ct", "cts", "currency",
    "dinar", "dinars", "dirham", "dirhams", "dlr", "dlrs", "dollar", "dollars", "drachma",
    "drachmas", "ecu", "ecus", "escudo", "escudos", "forint", "franc", "francs", "guilder",
    "guilders", "krona", "krone", "kroner", "kronor", "lira", "lire", "mark", "marks", "peseta",
    "pesetas", "peso", "pesos", "pound", "pounds", "rand", "real", "reals", "rial", "rials",
    "ringgit", "riyal", "riyals", "rouble", "roubles", "ruble", "rubles", "rupee", "rupees",
    "schilling", "schillings", "shekel", "shekels", "shilling", "shillings", "sterling", "won",
    "yen", "yuan", "zloty",
}));
// clang-format on

// A city inside an organisation's name says where it is only when the city is a household name
// ("Bank of Tokyo"); smaller namesakes are founders and streets ("Westland Group").
constexpr std::uint32_t kMinPopulationInOrganization = 1'000'000;

// Letters of a lower-case particle at the end of a hyphenated name: "Mujaheddin-e", "Abd-al".
constexpr std::size_t kMaxParticleLetters = 2;

// A city in a compound ("Zurich-based") tells a country only when well known.
constexpr std::uint32_t kMinPopulationInCompound = 300'000;

constexpr std::size_t kMaxAcronymLetters = 10;
constexpr std::size_t kMaxNameWords = 8;

std::string letters_of(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c != '.' && c != ' ') out.push_back(c);
  }
  return out;
}

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Schwartz & Hearst (2003): the start, in `text`, of the shortest long form whose characters
// spell `acronym` in order, the acronym's first letter opening a word; npos if none does.
std::size_t long_form_start(std::string_view text, std::string_view acronym) {
  std::ptrdiff_t s = static_cast<std::ptrdiff_t>(acronym.size()) - 1;
  std::ptrdiff_t l = static_cast<std::ptrdiff_t>(text.size()) - 1;
  while (s >= 0) {
    const char c = lower_ascii(acronym[static_cast<std::size_t>(s)]);
    if (!is_ascii_alnum(c)) {
      --s;
      continue;
    }
    while (l >= 0 && (lower_ascii(text[static_cast<std::size_t>(l)]) != c ||
                      (s == 0 && l > 0 && is_ascii_alnum(text[static_cast<std::size_t>(l - 1)])))) {
      --l;
    }
    if (l < 0) return std::string_view::npos;
    --l;
    --s;
  }
  return static_cast<std::size_t>(l + 1);
}

}  // namespace

std::string_view to_string(TextField field) noexcept {
  switch (field) {
    case TextField::headline:
      return "headline";
    case TextField::caption:
      return "caption";
    case TextField::body:
      break;
  }
  return "body";
}

// ---------------------------------------------------------------------------------------------
// Tables

struct KnownOrganization {
  std::string name;
  std::vector<std::string> acronyms;
};

struct EntityExtractor::Tables {
  std::vector<KnownOrganization> organizations;
  detail::KeyMap<std::uint32_t> organization_names;     // folded name or alias → index
  detail::KeyMap<std::uint32_t> organization_acronyms;  // letters, case kept → index
  detail::KeySet given_names;                           // folded
  /// First word of a name or alias → the most words of those starting with it: most
  /// capitalised words start none, and need not be joined with the words after them and
  /// looked up once for each length.
  detail::KeyMap<std::size_t> longest_organization_from;
};

const EntityExtractor& EntityExtractor::builtin() {
  // Never destroyed, like the gazetteer it reads.
  static const EntityExtractor* const instance = new EntityExtractor(
      Gazetteer::builtin(), entity_data::organizations_tsv, entity_data::given_names_tsv);
  return *instance;
}

EntityExtractor::EntityExtractor(const Gazetteer& gazetteer, std::string_view organizations_tsv,
                                 std::string_view given_names_tsv)
    : resolver_(gazetteer) {
  auto tables = std::make_unique<Tables>();
  const detail::TsvTable organizations(organizations_tsv, {"name", "acronyms", "aliases"},
                                       "organizations");
  organizations.for_each([&](const detail::TsvTable::Row& row) {
    const auto index = static_cast<std::uint32_t>(tables->organizations.size());
    KnownOrganization organization{std::string(row[0]), {}};
    auto add_key = [&](std::string_view name) {
      std::string key = detail::name_key(name);
      const auto words = static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ') + 1);
      std::size_t& longest = tables->longest_organization_from[key.substr(0, key.find(' '))];
      longest = std::max(longest, words);
      tables->organization_names.emplace(std::move(key), index);
    };
    add_key(row[0]);
    for (const std::string_view alias : detail::split_list(row[2])) add_key(alias);
    for (const std::string_view acronym : detail::split_list(row[1])) {
      organization.acronyms.emplace_back(acronym);
      tables->organization_acronyms.emplace(letters_of(acronym), index);
    }
    tables->organizations.push_back(std::move(organization));
  });
  const detail::TsvTable given_names(given_names_tsv, {"name"}, "given names");
  given_names.for_each([&](const detail::TsvTable::Row& row) {
    tables->given_names.insert(detail::fold_key(row[0]));
  });
  tables_ = std::move(tables);
}

EntityExtractor::~EntityExtractor() = default;

// ---------------------------------------------------------------------------------------------
// One article

namespace {

enum class Owner : std::uint8_t { none, person, organization, place };

struct Field {
  FieldText input;
  std::vector<ScannedWord> words;
  std::vector<Owner> owner;
  // Inside angle brackets, where wire copy writes company names and tickers
  // ("<Dominion Textile of Montreal>", "<ROK>").
  std::vector<bool> bracketed;
  // The run of capitalised words no rule typed that holds the word, [begin, end); (0, 0) when
  // none. A place in part of one modifies a name ("Weimar Triangle", "Wall Street").
  std::vector<std::pair<std::size_t, std::size_t>> name_run;

  std::string_view surface(std::size_t b, std::size_t e) const {
    return input.text.substr(words[b].begin, words[e - 1].end - words[b].begin);
  }
  bool caseless(std::size_t i) const {
    return words[i].has(detail::kCapsLine) || words[i].has(detail::kLowerLine);
  }
};

struct Span {
  std::size_t field;
  std::size_t begin;
  std::size_t end;
};

enum class Kind : std::uint8_t { person, organization };

struct Entity {
  Kind kind;
  std::string name;
  std::size_t words = 0;  // of `name`
  bool name_has_lower = false;
  std::optional<std::uint32_t> known;  // index into the organisation table
  std::vector<std::string> aliases;
  std::vector<Mention> mentions;
};

// Order of fields in the output: headline, captions, body.
int field_rank(const Mention& m) {
  switch (m.field) {
    case TextField::headline:
      return 0;
    case TextField::caption:
      return 1 + static_cast<int>(m.caption);
    case TextField::body:
      break;
  }
  return 1 << 20;
}

bool mention_before(const Mention& a, const Mention& b) {
  const int ra = field_rank(a);
  const int rb = field_rank(b);
  return ra != rb ? ra < rb : a.start < b.start;
}

class Extraction {
 public:
  Extraction(const EntityExtractor::Tables& tables, const PlaceResolver& resolver,
             std::span<const FieldText> inputs, const EntityContext& context)
      : tables_(tables),
        resolver_(resolver),
        gazetteer_(resolver.gazetteer()),
        context_(context),
        foreign_names_(!context.language.empty() && !context.language.starts_with("en")) {
    for (const std::string& code : context.countries) context_countries_.push_back(code);
    for (const FieldText& input : inputs) {
      Field field{input, detail::scan_words(input.text), {}, {}, {}};
      if (input.skip > 0) {
        std::erase_if(field.words, [&](const ScannedWord& w) { return w.begin < input.skip; });
      }
      field.owner.assign(field.words.size(), Owner::none);
      field.name_run.assign(field.words.size(), {0, 0});
      mark_brackets(field);
      for (const ScannedWord& w : field.words) {
        if (w.has(detail::kLower) && !w.has(detail::kLowerLine)) lower_seen_.insert(w.key);
      }
      fields_.push_back(std::move(field));
    }
  }

  static void mark_brackets(Field& field) {
    field.bracketed.assign(field.words.size(), false);
    const std::string_view text = field.input.text;
    std::size_t open = std::string_view::npos;  // last '<' not yet closed
    std::size_t pos = 0;
    for (std::size_t i = 0; i < field.words.size(); ++i) {
      for (; pos < field.words[i].begin; ++pos) {
        if (text[pos] == '<') open = pos;
        if (text[pos] == '>' || text[pos] == '\n') open = std::string_view::npos;
      }
      pos = field.words[i].end;
      field.bracketed[i] = open != std::string_view::npos;
    }
  }

  Entities run() {
    find_acronym_definitions();
    for (std::size_t f = 0; f < fields_.size(); ++f) find_known_organizations(f);
    // Runs ending in a designator first, in every field: the headline "…, Kestrel Networks
    // says" then meets the body's "Kestrel Networks Inc" as a name already given, not as a
    // person who speaks. A field's runs depend only on its own words, so they are found once.
    std::vector<std::vector<Span>> runs;
    for (std::size_t f = 0; f < fields_.size(); ++f) runs.push_back(name_runs(f));
    const auto designated = [&](const Span& run) {
      return (run.end - run.begin > 1 && in(kDesignators, word(run.field, run.end - 1).key)) ||
             employer_after_role(run.field, run.begin);
    };
    for (const auto& field_runs : runs) {
      for (const Span& run : field_runs) {
        if (designated(run)) type_span(run, false);
      }
    }
    for (const auto& field_runs : runs) {
      for (const Span& run : field_runs) {
        if (!designated(run)) type_span(run, false);
      }
    }
    propagate();
    for (std::size_t f = 0; f < fields_.size(); ++f) find_places(f, /*caseless=*/false);
    for (std::size_t f = 0; f < fields_.size(); ++f) {
      match_known_names(f);
      find_places(f, /*caseless=*/true);
    }
    return finish();
  }

 private:
  // ---- word tests --------------------------------------------------------------------------

  const ScannedWord& word(std::size_t f, std::size_t i) const { return fields_[f].words[i]; }

  bool name_like(std::size_t f, std::size_t i) const {
    const ScannedWord& w = word(f, i);
    if (w.has(detail::kHasDigit) || fields_[f].caseless(i)) return false;
    if (!w.has(detail::kCapitalised) && !w.has(detail::kInitialism) &&
        !with_arabic_article(fields_[f].surface(i, i + 1))) {
      return false;
    }
    // "Zurich-based", "Iranian-backed" describe; they name nothing. A particle is part of a
    // name: "Mujaheddin-e Khalq".
    if (w.has(detail::kHyphenated)) {
      const std::string_view text = fields_[f].surface(i, i + 1);
      const std::size_t hyphen = text.rfind('-');
      if (hyphen != std::string_view::npos && text.size() - hyphen > kMaxParticleLetters + 1 &&
          text[hyphen + 1] >= 'a' && text[hyphen + 1] <= 'z') {
        return false;
      }
    }
    return true;
  }

  // A word in lower case, but for a name after the Arabic article ("al-Sabah").
  bool lower_word(std::size_t f, std::size_t i) const {
    return word(f, i).has(detail::kLower) && !with_arabic_article(fields_[f].surface(i, i + 1));
  }

  // "al-Sabah", "el-Sisi": the Arabic article joined to a capitalised name is part of it.
  static bool with_arabic_article(std::string_view text) {
    // Asked of most words: the cheapest test first.
    return text.size() > 4 && text[2] == '-' && text[1] == 'l' &&
           (text[0] == 'a' || text[0] == 'e') && text[3] >= 'A' && text[3] <= 'Z';
  }

  static bool breaks_after(const ScannedWord& w) {
    return w.has(detail::kBreakAfter) || w.has(detail::kCommaAfter);
  }

  std::string join_keys(std::size_t f, std::size_t b, std::size_t e) const {
    std::string key;
    for (std::size_t i = b; i < e; ++i) {
      if (word(f, i).key.empty()) continue;
      if (!key.empty()) key.push_back(' ');
      key += word(f, i).key;
    }
    return key;
  }

  // Whether the words [b, e) are one name: no punctuation between them, nor, unless
  // `possessives`, a possessive.
  bool unbroken(std::size_t f, std::size_t b, std::size_t e, bool possessives = false) const {
    for (std::size_t i = b; i + 1 < e; ++i) {
      if (breaks_after(word(f, i)) || (!possessives && word(f, i).has(detail::kPossessive))) {
        return false;
      }
    }
    return true;
  }

  bool is_gazetteer_name(std::string_view key) const { return !gazetteer_.find(key).empty(); }

  // Whether every sense of the name is a city: "Dome", "Santos", but not "Jordan" or "Georgia".
  bool only_city_name(std::string_view key) const {
    const std::span<const NameSense> senses = gazetteer_.find(key);
    return std::all_of(senses.begin(), senses.end(),
                       [](const NameSense& sense) { return sense.target == Target::city; });
  }

  bool is_country_name(std::string_view key) const {
    for (const NameSense& sense : gazetteer_.find(key)) {
      if (sense.target == Target::country || sense.target == Target::demonym) return true;
    }
    return false;
  }

  // The most words a known organisation's name starting at word `i` can have (an acronym is
  // one word); 0 when none starts there.
  std::size_t longest_organization_at(std::size_t f, std::size_t i) const {
    const ScannedWord& w = word(f, i);
    const std::string_view first = std::string_view(w.key).substr(0, w.key.find(' '));
    const auto it = tables_.longest_organization_from.find(first);
    const std::size_t longest = it == tables_.longest_organization_from.end() ? 0 : it->second;
    const bool acronym = w.has(detail::kAllCaps) || w.has(detail::kInitialism);
    return std::min(std::max<std::size_t>(longest, acronym ? 1 : 0), fields_[f].words.size() - i);
  }

  std::optional<std::uint32_t> known_organization(std::size_t f, std::size_t b,
                                                  std::size_t e) const {
    if (e - b == 1) {
      const ScannedWord& w = word(f, b);
      if (w.has(detail::kAllCaps) || w.has(detail::kInitialism)) {
        const auto it = tables_.organization_acronyms.find(letters_of(fields_[f].surface(b, e)));
        if (it != tables_.organization_acronyms.end()) return it->second;
      }
    }
    const auto it = tables_.organization_names.find(join_keys(f, b, e));
    if (it != tables_.organization_names.end()) return it->second;
    return std::nullopt;
  }

  bool is_acronym(std::size_t f, std::size_t i) const {
    const ScannedWord& w = word(f, i);
    if (!(w.has(detail::kAllCaps) || w.has(detail::kInitialism)) || w.has(detail::kHasDigit)) {
      return false;
    }
    const std::size_t letters = letters_of(fields_[f].surface(i, i + 1)).size();
    if (letters < 2 || letters > 6 || in(kCapsWords, w.key) || is_legal_form(w.key)) {
      return false;
    }
    // Tickers in angle brackets ("Texaco Inc <TX>") name no organisation of their own.
    const std::string_view text = fields_[f].input.text;
    if (w.begin > 0 && text[w.begin - 1] == '<') return false;
    return !is_gazetteer_name(w.key);
  }

  // ---- acronyms defined in the text ----------------------------------------------------------

  void find_acronym_definitions() {
    for (std::size_t f = 0; f < fields_.size(); ++f) {
      const auto& words = fields_[f].words;
      for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        if (!words[i].has(detail::kOpenParenAfter)) continue;
        // "Long Form (ACR)"
        if (is_defined_acronym(f, i + 1) && words[i + 1].has(detail::kCloseParenAfter)) {
          define_backwards(f, i, i + 1);
        } else if (is_defined_acronym(f, i)) {
          // "ACR (Long Form)"
          for (std::size_t j = i + 1; j < words.size() && j < i + 1 + kMaxNameWords; ++j) {
            if (words[j].has(detail::kCloseParenAfter)) {
              define(f, i, i + 1, trim_long_form(f, i + 1, j + 1));
              break;
            }
            if (breaks_after(words[j])) break;
          }
        }
      }
    }
  }

  bool is_defined_acronym(std::size_t f, std::size_t i) const {
    const ScannedWord& w = word(f, i);
    if (!w.has(detail::kAllCaps) || w.has(detail::kHasDigit)) return false;
    const std::size_t letters = w.end - w.begin;
    return letters >= 2 && letters <= kMaxAcronymLetters;
  }

  // The long form ending with word `last`, just before "(ACR)".
  void define_backwards(std::size_t f, std::size_t last, std::size_t acronym) {
    const std::string acronym_text(fields_[f].surface(acronym, acronym + 1));
    const std::size_t window = std::max(acronym_text.size() + 5, acronym_text.size() * 2);
    std::size_t first = last;
    while (first > 0 && last - first + 1 < window && !breaks_after(word(f, first - 1)) &&
           !word(f, first - 1).has(detail::kPossessive)) {
      --first;
    }
    const std::string_view text = fields_[f].surface(first, last + 1);
    const std::size_t start = long_form_start(text, acronym_text);
    if (start == std::string_view::npos) {
      // A place in brackets says where the firm is: "Toshiba Information Systems (UK)",
      // "Bache Securities (HK)". Before a designator, what is not a place's name is a part of
      // the firm's name and no name of its own: "Chemical Industries (FE) Ltd", of the Far
      // East; "Wardley (HK) Ltd".
      if (is_gazetteer_name(word(f, acronym).key)) return;
      const std::size_t after = acronym + 1;
      if (after < fields_[f].words.size() && name_like(f, after) &&
          in(kDesignators, word(f, after).key)) {
        fields_[f].owner[acronym] = Owner::organization;
        return;
      }
      if (gazetteer_.country(letters_of(acronym_text))) return;
      if (const auto name = organization_ending_at(f, last)) define(f, acronym, acronym + 1, *name);
      return;
    }
    const std::size_t offset = word(f, first).begin + start;
    std::size_t b = first;
    while (b <= last && word(f, b).end <= offset) ++b;
    define(f, acronym, acronym + 1, trim_long_form(f, b, last + 1));
  }

  // The organisation's name that ends at word `last` with a designator, of two words or more:
  // "National Agency for Information Society (AKSHI)", "Sugar and Alcohol Institute (IAA)" give
  // their acronym in another language, whose letters the long form does not spell.
  std::optional<Span> organization_ending_at(std::size_t f, std::size_t last) const {
    if (!name_like(f, last) || !in(kDesignators, word(f, last).key)) return std::nullopt;
    const auto joins = [&](const ScannedWord& w) {
      return w.has(detail::kLower) &&
             (in(kConnectors, w.key) || w.key == "and" || w.key == "for" || w.key == "the");
    };
    std::size_t b = last;
    while (b > 0 && !breaks_after(word(f, b - 1)) && !word(f, b - 1).has(detail::kPossessive)) {
      if (name_like(f, b - 1)) {
        --b;
      } else if (b >= 2 && joins(word(f, b - 1)) && name_like(f, b - 2) &&
                 !breaks_after(word(f, b - 2)) && !word(f, b - 2).has(detail::kPossessive)) {
        b -= 2;
      } else {
        break;
      }
    }
    while (b < last && in(kStopwords, word(f, b).key)) ++b;  // "The National Agency"
    if (last - b < 1) return std::nullopt;
    return Span{f, b, last + 1};
  }

  // Drops lower-case words at the ends of a long form: "Mujaheddin-e Khalq movement" is the
  // Mujaheddin-e Khalq.
  Span trim_long_form(std::size_t f, std::size_t b, std::size_t e) const {
    while (b < e && !name_like(f, b)) ++b;
    while (e > b && !name_like(f, e - 1)) --e;
    return {f, b, e};
  }

  void define(std::size_t f, std::size_t acronym_begin, std::size_t acronym_end,
              const Span& long_form) {
    if (long_form.begin >= long_form.end) return;
    const std::string key = join_keys(f, long_form.begin, long_form.end);
    if (key == word(f, acronym_begin).key || is_gazetteer_name(key)) return;
    for (std::size_t i = long_form.begin; i < long_form.end; ++i) {
      if (fields_[f].owner[i] != Owner::none) return;
    }
    const std::string acronym = letters_of(fields_[f].surface(acronym_begin, acronym_end));
    const std::size_t id = add_organization(long_form);
    add_mention(id, long_form);
    Entity& entity = entities_[id];
    if (std::find(entity.aliases.begin(), entity.aliases.end(), acronym) == entity.aliases.end()) {
      entity.aliases.push_back(acronym);
    }
    acronyms_.emplace(acronym, id);
    add_mention(id, Span{f, acronym_begin, acronym_end});
  }

  // ---- organisations of the table ------------------------------------------------------------

  // Names from the table of organisations, found before name runs are cut, since many hold
  // lower-case words ("Organisation for Economic Cooperation and Development", "Food and
  // Agriculture Organization") or would join a neighbour ("International Monetary Fund and
  // World Bank").
  void find_known_organizations(std::size_t f) {
    Field& field = fields_[f];
    const auto& words = field.words;
    for (std::size_t i = 0; i < words.size();) {
      if (!name_like(f, i) || field.owner[i] != Owner::none || field.bracketed[i]) {
        ++i;
        continue;
      }
      std::size_t matched = 0;
      for (std::size_t n = longest_organization_at(f, i); n >= 1 && matched == 0; --n) {
        // A known name may hold a possessive: "Moody's Investors Service".
        if (!name_like(f, i + n - 1) || !unbroken(f, i, i + n, /*possessives=*/true)) continue;
        bool free = true;
        for (std::size_t k = i; k < i + n; ++k) free &= field.owner[k] == Owner::none;
        if (!free) continue;
        const auto known = known_organization(f, i, i + n);
        if (!known) continue;
        // A one-word name inside a longer one is another body: "Indian National Congress",
        // "Congress Party".
        if (n == 1 && ((i > 0 && name_like(f, i - 1) && !breaks_after(words[i - 1]) &&
                        !in(kStopwords, words[i - 1].key)) ||
                       (i + 1 < words.size() && !breaks_after(words[i]) && name_like(f, i + 1) &&
                        in(kDesignators, words[i + 1].key)))) {
          continue;
        }
        const std::size_t end = with_firm_tail(f, i + n);
        // The beginning of a longer name with a designator of its own is not the body it
        // names: "Credit Suisse First Boston Ltd", "Morgan Stanley Group Inc". The whole run
        // is typed later, as any other. A designator alone after it is the body's own ("U.S.
        // Federal Reserve Board", "European Community Commission").
        if (const std::size_t run_end = designated_run_end(f, end); run_end > end + 1) {
          matched = run_end - i;
          break;
        }
        add_mention(add_known_organization(*known), Span{f, i, end});
        matched = end - i;
      }
      i += std::max<std::size_t>(matched, 1);
    }
  }

  // The end of a firm's name that ends before word e, with its legal form and an "and Co"
  // after it: "Merrill Lynch and Co Inc", "Siemens AG" are the known Merrill Lynch and Siemens.
  std::size_t with_firm_tail(std::size_t f, std::size_t e) const {
    const auto& words = fields_[f].words;
    const auto continues = [&](std::size_t i) {
      return i < words.size() && !breaks_after(words[i - 1]) && fields_[f].owner[i] == Owner::none;
    };
    if (continues(e) && continues(e + 1) && words[e].has(detail::kLower) &&
        (words[e].key == "and" || words[e].key == "et") && name_like(f, e + 1) &&
        in(kFirmTails, words[e + 1].key)) {
      e += 2;
    }
    while (continues(e) && name_like(f, e) && is_legal_form(words[e].key)) ++e;
    return e;
  }

  // The end of the capitalised words from word e on, up to the first break, if the last of
  // them is a designator; else e.
  std::size_t designated_run_end(std::size_t f, std::size_t e) const {
    const auto& words = fields_[f].words;
    std::size_t end = e;
    while (end < words.size() && end > 0 && !breaks_after(words[end - 1]) &&
           !(end > e && words[end - 1].has(detail::kPossessive)) && name_like(f, end) &&
           fields_[f].owner[end] == Owner::none) {
      ++end;
    }
    return end > e && in(kDesignators, words[end - 1].key) ? end : e;
  }

  // ---- candidate runs ------------------------------------------------------------------------

  // Maximal runs of capitalised words (with connectors inside) in the mixed-case lines.
  std::vector<Span> name_runs(std::size_t f) const {
    std::vector<Span> runs;
    const auto& words = fields_[f].words;
    std::size_t i = 0;
    while (i < words.size()) {
      if (!name_like(f, i) || fields_[f].owner[i] != Owner::none) {
        ++i;
        continue;
      }
      std::size_t last = i;
      std::size_t j = i;
      // A word in capitals stands alone, but for a company form: an acronym ("MEK Iranian")
      // or shouting, where case says nothing ("REAGAN SAYS VOLCKER").
      const auto shouted = [&](std::size_t k) {
        return words[k].has(detail::kAllCaps) && !words[k].has(detail::kInitialism) &&
               !in(kDesignators, words[k].key) &&            // "Hapag-Lloyd AG", "Unilever NV"
               !in(kClubPrefixes, words[k].key) &&           // "FC Weserstadt"
               !(k > i && in(kNameSuffixes, words[k].key));  // "James Robinson III"
      };
      // A word in capitals before a firm's name in mixed case is its first: "BMC Industries
      // Inc", "JWT Group Inc".
      if (shouted(i) && !fields_[f].caseless(i)) {
        if (const std::size_t end = designated_run_end(f, i + 1); end > i + 1) {
          runs.push_back({f, i, end});
          i = end;
          continue;
        }
      }
      while (j + 1 < words.size() && !shouted(j) && !shouted(j + 1) && !breaks_after(words[j]) &&
             !words[j].has(detail::kPossessive) && j + 1 - i < 2 * kMaxNameWords) {
        const std::size_t next = j + 1;
        if (fields_[f].owner[next] != Owner::none) break;
        if (name_like(f, next)) {
          j = last = next;
          continue;
        }
        // "Bank of England", "Embassy of the Islamic Republic": connectors between names; and
        // after an organisation's designator also "for" ("Agency for International
        // Development", "Institute for Climate Impact Research").
        std::size_t after = next;
        while (after < words.size() && after < next + 2 &&
               (in(kConnectors, words[after].key) || words[after].key == "the" ||
                (words[after].key == "for" && after == next && in(kDesignators, words[j].key))) &&
               words[after].has(detail::kLower) && !breaks_after(words[after])) {
          ++after;
        }
        if (after > next && after < words.size() && name_like(f, after) &&
            fields_[f].owner[after] == Owner::none && words[next].key != "the") {
          j = last = after;
          continue;
        }
        break;
      }
      runs.push_back({f, i, last + 1});
      i = last + 1;
    }
    return merge_coordinated(runs);
  }

  // "Securities and Exchange Commission", "Bosnia and Herzegovina": two runs joined by "and" or
  // "for" are one name when together they are a known name, or a one-word name joined to one
  // that ends like an organisation.
  std::vector<Span> merge_coordinated(std::vector<Span> runs) const {
    std::vector<Span> merged;
    for (const Span& run : runs) {
      if (!merged.empty()) {
        Span& previous = merged.back();
        const std::size_t f = run.field;
        if (previous.end + 1 == run.begin) {
          const ScannedWord& joint = word(f, previous.end);
          const bool joins = (joint.key == "and" || joint.key == "for" || joint.key == "on") &&
                             !breaks_after(word(f, previous.end - 1)) && !breaks_after(joint);
          // "Morgan Stanley and Co Inc": a firm's tail, with nothing but its legal form after.
          if (with_firm_tail(f, previous.end) == run.end) {
            previous.end = run.end;
            join_partners(merged);
            continue;
          }
          if (joins) {
            // "Standard and Poor's Corp", but not "Maersk Line and Hapag-Lloyd AG".
            const std::string key = join_keys(f, previous.begin, run.end);
            // "First Federal Savings and Loan Association" too.
            const bool one_firm =
                (previous.end - previous.begin == 1 &&
                 in(kDesignators, word(f, run.end - 1).key)) ||
                (word(f, previous.end - 1).key == "savings" && word(f, run.begin).key == "loan");
            if (one_firm || tables_.organization_names.contains(key) || is_gazetteer_name(key)) {
              previous.end = run.end;
              continue;
            }
          }
        }
      }
      merged.push_back(run);
    }
    return merged;
  }

  // "Goldman, Sachs and Co", "Miller, Tabak, Hirsch and Co": the partners listed before a
  // firm's "and Co", a word or two each, are part of its name.
  void join_partners(std::vector<Span>& merged) const {
    while (merged.size() >= 2) {
      Span& partner = merged[merged.size() - 2];
      const Span& firm = merged.back();
      const ScannedWord& last = word(partner.field, partner.end - 1);
      if (partner.end != firm.begin || partner.end - partner.begin > 2 ||
          !last.has(detail::kCommaAfter) || last.has(detail::kBreakAfter) ||
          in(kDesignators, last.key)) {  // a firm of its own: "Kleinwort, Benson Ltd, ..."
        return;
      }
      partner.end = firm.end;
      merged.pop_back();
    }
  }

  // ---- typing --------------------------------------------------------------------------------

  // "President", "Vice-president", "Prime Minister" (its last word).
  static bool is_title(const ScannedWord& w) {
    if (in(kTitles, w.key)) return true;
    const std::size_t space = w.key.rfind(' ');
    return space != std::string::npos && in(kTitles, std::string_view(w.key).substr(space + 1));
  }

  // The index of the title word whose name follows it, if the run [b, e) holds one: the last
  // title with at least one word after it. Titles inside a name's tail (Martin Luther King)
  // are not followed by anything.
  std::optional<std::size_t> title_in(std::size_t f, std::size_t b, std::size_t e) const {
    std::optional<std::size_t> found;
    for (std::size_t i = b; i + 1 < e; ++i) {
      // A title beside "bin" or "ibn" is a name: a father's in "Zaid bin Sultan al-Nahayan",
      // the person's own in "Sheikh Sultan bin Mohammed al-Qassimi".
      if (is_title(word(f, i)) && !(i > b && in(kPatronymics, word(f, i - 1).key)) &&
          !in(kPatronymics, word(f, i + 1).key)) {
        found = i;
      }
    }
    return found;
  }

  // Whether the span starts after a lower-case title or role: "spokesman John Smith", and for
  // a name of several words also "said John Smith" (not "said Ankara").
  bool role_before(std::size_t f, std::size_t b, std::size_t e) const {
    if (b == 0) return false;
    const ScannedWord& previous = word(f, b - 1);
    if (!previous.has(detail::kLower) || breaks_after(previous)) return false;
    if (in(kSpeechVerbs, previous.key)) return e - b >= 2;
    return is_title(previous) || in(kRoles, previous.key);
  }

  // Whether word b follows a role and "with" or "at", where an employer is named: "analyst
  // with Merrill Lynch", "an economist at Aubrey G. Lanston" (firms that bear a person's name).
  bool employer_after_role(std::size_t f, std::size_t b) const {
    if (b < 2) return false;
    const ScannedWord& joint = word(f, b - 1);
    const ScannedWord& role = word(f, b - 2);
    return joint.has(detail::kLower) && (joint.key == "with" || joint.key == "at") &&
           !breaks_after(role) && !breaks_after(joint) && role.has(detail::kLower) &&
           (in(kRoles, role.key) || is_title(role));
  }

  // Whether what follows the span marks a person: "James Baker said", "John Smith, 45,",
  // "John Smith, chairman of", "John Smith, the company's president".
  bool person_after(std::size_t f, std::size_t b, std::size_t e) const {
    const auto& words = fields_[f].words;
    if (e >= words.size()) return false;
    const ScannedWord& last = words[e - 1];
    if (!breaks_after(last) && in(kSpeechVerbs, words[e].key) && e - b >= 2 && e - b <= 3) {
      return true;
    }
    if (!last.has(detail::kCommaAfter) || last.has(detail::kBreakAfter)) return false;
    std::size_t i = e;
    if (words[i].has(detail::kHasDigit)) {
      return words[i].has(detail::kCommaAfter) && words[i].end - words[i].begin <= 3;
    }
    if (words[i].key == "a" || words[i].key == "an" || words[i].key == "the") ++i;
    if (i >= words.size() || !words[i].has(detail::kLower)) return false;
    return is_title(words[i]) || in(kRoles, words[i].key) || words[i].key == "who";
  }

  bool lower_designator_after(std::size_t f, std::size_t e) const {
    const auto& words = fields_[f].words;
    // "One West German newspaper", "a French bank": a country's name or demonym describes.
    return e < words.size() && !breaks_after(words[e - 1]) && words[e].has(detail::kLower) &&
           in(kLowerDesignators, words[e].key) && !is_country_name(words[e - 1].key);
  }

  std::optional<std::size_t> find_connector(std::size_t f, std::size_t b, std::size_t e,
                                            std::string_view key) const {
    for (std::size_t i = b + 1; i + 1 < e; ++i) {
      if (word(f, i).key == key && word(f, i).has(detail::kLower)) return i;
    }
    return std::nullopt;
  }

  // Types the run [b, e): marks people and organisations; leaves places to `find_places` and
  // what it cannot tell to `propagate`. `in_title` forbids reading a person there ("Bank of
  // England Governor …": the part before the title).
  void type_span(Span span, bool in_title) {
    const std::size_t f = span.field;
    std::size_t b = span.begin;
    std::size_t e = span.end;
    if (b >= e) return;
    const std::string whole = join_keys(f, b, e);
    if (const auto known = known_organization(f, b, e)) {
      add_mention(add_known_organization(*known), Span{f, b, e});
      return;
    }
    if (is_gazetteer_name(whole) && !role_before(f, b, e)) {
      // A surname may be a town's name too: a person named before claims it in `propagate`.
      if (e - b == 1 && !is_country_name(whole)) unresolved_.push_back({f, b, e});
      return;
    }

    // Sentence openers and function words are no part of a name.
    while (b < e) {
      const ScannedWord& w = word(f, b);
      if (lower_word(f, b) || in(kStopwords, w.key) ||
          (w.has(detail::kSentenceStart) && lower_seen_.contains(w.key))) {
        ++b;
        continue;
      }
      break;
    }
    while (e > b && lower_word(f, e - 1)) --e;
    if (b >= e) return;
    if (b != span.begin || e != span.end) return type_span(Span{f, b, e}, in_title);

    const std::size_t words = e - b;
    const ScannedWord& last = word(f, e - 1);
    const bool designated = in(kDesignators, last.key);
    // A legal form alone names nothing: "Co Inc" of a name cut short, "N.A." after a comma.
    if (std::all_of(fields_[f].words.begin() + static_cast<std::ptrdiff_t>(b),
                    fields_[f].words.begin() + static_cast<std::ptrdiff_t>(e),
                    [](const ScannedWord& w) { return is_legal_form(w.key); })) {
      return;
    }

    if (!designated && !in_title) {
      if (const auto title = title_in(f, b, e)) {
        std::size_t name = *title + 1;
        // "Supreme Leader of Iran Ali Khamenei", "Secretary of State George Shultz".
        if (word(f, name).key == "of") {
          std::size_t after = name + 1;
          while (after < e &&
                 (in(kPortfolios, word(f, after).key) || is_country_name(word(f, after).key))) {
            ++after;
          }
          type_span(Span{f, b, *title}, true);
          // "Vice-president of Cargill": a title of an organisation, no name.
          if (after == name + 1) return type_span(Span{f, after, e}, false);
          name = after;
        } else {
          type_span(Span{f, b, *title}, true);
        }
        // "Chancellor Helmut Kohl of West Germany".
        std::size_t name_end = e;
        if (const auto of = find_connector(f, name, e, "of")) {
          name_end = *of;
          type_span(Span{f, *of + 1, e}, false);
        }
        if (name < name_end && !is_country_name(join_keys(f, name, name_end)) &&
            !in(kDesignators, word(f, name_end - 1).key)) {
          add_person(Span{f, name, name_end});
        }
        return;
      }
    }

    if (const auto of = find_connector(f, b, e, "of")) {
      if (in(kOrgHeads, word(f, b).key)) {
        add_mention(add_organization(Span{f, b, e}), Span{f, b, e});
        return;
      }
      type_span(Span{f, b, *of}, in_title);
      std::size_t rest = *of + 1;
      if (rest < e && word(f, rest).key == "the") ++rest;
      type_span(Span{f, rest, e}, in_title);
      return;
    }

    if (words > 1 && in(kClubPrefixes, word(f, b).key)) {
      add_mention(add_organization(Span{f, b, e}), Span{f, b, e});
      return;
    }
    const bool employer = employer_after_role(f, b);
    if (designated || lower_designator_after(f, e) || employer) {
      // "Iranian Embassy" is the embassy; a bare designator ("Police") names nothing.
      if (words > 1 || lower_designator_after(f, e) || employer) {
        add_mention(add_organization(Span{f, b, e}), Span{f, b, e});
      }
      return;
    }

    if (in(kPeoplePlurals, last.key)) return;
    if (words > 1 && in(kGroupPlurals, last.key)) {
      add_mention(add_organization(Span{f, b, e}), Span{f, b, e});
      return;
    }

    // A name the article gave an organisation or person already: "Kestrel Networks said".
    if (const auto id = known_entity(f, b, e, false)) {
      add_mention(*id, Span{f, b, e});
      return;
    }
    if (!in_title) {
      const bool given_name = words >= 2 && tables_.given_names.contains(word(f, b).key);
      if (given_name || role_before(f, b, e) || person_after(f, b, e)) {
        if (!is_country_name(whole)) {
          add_person(Span{f, b, e});
          return;
        }
      }
    }

    // "Albanian PM …" was a title; "MEK Iranian" is two things: read a leading place apart.
    if (words > 1) {
      const std::size_t place_end = gazetteer_match_end(f, b, e);
      if (place_end > b) {
        mark_name_run(Span{f, b, e});
        return type_span(Span{f, place_end, e}, in_title);
      }
    }
    if (words == 1 && is_acronym(f, b)) {
      const auto known = acronyms_.find(letters_of(fields_[f].surface(b, e)));
      if (known != acronyms_.end()) {
        add_mention(known->second, Span{f, b, e});
      } else {
        unresolved_.push_back({f, b, e});
      }
      return;
    }
    unresolved_.push_back({f, b, e});
  }

  void mark_name_run(const Span& span) {
    for (std::size_t k = span.begin; k < span.end; ++k) {
      fields_[span.field].name_run[k] = {span.begin, span.end};
    }
  }

  // The end of the longest gazetteer name starting at word b, or b.
  std::size_t gazetteer_match_end(std::size_t f, std::size_t b, std::size_t e) const {
    const std::string_view first_key = word(f, b).key;
    const std::size_t longest =
        gazetteer_.longest_name_from(first_key.substr(0, first_key.find(' ')));
    for (std::size_t n = std::min(longest, e - b); n >= 1; --n) {
      if (is_gazetteer_name(join_keys(f, b, b + n))) return b + n;
    }
    return b;
  }

  // ---- entities ------------------------------------------------------------------------------

  std::size_t add_known_organization(std::uint32_t known) {
    if (const auto it = known_entities_.find(known); it != known_entities_.end()) {
      return it->second;
    }
    const KnownOrganization& organization = tables_.organizations[known];
    // Aliases are the other names: "N.A.T.O." adds nothing to NATO.
    std::vector<std::string> aliases;
    for (const std::string& acronym : organization.acronyms) {
      const std::string letters = letters_of(acronym);
      if (letters != letters_of(organization.name) &&
          std::none_of(aliases.begin(), aliases.end(),
                       [&](const std::string& a) { return letters_of(a) == letters; })) {
        aliases.push_back(acronym);
      }
    }
    Entity entity{Kind::organization, organization.name, 0, true, known, std::move(aliases), {}};
    const std::size_t id = entities_.size();
    entities_.push_back(std::move(entity));
    known_entities_.emplace(known, id);
    organizations_by_key_.emplace(detail::name_key(organization.name), id);
    for (const std::string& acronym : organization.acronyms) {
      acronyms_.emplace(letters_of(acronym), id);
    }
    return id;
  }

  std::size_t add_organization(const Span& span) {
    const std::size_t f = span.field;
    if (const auto known = known_organization(f, span.begin, span.end)) {
      return add_known_organization(*known);
    }
    const std::string key = join_keys(f, span.begin, span.end);
    if (const auto it = organizations_by_key_.find(key); it != organizations_by_key_.end()) {
      return it->second;
    }
    const std::size_t id = entities_.size();
    entities_.push_back(Entity{Kind::organization,
                               std::string(fields_[f].surface(span.begin, span.end)),
                               span.end - span.begin,
                               false,
                               std::nullopt,
                               {},
                               {}});
    organizations_by_key_.emplace(key, id);
    // "Chrysler" alone, later, is still Chrysler Corp, and "Bluefin" Bluefin Semiconductors Inc.
    std::size_t short_end = span.end;
    while (short_end > span.begin + 1 && in(kDesignators, word(f, short_end - 1).key)) --short_end;
    auto add_short = [&](std::size_t end) {
      const std::string short_key = join_keys(f, span.begin, end);
      const ScannedWord& first = word(f, span.begin);
      // A given name is a firm's short name when more of the name follows it ("Ford" of "Ford
      // Motor Co"), not when it is all the name but the designator ("Morgan" of "Morgan Ltd").
      const bool person_like =
          tables_.given_names.contains(first.key) && short_end - span.begin < 2;
      if (in(kStopwords, short_key) || is_title(first) || in(kDesignators, first.key) ||
          person_like || lower_seen_.contains(first.key) || first.has(detail::kLower)) {
        return;
      }
      if (!is_gazetteer_name(short_key)) {
        organizations_by_key_.emplace(short_key, id);
      } else if (only_city_name(short_key)) {
        city_named_organizations_.emplace(short_key, id);
      }
    };
    if (short_end < span.end) add_short(short_end);
    if (short_end > span.begin + 1 && !in(kConnectors, word(f, span.begin + 1).key)) {
      add_short(span.begin + 1);
    }
    return id;
  }

  void add_person(const Span& span) {
    const std::size_t f = span.field;
    const std::string key = join_keys(f, span.begin, span.end);
    const std::size_t words = span.end - span.begin;
    std::size_t id;
    if (const auto it = people_by_key_.find(key); it != people_by_key_.end()) {
      id = it->second;
    } else if (const auto surname = people_by_surname_.find(word(f, span.begin).key);
               core_words(span) == 1 && surname != people_by_surname_.end()) {
      id = surname->second;  // "Rama", "Noland Jr"
    } else {
      std::optional<std::size_t> single;  // "PM Rama" met before "Edi Rama"
      for (const std::string& short_key :
           words > 1 ? short_form_keys(span) : std::vector<std::string>()) {
        const auto it = people_by_key_.find(short_key);
        if (it != people_by_key_.end() && entities_[it->second].words == 1) {
          single = it->second;
          break;
        }
      }
      if (single) {
        id = *single;
      } else {
        id = entities_.size();
        entities_.push_back(Entity{Kind::person, {}, 0, false, std::nullopt, {}, {}});
      }
    }
    Entity& entity = entities_[id];
    if (words > entity.words) {
      entity.name = fields_[f].surface(span.begin, span.end);
      entity.words = words;
    }
    people_by_key_.emplace(key, id);
    if (words > 1) {
      for (std::string& short_key : short_form_keys(span)) {
        people_by_surname_.emplace(std::move(short_key), id);
      }
    }
    add_mention(id, span);
  }

  // The words of a person's name before its suffixes ("Jr", "III"), at least one.
  std::size_t core_words(const Span& span) const {
    std::size_t end = span.end;
    while (end > span.begin + 1 && in(kNameSuffixes, word(span.field, end - 1).key)) --end;
    return end - span.begin;
  }

  // The words a person named by several is called by alone: the surname ("Rama" for "Edi
  // Rama"), and for an Arabic name with the article the first name too ("Sheikh Ali" and
  // "al-Sabah" for "Ali al-Khalifa al-Sabah").
  std::vector<std::string> short_form_keys(const Span& span) const {
    std::vector<std::string> keys{word(span.field, span.begin + core_words(span) - 1).key};
    for (std::size_t i = span.begin + 1; i < span.end; ++i) {
      if (with_arabic_article(fields_[span.field].surface(i, i + 1))) {
        keys.push_back(word(span.field, span.begin).key);
        break;
      }
    }
    return keys;
  }

  void add_mention(std::size_t id, const Span& span) {
    Field& field = fields_[span.field];
    const Owner owner = entities_[id].kind == Kind::person ? Owner::person : Owner::organization;
    for (std::size_t i = span.begin; i < span.end; ++i) field.owner[i] = owner;
    const Mention mention{field.input.field, field.input.caption, field.words[span.begin].begin,
                          field.words[span.end - 1].end};
    auto& mentions = entities_[id].mentions;
    if (std::find(mentions.begin(), mentions.end(), mention) == mentions.end()) {
      mentions.push_back(mention);
    }
    // A name first met in capitals reads better from a mixed-case mention.
    Entity& entity = entities_[id];
    if (!entity.known && !entity.name_has_lower && entity.words == span.end - span.begin &&
        !field.caseless(span.begin)) {
      const std::string_view surface = field.surface(span.begin, span.end);
      if (surface != entity.name && std::any_of(surface.begin(), surface.end(),
                                                [](char c) { return c >= 'a' && c <= 'z'; })) {
        entity.name = surface;
      }
      entity.name_has_lower = std::any_of(entity.name.begin(), entity.name.end(),
                                          [](char c) { return c >= 'a' && c <= 'z'; });
    }
  }

  // The person or organisation the words [b, e) name, if the article has named it already.
  std::optional<std::size_t> known_entity(std::size_t f, std::size_t b, std::size_t e,
                                          bool allow_single) const {
    const std::string key = join_keys(f, b, e);
    if (const auto it = people_by_key_.find(key); it != people_by_key_.end()) {
      if (e - b > 1 || allow_single) return it->second;
    }
    if (e - b == 1 && allow_single) {
      if (const auto it = people_by_surname_.find(key); it != people_by_surname_.end()) {
        return it->second;
      }
      const ScannedWord& w = word(f, b);
      if (w.has(detail::kAllCaps) || w.has(detail::kInitialism)) {
        const auto it = acronyms_.find(letters_of(fields_[f].surface(b, e)));
        if (it != acronyms_.end()) return it->second;
      }
    }
    if (const auto it = organizations_by_key_.find(key); it != organizations_by_key_.end()) {
      if (e - b > 1 || allow_single) return it->second;
    }
    return std::nullopt;
  }

  // Runs nothing typed: a later "Rama" is the Edi Rama named before; an unknown acronym is an
  // organisation; the rest is left to the gazetteer.
  void propagate() {
    for (const Span& span : unresolved_) {
      const std::size_t f = span.field;
      mark_name_run(span);
      std::size_t i = span.begin;
      while (i < span.end) {
        if (fields_[f].owner[i] != Owner::none) {
          ++i;
          continue;
        }
        bool matched = false;
        for (std::size_t n = span.end - i; n >= 1 && !matched; --n) {
          if (const auto id = known_entity(f, i, i + n, true)) {
            if (n == 1 && entities_[*id].kind == Kind::person && is_country_name(word(f, i).key)) {
              continue;  // "Jordan" in a list of countries is the country
            }
            add_mention(*id, Span{f, i, i + n});
            i += n;
            matched = true;
          }
        }
        if (matched) continue;
        if (is_acronym(f, i)) {
          add_mention(add_organization(Span{f, i, i + 1}), Span{f, i, i + 1});
        } else if (span.end - span.begin == 1 && speaks(f, i)) {
          add_person(Span{f, i, i + 1});
        }
        ++i;
      }
    }
  }

  // "Reagan said": a lone name that speaks, and that the article does not know as an
  // organisation or a place, is a person.
  bool speaks(std::size_t f, std::size_t i) const {
    const auto& words = fields_[f].words;
    const ScannedWord& w = words[i];
    // At a sentence start a capital proves nothing ("Analysts said", "Treasury said"): there
    // the word must be known as a name.
    const bool opener = w.has(detail::kSentenceStart) && !tables_.given_names.contains(w.key);
    // "the Treasury said" is an institution, and so is the end of "Bureau of Statistics said"
    // or "Department of Trade and Industry said"; "S and P said" is an initial.
    const auto before_is = [&](std::size_t back, std::string_view key) {
      return i >= back && words[i - back].key == key;
    };
    const bool institution =
        before_is(1, "the") || before_is(1, "of") || (before_is(1, "and") && before_is(3, "of"));
    // "RJR Nabisco said", "AW Computer said": the rest of a firm's name after its capitals.
    const bool after_capitals = i >= 1 && words[i - 1].has(detail::kAllCaps) &&
                                !words[i - 1].has(detail::kInitialism) &&
                                !breaks_after(words[i - 1]) && !fields_[f].caseless(i - 1);
    return i + 1 < words.size() && !breaks_after(w) && !w.has(detail::kPossessive) && !opener &&
           !institution && !after_capitals && w.key.size() > 1 &&
           in(kSpeechVerbs, words[i + 1].key) && w.has(detail::kCapitalised) &&
           !w.has(detail::kAllCaps) && !in(kStopwords, w.key) && !in(kDesignators, w.key) &&
           !is_title(w) && !is_gazetteer_name(w.key) && !lower_seen_.contains(w.key);
  }

  // Names found in mixed-case text, met again in a line of one case: "ali khamenei edi rama"
  // under a photo, "RAMA" or "OPEC" in an all-caps headline.
  void match_known_names(std::size_t f) {
    Field& field = fields_[f];
    for (std::size_t i = 0; i < field.words.size();) {
      if (!field.caseless(i) || field.owner[i] != Owner::none) {
        ++i;
        continue;
      }
      const bool caps = field.words[i].has(detail::kCapsLine);
      bool matched = false;
      for (std::size_t n = std::min(kMaxNameWords, field.words.size() - i); n >= 1; --n) {
        if (!unbroken(f, i, i + n) || !field.caseless(i + n - 1)) continue;
        // In a lower-case line a single word is too often a common one.
        const auto id = known_entity(f, i, i + n, caps && n == 1);
        if (!id) continue;
        add_mention(*id, Span{f, i, i + n});
        i += n;
        matched = true;
        break;
      }
      if (matched) continue;
      if (caps) {
        if (const std::size_t n = known_organization_in_capitals(f, i)) {
          i += n;
          continue;
        }
        if (const std::size_t n = person_in_capitals(f, i)) {
          i += n;
          continue;
        }
      }
      ++i;
    }
  }

  // A name of the table of organisations in a line in capitals ("WORLD BANK", "OPEC", "EC"),
  // though the article has not named it in mixed case: not one that is an English word
  // ("WHO"). Returns the words it covers.
  std::size_t known_organization_in_capitals(std::size_t f, std::size_t i) {
    for (std::size_t n = longest_organization_at(f, i); n >= 1; --n) {
      if (!unbroken(f, i, i + n) || !fields_[f].caseless(i + n - 1)) continue;
      const auto known = known_organization(f, i, i + n);
      if (!known || (n == 1 && in(kStopwords, word(f, i).key))) continue;
      add_mention(add_known_organization(*known), Span{f, i, i + n});
      return n;
    }
    return 0;
  }

  // A person in a wire headline in capitals, where only a title or a given name shows a name,
  // and only before a verb of saying: "TREASURY SECRETARY BAKER SAYS", "HOWARD BAKER SAYS".
  // Returns the words it covers.
  std::size_t person_in_capitals(std::size_t f, std::size_t i) {
    const auto& words = fields_[f].words;
    auto plain = [&](std::size_t j) {
      const ScannedWord& w = words[j];
      return fields_[f].owner[j] == Owner::none && !w.has(detail::kHasDigit) &&
             !in(kStopwords, w.key) && !in(kCapsWords, w.key) && !is_legal_form(w.key) &&
             !in(kDesignators, w.key) && !in(kSpeechVerbs, w.key) && !in(kHeadlineVerbs, w.key) &&
             !is_title(w) && !is_gazetteer_name(w.key);
    };
    std::size_t begin = i;
    std::size_t max_words = 2;
    if (is_title(words[i])) {
      begin = i + 1;
    } else if (tables_.given_names.contains(words[i].key) && plain(i)) {
      max_words = 2;
    } else {
      return 0;
    }
    std::size_t end = begin;
    while (end < words.size() && end - begin < max_words && plain(end) &&
           !breaks_after(words[end])) {
      ++end;
    }
    if (end == begin || end >= words.size() ||
        !(in(kSpeechVerbs, words[end].key) || in(kHeadlineVerbs, words[end].key)) ||
        !unbroken(f, i, end + 1)) {
      return 0;
    }
    if (begin == i && end - begin < 2) return 0;  // a given name alone is no one
    add_person(Span{f, begin, end});
    return end - i;
  }

  // ---- places --------------------------------------------------------------------------------

  // `named`: the words name the country itself, in running text.
  void add_country(std::string_view raw, const Span& span, bool named) {
    if (raw.empty()) return;
    if (std::find(context_countries_.begin(), context_countries_.end(), raw) ==
        context_countries_.end()) {
      context_countries_.emplace_back(raw);
    }
    const std::string code(context_.year ? gazetteer_.code_in_year(raw, *context_.year) : raw);
    const Mention mention = mention_of(span);
    for (CountryMentions& country : countries_) {
      if (country.code == code) {
        country.mentions.push_back(mention);
        if (named) ++country.named;
        return;
      }
    }
    countries_.push_back(CountryMentions{code, {mention}, named ? 1u : 0u});
  }

  // "Hoechst AG of West Germany", "NEC Corp of Japan": where an organisation is from, which
  // like "West German" or "Japanese" describes it rather than names a subject; and the end of
  // a name that "of" opens ("United Steelworkers of America"). A title before "of" is a role
  // in the country ("President of Brazil"), which names it.
  bool home_of_organization(const Span& span) const {
    const Field& field = fields_[span.field];
    const std::size_t b = span.begin;
    if (b < 2 || field.words[b - 1].key != "of" || !field.words[b - 1].has(detail::kLower) ||
        !unbroken(span.field, b - 2, b + 1)) {
      return false;
    }
    const ScannedWord& head = field.words[b - 2];
    return field.owner[b - 2] == Owner::organization ||
           (head.has(detail::kCapitalised) && !head.has(detail::kSentenceStart) &&
            !head.has(detail::kAllCaps) && !is_title(head) && !in(kStopwords, head.key));
  }

  // "such as Brazil", "like Mexico", "including Japan": kExampleCues right before the name.
  bool given_as_example(const Span& span) const {
    const auto& words = fields_[span.field].words;
    const std::size_t b = span.begin;
    if (b >= 1 && in(kExampleCues, words[b - 1].key) && unbroken(span.field, b - 1, b + 1)) {
      return true;
    }
    return b >= 2 && unbroken(span.field, b - 2, b + 1) &&
           std::find(kExampleCuePairs.begin(), kExampleCuePairs.end(),
                     std::pair(std::string_view(words[b - 2].key),
                               std::string_view(words[b - 1].key))) != kExampleCuePairs.end();
  }

  Mention mention_of(const Span& span) const {
    const Field& field = fields_[span.field];
    return Mention{field.input.field, field.input.caption, field.words[span.begin].begin,
                   field.words[span.end - 1].end};
  }

  std::string raw_country(const NameSense& sense) const {
    return resolver_.country_of(sense, std::nullopt);
  }

  void add_place(const NameSense& sense, const Span& span) {
    Field& field = fields_[span.field];
    for (std::size_t i = span.begin; i < span.end; ++i) field.owner[i] = Owner::place;
    // A country written in capitals in a mixed-case line is a table cell ("ARGENTINA   nil"),
    // unless capitals are how its name is written (UAE, U.S.).
    const bool shouted = !sense.exact_case && field.words[span.begin].has(detail::kAllCaps);
    add_country(raw_country(sense), span,
                sense.target == Target::country && !field.caseless(span.begin) && !shouted &&
                    !home_of_organization(span) && !given_as_example(span));
    if (sense.target == Target::demonym) return;
    ResolvedPlace place = resolver_.to_place(sense, context_.year);
    const Mention mention = mention_of(span);
    for (PlaceMentions& known : places_) {
      if (known.place.kind == place.kind && known.place.id == place.id) {
        known.mentions.push_back(mention);
        return;
      }
    }
    places_.push_back(PlaceMentions{std::move(place), {mention}});
  }

  // The country named by "in COUNTRY" right after the words ending at `e`, for `located_in`.
  std::string country_after(std::size_t f, std::size_t e) const {
    const auto& words = fields_[f].words;
    if (e + 1 >= words.size() || words[e].key != "in" || breaks_after(words[e - 1]) ||
        breaks_after(words[e])) {
      return {};
    }
    const std::size_t end = gazetteer_match_end(f, e + 1, std::min(words.size(), e + 5));
    for (const NameSense& sense : gazetteer_.find(join_keys(f, e + 1, end))) {
      if (sense.target == Target::country) return raw_country(sense);
    }
    return {};
  }

  // A country or state qualifying a place after a comma ("Portland, Maine"); its span end.
  std::pair<const NameSense*, std::size_t> qualifier_after(std::size_t f, std::size_t e) const {
    const auto& words = fields_[f].words;
    if (e >= words.size() || !words[e - 1].has(detail::kCommaAfter) ||
        words[e - 1].has(detail::kBreakAfter)) {
      return {nullptr, e};
    }
    for (std::size_t n = std::min<std::size_t>(4, words.size() - e); n >= 1; --n) {
      if (!unbroken(f, e, e + n) || !name_like(f, e)) continue;
      const std::string_view surface = fields_[f].surface(e, e + n);
      const NameSense* sense =
          resolver_.choose(gazetteer_.find(join_keys(f, e, e + n)), qualifier_context(surface), {});
      if (sense != nullptr) return {sense, e + n};
    }
    return {nullptr, e};
  }

  // Looks up the words of a field in the gazetteer, longest names first. In mixed-case lines
  // (`caseless` false) only capitalised words open a name; in lines of one case every word
  // does, with the caution of `NameContext::weak_case`.
  void find_places(std::size_t f, bool caseless) {
    Field& field = fields_[f];
    const auto& words = field.words;
    for (std::size_t i = 0; i < words.size();) {
      const ScannedWord& w = words[i];
      if (field.caseless(i) != caseless || field.owner[i] == Owner::person ||
          field.owner[i] == Owner::place || w.has(detail::kHasDigit) ||
          field.words[i].has(detail::kLowerLine) || field.bracketed[i]) {
        ++i;
        continue;
      }
      if (water_named_after_place(f, i)) {
        i += 2;  // the place after "of" is skipped too, by `after_water`
        continue;
      }
      const bool inside_organization = field.owner[i] == Owner::organization;
      if (!caseless && !(w.has(detail::kCapitalised) || w.has(detail::kInitialism))) {
        if (w.has(detail::kHyphenated) && !inside_organization) hyphen_parts(f, i);
        ++i;
        continue;
      }
      const std::string_view first = std::string_view(w.key).substr(0, w.key.find(' '));
      const std::size_t longest = gazetteer_.longest_name_from(first);
      std::size_t matched = 0;
      for (std::size_t n = std::min(longest, words.size() - i); n >= 1 && matched == 0; --n) {
        if (!unbroken(f, i, i + n)) continue;
        bool same_owner = true;
        for (std::size_t k = i; k < i + n; ++k) same_owner &= field.owner[k] == field.owner[i];
        if (!same_owner || field.caseless(i + n - 1) != caseless) continue;
        const std::string key = join_keys(f, i, i + n);
        const auto cached = senses_.find(key);
        const NameSense* sense = nullptr;
        if (cached != senses_.end()) {
          sense = cached->second;
        } else {
          const std::span<const NameSense> senses = gazetteer_.find(key);
          if (senses.empty()) continue;
          const auto [qualifier, qualifier_end] = qualifier_after(f, i + n);
          // "Of" (Turkey), "March" (England), "Sterling": function words, months and money name
          // no place alone.
          if (n == 1 && (in(kStopwords, key) || in(kCurrencies, key)) && qualifier == nullptr) {
            continue;
          }
          // "ENGLAND CORP", "JAPAN FUND": in capitals an organisation's name shows only by its
          // designator.
          if (caseless && i + n < words.size() && in(kDesignators, words[i + n].key)) continue;
          const std::string located_in = country_after(f, i + n);
          NameContext context;
          context.surface = field.surface(i, i + n);
          context.locative = locative_before(f, i);
          context.weak_case = caseless || w.has(detail::kSentenceStart);
          context.lower_elsewhere = n == 1 && lower_seen_.contains(key);
          context.located_in = located_in;
          context.qualified_by = qualifier;
          context.foreign_names = foreign_names_;
          context.acronym = !caseless && n == 1 && w.has(detail::kAllCaps);
          context.year = context_.year;
          sense = resolver_.choose(senses, context, context_countries_);
          if (sense == nullptr && qualifier != nullptr) {
            context.qualified_by = nullptr;
            sense = resolver_.choose(senses, context, context_countries_);
          }
          if (sense == nullptr) continue;
          if (sense->target == Target::city && !inside_organization) senses_.emplace(key, sense);
        }
        matched = n;
        if (currency_after(f, i + n) || named_after(f, i + n, *sense) || after_water(f, i)) break;
        if (const auto company = company_of_city_name(f, i, i + n, *sense)) {
          add_mention(*company, Span{f, i, i + n});
          break;
        }
        const auto [run_begin, run_end] = field.name_run[i];
        const bool inside_name = run_end - run_begin > n && run_end >= i + n;
        if (inside_organization || inside_name) {
          if (tells_country_of_organization(*sense)) {
            add_country(raw_country(*sense), Span{f, i, i + n}, false);
          }
        } else {
          add_place(*sense, Span{f, i, i + n});
        }
      }
      if (matched == 0) {
        if (!inside_organization && !caseless) {
          if (const std::size_t n = region_adjective(f, i); n > 1) {
            i += n;
            continue;
          }
        }
        // "Bristol-Myers Co", "Ciba-Geigy AG": a compound in an organisation's name is a name.
        if (w.has(detail::kHyphenated) && !inside_organization) hyphen_parts(f, i);
        ++i;
      } else {
        i += matched;
      }
    }
  }

  // The organisation a city's name stands for when the article has opened the organisation's
  // name with it ("Dome Petroleum Ltd" … "Dome said", "Santos Ltd" … "the Santos objective"),
  // unless a word of place or a qualifier makes it the city ("in Phoenix", "Phoenix, Ariz.").
  std::optional<std::size_t> company_of_city_name(std::size_t f, std::size_t b, std::size_t e,
                                                  const NameSense& sense) const {
    if (sense.target != Target::city || fields_[f].owner[b] != Owner::none) return std::nullopt;
    const auto it = city_named_organizations_.find(join_keys(f, b, e));
    if (it == city_named_organizations_.end() || locative_before(f, b) ||
        qualifier_after(f, e).first != nullptr) {
      return std::nullopt;
    }
    return it->second;
  }

  bool locative_before(std::size_t f, std::size_t i) const {
    const auto& words = fields_[f].words;
    return i > 0 && in(kLocatives, words[i - 1].key) && words[i - 1].has(detail::kLower) &&
           !breaks_after(words[i - 1]);
  }

  // Whether the place's name ending at `e` names what follows it: "Paris accord", "Uruguay
  // Round" (kNamedAfterCity).
  bool named_after(std::size_t f, std::size_t e, const NameSense& sense) const {
    const auto& words = fields_[f].words;
    if (e >= words.size() || breaks_after(words[e - 1]) || !in(kNamedAfterCity, words[e].key)) {
      return false;
    }
    return sense.target == Target::city || words[e].key == "round";
  }

  // "Gulf of Mexico", "Sea of Japan": capitalised water, "of", a capitalised name.
  bool water_named_after_place(std::size_t f, std::size_t i) const {
    const auto& words = fields_[f].words;
    return i + 2 < words.size() && in(kWaters, words[i].key) && !words[i].has(detail::kLower) &&
           words[i + 1].key == "of" && !words[i + 2].has(detail::kLower) && unbroken(f, i, i + 3);
  }

  bool after_water(std::size_t f, std::size_t i) const {
    return i >= 2 && water_named_after_place(f, i - 2);
  }

  bool currency_after(std::size_t f, std::size_t e) const {
    const auto& words = fields_[f].words;
    return e < words.size() && !breaks_after(words[e - 1]) && in(kCurrencies, words[e].key);
  }

  bool tells_country_of_organization(const NameSense& sense) const {
    switch (sense.target) {
      case Target::country:
      case Target::subdivision:
        return sense.kind == NameSense::Kind::primary || sense.kind == NameSense::Kind::alias;
      case Target::demonym:
        return true;
      case Target::city:
        return sense.dateline_city ||
               gazetteer_.cities()[sense.index].population >= kMinPopulationInOrganization;
      case Target::region:
        break;
    }
    return false;
  }

  // A country, demonym, state or well-known city: "Zurich-based" is Swiss.
  bool tells_country_in_compound(const NameSense& sense) const {
    switch (sense.target) {
      case Target::country:
        return !sense.exact_case && sense.kind != NameSense::Kind::locale;
      case Target::demonym:
      case Target::subdivision:
        return !sense.qualifier_only;
      case Target::city:
        return !sense.common_word &&
               (sense.dateline_city ||
                gazetteer_.cities()[sense.index].population >= kMinPopulationInCompound);
      case Target::region:
        break;
    }
    return false;
  }

  // "Iranian-backed", "Saudi-led", "Zurich-based": a place inside a compound adds its country,
  // not a place mention. "e-Albania" (an e-government portal) does not.
  void hyphen_parts(std::size_t f, std::size_t i) {
    const ScannedWord& w = word(f, i);
    std::string_view key = w.key;
    const std::size_t space = key.find(' ');
    if (space == std::string_view::npos || space == 1) return;
    while (!key.empty()) {
      const std::size_t end = key.find(' ');
      const std::string_view part = key.substr(0, end);
      for (const NameSense& sense : gazetteer_.find(part)) {
        if (tells_country_in_compound(sense)) {
          add_country(raw_country(sense), Span{f, i, i + 1}, false);
          break;
        }
      }
      if (end == std::string_view::npos) break;
      key.remove_prefix(end + 1);
    }
  }

  // "the small Balkan country", "Baltic states", "Latin American debtors", "West African
  // states": a region named by its adjective. "American" there is not the United States.
  // Returns the words it covers.
  std::size_t region_adjective(std::size_t f, std::size_t i) {
    const ScannedWord& w = word(f, i);
    if (!w.has(detail::kCapitalised) || w.has(detail::kSentenceStart)) return 0;
    for (const NameSense& sense : gazetteer_.find(w.key + "s")) {
      if (sense.target == Target::region) {
        add_place(sense, Span{f, i, i + 1});
        return 1;
      }
    }
    const auto& words = fields_[f].words;
    if (i + 1 >= words.size() || !words[i + 1].has(detail::kCapitalised) ||
        !unbroken(f, i, i + 2)) {
      return 0;
    }
    std::string_view next = words[i + 1].key;
    if (next.ends_with('s')) next.remove_suffix(1);  // "Latin Americans"
    if (!next.ends_with('n')) return 0;
    // "American" → "America", "European" → "Europe".
    for (const std::size_t cut : {1, 2}) {
      if (next.size() <= cut + 2) break;
      const std::string region = w.key + " " + std::string(next.substr(0, next.size() - cut));
      for (const NameSense& sense : gazetteer_.find(region)) {
        if (sense.target == Target::region) {
          add_place(sense, Span{f, i, i + 2});
          return 2;
        }
      }
    }
    return 0;
  }

  // ---- result --------------------------------------------------------------------------------

  Entities finish() {
    Entities result;
    for (CountryMentions& country : countries_) {
      std::sort(country.mentions.begin(), country.mentions.end(), mention_before);
    }
    std::stable_sort(countries_.begin(), countries_.end(), [](const auto& a, const auto& b) {
      return mention_before(a.mentions.front(), b.mentions.front());
    });
    result.countries = std::move(countries_);
    for (PlaceMentions& place : places_) {
      std::sort(place.mentions.begin(), place.mentions.end(), mention_before);
    }
    std::stable_sort(places_.begin(), places_.end(), [](const auto& a, const auto& b) {
      return mention_before(a.mentions.front(), b.mentions.front());
    });
    result.places = std::move(places_);
    for (Entity& entity : entities_) {
      if (entity.mentions.empty()) continue;
      // A bare name the gazetteer knows as a country is the country ("Jordan").
      if (entity.kind == Kind::person && entity.words == 1 &&
          is_country_name(detail::name_key(entity.name))) {
        continue;
      }
      std::sort(entity.mentions.begin(), entity.mentions.end(), mention_before);
      NamedEntity named{
          std::move(entity.name), {}, std::move(entity.aliases), std::move(entity.mentions)};
      named.key = detail::name_key(named.name);
      (entity.kind == Kind::person ? result.people : result.organizations)
          .push_back(std::move(named));
    }
    auto by_first = [](const NamedEntity& a, const NamedEntity& b) {
      return mention_before(a.mentions.front(), b.mentions.front());
    };
    std::stable_sort(result.people.begin(), result.people.end(), by_first);
    std::stable_sort(result.organizations.begin(), result.organizations.end(), by_first);
    return result;
  }

  template <typename T>
  using KeyMap = detail::KeyMap<T>;

  const EntityExtractor::Tables& tables_;
  const PlaceResolver& resolver_;
  const Gazetteer& gazetteer_;
  const EntityContext& context_;
  const bool foreign_names_;
  std::vector<Field> fields_;
  detail::KeySet lower_seen_;
  std::vector<Entity> entities_;
  KeyMap<std::size_t> people_by_key_;
  KeyMap<std::size_t> people_by_surname_;
  KeyMap<std::size_t> organizations_by_key_;
  // Short names of organisations that are cities' names too: the organisation only where the
  // words are not used as a place (`company_of_city_name`).
  KeyMap<std::size_t> city_named_organizations_;
  KeyMap<std::size_t> acronyms_;
  std::unordered_map<std::uint32_t, std::size_t> known_entities_;
  std::vector<Span> unresolved_;
  KeyMap<const NameSense*> senses_;             // one sense per document
  std::vector<std::string> context_countries_;  // raw codes, for choosing among namesakes
  std::vector<CountryMentions> countries_;
  std::vector<PlaceMentions> places_;
};

}  // namespace

Entities EntityExtractor::extract(std::span<const FieldText> fields,
                                  const EntityContext& context) const {
  return Extraction(*tables_, resolver_, fields, context).run();
}

}  // namespace newsdex
