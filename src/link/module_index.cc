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

// When the scanned folder is itself a package (Django's own source, a reusable
// app checked out alone), its name is not in the relative paths. Its modules
// import each other by it: `from django.db import models` in a folder holding
// db/. The first component of absolute imports whose second component is a
// top-level module of the folder, most frequent first, names it.
std::string RootPackageName(const std::vector<FileFacts>& files) {
  std::set<std::string, std::less<>> top;
  for (const auto& f : files) {
    std::string name = ModuleNameFromPath(f.file.path);
    if (!name.empty()) top.insert(name.substr(0, name.find('.')));
  }
  std::map<std::string, int> votes;
  for (const auto& f : files) {
    for (const auto& imp : f.imports) {
      if (imp.level != 0 || imp.module.empty()) continue;
      size_t dot = imp.module.find('.');
      std::string head = imp.module.substr(0, dot);
      std::string second = dot == std::string::npos ? imp.name
                                                    : imp.module.substr(dot + 1, imp.module.find('.', dot + 1) - dot - 1);
      if (second.empty() || top.count(head) || !top.count(second)) continue;
      votes[head] += 1;
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
  std::string root_package =
      package_dirs.count(std::string_view()) ? RootPackageName(files) : std::string();
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
    // The top-level package's parent: walk up while the folder is a package, or a
    // folder without __init__.py inside one, which Python imports as a namespace
    // subpackage (ralph's src/ralph/lib/transitions/api/).
    std::string_view root = Dirname(path);
    while (!root.empty() && (package_dirs.count(root) || package_dirs.count(Dirname(root)))) {
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
