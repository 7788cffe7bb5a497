// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <compare>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace newsdex {

/// How much of a `CivilDate` is known.
enum class DatePrecision { year, month, day };

/// A proleptic Gregorian calendar date as a source states it, at day, month or year precision.
///
/// `day == 0` means month precision; `month == 0` (and `day == 0`) year precision. No time zone
/// is implied: it is the civil date written in the source, not converted to UTC. Ordering is
/// field by field, so a month-precision date sorts before every day of its month.
struct CivilDate {
  int year = 0;
  unsigned month = 0;  ///< 1–12, or 0 at year precision
  unsigned day = 0;    ///< 1–31, or 0 at month or year precision

  DatePrecision precision() const;
  /// Whether the fields name a real date: `2022-02-30` does not (checked with `std::chrono`).
  bool ok() const;
  /// `"2022-09-07"`, `"2022-09"` or `"2022"`, by precision.
  std::string iso() const;
  /// `"20220907"`, the sortable value form. At coarser precision the unknown fields are written
  /// as zeros (`"20220900"`, `"20220000"`) so that values still sort before the days they cover.
  std::string compact() const;

  auto operator<=>(const CivilDate&) const = default;
};

/// How to read an all-numeric date whose first two fields could both be the day (`07/09/2022`).
enum class NumericOrder {
  day_first,         ///< 7 September 2022: most of the world
  month_first,       ///< 9 July 2022: United States sources
  unambiguous_only,  ///< reject it; accept only when one field is above 12 (`13/09/2022`)
};

/// What the date parsers know about the text they read. Cheap to copy; build one per article.
struct DateContext {
  /// Language of the text (`"en"`, `"de-AT"`); selects the month and weekday names. English names
  /// are always understood too, and non-Latin-script names (Arabic, Cyrillic, Greek, Hebrew) in
  /// every language. Unknown languages read as English.
  std::string language = "en";
  /// The record's own date (or the archive's): a year-less date takes the year that puts it
  /// nearest to this one, so "Dec 30" read against 1988-01-02 is 1987-12-30. A month-precision
  /// reference counts as the middle of its month; a year-precision one gives its year as is.
  std::optional<CivilDate> reference;
  /// How to read `07/09/2022`. Dotted dates (`07.09.2022`) are always day first.
  NumericOrder numeric_order = NumericOrder::day_first;
};

/// Parses a whole date field: a record's `DATE`, a `<meta>` or JSON `published` value.
///
/// Understands ISO 8601 (`2022-09-07T10:00:00Z`, `2022-09`), compact `20220907`, RFC 2822
/// (`Wed, 07 Sep 2022 10:00:00 +0000`), the Reuters-21578 form `26-FEB-1987 15:01:01.79`,
/// written dates in either order with optional weekday, ordinal and abbreviation (`07 Sept 2022`,
/// `Sept. 7, 2022`, `September 7th, 2022`, `7. September 2022`, `7 de septiembre de 2022`),
/// CJK `2022年9月7日`, numeric `07/09/2022` and `07.09.2022` (see `NumericOrder`), `September
/// 2022` and a bare year. The date must open the field; what follows a day-precision date (a
/// time, a zone, Reuters' `&#9;&#9;F` tails) is ignored. Returns the civil date as written, in
/// the source's own time zone; nullopt when the text is not a date or names an impossible one
/// (`30 Feb 2022`, `September 31, 2022`), or is year-less without `ctx.reference`. Never guesses.
///
/// Thread-safe. The first call in a process builds the name tables from ICU (a few
/// milliseconds); it throws `newsdex::Error` if ICU's data is unusable, never for bad input.
///
///     parse_date("26-FEB-1987 15:01:01.79", {})->iso();  // "1987-02-26"
std::optional<CivilDate> parse_date(std::string_view text, const DateContext& ctx);

/// A date found by `find_date`.
struct DateMatch {
  CivilDate date;
  std::size_t start = 0;     ///< byte offset of the date's first character in the text
  std::size_t end = 0;       ///< byte offset one past its last character
  bool year_stated = false;  ///< false when the year came from `DateContext::reference`
};

/// The first date written anywhere in `text`: in datelines, file names and URLs (`/2022/09/07/`,
/// `2022-09-07-slug.html`, `story_20220907`) and running text.
///
/// Recognises the forms `parse_date` does except a bare year, and only where the date stands
/// alone: digits glued to it (`3.5`, `1,000`, `ID20220907`) or a range (`7–9 September`) are not
/// dates. Year-less dates (`March 3`, `Feb 26`, `15 July`) are resolved against
/// `ctx.reference` and skipped without one; impossible dates are skipped too. This finds a date,
/// not the publication date: an event date in a story's first paragraph matches like any other,
/// so callers choose where to look (restrict `start`, pass only a prefix). Thread-safe.
std::optional<DateMatch> find_date(std::string_view text, const DateContext& ctx);

namespace detail {

/// A date written at the very start of some text (after white space).
struct LeadingDate {
  /// Empty when the date is impossible, or year-less without a reference.
  std::optional<CivilDate> date;
  std::size_t end = 0;  ///< bytes the date occupies, from the start of the text
};

/// The date that opens `text`, if one does: the dateline parser consumes a date's text even
/// when it cannot resolve it, which `find_date` does not offer.
std::optional<LeadingDate> match_leading_date(std::string_view text, const DateContext& ctx);

/// One decoded code point; invalid UTF-8 decodes as U+FFFD one byte long.
struct CodePoint {
  char32_t value;
  std::size_t size;
};
CodePoint decode_utf8(std::string_view text, std::size_t pos);

/// Spaces of every script plus the invisible marks that sit between words (bidi marks, BOM).
bool is_space(char32_t c);
/// Letters of any script (ASCII fast path; ICU's alphabetic property otherwise).
bool is_letter(char32_t c);
/// Letters, combining marks and the zero-width (non-)joiners that continue a Persian word.
bool is_word_char(char32_t c);
/// Hyphen-minus and the Unicode dashes a dateline may end with (`–`, `—`, `―`, fullwidth).
bool is_dash(char32_t c);

}  // namespace detail
}  // namespace newsdex
