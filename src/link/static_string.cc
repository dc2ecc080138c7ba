#include "link/static_string.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

#include "link/models_resolve.h"
#include "util/strings.h"

namespace djcost {
namespace {

constexpr int kMaxDepth = 8;

bool Eval(const ProjectIndex& index, int settings_file, int file, const Expr& expr,
          std::string* out, int depth);
bool EvalEnvironmentDefault(const ProjectIndex& index, int settings_file, int file,
                            const Expr& call, std::string* out, int depth);

// Calls `take(file, value)` on what module-level `name` in `file` may be bound
// to, last binding first, until one is taken: its plain assignments, those that
// always run before those under a condition, else whatever an import binds
// (ProjectIndex::EvalValue). `environment = "production"` then `if DEBUG:
// environment = "development"` (LibrePhotos) is "production", as Django runs it
// with nothing set; `urlpath = get_setting(...)` then `if not urlpath: urlpath =
// "events"` (tendenci) is "events".
template <typename Take>
bool TakeVariableBinding(const ProjectIndex& index, int file, const std::string& name,
                         const Take& take) {
  if (file < 0) return false;
  const auto& assignments = index.files()[file].assignments;
  bool assigned = false;
  for (bool conditional : {false, true}) {
    for (auto it = assignments.rbegin(); it != assignments.rend(); ++it) {
      if (it->target != name || it->augmented || it->conditional != conditional) continue;
      assigned = true;
      if (take(file, it->value)) return true;
    }
  }
  if (assigned) return false;
  int value_file = -1;
  const Expr* value = index.EvalValue(file, name, &value_file);
  return value && value_file != file && take(value_file, *value);
}

// `StatusView.MODEL_REF`: the class body's last plain assignment to the name.
// Inherited attributes are not looked up: a base may be outside the repository.
template <typename Take>
bool TakeClassAttribute(const Symbol& cls, const Take& take) {
  const auto& attributes = cls.cls->attributes;
  for (auto it = attributes.rbegin(); it != attributes.rend(); ++it) {
    if (it->target != cls.remainder || it->augmented) continue;
    return !it->conditional && take(cls.file, it->value);
  }
  return false;
}

// Arches' `settings = SystemSettings()`, a subclass of django.conf.LazySettings:
// its attributes are the settings module's, as django.conf.settings' are.
bool IsLazySettings(const ProjectIndex& index, const Symbol& s) {
  if (s.kind != Symbol::Kind::kVariable || !s.value || s.value->kind != ExprKind::kCall) {
    return false;
  }
  Symbol cls = index.Resolve(s.file, s.value->text);
  if (cls.kind != Symbol::Kind::kClass || !cls.remainder.empty()) return false;
  const auto& ancestors = index.Ancestors(cls.qualname);
  return std::find(ancestors.begin(), ancestors.end(), "django.conf.LazySettings") !=
         ancestors.end();
}

// TakeVariableBinding for a dotted name as written in `file`: a module-level
// variable, a class attribute or a setting.
template <typename Take>
bool TakeNameBinding(const ProjectIndex& index, int settings_file, int file,
                     const std::string& dotted, const Take& take) {
  Symbol s = index.Resolve(file, dotted);
  if (s.kind == Symbol::Kind::kVariable && s.remainder.empty()) {
    return TakeVariableBinding(index, s.file, s.variable, take);
  }
  if (s.kind == Symbol::Kind::kVariable && s.remainder.find('.') == std::string::npos &&
      IsLazySettings(index, s)) {
    return TakeVariableBinding(index, settings_file, s.remainder, take);
  }
  if (s.kind == Symbol::Kind::kClass && !s.remainder.empty() &&
      s.remainder.find('.') == std::string::npos) {
    return TakeClassAttribute(s, take);
  }
  if (s.kind == Symbol::Kind::kExternal) {
    std::string full = FullName(s);
    if (std::string_view setting = SettingName(full); !setting.empty()) {
      return TakeVariableBinding(index, settings_file, std::string(setting), take);
    }
  }
  return false;
}

// A binding taker that evaluates the value to a string: the last binding
// that evaluates wins.
auto EvalInto(const ProjectIndex& index, int settings_file, std::string* out, int depth) {
  return [&index, settings_file, out, depth](int value_file, const Expr& value) {
    return Eval(index, settings_file, value_file, value, out, depth + 1);
  };
}

bool EvalName(const ProjectIndex& index, int settings_file, int file, const std::string& dotted,
              std::string* out, int depth) {
  return TakeNameBinding(index, settings_file, file, dotted,
                         EvalInto(index, settings_file, out, depth));
}

// `text` with each `{field}` replaced by `value_of(field, &value)`, `{{` and `}}`
// unescaped: the skeleton f-strings and str.format share. False when a brace is
// unbalanced or a field does not read.
template <typename ValueOf>
bool ReplaceFields(const std::string& text, const ValueOf& value_of, std::string* out) {
  std::string result;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      result += c;
      ++i;
      continue;
    }
    if (c == '}') return false;
    if (c != '{') {
      result += c;  // escapes were decoded by extraction (kept in a raw f-string)
      continue;
    }
    size_t close = text.find('}', i);
    if (close == std::string::npos) return false;
    std::string value;
    if (!value_of(text.substr(i + 1, close - i - 1), &value)) return false;
    result += value;
    i = close;
  }
  *out = std::move(result);
  return true;
}

// The dotted name an f-string field reads (`{ prefix!r:>3}` -> "prefix":
// conversions and format specs ignored), or "" for any other expression.
std::string FieldName(std::string field) {
  size_t cut = field.find_first_of("!:=");
  if (cut != std::string::npos) field = field.substr(0, cut);
  while (!field.empty() && field.back() == ' ') field.pop_back();
  while (!field.empty() && field.front() == ' ') field.erase(0, 1);
  for (char f : field) {
    if (!(std::isalnum(static_cast<unsigned char>(f)) || f == '_' || f == '.')) return "";
  }
  return field;
}

// f"{prefix}admin/": literal parts kept, each field a name.
bool EvalFString(const ProjectIndex& index, int settings_file, int file, const Expr& expr,
                 std::string* out, int depth) {
  auto name_value = [&](const std::string& field, std::string* value) {
    std::string name = FieldName(field);
    return !name.empty() && EvalName(index, settings_file, file, name, value, depth);
  };
  return ReplaceFields(expr.text, name_value, out);
}

// The values a `%` formats: by position (one value, or a tuple's items), or by
// key from a dict display (`"^%(acronym)s/$" % settings.URL_REGEXPS`).
struct PercentOperands {
  int file = -1;  // where the values are written
  std::vector<const Expr*> positional;
  const Expr* mapping = nullptr;  // a kDict, or nullptr
};

// datatracker's `settings.URL_REGEXPS`: the dict display a name is bound to
// (the last binding that is one), or nullptr.
const Expr* DictNamed(const ProjectIndex& index, int settings_file, int file,
                      const std::string& dotted, int* dict_file) {
  const Expr* found = nullptr;
  TakeNameBinding(index, settings_file, file, dotted, [&](int value_file, const Expr& value) {
    if (value.kind != ExprKind::kDict) return false;
    found = &value;
    *dict_file = value_file;
    return true;
  });
  return found;
}

// A list display is read as a tuple: extraction does not tell them apart, and
// routes format tuples (`"^%s/%s/$" % (urlpath, "x")`).
PercentOperands ReadPercentOperands(const ProjectIndex& index, int settings_file, int file,
                                    const Expr& right) {
  PercentOperands operands;
  operands.file = file;
  if (right.kind == ExprKind::kDict) {
    operands.mapping = &right;
    return operands;
  }
  if (right.kind == ExprKind::kName) {
    operands.mapping = DictNamed(index, settings_file, file, right.text, &operands.file);
    if (operands.mapping) return operands;
  }
  if (right.kind == ExprKind::kList) {
    for (const Expr& item : right.items) operands.positional.push_back(&item);
  } else {
    operands.positional.push_back(&right);
  }
  return operands;
}

// `42` and `-1`, not floats, hexadecimals or `1_000`: what %d gives as written.
bool IsDecimalInteger(std::string_view text) {
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
  if (text.empty() || (text.size() > 1 && text[0] == '0')) return false;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// One conversion: %s of a string or an integer literal, %d of an integer literal.
bool Convert(const ProjectIndex& index, int settings_file, int file, char conversion,
             const Expr& value, std::string* out, int depth) {
  if (conversion != 's' && conversion != 'd') return false;
  if (value.kind == ExprKind::kNumber) {
    if (!IsDecimalInteger(value.text)) return false;
    *out = value.text[0] == '+' ? value.text.substr(1) : value.text;
    return true;
  }
  return conversion == 's' && Eval(index, settings_file, file, value, out, depth + 1);
}

// `format % operands` with conversions written bare or keyed (`%s`, `%(key)s`)
// and `%%`; flags, widths and other conversions are not read. As in Python, a
// positional value left unformatted is an error.
bool FormatPercent(const ProjectIndex& index, int settings_file, const std::string& format,
                   const PercentOperands& operands, std::string* out, int depth) {
  std::string result;
  size_t next = 0;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') {
      result += format[i];
      continue;
    }
    if (++i == format.size()) return false;
    if (format[i] == '%') {
      result += '%';
      continue;
    }
    const Expr* value = nullptr;
    if (format[i] == '(') {
      size_t close = format.find(')', i);
      if (!operands.mapping || close == std::string::npos || close + 1 == format.size()) {
        return false;
      }
      value = operands.mapping->Keyword(format.substr(i + 1, close - i - 1));
      i = close + 1;
    } else if (!operands.mapping && next < operands.positional.size()) {
      value = operands.positional[next++];
    }
    std::string converted;
    if (!value || !Convert(index, settings_file, operands.file, format[i], *value, &converted,
                           depth)) {
      return false;
    }
    result += converted;
  }
  if (!operands.mapping && next != operands.positional.size()) return false;
  *out = std::move(result);
  return true;
}

// `r"^%s/$" % urlpath` (tendenci's configurable app prefixes), `"^addon/%s/" %
// ADDON_ID` (addons-server).
bool EvalPercent(const ProjectIndex& index, int settings_file, int file, const Expr& binop,
                 std::string* out, int depth) {
  std::string format;
  if (!Eval(index, settings_file, file, binop.items[0], &format, depth + 1)) return false;
  PercentOperands operands = ReadPercentOperands(index, settings_file, file, binop.items[1]);
  return FormatPercent(index, settings_file, format, operands, out, depth);
}

// `"^v{}/".format(API_VERSION)` (Mayan EDMS), kept by the extractor as an
// operation "format" over the string and its positional arguments: `{}`, `{0}`
// and `{name}` fields, `{{` and `}}` escapes; a field with a conversion or a
// format spec, or an argument that does not read, leaves the string unread.
bool EvalFormat(const ProjectIndex& index, int settings_file, int file, const Expr& binop,
                std::string* out, int depth) {
  std::string format;
  if (!Eval(index, settings_file, file, binop.items[0], &format, depth + 1)) return false;
  const std::vector<Expr>& positional = binop.items[1].items;
  size_t next = 0;
  auto argument_value = [&](const std::string& field, std::string* value) {
    if (field.find_first_of("!:[.") != std::string::npos) return false;
    const Expr* argument = nullptr;
    if (field.empty()) {
      argument = next < positional.size() ? &positional[next++] : nullptr;
    } else if (field.size() <= 6 && std::all_of(field.begin(), field.end(),
                                                [](char d) { return d >= '0' && d <= '9'; })) {
      size_t n = std::stoul(field);
      argument = n < positional.size() ? &positional[n] : nullptr;
    } else {
      argument = binop.Keyword(field);
    }
    return argument && Eval(index, settings_file, file, *argument, value, depth + 1);
  };
  return ReplaceFields(format, argument_value, out);
}

// True when `s` is a module-level instance of django-environ's reader:
// `env = environ.Env()`.
bool IsEnvironReader(const ProjectIndex& index, const Symbol& s) {
  if (s.kind != Symbol::Kind::kVariable || !s.value || s.value->kind != ExprKind::kCall) {
    return false;
  }
  Symbol cls = index.Resolve(s.file, s.value->text);
  if (cls.kind != Symbol::Kind::kExternal) return false;
  std::string full = FullName(cls);
  return full == "environ.Env" || full == "environ.environ.Env";
}

// The argument holding the fallback of a call that reads the environment, or
// nullptr: os.getenv("ROOT_URLCONF", "geonode.urls"), os.environ.get(name,
// default), python-decouple's config(name, default), and django-environ's
// env(name, cast, default) and env.str(name, default) (djangopackages).
const Expr* EnvironmentFallback(const ProjectIndex& index, int file, const Expr& call) {
  Symbol s = index.Resolve(file, call.text);
  size_t default_position = 1;
  if (s.kind == Symbol::Kind::kExternal) {
    std::string full = FullName(s);
    if (full != "os.getenv" && full != "os.environ.get" && full != "decouple.config") {
      return nullptr;
    }
  } else if (IsEnvironReader(index, s) && (s.remainder.empty() || s.remainder == "str")) {
    if (s.remainder.empty()) default_position = 2;
  } else {
    return nullptr;
  }
  if (call.items.size() > default_position) return &call.items[default_position];
  return call.Keyword("default");
}

// `get_setting("module", "events", "url") or "events"` (tendenci): the left
// side when it reads as a non-empty string, else the right side, the value a
// project that sets nothing runs with.
bool EvalOr(const ProjectIndex& index, int settings_file, int file, const Expr& binop,
            std::string* out, int depth) {
  std::string left;
  if (Eval(index, settings_file, file, binop.items[0], &left, depth + 1) && !left.empty()) {
    *out = std::move(left);
    return true;
  }
  return Eval(index, settings_file, file, binop.items[1], out, depth + 1);
}

// The fallback of a call that reads the environment, which is what Django gets
// where the variable is not set.
bool EvalEnvironmentDefault(const ProjectIndex& index, int settings_file, int file,
                            const Expr& call, std::string* out, int depth) {
  const Expr* fallback = EnvironmentFallback(index, file, call);
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
  if (TakeVariableBinding(index, settings_file, call.items[1].text,
                          EvalInto(index, settings_file, out, depth))) {
    return true;
  }
  return Eval(index, settings_file, file, call.items[2], out, depth + 1);
}

// Paths are read relative to the scanned folder, whose own name is not known
// (and is the machine's business): a settings module's `__file__` is its path
// there, and a path that climbs above the folder, or names the folder itself,
// does not read.

// `os.path.dirname`: the folder holding `path`; false above the scanned folder.
bool PathParent(std::string* path) {
  if (path->empty()) return false;
  size_t slash = path->rfind('/');
  path->erase(slash == std::string::npos ? 0 : slash);
  return true;
}

// `os.path.basename`: the last component; false for the scanned folder itself.
bool PathName(std::string* path) {
  if (path->empty()) return false;
  size_t slash = path->rfind('/');
  if (slash != std::string::npos) path->erase(0, slash + 1);
  return !path->empty();
}

// `os.path.normpath` (and abspath, which is normpath of a relative path):
// `.` and empty components dropped, `..` climbing one folder.
bool PathNormal(std::string* path) {
  if (!path->empty() && (*path)[0] == '/') return false;
  std::string normal;
  for (const std::string& part : Split(*path, '/')) {
    if (part.empty() || part == ".") continue;
    if (part != "..") {
      normal += (normal.empty() ? "" : "/") + part;
    } else if (!PathParent(&normal)) {
      return false;
    }
  }
  *path = std::move(normal);
  return true;
}

// `os.path.join(a, b, ...)` of relative parts.
bool PathJoin(std::string* path, const std::string& part) {
  if (!part.empty() && part[0] == '/') return false;
  *path = path->empty() ? part : *path + "/" + part;
  return true;
}

// The Two Scoops / edX settings (openedx ecommerce): `DJANGO_ROOT =
// dirname(dirname(abspath(__file__)))`, `SITE_NAME = basename(DJANGO_ROOT)`,
// `ROOT_URLCONF = "{}.urls".format(SITE_NAME)`. os.path's dirname, basename,
// abspath, realpath, normpath and join.
bool EvalOsPath(const ProjectIndex& index, int settings_file, int file, const Expr& call,
                std::string* out, int depth) {
  if (call.text.empty() || call.items.empty() || !call.keywords.empty()) return false;
  Symbol s = index.Resolve(file, call.text);
  if (s.kind != Symbol::Kind::kExternal) return false;
  std::string function = FullName(s);
  if (!StartsWith(function, "os.path.")) return false;
  function.erase(0, 8);
  std::string path;
  if (!Eval(index, settings_file, file, call.items[0], &path, depth + 1)) return false;
  bool read = false;
  if (function == "join") {
    read = true;
    for (size_t i = 1; i < call.items.size() && read; ++i) {
      std::string part;
      read = Eval(index, settings_file, file, call.items[i], &part, depth + 1) &&
             PathJoin(&path, part);
    }
  } else if (call.items.size() == 1) {
    if (function == "dirname") read = PathParent(&path);
    if (function == "basename") read = PathName(&path);
    if (function == "abspath" || function == "realpath" || function == "normpath") {
      read = PathNormal(&path);
    }
  }
  if (read) *out = std::move(path);
  return read;
}

// `Path(__file__).resolve().parent.parent.name`, kept by extraction as source
// text: pathlib's resolve(), absolute(), parent and a last name.
bool EvalPathlibChain(const ProjectIndex& index, int file, const Expr& expr, std::string* out) {
  static constexpr std::string_view kOpen = "(__file__)";
  if (file < 0) return false;
  size_t open = expr.text.find(kOpen);
  if (open == std::string::npos || open == 0) return false;
  Symbol path_class = index.Resolve(file, expr.text.substr(0, open));
  if (path_class.kind != Symbol::Kind::kExternal || FullName(path_class) != "pathlib.Path") {
    return false;
  }
  std::string path = index.files()[file].file.path;
  std::string_view rest = std::string_view(expr.text).substr(open + kOpen.size());
  std::vector<std::string> steps;
  if (!rest.empty()) {
    if (rest[0] != '.') return false;
    steps = Split(rest.substr(1), '.');
  }
  for (size_t i = 0; i < steps.size(); ++i) {
    const std::string& step = steps[i];
    bool read = false;
    if (step == "resolve()" || step == "absolute()") read = PathNormal(&path);
    if (step == "parent") read = PathParent(&path);
    if (step == "name") read = i + 1 == steps.size() && PathName(&path);
    if (!read) return false;
  }
  *out = std::move(path);
  return true;
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
      if (expr.text == "__file__" && file >= 0) {
        *out = index.files()[file].file.path;
        return true;
      }
      return EvalName(index, settings_file, file, expr.text, out, depth);
    case ExprKind::kBinOp: {
      if (expr.items.size() != 2) return false;
      if (expr.text == "%") return EvalPercent(index, settings_file, file, expr, out, depth);
      if (expr.text == "or") return EvalOr(index, settings_file, file, expr, out, depth);
      if (expr.text == "format") return EvalFormat(index, settings_file, file, expr, out, depth);
      std::string left, right;
      if (expr.text != "+" ||
          !Eval(index, settings_file, file, expr.items[0], &left, depth + 1) ||
          !Eval(index, settings_file, file, expr.items[1], &right, depth + 1)) {
        return false;
      }
      *out = left + right;
      return true;
    }
    case ExprKind::kCall:
      return EvalEnvironmentDefault(index, settings_file, file, expr, out, depth) ||
             EvalSettingWithDefault(index, settings_file, file, expr, out, depth) ||
             EvalOsPath(index, settings_file, file, expr, out, depth);
    case ExprKind::kOther:
      return EvalPathlibChain(index, file, expr, out);
    default:
      return false;
  }
}

}  // namespace

bool EvalFStringPartly(const ProjectIndex& index, int settings_file, int file,
                       const Expr& fstring, std::string* out, std::vector<std::string>* unread) {
  auto value_or_field = [&](const std::string& field, std::string* value) {
    std::string name = FieldName(field);
    if (!name.empty() && EvalName(index, settings_file, file, name, value, 0)) return true;
    *value = "{" + field + "}";
    unread->push_back(field);
    return true;
  };
  return ReplaceFields(fstring.text, value_or_field, out);
}

bool EvalString(const ProjectIndex& index, int settings_file, int file, const Expr& expr,
                std::string* out) {
  return Eval(index, settings_file, file, expr, out, 0);
}

}  // namespace djcost
