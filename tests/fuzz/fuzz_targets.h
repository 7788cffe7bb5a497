// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <span>
#include <stdexcept>
#include <string_view>

namespace newsdex::fuzz {

/// A broken promise found by a fuzz target: a reader that produced invalid UTF-8, a query that
/// failed with something other than `invalid_query`. Deliberately uncaught by the fuzzers, so
/// that libFuzzer reports the input; a GoogleTest that replays the input reports it as a
/// failure.
class Finding : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

/// Runs the plain-text reader over `bytes` as one file. Throws whatever the reader lets escape
/// (it promises nothing escapes), or `Finding` when an article or issue is not valid UTF-8.
void read_text(std::string_view bytes);
/// As `read_text`, for the JSON Lines reader.
void read_jsonl(std::string_view bytes);
/// As `read_text`, for the Reuters SGML reader.
void read_sgml(std::string_view bytes);
/// As `read_text`, for the HTML reader.
void read_html(std::string_view bytes);

/// Parses `bytes` as a query with `QueryBuilder` over a small in-memory database of three
/// articles (English, German, French) and runs it, then asks the spelling suggester about it.
/// A malformed query must fail with `Error` and `invalid_query`, naming the query; any other
/// exception escapes, and a wrong error code or message throws `Finding`.
void parse_query(std::string_view bytes);

/// One fuzz target: its name (the fuzzer is `<name>_fuzzer`, its kept crashing inputs are in
/// `tests/fuzz/regressions/<name>/`) and the function it calls with each input.
struct Target {
  std::string_view name;
  void (*run)(std::string_view bytes);
};

/// Every fuzz target.
std::span<const Target> targets();

}  // namespace newsdex::fuzz
