// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace newsdex {

/// What identifies one version of a source file: its size and modification time, which are
/// cheap to read, and a hash of its content, which settles it when those differ.
struct FileStamp {
  std::uint64_t size = 0;
  std::int64_t modified_ns = 0;  ///< modification time, nanoseconds since the file clock's epoch
  std::uint64_t content_hash = 0;

  /// Size and modification time match (the hash is not compared).
  bool same_metadata(const FileStamp& other) const noexcept {
    return size == other.size && modified_ns == other.modified_ns;
  }
};

/// The size and modification time of `file`, with no hash; `std::nullopt` if it cannot be
/// read.
std::optional<FileStamp> stat_file(const std::filesystem::path& file);

/// 64-bit FNV-1a of the content of `file`, read in blocks; `std::nullopt` if it cannot be read.
/// FNV-1a rather than a faster hash such as XXH3 because Debian's libxxhash-dev is not among
/// the project's dependencies; it hashes about 1 GB/s, a few percent of the cost of indexing.
std::optional<std::uint64_t> hash_file(const std::filesystem::path& file);

/// The form in which source files are recorded and compared: absolute, with symbolic links
/// resolved, so that `dir`, `./dir` and `/abs/dir` name the same files.
std::string source_file_key(const std::filesystem::path& file);

/// A source file as the database last indexed it.
struct SourceFileRecord {
  std::string path;  ///< `source_file_key` of the file
  FileStamp stamp;
  std::vector<std::string> article_ids;  ///< ids of the articles it produced, in file order
};

/// What the reading thread needs to know of a recorded file.
struct KnownFile {
  FileStamp stamp;
  std::uint64_t articles = 0;  ///< how many articles it produced
};

/// The source files a database has indexed, kept in its metadata under `file:` keys (see
/// docs/SCHEMA.md), so that they commit atomically with the articles they describe.
class SourceFileRegistry {
 public:
  explicit SourceFileRegistry(Xapian::WritableDatabase& db) : db_(db) {}

  /// Every recorded file, by path: loaded once so that the reading thread can compare files
  /// with them without touching the database.
  std::map<std::string, KnownFile> known_files() const;
  std::optional<SourceFileRecord> find(const std::string& path) const;
  /// Records `record`, replacing any earlier record of its path; takes effect at the next
  /// commit.
  void save(const SourceFileRecord& record);
  void forget(const std::string& path);

 private:
  Xapian::WritableDatabase& db_;
};

}  // namespace newsdex
