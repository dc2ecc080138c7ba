// Line and column for JSON values. nlohmann/json keeps no positions, so rule
// errors find theirs here: a byte offset, or a JSON pointer looked up in a map
// built by one pass over text that already parsed. Pure; no I/O.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

namespace djcost {

struct TextPosition {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, in bytes
  bool operator==(const TextPosition&) const = default;
};

/// The position of byte `offset` (0-based) in `text`; offsets past the end map
/// to the position just after the last byte.
TextPosition PositionOfOffset(std::string_view text, std::size_t offset);

/// `pointer` with one more reference token, escaped as RFC 6901 asks
/// ("~" -> "~0", "/" -> "~1"): AppendPointer("/rates", "0") == "/rates/0".
std::string AppendPointer(const std::string& pointer, std::string_view token);

/// Every value of a valid JSON text by JSON pointer ("" is the root): for an
/// object member, where its key starts; for an array element, where it starts.
/// Text that is not valid JSON yields the positions found before the fault.
std::map<std::string, TextPosition> JsonValuePositions(std::string_view text);

}  // namespace djcost
