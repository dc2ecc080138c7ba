#include "link/apps.h"

#include <algorithm>
#include <map>

namespace djcost {
namespace {

std::string_view Dirname(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

std::string_view Basename(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string ParentModule(const std::string& module) {
  size_t dot = module.rfind('.');
  return dot == std::string::npos ? "" : module.substr(0, dot);
}

// A string class attribute of an AppConfig class (`name`, `label`), or "".
std::string StringAttribute(const ProjectIndex& index, const std::string& qualname,
                            std::string_view attribute) {
  const Assignment* a = index.FindAttribute(qualname, attribute, nullptr);
  if (a && a->value.kind == ExprKind::kString) return a->value.text;
  return "";
}

struct Candidate {
  std::string module;
  std::string path;
  std::string label;
  bool installed = false;
  bool has_apps_py = false;
};

bool IsInside(std::string_view path, std::string_view folder) {
  return folder.empty() ? !path.empty()
                        : path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 &&
                              path[folder.size()] == '/';
}

}  // namespace

Apps::Apps(const ProjectIndex& index, const Settings& settings) : index_(index) {
  const auto& files = index.files();
  // Keyed by folder: one package may be reachable under two module names.
  std::map<std::string, Candidate> by_path;

  // Packages holding apps.py or models.py (or a models/ package).
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string& path = files[i].file.path;
    std::string_view base = Basename(path);
    std::string_view dir = Dirname(path);
    std::string module = ParentModule(index.ModuleOf(static_cast<int>(i)));
    if (base == "__init__.py" && Basename(dir) == "models") {
      dir = Dirname(dir);
      module = ParentModule(module);
    } else if (base != "apps.py" && base != "models.py") {
      continue;
    }
    if (module.empty()) continue;
    Candidate& c = by_path[std::string(dir)];
    if (c.module.empty()) c.module = module;
    c.path = std::string(dir);
    if (base == "apps.py") c.has_apps_py = true;
  }

  // AppConfig classes may rename an app's label.
  for (size_t i = 0; i < files.size(); ++i) {
    if (Basename(files[i].file.path) != "apps.py") continue;
    for (const auto& cls : files[i].classes) {
      if (!cls.scope.empty()) continue;
      std::string qual = index.QualName(static_cast<int>(i), "", cls.name);
      if (!index.HasTag(qual, "app-config")) continue;
      auto it = by_path.find(std::string(Dirname(files[i].file.path)));
      if (it == by_path.end()) continue;
      std::string label = StringAttribute(index, qual, "label");
      if (!label.empty()) it->second.label = label;
    }
  }

  // INSTALLED_APPS: a module path or an AppConfig's dotted path.
  for (const auto& entry : settings.installed_apps) {
    int file = index.modules().Find(entry.value);
    std::string module;
    std::string label;
    if (file >= 0) {
      module = entry.value;
    } else {
      Symbol s = index.ResolveAbsolute(entry.value);
      if (s.kind == Symbol::Kind::kClass && s.remainder.empty()) {
        module = StringAttribute(index, s.qualname, "name");
        label = StringAttribute(index, s.qualname, "label");
        if (module.empty()) module = ParentModule(ParentModule(s.qualname));
      } else {
        module = entry.value;  // perhaps a namespace package: no file of its own
      }
    }
    if (module.empty()) continue;
    int package = index.modules().Find(module);
    if (package < 0 || !index.modules().IsPackage(package)) {
      // A namespace package (no __init__.py) is an app too, when it has one
      // folder: the candidate found by its apps.py or models.py.
      for (auto& [path, c] : by_path) {
        if (c.module != module) continue;
        c.installed = true;
        if (!label.empty()) c.label = label;
      }
      continue;
    }
    std::string dir(Dirname(files[package].file.path));
    Candidate& c = by_path[dir];
    c.module = module;
    c.path = dir;
    if (!label.empty()) c.label = label;
    c.installed = true;
  }

  // Django gives a model the installed app whose package holds its module
  // (apps.get_containing_app_config): a models.py in a sub-package of an
  // installed app is that app's, not an app of its own. With INSTALLED_APPS
  // only partly read, a sub-package with its own apps.py may be installed in
  // the part not read, so it stays an app.
  std::vector<std::string> installed_paths;
  for (const auto& [path, c] : by_path) {
    if (c.installed) installed_paths.push_back(path);
  }
  for (auto it = by_path.begin(); it != by_path.end();) {
    const Candidate& c = it->second;
    bool inside_installed =
        !c.installed && (settings.installed_apps_complete || !c.has_apps_py) &&
        std::any_of(installed_paths.begin(), installed_paths.end(),
                    [&](const std::string& folder) { return IsInside(c.path, folder); });
    it = inside_installed ? by_path.erase(it) : std::next(it);
  }

  // Django's default label: the last component of the app's module.
  for (auto& [path, c] : by_path) {
    if (c.label.empty()) {
      size_t dot = c.module.rfind('.');
      c.label = dot == std::string::npos ? c.module : c.module.substr(dot + 1);
    }
    apps_.push_back({c.label, c.module, c.path, c.installed});
  }
  std::sort(apps_.begin(), apps_.end(),
            [](const App& a, const App& b) { return a.path < b.path; });
  for (size_t i = 0; i < apps_.size(); ++i) app_by_path_.emplace(apps_[i].path, i);
}

const App* Apps::AppForPath(const std::string& path) const {
  // Walk up the folders: the first that is an app's is the deepest one.
  std::string_view dir = path;
  while (true) {
    size_t slash = dir.rfind('/');
    dir = slash == std::string_view::npos ? std::string_view() : dir.substr(0, slash);
    auto it = app_by_path_.find(std::string(dir));
    if (it != app_by_path_.end()) return &apps_[it->second];
    if (dir.empty()) return nullptr;
  }
}

std::string Apps::LabelForPath(const std::string& path) const {
  const App* app = AppForPath(path);
  return app ? app->label : "";
}

std::string Apps::LabelForFile(int file) const {
  if (file < 0) return "";
  return LabelForPath(index_.files()[file].file.path);
}

bool Apps::HasLabel(const std::string& label) const {
  return std::any_of(apps_.begin(), apps_.end(),
                     [&](const App& a) { return a.label == label; });
}

}  // namespace djcost
