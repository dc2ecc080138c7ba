// The only stage that sees the whole project: resolves modules and imports, walks
// class hierarchies, finds settings, walks the URLconf graph, expands routers,
// classifies views and attributes every item to its app.
// Input: every file's FileFacts and the RuleSet; output: Inventory.
#pragma once

#include <vector>

#include "data/file_facts.h"
#include "data/inventory.h"
#include "data/rule_set.h"

namespace djcost {

Inventory Link(const std::vector<FileFacts>& files, const RuleSet& rules);

}  // namespace djcost
