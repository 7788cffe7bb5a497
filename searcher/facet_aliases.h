// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <xapian.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

/// The values of a name facet that stand for one person or organisation, across the archive,
/// so that they are counted and filtered as one value: the commonest of them.
///
/// - **Spellings**: values that fold alike count as the commonest (`REAGAN`, from an
///   upper-case headline, as `Reagan`); an organisation's legal forms, the `and` before them,
///   its points and commas do not count (`Salomon Brothers` as `Salomon Brothers Inc`, the
///   commoner on Reuters-21578; `Siemens A.G.` as `Siemens AG`; `Goldman, Sachs and Co` and
///   `Goldman Sachs` as one).
/// - **Surnames**: the extractor names a person in full only when the article does, and by the
///   surname alone when it never gives the rest (`President Reagan said`): on Reuters-21578
///   the person facet held `Reagan` in 339 articles beside `Ronald Reagan` in 24. A lone
///   surname counts as the full name that ends with it when that name is in at least three
///   articles and in nine of ten of those naming someone of that surname in full (`Reagan` as
///   `Ronald Reagan`, 24 of 26, the other two `Nancy Reagan`); otherwise it stays as it is
///   (`Baker`: `James Baker` 55, `Howard Baker` 19). Typed as a filter, a surname finds the
///   name it counts as even where no article gives the surname alone (`person:yeutter`), and
///   one that counts as no one name finds every full name ending with it and itself
///   (`person:baker`: `James Baker`, `Howard Baker`, `Baker`).
///
/// Built from a facet's terms; immutable.
class FacetAliases {
 public:
  enum class Names { people, organizations };

  /// The aliases of the facet whose terms start with `term_prefix`, naming `names`.
  FacetAliases(const Xapian::Database& db, std::string_view term_prefix, Names names);

  /// The aliases of the facet in `slot`, if its values are names: people or organisations.
  static std::optional<FacetAliases> of_slot(const Xapian::Database& db, Xapian::valueno slot);

  /// The value `value` counts as, or `value` itself.
  std::string_view canonical(std::string_view value) const;

  /// The values counted as `value`: the one it counts as, and every value counted as that.
  std::vector<std::string> group(std::string_view value) const;

  /// The values a reader means by `text`, typed in any case, for an organisation with or
  /// without its legal form (`texas air` finds `Texas Air Corp`): a `group`, the groups of
  /// the full names a surname several people share ends (see above), or none.
  std::vector<std::string> named(std::string_view text) const;

 private:
  Names names_;
  /// The key of a group of values → the value they count as.
  std::map<std::string, std::string, std::less<>> by_key_;
  /// A value counted as another → that one.
  std::map<std::string, std::string, std::less<>> canonical_;
  /// A value → the other values counted as it.
  std::map<std::string, std::vector<std::string>, std::less<>> folded_into_;
  /// A surname that counts as no one full name → the full names ending with it.
  std::map<std::string, std::vector<std::string>, std::less<>> bearers_;
};

}  // namespace newsdex
