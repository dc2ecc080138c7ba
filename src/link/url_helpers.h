// Binds a URL helper's parameters to the arguments of one call, so that the
// patterns the helper returns read as the call wrote them:
// `def api_path(prefix, view): return path(f"{prefix}/", view)` called as
// `api_path("books", BookList.as_view())`.
// Input: the helper's FunctionDef and the call; output: a rewritten copy.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "data/expr.h"
#include "data/file_facts.h"

namespace djcost {

/// Parameter name -> the argument passed for it.
using HelperArguments = std::vector<std::pair<std::string, const Expr*>>;

/// The arguments of `call` that can stand in for `fn`'s parameters: positional
/// ones in order (up to `*args` or an unpacked argument), then keywords by name.
/// A name means something else in the helper's module, so an argument is bound
/// only when it is a literal or the call is in the helper's own file
/// (`same_file`). Unbound parameters are left to resolve as they can.
HelperArguments BindHelperArguments(const FunctionDef& fn, const Expr& call, bool same_file);

/// A copy of `expr` with every name headed by a bound parameter replaced by its
/// argument (`view` -> the argument; `view.as_view` -> the argument's dotted name
/// + ".as_view"), including callees and the fields of f-strings bound to string
/// literals. Lines stay those of `expr`.
Expr BindParameters(const Expr& expr, const HelperArguments& arguments);

}  // namespace djcost
