// What Django never runs of the repository's apps, so what is written there
// does not exist at run time:
// - the modules of an app INSTALLED_APPS (read in full) does not list: Django
//   imports none of them by itself (no models module, no admin autodiscovery, no
//   ready()), unless a module of another app imports them (tendenci's helpdesk,
//   projects and higher_logic apps); concrete models have their own rule there
//   (model-outside-installed-apps), abstract ones follow this one;
// - a module of a models package that no module imports (LibrePhotos'
//   api/models/cache.py, Sefaria's leftover models/topic_of_the_day.py): Django
//   imports the package, which imports what it names.
// Input: ProjectIndex, Settings, Apps; output: the Inventory without them.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "data/inventory.h"
#include "link/apps.h"
#include "link/project_index.h"
#include "link/settings.h"

namespace djcost {

class UninstalledApps {
 public:
  UninstalledApps(const ProjectIndex& index, const Settings& settings, const Apps& apps);

  /// The label of the uninstalled app holding `path`, when no module of another
  /// app (tests and migrations aside) imports that module, directly or through
  /// modules of its own app; "" otherwise.
  std::string NeverImported(const std::string& path) const;

  /// True when `path` is a module of a models package that no module imports.
  bool UnimportedModelsModule(const std::string& path) const {
    return unimported_models_modules_.count(path) > 0;
  }

 private:
  void FindImportedModulesOfUninstalledApps(const ProjectIndex& index);
  void FindUnimportedModelsModules(const ProjectIndex& index);
  // The app an uninstalled-app rule applies to at `path`, or nullptr.
  const App* UninstalledAppAt(const std::string& path) const;

  const Apps& apps_;
  bool list_complete_ = false;  // INSTALLED_APPS read in full: what it lacks is not installed
  std::unordered_set<std::string> imported_;  // uninstalled apps' modules that run: paths
  std::unordered_set<std::string> unimported_models_modules_;  // paths
};

/// Drops the models, admin registrations, signal receivers and custom signals
/// that NeverImported or UnimportedModelsModule places, with one `app-not-installed`
/// warning per app and one `module-never-imported` per module.
void DropWhatDjangoNeverRuns(const UninstalledApps& never_run, Inventory* inv);

}  // namespace djcost
