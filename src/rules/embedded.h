// The files of rules/ compiled into the binary: the defaults djcost runs with.
#pragma once

#include <string_view>
#include <vector>

namespace djcost {

struct EmbeddedFile {
  std::string_view path;      // relative to rules/, e.g. "rates/split.json"
  std::string_view contents;
};

/// Every file under rules/, sorted by path.
const std::vector<EmbeddedFile>& EmbeddedRuleFiles();

}  // namespace djcost
