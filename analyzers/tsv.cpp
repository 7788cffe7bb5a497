// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzers/tsv.h"

#include <fmt/format.h>

#include <algorithm>

#include "newsdex/error.h"

namespace newsdex::detail {

namespace {

// The next line of `text` from `pos` (without its '\n'); `pos` moves past it.
std::string_view next_line(std::string_view text, std::size_t& pos) {
  const std::size_t end = std::min(text.find('\n', pos), text.size());
  std::string_view line = text.substr(pos, end - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  pos = end + 1;
  return line;
}

void split_fields(std::string_view line, std::vector<std::string_view>& fields) {
  fields.clear();
  for (;;) {
    const std::size_t tab = line.find('\t');
    fields.push_back(line.substr(0, tab));
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
}

}  // namespace

TsvTable::TsvTable(std::string_view text, std::initializer_list<std::string_view> columns,
                   std::string_view table) {
  std::size_t pos = 0;
  std::string_view header;
  while (pos < text.size()) {
    header = next_line(text, pos);
    if (!header.empty() && header.front() != '#') break;
  }
  std::vector<std::string_view> names;
  split_fields(header, names);
  for (const std::string_view column : columns) {
    const auto it = std::find(names.begin(), names.end(), column);
    if (it == names.end()) {
      throw Error(ErrorCode::internal,
                  fmt::format("the {} table has no column '{}'", table, column));
    }
    positions_.push_back(static_cast<std::size_t>(it - names.begin()));
  }
  body_ = text.substr(std::min(pos, text.size()));
}

void TsvTable::for_each(const std::function<void(const Row&)>& visit) const {
  std::vector<std::string_view> fields;
  std::vector<std::string_view> row(positions_.size());
  for (std::size_t pos = 0; pos < body_.size();) {
    const std::string_view line = next_line(body_, pos);
    if (line.empty() || line.front() == '#') continue;
    split_fields(line, fields);
    for (std::size_t i = 0; i < positions_.size(); ++i) {
      row[i] = positions_[i] < fields.size() ? fields[positions_[i]] : std::string_view();
    }
    visit(row);
  }
}

std::vector<std::string_view> split_list(std::string_view field) {
  std::vector<std::string_view> items;
  while (!field.empty()) {
    const std::size_t comma = field.find(',');
    std::string_view item = field.substr(0, comma);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) items.push_back(item);
    if (comma == std::string_view::npos) break;
    field.remove_prefix(comma + 1);
  }
  return items;
}

}  // namespace newsdex::detail
