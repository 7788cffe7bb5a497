// SPDX-License-Identifier: GPL-3.0-or-later
#include "corpus/archive_walker.h"

#include <archive.h>
#include <archive_entry.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <memory>
#include <optional>
#include <set>
#include <system_error>
#include <utility>

#include "corpus/strings.h"

namespace newsdex::detail {
namespace fs = std::filesystem;
namespace {

// Deflate cannot exceed about 1032:1, bzip2 and xz reach more only on degenerate input: a ratio
// above 1000 past a few megabytes is a decompression bomb, not an archive of news.
constexpr std::uint64_t kBombRatio = 1000;
constexpr std::uint64_t kBombFloorBytes = 8u << 20;
// Archives inside archives are read from memory, to this depth.
constexpr int kMaxArchiveNesting = 2;
constexpr std::size_t kReadBlockBytes = 64 * 1024;

ReadIssue make_issue(ReadIssue::Severity severity, std::string file, std::string message) {
  return ReadIssue{
      .severity = severity, .file = std::move(file), .record = 0, .message = std::move(message)};
}

// The name of the argument itself, which ids start with: `seeds` for `/x/seeds/`, `a.txt` for
// `dir/a.txt`.
std::string root_label(const std::string& argument) {
  std::error_code ec;
  fs::path absolute = fs::absolute(argument, ec);
  if (ec) absolute = argument;
  std::string normal = absolute.lexically_normal().generic_string();
  while (normal.size() > 1 && normal.back() == '/') normal.pop_back();
  return fs::path(normal).filename().generic_string();
}

std::string child_path(const std::string& parent, const std::string& name) {
  if (parent.empty()) return name;
  return parent.back() == '/' ? parent + name : parent + "/" + name;
}

std::string_view extension_of(std::string_view name) {
  const std::size_t dot = name.rfind('.');
  return dot == std::string_view::npos || dot == 0 ? std::string_view() : name.substr(dot + 1);
}

bool is_collection_file(std::string_view name) {
  const std::string ext = lower_ascii(extension_of(name));
  return ext == "sgm" || ext == "sgml";
}

struct WalkCallbacks {
  const std::function<void(const FoundFile&)>& on_file;
  const std::function<void(const FoundFile&)>& on_passed_over;
  const std::function<void(ReadIssue&&)>& on_issue;
};

void walk_directory(const fs::path& dir, const std::string& display, const std::string& id_path,
                    std::set<fs::path>& visited, const WalkCallbacks& callbacks) {
  const auto& on_issue = callbacks.on_issue;
  std::error_code ec;
  const fs::path canonical = fs::canonical(dir, ec);
  if (ec) {
    on_issue(make_issue(ReadIssue::Severity::error, display, ec.message()));
    return;
  }
  if (!visited.insert(canonical).second) {
    on_issue(make_issue(ReadIssue::Severity::warning, display,
                        "directory already read (symbolic link loop or duplicate), skipped"));
    return;
  }
  std::vector<std::string> names;
  fs::directory_iterator it(dir, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!name.starts_with('.')) names.push_back(std::move(name));
  }
  if (ec) {
    on_issue(make_issue(ReadIssue::Severity::error, display, ec.message()));
    return;
  }
  std::sort(names.begin(), names.end());
  const bool beside_collection = std::any_of(names.begin(), names.end(), [](const std::string& n) {
    return is_collection_file(n);
  });
  for (const std::string& name : names) {
    const fs::path path = dir / name;
    const std::string child_display = child_path(display, name);
    const std::string child_id = child_path(id_path, name);
    const fs::file_status status = fs::status(path, ec);
    if (!fs::exists(status)) {
      const bool dangling = fs::is_symlink(fs::symlink_status(path, ec));
      on_issue(make_issue(ReadIssue::Severity::warning, child_display,
                          dangling ? "broken symbolic link, skipped" : "vanished, skipped"));
    } else if (fs::is_directory(status)) {
      walk_directory(path, child_display, child_id, visited, callbacks);
    } else if (fs::is_regular_file(status)) {
      const FoundFile found{path, child_display, child_id};
      if (describes_archive(name, beside_collection)) {
        callbacks.on_passed_over(found);
      } else {
        callbacks.on_file(found);
      }
    } else {
      on_issue(
          make_issue(ReadIssue::Severity::warning, child_display, "not a regular file, skipped"));
    }
  }
}

enum class Container { none, compressed_file, archive };

struct ContainerName {
  Container kind = Container::none;
  std::string inner;  // for a compressed file: its name without the compression suffix
};

ContainerName container_of(std::string_view name) {
  static constexpr auto kArchives =
      std::to_array<std::string_view>({".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz",
                                       ".tar.xz", ".txz", ".tar.zst", ".tzst", ".zip"});
  for (std::string_view suffix : kArchives) {
    if (iends_with(name, suffix)) return {Container::archive, {}};
  }
  for (std::string_view suffix : {".gz", ".bz2", ".xz", ".zst"}) {
    if (iends_with(name, suffix)) {
      return {Container::compressed_file, std::string(name.substr(0, name.size() - suffix.size()))};
    }
  }
  return {};
}

bool is_hidden_member(std::string_view name) {
  std::size_t begin = 0;
  while (begin < name.size()) {
    std::size_t end = name.find('/', begin);
    if (end == std::string_view::npos) end = name.size();
    const std::string_view part = name.substr(begin, end - begin);
    // `__MACOSX/` holds the resource forks that macOS adds to every zip it makes.
    if (part.starts_with('.') || part == "__MACOSX") return true;
    begin = end + 1;
  }
  return false;
}

struct ArchiveDeleter {
  void operator()(archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveDeleter>;

// Where an archive's bytes come from: a file on disk or a member already in memory.
struct ArchiveSource {
  const fs::path* path = nullptr;
  std::string_view memory;
};

struct ArchiveJob {
  ArchiveSource source;
  Container kind;
  std::string display;  // the archive as reported
  std::string id_path;
  std::string inner_name;  // compressed_file: the name that selects the format
  int depth = 0;
};

std::string archive_error(archive* a) {
  const char* message = archive_error_string(a);
  return message == nullptr ? std::string("unknown error") : std::string(message);
}

void read_archive(const ArchiveJob& job, const ReadOptions& options, FileSink& sink);

// Hands one file's bytes on, or reads them as an archive when the name says they are one.
void dispatch(std::string_view bytes, const std::string& name, std::string display,
              std::string id_path, bool truncated, int depth, const ReadOptions& options,
              FileSink& sink) {
  const ContainerName container = container_of(name);
  if (container.kind != Container::none && depth < kMaxArchiveNesting && !truncated) {
    read_archive(ArchiveJob{.source = {.path = nullptr, .memory = bytes},
                            .kind = container.kind,
                            .display = std::move(display),
                            .id_path = std::move(id_path),
                            .inner_name = container.inner,
                            .depth = depth + 1},
                 options, sink);
    return;
  }
  sink.file(FileInput{.bytes = bytes,
                      .source_path = std::move(display),
                      .id_path = std::move(id_path),
                      .truncated = truncated},
            name);
}

void read_archive(const ArchiveJob& job, const ReadOptions& options, FileSink& sink) {
  const auto report = [&](ReadIssue::Severity severity, std::string file, std::string message) {
    sink.issue(make_issue(severity, std::move(file), std::move(message)));
  };
  ArchivePtr a(archive_read_new());
  if (!a) {
    report(ReadIssue::Severity::error, job.display, "cannot allocate an archive reader");
    return;
  }
  // Only filters that libarchive runs in-process: "all" would also allow ones that start
  // external programs on untrusted input.
  archive_read_support_filter_gzip(a.get());
  archive_read_support_filter_bzip2(a.get());
  archive_read_support_filter_xz(a.get());
  archive_read_support_filter_zstd(a.get());
  if (job.kind == Container::archive) {
    archive_read_support_format_tar(a.get());
    archive_read_support_format_zip(a.get());
  } else {
    archive_read_support_format_raw(a.get());
  }
  const int opened =
      job.source.path != nullptr
          ? archive_read_open_filename(a.get(), job.source.path->c_str(), kReadBlockBytes)
          : archive_read_open_memory(a.get(), job.source.memory.data(), job.source.memory.size());
  if (opened != ARCHIVE_OK) {
    report(ReadIssue::Severity::error, job.display,
           fmt::format("cannot open archive: {}", archive_error(a.get())));
    return;
  }

  std::uint64_t members = 0;
  std::uint64_t decompressed = 0;
  for (;;) {
    archive_entry* entry = nullptr;
    const int status = archive_read_next_header(a.get(), &entry);
    if (status == ARCHIVE_EOF) break;
    if (status < ARCHIVE_WARN) {
      report(ReadIssue::Severity::error, job.display,
             fmt::format("damaged archive, members after the damage not read: {}",
                         archive_error(a.get())));
      return;
    }
    // libarchive's raw format takes any bytes, compressed or not: a `.gz` that no filter
    // recognised is damaged (or mislabelled), and its bytes are no text to read.
    if (job.kind == Container::compressed_file && archive_filter_count(a.get()) < 2) {
      report(ReadIssue::Severity::error, job.display, "not in the compressed format its name says");
      return;
    }
    if (archive_entry_filetype(entry) != AE_IFREG) continue;
    std::string name;
    if (job.kind == Container::compressed_file) {
      name = job.inner_name;
    } else {
      const char* utf8 = archive_entry_pathname_utf8(entry);
      const char* raw = archive_entry_pathname(entry);
      name = utf8 != nullptr ? utf8 : raw != nullptr ? raw : "";
      if (name.empty() || is_hidden_member(name)) continue;
    }
    ++members;
    // A compressed single file is reported as itself; archive members as `archive!member`.
    const bool single = job.kind == Container::compressed_file;
    std::string display = single ? job.display : job.display + "!" + name;
    std::string id_path = single ? job.id_path : job.id_path + "!" + name;
    if (archive_entry_size_is_set(entry) &&
        static_cast<std::uint64_t>(archive_entry_size(entry)) > options.max_file_bytes) {
      report(ReadIssue::Severity::error, display,
             fmt::format("{} bytes exceed max_file_bytes ({}), skipped", archive_entry_size(entry),
                         options.max_file_bytes));
      continue;
    }

    std::string data;
    bool truncated = false;
    bool oversized = false;
    for (;;) {
      const void* block = nullptr;
      std::size_t size = 0;
      la_int64_t offset = 0;
      const int read = archive_read_data_block(a.get(), &block, &size, &offset);
      if (read == ARCHIVE_EOF) break;
      if (read < ARCHIVE_WARN) {
        truncated = true;
        break;
      }
      if (data.size() + size > options.max_file_bytes) {
        oversized = true;
        break;
      }
      data.append(static_cast<const char*>(block), size);
      decompressed += size;
      const auto compressed =
          static_cast<std::uint64_t>(std::max<la_int64_t>(archive_filter_bytes(a.get(), -1), 1));
      if (data.size() > kBombFloorBytes && decompressed > kBombRatio * compressed) {
        report(ReadIssue::Severity::error, display,
               fmt::format("decompresses to more than {} times its compressed size "
                           "(decompression bomb?), rest of the archive skipped",
                           kBombRatio));
        return;
      }
    }
    if (oversized) {
      report(ReadIssue::Severity::error, display,
             fmt::format("larger than max_file_bytes ({}), skipped", options.max_file_bytes));
      continue;
    }
    if (truncated) {
      report(ReadIssue::Severity::error, display,
             fmt::format("damaged or truncated archive, read up to the damage: {}",
                         archive_error(a.get())));
    }
    dispatch(data, name, std::move(display), std::move(id_path), truncated, job.depth, options,
             sink);
    if (truncated) return;
  }
  if (members == 0) report(ReadIssue::Severity::warning, job.display, "archive has no files");
}

}  // namespace

bool describes_archive(std::string_view name, bool beside_collection) {
  const std::string lower = lower_ascii(name);
  static constexpr auto kDocumentNames = std::to_array<std::string_view>(
      {"readme", "license", "licence", "copying", "notice", "authors", "changelog", "changes",
       "news", "install", "source", "sources"});
  const std::string_view stem = std::string_view(lower).substr(0, lower.find('.'));
  if (std::find(kDocumentNames.begin(), kDocumentNames.end(), stem) != kDocumentNames.end()) {
    return true;
  }
  const std::string_view ext = extension_of(lower);
  static constexpr auto kDocumentExtensions = std::to_array<std::string_view>(
      {"md", "markdown", "rst", "dtd", "xsd", "rng", "css", "js"});
  if (std::find(kDocumentExtensions.begin(), kDocumentExtensions.end(), ext) !=
      kDocumentExtensions.end()) {
    return true;
  }
  return beside_collection && ext == "txt";
}

void find_files(const std::vector<std::string>& paths,
                const std::function<void(const FoundFile&)>& on_file,
                const std::function<void(const FoundFile&)>& on_passed_over,
                const std::function<void(ReadIssue&&)>& on_issue) {
  const WalkCallbacks callbacks{on_file, on_passed_over, on_issue};
  std::set<fs::path> visited;
  for (const std::string& argument : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(argument, ec);
    if (!fs::exists(status)) {
      on_issue(make_issue(ReadIssue::Severity::error, argument,
                          ec && ec != std::errc::no_such_file_or_directory
                              ? ec.message()
                              : "no such file or directory"));
    } else if (fs::is_directory(status)) {
      walk_directory(argument, argument, root_label(argument), visited, callbacks);
    } else if (fs::is_regular_file(status)) {
      on_file(FoundFile{argument, argument, root_label(argument)});
    } else {
      on_issue(make_issue(ReadIssue::Severity::error, argument, "not a regular file or directory"));
    }
  }
}

void read_found_file(const FoundFile& file, const ReadOptions& options, FileSink& sink) {
  const std::string name = file.path.filename().string();
  const ContainerName container = container_of(name);
  if (container.kind != Container::none) {
    read_archive(ArchiveJob{.source = {.path = &file.path, .memory = {}},
                            .kind = container.kind,
                            .display = file.display,
                            .id_path = file.id_path,
                            .inner_name = container.inner,
                            .depth = 0},
                 options, sink);
    return;
  }
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(file.path, ec);
  if (ec) {
    sink.issue(make_issue(ReadIssue::Severity::error, file.display, ec.message()));
    return;
  }
  if (size > options.max_file_bytes) {
    sink.issue(make_issue(
        ReadIssue::Severity::error, file.display,
        fmt::format("{} bytes exceed max_file_bytes ({}), skipped", size, options.max_file_bytes)));
    return;
  }
  std::unique_ptr<std::FILE, decltype(&std::fclose)> stream(std::fopen(file.path.c_str(), "rb"),
                                                            &std::fclose);
  if (!stream) {
    sink.issue(make_issue(ReadIssue::Severity::error, file.display,
                          std::error_code(errno, std::generic_category()).message()));
    return;
  }
  std::string data(static_cast<std::size_t>(size), '\0');
  // The file may change under us: read what is there now, never past the size checked.
  const std::size_t got = std::fread(data.data(), 1, data.size(), stream.get());
  if (std::ferror(stream.get())) {
    sink.issue(make_issue(ReadIssue::Severity::error, file.display, "read error"));
    return;
  }
  data.resize(got);
  sink.file(
      FileInput{
          .bytes = data, .source_path = file.display, .id_path = file.id_path, .truncated = false},
      name);
}

}  // namespace newsdex::detail
