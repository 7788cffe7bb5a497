// SPDX-License-Identifier: GPL-3.0-or-later
#include "newsdex/version.h"

namespace newsdex {

std::string_view version() noexcept { return NEWSDEX_VERSION; }

}  // namespace newsdex
