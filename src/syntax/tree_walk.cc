#include "syntax/tree_walk.h"

#include <cstring>
#include <string_view>

namespace djcost {

ChildLister::ChildLister() = default;

ChildLister::~ChildLister() {
  if (has_cursor_) ts_tree_cursor_delete(&cursor_);
}

void ChildLister::List(TSNode node, std::vector<ChildNode>* out) {
  Collect(node, false, true, out);
}

void ChildLister::ListNamed(TSNode node, std::vector<ChildNode>* out) {
  Collect(node, true, false, out);
}

void ChildLister::ListNamedWithFields(TSNode node, std::vector<ChildNode>* out) {
  Collect(node, true, true, out);
}

void ChildLister::Collect(TSNode node, bool named_only, bool fields,
                          std::vector<ChildNode>* out) {
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
    out->push_back({child, fields ? ts_tree_cursor_current_field_id(&cursor_) : TSFieldId{0}});
  } while (ts_tree_cursor_goto_next_sibling(&cursor_));
}

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Where an ERROR node went wrong. Error recovery often wraps whole good
// statements before the bad token in the ERROR node, so its start can be lines
// too early: skip leading error-free statements. 0 when the culprit lies in a
// child with errors of its own, which the walk reaches anyway.
int ErrorNodeLine(TSNode error) {
  uint32_t count = ts_node_child_count(error);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode child = ts_node_child(error, i);
    std::string_view type = ts_node_type(child);
    bool has_error = ts_node_has_error(child);
    if (!has_error && ts_node_is_named(child) &&
        (EndsWith(type, "_statement") || EndsWith(type, "_definition"))) {
      continue;
    }
    return has_error ? 0 : static_cast<int>(ts_node_start_point(child).row) + 1;
  }
  return static_cast<int>(ts_node_start_point(error).row) + 1;
}

}  // namespace

ErrorScan ScanErrors(TSNode root) {
  ErrorScan scan;
  if (ts_node_is_null(root) || !ts_node_has_error(root)) return scan;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  auto note_line = [&scan](int line) {
    if (line > 0 && (scan.first_line == 0 || line < scan.first_line)) scan.first_line = line;
  };
  // Pre-order walk with the cursor's own parent links: no recursion, no stack.
  bool descend = true;
  while (true) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    if (descend) {
      if (std::strcmp(ts_node_type(node), "ERROR") == 0) {
        ++scan.count;
        note_line(ErrorNodeLine(node));
      } else if (ts_node_is_missing(node)) {
        ++scan.count;
        note_line(static_cast<int>(ts_node_start_point(node).row) + 1);
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
