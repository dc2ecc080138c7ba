// A small, depth-bounded copy of the Python expressions that facts need
// (url patterns, decorator arguments, base classes, settings values).
// Plain data; depends on the standard library only.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "data/sparse_list.h"

namespace djcost {

enum class ExprKind {
  kOther,   // anything not modelled below; `text` holds a short source excerpt
  kName,    // a dotted name: `views.Foo`, `settings.DEBUG`; `text` is the dotted name
  kString,  // a string literal (concatenations joined); `text` is its decoded value
  kNumber,  // `text` is the literal as written
  kTrue,
  kFalse,
  kNone,
  kList,    // list, tuple or set display; `items` are the elements
  kDict,    // `keywords` holds entries with string keys; other keys are dropped
  kCall,    // `text` is the callee's dotted name ("" when it is not dotted;
            // integer subscripts are kept: "self.routes[0].mapping.update";
            // as_view on a call's result reads "X.as_view" for `X().as_view`
            // and "f(X).as_view" for `f(X, ...).as_view`);
            // `items` the positional arguments, `keywords` the keyword arguments
  kBinOp,   // `text` is the operator; `items` are [left, right]
  kFString, // an f-string; `text` is its source without the prefix and quotes
};

struct Expr {
  ExprKind kind = ExprKind::kOther;
  int line = 0;  // beside `kind`, in what was padding: a large project holds 10^5-10^6 of these
  std::string text;
  std::vector<Expr> items;
  // Sparse: most expressions have no keywords, and an empty std::vector would take
  // a sixth of every Expr.
  SparseList<std::pair<std::string, Expr>> keywords;

  /// The keyword argument named `name`, or nullptr.
  const Expr* Keyword(const std::string& name) const {
    for (const auto& [key, value] : keywords) {
      if (key == name) return &value;
    }
    return nullptr;
  }
  bool operator==(const Expr&) const = default;
};

/// A call's positional argument `i`, else its keyword argument `name`, or nullptr.
inline const Expr* Argument(const Expr& call, size_t i, const char* name) {
  if (call.items.size() > i) return &call.items[i];
  return call.Keyword(name);
}

/// `*x` among a call's arguments or a list display's items: a kOther whose one
/// item is the starred expression (`**x` is not one).
inline bool IsStarred(const Expr& e) {
  return e.kind == ExprKind::kOther && e.items.size() == 1 && e.text.size() > 1 &&
         e.text[0] == '*' && e.text[1] != '*';
}

}  // namespace djcost
