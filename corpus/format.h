// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string_view>

#include "newsdex/reader.h"

namespace newsdex::detail {

/// The format of a file called `name` (a path or an archive member; compression suffixes such as
/// `.gz` already removed) with contents `bytes`: by extension when it is a known one, else by the
/// first bytes. `std::nullopt` when the file is no article format (binary data, for instance).
std::optional<Format> detect_format(std::string_view name, std::string_view bytes);

}  // namespace newsdex::detail
