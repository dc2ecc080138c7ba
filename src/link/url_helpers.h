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

/// The arguments of `call` that stand in for `fn`'s parameters: positional
/// ones in order (up to `*args` or an unpacked argument), then keywords by name.
/// Unbound parameters are left to resolve as they can.
HelperArguments BindHelperArguments(const FunctionDef& fn, const Expr& call);

/// True for a literal, which reads the same in any module; a name means
/// something else in the helper's module than where the call is written.
bool IsLiteral(const Expr& e);

/// A copy of `expr` with every name headed by a bound parameter replaced by its
/// argument (`view` -> the argument; `view.as_view` -> the argument's dotted name
/// + ".as_view"), including callees and the fields of f-strings bound to string
/// literals. Lines stay those of `expr`.
/// A parameter of `passed` is replaced only where it stands whole (`view`), by
/// its argument as written at the call, line included: an argument to be read
/// where the call is, not in the helper's module (see PassedNodes).
Expr BindParameters(const Expr& expr, const HelperArguments& arguments,
                    const HelperArguments& passed = {});

/// The nodes of `bound`, made by BindParameters from `original` with `passed`,
/// that hold an argument of `passed`, each with that argument.
std::vector<std::pair<const Expr*, const Expr*>> PassedNodes(const Expr& original, const Expr& bound,
                                                             const HelperArguments& passed);

}  // namespace djcost
