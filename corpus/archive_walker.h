// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/read_context.h"
#include "newsdex/reader.h"

namespace newsdex::detail {

/// A file found under the paths given to a read.
struct FoundFile {
  std::filesystem::path path;
  /// The path as reported: the argument joined with the names below it (`dir/sub/a.txt`).
  std::string display;
  /// The path below the parent of the argument (`dir/sub/a.txt` for the argument `/x/dir`).
  std::string id_path;
};

/// Calls `on_file` for every regular file under `paths`, in order: each argument in turn,
/// directories recursively with entries sorted by name, hidden entries (`.name`) skipped,
/// each directory entered once however many symbolic links lead to it (which breaks loops).
/// Files found in a directory that describe the archive rather than hold articles (see
/// `describes_archive`) go to `on_passed_over` instead; a file named in `paths` is always read.
/// Missing and unreadable paths go to `on_issue`.
void find_files(const std::vector<std::string>& paths,
                const std::function<void(const FoundFile&)>& on_file,
                const std::function<void(const FoundFile&)>& on_passed_over,
                const std::function<void(ReadIssue&&)>& on_issue);

/// Whether the file `name`, found in a directory, documents the archive instead of holding
/// articles: READMEs, licences, change logs and source notes by name; Markdown, reStructuredText,
/// DTDs and schemas by extension; and, when `beside_collection` (the directory holds an SGML
/// collection such as Reuters-21578), the plain-text category lists and notes shipped with it.
bool describes_archive(std::string_view name, bool beside_collection);

/// Receives the files a walk reads.
class FileSink {
 public:
  virtual ~FileSink() = default;
  /// One file or archive member, read whole. `name` selects its format: the file or member
  /// name without a compression suffix such as `.gz`.
  virtual void file(const FileInput& input, std::string_view name) = 0;
  virtual void issue(ReadIssue&& issue) = 0;
};

/// Reads `file` into memory and hands it to `sink`: a plain file as it is, a `.gz`, `.bz2`,
/// `.xz` or `.zst` file decompressed, and each regular member of a `.tar` (possibly compressed:
/// `.tar.gz`, `.tgz`, `.tar.bz2`, `.tar.xz`, ...) or `.zip` archive in archive order, without
/// unpacking anything to disk. Files and members larger than `options.max_file_bytes` are skipped
/// with an error; an archive that decompresses to more than 1000 times its compressed size is
/// abandoned as a decompression bomb; a damaged archive hands over what it had read before the
/// damage (`FileInput::truncated` set on the member cut short) and reports an error.
void read_found_file(const FoundFile& file, const ReadOptions& options, FileSink& sink);

}  // namespace newsdex::detail
