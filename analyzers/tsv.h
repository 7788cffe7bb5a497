// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <initializer_list>
#include <span>
#include <string_view>
#include <vector>

namespace newsdex::detail {

/// A tab-separated table as data/ writes them: `#` comment lines, one header line, then rows of
/// UTF-8 fields without quoting. The text must outlive the table.
class TsvTable {
 public:
  /// The fields of one row, in the order the columns were asked for.
  using Row = std::span<const std::string_view>;

  /// Finds `columns` in the header of `text`. Throws `Error` (`internal`) naming `table` when
  /// one is missing: the tables are compiled in, so that is a build mistake.
  TsvTable(std::string_view text, std::initializer_list<std::string_view> columns,
           std::string_view table);

  /// Calls `visit` for each row; missing trailing fields read as empty.
  void for_each(const std::function<void(const Row&)>& visit) const;

 private:
  std::string_view body_;
  std::vector<std::size_t> positions_;  // of the asked-for columns in a row
};

/// The items of a comma-separated field, spaces around them trimmed, empty ones dropped:
/// `"RU, UA,BY"` → `RU`, `UA`, `BY`.
std::vector<std::string_view> split_list(std::string_view field);

}  // namespace newsdex::detail
