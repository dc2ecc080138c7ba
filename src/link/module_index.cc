#include "link/module_index.h"

#include <algorithm>
#include <map>
#include <set>

namespace djcost {
namespace {

std::string_view Dirname(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

// `path` relative to folder `dir` ("" is the root), or nullopt-like "" when not inside.
bool RelativeTo(std::string_view path, std::string_view dir, std::string_view* rest) {
  if (dir.empty()) {
    *rest = path;
    return true;
  }
  if (path.size() > dir.size() && path.substr(0, dir.size()) == dir && path[dir.size()] == '/') {
    *rest = path.substr(dir.size() + 1);
    return true;
  }
  return false;
}

// Module-level names a file binds, for telling `from django.urls import path`
// (a module of the folder named urls.py that binds no `path`) from an import of
// the folder's own module.
// An import of the name from `imported` itself does not count: the root urls.py
// of djangopackages binds `path` by `from django.urls import path`.
bool BindsName(const FileFacts& f, std::string_view name, std::string_view imported) {
  for (const auto& c : f.classes) {
    if (c.scope.empty() && c.name == name) return true;
  }
  for (const auto& fn : f.functions) {
    if (fn.scope.empty() && fn.name == name) return true;
  }
  for (const auto& a : f.assignments) {
    if (a.target == name) return true;
  }
  for (const auto& imp : f.imports) {
    if (imp.module_level && !imp.star && (imp.alias.empty() ? imp.name : imp.alias) == name &&
        !(imp.level == 0 && imp.module == imported)) {
      return true;
    }
  }
  return false;
}

// When the scanned folder is itself a package (Django's own source, a reusable
// app checked out alone), its name is not in the relative paths. Its modules
// import each other by it: `from django.db import models` in a folder holding
// db/. The first component of absolute imports that name a module of the folder
// (one that binds the imported name, or has it as a submodule), most frequent
// first, names it. A project whose root holds urls.py, core/management/ and __init__.py
// imports `from django.urls import path` and `from django.core.management import
// call_command` too (djangopackages): neither binds the name, so they are no
// votes for "django".
std::string RootPackageName(const std::vector<FileFacts>& files) {
  std::map<std::string, int, std::less<>> modules;  // module -> file
  std::set<std::string, std::less<>> top;
  for (size_t i = 0; i < files.size(); ++i) {
    std::string name = ModuleNameFromPath(files[i].file.path);
    if (name.empty()) continue;
    modules.emplace(name, static_cast<int>(i));
    top.insert(name.substr(0, name.find('.')));
  }
  auto names_folder_module = [&](const Import& imp, std::string_view inner, std::string_view name) {
    auto it = modules.find(inner);
    if (it == modules.end()) return false;
    return name.empty() || BindsName(files[it->second], name, imp.module) ||
           modules.count(std::string(inner) + "." + std::string(name)) > 0;
  };
  std::map<std::string, int> votes;
  for (const auto& f : files) {
    for (const auto& imp : f.imports) {
      if (imp.level != 0 || imp.module.empty() || imp.star) continue;
      size_t dot = imp.module.find('.');
      std::string head = imp.module.substr(0, dot);
      if (top.count(head)) continue;
      bool voted = dot == std::string::npos
                       ? !imp.name.empty() && names_folder_module(imp, imp.name, "")
                       : names_folder_module(imp, std::string_view(imp.module).substr(dot + 1),
                                             imp.name);
      if (voted) votes[head] += 1;
    }
  }
  std::string best;
  int most = 0;
  for (const auto& [head, n] : votes) {
    if (n > most) {
      best = head;
      most = n;
    }
  }
  return best;
}

// A `src/__init__.py` left in a src layout (waldur) makes `src` a package that
// nothing imports: the code says `waldur_core.structure`, the settings
// `waldur_core.server.urls`, because src/ is on sys.path. True when no absolute
// import's first name is "src".
bool SrcIsAStrayPackage(const std::vector<FileFacts>& files,
                        const std::set<std::string, std::less<>>& package_dirs) {
  if (!package_dirs.count(std::string_view("src"))) return false;
  for (const auto& f : files) {
    for (const auto& imp : f.imports) {
      if (imp.level == 0 && imp.module.substr(0, imp.module.find('.')) == "src") return false;
    }
  }
  return true;
}

// True when a folder above `dir` is a package ("" is the scanned folder).
bool HasPackageAbove(const std::set<std::string, std::less<>>& package_dirs, std::string_view dir) {
  while (!dir.empty()) {
    dir = Dirname(dir);
    if (package_dirs.count(dir)) return true;
  }
  return false;
}

}  // namespace

std::string ModuleNameFromPath(std::string_view relative_path) {
  if (relative_path.size() < 3 || relative_path.substr(relative_path.size() - 3) != ".py") {
    return "";
  }
  std::string name(relative_path.substr(0, relative_path.size() - 3));
  if (name == "__init__") return "";
  const std::string_view init = "/__init__";
  if (name.size() > init.size() && name.compare(name.size() - init.size(), init.size(), init) == 0) {
    name.resize(name.size() - init.size());
  }
  std::replace(name.begin(), name.end(), '/', '.');
  return name;
}

ModuleIndex::ModuleIndex(const std::vector<FileFacts>& files,
                         const std::vector<std::string>& markers) {
  std::set<std::string, std::less<>> package_dirs;
  for (const auto& f : files) {
    std::string_view path = f.file.path;
    if (path == "__init__.py" || (path.size() > 12 && path.substr(path.size() - 12) == "/__init__.py")) {
      package_dirs.insert(std::string(Dirname(path)));
    }
  }
  // A manage.py at the top puts the folder itself on sys.path: its __init__.py
  // makes no package of it (djangopackages, a pre-1.4 layout).
  bool root_on_path = std::any_of(markers.begin(), markers.end(),
                                  [](const std::string& m) { return Dirname(m).empty(); });
  std::string root_package = package_dirs.count(std::string_view()) && !root_on_path
                                 ? RootPackageName(files)
                                 : std::string();
  bool src_on_path = SrcIsAStrayPackage(files, package_dirs);
  std::vector<std::string> project_dirs;
  for (const auto& m : markers) project_dirs.emplace_back(Dirname(m));
  // Deepest first, so the first match is the deepest folder holding a file.
  std::sort(project_dirs.begin(), project_dirs.end(),
            [](const std::string& a, const std::string& b) {
              return a.size() != b.size() ? a.size() > b.size() : a < b;
            });

  names_.resize(files.size());
  is_package_.resize(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    std::string_view path = files[i].file.path;
    is_package_[i] = path == "__init__.py" ||
                     (path.size() > 12 && path.substr(path.size() - 12) == "/__init__.py");
    // The top-level package's parent: walk up while the folder is a package, or
    // a folder without __init__.py below one, which Python imports as a
    // namespace subpackage (ralph's src/ralph/lib/transitions/api/, baserow's
    // api/sso/saml/ two such folders deep).
    std::string_view root = Dirname(path);
    while (!root.empty() && (package_dirs.count(root) || HasPackageAbove(package_dirs, root))) {
      root = Dirname(root);
    }
    if (root.empty() && package_dirs.count(std::string_view())) root = "";

    std::vector<std::string> candidates;
    if (!root_package.empty()) {
      std::string inner = ModuleNameFromPath(path);
      candidates.push_back(inner.empty() ? root_package : root_package + "." + inner);
    }
    std::string_view rest;
    for (const auto& dir : project_dirs) {
      if (RelativeTo(path, dir, &rest)) candidates.push_back(ModuleNameFromPath(rest));
    }
    if (src_on_path && root.empty() && RelativeTo(path, "src", &rest)) {
      candidates.push_back(ModuleNameFromPath(rest));
    }
    if (RelativeTo(path, root, &rest)) candidates.push_back(ModuleNameFromPath(rest));
    candidates.push_back(ModuleNameFromPath(path));

    for (const auto& name : candidates) {
      if (name.empty()) continue;
      if (names_[i].empty()) names_[i] = name;
      // Files are sorted by path, so the first file to claim a name keeps it.
      by_name_.emplace(name, static_cast<int>(i));
    }
  }
}

int ModuleIndex::Find(std::string_view module) const {
  auto it = by_name_.find(module);
  return it == by_name_.end() ? -1 : it->second;
}

std::string ModuleIndex::RelativeBase(int file, int level) const {
  std::string base = names_[file];
  // A module's own package is one step up; a package's __init__ is its own package.
  int steps = is_package_[file] ? level - 1 : level;
  for (int i = 0; i < steps; ++i) {
    size_t dot = base.rfind('.');
    base = dot == std::string::npos ? "" : base.substr(0, dot);
  }
  return base;
}

}  // namespace djcost
