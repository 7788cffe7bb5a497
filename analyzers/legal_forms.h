// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <string_view>

#include "analyzers/word_list.h"

namespace newsdex {

/// The legal forms of companies, as `fold_key`s: `Texas Air` and `Texas Air Corp`, `Siemens
/// A.G.` and `Siemens AG` are each one firm. `co` and `cie` (`Morgan Stanley and Co`, `Lazard
/// Freres et Cie`) are counted with them, and `N.A.`, a US bank's (`Chase Manhattan Bank N.A.`).
inline constexpr detail::WordList kLegalForms(std::to_array<std::string_view>({
    "ab",          "ag",  "asa",  "bhd", "bv",           "cie", "co",      "company", "corp",
    "corporation", "cos", "gmbh", "inc", "incorporated", "kk",  "limited", "llc",     "lp",
    "ltd",         "na",  "nv",   "oy",  "plc",          "pty", "sa",      "sarl",    "spa",
}));

/// Whether `key`, a word's `fold_key`, is a company's legal form.
inline bool is_legal_form(std::string_view key) { return kLegalForms.contains(key); }

}  // namespace newsdex
