// SPDX-License-Identifier: GPL-3.0-or-later
#include "indexer/file_tracking_writer.h"

#include <algorithm>

namespace newsdex {
namespace {

bool is_under(const std::string& path, const std::string& root) {
  if (!path.starts_with(root)) return false;
  return path.size() == root.size() || root.ends_with('/') || path[root.size()] == '/';
}

}  // namespace

FileTrackingWriter::FileTrackingWriter(DocumentSink& sink,
                                       const std::map<std::string, KnownFile>& known,
                                       IndexReport& report)
    : sink_(sink),
      registry_(sink.records()),
      known_(known),
      report_(report),
      remember_written_(!known.empty()) {}

void FileTrackingWriter::begin_file(const std::string& path, const FileStamp& stamp) {
  current_ = SourceFileRecord{.path = path, .stamp = stamp, .article_ids = {}};
  found_.insert(path);
}

void FileTrackingWriter::write(BuiltDocument built, const std::string& id) {
  if (sink_.write(std::move(built)) == AddResult::added) {
    ++report_.added;
  } else {
    ++report_.replaced;
  }
  ++uncommitted_;
  if (current_) current_->article_ids.push_back(id);
  if (remember_written_) written_.insert(id);
}

void FileTrackingWriter::end_file() {
  if (!current_) return;
  if (const std::optional<SourceFileRecord> previous = registry_.find(current_->path)) {
    const std::unordered_set<std::string> kept(current_->article_ids.begin(),
                                               current_->article_ids.end());
    remove_articles(previous->article_ids, kept);
  }
  registry_.save(*current_);
  current_.reset();
}

void FileTrackingWriter::unchanged_file(const std::string& path, const FileStamp& stamp) {
  found_.insert(path);
  const auto known = known_.find(path);
  if (known == known_.end()) return;
  report_.unchanged += known->second.articles;
  // Touched but not changed: record the new time so the next run need not hash it again.
  if (known->second.stamp.same_metadata(stamp)) return;
  if (std::optional<SourceFileRecord> record = registry_.find(path)) {
    record->stamp = stamp;
    registry_.save(*record);
  }
}

void FileTrackingWriter::prune(const std::vector<std::string>& roots) {
  for (const auto& [path, known] : known_) {
    if (found_.contains(path)) continue;
    // Clang 14 (the fuzzing compiler) cannot capture a structured binding, as C++20 allows.
    const std::string& file = path;
    const bool under_roots = std::any_of(roots.begin(), roots.end(),
                                         [&](const auto& root) { return is_under(file, root); });
    if (!under_roots) continue;
    if (const std::optional<SourceFileRecord> record = registry_.find(path)) {
      remove_articles(record->article_ids, {});
    }
    registry_.forget(path);
  }
}

void FileTrackingWriter::commit() {
  sink_.commit();
  uncommitted_ = 0;
}

void FileTrackingWriter::remove_articles(const std::vector<std::string>& ids,
                                         const std::unordered_set<std::string>& kept) {
  for (const std::string& id : ids) {
    if (kept.contains(id) || written_.contains(id)) continue;
    if (sink_.remove(id)) ++report_.removed;
  }
}

}  // namespace newsdex
