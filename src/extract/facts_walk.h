// The one walk over a parsed file that fills FileFacts: imports, module and class
// assignments, classes (with Meta), functions and methods with their calls, and
// statement calls. Iterative, so nesting depth cannot exhaust the stack.
// Input: a SyntaxTree; output: the fields of FileFacts listed above.
#pragma once

#include "data/file_facts.h"
#include "extract/expr_builder.h"
#include "syntax/python_parser.h"

namespace djcost {

/// Appends to facts->imports, assignments, classes, functions and calls.
///
/// Conventions the linker relies on:
/// - A `class Meta:` directly in a class body is not a ClassDef of its own: its
///   assignments become the owner's `meta` and set `has_meta`.
/// - Methods (functions directly in a class body, under `if` too) live in their
///   ClassDef; every other function, at any depth, in `facts->functions`.
/// - A function's calls cover its body, lambdas and nested class bodies, not
///   nested functions (whose decorators and defaults do count: the outer body runs
///   them). Callees are dotted names, with "()" where the chain calls:
///   `super().save`, `connection.cursor().execute`; parentheses are looked
///   through (`(n).bit_length`); calls through subscripts are not recorded.
/// - Only `+=` augmented assignments are kept (`urlpatterns += [...]`); chained
///   `a = b = v` gives one Assignment per target.
///
/// With `CallArguments::kLinkReads` (a scan), a statement call keeps its
/// arguments and loop only when LinkReadsArguments accepts it: the others are
/// not copied at all, unless longer than kMaxBytesWithinBudget (then copied and
/// dropped, so an "expression-truncated" warning stays as a full walk gives it).
enum class CallArguments { kAll, kLinkReads };
void WalkModule(const SyntaxTree& tree, ExprBuilder& exprs, FileFacts* facts,
                CallArguments arguments);

}  // namespace djcost
