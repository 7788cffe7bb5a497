// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/facet_aliases.h"

#include <utility>

#include "analyzers/legal_forms.h"
#include "analyzers/text_scanner.h"
#include "indexer/schema.h"

namespace newsdex {

namespace {

// A surname stands for a full name in at least this many articles ...
constexpr Xapian::doccount kFewestArticles = 3;
// ... and in at least this share (tenths) of the articles naming someone of that surname.
constexpr Xapian::doccount kShareInTenths = 9;

// The key values that count as one are grouped by: folded, and for an organisation without
// commas, its legal forms and the `and` or `et` before them (`Siemens A.G.` → `siemens`,
// `Goldman, Sachs and Co` → `goldman sachs`), keeping at least a word.
std::string key_of(std::string_view value, FacetAliases::Names names) {
  std::string key = detail::fold_key(value);
  if (names == FacetAliases::Names::organizations) {
    std::erase(key, ',');  // "Goldman, Sachs and Co" is Goldman Sachs
    bool stripped = false;
    for (std::size_t space = key.rfind(' '); space != std::string::npos; space = key.rfind(' ')) {
      const std::string_view last = std::string_view(key).substr(space + 1);
      if (!is_legal_form(last) && !(stripped && (last == "and" || last == "et"))) {
        break;
      }
      stripped = true;
      key.resize(space);
    }
  }
  return key;
}

}  // namespace

FacetAliases::FacetAliases(const Xapian::Database& db, std::string_view term_prefix, Names names)
    : names_(names) {
  // The values that share a key, and the commonest of them, which stands for them all.
  struct Spellings {
    Xapian::doccount articles = 0;  // summed over the spellings
    Xapian::doccount most = 0;
    std::string commonest;
    std::vector<std::string> all;
  };
  std::map<std::string, Spellings> by_key;
  const std::string prefix(term_prefix);
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    std::string value = (*it).substr(prefix.size());
    Spellings& spellings = by_key[key_of(value, names)];
    spellings.articles += it.get_termfreq();
    if (it.get_termfreq() > spellings.most) {
      spellings.most = it.get_termfreq();
      spellings.commonest = value;
    }
    spellings.all.push_back(std::move(value));
  }
  // People's full names by their last word, and the commonest of those.
  struct Named {
    Xapian::doccount all = 0;
    Xapian::doccount most = 0;
    const std::string* name = nullptr;
    std::vector<const std::string*> names;  // every full name ending with it
  };
  std::map<std::string_view, Named> in_full;
  if (names == Names::people) {
    for (const auto& [key, spellings] : by_key) {
      const std::size_t space = key.rfind(' ');
      if (space == std::string::npos) continue;
      Named& named = in_full[std::string_view(key).substr(space + 1)];
      named.all += spellings.articles;
      named.names.push_back(&spellings.commonest);
      if (spellings.articles > named.most) {
        named.most = spellings.articles;
        named.name = &spellings.commonest;
      }
    }
  }
  const auto stands_for_one = [](const Named& named) {
    return named.most >= kFewestArticles && named.most * 10 >= named.all * kShareInTenths;
  };
  for (const auto& [key, spellings] : by_key) {
    const std::string* name = &spellings.commonest;
    if (const auto found = in_full.find(key);
        found != in_full.end() && stands_for_one(found->second)) {
      name = found->second.name;
    }
    by_key_.emplace(key, *name);
    for (const std::string& spelling : spellings.all) {
      if (spelling == *name) continue;
      canonical_.emplace(spelling, *name);
      folded_into_[*name].push_back(spelling);
    }
  }
  // A surname typed as a filter means that name too where no article gives it alone; one
  // that stands for no one name means each of them.
  for (const auto& [surname, named] : in_full) {
    if (stands_for_one(named)) {
      by_key_.emplace(surname, *named.name);
    } else {
      std::vector<std::string>& bearers = bearers_[std::string(surname)];
      for (const std::string* name : named.names) bearers.push_back(*name);
    }
  }
}

std::optional<FacetAliases> FacetAliases::of_slot(const Xapian::Database& db,
                                                  Xapian::valueno slot) {
  if (slot == schema::kPersonSlot) return FacetAliases(db, schema::kPerson, Names::people);
  if (slot == schema::kOrganizationSlot) {
    return FacetAliases(db, schema::kOrganization, Names::organizations);
  }
  return std::nullopt;
}

std::string_view FacetAliases::canonical(std::string_view value) const {
  const auto found = canonical_.find(value);
  return found == canonical_.end() ? value : std::string_view(found->second);
}

std::vector<std::string> FacetAliases::group(std::string_view value) const {
  const std::string_view name = canonical(value);
  std::vector<std::string> values{std::string(name)};
  if (const auto found = folded_into_.find(name); found != folded_into_.end()) {
    values.insert(values.end(), found->second.begin(), found->second.end());
  }
  return values;
}

std::vector<std::string> FacetAliases::named(std::string_view text) const {
  const std::string key = key_of(text, names_);
  std::vector<std::string> values;
  if (const auto found = by_key_.find(key); found != by_key_.end()) values = group(found->second);
  if (const auto found = bearers_.find(key); found != bearers_.end()) {
    for (const std::string& name : found->second) {
      for (std::string& value : group(name)) values.push_back(std::move(value));
    }
  }
  return values;
}

}  // namespace newsdex
