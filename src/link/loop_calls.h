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

/// One item of a loop's iterable, with the loop's names bound to it.
struct LoopItem {
  ListItem item;
  HelperArguments names;
};

/// The items `loop`'s iterable expanded to, each with the loop's names ("a" or
/// "a,b") bound: to the item itself, or to each element of a tuple of the same
/// size. Empty when the iterable could not be read (it expanded to itself), or
/// an item is one djcost does not know (a dict, iterated by its keys; a call's
/// result) or does not fit the target.
std::vector<LoopItem> BindLoopItems(const LoopContext& loop, const std::vector<ListItem>& items);

/// The copies, in the items' order; empty when the iterable is not a list djcost
/// can read or an item does not fit the loop's target (a tuple of another size).
/// A tuple bound to `*name` among the arguments is unpacked in place.
std::vector<UnrolledCall> UnrollLoopCall(const ProjectIndex& index, int file,
                                         const CallStatement& call);

}  // namespace djcost
