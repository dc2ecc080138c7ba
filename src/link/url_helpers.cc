#include "link/url_helpers.h"

#include <string_view>

namespace djcost {
namespace {

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

}  // namespace

HelperArguments BindHelperArguments(const FunctionDef& fn, const Expr& call, bool same_file) {
  HelperArguments out;
  auto bindable = [&](const Expr& e) { return same_file || IsLiteral(e); };
  for (size_t i = 0; i < call.items.size() && i < fn.parameters.size(); ++i) {
    const std::string& parameter = fn.parameters[i];
    if (parameter[0] == '*' || IsUnpacked(call.items[i])) break;
    if (bindable(call.items[i])) out.emplace_back(parameter, &call.items[i]);
  }
  for (const auto& [key, value] : call.keywords) {
    for (const std::string& parameter : fn.parameters) {
      if (parameter == key && bindable(value)) out.emplace_back(parameter, &value);
    }
  }
  return out;
}

Expr BindParameters(const Expr& expr, const HelperArguments& arguments) {
  if (expr.kind == ExprKind::kName) {
    const Expr* argument = Find(arguments, expr.text);
    if (argument) {
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
  for (Expr& item : out.items) item = BindParameters(item, arguments);
  for (auto& [key, value] : out.keywords) value = BindParameters(value, arguments);
  return out;
}

}  // namespace djcost
