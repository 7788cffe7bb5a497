// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace newsdex {

/// What kind of failure an `Error` reports.
enum class ErrorCode {
  invalid_argument,  ///< a request or option that cannot be honoured
  invalid_query,     ///< the query text is malformed; `context()` names the position
  not_found,         ///< no such database, article or path
  locked,            ///< another writer holds the database
  version_mismatch,  ///< the database was built by an incompatible schema or analyzer
  corrupt,           ///< the database is damaged
  io,                ///< reading or writing the file system failed (permissions, full disk)
  internal,          ///< anything else; a bug worth reporting
};

/// `"invalid_query"`, `"locked"`, … : the code's name.
std::string_view to_string(ErrorCode code) noexcept;

/// The one exception type the public API throws.
///
/// `what()` is a complete message for a person ("database /x is locked by another writer");
/// `context()` is what it concerns (a path, an article id, a query with its position).
class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message, std::string context = {})
      : std::runtime_error(message), code_(code), context_(std::move(context)) {}

  ErrorCode code() const noexcept { return code_; }
  const std::string& context() const noexcept { return context_; }

 private:
  ErrorCode code_;
  std::string context_;
};

}  // namespace newsdex
