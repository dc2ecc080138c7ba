// A set of byte values as a 256-entry table, built at compile time, for lexers
// whose inner loops skip every byte not in a set with one lookup each.
// Depends on the standard library only.
#pragma once

#include <array>
#include <string_view>

namespace djcost {

using ByteSet = std::array<bool, 256>;

/// The set of the bytes in `members`.
constexpr ByteSet SetOf(std::string_view members) {
  ByteSet set{};
  for (char c : members) set[static_cast<unsigned char>(c)] = true;
  return set;
}

/// True when `set` holds the byte `c`.
constexpr bool Holds(const ByteSet& set, char c) { return set[static_cast<unsigned char>(c)]; }

}  // namespace djcost
