// Finds the project's Django applications (packages with apps.py or models.py,
// and INSTALLED_APPS entries that resolve into the repository) and attributes
// any file to the app that holds it. Input: ProjectIndex + Settings; output: Apps.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "data/inventory.h"
#include "link/project_index.h"
#include "link/settings.h"

namespace djcost {

class Apps {
 public:
  Apps(const ProjectIndex& index, const Settings& settings);

  const std::vector<App>& list() const { return apps_; }
  /// The label of the app whose folder holds `path` (deepest wins), or "".
  std::string LabelForPath(const std::string& path) const;
  /// The label of the app holding `file`.
  std::string LabelForFile(int file) const;
  /// The app whose folder holds `path` (deepest wins), or nullptr. Apps are told
  /// apart by folder: two may share a label (django-oscar's and its tests' `shipping`).
  const App* AppForPath(const std::string& path) const;
  /// The label of the app a "label.Model" string or a module's app.
  bool HasLabel(const std::string& label) const;

 private:
  const ProjectIndex& index_;
  std::vector<App> apps_;  // sorted by path
  std::unordered_map<std::string, size_t> app_by_path_;  // app folder -> index in apps_
};

}  // namespace djcost
