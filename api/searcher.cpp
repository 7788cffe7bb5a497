// SPDX-License-Identifier: GPL-3.0-or-later
#include "newsdex/search.h"

#include "api/translate_errors.h"
#include "searcher/search_engine.h"

namespace newsdex {

namespace {

// A writer's commit can invalidate blocks a reader is using (DatabaseModifiedError); the
// remedy is to reopen at the new revision and run the request again.
constexpr int kModifiedRetries = 5;

}  // namespace

struct Searcher::Impl {
  explicit Impl(const std::string& path) : path(path), engine(path) {}

  template <typename Action>
  auto run(Action&& action) -> decltype(action()) {
    return detail::translate_errors(path, [&] {
      for (int attempt = 1;; ++attempt) {
        try {
          return action();
        } catch (const Xapian::DatabaseModifiedError&) {
          if (attempt == kModifiedRetries) throw;
          engine.reopen();
        }
      }
    });
  }

  std::string path;
  SearchEngine engine;
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;
Searcher::~Searcher() = default;

Searcher Searcher::open(const std::string& path) {
  return detail::translate_errors(path, [&] { return Searcher(std::make_unique<Impl>(path)); });
}

SearchResults Searcher::search(const SearchRequest& request) const {
  return impl_->run([&] { return impl_->engine.search(request); });
}

SearchResults Searcher::similar(const SimilarRequest& request) const {
  return impl_->run([&] { return impl_->engine.similar(request); });
}

std::optional<Article> Searcher::get(std::string_view id) const {
  return impl_->run([&] { return impl_->engine.get(id); });
}

void Searcher::reopen() {
  impl_->run([&] { impl_->engine.reopen(); });
}

IndexStats Searcher::stats() const {
  return impl_->run([&] { return impl_->engine.stats(); });
}

}  // namespace newsdex
