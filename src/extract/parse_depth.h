// A cheap upper estimate of how deep tree-sitter's parse stack grows on a
// file, computed from its bytes before parsing. Input: bytes; output: a count.
// Depends on the standard library only.
//
// Why: the tree-sitter runtime djcost links (Debian's 0.20.7) corrupts its heap
// (a double free in ts_subtree_release, found by fuzz/fuzz_extract) when error
// recovery runs on a parse stack more than about 65 500 entries deep, e.g.
// 70 000 unclosed brackets. Such a file is not Python CPython could compile
// (its parser stops at a few thousand levels), so djcost does not parse it.
#pragma once

#include <cstddef>
#include <string_view>

namespace djcost {

/// Files whose ParseDepthBound is above this are counted, not parsed: far above
/// any real Python, safely below the runtime's failure point.
inline constexpr std::size_t kMaxParseDepth = 50000;

/// An upper estimate of the parse stack's depth: per logical line, the open
/// brackets plus, at each bracket level, the tokens since the last comma (what
/// the parser cannot reduce yet: prefix operators, right-associative chains),
/// plus four entries per open indented block. Strings and comments are one
/// token or none.
std::size_t ParseDepthBound(std::string_view bytes);

/// A bound on ParseDepthBound(bytes) from the file's size and line count alone,
/// so that most files need no pass of it: every token and open bracket it counts
/// is a byte of its own, and an indented block opens only at a line start, of
/// which a line has at most two ("\r\n" is two line ends to it).
constexpr std::size_t ParseDepthCeiling(std::size_t bytes, std::size_t lines) {
  return bytes + 4 * (2 * lines + 1);
}

}  // namespace djcost
