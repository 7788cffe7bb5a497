// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/person_aliases.h"

#include <utility>

#include "analyzers/text_scanner.h"
#include "indexer/schema.h"

namespace newsdex {

namespace {

// A surname stands for a full name in at least this many articles ...
constexpr Xapian::doccount kFewestArticles = 3;
// ... and in at least this share (tenths) of the articles naming someone of that surname.
constexpr Xapian::doccount kShareInTenths = 9;

}  // namespace

PersonAliases::PersonAliases(const Xapian::Database& db) {
  // The values that fold alike (`REAGAN` of an upper-case headline, `Reagan`), and the
  // commonest of them, which stands for them all.
  struct Spellings {
    Xapian::doccount articles = 0;  // summed over the spellings
    Xapian::doccount most = 0;
    std::string commonest;
    std::vector<std::string> all;
  };
  std::map<std::string, Spellings> by_key;
  const std::string prefix(schema::kPerson);
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    std::string value = (*it).substr(prefix.size());
    Spellings& spellings = by_key[detail::fold_key(value)];
    spellings.articles += it.get_termfreq();
    if (it.get_termfreq() > spellings.most) {
      spellings.most = it.get_termfreq();
      spellings.commonest = value;
    }
    spellings.all.push_back(std::move(value));
  }
  // The full names by their last word, and the commonest of those.
  struct Named {
    Xapian::doccount all = 0;
    Xapian::doccount most = 0;
    const std::string* name = nullptr;
  };
  std::map<std::string_view, Named> in_full;
  for (const auto& [key, spellings] : by_key) {
    const std::size_t space = key.rfind(' ');
    if (space == std::string::npos) continue;
    Named& named = in_full[std::string_view(key).substr(space + 1)];
    named.all += spellings.articles;
    if (spellings.articles > named.most) {
      named.most = spellings.articles;
      named.name = &spellings.commonest;
    }
  }
  for (const auto& [key, spellings] : by_key) {
    const std::string* name = &spellings.commonest;
    if (key.find(' ') == std::string::npos) {
      const auto found = in_full.find(key);
      if (found != in_full.end() && found->second.most >= kFewestArticles &&
          found->second.most * 10 >= found->second.all * kShareInTenths) {
        name = found->second.name;
      }
    }
    for (const std::string& spelling : spellings.all) {
      if (spelling == *name) continue;
      canonical_.emplace(spelling, *name);
      folded_into_[*name].push_back(spelling);
    }
  }
}

std::string_view PersonAliases::canonical(std::string_view value) const {
  const auto found = canonical_.find(value);
  return found == canonical_.end() ? value : std::string_view(found->second);
}

std::vector<std::string> PersonAliases::group(std::string_view value) const {
  const std::string_view name = canonical(value);
  std::vector<std::string> values{std::string(name)};
  if (const auto found = folded_into_.find(name); found != folded_into_.end()) {
    values.insert(values.end(), found->second.begin(), found->second.end());
  }
  return values;
}

}  // namespace newsdex
