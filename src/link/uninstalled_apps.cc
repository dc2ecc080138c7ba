#include "link/uninstalled_apps.h"

#include <algorithm>
#include <map>

namespace djcost {

namespace {

// `app/models/cache.py`: a module of a models package (not the package itself).
bool InModelsPackage(std::string_view path) {
  size_t slash = path.rfind('/');
  if (slash == std::string_view::npos || path.substr(slash + 1) == "__init__.py") return false;
  std::string_view dir = path.substr(0, slash);
  return dir == "models" || (dir.size() > 7 && dir.substr(dir.size() - 7) == "/models");
}

// Calls `on_import(importer, target)` for every file an import names, as a
// module or as `from package import module`: the module imported, not the file
// that imports it.
template <typename OnImport>
void ForEachImport(const ProjectIndex& index, const OnImport& on_import) {
  const auto& files = index.files();
  auto note = [&](int importer, const std::string& module) {
    int target = index.modules().Find(module);
    if (target >= 0 && target != importer) on_import(importer, target);
  };
  for (int f = 0; f < static_cast<int>(files.size()); ++f) {
    for (const auto& imp : files[f].imports) {
      std::string module = index.ImportedModule(f, imp);
      if (module.empty()) continue;
      note(f, module);
      if (!imp.name.empty()) note(f, module + "." + imp.name);
    }
  }
}

}  // namespace

UninstalledApps::UninstalledApps(const ProjectIndex& index, const Settings& settings,
                                 const Apps& apps)
    : apps_(apps), list_complete_(settings.installed_apps_complete) {
  FindUnimportedModelsModules(index);
  FindImportedModulesOfUninstalledApps(index);
}

const App* UninstalledApps::UninstalledAppAt(const std::string& path) const {
  if (!list_complete_) return nullptr;
  const App* app = apps_.AppForPath(path);
  return app && !app->installed ? app : nullptr;
}

// Imports into uninstalled apps' modules: from another app (or none) a module
// runs; from the same app it runs when its importer does (taiga's auth
// services, imported by the users app, import auth.signals). Tests and
// migrations import nothing Django runs.
void UninstalledApps::FindImportedModulesOfUninstalledApps(const ProjectIndex& index) {
  if (!list_complete_ ||
      std::all_of(apps_.list().begin(), apps_.list().end(), [](const App& a) { return a.installed; })) {
    return;
  }
  const auto& files = index.files();
  std::unordered_map<std::string, std::vector<std::string>> within;  // importer -> imported
  std::vector<std::string> reached;
  ForEachImport(index, [&](int importer, int target) {
    FileKind kind = files[importer].file.kind;
    if (kind == FileKind::kTest || kind == FileKind::kMigration) return;
    const std::string& path = files[target].file.path;
    const App* app = UninstalledAppAt(path);
    if (!app) return;
    const std::string& from = files[importer].file.path;
    if (apps_.AppForPath(from) == app) {
      within[from].push_back(path);
    } else {
      reached.push_back(path);
    }
  });
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

void UninstalledApps::FindUnimportedModelsModules(const ProjectIndex& index) {
  const auto& files = index.files();
  std::vector<bool> candidate(files.size());
  bool any = false;
  for (size_t f = 0; f < files.size(); ++f) {
    FileKind kind = files[f].file.kind;
    candidate[f] = files[f].parsed && kind != FileKind::kTest && kind != FileKind::kMigration &&
                   InModelsPackage(files[f].file.path);
    any = any || candidate[f];
  }
  if (!any) return;
  // A test's import registers the models only in the test run (and most test
  // files are not even parsed, link/test_reach.h).
  ForEachImport(index, [&](int importer, int target) {
    if (files[importer].file.kind != FileKind::kTest) candidate[target] = false;
  });
  for (size_t f = 0; f < files.size(); ++f) {
    if (candidate[f]) unimported_models_modules_.insert(files[f].file.path);
  }
}

std::string UninstalledApps::NeverImported(const std::string& path) const {
  const App* app = UninstalledAppAt(path);
  return app && !imported_.count(path) ? app->label : "";
}

namespace {

struct Dropped {
  int models = 0;
  int admin = 0;
  int receivers = 0;
  int signals = 0;
  Location first;
};

// Removes the items `place` names a key for ("" keeps the item), counting them
// per key.
template <typename Item, typename Place>
void DropNeverRun(const Place& place, std::vector<Item>* items, int Dropped::*count,
                  std::map<std::string, Dropped>* by_key) {
  auto never_run = [&](const Item& item) {
    std::string key = place(item);
    if (key.empty()) return false;
    Dropped& d = (*by_key)[key];
    if (d.models + d.admin + d.receivers + d.signals == 0 || item.location < d.first) {
      d.first = item.location;
    }
    d.*count += 1;
    return true;
  };
  items->erase(std::remove_if(items->begin(), items->end(), never_run), items->end());
}

std::string Counted(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "its 1 admin registration and 2 signal receivers are"
std::string What(const Dropped& d) {
  std::vector<std::string> parts;
  if (d.models > 0) parts.push_back(Counted(d.models, "model", "models"));
  if (d.admin > 0) parts.push_back(Counted(d.admin, "admin registration", "admin registrations"));
  if (d.receivers > 0) parts.push_back(Counted(d.receivers, "signal receiver", "signal receivers"));
  if (d.signals > 0) parts.push_back(Counted(d.signals, "custom signal", "custom signals"));
  std::string what = "its ";
  for (size_t i = 0; i < parts.size(); ++i) {
    what += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
  }
  bool one = d.models + d.admin + d.receivers + d.signals == 1;
  return what + (one ? " is" : " are");
}

// Drops what `place` names a key for, by the item's path; of the models, only
// those `drops_model` accepts.
template <typename Place, typename DropsModel>
std::map<std::string, Dropped> DropAll(const Place& place, const DropsModel& drops_model,
                                       Inventory* inv) {
  std::map<std::string, Dropped> by_key;
  auto at = [&](const auto& item) { return place(item.location.path); };
  auto model_at = [&](const Model& m) { return drops_model(m) ? at(m) : std::string(); };
  DropNeverRun(model_at, &inv->models, &Dropped::models, &by_key);
  DropNeverRun(at, &inv->admin_registrations, &Dropped::admin, &by_key);
  DropNeverRun(at, &inv->admin_registrations_external, &Dropped::admin, &by_key);
  DropNeverRun(at, &inv->signal_receivers, &Dropped::receivers, &by_key);
  DropNeverRun(at, &inv->custom_signals, &Dropped::signals, &by_key);
  return by_key;
}

}  // namespace

void DropWhatDjangoNeverRuns(const UninstalledApps& never_run, Inventory* inv) {
  auto uninstalled = [&](const std::string& path) { return never_run.NeverImported(path); };
  // Concrete models of an app not installed are dropped whatever imports them
  // (model-outside-installed-apps: Django refuses them); an abstract one is
  // dropped as the rest, unless a module of another app imports its module to
  // subclass it (mytardis' push_to KeyPair). Test models are inventoried apart.
  auto abstract = [](const Model& m) { return m.kind == ModelKind::kAbstract && !m.in_tests; };
  for (const auto& [label, d] : DropAll(uninstalled, abstract, inv)) {
    inv->diagnostics.push_back(
        {Severity::kWarning, "app-not-installed", d.first,
         "app '" + label + "' is not in INSTALLED_APPS and no other app imports these modules: " +
             What(d) + " never made, not counted"});
  }
  auto unimported = [&](const std::string& path) {
    return never_run.UnimportedModelsModule(path) ? path : std::string();
  };
  auto any_model = [](const Model&) { return true; };
  for (const auto& [path, d] : DropAll(unimported, any_model, inv)) {
    inv->diagnostics.push_back(
        {Severity::kWarning, "module-never-imported", d.first,
         path + " is a module of a models package that no module imports, so Django never runs "
                "it: " + What(d) + " not counted"});
  }
}

}  // namespace djcost
