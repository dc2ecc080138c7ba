#include "link/models_resolve.h"

#include <algorithm>

#include "util/strings.h"

namespace djcost {
namespace {

std::string Join(std::string_view a, std::string_view b) {
  if (a.empty()) return std::string(b);
  if (b.empty()) return std::string(a);
  std::string out(a);
  out += '.';
  out += b;
  return out;
}

std::string_view ParentScope(std::string_view scope) {
  size_t dot = scope.rfind('.');
  return dot == std::string_view::npos ? std::string_view() : scope.substr(0, dot);
}

// The function whose body is `scope` in `facts`, or nullptr (a class body, say).
const FunctionDef* FunctionForScope(const FileFacts& facts, std::string_view scope) {
  for (const auto& fn : facts.functions) {
    if (BodyScope(fn) == scope) return &fn;
  }
  for (const auto& cls : facts.classes) {
    for (const auto& m : cls.methods) {
      if (BodyScope(m) == scope) return &m;
    }
  }
  return nullptr;
}

// The absolute dotted name `dotted` stands for when its head is bound by the local
// import `imp`, or "" when `imp` does not bind that head.
std::string ThroughLocalImport(const ProjectIndex& index, int file, const Import& imp,
                               std::string_view head, std::string_view rest) {
  // What ProjectIndex::BindsLocally knows the body binds, so the two agree.
  if (imp.star || BoundName(imp) != head) return "";
  std::string module = index.ImportedModule(file, imp);
  if (module.empty() && imp.name.empty()) return "";
  if (imp.name.empty()) {
    // `import a.b` binds `a` itself; `import a.b as c`, the module.
    return imp.alias.empty() ? Join(head, rest) : Join(module, rest);
  }
  return Join(Join(module, imp.name), rest);
}

// Django's contrib apps: their models live outside the repository but are
// referred to by label ("auth.User", "contenttypes.ContentType").
bool IsContribLabel(std::string_view label) {
  static constexpr std::string_view kLabels[] = {
      "admin", "auth", "contenttypes", "flatpages", "redirects", "sessions", "sites"};
  return std::find(std::begin(kLabels), std::end(kLabels), label) != std::end(kLabels);
}

}  // namespace

std::string BodyScope(const FunctionDef& fn) { return Join(fn.scope, fn.name); }

Symbol ResolveInScope(const ProjectIndex& index, int file, const std::string& scope,
                      std::string_view dotted) {
  if (file < 0 || dotted.empty()) return index.Resolve(file, dotted);
  auto [head, rest] = SplitHead(dotted);
  // Most names no function body binds itself: they mean what the module binds,
  // without the walk through the scopes (a search of every function and import
  // of the file at each, for every name a finder resolves).
  if (!index.BindsLocally(file, head)) return index.Resolve(file, dotted);
  const FileFacts& facts = index.files()[file];
  for (std::string_view s = scope; !s.empty(); s = ParentScope(s)) {
    const FunctionDef* fn = FunctionForScope(facts, s);
    if (!fn) continue;
    for (const auto& nested : facts.functions) {
      if (nested.scope == s && nested.name == head) {
        Symbol sym;
        sym.kind = Symbol::Kind::kFunction;
        sym.file = file;
        sym.function = &nested;
        sym.qualname = index.QualName(file, std::string(s), nested.name);
        sym.remainder = std::string(rest);
        return sym;
      }
    }
    // The last local import of the name in this body wins, as at run time for
    // straight-line code.
    std::string absolute;
    for (const auto& imp : facts.imports) {
      if (imp.module_level || imp.line < fn->line || imp.line > fn->end_line) continue;
      std::string target = ThroughLocalImport(index, file, imp, head, rest);
      if (!target.empty()) absolute = std::move(target);
    }
    if (!absolute.empty()) return index.ResolveAbsolute(absolute);
  }
  return index.Resolve(file, dotted);
}

Location DefinitionLocation(const FileFacts& facts, int line,
                            const std::vector<Expr>& decorators) {
  int first = line;
  for (const auto& d : decorators) {
    if (d.line > 0 && d.line < first) first = d.line;
  }
  return {facts.file.path, first, 0};
}

std::string FullName(const Symbol& s) { return Join(s.qualname, s.remainder); }

bool ReachesAny(const ProjectIndex& index, const std::string& qualname,
                std::initializer_list<std::string_view> names, std::string_view tag) {
  for (const auto& a : index.Ancestors(qualname)) {
    if (std::find(names.begin(), names.end(), a) != names.end()) return true;
  }
  return !tag.empty() && index.HasTag(qualname, tag);
}

ModelRefs::ModelRefs(const ProjectIndex& index, const Apps& apps, std::string auth_user_model)
    : index_(index), apps_(apps), auth_user_model_(std::move(auth_user_model)) {
  if (auth_user_model_.empty()) auth_user_model_ = "auth.User";
}

std::string ModelRefs::AppOf(int file, const ClassDef& cls) const {
  for (const auto& m : cls.meta) {
    if (m.target == "app_label" && m.value.kind == ExprKind::kString) return m.value.text;
  }
  return apps_.LabelForFile(file);
}

ModelTarget ModelRefs::ByLabel(std::string_view label_dot_name) const {
  size_t dot = label_dot_name.find('.');
  if (dot == std::string_view::npos) return {std::string(label_dot_name), ""};
  std::string label(label_dot_name.substr(0, dot));
  std::string_view name = label_dot_name.substr(dot + 1);
  // Django looks models up by label and case-insensitive name. Among several
  // candidates, models beat other classes and application code beats tests.
  const std::pair<int, const ClassDef*>* best = nullptr;
  int best_rank = 0;
  for (const auto& candidate : index_.ModuleClassesNamedCaseless(Lower(name))) {
    if (AppOf(candidate.first, *candidate.second) != label) continue;
    std::string qual = index_.QualName(candidate.first, "", candidate.second->name);
    int rank = (index_.HasTag(qual, "model") ? 2 : 0) +
               (index_.files()[candidate.first].file.kind != FileKind::kTest ? 1 : 0);
    if (!best || rank > best_rank) {
      best = &candidate;
      best_rank = rank;
    }
  }
  if (best) return {index_.QualName(best->first, "", best->second->name), label};
  if (!apps_.HasLabel(label) && IsContribLabel(label)) {
    return {"django.contrib." + label + ".models." + std::string(name), label};
  }
  return {std::string(label_dot_name), label};
}

ModelTarget ModelRefs::Resolve(int file, const std::string& scope, const Expr& ref,
                               const std::string& self_qualname,
                               const std::string& self_app) const {
  switch (ref.kind) {
    case ExprKind::kString:
      if (ref.text == "self") {
        if (self_qualname.empty()) return {ref.text, ""};
        return {self_qualname, self_app};
      }
      if (ref.text.find('.') != std::string::npos) return ByLabel(ref.text);
      if (!self_app.empty()) {
        ModelTarget t = ByLabel(self_app + "." + ref.text);
        if (t.qualname != self_app + "." + ref.text) return t;
      }
      return {ref.text, self_app};
    case ExprKind::kName: {
      if (ref.text == "AUTH_USER_MODEL" || LastComponent(ref.text) == "AUTH_USER_MODEL") {
        return UserModel();
      }
      Symbol s = ResolveInScope(index_, file, scope, ref.text);
      if (s.kind == Symbol::Kind::kClass && s.remainder.empty()) {
        return {s.qualname, AppOf(s.file, *s.cls)};
      }
      if (s.kind == Symbol::Kind::kExternal) {
        std::string full = FullName(s);
        return {full, ExternalApp(full)};
      }
      if (s.kind == Symbol::Kind::kVariable && s.remainder.empty() && s.value &&
          s.value->kind == ExprKind::kString) {
        return Resolve(s.file, "", *s.value, self_qualname, self_app);
      }
      return {ref.text, ""};
    }
    case ExprKind::kCall: {
      std::string_view callee = LastComponent(ref.text);
      if (callee == "get_user_model") return UserModel();
      // apps.get_model("shop", "Order"), apps.get_model("shop.Order") and, in an
      // AppConfig, self.get_model("Order").
      const auto& args = ref.items;
      bool strings = !args.empty() && args.size() <= 2 &&
                     std::all_of(args.begin(), args.end(), [](const Expr& a) {
                       return a.kind == ExprKind::kString;
                     });
      if (callee == "get_model" && strings) {
        if (args.size() == 2) return ByLabel(args[0].text + "." + args[1].text);
        if (args[0].text.find('.') != std::string::npos) return ByLabel(args[0].text);
        return ByLabel(apps_.LabelForFile(file) + "." + args[0].text);
      }
      return {ref.text, ""};
    }
    default:
      return {ref.text, ""};
  }
}

std::string ModelRefs::ExternalApp(std::string_view qualname) {
  std::string_view previous;
  std::string_view rest = qualname;
  while (!rest.empty()) {
    auto [part, tail] = SplitHead(rest);
    if (part == "models" && !previous.empty() && !tail.empty()) return std::string(previous);
    previous = part;
    rest = tail;
  }
  return "";
}

}  // namespace djcost
