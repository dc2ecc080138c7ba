// A project of inline sources linked end to end (settings, apps, every finder)
// with the real tables, and a one-line view of its routes, for tests of what
// depends on the settings: INSTALLED_APPS guards, names read from settings.
#pragma once

#include <map>
#include <string>

#include "link/link.h"
#include "rules/load_rules.h"
#include "urls_test_support.h"

namespace djcost::testing {

inline Inventory LinkSources(const std::map<std::string, std::string>& sources) {
  Project p(sources, DefaultRuleSet());
  return Link(p.files, p.rules, 1);
}

/// The endpoints' routes in the Inventory's order, each followed by a space.
inline std::string Routes(const Inventory& inv) {
  std::string out;
  for (const auto& e : inv.endpoints) out += e.route + " ";
  return out;
}

}  // namespace djcost::testing
