#include "link/model_views.h"

#include "link/models_resolve.h"
#include "util/strings.h"

namespace djcost {
namespace {

// register_model_view(model, name="", path=None, detail=True, kwargs=None).
struct Registration {
  std::string app_label;
  std::string model_name;
  std::string name;
  std::string path;
  bool detail = true;
};

std::string FirstComponent(const std::string& dotted) {
  return std::string(SplitHead(dotted).first);
}

}  // namespace

bool CallsKnownFunctionTagged(const ProjectIndex& index, int file, const Expr& call,
                              std::string_view tag) {
  if (call.kind != ExprKind::kCall || call.text.empty()) return false;
  Symbol s = index.Resolve(file, call.text);
  if (s.kind != Symbol::Kind::kExternal && s.kind != Symbol::Kind::kFunction) return false;
  const KnownFunction* known = index.FindKnownFunction(FullName(s));
  return known && known->HasTag(tag);
}

ModelViewRegistry::ModelViewRegistry(const ProjectIndex& index, const Apps* apps)
    : index_(index), apps_(apps) {
  const std::vector<FileFacts>& files = index.files();
  for (int file = 0; file < static_cast<int>(files.size()); ++file) {
    // A test plugin's tab on a core model (NetBox's dummy_plugin) exists only
    // in the test run.
    if (files[file].file.kind == FileKind::kTest) continue;
    for (const ClassDef& cls : files[file].classes) {
      if (cls.scope.empty()) Read(file, cls.decorators, cls.name, true);
    }
    for (const FunctionDef& fn : files[file].functions) {
      if (fn.scope.empty()) Read(file, fn.decorators, fn.name, false);
    }
  }
}

void ModelViewRegistry::Read(int file, const std::vector<Expr>& decorators,
                             const std::string& view, bool is_class) {
  for (const Expr& deco : decorators) {
    if (!CallsKnownFunctionTagged(index_, file, deco, "registers-model-view")) continue;
    const Expr* model = Argument(deco, 0, "model");
    if (!model || model->kind != ExprKind::kName) continue;
    Registration r;
    Symbol s = index_.Resolve(file, model->text);
    if (s.kind == Symbol::Kind::kClass && s.remainder.empty()) {
      r.model_name = Lower(s.cls->name);
      r.app_label = apps_ ? apps_->LabelForFile(s.file) : "";
      if (r.app_label.empty()) r.app_label = FirstComponent(index_.ModuleOf(s.file));
    } else if (s.kind == Symbol::Kind::kExternal) {
      // A plugin's tab on a core model ("dcim.models.Site"): NetBox's modules
      // are named after their apps.
      std::string full = FullName(s);
      r.model_name = Lower(std::string(LastComponent(full)));
      r.app_label = FirstComponent(full);
    } else {
      continue;
    }
    if (const Expr* name = Argument(deco, 1, "name"); name && name->kind == ExprKind::kString) {
      r.name = name->text;
    }
    r.path = r.name;  // path=None: the name
    if (const Expr* path = Argument(deco, 2, "path")) {
      if (path->kind == ExprKind::kString) {
        r.path = path->text;
      } else if (path->kind != ExprKind::kNone) {
        r.path = "{" + path->text + "}";  // kept as a marker, as unread routes are
      }
    }
    if (const Expr* detail = Argument(deco, 3, "detail")) r.detail = detail->kind != ExprKind::kFalse;

    ModelView v;
    v.route = r.path.empty() ? "" : r.path + "/";
    v.name = r.name.empty() ? r.model_name : r.model_name + "_" + r.name;
    v.file = file;
    v.view = view;
    v.is_class = is_class;
    v.line = deco.line;
    views_[{r.app_label, r.model_name, r.detail}].push_back(std::move(v));
  }
}

const std::vector<ModelView>& ModelViewRegistry::Find(const std::string& app_label,
                                                      const std::string& model_name,
                                                      bool detail) const {
  static const std::vector<ModelView> kNone;
  auto it = views_.find({app_label, model_name, detail});
  return it == views_.end() ? kNone : it->second;
}

}  // namespace djcost
