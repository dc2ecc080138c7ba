// Checks that a file's bytes are UTF-8, the only encoding tree-sitter reads.
// Input: bytes; output: the offset of the first invalid sequence.
// Depends on the standard library only.
#pragma once

#include <cstddef>
#include <string_view>

namespace djcost {

/// Offset of the first byte that does not start a valid UTF-8 sequence (overlong
/// forms and surrogates are invalid), or std::string_view::npos when all are valid.
size_t FirstInvalidUtf8(std::string_view bytes);

/// 1-based line of byte `offset` in `bytes` (a '\n', '\r\n' or lone '\r' ends a line).
int LineAt(std::string_view bytes, size_t offset);

}  // namespace djcost
