#include "link/uninstalled_apps.h"

#include <algorithm>
#include <map>

namespace djcost {

UninstalledApps::UninstalledApps(const ProjectIndex& index, const Settings& settings,
                                 const Apps& apps)
    : apps_(apps) {
  if (!settings.installed_apps_complete) return;
  for (const auto& app : apps.list()) {
    if (!app.installed) uninstalled_.emplace(app.path, app.label);
  }
  if (uninstalled_.empty()) return;
  const auto& files = index.files();
  // Imports into uninstalled apps' modules: from another app (or none) a module
  // runs; from the same app it runs when its importer does (taiga's auth
  // services, imported by the users app, import auth.signals).
  std::unordered_map<std::string, std::vector<std::string>> within;  // importer -> imported
  std::vector<std::string> reached;
  auto note_import = [&](int importer, const std::string& module) {
    int target = index.modules().Find(module);
    if (target < 0 || target == importer) return;
    const std::string& path = files[target].file.path;
    std::string folder = apps.FolderForPath(path);
    if (!uninstalled_.count(folder)) return;
    const std::string& from = files[importer].file.path;
    if (apps.FolderForPath(from) == folder) {
      within[from].push_back(path);
    } else {
      reached.push_back(path);
    }
  };
  for (int f = 0; f < static_cast<int>(files.size()); ++f) {
    FileKind kind = files[f].file.kind;
    if (kind == FileKind::kTest || kind == FileKind::kMigration) continue;
    for (const auto& imp : files[f].imports) {
      std::string module = index.ImportedModule(f, imp);
      if (module.empty()) continue;
      note_import(f, module);
      if (!imp.name.empty()) note_import(f, module + "." + imp.name);
    }
  }
  while (!reached.empty()) {
    std::string path = std::move(reached.back());
    reached.pop_back();
    if (!imported_.insert(path).second) continue;
    // Importing a.b.c runs a/__init__.py and a/b/__init__.py first.
    for (size_t slash = path.rfind('/'); slash != std::string::npos;
         slash = slash == 0 ? std::string::npos : path.rfind('/', slash - 1)) {
      std::string init = path.substr(0, slash) + "/__init__.py";
      if (init != path) reached.push_back(std::move(init));
    }
    auto next = within.find(path);
    if (next != within.end()) reached.insert(reached.end(), next->second.begin(), next->second.end());
  }
}

std::string UninstalledApps::NeverImported(const std::string& path) const {
  if (uninstalled_.empty()) return "";
  auto app = uninstalled_.find(apps_.FolderForPath(path));
  if (app == uninstalled_.end() || imported_.count(path)) return "";
  return app->second;
}

namespace {

struct Dropped {
  int admin = 0;
  int receivers = 0;
  int signals = 0;
  Location first;
};

// Removes the items NeverImported places, counting them per app.
template <typename Item>
void DropNeverRun(const UninstalledApps& uninstalled, std::vector<Item>* items,
                  int Dropped::*count, std::map<std::string, Dropped>* by_app) {
  auto never_run = [&](const Item& item) {
    std::string label = uninstalled.NeverImported(item.location.path);
    if (label.empty()) return false;
    Dropped& d = (*by_app)[label];
    if (d.admin + d.receivers + d.signals == 0 || item.location < d.first) d.first = item.location;
    d.*count += 1;
    return true;
  };
  items->erase(std::remove_if(items->begin(), items->end(), never_run), items->end());
}

std::string Counted(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

void DropWhatUninstalledAppsNeverRun(const UninstalledApps& uninstalled, Inventory* inv) {
  std::map<std::string, Dropped> by_app;
  DropNeverRun(uninstalled, &inv->admin_registrations, &Dropped::admin, &by_app);
  DropNeverRun(uninstalled, &inv->admin_registrations_external, &Dropped::admin, &by_app);
  DropNeverRun(uninstalled, &inv->signal_receivers, &Dropped::receivers, &by_app);
  DropNeverRun(uninstalled, &inv->custom_signals, &Dropped::signals, &by_app);
  for (const auto& [label, d] : by_app) {
    std::vector<std::string> parts;
    if (d.admin > 0) parts.push_back(Counted(d.admin, "admin registration", "admin registrations"));
    if (d.receivers > 0) parts.push_back(Counted(d.receivers, "signal receiver", "signal receivers"));
    if (d.signals > 0) parts.push_back(Counted(d.signals, "custom signal", "custom signals"));
    std::string what;
    for (size_t i = 0; i < parts.size(); ++i) {
      what += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
    }
    bool one = d.admin + d.receivers + d.signals == 1;
    inv->diagnostics.push_back(
        {Severity::kWarning, "app-not-installed", d.first,
         "app '" + label + "' is not in INSTALLED_APPS and no other app imports these modules: " +
             "its " + what + (one ? " is" : " are") + " never made, not counted"});
  }
}

}  // namespace djcost
