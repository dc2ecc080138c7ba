#include "rules/load_rules.h"

namespace djcost {

std::string ConfigError::ToString() const {
  std::string out = file;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  }
  out += ": ";
  if (!key.empty()) out += "key \"" + key + "\": ";
  out += message;
  return out;
}

}  // namespace djcost
