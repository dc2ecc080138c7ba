#include "rules/number_text.h"

#include <charconv>

namespace djcost {

std::string ShortestNumber(double value) {
  char buf[64];
  auto result = std::to_chars(buf, buf + sizeof buf, value);
  if (result.ec != std::errc()) return "?";
  return std::string(buf, result.ptr);
}

}  // namespace djcost
