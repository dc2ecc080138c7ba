// A named snippet and the facts dump it must produce, for table-driven tests.
#pragma once

#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "facts_dump.h"

namespace djcost::testing {

struct SnippetCase {
  const char* name;
  std::string source;
  std::string expected;  // DumpFacts output
};

inline std::ostream& operator<<(std::ostream& os, const SnippetCase& c) { return os << c.name; }

inline std::string CaseName(const ::testing::TestParamInfo<SnippetCase>& info) {
  return info.param.name;
}

}  // namespace djcost::testing
