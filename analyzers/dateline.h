// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/date_parser.h"

namespace newsdex {

/// The dateline that opens a news story: where it was filed, when, and by which agency.
struct Dateline {
  /// The dateline as written, without its final dash: `SALVADOR, Feb 26`.
  std::string text;
  /// The places in writing order, as written (runs of spaces collapsed): `Tirana`, `Albania`;
  /// `PORTLAND`, `Maine`; `WASHINGTON`. Not checked against a gazetteer: that is the caller's.
  std::vector<std::string> places;
  /// The date, its year taken from `DateContext::reference` when the dateline states none;
  /// empty when there is no date, it is impossible, or it is year-less without a reference.
  std::optional<CivilDate> date;
  /// The agency or paper in parentheses (or after a comma, as in Reuters' `March 9, Reuter -`):
  /// `Tirana Echo`, `Reuters`, `AP`, `dpa`. Empty when not stated.
  std::string source;
  /// Bytes of the input the dateline occupies, including leading spaces, its final dash and the
  /// spaces after it: the story's first sentence starts at this offset.
  std::size_t length = 0;
};

/// Parses a dateline at the very start of a paragraph, or returns nullopt when the paragraph
/// does not open with one.
///
/// The grammar is `PLACE ("," PLACE){0,2} [SEPARATORS] [DATE] [SOURCE] DASH`, where a PLACE is a
/// run of at most four capitalised words (lower-case joiners such as `de`, `am`, `of` inside;
/// `/` between two places), SEPARATORS are commas, dashes and `|`, DATE is any form
/// `parse_date` reads (a date opening with a number needs a separator before it, so that "The
/// 15 July cyberattack" is no dateline), SOURCE is in parentheses or slashes (`/ТАСС/`) and DASH
/// is `-`, `--`, `–`, `—` or `―`. Accepts `Tirana, Albania – | 07 Sept 2022 (Tirana Echo) –`,
/// `WASHINGTON, March 3 (Reuters) -`, `NEW YORK (AP) —`, `PORTLAND, Maine, Jan 5 -`,
/// `JOHANNESBURG March 13 -`, `BERLIN, 7. September 2022 (dpa) -`, `Wien –`,
/// `موسكو، 3 مارس 2023 (رويترز) -` and `东京，2023年5月3日（共同社）—`. The dateline must end
/// within 120 bytes. Sentences are rejected by shape: `Albania has cut ties - officials said`
/// has a lower-case word where a place or separator must be. A capitalised phrase alone before
/// a dash (`Wien –`) is a dateline by this grammar whatever it names.
///
/// Thread-safe; throws only what `parse_date` may.
///
///     parse_dateline("SALVADOR, Feb 26 - Coffee", {.reference = CivilDate{1987, 2, 26}})
///     // text "SALVADOR, Feb 26", places {"SALVADOR"}, date 1987-02-26, length 19
std::optional<Dateline> parse_dateline(std::string_view paragraph, const DateContext& ctx);

/// Parses a field its source marks as the dateline (Reuters-21578 `<DATELINE>`), leniently:
/// places may be lower-case (`omaha, april 9 -`), the field may hold only a date (`APRIL 7 -`)
/// and the final dash may be missing. Returns nullopt when the field does not have a
/// dateline's shape (`us 9.9 -`, a table row that leaked into the field).
std::optional<Dateline> parse_dateline_field(std::string_view field, const DateContext& ctx);

}  // namespace newsdex
