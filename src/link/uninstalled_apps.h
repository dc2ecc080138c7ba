// What Django never runs of the apps the repository holds but INSTALLED_APPS
// (read in full) does not list: it imports none of their modules by itself (no
// models module, no admin autodiscovery, no ready()), so the admin registrations,
// receivers and signals written there do not exist at run time, unless a module
// of another app imports the module they are in (tendenci's helpdesk and
// higher_logic apps). Models have their own rule (model-outside-installed-apps).
// Input: ProjectIndex, Settings, Apps; output: the Inventory without them.
#pragma once

#include <string>
#include <unordered_map>
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

 private:
  const Apps& apps_;
  std::unordered_map<std::string, std::string> uninstalled_;  // app folder -> label
  std::unordered_set<std::string> imported_;  // their modules that run: paths
};

/// Drops the admin registrations, signal receivers and custom signals that
/// NeverImported places, with one `app-not-installed` warning per app.
void DropWhatUninstalledAppsNeverRun(const UninstalledApps& uninstalled, Inventory* inv);

}  // namespace djcost
