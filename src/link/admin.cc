#include "link/admin.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <tuple>

#include "link/admin_counts.h"
#include "link/loop_calls.h"
#include "link/models_resolve.h"

namespace djcost {
namespace {

/// The name every registration with Django's default site is reported under.
constexpr std::string_view kDefaultSite = "admin.site";
constexpr int kMaxAliasDepth = 8;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A model named in a register call: `qualname` is "" when it could not be resolved.
struct NamedModel {
  std::string qualname;
  std::string app;
  std::string written;
};

// One register or unregister, before unregisters are applied.
struct Event {
  bool unregister = false;
  std::string site;
  std::string model;
  std::string model_app;
  std::string admin_class;
  int file = -1;
  Location location;
};

class AdminFinder {
 public:
  AdminFinder(const ProjectIndex& index, const Apps& apps, const std::vector<Model>& models,
              std::string auth_user_model)
      : index_(index),
        apps_(apps),
        models_(models),
        refs_(index, apps, std::move(auth_user_model)) {}

  std::vector<AdminRegistration> Run(std::vector<Diagnostic>* diagnostics) {
    diagnostics_ = diagnostics;
    const auto& files = index_.files();
    for (size_t i = 0; i < files.size(); ++i) {
      // Test modules register test-only models with test sites (ralph's
      // lib/*/tests/admin.py): not the project's admin.
      if (files[i].file.kind == FileKind::kMigration || files[i].file.kind == FileKind::kTest) {
        continue;
      }
      int file = static_cast<int>(i);
      for (const auto& call : files[i].calls) {
        if (index_.GuardHolds(file, call.guard)) ReadCall(file, call);
      }
      for (const auto& cls : files[i].classes) ReadDecorators(file, cls);
    }
    return Apply(diagnostics);
  }

 private:
  // The site an expression names: "admin.site" for Django's default site, the
  // variable's qualified name for a module-level instance of an AdminSite class,
  // "" for anything else (a DRF router, a template Library...).
  std::string SiteOf(int file, const std::string& scope, std::string_view text, int depth) const {
    if (depth > kMaxAliasDepth || text.empty()) return "";
    Symbol s = ResolveInScope(index_, file, scope, text);
    if (s.kind == Symbol::Kind::kExternal) {
      std::string full = FullName(s);
      const KnownFunction* known = index_.FindKnownFunction(full);
      if (full == "django.contrib.admin.site" || full == "django.contrib.admin.sites.site" ||
          (known && known->HasTag("admin-site-instance"))) {
        return std::string(kDefaultSite);
      }
      return "";
    }
    if (s.kind != Symbol::Kind::kVariable || !s.remainder.empty() || !s.value) return "";
    const Expr& value = *s.value;
    if (value.kind == ExprKind::kName) return SiteOf(s.file, "", value.text, depth + 1);
    if (value.kind != ExprKind::kCall || value.text.empty()) return "";
    Symbol cls = index_.Resolve(s.file, value.text);
    std::string cls_name;
    if (cls.kind == Symbol::Kind::kClass && cls.remainder.empty()) cls_name = cls.qualname;
    if (cls.kind == Symbol::Kind::kExternal) cls_name = FullName(cls);
    if (cls_name.empty()) return "";
    if (ReachesAny(index_, cls_name,
                   {"django.contrib.admin.AdminSite", "django.contrib.admin.sites.AdminSite"},
                   "admin-site")) {
      return s.qualname;
    }
    return "";
  }

  // The models an argument names: one class, or a list or tuple of them.
  std::vector<NamedModel> ModelsOf(int file, const std::string& scope, const Expr& arg) const {
    std::vector<ListItem> items;
    if (arg.kind == ExprKind::kName) {
      Symbol s = ResolveInScope(index_, file, scope, arg.text);
      if (s.kind == Symbol::Kind::kVariable) {
        index_.ExpandList(file, arg, &items);
      } else {
        items.push_back({&arg, file});
      }
    } else {
      index_.ExpandList(file, arg, &items);
    }
    std::vector<NamedModel> out;
    for (const auto& item : items) {
      const std::string& item_scope = item.file == file ? scope : std::string();
      if (item.expr->kind == ExprKind::kCall) {
        // register(get_user_model(), UserAdmin), register(apps.get_model("a", "B")).
        ModelTarget t = refs_.Resolve(item.file, item_scope, *item.expr, "", "");
        bool resolved = t.qualname != item.expr->text;
        out.push_back({resolved ? t.qualname : "", t.app, item.expr->text});
        continue;
      }
      if (item.expr->kind != ExprKind::kName) {
        out.push_back({"", "", item.expr->text});
        continue;
      }
      Symbol s = ResolveInScope(index_, item.file, item_scope, item.expr->text);
      if (s.kind == Symbol::Kind::kClass && s.remainder.empty()) {
        out.push_back({s.qualname, refs_.AppOf(s.file, *s.cls), item.expr->text});
      } else if (s.kind == Symbol::Kind::kExternal) {
        // A model outside the repository: Django lists it all the same.
        out.push_back({FullName(s), "", item.expr->text});
      } else {
        out.push_back(ModelAStarImportBinds(item.file, item.expr->text));
      }
    }
    return out;
  }

  // django-oscar's admin modules bind each model with get_model(label, name),
  // which gives the project's own model when it forks the app (ecommerce:
  // `from oscar.apps.order.admin import *`, then `admin.site.unregister(Order)`):
  // a name only a package's star import can bind is the model of that name in
  // the module's own app, when the app has one.
  NamedModel ModelAStarImportBinds(int file, const std::string& name) const {
    NamedModel unresolved{"", "", name};
    const auto& imports = index_.files()[file].imports;
    bool package_star = std::any_of(imports.begin(), imports.end(), [&](const Import& i) {
      return i.star && i.level == 0 && index_.modules().Find(i.module) < 0;
    });
    std::string label = apps_.LabelForFile(file);
    if (!package_star || label.empty() || name.find('.') != std::string::npos) return unresolved;
    ModelTarget t = refs_.ByLabel(label + "." + name);
    bool model = std::any_of(models_.begin(), models_.end(),
                             [&](const Model& m) { return m.qualname == t.qualname; });
    return model ? NamedModel{t.qualname, t.app, name} : unresolved;
  }

  // What a `for` loop's iterable yields, for `for m in ITERABLE: register(m)`:
  // a list, tuple or list variable of models; `Base.__subclasses__()` (the
  // repository's models that name Base as a direct base, as Python lists them);
  // `apps.get_models()` (the repository's installed models; models of
  // third-party apps are not known here, and a warning says so).
  std::vector<NamedModel> LoopModels(int file, const CallStatement& call) {
    const Expr& iterable = call.loop->iterable;  // called for loop statements only
    if (iterable.kind != ExprKind::kCall || !iterable.items.empty()) {
      return ModelsOf(file, call.scope, iterable);
    }
    std::string_view callee(iterable.text);
    constexpr std::string_view kSubclasses = ".__subclasses__";
    std::vector<NamedModel> out;
    if (EndsWith(callee, kSubclasses)) {
      callee.remove_suffix(kSubclasses.size());
      Symbol base = ResolveInScope(index_, file, call.scope, callee);
      if (base.kind != Symbol::Kind::kClass || !base.remainder.empty()) return {{"", "", iterable.text}};
      for (const Model& m : models_) {
        if (m.kind == ModelKind::kAbstract || m.in_tests) continue;
        if (std::find(m.bases.begin(), m.bases.end(), base.qualname) != m.bases.end()) {
          out.push_back({m.qualname, m.app, iterable.text});
        }
      }
      return out;
    }
    std::string full = FullName(ResolveInScope(index_, file, call.scope, callee));
    if (full == "django.apps.apps.get_models" || full == "django.apps.registry.apps.get_models") {
      for (const Model& m : models_) {
        if (m.kind != ModelKind::kAbstract && !m.in_tests) out.push_back({m.qualname, m.app, ""});
      }
      if (diagnostics_) {
        diagnostics_->push_back(
            {Severity::kWarning, "admin-loop-partial",
             {index_.files()[file].file.path, call.line, 0},
             "registers every model of apps.get_models(): the repository's " +
                 std::to_string(out.size()) +
                 " models are counted, models of Django's and third-party apps are not"});
      }
      return out;
    }
    return {{"", "", iterable.text}};
  }

  // Registrations of a name djcost cannot follow (a loop variable, a call's
  // result) are left out, and said so.
  bool Resolved(const NamedModel& target, int file, int line, bool unregister) {
    if (!target.qualname.empty()) return true;
    if (!unregister && diagnostics_) {
      diagnostics_->push_back({Severity::kWarning, "admin-model-unresolved",
                               {index_.files()[file].file.path, line, 0},
                               "cannot tell which model '" + target.written +
                                   "' is: this admin registration is not counted"});
    }
    return false;
  }

  std::string AdminClassOf(int file, const std::string& scope, const Expr* arg) const {
    if (!arg || arg->kind == ExprKind::kNone) return "";
    if (arg->kind != ExprKind::kName) return arg->text;
    Symbol s = ResolveInScope(index_, file, scope, arg->text);
    if (s.kind == Symbol::Kind::kClass || s.kind == Symbol::Kind::kExternal) return FullName(s);
    return arg->text;
  }

  void ReadCall(int file, const CallStatement& call) {
    const Expr& c = call.call;
    bool unregister = EndsWith(c.text, ".unregister");
    if (!unregister && !EndsWith(c.text, ".register")) return;
    if (UnrollsPairs(file, call)) return;
    std::string_view object(c.text);
    object.remove_suffix(unregister ? 11 : 9);
    if (object.find("()") != std::string_view::npos) return;
    std::string site = SiteOf(file, call.scope, object, 0);
    if (site.empty()) return;
    const Expr* models = c.items.empty() ? c.Keyword("model_or_iterable") : &c.items[0];
    if (!models) return;
    const Expr* admin_arg = c.items.size() > 1 ? &c.items[1] : c.Keyword("admin_class");
    std::string admin_class = unregister ? "" : AdminClassOf(file, call.scope, admin_arg);
    Location where{index_.files()[file].file.path, call.line, 0};
    std::vector<NamedModel> targets = call.NamesLoopVariable(*models)
                                          ? LoopModels(file, call)
                                          : ModelsOf(file, call.scope, *models);
    for (auto& target : targets) {
      if (!Resolved(target, file, call.line, unregister)) continue;
      events_.push_back({unregister, site, std::move(target.qualname), std::move(target.app),
                         admin_class, file, where});
    }
  }

  // `for pair in ((A, AAdmin), (B, BAdmin)): admin.site.register(*pair)` and
  // `for model, admin_class in PAIRS: ...`: one registration per item, when
  // the items are written in this file (the site is named here too).
  bool UnrollsPairs(int file, const CallStatement& call) {
    if (!call.loop) return false;
    const Expr& c = call.call;
    bool pairs = call.loop->variable.find(',') != std::string::npos ||
                 (!c.items.empty() && IsStarred(c.items[0]));
    if (!pairs) return false;
    std::vector<UnrolledCall> unrolled = UnrollLoopCall(index_, file, call);
    if (unrolled.empty()) return false;
    for (const UnrolledCall& u : unrolled) {
      if (u.item_file != file) return false;
    }
    for (const UnrolledCall& u : unrolled) ReadCall(file, u.call);
    return true;
  }

  bool IsDjangoRegister(const std::string& full) const {
    if (full == "django.contrib.admin.register" ||
        full == "django.contrib.admin.decorators.register") {
      return true;
    }
    const KnownFunction* known = index_.FindKnownFunction(full);
    return known && known->HasTag("admin-register");
  }

  // Django's @admin.register, or a module-level `partial(admin.register,
  // site=...)` (ralph's `register`), whose bound site= is returned with the file
  // it is written in.
  bool IsRegisterDecorator(int file, const std::string& scope, const Expr& d,
                           const Expr** bound_site, int* bound_file) const {
    if (d.kind != ExprKind::kCall || d.text.empty()) return false;
    Symbol s = ResolveInScope(index_, file, scope, d.text);
    if (s.kind != Symbol::Kind::kVariable) return IsDjangoRegister(FullName(s));
    const Expr* value = s.value;
    if (!s.remainder.empty() || !value || value->kind != ExprKind::kCall || value->items.empty() ||
        value->items[0].kind != ExprKind::kName ||
        FullName(index_.Resolve(s.file, value->text)) != "functools.partial" ||
        !IsDjangoRegister(FullName(index_.Resolve(s.file, value->items[0].text)))) {
      return false;
    }
    *bound_site = value->Keyword("site");
    *bound_file = s.file;
    return true;
  }

  void ReadDecorators(int file, const ClassDef& cls) {
    for (const auto& d : cls.decorators) {
      const Expr* bound_site = nullptr;
      int bound_file = file;
      if (!IsRegisterDecorator(file, cls.scope, d, &bound_site, &bound_file)) continue;
      std::string site(kDefaultSite);
      const Expr* site_arg = d.Keyword("site");
      std::string site_scope = cls.scope;
      int site_file = file;
      if (!site_arg && bound_site) {
        site_arg = bound_site;
        site_scope = "";
        site_file = bound_file;
      }
      if (site_arg) {
        site = site_arg->kind == ExprKind::kName ? SiteOf(site_file, site_scope, site_arg->text, 0)
                                                 : "";
        if (site.empty()) site = site_arg->text;
      }
      std::string admin_class = index_.QualName(file, cls.scope, cls.name);
      Location where{index_.files()[file].file.path, d.line > 0 ? d.line : cls.line, 0};
      for (const auto& arg : d.items) {
        for (auto& target : ModelsOf(file, cls.scope, arg)) {
          if (!Resolved(target, file, where.line, false)) continue;
          events_.push_back({false, site, std::move(target.qualname), std::move(target.app),
                             admin_class, file, where});
        }
      }
    }
  }

  // Django runs admin modules one after another, so an unregister in another
  // file must follow the registration it removes (else NotRegistered): it wins.
  // Within one file, source order decides (`unregister(User)` then
  // `register(User, MyUserAdmin)` keeps the new one).
  std::vector<AdminRegistration> Apply(std::vector<Diagnostic>* diagnostics) const {
    std::map<std::pair<std::string, std::string>, std::vector<const Event*>> by_key;
    for (const auto& e : events_) by_key[{e.site, e.model}].push_back(&e);
    std::vector<AdminRegistration> out;
    for (auto& [key, events] : by_key) {
      std::sort(events.begin(), events.end(), [](const Event* a, const Event* b) {
        return a->location < b->location;
      });
      std::vector<const Event*> kept;
      for (const Event* r : events) {
        if (r->unregister) continue;
        bool removed = std::any_of(events.begin(), events.end(), [&](const Event* u) {
          return u->unregister &&
                 (u->file != r->file || u->location.line > r->location.line);
        });
        if (!removed) kept.push_back(r);
      }
      if (kept.empty()) continue;
      for (size_t i = 1; i < kept.size(); ++i) {
        if (!diagnostics) break;
        diagnostics->push_back(
            {Severity::kWarning, "admin-already-registered", kept[i]->location,
             key.second + " is registered with " + key.first + " again (first at " +
                 kept[0]->location.path + ":" + std::to_string(kept[0]->location.line) +
                 "): Django raises AlreadyRegistered; counted once"});
      }
      const Event& e = *kept[0];
      AdminRegistration reg;
      reg.model = e.model;
      reg.admin_class = e.admin_class;
      reg.site = e.site;
      reg.app = e.model_app;
      if (!e.admin_class.empty()) {
        AdminCounts counts = CountAdminClass(index_, e.admin_class);
        reg.inlines = counts.inlines;
        reg.actions = counts.actions;
        reg.custom_methods = counts.custom_methods;
        reg.list_display = counts.list_display;
      }
      reg.location = e.location;
      out.push_back(std::move(reg));
    }
    std::sort(out.begin(), out.end(), [](const AdminRegistration& a, const AdminRegistration& b) {
      return std::tie(a.site, a.model, a.location) < std::tie(b.site, b.model, b.location);
    });
    return out;
  }

  const ProjectIndex& index_;
  const Apps& apps_;
  const std::vector<Model>& models_;
  ModelRefs refs_;
  std::vector<Event> events_;
  std::vector<Diagnostic>* diagnostics_ = nullptr;
};

}  // namespace

std::vector<AdminRegistration> FindAdminRegistrations(const ProjectIndex& index,
                                                      const Apps& apps,
                                                      std::vector<Diagnostic>* diagnostics,
                                                      const std::string& auth_user_model,
                                                      const std::vector<Model>& models) {
  return AdminFinder(index, apps, models, auth_user_model).Run(diagnostics);
}

}  // namespace djcost
