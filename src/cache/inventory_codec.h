// A compact binary encoding of the Inventory for the link memo (cache/link_memo.h):
// varints and length-prefixed strings, no field names. Input: an Inventory or
// encoded bytes; output: the other. The decoder checks every bound, so corrupt
// input yields false, never a crash. Depends on data/ only.
#pragma once

#include <string>
#include <string_view>

#include "data/inventory.h"

namespace djcost {

/// Appends the encoding of `inventory` to `*out`.
void EncodeInventory(const Inventory& inventory, std::string* out);

/// Decodes what EncodeInventory wrote. False when `bytes` is not exactly one
/// valid encoding (then `*inventory` is unspecified).
[[nodiscard]] bool DecodeInventory(std::string_view bytes, Inventory* inventory);

}  // namespace djcost
