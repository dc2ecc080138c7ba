// Copies tree-sitter expression nodes into the plain Expr data type, bounded in
// depth and size so a huge or deeply nested literal cannot blow up memory or the
// stack. Input: a SyntaxTree and a node; output: Expr and dotted names.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "data/expr.h"
#include "syntax/python_parser.h"
#include "syntax/tree_walk.h"

namespace djcost {

/// Deeper sub-expressions become kOther. URL confs nest list > path() > include()
/// > list about three levels per include, so 32 leaves room for ten includes.
inline constexpr int kMaxExprDepth = 32;
/// Nodes one top-level Build() may copy; the rest become kOther excerpts. Keeps a
/// megabyte-sized data literal from being copied whole into the facts.
inline constexpr int kMaxExprNodes = 20000;
/// Build() cannot run out of its node budget on an expression of at most this
/// many bytes: every part it copies is a byte of its own or one of a few children
/// of one (an operator, a comma, a bracket), at most 2 parts a byte and 1 more. So
/// leaving such an expression unbuilt loses no "expression-truncated" warning.
inline constexpr uint32_t kMaxBytesWithinBudget = kMaxExprNodes / 4;
/// Longest source excerpt kept in a kOther expression, in bytes.
inline constexpr size_t kMaxExcerptBytes = 80;

class ExprBuilder {
 public:
  explicit ExprBuilder(const SyntaxTree& tree) : tree_(tree) {}

  /// Copies `node` (an expression) into an Expr with its 1-based line.
  Expr Build(TSNode node);

  /// What Build() gives for a call, without its arguments: the callee's name and
  /// the line. For calls whose arguments nobody reads.
  Expr BuildCallee(TSNode call) const;
  /// "a.b.c" for an identifier or an attribute chain of identifiers, else "".
  std::string DottedName(TSNode node) const;

  /// Like DottedName, but a call inside the chain is kept as "()":
  /// `super().save` and `connection.cursor().execute`. "" for anything else.
  std::string CalleeName(TSNode node) const;

  /// True once any Build() ran out of its node budget.
  bool truncated() const { return truncated_; }
  int truncated_line() const { return truncated_line_; }

  /// A one-line excerpt of `node`'s source: whitespace runs collapsed to one
  /// space, cut to kMaxExcerptBytes on a UTF-8 boundary with "..." appended.
  std::string Excerpt(TSNode node) const;

 private:
  std::string AsViewCallee(TSNode function) const;
  Expr BuildAt(TSNode node, int depth);
  Expr BuildString(TSNode node);
  Expr BuildCall(TSNode node, int depth);
  Expr FormatOfAString(TSNode node, Expr call, int depth);
  void BuildArguments(TSNode arguments, int depth, Expr* call);

  const SyntaxTree& tree_;
  ChildLister lister_;
  int budget_ = 0;
  bool truncated_ = false;
  int truncated_line_ = 0;
};

/// Collapses whitespace runs to one space and cuts `text` to `max_bytes` on a UTF-8
/// boundary, appending "..." when something was cut.
std::string ShortExcerpt(std::string_view text, size_t max_bytes);

/// `(a)` as `a`: `(a).b` names what `a.b` names, as Python's own ast sees it.
TSNode Unparenthesize(TSNode node);

}  // namespace djcost
