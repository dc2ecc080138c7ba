// Reads what an `if` condition says about INSTALLED_APPS and settings, so that
// link can skip the statements of a branch Django never runs: `if "billing" in
// settings.INSTALLED_APPS:`, `if apps.is_installed("billing"):`, `if
// settings.BADGES_ENABLED:`, `if getattr(settings, "X", False):`, `not`, `and`,
// `or`. Input: a condition's syntax node; output: AppConditions. Knows no other
// condition.
#pragma once

#include <tree_sitter/api.h>

#include <vector>

#include "data/file_facts.h"
#include "syntax/python_parser.h"

namespace djcost {

/// What `condition` being true implies about installed apps (each part of an
/// `and` is implied; an `or` implies nothing). Empty when it says nothing.
std::vector<AppCondition> ImpliedWhenTrue(const SyntaxTree& tree, TSNode condition);

/// What `condition` being false implies (`elif` and `else` branches): the
/// negation of a single app condition, each part of an `or`.
std::vector<AppCondition> ImpliedWhenFalse(const SyntaxTree& tree, TSNode condition);

/// True when `condition`'s source may name INSTALLED_APPS or a setting: the
/// cheap test that spares the reading of every other `if`.
bool MayHoldAppConditions(const SyntaxTree& tree, TSNode condition);

}  // namespace djcost
