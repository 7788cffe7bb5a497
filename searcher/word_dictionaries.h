// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

class Hunspell;

namespace newsdex {

/// The spelling dictionaries (Hunspell's) of some languages, to tell a real word from a typo:
/// "did you mean" leaves alone a query word one of them knows, however rare in the archive
/// (`weaver`, in one Reuters-21578 article, is no misspelling of `weaker`).
///
/// A language's dictionary is the pair `NAME.aff`, `NAME.dic` in the directory given (Debian's
/// `hunspell-*` packages install them in /usr/share/hunspell), NAME being the first found of
/// `xx_XX` (`de_DE`), `xx`, `en_US` for English, then any `xx_*`; a language without one is
/// left out. Dictionaries are read the first time a word is asked about (20 to 80 ms each).
/// Not thread-safe.
class WordDictionaries {
 public:
  static constexpr std::string_view kSystemDirectory = "/usr/share/hunspell";

  /// The dictionaries of `languages` (ISO 639-1 codes) found in `directory`.
  WordDictionaries(const std::vector<std::string>& languages,
                   const std::filesystem::path& directory);
  ~WordDictionaries();
  WordDictionaries(WordDictionaries&&) noexcept;
  WordDictionaries& operator=(WordDictionaries&&) noexcept;

  /// Whether a dictionary holds `word`, as typed or with a capital first letter (`turin` is
  /// Turin).
  bool knows(std::string_view word);

  /// The dictionaries found, as `NAME` paths without their extension.
  const std::vector<std::filesystem::path>& found() const noexcept { return found_; }

 private:
  std::vector<std::filesystem::path> found_;
  std::vector<std::unique_ptr<Hunspell>> loaded_;
};

}  // namespace newsdex
