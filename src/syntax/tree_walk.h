// Walks tree-sitter trees without recursion, so deeply nested input cannot
// exhaust the stack: listing a node's children in linear time, and finding the
// ERROR and MISSING nodes of a tree. Input: TSNode; output: plain values.
#pragma once

#include <tree_sitter/api.h>

#include <vector>

namespace djcost {

struct ChildNode {
  TSNode node;
  TSFieldId field = 0;  // 0 when the child has no field name, or it was not asked for
};

/// Lists children through one reusable TSTreeCursor. ts_node_child(i) restarts
/// from the first child on every call, which is quadratic on a module with
/// thousands of statements; a cursor walks siblings in constant time each.
class ChildLister {
 public:
  ChildLister();
  ~ChildLister();
  ChildLister(const ChildLister&) = delete;
  ChildLister& operator=(const ChildLister&) = delete;

  /// Replaces `out` with the children of `node` (named and anonymous), in order.
  void List(TSNode node, std::vector<ChildNode>* out);
  /// Replaces `out` with the named children of `node`, in order, without their
  /// fields (looking each up is a tenth of a listing's cost).
  void ListNamed(TSNode node, std::vector<ChildNode>* out);
  /// ListNamed, with each child's field.
  void ListNamedWithFields(TSNode node, std::vector<ChildNode>* out);

 private:
  void Collect(TSNode node, bool named_only, bool fields, std::vector<ChildNode>* out);

  TSTreeCursor cursor_;
  bool has_cursor_ = false;
};

/// Visits a subtree in pre-order (source order) with one reusable cursor and no
/// recursion. `visit(node)` returns whether to descend into `node`'s children.
class SubtreeWalker {
 public:
  SubtreeWalker() = default;
  ~SubtreeWalker() {
    if (has_cursor_) ts_tree_cursor_delete(&cursor_);
  }
  SubtreeWalker(const SubtreeWalker&) = delete;
  SubtreeWalker& operator=(const SubtreeWalker&) = delete;

  template <typename Visit>
  void Walk(TSNode root, Visit&& visit) {
    if (ts_node_is_null(root)) return;
    if (!visit(root) || ts_node_child_count(root) == 0) return;
    if (!has_cursor_) {
      cursor_ = ts_tree_cursor_new(root);
      has_cursor_ = true;
    } else {
      ts_tree_cursor_reset(&cursor_, root);
    }
    if (!ts_tree_cursor_goto_first_child(&cursor_)) return;
    int depth = 1;  // below root; the cursor cannot leave the subtree it was reset to
    while (depth > 0) {
      TSNode node = ts_tree_cursor_current_node(&cursor_);
      if (visit(node) && ts_tree_cursor_goto_first_child(&cursor_)) {
        ++depth;
        continue;
      }
      while (depth > 0 && !ts_tree_cursor_goto_next_sibling(&cursor_)) {
        ts_tree_cursor_goto_parent(&cursor_);
        --depth;
      }
    }
  }

 private:
  TSTreeCursor cursor_;
  bool has_cursor_ = false;
};

struct ErrorScan {
  int count = 0;       // ERROR nodes plus MISSING nodes
  int first_line = 0;  // 1-based line where the first problem is; 0 when none
};

/// Counts ERROR and MISSING nodes under `root`, visiting only subtrees that
/// tree-sitter flags as holding an error.
ErrorScan ScanErrors(TSNode root);

}  // namespace djcost
