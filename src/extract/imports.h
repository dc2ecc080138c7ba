// Turns one import statement (`import`, `from ... import`, `from __future__`)
// into Import facts, one per bound name. Input: a statement node; output: Imports.
// Resolves nothing: relative levels and module names stay as written.
#pragma once

#include <vector>

#include "data/file_facts.h"
#include "syntax/python_parser.h"
#include "syntax/tree_walk.h"

namespace djcost {

/// Appends the bindings `statement` makes to `out`, in source order.
void ExtractImports(const SyntaxTree& tree, TSNode statement, bool module_level,
                    ChildLister& lister, std::vector<Import>* out);

}  // namespace djcost
