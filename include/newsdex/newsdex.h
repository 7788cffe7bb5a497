// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/// The whole public API of newsdex in one include.
#include "newsdex/article.h"
#include "newsdex/error.h"
#include "newsdex/extract.h"
#include "newsdex/index.h"
#include "newsdex/reader.h"
#include "newsdex/search.h"
#include "newsdex/version.h"
