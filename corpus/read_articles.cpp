// SPDX-License-Identifier: GPL-3.0-or-later
#include <fmt/format.h>

#include <exception>
#include <optional>
#include <string>
#include <utility>

#include "corpus/archive_walker.h"
#include "corpus/format.h"
#include "corpus/html_reader.h"
#include "corpus/jsonl_reader.h"
#include "corpus/read_context.h"
#include "corpus/sgml_reader.h"
#include "corpus/strings.h"
#include "corpus/text_reader.h"
#include "corpus/utf8.h"
#include "newsdex/reader.h"

namespace newsdex {
namespace {

// Carries an exception thrown by a user callback through the readers. It deliberately does not
// derive from std::exception: readers turn their own std::exceptions into issues for the file at
// hand, and must not swallow the caller's.
struct CallbackFailure {
  std::exception_ptr error;
};

// Runs a user callback, carrying what it throws past the readers' own error handling.
template <typename Callback>
auto call(Callback&& callback) {
  try {
    return callback();
  } catch (...) {
    throw CallbackFailure{std::current_exception()};
  }
}

class ArticleReader final : public detail::FileSink, public detail::RecordSink {
 public:
  ArticleReader(const ReadOptions& options, const ReadCallbacks& callbacks)
      : options_(options), callbacks_(callbacks) {}

  const ReadSummary& summary() const { return summary_; }

  void file(const detail::FileInput& input, std::string_view name) override {
    ++summary_.files;
    summary_.bytes += input.bytes.size();
    try {
      read(input, name);
    } catch (const std::exception& e) {
      issue(
          ReadIssue{.severity = ReadIssue::Severity::error,
                    .file = input.source_path,
                    .record = 0,
                    .message = fmt::format("internal error, rest of file skipped: {}", e.what())});
    }
    if (callbacks_.on_progress) call([&] { callbacks_.on_progress(summary_.bytes); });
  }

  void passed_over() { ++summary_.passed_over; }

  void issue(ReadIssue&& issue) override {
    ++(issue.severity == ReadIssue::Severity::error ? summary_.errors : summary_.warnings);
    if (callbacks_.on_issue) call([&] { callbacks_.on_issue(issue); });
  }

  void article(Article&& article) override {
    ++summary_.articles;
    if (callbacks_.on_article) call([&] { callbacks_.on_article(std::move(article)); });
  }

 private:
  void read(const detail::FileInput& raw, std::string_view name) {
    detail::FileInput input = raw;
    std::string converted;
    // UTF-16 text (as some Windows tools save it) is valid input, not something to repair.
    if (raw.bytes.starts_with("\xFF\xFE") || raw.bytes.starts_with("\xFE\xFF")) {
      if (std::optional<std::string> utf8 = detail::convert_to_utf8(
              raw.bytes.substr(2), raw.bytes.starts_with("\xFF\xFE") ? "UTF-16LE" : "UTF-16BE")) {
        converted = std::move(*utf8);
        input.bytes = converted;
      }
    }
    if (detail::trim(detail::strip_utf8_bom(input.bytes)).empty()) {
      issue(ReadIssue{.severity = ReadIssue::Severity::warning,
                      .file = input.source_path,
                      .record = 0,
                      .message = "empty file, skipped"});
      return;
    }
    std::optional<Format> format = options_.format;
    if (format == Format::automatic) format = detail::detect_format(name, input.bytes);
    if (!format) {
      issue(ReadIssue{.severity = ReadIssue::Severity::error,
                      .file = input.source_path,
                      .record = 0,
                      .message = "not a recognised article format, skipped"});
      return;
    }
    // The archive reader has reported the damage; half a story would be indexed as if whole.
    if (input.truncated && (*format == Format::text || *format == Format::html)) return;
    const detail::ReadContext context{.input = input, .options = options_, .sink = *this};
    switch (*format) {
      case Format::text:
        detail::read_text(context);
        break;
      case Format::jsonl:
        detail::read_jsonl(context);
        break;
      case Format::sgml:
        detail::read_sgml(context);
        break;
      case Format::html:
        detail::read_html(context);
        break;
      case Format::automatic:
        break;
    }
  }

  const ReadOptions& options_;
  const ReadCallbacks& callbacks_;
  ReadSummary summary_;
};

}  // namespace

ReadSummary read_articles(const std::vector<std::string>& paths, const ReadOptions& options,
                          const ReadCallbacks& callbacks) {
  ArticleReader reader(options, callbacks);
  try {
    detail::find_files(
        paths,
        [&](const detail::FoundFile& file) {
          const SourceFile source{.path = file.display, .file = file.path};
          if (callbacks.on_file_start && !call([&] { return callbacks.on_file_start(source); })) {
            return;
          }
          try {
            detail::read_found_file(file, options, reader);
          } catch (const std::exception& e) {
            // Out of memory for a huge member, say: that file is lost, the others are not.
            reader.issue(ReadIssue{.severity = ReadIssue::Severity::error,
                                   .file = file.display,
                                   .record = 0,
                                   .message = fmt::format("cannot read: {}", e.what())});
          }
          if (callbacks.on_file_end) call([&] { callbacks.on_file_end(source); });
        },
        [&](const detail::FoundFile&) { reader.passed_over(); },
        [&](ReadIssue&& issue) { reader.issue(std::move(issue)); });
  } catch (const CallbackFailure& failure) {
    std::rethrow_exception(failure.error);
  }
  return reader.summary();
}

std::uint64_t total_input_bytes(const std::vector<std::string>& paths) {
  std::uint64_t total = 0;
  detail::find_files(
      paths,
      [&](const detail::FoundFile& file) {
        std::error_code ec;
        const std::uintmax_t size = std::filesystem::file_size(file.path, ec);
        if (!ec) total += size;
      },
      [](const detail::FoundFile&) {}, [](ReadIssue&&) {});
  return total;
}

}  // namespace newsdex
