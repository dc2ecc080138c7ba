#include "link/models.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string_view>

#include "link/models_resolve.h"
#include "link/views.h"

namespace djcost {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Meta options only a model's Meta has (forms, serializers and filters have
// `model` and `fields`, never these).
// `abstract` and `permissions` are left out: graphene's types and mutations
// take both (saleor: 700 GraphQL classes were once inferred models from them).
bool IsModelOnlyMetaKey(std::string_view key) {
  static constexpr std::string_view kKeys[] = {
      "app_label",       "base_manager_name", "constraints",     "db_table",
      "db_tablespace",   "default_manager_name", "default_permissions", "default_related_name",
      "get_latest_by",   "index_together",    "indexes",         "managed",
      "order_with_respect_to", "proxy",      "required_db_features", "select_on_save",
      "unique_together"};
  return std::find(std::begin(kKeys), std::end(kKeys), key) != std::end(kKeys);
}

// Field classes whose names do not end in "Field".
bool IsOtherFieldName(std::string_view name) {
  return name == "ForeignKey" || name == "ForeignObject" || name == "GenericForeignKey" ||
         name == "GenericRelation" || name == "TaggableManager";
}

bool IsFieldName(std::string_view name) {
  return (EndsWith(name, "Field") && name != "Field") || IsOtherFieldName(name) ||
         EndsWith(name, "ForeignKey");
}

// Where Django's own model fields live; a model of an unknown base is inferred
// only from these, so a form's or serializer's fields never make a model.
bool IsDjangoModelFieldModule(std::string_view qualname) {
  return StartsWith(qualname, "django.db.models.") ||
         StartsWith(qualname, "django.contrib.gis.db.models.") ||
         StartsWith(qualname, "django.contrib.postgres.fields.") ||
         StartsWith(qualname, "django.contrib.contenttypes.fields.");
}

// `oscar.apps.catalogue.abstract_models.AbstractCategory`, `shop.models.AbstractItem`:
// a class named Abstract<Name> in a module whose last name ends in "models".
bool IsNamedAbstractModel(std::string_view qualname) {
  size_t dot = qualname.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string_view name = qualname.substr(dot + 1);
  return name.size() > 8 && StartsWith(name, "Abstract") && name[8] >= 'A' && name[8] <= 'Z' &&
         EndsWith(LastComponent(qualname.substr(0, dot)), "models");
}

// Why a class of an unknown base is counted as a model.
struct Inference {
  std::string base;      // the unknown base; "" when the class is no model
  bool by_name = false;  // by the base's name alone (IsNamedAbstractModel)
};

bool IsTrue(const Expr& e) { return e.kind == ExprKind::kTrue; }

bool MetaFlag(const ClassDef& cls, std::string_view key) {
  for (const auto& m : cls.meta) {
    if (m.target == key && IsTrue(m.value)) return true;
  }
  return false;
}

class ModelFinder {
 public:
  ModelFinder(const ProjectIndex& index, const Settings& settings, const Apps& apps)
      : index_(index), refs_(index, apps, settings.auth_user_model.value) {}

  std::vector<Model> Run(std::vector<Diagnostic>* diagnostics) {
    struct Found {
      int file;
      const ClassDef* cls;
      std::string qualname;
    };
    std::vector<Found> found;
    std::vector<Found> rest;
    std::vector<Inference> unknown_bases;  // per inferred model, in `found` order
    const auto& files = index_.files();
    for (size_t i = 0; i < files.size(); ++i) {
      if (files[i].file.kind == FileKind::kMigration) continue;
      int file = static_cast<int>(i);
      for (const auto& cls : files[i].classes) {
        std::string qual = index_.QualName(file, cls.scope, cls.name);
        if (index_.HasTag(qual, "model") && !IsModelRoot(qual)) {
          found.push_back({file, &cls, qual});
        } else if (Inference unknown = InferredFrom(file, cls, qual); !unknown.base.empty()) {
          inferred_.insert(qual);
          found.push_back({file, &cls, qual});
          unknown_bases.push_back(std::move(unknown));
        } else {
          rest.push_back({file, &cls, qual});
        }
      }
    }
    // Repo subclasses of an inferred model are models too; the diagnostic names
    // the unknown base once, at the topmost inferred model.
    auto has_inferred_ancestor = [&](const std::string& qual) {
      const auto& ancestors = index_.Ancestors(qual);
      return std::any_of(ancestors.begin() + 1, ancestors.end(),
                         [&](std::string_view a) { return inferred_.count(a) > 0; });
    };
    size_t next_unknown = 0;
    for (const auto& f : found) {
      if (!inferred_.count(f.qualname)) continue;
      const Inference& unknown = unknown_bases[next_unknown++];
      if (!diagnostics || has_inferred_ancestor(f.qualname)) continue;
      std::string why = unknown.by_name ? "derives from " + unknown.base +
                                              ", an abstract model by its name and module"
                                        : "declares model fields and derives from " + unknown.base;
      diagnostics->push_back(
          {Severity::kWarning, "inferred-model",
           DefinitionLocation(files[f.file], f.cls->line, f.cls->decorators),
           f.qualname + " is counted as a model: it " + why +
               ", which the knowledge tables do not know (add it to rules/knowledge)"});
    }
    for (const auto& r : rest) {
      if (has_inferred_ancestor(r.qualname)) found.push_back(r);
    }

    std::vector<Model> models;
    for (const auto& f : found) {
      models.push_back(Describe(f.file, *f.cls, f.qualname));
      if (std::optional<Model> history = HistoryModel(f.file, *f.cls, models.back())) {
        models.push_back(std::move(*history));
      }
    }
    std::sort(models.begin(), models.end(),
              [](const Model& a, const Model& b) {
                return std::tie(a.qualname, a.location) < std::tie(b.qualname, b.location);
              });
    return models;
  }

 private:
  // The unknown external base that makes `cls` look like a model, or none when
  // it does not: a dotted base outside the repo and the knowledge tables, plus
  // model fields from django.db.models or a Meta option only models have; or a
  // base named as an abstract model of a models module, which an empty fork
  // subclasses (ecommerce's `class Category(AbstractCategory): pass` over
  // django-oscar's `catalogue.abstract_models`).
  Inference InferredFrom(int file, const ClassDef& cls, const std::string& qual) const {
    std::string unknown;
    for (const auto& a : index_.Ancestors(qual)) {
      if (a == qual || a.find('.') == std::string::npos) continue;
      if (index_.FindClass(a, nullptr) || index_.FindKnownClass(a)) continue;
      unknown = a;
      break;
    }
    // Django's own models are all in the tables: an unknown Django base is an
    // expression, a lookup or a field (`class JSONBAgg(Aggregate)` with
    // `output_field = JSONField()`), never a model.
    if (unknown.empty() || StartsWith(unknown, "django.")) return {};
    for (const auto& m : cls.meta) {
      if (IsModelOnlyMetaKey(m.target)) return {unknown, false};
    }
    for (const auto& a : cls.attributes) {
      if (a.value.kind != ExprKind::kCall || a.value.text.empty()) continue;
      Symbol s = index_.Resolve(file, a.value.text);
      if (s.kind != Symbol::Kind::kExternal) continue;
      std::string full = FullName(s);
      if (IsDjangoModelFieldModule(full) && IsFieldName(LastComponent(full))) {
        return {unknown, false};
      }
    }
    if (IsNamedAbstractModel(unknown)) return {unknown, true};
    return {};
  }

  // django.db.models.Model itself, when the scan is Django's own source: the
  // root of every model, not a model (Django's registry never lists it).
  bool IsModelRoot(const std::string& qual) const {
    const KnownClass* known = index_.FindKnownClass(qual);
    return known && known->qualname == qual && known->bases.empty() &&
           index_.FindClass(qual, nullptr) != nullptr;
  }

  // A call that creates a model field: its callee's last name ends in "Field" or
  // is ForeignKey, GenericForeignKey, GenericRelation, ForeignObject or
  // TaggableManager, or it is a repo class derived from such a class.
  bool IsFieldCall(int file, const Expr& call) const {
    if (call.kind != ExprKind::kCall || call.text.empty()) return false;
    if (IsFieldName(LastComponent(call.text))) return true;
    Symbol s = index_.Resolve(file, call.text);
    if (s.kind != Symbol::Kind::kClass || !s.remainder.empty()) return false;
    for (const auto& a : index_.Ancestors(s.qualname)) {
      if (a != s.qualname && IsFieldName(LastComponent(a))) return true;
    }
    return false;
  }

  // A manager class written in the repo: derived from Django's Manager, tagged
  // "manager" in the knowledge tables, or built with Manager.from_queryset(...).
  bool IsRepoManager(const std::string& qual, int depth) const {
    if (depth > 8 || !index_.FindClass(qual, nullptr)) return false;
    if (ReachesAny(index_, qual,
                   {"django.db.models.Manager", "django.db.models.manager.Manager",
                    "django.db.models.manager.BaseManager"},
                   "manager")) {
      return true;
    }
    for (const auto& a : index_.Ancestors(qual)) {
      int file = -1;
      const ClassDef* cls = index_.FindClass(a, &file);
      if (!cls) continue;
      for (const auto& base : cls->bases) {
        if (base.kind != ExprKind::kCall || LastComponent(base.text) != "from_queryset") continue;
        std::string_view object(base.text);
        object.remove_suffix(std::string_view(".from_queryset").size());
        Symbol s = index_.Resolve(file, object);
        if (s.kind == Symbol::Kind::kExternal) return true;  // models.Manager.from_queryset
        if (s.kind == Symbol::Kind::kClass && IsRepoManager(s.qualname, depth + 1)) return true;
      }
    }
    return false;
  }

  // True when `value` gives the model a custom manager: an instance of a repo
  // manager class or of a third-party one the knowledge tables tag "manager"
  // (Django's own Manager is the default, not custom), or a repo queryset's
  // as_manager().
  bool IsCustomManager(int file, const Expr& value) const {
    if (value.kind != ExprKind::kCall || value.text.empty()) return false;
    if (LastComponent(value.text) == "as_manager") {
      std::string_view object(value.text);
      object.remove_suffix(std::string_view(".as_manager").size());
      if (object.empty()) return false;
      Symbol s = index_.Resolve(file, object);
      return s.kind == Symbol::Kind::kClass && s.remainder.empty();
    }
    Symbol s = index_.Resolve(file, value.text);
    if (s.kind == Symbol::Kind::kClass && s.remainder.empty()) return IsRepoManager(s.qualname, 0);
    if (s.kind == Symbol::Kind::kExternal && s.remainder.empty() &&
        !StartsWith(s.qualname, "django.")) {
      const KnownClass* known = index_.FindKnownClass(s.qualname);
      return known && index_.HasTag(known->qualname, "manager");
    }
    return false;
  }

  static std::string RelationKind(std::string_view callee) {
    std::string_view last = LastComponent(callee);
    if (last == "GenericForeignKey") return "";
    if (EndsWith(last, "ForeignKey")) return "ForeignKey";
    if (EndsWith(last, "OneToOneField")) return "OneToOneField";
    if (EndsWith(last, "ManyToManyField")) return "ManyToManyField";
    return "";
  }

  // `history = HistoricalRecords()` (django-simple-history, or a repo subclass
  // of it) in `cls`, or in an abstract ancestor with inherit=True; else nullptr.
  const Assignment* HistoryField(int file, const ClassDef& cls, bool inherited) const {
    for (const auto& a : cls.attributes) {
      if (a.value.kind != ExprKind::kCall || a.value.text.empty()) continue;
      if (inherited) {
        const Expr* inherit = a.value.Keyword("inherit");
        if (!inherit || inherit->kind != ExprKind::kTrue) continue;
      }
      std::string cls_name = InstantiatedClass(index_, file, a.value);
      if (!cls_name.empty() &&
          ReachesAny(index_, cls_name, {"simple_history.models.HistoricalRecords"}, "")) {
        return &a;
      }
    }
    return nullptr;
  }

  // django-simple-history registers a Historical<Model> model per tracked
  // model at runtime (its migrations create the table; Django lists it).
  std::optional<Model> HistoryModel(int file, const ClassDef& cls, const Model& model) const {
    if (model.kind != ModelKind::kConcrete) return std::nullopt;
    const Assignment* records = HistoryField(file, cls, false);
    const std::vector<std::string_view>& ancestors = index_.Ancestors(model.qualname);
    for (auto a = ancestors.begin() + 1; a != ancestors.end() && !records; ++a) {
      int f = -1;
      if (const ClassDef* ancestor = index_.FindClass(*a, &f)) records = HistoryField(f, *ancestor, true);
    }
    if (!records) return std::nullopt;
    Model h;
    const Expr* custom = records->value.Keyword("custom_model_name");
    h.name = custom && custom->kind == ExprKind::kString ? custom->text : "Historical" + model.name;
    h.qualname = model.qualname.substr(0, model.qualname.size() - model.name.size()) + h.name;
    h.app = model.app;
    h.bases = {"simple_history.models.HistoricalChanges", "django.db.models.Model"};
    // Its own id, history_id, history_date, history_change_reason, history_type and
    // history_user, besides a copy of the tracked fields.
    h.field_count = model.field_count + 5;
    h.in_tests = model.in_tests;
    h.location = {index_.files()[file].file.path, records->line, 0};
    return h;
  }

  Model Describe(int file, const ClassDef& cls, const std::string& qual) const {
    const FileFacts& facts = index_.files()[file];
    Model m;
    m.name = cls.name;
    m.qualname = qual;
    m.app = refs_.AppOf(file, cls);
    // Django does not inherit `abstract`; `proxy` is the class's own choice too.
    if (MetaFlag(cls, "abstract")) {
      m.kind = ModelKind::kAbstract;
    } else if (MetaFlag(cls, "proxy")) {
      m.kind = ModelKind::kProxy;
    }
    m.bases = index_.BasesOf(file, cls);
    std::set<std::string> managers;
    for (const auto& a : cls.attributes) {
      if (a.augmented || a.target.find('.') != std::string::npos) continue;
      if (IsFieldCall(file, a.value)) {
        ++m.field_count;
        std::string kind = RelationKind(a.value.text);
        if (!kind.empty()) {
          const Expr* target = a.value.items.empty() ? a.value.Keyword("to") : &a.value.items[0];
          if (target) {
            Relation r;
            r.field = a.target;
            r.kind = kind;
            ModelTarget t = refs_.Resolve(file, cls.scope, *target, qual, m.app);
            r.target = t.qualname;
            r.target_app = t.app;
            r.cross_app = !t.app.empty() && t.app != m.app;
            r.line = a.line;
            m.relations.push_back(std::move(r));
          }
        }
      } else if (IsCustomManager(file, a.value)) {
        managers.insert(a.target);
      }
    }
    m.managers.assign(managers.begin(), managers.end());
    std::set<std::string> overrides;
    for (const auto& method : cls.methods) {
      const std::string& n = method.name;
      if (n == "save" || n == "delete" || n == "clean" || n == "full_clean") overrides.insert(n);
    }
    m.overrides.assign(overrides.begin(), overrides.end());
    m.is_user_model = refs_.UserModel().qualname == qual && m.kind == ModelKind::kConcrete;
    m.in_tests = facts.file.kind == FileKind::kTest;
    m.location = DefinitionLocation(facts, cls.line, cls.decorators);
    return m;
  }

  const ProjectIndex& index_;
  ModelRefs refs_;
  std::set<std::string, std::less<>> inferred_;
};

}  // namespace

std::vector<Model> FindModels(const ProjectIndex& index, const Settings& settings,
                              const Apps& apps, std::vector<Diagnostic>* diagnostics) {
  return ModelFinder(index, settings, apps).Run(diagnostics);
}

}  // namespace djcost
