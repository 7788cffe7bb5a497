// SPDX-License-Identifier: GPL-3.0-or-later
#include "corpus/read_context.h"

#include <fmt/format.h>

#include <utility>

namespace newsdex {

std::string ReadIssue::describe() const {
  const std::string_view kind = severity == Severity::warning ? "warning" : "error";
  if (record == 0) return fmt::format("{}: {}: {}", file, kind, message);
  return fmt::format("{}:{}: {}: {}", file, record, kind, message);
}

namespace detail {

void ReadContext::emit(Article&& article) const {
  article.source_path = input.source_path;
  sink.article(std::move(article));
}

void ReadContext::warning(std::uint64_t record, std::string message) const {
  sink.issue(ReadIssue{.severity = ReadIssue::Severity::warning,
                       .file = input.source_path,
                       .record = record,
                       .message = std::move(message)});
}

void ReadContext::error(std::uint64_t record, std::string message) const {
  sink.issue(ReadIssue{.severity = ReadIssue::Severity::error,
                       .file = input.source_path,
                       .record = record,
                       .message = std::move(message)});
}

std::string ReadContext::to_utf8(std::string_view bytes, std::uint64_t record,
                                 InvalidUtf8 mode) const {
  Utf8Repair repair = repair_utf8(bytes, mode);
  if (repair.repaired()) warning(record, repair.describe(mode));
  return std::move(repair.text);
}

bool ReadContext::too_large(std::size_t size, std::uint64_t record) const {
  if (size <= options.max_article_bytes) return false;
  error(record, fmt::format("record of {} bytes exceeds max_article_bytes ({}), skipped", size,
                            options.max_article_bytes));
  return true;
}

}  // namespace detail
}  // namespace newsdex
