// SPDX-License-Identifier: GPL-3.0-or-later
#include "indexer/source_files.h"

#include "analyzers/fnv1a.h"

#include <fmt/format.h>

#include <array>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string_view>
#include <system_error>

namespace newsdex {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kKeyPrefix = "file:";
// Glass keeps metadata keys in B-tree keys of at most 245 bytes; a longer path is keyed by its
// hash (its record holds the path itself).
constexpr std::size_t kMaxKeyBytes = 200;



std::string metadata_key(const std::string& path) {
  std::string key = std::string(kKeyPrefix) + path;
  if (key.size() <= kMaxKeyBytes) return key;
  return fmt::format("{}#{:016x}", kKeyPrefix, fnv1a(path));
}

std::string encode(const SourceFileRecord& record) {
  const nlohmann::json json = {
      {"path", record.path},
      {"size", record.stamp.size},
      {"modified_ns", record.stamp.modified_ns},
      {"hash", fmt::format("{:016x}", record.stamp.content_hash)},
      {"ids", record.article_ids},
  };
  return json.dump();
}

SourceFileRecord decode(const std::string& data) {
  const nlohmann::json json = nlohmann::json::parse(data);
  SourceFileRecord record;
  record.path = json.at("path").get<std::string>();
  record.stamp.size = json.at("size").get<std::uint64_t>();
  record.stamp.modified_ns = json.at("modified_ns").get<std::int64_t>();
  record.stamp.content_hash = std::stoull(json.at("hash").get<std::string>(), nullptr, 16);
  record.article_ids = json.at("ids").get<std::vector<std::string>>();
  return record;
}

}  // namespace

std::optional<FileStamp> stat_file(const fs::path& file) {
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(file, ec);
  if (ec) return std::nullopt;
  const fs::file_time_type modified = fs::last_write_time(file, ec);
  if (ec) return std::nullopt;
  return FileStamp{
      .size = size,
      .modified_ns =
          std::chrono::duration_cast<std::chrono::nanoseconds>(modified.time_since_epoch()).count(),
      .content_hash = 0};
}

std::optional<std::uint64_t> hash_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::array<char, 1 << 16> block;
  std::uint64_t hash = kFnv1aOffset;
  while (in.read(block.data(), block.size()) || in.gcount() > 0) {
    hash = fnv1a(std::string_view(block.data(), static_cast<std::size_t>(in.gcount())), hash);
  }
  if (in.bad()) return std::nullopt;
  return hash;
}

std::string source_file_key(const fs::path& file) {
  std::error_code ec;
  fs::path resolved = fs::weakly_canonical(fs::absolute(file, ec), ec);
  if (ec) resolved = fs::absolute(file, ec).lexically_normal();
  return resolved.generic_string();
}

std::map<std::string, KnownFile> SourceFileRegistry::known_files() const {
  std::map<std::string, KnownFile> known;
  const std::string prefix(kKeyPrefix);
  for (auto it = db_.metadata_keys_begin(prefix); it != db_.metadata_keys_end(prefix); ++it) {
    SourceFileRecord record = decode(db_.get_metadata(*it));
    known.emplace(std::move(record.path),
                  KnownFile{.stamp = record.stamp, .articles = record.article_ids.size()});
  }
  return known;
}

std::optional<SourceFileRecord> SourceFileRegistry::find(const std::string& path) const {
  const std::string data = db_.get_metadata(metadata_key(path));
  if (data.empty()) return std::nullopt;
  return decode(data);
}

void SourceFileRegistry::save(const SourceFileRecord& record) {
  db_.set_metadata(metadata_key(record.path), encode(record));
}

void SourceFileRegistry::forget(const std::string& path) {
  // Xapian deletes a metadata entry by setting it empty.
  db_.set_metadata(metadata_key(path), std::string());
}

}  // namespace newsdex
