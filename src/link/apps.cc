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
};

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
      }
    }
    if (module.empty()) continue;
    int package = index.modules().Find(module);
    if (package < 0) continue;
    std::string dir(Dirname(files[package].file.path));
    if (!index.modules().IsPackage(package)) continue;  // a module, not an app package
    Candidate& c = by_path[dir];
    c.module = module;
    c.path = dir;
    if (!label.empty()) c.label = label;
    c.installed = true;
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
  for (const auto& app : apps_) label_by_path_.emplace(app.path, app.label);
}

std::string Apps::LabelForPath(const std::string& path) const {
  // Walk up the folders: the first that is an app's is the deepest one.
  std::string_view dir = path;
  while (true) {
    size_t slash = dir.rfind('/');
    dir = slash == std::string_view::npos ? std::string_view() : dir.substr(0, slash);
    auto it = label_by_path_.find(std::string(dir));
    if (it != label_by_path_.end()) return it->second;
    if (dir.empty()) return "";
  }
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
