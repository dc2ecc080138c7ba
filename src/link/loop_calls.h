// Unrolls a statement call made in a `for` loop over a list djcost can read:
// one copy per item, the loop's names bound to it (`for prefix, viewset in
// ROUTES: router.register(prefix, viewset)`, `for pair in PAIRS:
// admin.site.register(*pair)`). Input: the index and the call; output: copies.
#pragma once

#include <vector>

#include "data/file_facts.h"
#include "link/project_index.h"
#include "link/url_helpers.h"

namespace djcost {

/// One item's copy of a loop's call, without its loop, and the file the item is
/// written in (where the names it brings resolve).
struct UnrolledCall {
  int item_file = -1;
  int item_line = 0;
  CallStatement call;
};

/// Binds the loop's names (`variable`, "a" or "a,b") to one item: the item
/// itself, or each element of a tuple of the same size. False when it does not fit.
bool BindLoopItem(const std::string& variable, const Expr& item, HelperArguments* out);

/// The copies, in the items' order; empty when the iterable is not a list djcost
/// can read or an item does not fit the loop's target (a tuple of another size).
/// A tuple bound to `*name` among the arguments is unpacked in place.
std::vector<UnrolledCall> UnrollLoopCall(const ProjectIndex& index, int file,
                                         const CallStatement& call);

}  // namespace djcost
