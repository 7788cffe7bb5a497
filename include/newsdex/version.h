// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace newsdex {

/// The library's version, `MAJOR.MINOR.PATCH`.
std::string_view version() noexcept;

}  // namespace newsdex
