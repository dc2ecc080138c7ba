#include "extract/app_guard.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>

#include "extract/string_literal.h"
#include "syntax/python_kinds.h"

namespace djcost {
namespace {

constexpr int kMaxDepth = 16;  // conditions nest shallowly; deeper ones say nothing

bool IsType(TSNode node, const char* type) { return std::strcmp(ts_node_type(node), type) == 0; }

bool EndsWith(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// A plain string literal's value ("" for f-strings and anything else).
bool LiteralValue(const SyntaxTree& tree, TSNode node, std::string* out) {
  if (KindOf(node) != PyKind::kString) return false;
  StringLiteral literal = DecodeStringLiteral(tree.Text(node));
  if (literal.is_fstring || literal.value.empty()) return false;
  *out = std::move(literal.value);
  return true;
}

// `settings`, `conf.settings`: how code names Django's settings object.
bool NamesSettings(std::string_view owner) {
  return owner == "settings" || EndsWith(owner, ".settings");
}

// A setting's name read off Django's settings object: `settings.NAME`
// (`conf.settings.NAME` too), an upper-case name as settings are; "" otherwise.
std::string SettingRead(const SyntaxTree& tree, TSNode node) {
  if (KindOf(node) != PyKind::kAttribute) return "";
  const PyFields& f = Fields();
  TSNode object = ts_node_child_by_field_id(node, f.object);
  std::string_view owner = tree.Text(object);
  std::string_view name = tree.Text(ts_node_child_by_field_id(node, f.attribute));
  bool settings = NamesSettings(owner);
  bool upper = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
  return settings && upper && name != "INSTALLED_APPS" ? std::string(name) : "";
}

// The truth of a literal: 1, 0, or -1 when it is no literal we read.
int LiteralTruth(const SyntaxTree& tree, TSNode node) {
  switch (KindOf(node)) {
    case PyKind::kTrue: return 1;
    case PyKind::kFalse:
    case PyKind::kNone: return 0;
    case PyKind::kInteger: return tree.Text(node) == "0" ? 0 : 1;
    default: return -1;
  }
}

// `settings.NAME`, `getattr(settings, "NAME")`, `getattr(settings, "NAME", default)`.
bool ReadSettingCondition(const SyntaxTree& tree, TSNode node, AppCondition* out) {
  out->setting = SettingRead(tree, node);
  if (!out->setting.empty()) return true;
  if (KindOf(node) != PyKind::kCall) return false;
  const PyFields& f = Fields();
  TSNode arguments = ts_node_child_by_field_id(node, f.arguments);
  uint32_t count = ts_node_is_null(arguments) ? 0 : ts_node_named_child_count(arguments);
  if (tree.Text(ts_node_child_by_field_id(node, f.function)) != "getattr" || count < 2 ||
      count > 3) {
    return false;
  }
  std::string_view owner = tree.Text(ts_node_named_child(arguments, 0));
  if (!NamesSettings(owner)) return false;
  std::string name;
  if (!LiteralValue(tree, ts_node_named_child(arguments, 1), &name)) return false;
  int fallback = count == 3 ? LiteralTruth(tree, ts_node_named_child(arguments, 2)) : -1;
  if (count == 3 && fallback < 0) return false;  // a default we cannot read
  out->setting = name;
  out->fallback = fallback;
  return true;
}

// `"app" in X.INSTALLED_APPS`, `"app" not in INSTALLED_APPS`, `apps.is_installed("app")`,
// or a setting's truth (ReadSettingCondition).
bool ReadCondition(const SyntaxTree& tree, TSNode node, AppCondition* out) {
  if (ReadSettingCondition(tree, node, out)) return true;
  if (IsType(node, "comparison_operator")) {
    if (ts_node_named_child_count(node) != 2) return false;
    TSNode left = ts_node_named_child(node, 0);
    TSNode right = ts_node_named_child(node, 1);
    PyKind right_kind = KindOf(right);
    if ((right_kind != PyKind::kIdentifier && right_kind != PyKind::kAttribute) ||
        !EndsWith(tree.Text(right), "INSTALLED_APPS") || !LiteralValue(tree, left, &out->app)) {
      return false;
    }
    // The operator's tokens lie between the operands: "in", or "not" "in".
    std::string_view text = tree.Text(node);
    uint32_t start = ts_node_end_byte(left) - ts_node_start_byte(node);
    uint32_t end = ts_node_start_byte(right) - ts_node_start_byte(node);
    std::string op;
    for (char c : text.substr(start, end - start)) {
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\\') op += c;
    }
    if (op != "in" && op != "notin") return false;
    out->installed = op == "in";
    return true;
  }
  if (KindOf(node) == PyKind::kCall) {
    const PyFields& f = Fields();
    TSNode function = ts_node_child_by_field_id(node, f.function);
    TSNode arguments = ts_node_child_by_field_id(node, f.arguments);
    if (ts_node_is_null(function) || ts_node_is_null(arguments) ||
        KindOf(function) != PyKind::kAttribute || !EndsWith(tree.Text(function), ".is_installed") ||
        ts_node_named_child_count(arguments) != 1) {
      return false;
    }
    out->installed = true;
    return LiteralValue(tree, ts_node_named_child(arguments, 0), &out->app);
  }
  return false;
}

void Implied(const SyntaxTree& tree, TSNode node, bool when, int depth,
             std::vector<AppCondition>* out) {
  if (ts_node_is_null(node) || depth > kMaxDepth) return;
  if (KindOf(node) == PyKind::kParenthesizedExpression) {
    if (ts_node_named_child_count(node) == 1) {
      Implied(tree, ts_node_named_child(node, 0), when, depth + 1, out);
    }
    return;
  }
  const PyFields& f = Fields();
  if (IsType(node, "not_operator")) {
    Implied(tree, ts_node_child_by_field_id(node, f.argument), !when, depth + 1, out);
    return;
  }
  if (IsType(node, "boolean_operator")) {
    std::string_view op = tree.Text(ts_node_child_by_field_id(node, f.operator_));
    // `a and b` true: both are; `a or b` false: neither is.
    if ((op == "and" && when) || (op == "or" && !when)) {
      Implied(tree, ts_node_child_by_field_id(node, f.left), when, depth + 1, out);
      Implied(tree, ts_node_child_by_field_id(node, f.right), when, depth + 1, out);
    }
    return;
  }
  AppCondition condition;
  if (!ReadCondition(tree, node, &condition)) return;
  if (!when) condition.installed = !condition.installed;
  out->push_back(std::move(condition));
}

}  // namespace

std::vector<AppCondition> ImpliedWhenTrue(const SyntaxTree& tree, TSNode condition) {
  std::vector<AppCondition> out;
  Implied(tree, condition, true, 0, &out);
  return out;
}

std::vector<AppCondition> ImpliedWhenFalse(const SyntaxTree& tree, TSNode condition) {
  std::vector<AppCondition> out;
  Implied(tree, condition, false, 0, &out);
  return out;
}

bool MayHoldAppConditions(const SyntaxTree& tree, TSNode condition) {
  if (ts_node_is_null(condition)) return false;
  std::string_view text = tree.Text(condition);
  return text.find("INSTALLED_APPS") != std::string_view::npos ||
         text.find("is_installed") != std::string_view::npos ||
         text.find("settings") != std::string_view::npos;
}

}  // namespace djcost
