// Content hashing for cache keys and change detection: FNV-1a, 64 bits, as a
// fixed-width lower-case hex string. Not cryptographic; stable across platforms.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace djcost {

std::uint64_t Fnv1a64(std::string_view bytes);

/// Fnv1a64 of `bytes` as 16 lower-case hex digits.
std::string ContentHash(std::string_view bytes);

}  // namespace djcost
