#include "link/project_index.h"

#include <algorithm>
#include <limits>

#include "link/loop_calls.h"
#include "util/strings.h"

namespace djcost {
namespace {

// Import chains longer than this are cycles or pathological re-exports.
constexpr int kMaxDepth = 24;

std::string Join(std::string_view a, std::string_view b) {
  if (a.empty()) return std::string(b);
  if (b.empty()) return std::string(a);
  std::string out(a);
  out += '.';
  out += b;
  return out;
}

bool IsListMutator(std::string_view callee, const std::string& name, std::string_view* method) {
  if (callee.size() <= name.size() + 1 || callee.substr(0, name.size()) != name ||
      callee[name.size()] != '.') {
    return false;
  }
  *method = callee.substr(name.size() + 1);
  return *method == "append" || *method == "extend" || *method == "insert" ||
         *method == "remove";
}

}  // namespace

std::string_view SettingName(std::string_view dotted) {
  constexpr std::string_view kSettings = "django.conf.settings.";
  if (dotted.substr(0, kSettings.size()) != kSettings) return "";
  std::string_view name = dotted.substr(kSettings.size());
  return name.find('.') == std::string_view::npos ? name : "";
}

std::pair<std::string_view, std::string_view> SplitHead(std::string_view dotted) {
  size_t dot = dotted.find('.');
  if (dot == std::string_view::npos) return {dotted, {}};
  return {dotted.substr(0, dot), dotted.substr(dot + 1)};
}

std::string_view LastComponent(std::string_view dotted) {
  size_t dot = dotted.rfind('.');
  return dot == std::string_view::npos ? dotted : dotted.substr(dot + 1);
}

std::string_view BoundName(const Import& imp) {
  if (!imp.alias.empty()) return imp.alias;
  return imp.name.empty() ? SplitHead(imp.module).first : std::string_view(imp.name);
}

ProjectIndex::ProjectIndex(const std::vector<FileFacts>& files, const RuleSet& rules,
                           const std::vector<std::string>& markers)
    : files_(files),
      rules_(rules),
      tables_(std::make_shared<Tables>(ModuleIndex(files, markers))) {
  for (const auto& known : rules_.classes) {
    tables_->known_classes.emplace(known.qualname, &known);
    for (const auto& alias : known.aliases) tables_->known_classes.emplace(alias, &known);
    auto [it, inserted] = tables_->known_by_last[std::string(SplitHead(known.qualname).first)].emplace(
        std::string(LastComponent(known.qualname)), &known);
    if (!inserted && it->second != &known) it->second = nullptr;  // ambiguous: no fallback
  }
  for (const auto& known : rules_.functions) {
    tables_->known_functions.emplace(known.qualname, &known);
    for (const auto& alias : known.aliases) tables_->known_functions.emplace(alias, &known);
  }

  tables_->namespaces.resize(files_.size());
  resolved_.resize(files_.size());
  tables_->shadowed.resize(files_.size());
  tables_->star_modules.resize(files_.size());
  tables_->local_names.resize(files_.size());
  for (size_t i = 0; i < files_.size(); ++i) {
    const FileFacts& facts = files_[i];
    const int file = static_cast<int>(i);
    Namespace::Building ns, shadowed;
    std::vector<std::string_view>& local = tables_->local_names[i];
    for (const auto& fn : facts.functions) {
      if (!fn.scope.empty()) local.push_back(fn.name);
    }
    // First binding wins: `try: from x import y / except: y = None` keeps the import.
    for (const auto& imp : facts.imports) {
      if (!imp.module_level) {
        if (!imp.star) local.push_back(BoundName(imp));
        continue;
      }
      std::string_view module = imp.module;
      if (imp.level != 0) module = tables_->relative_modules.emplace_back(ImportedModule(file, imp));
      if (imp.star) {
        tables_->star_modules[i].push_back(module);
      } else if (imp.name.empty()) {
        Binding b{Binding::Kind::kImportModule};
        if (imp.alias.empty()) {
          b.module = SplitHead(module).first;
          ns.emplace(b.module, b);
        } else {
          b.module = module;
          ns.emplace(imp.alias, b);
        }
      } else {
        Binding b{Binding::Kind::kImportFrom};
        b.module = module;
        b.name = imp.name;
        ns.emplace(imp.alias.empty() ? imp.name : imp.alias, b);
      }
    }
    for (const auto& cls : facts.classes) {
      std::string qual = QualName(file, cls.scope, cls.name);
      tables_->classes.emplace(tables_->names.Copy(qual), std::make_pair(file, &cls));
      if (!cls.scope.empty()) continue;
      if (facts.file.kind != FileKind::kMigration) {
        std::string lower = Lower(cls.name);
        auto it = tables_->module_classes_by_lower_name.find(lower);
        if (it == tables_->module_classes_by_lower_name.end()) {
          it = tables_->module_classes_by_lower_name.try_emplace(tables_->names.Copy(lower)).first;
        }
        it->second.emplace_back(file, &cls);
      }
      Binding b{Binding::Kind::kClass};
      b.cls = &cls;
      // A definition beats an import of the same name; the import stays reachable
      // for the class's own bases (`class ListView(ListView)`).
      auto previous = ns.find(cls.name);
      if (previous != ns.end() && previous->second.kind != Binding::Kind::kClass) {
        shadowed.emplace(cls.name, previous->second);
      }
      ns.insert_or_assign(cls.name, b);
    }
    for (const auto& fn : facts.functions) {
      std::string qual = QualName(file, fn.scope, fn.name);
      tables_->functions.emplace(tables_->names.Copy(qual), std::make_pair(file, &fn));
      if (!fn.scope.empty()) continue;
      Binding b{Binding::Kind::kFunction};
      b.function = &fn;
      // As for classes: `@receiver(post_save) def post_save(...)` reads the import.
      auto previous = ns.find(fn.name);
      if (previous != ns.end() && (previous->second.kind == Binding::Kind::kImportFrom ||
                                   previous->second.kind == Binding::Kind::kImportModule)) {
        shadowed.emplace(fn.name, previous->second);
      }
      ns.insert_or_assign(fn.name, b);
    }
    for (const CallStatement& c : facts.calls) {
      tables_->calls_by_name[LastComponent(c.call.text)].push_back({file, &c});
    }
    for (const auto& a : facts.assignments) {
      if (a.target.find('.') != std::string::npos) continue;
      Binding b{Binding::Kind::kVariable};
      b.assignment = &a;
      ns.emplace(a.target, b);
    }
    std::sort(local.begin(), local.end());
    local.erase(std::unique(local.begin(), local.end()), local.end());
    tables_->namespaces[i] = Namespace(ns);
    if (!shadowed.empty()) tables_->shadowed[i] = Namespace(shadowed);
  }
}

bool ProjectIndex::BindsLocally(int file, std::string_view name) const {
  const std::vector<std::string_view>& local = tables_->local_names[file];
  return std::binary_search(local.begin(), local.end(), name);
}

ProjectIndex::Namespace::Namespace(const Building& names) : names_(names.begin(), names.end()) {
  std::sort(names_.begin(), names_.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
}

const ProjectIndex::Binding* ProjectIndex::Namespace::Find(std::string_view name) const {
  auto it = std::lower_bound(names_.begin(), names_.end(), name,
                             [](const auto& entry, std::string_view n) { return entry.first < n; });
  return it != names_.end() && it->first == name ? &it->second : nullptr;
}

ProjectIndex::ProjectIndex(const ProjectIndex& other)
    : files_(other.files_),
      rules_(other.rules_),
      tables_(other.tables_),
      installed_(other.installed_),
      settings_file_(other.settings_file_),
      resolved_(other.files_.size()) {}

ProjectIndex ProjectIndex::Share() const { return ProjectIndex(*this); }

void ProjectIndex::SetInstalledApps(std::unordered_set<std::string> installed) {
  installed_ = std::make_shared<const std::unordered_set<std::string>>(std::move(installed));
}

bool ProjectIndex::GuardHolds(int file, int guard) const {
  if (guard < 0) return true;
  for (const AppCondition& c : files_[file].guards[guard]) {
    if (!c.setting.empty()) {
      int truth = SettingTruth(c.setting, c.fallback);
      if (truth >= 0 && (truth == 1) != c.installed) return false;
    } else if (installed_ && (installed_->count(c.app) > 0) != c.installed &&
               !SettingsMayBeOverridden()) {
      return false;
    }
  }
  return true;
}

namespace {

// The truth Python gives a literal value: 1, 0, or -1 when it is no literal.
int Truth(const Expr& e) {
  switch (e.kind) {
    case ExprKind::kTrue: return 1;
    case ExprKind::kFalse:
    case ExprKind::kNone: return 0;
    case ExprKind::kNumber: return e.text == "0" || e.text == "0.0" ? 0 : 1;
    case ExprKind::kString: return e.text.empty() ? 0 : 1;
    case ExprKind::kList: return e.items.empty() ? 0 : 1;
    case ExprKind::kDict: return e.keywords.empty() ? -1 : 1;  // other keys are dropped
    default: return -1;
  }
}

}  // namespace

// Seahub's settings end by copying a deployment's seahub_settings into
// globals(); others star-import a git-ignored local_settings, include()
// django-split-settings fragments or exec a file: a literal there may be
// replaced where the project runs, so no branch is dropped on it.
bool ProjectIndex::SettingsMayBeOverridden() const {
  if (settings_overridden_ < 0) settings_overridden_ = OverriddenFrom(settings_file_, 0) ? 1 : 0;
  return settings_overridden_ == 1;
}

bool ProjectIndex::OverriddenFrom(int file, int depth) const {
  if (file < 0 || depth > kMaxDepth) return false;
  const FileFacts& facts = files_[file];
  for (const Import& imp : facts.imports) {
    if (!imp.module_level || !imp.star) continue;
    // `try: from settings_local import *`: what a deployment adds, if present.
    if (imp.conditional) return true;
    int source = tables_->modules.Find(ImportedModule(file, imp));
    if (source < 0) return true;  // a module the repository lacks
    if (source != file && OverriddenFrom(source, depth + 1)) return true;
  }
  auto rewrites = [](std::string_view callee) {
    return callee == "globals" || callee == "exec" || callee == "execfile" ||
           callee == "include" || callee == "setattr";
  };
  for (const CallStatement& c : facts.calls) {
    if (c.scope.empty() && rewrites(c.call.text)) return true;
  }
  for (const FunctionDef& fn : facts.functions) {
    for (const CallSite& c : fn.calls) {
      if (rewrites(c.callee)) return true;
    }
  }
  return false;
}

// credentials' `if settings.BADGES_ENABLED:` with `BADGES_ENABLED = False`; a
// setting bound under a condition, or to what we cannot read, is not known.
int ProjectIndex::SettingTruth(const std::string& name, int fallback) const {
  if (settings_file_ < 0 || SettingsMayBeOverridden()) return -1;
  return BoundTruth(settings_file_, name, fallback);
}

int ProjectIndex::BoundTruth(int file, const std::string& name, int unbound) const {
  int value_file = -1;
  const Expr* value = EvalValue(file, name, &value_file);
  if (!value) return unbound;
  for (const Assignment& a : files_[value_file].assignments) {
    if (a.target == name && (a.conditional || a.augmented)) return -1;
  }
  return Truth(*value);
}

namespace {

// The value of a boolean setting in Django's global_settings, for settings
// code passes on (timed: `SimpleRouter(trailing_slash=settings.APPEND_SLASH)`);
// -1 for the others.
int DjangoDefaultTruth(std::string_view setting) { return setting == "APPEND_SLASH" ? 1 : -1; }

}  // namespace

int ProjectIndex::ValueTruth(int file, const Expr& value) const {
  if (value.kind != ExprKind::kName) return Truth(value);
  Symbol s = Resolve(file, value.text);
  if (s.kind == Symbol::Kind::kVariable && s.remainder.empty()) {
    return BoundTruth(s.file, s.variable, -1);
  }
  if (s.kind != Symbol::Kind::kExternal) return -1;
  std::string full = Join(s.qualname, s.remainder);
  std::string_view setting = SettingName(full);
  if (setting.empty()) return -1;
  return SettingTruth(std::string(setting), DjangoDefaultTruth(setting));
}

std::string ProjectIndex::QualName(int file, const std::string& scope,
                                   const std::string& name) const {
  return Join(Join(tables_->modules.NameOf(file), scope), name);
}

std::string ProjectIndex::ImportedModule(int file, const Import& imp) const {
  if (imp.level == 0) return imp.module;
  return Join(tables_->modules.RelativeBase(file, imp.level), imp.module);
}

const KnownClass* ProjectIndex::FindKnownClass(std::string_view qualname) const {
  auto it = tables_->known_classes.find(qualname);
  if (it != tables_->known_classes.end()) return it->second;
  // Packages re-export their classes under many paths (django.contrib.gis.db.models.Model):
  // fall back to the class name within the same top-level package when unambiguous.
  auto package = tables_->known_by_last.find(SplitHead(qualname).first);
  if (package == tables_->known_by_last.end()) return nullptr;
  auto last = package->second.find(LastComponent(qualname));
  return last == package->second.end() ? nullptr : last->second;
}

const KnownFunction* ProjectIndex::FindKnownFunction(std::string_view qualname) const {
  auto it = tables_->known_functions.find(qualname);
  return it == tables_->known_functions.end() ? nullptr : it->second;
}

const ClassDef* ProjectIndex::FindClass(std::string_view qualname, int* file) const {
  auto it = tables_->classes.find(qualname);
  if (it == tables_->classes.end()) return nullptr;
  if (file) *file = it->second.first;
  return it->second.second;
}

const FunctionDef* ProjectIndex::FindFunction(std::string_view qualname, int* file) const {
  auto it = tables_->functions.find(qualname);
  if (it == tables_->functions.end()) return nullptr;
  if (file) *file = it->second.first;
  return it->second.second;
}

Symbol ProjectIndex::External(std::string_view dotted) const {
  auto memo = external_.find(dotted);
  if (memo != external_.end()) return memo->second;
  Symbol& s = external_[std::string(dotted)];
  s.kind = Symbol::Kind::kExternal;
  s.qualname = std::string(dotted);
  // The longest prefix naming a known class or function is canonical; the rest
  // is an attribute path ("...ModelViewSet.as_view").
  std::string_view prefix = dotted;
  while (!prefix.empty()) {
    if (const KnownClass* k = FindKnownClass(prefix)) {
      s.qualname = k->qualname;
      s.remainder = std::string(dotted.substr(std::min(dotted.size(), prefix.size() + 1)));
      return s;
    }
    if (const KnownFunction* k = FindKnownFunction(prefix)) {
      s.qualname = k->qualname;
      s.remainder = std::string(dotted.substr(std::min(dotted.size(), prefix.size() + 1)));
      return s;
    }
    size_t dot = prefix.rfind('.');
    if (dot == std::string_view::npos) break;
    prefix = prefix.substr(0, dot);
  }
  return s;
}

Symbol ProjectIndex::Resolve(int file, std::string_view dotted) const {
  if (file < 0 || file >= static_cast<int>(resolved_.size())) return ResolveIn(file, dotted, 0);
  return ResolveMemo(file, dotted);
}

const Symbol& ProjectIndex::ResolveMemo(int file, std::string_view dotted) const {
  NameMap<const Symbol*>& memo = resolved_[file];
  auto it = memo.find(dotted);
  if (it != memo.end()) return *it->second;
  const Symbol& s = *symbols_.insert(ResolveIn(file, dotted, 0)).first;
  memo.emplace(std::string(dotted), &s);
  return s;
}

size_t ProjectIndex::SymbolHash::operator()(const Symbol& s) const {
  // The names tell answers apart; the rest only breaks rare ties.
  size_t h = HashName(s.qualname);
  h = h * 31 + HashName(s.remainder);
  h = h * 31 + static_cast<size_t>(s.file) * 7 + static_cast<size_t>(s.kind);
  return h;
}

Symbol ProjectIndex::ResolveAbsolute(std::string_view dotted) const {
  return ResolveAbsoluteAt(dotted, 0);
}

Symbol ProjectIndex::ResolveAbsoluteAt(std::string_view dotted, int depth) const {
  // The longest prefix that is a repository module, then names inside it.
  std::string_view prefix = dotted;
  while (!prefix.empty()) {
    int file = tables_->modules.Find(prefix);
    if (file >= 0) {
      if (Symbol s = BoundByPackage(prefix, dotted, depth); s.kind != Symbol::Kind::kUnknown) {
        return s;
      }
      std::string_view rest = dotted.substr(std::min(dotted.size(), prefix.size() + 1));
      if (rest.empty()) {
        Symbol s;
        s.kind = Symbol::Kind::kModule;
        s.qualname = tables_->modules.NameOf(file);
        s.file = file;
        return s;
      }
      Symbol s = ResolveIn(file, rest, depth + 1);
      if (s.kind != Symbol::Kind::kUnknown) return s;
      s.qualname = std::string(dotted);
      return s;
    }
    size_t dot = prefix.rfind('.');
    if (dot == std::string_view::npos) break;
    prefix = prefix.substr(0, dot);
  }
  return External(dotted);
}

// `views.categories` where views/categories.py exists but views/__init__.py
// rebinds the name (`from .pages import categories`): the package's attribute
// is what its __init__ bound last, not the submodule. Unknown when the package
// binds nothing else under that name.
Symbol ProjectIndex::BoundByPackage(std::string_view module, std::string_view dotted,
                                    int depth) const {
  Symbol unknown;
  size_t dot = module.rfind('.');
  if (dot == std::string_view::npos) return unknown;
  int package = tables_->modules.Find(module.substr(0, dot));
  if (package < 0) return unknown;
  std::string_view name = module.substr(dot + 1);
  const Binding* b = tables_->namespaces[package].Find(name);
  if (!b) return unknown;
  bool submodule = (b->kind == Binding::Kind::kImportFrom && Join(b->module, b->name) == module) ||
                   (b->kind == Binding::Kind::kImportModule && b->module == module);
  if (submodule) return unknown;
  return ResolveIn(package, dotted.substr(dot + 1), depth + 1);
}

Symbol ProjectIndex::ResolveIn(int file, std::string_view dotted, int depth) const {
  Symbol unknown;
  unknown.qualname = std::string(dotted);
  if (file < 0 || depth > kMaxDepth || dotted.empty()) return unknown;
  auto [head, rest] = SplitHead(dotted);
  const Binding* b = tables_->namespaces[file].Find(head);
  if (!b) return ResolveInStars(file, dotted, depth);
  return ResolveBinding(file, *b, head, rest, depth);
}

namespace {

// An app's admin module imports `from django.contrib import admin`, its models
// module `from django.db import models`, and `import *` of either exports that
// name (ecommerce: `from oscar.apps.order.admin import *`, then
// `@admin.register(Order)`). The Django module `head` is then, or "".
std::string_view DjangoModuleAnAppModuleExports(std::string_view module, std::string_view head) {
  std::string_view last = LastComponent(module);
  if (head == "admin" && last == "admin") return "django.contrib.admin";
  if (head == "models" && last == "models") return "django.db.models";
  return "";
}

}  // namespace

Symbol ProjectIndex::ResolveInStars(int file, std::string_view dotted, int depth) const {
  Symbol unknown;
  unknown.qualname = std::string(dotted);
  // Star imports, last first: a later `import *` shadows an earlier one.
  // A package's module (`from django.views.generic.edit import *`) exports the
  // names the knowledge tables list in it.
  const auto& stars = tables_->star_modules[file];
  std::string_view head = SplitHead(dotted).first;
  for (auto m = stars.rbegin(); m != stars.rend(); ++m) {
    int target = tables_->modules.Find(*m);
    if (target == file) continue;
    if (target < 0) {
      std::string known = Join(*m, head);
      if (FindKnownClass(known) || FindKnownFunction(known)) return External(Join(*m, dotted));
      if (std::string_view django = DjangoModuleAnAppModuleExports(*m, head); !django.empty()) {
        return External(Join(django, SplitHead(dotted).second));
      }
      continue;
    }
    Symbol s = ResolveIn(target, dotted, depth + 1);
    if (s.kind != Symbol::Kind::kUnknown) return s;
  }
  return unknown;
}

Symbol ProjectIndex::ResolveBinding(int file, const Binding& b, std::string_view head,
                                    std::string_view rest, int depth) const {
  Symbol unknown;
  unknown.qualname = Join(head, rest);
  Symbol s;
  switch (b.kind) {
    case Binding::Kind::kClass: {
      // A nested class ("Outer.Inner") is a class of its own.
      if (!rest.empty()) {
        auto [inner, inner_rest] = SplitHead(rest);
        int inner_file = -1;
        std::string inner_qual = QualName(file, b.cls->name, std::string(inner));
        if (const ClassDef* nested = FindClass(inner_qual, &inner_file)) {
          s.kind = Symbol::Kind::kClass;
          s.file = inner_file;
          s.cls = nested;
          s.qualname = inner_qual;
          s.remainder = std::string(inner_rest);
          return s;
        }
      }
      s.kind = Symbol::Kind::kClass;
      s.file = file;
      s.cls = b.cls;
      s.qualname = QualName(file, "", b.cls->name);
      s.remainder = std::string(rest);
      return s;
    }
    case Binding::Kind::kFunction:
      s.kind = Symbol::Kind::kFunction;
      s.file = file;
      s.function = b.function;
      s.qualname = QualName(file, "", b.function->name);
      s.remainder = std::string(rest);
      return s;
    case Binding::Kind::kVariable:
      s.kind = Symbol::Kind::kVariable;
      s.file = file;
      s.variable = std::string(head);
      s.value = &b.assignment->value;
      s.qualname = QualName(file, "", s.variable);
      s.remainder = std::string(rest);
      return s;
    case Binding::Kind::kImportModule:
      return ResolveAbsoluteAt(Join(b.module, rest), depth + 1);
    case Binding::Kind::kImportFrom: {
      int source = tables_->modules.Find(b.module);
      if (source >= 0 && source != file) {
        Symbol inner = ResolveIn(source, Join(b.name, rest), depth + 1);
        if (inner.kind != Symbol::Kind::kUnknown) return inner;
      }
      // `from pkg import submodule`, or a name from outside the repository.
      return ResolveAbsoluteAt(Join(Join(b.module, b.name), rest), depth + 1);
    }
  }
  return unknown;
}

// Python evaluates a class's bases before the class statement binds its name, so
// in `class ListView(LoginRequiredMixin, ListView)` the base is the imported one.
Symbol ProjectIndex::ResolveBase(int file, const ClassDef& cls, std::string_view dotted) const {
  if (!cls.scope.empty()) return Resolve(file, dotted);
  return ResolveBeforeDefinition(file, cls.name, dotted);
}

Symbol ProjectIndex::ResolveBeforeDefinition(int file, std::string_view name,
                                             std::string_view dotted) const {
  auto [head, rest] = SplitHead(dotted);
  if (head != name) return Resolve(file, dotted);
  const Binding* before = tables_->shadowed[file].Find(name);
  if (!before) return ResolveInStars(file, dotted, 0);
  return ResolveBinding(file, *before, head, rest, 0);
}

std::vector<std::string> ProjectIndex::BasesOf(int file, const ClassDef& cls) const {
  std::vector<std::string> bases;
  std::vector<const Expr*> written;
  for (const auto& base : cls.bases) {
    // six.with_metaclass(Meta, A, B): a temporary class whose bases are A and B.
    if (base.kind == ExprKind::kCall && LastComponent(base.text) == "with_metaclass") {
      for (size_t i = 1; i < base.items.size(); ++i) written.push_back(&base.items[i]);
    } else {
      written.push_back(&base);
    }
  }
  for (const Expr* written_base : written) {
    const Expr& base = *written_base;
    if (base.kind != ExprKind::kName) continue;
    Symbol s = ResolveBase(file, cls, base.text);
    if (s.kind == Symbol::Kind::kClass && s.remainder.empty()) {
      bases.push_back(s.qualname);
    } else if (EndsWith(s.remainder, ".through") ||
               (s.kind == Symbol::Kind::kExternal && EndsWith(s.qualname, ".through"))) {
      // `User.groups.through`: the model Django makes for a many-to-many field.
      bases.push_back("django.db.models.base.Model");
    } else if (s.kind == Symbol::Kind::kExternal || s.kind == Symbol::Kind::kClass) {
      // `Item.DoesNotExist`: an attribute of the class, not the class itself.
      bases.push_back(s.remainder.empty() ? s.qualname : Join(s.qualname, s.remainder));
    } else {
      bases.push_back(s.qualname.empty() ? base.text : s.qualname);
    }
  }
  return bases;
}

const std::vector<std::pair<int, const ClassDef*>>& ProjectIndex::ModuleClassesNamedCaseless(
    std::string_view lowercase_name) const {
  static const std::vector<std::pair<int, const ClassDef*>> kNone;
  auto it = tables_->module_classes_by_lower_name.find(lowercase_name);
  return it == tables_->module_classes_by_lower_name.end() ? kNone : it->second;
}

const std::vector<CallRef>& ProjectIndex::CallsNamed(const std::string& name) const {
  static const std::vector<CallRef> kNone;
  auto it = tables_->calls_by_name.find(name);
  return it == tables_->calls_by_name.end() ? kNone : it->second;
}

const std::vector<std::string_view>& ProjectIndex::Ancestors(std::string_view qualname) const {
  auto cached = ancestors_.find(qualname);
  if (cached != ancestors_.end()) return cached->second;
  // Mark in progress first, so a cyclic hierarchy ends instead of recursing forever.
  // The memo's nodes stay put while the recursion adds others, and every name in a
  // list is the key of a node (each ancestor is asked first), so the lists hold views.
  auto node = ancestors_.try_emplace(std::string(qualname)).first;
  const std::string_view self = node->first;
  node->second = {self};
  std::vector<std::string_view> order{self};
  std::vector<std::string> bases;
  int file = -1;
  if (const ClassDef* cls = FindClass(self, &file)) {
    bases = BasesOf(file, *cls);
  } else if (const KnownClass* known = FindKnownClass(self)) {
    bases = known->bases;
  }
  for (const auto& base : bases) {
    const KnownClass* known = FindClass(base, nullptr) ? nullptr : FindKnownClass(base);
    // A hierarchy has tens of classes at most: a linear search beats a set.
    for (std::string_view p : Ancestors(known ? std::string_view(known->qualname) : base)) {
      if (std::find(order.begin(), order.end(), p) == order.end()) order.push_back(p);
    }
  }
  order.shrink_to_fit();
  node->second = std::move(order);
  return node->second;
}

bool ProjectIndex::HasTag(const std::string& qualname, std::string_view tag) const {
  const std::vector<std::string_view>& tags = TagsOf(qualname);
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

const std::vector<std::string_view>& ProjectIndex::TagsOf(const std::string& qualname) const {
  auto memo = tags_.find(qualname);
  if (memo != tags_.end()) return memo->second;
  const std::vector<std::string_view>& ancestors = Ancestors(qualname);
  std::vector<std::string_view> tags;
  for (std::string_view a : ancestors) {
    const KnownClass* known = nullptr;
    if (FindClass(a, nullptr)) {
      // Scanning a package the tables describe (Django, DRF, Wagtail): its own
      // classes are the known ones, by exact name.
      auto exact = tables_->known_classes.find(a);
      if (exact == tables_->known_classes.end()) continue;
      known = exact->second;
    } else {
      known = FindKnownClass(a);
    }
    if (known) tags.insert(tags.end(), known->tags.begin(), known->tags.end());
  }
  // Each tag once: ancestors repeat them (every mixin of a viewset is a "view"),
  // and a large project keeps one list per class it asks about.
  std::sort(tags.begin(), tags.end());
  tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
  tags.shrink_to_fit();
  // Keyed by the class's own name in the ancestors' memo, not by a copy.
  return tags_.emplace(ancestors.front(), std::move(tags)).first->second;
}

std::set<std::string> ProjectIndex::Methods(const std::string& qualname) const {
  std::set<std::string> methods;
  for (const auto& a : Ancestors(qualname)) {
    int f = -1;
    if (const ClassDef* cls = FindClass(a, &f)) {
      for (const auto& m : cls->methods) methods.insert(m.name);
      // View.dispatch finds a handler with getattr(self, method): `put = post`
      // in the body serves PUT (DMOJ's ProblemDataView).
      for (const Assignment& attribute : cls->attributes) {
        if (AliasedFunction(f, *cls, attribute, 0).found) methods.insert(attribute.target);
      }
    } else if (const KnownClass* known = FindKnownClass(a)) {
      methods.insert(known->methods.begin(), known->methods.end());
    }
  }
  return methods;
}

MethodSource ProjectIndex::NearestMethod(std::string_view qualname,
                                         std::string_view method) const {
  return NearestMethodAt(qualname, method, 0);
}

MethodSource ProjectIndex::NearestMethodAt(std::string_view qualname, std::string_view method,
                                           int depth) const {
  if (depth > kMaxDepth) return {};
  for (std::string_view a : Ancestors(qualname)) {
    int f = -1;
    if (const ClassDef* cls = FindClass(a, &f)) {
      // A name bound to no function (`put = None`) is passed over, as it was
      // before aliases were read: Methods() still counts what the MRO defines.
      bool bound = false;
      MethodSource source = BodyBinding(f, *cls, method, std::numeric_limits<int>::max(), depth,
                                        &bound);
      if (source.found) return source;
    } else if (const KnownClass* known = FindKnownClass(a)) {
      if (std::find(known->methods.begin(), known->methods.end(), method) !=
          known->methods.end()) {
        return {true, nullptr, -1};
      }
    }
  }
  return {};
}

MethodSource ProjectIndex::AliasedFunction(int file, const ClassDef& cls, const Assignment& a,
                                           int depth) const {
  const Expr& value = a.value;
  if (value.kind != ExprKind::kName || a.augmented || depth > kMaxDepth) return {};
  if (value.text.find('.') == std::string::npos) {
    return NameInClassBody(file, cls, value.text, a.line, depth);
  }
  // `post = BaseView.get`: a function read off a class, repo or known.
  Symbol s = Resolve(file, value.text);
  bool is_class = s.kind == Symbol::Kind::kClass || s.kind == Symbol::Kind::kExternal;
  if (!is_class || s.remainder.empty() || s.remainder.find('.') != std::string::npos) return {};
  return NearestMethodAt(s.qualname, s.remainder, depth + 1);
}

MethodSource ProjectIndex::BodyBinding(int file, const ClassDef& cls, std::string_view name,
                                       int line, int depth, bool* bound) const {
  const FunctionDef* def = nullptr;
  for (const FunctionDef& m : cls.methods) {
    if (m.name == name && m.line < line && (!def || m.line >= def->line)) def = &m;
  }
  const Assignment* assigned = nullptr;
  for (const Assignment& a : cls.attributes) {
    if (a.target == name && a.line < line && (!assigned || a.line >= assigned->line)) {
      assigned = &a;
    }
  }
  *bound = def || assigned;
  if (assigned && (!def || assigned->line > def->line)) {
    return AliasedFunction(file, cls, *assigned, depth + 1);
  }
  if (def) return {true, def, file};
  return {};
}

MethodSource ProjectIndex::NameInClassBody(int file, const ClassDef& cls, std::string_view name,
                                           int line, int depth) const {
  bool bound = false;
  MethodSource source = BodyBinding(file, cls, name, line, depth, &bound);
  if (bound) return source;
  // Python looks no further than the module: the bases' methods are no names
  // of the body.
  Symbol s = Resolve(file, name);
  if (s.kind == Symbol::Kind::kFunction && s.remainder.empty()) return {true, s.function, s.file};
  return {};
}

const Assignment* ProjectIndex::FindAttribute(const std::string& qualname,
                                              std::string_view attribute, int* file) const {
  for (const auto& a : Ancestors(qualname)) {
    int f = -1;
    const ClassDef* cls = FindClass(a, &f);
    if (!cls) continue;
    for (auto it = cls->attributes.rbegin(); it != cls->attributes.rend(); ++it) {
      if (it->target == attribute) {
        if (file) *file = f;
        return &*it;
      }
    }
  }
  return nullptr;
}

namespace {

// True when a list's value is an expression djcost does not evaluate (a name
// it could not follow, `reversed(...)`, `sorted(...)`) rather than one element.
bool IsOpaqueValue(const Expr& e, bool whole_value) {
  switch (e.kind) {
    case ExprKind::kName:
    case ExprKind::kOther:
      return true;
    case ExprKind::kCall: {
      static const std::set<std::string> kBuiltins = {"reversed", "sorted", "list", "tuple",
                                                      "set", "dict.fromkeys", "filter", "map"};
      return whole_value || kBuiltins.count(e.text) > 0;
    }
    default:
      return false;
  }
}

}  // namespace

bool ProjectIndex::EvalList(int file, const std::string& name,
                            std::vector<ListItem>* out) const {
  return EvalListAt(file, name, out, 0);
}

bool ProjectIndex::EvalListBefore(int file, const std::string& name, const Expr* mention,
                                  std::vector<ListItem>* out) const {
  return EvalListAt(file, name, out, 0, mention);
}

namespace {

bool Holds(const Expr& root, const Expr* needle) {
  if (&root == needle) return true;
  for (const Expr& item : root.items) {
    if (Holds(item, needle)) return true;
  }
  for (const auto& [key, value] : root.keywords) {
    if (Holds(value, needle)) return true;
  }
  return false;
}

}  // namespace

void ProjectIndex::ExpandList(int file, const Expr& expr, std::vector<ListItem>* out) const {
  ExpandListAt(file, expr, out, 0);
}

// `functools.reduce(operator.add, lists)` with no initial value: the lists joined.
bool ProjectIndex::IsSumOfLists(int file, const Expr& call, int depth) const {
  if (call.items.size() != 2 || LastComponent(call.text) != "reduce") return false;
  auto external = [&](const Expr& e) {
    Symbol s = ResolveIn(file, e.text, depth + 1);
    return s.kind == Symbol::Kind::kExternal && s.remainder.empty() ? s.qualname : std::string();
  };
  std::string add = external(call.items[0]);
  return external(call) == "functools.reduce" &&
         (add == "operator.add" || add == "operator.concat" || add == "operator.iadd");
}

// `[*DJANGO_APPS, *LOCAL_APPS]` (the Two Scoops settings; baserow's
// `*BASEROW_BUILT_IN_PLUGINS`): an unpacked list's items in place. What cannot
// be read stays `*x` as written, for the reader to judge (the URL walk follows
// `*router.urls`).
void ProjectIndex::AddDisplayItem(int file, const Expr& item, std::vector<ListItem>* out,
                                  int depth) const {
  if (!IsStarred(item)) {
    out->push_back({&item, file});
    return;
  }
  size_t before = out->size();
  ExpandListAt(file, item.items[0], out, depth + 1);
  if (out->size() == before + 1 && (*out)[before].expr == &item.items[0]) {
    (*out)[before].expr = &item;
  }
}

void ProjectIndex::ExpandListAt(int file, const Expr& expr, std::vector<ListItem>* out,
                                int depth) const {
  if (depth > kMaxDepth) return;
  switch (expr.kind) {
    case ExprKind::kList:
      for (const auto& item : expr.items) AddDisplayItem(file, item, out, depth);
      return;
    case ExprKind::kBinOp:
      if (expr.text == "+" && expr.items.size() == 2) {
        ExpandListAt(file, expr.items[0], out, depth + 1);
        ExpandListAt(file, expr.items[1], out, depth + 1);
        return;
      }
      break;
    case ExprKind::kCall:
      // list(x) and tuple(x) copy a list.
      if ((expr.text == "list" || expr.text == "tuple") && expr.items.size() == 1) {
        ExpandListAt(file, expr.items[0], out, depth + 1);
        return;
      }
      if (LastComponent(expr.text) == "chain" && expr.keywords.empty()) {
        // itertools.chain(a, b) and chain(*(a, b)) (Shuup's storefront): each list in turn.
        for (const Expr& arg : expr.items) {
          if (IsStarred(arg) && arg.items[0].kind == ExprKind::kList) {
            for (const Expr& part : arg.items[0].items) ExpandListAt(file, part, out, depth + 1);
          } else {
            ExpandListAt(file, arg, out, depth + 1);
          }
        }
        return;
      }
      if (IsSumOfLists(file, expr, depth)) {
        // reduce(add, groups) (readthedocs.org's root URLconf): each group's items.
        std::vector<ListItem> groups;
        ExpandListAt(file, expr.items[1], &groups, depth + 1);
        for (const ListItem& group : groups) ExpandListAt(group.file, *group.expr, out, depth + 1);
        return;
      }
      break;
    case ExprKind::kName: {
      Symbol s = ResolveIn(file, expr.text, depth + 1);
      if (s.kind == Symbol::Kind::kVariable && s.remainder.empty()) {
        // Evaluated apart: EvalListAt replaces its output on each plain assignment.
        std::vector<ListItem> named;
        if (EvalListAt(s.file, s.variable, &named, depth + 1)) {
          out->insert(out->end(), named.begin(), named.end());
          return;
        }
      }
      // `Base.INSTALLED_APPS`: a class attribute's list.
      if (s.kind == Symbol::Kind::kClass && !s.remainder.empty() &&
          s.remainder.find('.') == std::string::npos) {
        std::vector<ListItem> named;
        if (EvalAttributeListAt(s.qualname, s.remainder, &named, depth + 1)) {
          out->insert(out->end(), named.begin(), named.end());
          return;
        }
      }
      // `settings.PLUGINS`: the list the settings module binds.
      std::string_view setting =
          s.kind == Symbol::Kind::kExternal && s.remainder.empty() ? SettingName(s.qualname) : "";
      if (settings_file_ >= 0 && !setting.empty()) {
        std::vector<ListItem> named;
        if (EvalListAt(settings_file_, std::string(setting), &named, depth + 1)) {
          out->insert(out->end(), named.begin(), named.end());
          return;
        }
      }
      break;
    }
    default:
      break;
  }
  out->push_back({&expr, file});
}

namespace {

bool IsUnpackedName(const Expr& e, const std::string& name) {
  return IsStarred(e) && e.items[0].kind == ExprKind::kName && e.items[0].text == name;
}

// list(x), tuple(x) and itertools.chain(...): calls whose result is their
// arguments' items, in order.
bool IsListCopy(const Expr& call) {
  if (call.kind != ExprKind::kCall || !call.keywords.empty()) return false;
  if (call.text == "list" || call.text == "tuple") return call.items.size() == 1;
  return LastComponent(call.text) == "chain";
}

// Where `list.insert(index, x)` puts x in a list of `size` items: Python's
// clamping of an integer literal (fiduswriter's `urlpatterns.insert(0, ...)`
// puts a route before the one it shadows); the end when the index is unread.
size_t InsertPosition(const Expr& index, size_t size) {
  if (index.kind != ExprKind::kNumber) return size;
  std::string_view text = index.text;
  bool negative = !text.empty() && text[0] == '-';
  if (negative) text.remove_prefix(1);
  if (text.empty() || text.size() > 9 ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return size;
  }
  size_t n = std::stoul(std::string(text));
  if (negative) return n >= size ? 0 : size - n;
  return std::min(n, size);
}

// `INSTALLED_APPS.remove("corsheaders")` (lego's test settings): the first item
// written as that string goes. A remove under a condition (a loop too) is not
// applied: every branch is read, as for append, so the item stays. One that
// cannot be applied (its argument no string literal, or no item written so)
// stays in the list as a value djcost cannot read, as a comprehension's filter
// does, so INSTALLED_APPS reads as partly evaluated.
void RemoveItem(const CallStatement& remove, int file, std::vector<ListItem>* list) {
  if (remove.conditional) return;
  const auto& args = remove.call.items;
  if (args.size() == 1 && args[0].kind == ExprKind::kString) {
    auto written = std::find_if(list->begin(), list->end(), [&](const ListItem& item) {
      return item.expr->kind == ExprKind::kString && item.expr->text == args[0].text;
    });
    if (written != list->end()) {
      list->erase(written);
      return;
    }
  }
  list->push_back({&remove.call, file});
}

// `name` anywhere in `value`, as in `[path("p/", include(urlpatterns))]`.
bool Names(const Expr& value, const std::string& name) {
  if (value.kind == ExprKind::kName && value.text == name) return true;
  for (const Expr& item : value.items) {
    if (Names(item, name)) return true;
  }
  for (const auto& keyword : value.keywords) {
    if (Names(keyword.second, name)) return true;
  }
  return false;
}

// The lists a list copy's arguments name, in order: `chain(a, *b)` gives a and
// b, `chain(*(a, x, b))` gives a, x and b.
std::vector<const Expr*> CopiedLists(const Expr& copy) {
  std::vector<const Expr*> lists;
  for (const Expr& arg : copy.items) {
    if (IsStarred(arg) && arg.items[0].kind == ExprKind::kList) {
      for (const Expr& part : arg.items[0].items) lists.push_back(&part);
    } else {
      lists.push_back(IsStarred(arg) ? &arg.items[0] : &arg);
    }
  }
  return lists;
}

// True when `value`, a sum of lists, reads the list `name` itself as a term, as
// an unpacked item of a list display, or inside a list copy.
bool MentionsList(const Expr& value, const std::string& name) {
  switch (value.kind) {
    case ExprKind::kName:
      return value.text == name;
    case ExprKind::kBinOp:
      return value.text == "+" && value.items.size() == 2 &&
             (MentionsList(value.items[0], name) || MentionsList(value.items[1], name));
    case ExprKind::kList:
      return std::any_of(value.items.begin(), value.items.end(),
                         [&](const Expr& item) { return IsUnpackedName(item, name); });
    case ExprKind::kCall: {
      if (!IsListCopy(value)) return false;
      std::vector<const Expr*> lists = CopiedLists(value);
      return std::any_of(lists.begin(), lists.end(),
                         [&](const Expr* list) { return MentionsList(*list, name); });
    }
    default:
      return false;
  }
}

}  // namespace

void ProjectIndex::ExpandRebinding(int file, const Expr& value, const std::string& name,
                                   const std::vector<ListItem>& old,
                                   std::vector<ListItem>* out, int depth) const {
  if (depth > kMaxDepth) return;
  if (!MentionsList(value, name)) {
    ExpandListAt(file, value, out, depth);
    return;
  }
  if (value.kind == ExprKind::kName) {
    out->insert(out->end(), old.begin(), old.end());
  } else if (value.kind == ExprKind::kBinOp) {
    ExpandRebinding(file, value.items[0], name, old, out, depth + 1);
    ExpandRebinding(file, value.items[1], name, old, out, depth + 1);
  } else if (value.kind == ExprKind::kCall) {  // list(chain(x, [...])), chain(*(a, x, b))
    for (const Expr* list : CopiedLists(value)) {
      ExpandRebinding(file, *list, name, old, out, depth + 1);
    }
  } else {  // a list display with `*name` among its items
    for (const Expr& item : value.items) {
      if (IsUnpackedName(item, name)) {
        out->insert(out->end(), old.begin(), old.end());
      } else {
        AddDisplayItem(file, item, out, depth + 1);
      }
    }
  }
}

bool ProjectIndex::EvalListAt(int file, const std::string& name, std::vector<ListItem>* out,
                              int depth, const Expr* mention) const {
  if (file < 0 || depth > kMaxDepth) return false;
  std::vector<ListEvent> events;
  AddModuleListEvents(file, name, &events);
  return ApplyListEvents(file, name, &events, out, depth, mention);
}

bool ProjectIndex::EvalListWithFragments(int file, const std::string& name,
                                         const std::vector<SettingsFragment>& fragments,
                                         std::vector<ListItem>* out) const {
  if (file < 0) return false;
  std::vector<ListEvent> events;
  AddModuleListEvents(file, name, &events);
  for (const SettingsFragment& f : fragments) {
    if (f.file != file) events.push_back({f.line, nullptr, nullptr, nullptr, f.file});
  }
  return ApplyListEvents(file, name, &events, out, 0, nullptr);
}

void ProjectIndex::AddModuleListEvents(int file, const std::string& name,
                                       std::vector<ListEvent>* events) const {
  const FileFacts& facts = files_[file];
  for (const auto& imp : facts.imports) {
    if (!imp.module_level) continue;
    if (imp.star || (!imp.name.empty() && (imp.alias.empty() ? imp.name : imp.alias) == name)) {
      events->push_back({imp.line, nullptr, nullptr, &imp});
    }
  }
  AddListEvents(file, name, facts.assignments, facts.calls, "", events);
}

bool ProjectIndex::EvalReturnedList(int file, const FunctionDef& fn,
                                    std::vector<ListItem>* out) const {
  if (!fn.local_list || !fn.returned || fn.returned->kind != ExprKind::kName) return false;
  const std::string& name = fn.returned->text;
  std::vector<ListEvent> events;
  AddListEvents(file, name, fn.local_list->assignments, fn.local_list->calls, fn.name, &events);
  return ApplyListEvents(file, name, &events, out, 0, nullptr);
}

bool ProjectIndex::EvalAttributeList(std::string_view qualname, const std::string& name,
                                     std::vector<ListItem>* out) const {
  return EvalAttributeListAt(qualname, name, out, 0);
}

bool ProjectIndex::EvalAttributeListAt(std::string_view qualname, const std::string& name,
                                       std::vector<ListItem>* out, int depth) const {
  if (depth > kMaxDepth) return false;
  // A class body's statement calls keep no arguments (data/unread_arguments.h):
  // only its assignments are read.
  static const std::vector<CallStatement> kNoCalls;
  for (std::string_view ancestor : Ancestors(qualname)) {
    int file = -1;
    const ClassDef* cls = FindClass(ancestor, &file);
    if (!cls) continue;
    std::vector<ListEvent> events;
    AddListEvents(file, name, cls->attributes, kNoCalls, "", &events);
    if (ApplyListEvents(file, name, &events, out, depth, nullptr)) return true;
  }
  return false;
}

void ProjectIndex::AddListEvents(int file, const std::string& name,
                                 const std::vector<Assignment>& assignments,
                                 const std::vector<CallStatement>& calls, std::string_view scope,
                                 std::vector<ListEvent>* events) const {
  for (const auto& a : assignments) {
    if (a.target == name && GuardHolds(file, a.guard)) {
      events->push_back({a.line, &a, nullptr, nullptr});
    }
  }
  std::string_view method;
  for (const auto& c : calls) {
    if (c.scope == scope && IsListMutator(c.call.text, name, &method) &&
        GuardHolds(file, c.guard)) {
      events->push_back({c.line, nullptr, &c, nullptr});
    }
  }
}

bool ProjectIndex::ApplyListEvents(int file, const std::string& name,
                                   std::vector<ListEvent>* unsorted, std::vector<ListItem>* out,
                                   int depth, const Expr* mention) const {
  if (unsorted->empty()) return false;
  const FileFacts& facts = files_[file];
  std::vector<ListEvent>& events = *unsorted;
  // In source order; a statement's own events keep the order they were added in.
  std::stable_sort(events.begin(), events.end(),
                   [](const ListEvent& a, const ListEvent& b) { return a.line < b.line; });
  std::string_view method;
  bool bound = false;
  for (const auto& e : events) {
    // With `mention`: only what ran before the statement that holds it.
    if (mention && (e.line > mention->line ||
                    (e.assignment && Holds(e.assignment->value, mention)) ||
                    (e.call && Holds(e.call->call, mention)))) {
      break;
    }
    if (e.fragment >= 0) {
      // A split-settings fragment continues the list where its include() runs.
      std::vector<ListEvent> fragment;
      AddModuleListEvents(e.fragment, name, &fragment);
      if (ApplyListEvents(e.fragment, name, &fragment, out, depth + 1, nullptr)) bound = true;
    } else if (e.import) {
      int source = tables_->modules.Find(ImportedModule(file, *e.import));
      if (source < 0 || source == file) continue;
      std::vector<ListItem> imported;
      if (EvalListAt(source, e.import->star ? name : e.import->name, &imported, depth + 1)) {
        *out = std::move(imported);
        bound = true;
      }
    } else if (e.assignment && e.assignment->augmented && e.assignment->loop >= 0) {
      // `for app in PLUGINS: urls += [...]`: the value once per item.
      std::vector<const Expr*> values;
      if (UnrollInLoop(file, facts.loops[e.assignment->loop], e.assignment->value, &values, depth)) {
        for (const Expr* v : values) ExpandListAt(file, *v, out, depth + 1);
      } else {
        ExpandListAt(file, e.assignment->value, out, depth + 1);
      }
      bound = true;
    } else if (e.assignment) {
      if (!e.assignment->augmented) {
        // `x = x + [...]` refers to the old value, which `out` already holds.
        std::vector<ListItem> fresh;
        const Expr& v = e.assignment->value;
        if (MentionsList(v, name)) {
          // `x = x + [...]`, `x = [debug] + x`, `x = [*x, ...]`: the old items, in place.
          ExpandRebinding(file, v, name, *out, &fresh, depth + 1);
        } else if (v.kind == ExprKind::kCall && !v.items.empty() &&
                   (v.items[0].text == name || v.items[0].text == "*" + name) &&
                   (v.items[0].kind == ExprKind::kName || v.items[0].kind == ExprKind::kOther)) {
          // `x = format_suffix_patterns(x)`, `x = i18n_patterns(*x)`: a call over the
          // list itself keeps its items (its effect is not modelled).
          fresh = *out;
        } else {
          ExpandListAt(file, v, &fresh, depth + 1);
          // `if plugins: INSTALLED_APPS = list(dedupe(INSTALLED_APPS))`: a rebinding
          // under a condition to a value we cannot read keeps what we know.
          if (e.assignment->conditional && bound && fresh.size() == 1 &&
              IsOpaqueValue(*fresh[0].expr, fresh[0].expr == &v)) {
            continue;
          }
          // `if DOWN_FOR_MAINTENANCE: urlpatterns = maintenance_patterns` (Sefaria):
          // a condition that swaps the list for a shorter one is a special mode,
          // not the project as it is served; `if ENABLED: urlpatterns = [...]`
          // over an empty list is taken.
          if (e.assignment->conditional && bound && fresh.size() < out->size() &&
              !Names(v, name)) {
            continue;
          }
        }
        *out = std::move(fresh);
      } else {
        ExpandListAt(file, e.assignment->value, out, depth + 1);
      }
      bound = true;
    } else if (e.call && IsListMutator(e.call->call.text, name, &method) && method == "remove") {
      RemoveItem(*e.call, file, out);
      bound = true;
    } else if (e.call && e.call->loop && (e.call->call.items.size() == 1 ||
                                          e.call->call.items.size() == 2)) {
      // `for p in PAGES: urlpatterns.append(path(f"{p}/", view))`: once per item.
      IsListMutator(e.call->call.text, name, &method);
      const auto& args = e.call->call.items;
      const Expr& arg = args.back();  // append(x), extend(xs), insert(i, x)
      std::vector<const Expr*> values;
      if (!UnrollInLoop(file, *e.call->loop, arg, &values, depth)) values = {&arg};
      for (const Expr* v : values) {
        if (method == "extend") {
          ExpandListAt(file, *v, out, depth + 1);
        } else if (method == "append" || method == "insert") {
          out->push_back({v, file});
        }
      }
      bound = true;
    } else if (e.call) {
      IsListMutator(e.call->call.text, name, &method);
      const auto& args = e.call->call.items;
      if (method == "append" && args.size() == 1) {
        out->push_back({&args[0], file});
      } else if (method == "extend" && args.size() == 1) {
        ExpandListAt(file, args[0], out, depth + 1);
      } else if (method == "insert" && args.size() == 2) {
        out->insert(out->begin() + InsertPosition(args[0], out->size()), {&args[1], file});
      }
      bound = true;
    }
  }
  return bound;
}

bool ProjectIndex::UnrollInLoop(int file, const LoopContext& loop, const Expr& value,
                                std::vector<const Expr*>* out, int depth) const {
  std::vector<ListItem> items;
  ExpandListAt(file, loop.iterable, &items, depth + 1);
  std::vector<LoopItem> bound = BindLoopItems(loop, items);
  if (bound.empty()) return false;
  for (const LoopItem& item : bound) {
    ExprKind kind = item.item.expr->kind;
    if (item.item.file != file && kind != ExprKind::kString && kind != ExprKind::kNumber) {
      return false;
    }
  }
  for (const LoopItem& item : bound) {
    out->push_back(&unrolled_.emplace_back(BindParameters(value, item.names)));
  }
  return true;
}

const Expr* ProjectIndex::EvalValue(int file, const std::string& name, int* value_file) const {
  return EvalValueAt(file, name, value_file, 0);
}

const Expr* ProjectIndex::EvalValueAt(int file, const std::string& name, int* value_file,
                                      int depth) const {
  if (file < 0 || depth > kMaxDepth) return nullptr;
  const FileFacts& facts = files_[file];
  const Expr* best = nullptr;
  int best_line = -1;
  int best_file = -1;
  for (const auto& a : facts.assignments) {
    if (a.target == name && !a.augmented && a.line >= best_line) {
      best = &a.value;
      best_line = a.line;
      best_file = file;
    }
  }
  for (const auto& imp : facts.imports) {
    if (!imp.module_level || imp.line < best_line) continue;
    bool binds = imp.star || (!imp.name.empty() && (imp.alias.empty() ? imp.name : imp.alias) == name);
    if (!binds) continue;
    int source = tables_->modules.Find(ImportedModule(file, imp));
    if (source < 0 || source == file) continue;
    int f = -1;
    if (const Expr* v = EvalValueAt(source, imp.star ? name : imp.name, &f, depth + 1)) {
      best = v;
      best_line = imp.line;
      best_file = f;
    }
  }
  if (best && value_file) *value_file = best_file;
  return best;
}

}  // namespace djcost
