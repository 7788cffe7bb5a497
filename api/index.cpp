// SPDX-License-Identifier: GPL-3.0-or-later
#include "newsdex/index.h"

#include <fmt/format.h>

#include "api/translate_errors.h"
#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "indexer/pipeline.h"

namespace newsdex {

struct Index::Impl {
  Impl(const std::string& path, IndexWriter::Mode mode) : writer(path, mode) {}
  IndexWriter writer;
  DocumentBuilder builder;
};

double IndexReport::articles_per_second() const noexcept {
  return seconds > 0 ? static_cast<double>(added + replaced) / seconds : 0;
}

Index::Index(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Index::Index(Index&&) noexcept = default;
Index& Index::operator=(Index&&) noexcept = default;

Index::~Index() {
  if (!impl_) return;
  try {
    impl_->writer.commit();
  } catch (...) {
    // A destructor must not throw; callers who need to know call commit() first.
  }
}

Index Index::create(const std::string& path) {
  return detail::translate_errors(path, [&] {
    return Index(std::make_unique<Impl>(path, IndexWriter::Mode::create_or_open));
  });
}

Index Index::open(const std::string& path) {
  return detail::translate_errors(path, [&] {
    return Index(std::make_unique<Impl>(path, IndexWriter::Mode::open_existing));
  });
}

AddResult Index::add(const Article& article) {
  if (article.id.empty()) {
    throw Error(ErrorCode::invalid_argument, "an article needs an id to be indexed",
                article.headline);
  }
  return detail::translate_errors(article.id, [&] {
    return impl_->writer.write(impl_->builder.build(article));
  });
}

IndexReport Index::add_paths(const std::vector<std::string>& paths, const IndexOptions& options) {
  return detail::translate_errors(impl_->writer.path(),
                                  [&] { return index_paths(impl_->writer, paths, options); });
}

bool Index::remove(std::string_view id) {
  return detail::translate_errors(std::string(id), [&] { return impl_->writer.remove(id); });
}

void Index::commit() {
  detail::translate_errors(impl_->writer.path(), [&] { impl_->writer.commit(); });
}

std::uint64_t Index::size() const {
  return detail::translate_errors(impl_->writer.path(), [&] { return impl_->writer.size(); });
}

const std::string& Index::path() const noexcept { return impl_->writer.path(); }

}  // namespace newsdex
