#include "link/url_helpers.h"

#include <string_view>

namespace djcost {
namespace {

// `*args` or `**kwargs` passed: which parameters they fill is not known.
bool IsUnpacked(const Expr& e) { return e.kind == ExprKind::kOther && !e.text.empty() && e.text[0] == '*'; }

const Expr* Find(const HelperArguments& arguments, std::string_view name) {
  for (const auto& [parameter, argument] : arguments) {
    if (parameter == name) return argument;
  }
  return nullptr;
}

// "view.as_view" with `view` bound to a name: the argument's name + ".as_view".
bool RebindDotted(std::string* dotted, const HelperArguments& arguments) {
  size_t dot = dotted->find('.');
  const Expr* argument = Find(arguments, std::string_view(*dotted).substr(0, dot));
  if (!argument || argument->kind != ExprKind::kName) return false;
  *dotted = dot == std::string::npos ? argument->text : argument->text + dotted->substr(dot);
  return true;
}

std::string EscapeForFString(const std::string& literal) {
  std::string out;
  for (char c : literal) {
    if (c == '{' || c == '}') out += c;
    out += c;
  }
  return out;
}

// f"{prefix}/": a field that is exactly a parameter bound to a string literal
// becomes that literal's text.
std::string BindFString(const std::string& text, const HelperArguments& arguments) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' && i + 1 < text.size() && text[i + 1] == '{') {
      out += "{{";
      ++i;
      continue;
    }
    size_t close = text[i] == '{' ? text.find('}', i) : std::string::npos;
    if (close != std::string::npos) {
      const Expr* argument = Find(arguments, std::string_view(text).substr(i + 1, close - i - 1));
      if (argument && argument->kind == ExprKind::kString) {
        out += EscapeForFString(argument->text);
        i = close;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

void AddPassedNodes(const Expr& original, const Expr& bound, const HelperArguments& passed,
                    std::vector<std::pair<const Expr*, const Expr*>>* out) {
  if (original.kind == ExprKind::kName) {
    if (const Expr* argument = Find(passed, original.text)) {
      out->emplace_back(&bound, argument);
      return;
    }
  }
  for (size_t i = 0; i < original.items.size() && i < bound.items.size(); ++i) {
    AddPassedNodes(original.items[i], bound.items[i], passed, out);
  }
  for (size_t i = 0; i < original.keywords.size() && i < bound.keywords.size(); ++i) {
    AddPassedNodes(original.keywords[i].second, bound.keywords[i].second, passed, out);
  }
}

}  // namespace

bool IsLiteral(const Expr& e) {
  switch (e.kind) {
    case ExprKind::kString:
    case ExprKind::kNumber:
    case ExprKind::kTrue:
    case ExprKind::kFalse:
    case ExprKind::kNone:
      return true;
    default:
      return false;
  }
}

HelperArguments BindHelperArguments(const FunctionDef& fn, const Expr& call) {
  HelperArguments out;
  for (size_t i = 0; i < call.items.size() && i < fn.parameters.size(); ++i) {
    const std::string& parameter = fn.parameters[i];
    if (parameter[0] == '*' || IsUnpacked(call.items[i])) break;
    out.emplace_back(parameter, &call.items[i]);
  }
  for (const auto& [key, value] : call.keywords) {
    for (const std::string& parameter : fn.parameters) {
      if (parameter == key) out.emplace_back(parameter, &value);
    }
  }
  return out;
}

Expr BindParameters(const Expr& expr, const HelperArguments& arguments,
                    const HelperArguments& passed) {
  if (expr.kind == ExprKind::kName) {
    if (const Expr* argument = Find(passed, expr.text)) return *argument;
    if (const Expr* argument = Find(arguments, expr.text)) {
      Expr bound = *argument;
      bound.line = expr.line;
      return bound;
    }
  }
  Expr out = expr;
  if (expr.kind == ExprKind::kName || expr.kind == ExprKind::kCall) {
    RebindDotted(&out.text, arguments);
  } else if (expr.kind == ExprKind::kFString) {
    out.text = BindFString(expr.text, arguments);
  }
  for (Expr& item : out.items) item = BindParameters(item, arguments, passed);
  for (auto& [key, value] : out.keywords) value = BindParameters(value, arguments, passed);
  return out;
}

std::vector<std::pair<const Expr*, const Expr*>> PassedNodes(const Expr& original, const Expr& bound,
                                                             const HelperArguments& passed) {
  std::vector<std::pair<const Expr*, const Expr*>> out;
  if (!passed.empty()) AddPassedNodes(original, bound, passed, &out);
  return out;
}

}  // namespace djcost
