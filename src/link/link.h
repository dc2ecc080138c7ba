// The only stage that sees the whole project: resolves modules and imports, walks
// class hierarchies, finds settings, walks the URLconf graph, expands routers,
// classifies views and attributes every item to its app.
// Input: every file's FileFacts and the RuleSet; output: Inventory.
#pragma once

#include <memory>
#include <vector>

#include "data/file_facts.h"
#include "data/inventory.h"
#include "data/rule_set.h"

namespace djcost {

/// With `jobs` > 1 the URL walk runs on a second thread; the Inventory is the same.
/// Test files link does not read (link/test_reach.h) are seen as UnreadTestFile
/// gives them, however they were extracted.
Inventory Link(const std::vector<FileFacts>& files, const RuleSet& rules, int jobs = 1);

/// What Link built only to look things up: the project index, and its copy
/// for the second thread. On a large project freeing them takes a few ms,
/// which a caller may spend off its critical path.
using LinkLeftovers = std::vector<std::shared_ptr<void>>;

/// Link for facts in which the test files link does not read are already as
/// UnreadTestFile gives them, as a scan's extraction hands them over
/// (cli/extract_cached.h): the same Inventory, without computing which those are.
/// With `leftovers`, what it built to look things up goes there to be freed.
Inventory LinkScanned(const std::vector<FileFacts>& files, const RuleSet& rules, int jobs = 1,
                      LinkLeftovers* leftovers = nullptr);

}  // namespace djcost
