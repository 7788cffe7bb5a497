// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/word_dictionaries.h"

#include <algorithm>
#include <cctype>
#include <hunspell/hunspell.hxx>
#include <optional>
#include <system_error>

namespace newsdex {

namespace {

namespace fs = std::filesystem;

bool is_dictionary(const fs::path& stem) {
  std::error_code error;
  return fs::exists(fs::path(stem).concat(".aff"), error) &&
         fs::exists(fs::path(stem).concat(".dic"), error);
}

std::optional<fs::path> dictionary_of(const std::string& language, const fs::path& directory) {
  std::string region = language;
  for (char& c : region) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const std::string& name :
       {language + "_" + region, language, std::string(language == "en" ? "en_US" : "")}) {
    if (!name.empty() && is_dictionary(directory / name)) return directory / name;
  }
  std::vector<fs::path> others;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(directory, error)) {
    const fs::path& path = entry.path();
    if (path.extension() == ".dic" && path.stem().string().starts_with(language + "_") &&
        is_dictionary(fs::path(path).replace_extension())) {
      others.push_back(fs::path(path).replace_extension());
    }
  }
  if (others.empty()) return std::nullopt;
  return *std::min_element(others.begin(), others.end());
}

}  // namespace

WordDictionaries::WordDictionaries(const std::vector<std::string>& languages,
                                   const fs::path& directory) {
  for (const std::string& language : languages) {
    if (std::optional<fs::path> found = dictionary_of(language, directory);
        found && std::find(found_.begin(), found_.end(), *found) == found_.end()) {
      found_.push_back(*found);
    }
  }
}

WordDictionaries::~WordDictionaries() = default;
WordDictionaries::WordDictionaries(WordDictionaries&&) noexcept = default;
WordDictionaries& WordDictionaries::operator=(WordDictionaries&&) noexcept = default;

bool WordDictionaries::knows(std::string_view word) {
  if (word.empty()) return false;
  if (loaded_.empty()) {
    for (const fs::path& stem : found_) {
      loaded_.push_back(std::make_unique<Hunspell>(fs::path(stem).concat(".aff").c_str(),
                                                   fs::path(stem).concat(".dic").c_str()));
    }
  }
  std::string capitalised(word);
  capitalised[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(capitalised[0])));
  return std::any_of(loaded_.begin(), loaded_.end(), [&](const auto& dictionary) {
    return dictionary->spell(std::string(word)) || dictionary->spell(capitalised);
  });
}

}  // namespace newsdex
