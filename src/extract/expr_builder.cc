#include "extract/expr_builder.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "extract/string_literal.h"
#include "syntax/python_kinds.h"

namespace djcost {
namespace {

int LineOf(TSNode node) { return static_cast<int>(ts_node_start_point(node).row) + 1; }

// `self.routes[0].mapping.update`: a callee reached through integer subscripts,
// written with them, so the linker can read what a DRF router subclass changes
// in its routes. "" for any other shape (DottedName covers plain chains).
std::string SubscriptedName(const SyntaxTree& tree, TSNode node) {
  const PyFields& f = Fields();
  std::vector<std::string> parts;
  bool subscripted = false;
  // Only a method of a subscripted object: `handlers[0](x)` stays unnamed.
  if (KindOf(Unparenthesize(node)) != PyKind::kAttribute) return "";
  while (true) {
    node = Unparenthesize(node);
    PyKind kind = KindOf(node);
    if (kind == PyKind::kAttribute) {
      TSNode attr = ts_node_child_by_field_id(node, f.attribute);
      if (ts_node_is_null(attr)) return "";
      parts.push_back("." + std::string(tree.Text(attr)));
      node = ts_node_child_by_field_id(node, f.object);
    } else if (kind == PyKind::kSubscript &&
               ts_node_named_child_count(node) == 2 &&
               KindOf(ts_node_named_child(node, 1)) == PyKind::kInteger) {
      parts.push_back("[" + std::string(tree.Text(ts_node_named_child(node, 1))) + "]");
      node = ts_node_named_child(node, 0);
      subscripted = true;
    } else if (kind == PyKind::kIdentifier) {
      std::string name(tree.Text(node));
      for (auto it = parts.rbegin(); it != parts.rend(); ++it) name += *it;
      return subscripted ? name : "";
    } else {
      return "";
    }
  }
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

std::string ShortExcerpt(std::string_view text, size_t max_bytes) {
  std::string out;
  bool pending_space = false;
  for (char c : text) {
    if (IsSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
    if (out.size() > max_bytes) break;
  }
  if (out.size() <= max_bytes) return out;
  size_t cut = max_bytes;
  // Step back over UTF-8 continuation bytes so no character is split.
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  out.resize(cut);
  out += "...";
  return out;
}

std::string ExprBuilder::Excerpt(TSNode node) const {
  return ShortExcerpt(tree_.Text(node), kMaxExcerptBytes);
}

std::string ExprBuilder::DottedName(TSNode node) const {
  const PyFields& f = Fields();
  std::vector<std::string_view> parts;
  node = Unparenthesize(node);
  while (KindOf(node) == PyKind::kAttribute) {
    TSNode attr = ts_node_child_by_field_id(node, f.attribute);
    if (ts_node_is_null(attr)) return "";
    parts.push_back(tree_.Text(attr));
    node = Unparenthesize(ts_node_child_by_field_id(node, f.object));
  }
  if (KindOf(node) != PyKind::kIdentifier) return "";
  parts.push_back(tree_.Text(node));
  std::string name;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    if (!name.empty()) name += '.';
    name += *it;
  }
  return name;
}

std::string ExprBuilder::CalleeName(TSNode node) const {
  const PyFields& f = Fields();
  std::vector<std::string_view> parts;  // "()" marks a call in the chain
  while (true) {
    node = Unparenthesize(node);
    PyKind kind = KindOf(node);
    if (kind == PyKind::kListSplat && parts.empty()) {
      // tree-sitter-python 0.23 parses `f(*a.b())` as a call of `*a.b`: look through it.
      node = ts_node_named_child(node, 0);
      continue;
    }
    if (kind == PyKind::kAttribute) {
      TSNode attr = ts_node_child_by_field_id(node, f.attribute);
      if (ts_node_is_null(attr)) return "";
      parts.push_back(tree_.Text(attr));
      node = ts_node_child_by_field_id(node, f.object);
    } else if (kind == PyKind::kCall) {
      parts.push_back("()");
      node = ts_node_child_by_field_id(node, f.function);
    } else if (kind == PyKind::kIdentifier) {
      parts.push_back(tree_.Text(node));
      break;
    } else {
      return "";
    }
  }
  std::string name;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    if (!name.empty() && *it != "()") name += '.';
    name += *it;
  }
  return name;
}

Expr ExprBuilder::Build(TSNode node) {
  budget_ = kMaxExprNodes;
  return BuildAt(node, 0);
}

Expr ExprBuilder::BuildString(TSNode node) {
  Expr e;
  e.line = LineOf(node);
  e.kind = ExprKind::kString;
  std::vector<ChildNode> parts;
  if (KindOf(node) == PyKind::kConcatenatedString) {
    lister_.ListNamed(node, &parts);
  } else {
    parts.push_back({node, 0});
  }
  std::vector<StringLiteral> literals;
  for (const ChildNode& part : parts) {
    if (KindOf(part.node) != PyKind::kString) continue;  // comments between parts
    literals.push_back(DecodeStringLiteral(tree_.Text(part.node)));
    if (literals.back().is_fstring) e.kind = ExprKind::kFString;
  }
  for (const StringLiteral& literal : literals) {
    if (e.kind != ExprKind::kFString || literal.is_fstring) {
      e.text += literal.value;
      continue;
    }
    for (char c : literal.value) {  // a plain part beside an f-string: its braces are text
      e.text += c;
      if (c == '{' || c == '}') e.text += c;
    }
  }
  return e;
}

void ExprBuilder::BuildArguments(TSNode arguments, int depth, Expr* call) {
  const PyFields& f = Fields();
  std::vector<ChildNode> args;
  lister_.ListNamed(arguments, &args);
  for (const ChildNode& arg : args) {
    switch (KindOf(arg.node)) {
      case PyKind::kComment:
        break;
      case PyKind::kKeywordArgument: {
        TSNode name = ts_node_child_by_field_id(arg.node, f.name);
        TSNode value = ts_node_child_by_field_id(arg.node, f.value);
        if (ts_node_is_null(name) || ts_node_is_null(value)) break;
        call->keywords.emplace_back(std::string(tree_.Text(name)), BuildAt(value, depth + 1));
        break;
      }
      case PyKind::kDictionarySplat: {
        // `**kwargs`: kept under the key "**" so a reader sees arguments are unknown.
        TSNode inner = ts_node_named_child(arg.node, 0);
        Expr value = ts_node_is_null(inner) ? Expr{} : BuildAt(inner, depth + 1);
        call->keywords.emplace_back("**", std::move(value));
        break;
      }
      default:
        // Positional arguments; `*args` is a kOther item reading "*args".
        call->items.push_back(BuildAt(arg.node, depth + 1));
    }
  }
}

Expr ExprBuilder::BuildCallee(TSNode call) const {
  TSNode function = ts_node_child_by_field_id(call, Fields().function);
  Expr e;
  e.kind = ExprKind::kCall;
  e.line = LineOf(call);
  e.text = DottedName(function);
  if (e.text.empty()) e.text = SubscriptedName(tree_, function);
  if (e.text.empty()) e.text = AsViewCallee(function);
  return e;
}

// `ListFilesAPI().as_view(...)` (Label Studio, InvenTree): as_view is a
// classmethod, so on a new instance it is the class's: "ListFilesAPI.as_view".
// `extensions.get(ThreadListView).as_view()` (Misago: a registry that returns
// the class, or a subclass): "extensions.get(ThreadListView).as_view", for link
// to read as the class passed, with a warning.
std::string ExprBuilder::AsViewCallee(TSNode function) const {
  const PyFields& f = Fields();
  function = Unparenthesize(function);
  if (KindOf(function) != PyKind::kAttribute ||
      tree_.Text(ts_node_child_by_field_id(function, f.attribute)) != "as_view") {
    return "";
  }
  TSNode inner = Unparenthesize(ts_node_child_by_field_id(function, f.object));
  if (KindOf(inner) != PyKind::kCall) return "";
  std::string callee = DottedName(ts_node_child_by_field_id(inner, f.function));
  TSNode arguments = ts_node_child_by_field_id(inner, f.arguments);
  if (callee.empty() || KindOf(arguments) != PyKind::kArgumentList) return "";
  if (ts_node_named_child_count(arguments) == 0) return callee + ".as_view";
  std::string first = DottedName(ts_node_named_child(arguments, 0));
  return first.empty() ? "" : callee + "(" + first + ").as_view";
}

// `"^v{}/".format(API_VERSION)` (Mayan EDMS): an operation "format" whose items
// are the string and the positional arguments (a list), its keywords the call's,
// for link to read like `%`. Any other call on an unnamed callee stays as it is.
Expr ExprBuilder::FormatOfAString(TSNode node, Expr call, int depth) {
  const PyFields& f = Fields();
  TSNode function = Unparenthesize(ts_node_child_by_field_id(node, f.function));
  if (KindOf(function) != PyKind::kAttribute ||
      tree_.Text(ts_node_child_by_field_id(function, f.attribute)) != "format") {
    return call;
  }
  TSNode object = Unparenthesize(ts_node_child_by_field_id(function, f.object));
  PyKind object_kind = KindOf(object);
  if (object_kind != PyKind::kString && object_kind != PyKind::kConcatenatedString) return call;
  Expr format;
  format.kind = ExprKind::kBinOp;
  format.line = call.line;
  format.text = "format";
  format.items.push_back(BuildAt(object, depth + 1));
  Expr arguments;
  arguments.kind = ExprKind::kList;
  arguments.line = call.line;
  arguments.items = std::move(call.items);
  format.items.push_back(std::move(arguments));
  format.keywords = std::move(call.keywords);
  return format;
}

Expr ExprBuilder::BuildCall(TSNode node, int depth) {
  const PyFields& f = Fields();
  Expr e = BuildCallee(node);
  TSNode arguments = ts_node_child_by_field_id(node, f.arguments);
  if (KindOf(arguments) == PyKind::kArgumentList) {
    BuildArguments(arguments, depth, &e);
  } else if (!ts_node_is_null(arguments)) {
    e.items.push_back(BuildAt(arguments, depth + 1));  // f(x for x in y)
  }
  return e;
}

Expr ExprBuilder::BuildAt(TSNode node, int depth) {
  const PyFields& f = Fields();
  Expr e;
  if (ts_node_is_null(node)) return e;  // a field missing after error recovery
  e.line = LineOf(node);
  if (depth > kMaxExprDepth || budget_ <= 0) {
    if (budget_ <= 0 && !truncated_) {
      truncated_ = true;
      truncated_line_ = e.line;
    }
    e.text = Excerpt(node);
    return e;
  }
  --budget_;
  switch (KindOf(node)) {
    case PyKind::kIdentifier:
      e.kind = ExprKind::kName;
      e.text = std::string(tree_.Text(node));
      return e;
    case PyKind::kAttribute:
      e.text = DottedName(node);
      if (e.text.empty()) {
        e.text = Excerpt(node);
      } else {
        e.kind = ExprKind::kName;
      }
      return e;
    case PyKind::kString:
    case PyKind::kConcatenatedString:
      return BuildString(node);
    case PyKind::kInteger:
    case PyKind::kFloat:
      e.kind = ExprKind::kNumber;
      e.text = std::string(tree_.Text(node));
      return e;
    case PyKind::kUnaryOperator: {
      TSNode operand = ts_node_child_by_field_id(node, f.argument);
      PyKind operand_kind = KindOf(operand);
      std::string_view op = tree_.Text(ts_node_child_by_field_id(node, f.operator_));
      if ((operand_kind == PyKind::kInteger || operand_kind == PyKind::kFloat) &&
          (op == "-" || op == "+")) {
        e.kind = ExprKind::kNumber;
        e.text = std::string(op) + std::string(tree_.Text(operand));
      } else {
        e.text = Excerpt(node);
      }
      return e;
    }
    case PyKind::kTrue:
      e.kind = ExprKind::kTrue;
      return e;
    case PyKind::kFalse:
      e.kind = ExprKind::kFalse;
      return e;
    case PyKind::kNone:
      e.kind = ExprKind::kNone;
      return e;
    case PyKind::kList:
    case PyKind::kTuple:
    case PyKind::kSet:
    case PyKind::kExpressionList: {
      e.kind = ExprKind::kList;
      std::vector<ChildNode> elements;
      lister_.ListNamed(node, &elements);
      for (const ChildNode& element : elements) {
        if (KindOf(element.node) == PyKind::kComment) continue;
        e.items.push_back(BuildAt(element.node, depth + 1));
      }
      return e;
    }
    case PyKind::kDictionary: {
      e.kind = ExprKind::kDict;
      std::vector<ChildNode> entries;
      lister_.ListNamed(node, &entries);
      for (const ChildNode& entry : entries) {
        if (KindOf(entry.node) != PyKind::kPair) continue;
        TSNode key = ts_node_child_by_field_id(entry.node, f.key);
        TSNode value = ts_node_child_by_field_id(entry.node, f.value);
        PyKind key_kind = KindOf(key);
        if (key_kind != PyKind::kString && key_kind != PyKind::kConcatenatedString) continue;
        Expr key_expr = BuildString(key);
        if (key_expr.kind != ExprKind::kString || ts_node_is_null(value)) continue;
        e.keywords.emplace_back(std::move(key_expr.text), BuildAt(value, depth + 1));
      }
      return e;
    }
    case PyKind::kParenthesizedExpression: {
      std::vector<ChildNode> inner;
      lister_.ListNamed(node, &inner);
      std::erase_if(inner, [](const ChildNode& c) { return KindOf(c.node) == PyKind::kComment; });
      if (inner.size() == 1) return BuildAt(inner[0].node, depth + 1);
      e.text = Excerpt(node);
      return e;
    }
    case PyKind::kCall: {
      Expr call = BuildCall(node, depth);
      // typing.cast(T, x) is x at run time (CourtListener's admin models).
      if ((call.text == "cast" || call.text == "typing.cast" || call.text == "t.cast") &&
          call.items.size() == 2 && call.keywords.empty()) {
        return std::move(call.items[1]);
      }
      if (call.text.empty()) return FormatOfAString(node, std::move(call), depth);
      return call;
    }
    case PyKind::kListSplat: {
      // `*router.urls` in a list: kOther reading "*router.urls", with what it unpacks.
      e.text = Excerpt(node);
      TSNode inner = ts_node_named_child(node, 0);
      if (!ts_node_is_null(inner)) e.items.push_back(BuildAt(inner, depth + 1));
      return e;
    }
    case PyKind::kBinaryOperator:
    case PyKind::kBooleanOperator: {  // `get_setting(...) or "events"`: text "or"
      e.kind = ExprKind::kBinOp;
      e.text = std::string(tree_.Text(ts_node_child_by_field_id(node, f.operator_)));
      e.items.push_back(BuildAt(ts_node_child_by_field_id(node, f.left), depth + 1));
      e.items.push_back(BuildAt(ts_node_child_by_field_id(node, f.right), depth + 1));
      return e;
    }
    default:
      e.text = Excerpt(node);
      return e;
  }
}

TSNode Unparenthesize(TSNode node) {
  while (KindOf(node) == PyKind::kParenthesizedExpression && ts_node_named_child_count(node) == 1) {
    node = ts_node_named_child(node, 0);
  }
  return node;
}

}  // namespace djcost
