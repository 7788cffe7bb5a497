// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/saved_ordinals.h"

#include <fmt/format.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <bit>
#include <cerrno>
#include <charconv>
#include <fstream>
#include <iterator>
#include <optional>
#include <string_view>
#include <system_error>

namespace newsdex {

namespace {

// The ordinals are saved as the machine holds them: a folder moved to a machine of the other
// byte order is read as if nothing were saved.
constexpr bool kLittleEndian = std::endian::native == std::endian::little;

// The process that wrote `name`, if it is a file set aside by `save` (`newsdex-ordinals-<slot>.
// <pid>.<count>.tmp`).
std::optional<pid_t> writer_of(const std::string& name) {
  constexpr std::string_view kStart = "newsdex-ordinals-";
  constexpr std::string_view kEnd = ".tmp";
  if (!name.starts_with(kStart) || !name.ends_with(kEnd)) return std::nullopt;
  const std::size_t first_point = name.find('.', kStart.size());
  if (first_point == std::string::npos) return std::nullopt;
  pid_t pid = 0;
  const char* const begin = name.data() + first_point + 1;
  const char* const end = name.data() + name.size();
  const auto [stop, error] = std::from_chars(begin, end, pid);
  if (error != std::errc() || stop == begin || *stop != '.' || pid <= 0) return std::nullopt;
  return pid;
}

// Removes the files set aside by searches that were killed while saving: nothing else would.
void remove_leftovers(const std::filesystem::path& folder) {
  std::error_code failed;
  for (const auto& entry : std::filesystem::directory_iterator(folder, failed)) {
    const std::optional<pid_t> writer = writer_of(entry.path().filename().string());
    if (writer && ::kill(*writer, 0) != 0 && errno == ESRCH) {
      std::filesystem::remove(entry.path(), failed);
    }
  }
}

}  // namespace

SavedOrdinals::SavedOrdinals(const Xapian::Database& db, std::filesystem::path folder)
    : folder_(std::move(folder)),
      // A new database (a merge puts one in place) has a new UUID; each commit a new revision.
      revision_(fmt::format("{} {} {} {}", db.get_uuid(), db.get_revision(), db.get_doccount(),
                            db.get_lastdocid())) {}

std::filesystem::path SavedOrdinals::file(Xapian::valueno slot) const {
  return folder_ / fmt::format("newsdex-ordinals-{}", slot);
}

std::string SavedOrdinals::header(Xapian::valueno slot) const {
  return fmt::format("newsdex ordinals 1 slot {} of {}\n", slot, revision_);
}

std::unique_ptr<const SlotOrdinals> SavedOrdinals::load(Xapian::valueno slot) const {
  if (!kLittleEndian) return nullptr;
  std::ifstream in(file(slot), std::ios::binary);
  if (!in) return nullptr;
  const std::string expected = header(slot);
  std::string read(expected.size(), '\0');
  if (!in.read(read.data(), static_cast<std::streamsize>(read.size())) || read != expected) {
    return nullptr;
  }
  const std::string bytes(std::istreambuf_iterator<char>(in), {});
  return SlotOrdinals::unserialise(bytes);
}

void SavedOrdinals::save(Xapian::valueno slot, const SlotOrdinals& ordinals) const noexcept {
  if (!kLittleEndian) return;
  static std::atomic<unsigned> saves = 0;
  try {
    // Written aside and renamed into place, so that a reader finds the whole file or none.
    const std::filesystem::path written = file(slot);
    const std::filesystem::path aside =
        written.string() + fmt::format(".{}.{}.tmp", ::getpid(), saves++);
    {
      std::ofstream out(aside, std::ios::binary);
      const std::string bytes = header(slot) + ordinals.serialise();
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      if (!out.flush()) {
        std::error_code ignored;
        std::filesystem::remove(aside, ignored);
        return;
      }
    }
    std::error_code failed;
    std::filesystem::rename(aside, written, failed);
    if (failed) std::filesystem::remove(aside, failed);
    remove_leftovers(folder_);
  } catch (...) {
    // Saving is an optimisation: a search never fails for it.
  }
}

}  // namespace newsdex
