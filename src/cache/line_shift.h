// An edit that moves things without changing them: comments or blank lines
// added or removed, a function body rewritten without a call added, removed or
// renamed. Such a file's facts differ from the old ones only in their line
// numbers and line counts, and Link's result then differs only in those line
// numbers and in the totals: Link compares a file's lines only with lines of
// the same file (or with 0, "unknown") and copies them into what it reports at
// that file (Locations; a model's relation lines). So the Inventory linked
// before the edit, with the file's lines mapped old to new and its line counts
// swapped, is the one Link would make after it, and a scan with one such edit
// need not decode the other files' facts nor link again.
//
// A function added that nothing names is such an edit too (PastAddedFunctions):
// Link reads a function without decorators or calls only through its name.
//
// A link message that cites a line does so as "path:line"; Apply refuses an
// Inventory with a message citing the shifted file, rather than rewrite text.
// tests/cache/line_shift_test.cc checks shifted Inventories against Link on
// edited copies of every fixture project.
// Depends on data/ and cache/fact_codec only.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "data/file_facts.h"
#include "data/inventory.h"

namespace djcost {

class LineShift {
 public:
  /// True, with `*shift` made, when `after` is `before` but for its line numbers
  /// and line counts, and the new line numbers keep the old ones' order (equal
  /// stays equal, smaller stays smaller, 0 stays 0). Both are the same file's.
  static bool Between(const FileFacts& before, const FileFacts& after, LineShift* shift);

  /// Between, for an edit that also adds module-level functions Link reaches
  /// only by their names: true, with `*shift` made and their names in `*added`,
  /// when `after` without them is `before` moved, and each added function has
  /// no decorator, no call, nothing its body returns that link reads, no
  /// `request` first parameter (link counts those as views), a name that is
  /// not a dunder, not bound otherwise in the file and not written anywhere
  /// else in its facts. Link reads such a function only when a name resolves
  /// to it (tests/cache/line_shift_test.cc checks the premise against Link):
  /// the caller must still check that no other file's facts write the names.
  static bool PastAddedFunctions(const FileFacts& before, const FileFacts& after,
                                 LineShift* shift, std::vector<std::string>* added);

  /// Moves `inventory` from the file's old facts to its new ones: every line at
  /// the file mapped, its line counts in the totals swapped. False, with
  /// `*inventory` untouched, when a line at the file is not one of the old facts'
  /// lines or a diagnostic's message cites the file: then only Link can say.
  bool Apply(Inventory* inventory) const;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
  FileKind kind_ = FileKind::kSource;
  LineCounts before_;
  LineCounts after_;
  std::vector<std::pair<int, int>> map_;  // old line -> new line, sorted, distinct

  bool Map(int line, int* mapped) const;
};

}  // namespace djcost
