#include "syntax/tree_walk.h"

#include <cstring>

namespace djcost {

ChildLister::ChildLister() = default;

ChildLister::~ChildLister() {
  if (has_cursor_) ts_tree_cursor_delete(&cursor_);
}

void ChildLister::List(TSNode node, std::vector<ChildNode>* out) { Collect(node, false, out); }

void ChildLister::ListNamed(TSNode node, std::vector<ChildNode>* out) {
  Collect(node, true, out);
}

void ChildLister::Collect(TSNode node, bool named_only, std::vector<ChildNode>* out) {
  out->clear();
  // Leaves are most nodes of a tree; skip the cursor reset for them.
  if (ts_node_is_null(node) || ts_node_child_count(node) == 0) return;
  if (!has_cursor_) {
    cursor_ = ts_tree_cursor_new(node);
    has_cursor_ = true;
  } else {
    ts_tree_cursor_reset(&cursor_, node);
  }
  if (!ts_tree_cursor_goto_first_child(&cursor_)) return;
  do {
    TSNode child = ts_tree_cursor_current_node(&cursor_);
    if (named_only && !ts_node_is_named(child)) continue;
    out->push_back({child, ts_tree_cursor_current_field_id(&cursor_)});
  } while (ts_tree_cursor_goto_next_sibling(&cursor_));
}

ErrorScan ScanErrors(TSNode root) {
  ErrorScan scan;
  if (ts_node_is_null(root) || !ts_node_has_error(root)) return scan;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  // Pre-order walk with the cursor's own parent links: no recursion, no stack.
  bool descend = true;
  while (true) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    if (descend) {
      bool is_error = std::strcmp(ts_node_type(node), "ERROR") == 0;
      if (is_error || ts_node_is_missing(node)) {
        ++scan.count;
        if (scan.first_line == 0) {
          scan.first_line = static_cast<int>(ts_node_start_point(node).row) + 1;
        }
      }
      if (ts_node_has_error(node) && ts_tree_cursor_goto_first_child(&cursor)) continue;
    }
    if (ts_tree_cursor_goto_next_sibling(&cursor)) {
      descend = true;
      continue;
    }
    if (!ts_tree_cursor_goto_parent(&cursor)) break;
    descend = false;
  }
  ts_tree_cursor_delete(&cursor);
  return scan;
}

}  // namespace djcost
