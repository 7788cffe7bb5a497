// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

/// Who a lone surname in the person facet stands for, across the archive. The extractor names a
/// person in full when the article does (`Ronald Reagan`), and by the surname alone when the
/// article never gives the rest (`President Reagan said`): on Reuters-21578 the person facet
/// held `Reagan` in 339 articles beside `Ronald Reagan` in 24. A surname is folded into the full
/// name that ends with it when that name is in at least three articles and in nine of ten of
/// those naming someone of that surname in full (`Reagan` → `Ronald Reagan`, 24 of 26, the
/// other two `Nancy Reagan`); otherwise it stays as it is (`Baker`: `James Baker` 55, `Howard
/// Baker` 19). Spellings of one name that fold alike (`REAGAN` in an upper-case headline) are
/// folded into the commonest. Facets count a name and the values folded into it as one value,
/// and filters on any of them find all. Built from the person terms of a database; immutable.
class PersonAliases {
 public:
  explicit PersonAliases(const Xapian::Database& db);

  /// The value `value` is folded into (a full name, or the commonest spelling), or `value`.
  std::string_view canonical(std::string_view value) const;

  /// The person values counted as `value`: the one it is folded into, and every value folded
  /// into that.
  std::vector<std::string> group(std::string_view value) const;

 private:
  /// A value folded into another → that one.
  std::map<std::string, std::string, std::less<>> canonical_;
  /// A value → the values folded into it.
  std::map<std::string, std::vector<std::string>, std::less<>> folded_into_;
};

}  // namespace newsdex
