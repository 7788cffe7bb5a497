// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <xapian.h>

#include <filesystem>
#include <memory>
#include <string>

#include "searcher/facet_ordinals.h"

namespace newsdex {

/// Slot ordinals saved in the database's folder, so that a process that searches once (every
/// command-line search) need not read every slot's values again: `newsdex-ordinals-<slot>`,
/// written by the first search that builds a slot's ordinals and read by the next, for as long
/// as the database stays at the revision they were built from (docs/SCHEMA.md, "Saved
/// ordinals"). Thread-safe.
class SavedOrdinals {
 public:
  /// For `db`, opened from the folder `folder`.
  SavedOrdinals(const Xapian::Database& db, std::filesystem::path folder);

  /// The ordinals of `slot` saved for this revision of the database, or null.
  std::unique_ptr<const SlotOrdinals> load(Xapian::valueno slot) const;

  /// Saves the `ordinals` of `slot` in place of those saved before; does nothing where the
  /// folder cannot be written (a reader need not own the database).
  void save(Xapian::valueno slot, const SlotOrdinals& ordinals) const noexcept;

 private:
  std::filesystem::path file(Xapian::valueno slot) const;
  std::string header(Xapian::valueno slot) const;

  std::filesystem::path folder_;
  std::string revision_;  ///< what tells this revision of the database from every other
};

}  // namespace newsdex
