#include "link/static_string.h"

#include <cctype>
#include <string_view>

#include "link/models_resolve.h"

namespace djcost {
namespace {

constexpr int kMaxDepth = 8;

bool Eval(const ProjectIndex& index, int settings_file, int file, const Expr& expr,
          std::string* out, int depth);
bool EvalEnvironmentDefault(const ProjectIndex& index, int settings_file, int file,
                            const Expr& call, std::string* out, int depth);

// The value of module-level `name` in `file`: its plain assignments, last first,
// then whatever an import binds (ProjectIndex::EvalValue).
bool EvalVariable(const ProjectIndex& index, int settings_file, int file,
                  const std::string& name, std::string* out, int depth) {
  if (file < 0) return false;
  const auto& assignments = index.files()[file].assignments;
  bool assigned = false;
  for (auto it = assignments.rbegin(); it != assignments.rend(); ++it) {
    if (it->target != name || it->augmented) continue;
    assigned = true;
    if (Eval(index, settings_file, file, it->value, out, depth + 1)) return true;
  }
  if (assigned) return false;
  int value_file = -1;
  const Expr* value = index.EvalValue(file, name, &value_file);
  return value && value_file != file &&
         Eval(index, settings_file, value_file, *value, out, depth + 1);
}

// `StatusView.MODEL_REF`: the class body's last plain assignment to the name.
// Inherited attributes are not looked up: a base may be outside the repository.
bool EvalClassAttribute(const ProjectIndex& index, int settings_file, const Symbol& cls,
                        std::string* out, int depth) {
  const auto& attributes = cls.cls->attributes;
  for (auto it = attributes.rbegin(); it != attributes.rend(); ++it) {
    if (it->target != cls.remainder || it->augmented) continue;
    return !it->conditional && Eval(index, settings_file, cls.file, it->value, out, depth + 1);
  }
  return false;
}

bool EvalName(const ProjectIndex& index, int settings_file, int file, const std::string& dotted,
              std::string* out, int depth) {
  Symbol s = index.Resolve(file, dotted);
  if (s.kind == Symbol::Kind::kVariable && s.remainder.empty()) {
    return EvalVariable(index, settings_file, s.file, s.variable, out, depth);
  }
  if (s.kind == Symbol::Kind::kClass && !s.remainder.empty() &&
      s.remainder.find('.') == std::string::npos) {
    return EvalClassAttribute(index, settings_file, s, out, depth);
  }
  if (s.kind == Symbol::Kind::kExternal) {
    std::string full = FullName(s);
    if (std::string_view setting = SettingName(full); !setting.empty()) {
      return EvalVariable(index, settings_file, settings_file, std::string(setting), out,
                          depth);
    }
  }
  return false;
}

// f"{prefix}admin/": literal parts kept, `{{`/`}}` unescaped, each field a name.
bool EvalFString(const ProjectIndex& index, int settings_file, int file, const Expr& expr,
                 std::string* out, int depth) {
  const std::string& t = expr.text;
  std::string result;
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if ((c == '{' || c == '}') && i + 1 < t.size() && t[i + 1] == c) {
      result += c;
      ++i;
      continue;
    }
    if (c == '}') return false;
    if (c != '{') {
      result += c;  // escapes were decoded by extraction (kept in a raw f-string)
      continue;
    }
    size_t close = t.find('}', i);
    if (close == std::string::npos) return false;
    std::string field = t.substr(i + 1, close - i - 1);
    size_t cut = field.find_first_of("!:=");
    if (cut != std::string::npos) field = field.substr(0, cut);
    while (!field.empty() && field.back() == ' ') field.pop_back();
    while (!field.empty() && field.front() == ' ') field.erase(0, 1);
    if (field.empty()) return false;
    for (char f : field) {
      if (!(std::isalnum(static_cast<unsigned char>(f)) || f == '_' || f == '.')) return false;
    }
    std::string value;
    if (!EvalName(index, settings_file, file, field, &value, depth)) return false;
    result += value;
    i = close;
  }
  *out = std::move(result);
  return true;
}

// os.getenv("ROOT_URLCONF", "geonode.urls") and os.environ.get(name, default):
// the default, which is what Django gets where the variable is not set.
bool EvalEnvironmentDefault(const ProjectIndex& index, int settings_file, int file,
                            const Expr& call, std::string* out, int depth) {
  Symbol s = index.Resolve(file, call.text);
  if (s.kind != Symbol::Kind::kExternal) return false;
  std::string full = FullName(s);
  if (full != "os.getenv" && full != "os.environ.get") return false;
  const Expr* fallback = call.items.size() > 1 ? &call.items[1] : call.Keyword("default");
  return fallback && Eval(index, settings_file, file, *fallback, out, depth + 1);
}

// getattr(settings, "OCM_ENDPOINT", "api/v2.1/ocm/") (reusable apps' settings
// with defaults): the setting where the settings module binds it, else the default.
bool EvalSettingWithDefault(const ProjectIndex& index, int settings_file, int file,
                            const Expr& call, std::string* out, int depth) {
  if (call.text != "getattr" || call.items.size() != 3 || call.items[0].kind != ExprKind::kName ||
      call.items[1].kind != ExprKind::kString) {
    return false;
  }
  Symbol settings = index.Resolve(file, call.items[0].text);
  if (settings.kind != Symbol::Kind::kExternal || FullName(settings) != "django.conf.settings") {
    return false;
  }
  if (settings_file >= 0 &&
      EvalVariable(index, settings_file, settings_file, call.items[1].text, out, depth)) {
    return true;
  }
  return Eval(index, settings_file, file, call.items[2], out, depth + 1);
}

bool Eval(const ProjectIndex& index, int settings_file, int file, const Expr& expr,
          std::string* out, int depth) {
  if (depth > kMaxDepth) return false;
  switch (expr.kind) {
    case ExprKind::kString:
      *out = expr.text;
      return true;
    case ExprKind::kFString:
      return EvalFString(index, settings_file, file, expr, out, depth);
    case ExprKind::kName:
      return EvalName(index, settings_file, file, expr.text, out, depth);
    case ExprKind::kBinOp: {
      std::string left, right;
      if (expr.text != "+" || expr.items.size() != 2 ||
          !Eval(index, settings_file, file, expr.items[0], &left, depth + 1) ||
          !Eval(index, settings_file, file, expr.items[1], &right, depth + 1)) {
        return false;
      }
      *out = left + right;
      return true;
    }
    case ExprKind::kCall:
      return EvalEnvironmentDefault(index, settings_file, file, expr, out, depth) ||
             EvalSettingWithDefault(index, settings_file, file, expr, out, depth);
    default:
      return false;
  }
}

}  // namespace

bool EvalString(const ProjectIndex& index, int settings_file, int file, const Expr& expr,
                std::string* out) {
  return Eval(index, settings_file, file, expr, out, 0);
}

}  // namespace djcost
