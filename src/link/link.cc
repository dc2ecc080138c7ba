#include "link/link.h"

#include <algorithm>
#include <future>
#include <iterator>
#include <tuple>
#include <set>
#include <unordered_set>

#include "link/admin.h"
#include "link/apps.h"
#include "link/findings.h"
#include "link/models.h"
#include "link/project_index.h"
#include "link/settings.h"
#include "link/signals.h"
#include "link/test_reach.h"
#include "link/uninstalled_apps.h"
#include "link/urls.h"

namespace djcost {
namespace {

bool IsManagePy(const std::string& path) {
  return path == "manage.py" ||
         (path.size() > 10 && path.compare(path.size() - 10, 10, "/manage.py") == 0);
}

void AddTotals(const std::vector<FileFacts>& files, Inventory* inv) {
  for (const auto& f : files) {
    FileTotals& totals = inv->TotalsOf(f.file.kind);
    totals.files += 1;
    totals.lines += f.lines;
    if (f.parsed) inv->files_parsed += 1;
    if (f.parse_errors > 0) inv->files_with_parse_errors += 1;
    inv->diagnostics.insert(inv->diagnostics.end(), f.diagnostics.begin(), f.diagnostics.end());
  }
}

// Django registers no model of an app missing from INSTALLED_APPS; trust the list
// only when every entry could be read.
void DropModelsOutsideInstalledApps(const Settings& settings, const Apps& apps,
                                    std::vector<Model>* models,
                                    std::vector<Diagnostic>* diagnostics) {
  if (!settings.installed_apps_complete) return;
  std::set<std::string> installed;
  for (const auto& app : apps.list()) {
    if (app.installed) installed.insert(app.label);
  }
  auto outside = [&](const Model& m) {
    return !m.in_tests && m.kind != ModelKind::kAbstract && !installed.count(m.app);
  };
  for (const auto& m : *models) {
    if (outside(m)) {
      diagnostics->push_back(
          {Severity::kWarning, "model-outside-installed-apps", m.location,
           m.qualname + " is in app '" + m.app + "', which INSTALLED_APPS does not list: not counted"});
    }
  }
  models->erase(std::remove_if(models->begin(), models->end(), outside), models->end());
}

// Link's finders fall in three groups: the URL walk with the signals, models
// with admin (admin reads the models), and findings, which are read file by
// file. On two threads, see LinkScanned.
struct UrlsAndSignals {
  UrlInventory urls;
  SignalInventory signals;
  std::vector<Diagnostic> signal_diagnostics;
};

UrlsAndSignals FindUrlsAndSignals(const ProjectIndex& index, const Settings& settings,
                                  const Apps& apps) {
  UrlsAndSignals found;
  found.urls = WalkUrls(index, settings, apps);
  found.signals = FindSignals(index, settings, apps, &found.signal_diagnostics);
  return found;
}

struct ModelsAdminFindings {
  std::vector<Model> models;
  std::vector<AdminRegistration> admin_registrations;
  std::vector<AdminRegistration> admin_registrations_external;
  std::vector<Finding> findings;
  std::vector<Diagnostic> diagnostics;
};

// Without django.contrib.admin (or an AdminConfig of the project's) in a
// completely read INSTALLED_APPS, no admin site is served and no admin module is
// autodiscovered (onadata): registrations are not counted, and said so.
bool AdminInstalled(const ProjectIndex& index, const Settings& settings) {
  for (const auto& entry : settings.installed_apps) {
    std::string_view app = entry.value;
    if (app == "django.contrib.admin" || app.substr(0, 21) == "django.contrib.admin.") return true;
    Symbol s = index.ResolveAbsolute(app);
    if (s.kind != Symbol::Kind::kClass || !s.remainder.empty()) continue;
    for (std::string_view a : index.Ancestors(s.qualname)) {
      if (a.substr(0, 26) == "django.contrib.admin.apps.") return true;
    }
  }
  return false;
}

void DropAdminWhenNotInstalled(const ProjectIndex& index, const Settings& settings,
                               ModelsAdminFindings* found) {
  if (!settings.installed_apps_complete || AdminInstalled(index, settings)) return;
  size_t dropped = found->admin_registrations.size() + found->admin_registrations_external.size();
  if (dropped == 0) return;
  found->diagnostics.push_back(
      {Severity::kWarning, "admin-not-installed", settings.installed_apps.empty()
                                                      ? Location{}
                                                      : settings.installed_apps.front().location,
       "INSTALLED_APPS lists no django.contrib.admin: the " + std::to_string(dropped) +
           " admin registrations found are never served, not counted"});
  found->admin_registrations.clear();
  found->admin_registrations_external.clear();
}

// Models and admin; findings apart.
ModelsAdminFindings FindModelsAdmin(const ProjectIndex& index, const Settings& settings,
                                    const Apps& apps) {
  ModelsAdminFindings found;
  found.models = FindModels(index, settings, apps, &found.diagnostics);
  DropModelsOutsideInstalledApps(settings, apps, &found.models, &found.diagnostics);
  for (auto& reg : FindAdminRegistrations(index, apps, &found.diagnostics,
                                          settings.auth_user_model.value, found.models)) {
    bool repo_model = index.FindClass(reg.model, nullptr) != nullptr;
    (repo_model ? found.admin_registrations : found.admin_registrations_external)
        .push_back(std::move(reg));
  }
  DropAdminWhenNotInstalled(index, settings, &found);
  return found;
}

// What `"x" in settings.INSTALLED_APPS` and `apps.is_installed("x")` are true of.
std::unordered_set<std::string> InstalledNames(const Settings& settings, const Apps& apps) {
  std::unordered_set<std::string> names;
  for (const auto& entry : settings.installed_apps) names.insert(entry.value);
  for (const auto& app : apps.list()) {
    if (app.installed) names.insert(app.module);
  }
  return names;
}

// The guards (FileFacts::guards) of statements link may count or leave out:
// assignments and call statements, at module level and in a helper's list.
std::set<int> StatementGuards(const FileFacts& f) {
  std::set<int> used;
  auto add = [&](const std::vector<Assignment>& assignments,
                 const std::vector<CallStatement>& calls) {
    for (const Assignment& a : assignments) used.insert(a.guard);
    for (const CallStatement& c : calls) used.insert(c.guard);
  };
  add(f.assignments, f.calls);
  for (const FunctionDef& fn : f.functions) {
    if (fn.local_list) add(fn.local_list->assignments, fn.local_list->calls);
  }
  used.erase(-1);
  return used;
}

// Fix 102 counts every branch under a setting when a deployment may change the
// settings, and INSTALLED_APPS conditions are counted alike (ProjectIndex::
// GuardHolds): rdmo's `include(optional("local.py"))` may install what its
// `apps.is_installed(...)` tests, course-discovery's `from .private import *`
// its catalog extensions. Say so when the list read would have left code out.
void WarnOfAppGuardsLeftOpen(const ProjectIndex& index, const Settings& settings,
                             const std::unordered_set<std::string>& installed,
                             std::vector<Diagnostic>* diagnostics) {
  if (!index.SettingsMayBeOverridden()) return;
  std::set<std::pair<std::string, std::string>> unmet;  // (file, app); nested ifs repeat one
  for (const FileFacts& f : index.files()) {
    // Conditions in migrations guard nothing the report counts (and a scan does
    // not parse migrations). A test file link reads may be the project's URLconf.
    if (f.file.kind == FileKind::kMigration) continue;
    for (int guard : StatementGuards(f)) {
      for (const AppCondition& c : f.guards[guard]) {
        if (!c.app.empty() && (installed.count(c.app) > 0) != c.installed) {
          unmet.emplace(f.file.path, c.app);
        }
      }
    }
  }
  if (unmet.empty()) return;
  const auto& [path, app] = *unmet.begin();
  diagnostics->push_back(
      {Severity::kWarning, "settings-partly-evaluated",
       {index.files()[settings.file].file.path, 0, 0},
       "settings module " + settings.module +
           " may be changed where the project runs (a settings file the repository lacks, "
           "django-split-settings' include(), exec or globals()), so code under INSTALLED_APPS "
           "conditions is counted even where the list read does not meet them: " +
           std::to_string(unmet.size()) + (unmet.size() == 1 ? " condition" : " conditions") +
           ", e.g. \"" + app + "\" in " + path});
}

void Append(const std::vector<Diagnostic>& more, std::vector<Diagnostic>* diagnostics) {
  diagnostics->insert(diagnostics->end(), more.begin(), more.end());
}

}  // namespace

Inventory LinkScanned(const std::vector<FileFacts>& files, const RuleSet& rules, int jobs,
                      LinkLeftovers* leftovers) {
  std::vector<std::string> markers;
  for (const auto& f : files) {
    if (IsManagePy(f.file.path)) markers.push_back(f.file.path);
  }
  auto index_owned = std::make_shared<ProjectIndex>(files, rules, markers);
  ProjectIndex& index = *index_owned;
  auto named_settings = rules.options.find("settings");  // [tool.djcost] settings = "..."
  Settings settings = FindSettings(
      index, named_settings == rules.options.end() ? std::string() : named_settings->second);
  Apps apps(index, settings);
  // Class-based settings (django-configurations) bind no module-level name for
  // the index's `settings.NAME` reads to find: none is read, so no branch is
  // dropped on a setting's truth.
  index.SetSettingsFile(settings.settings_class.empty() ? settings.file : -1);

  Inventory inv;
  inv.settings_module = settings.module;
  inv.django_requirement = rules.django.requirement;
  inv.django_source = rules.django.source;
  inv.root_urlconf = settings.root_urlconf.value;
  inv.auth_user_model = settings.auth_user_model.value;
  for (const auto& app : settings.installed_apps) inv.installed_apps.push_back(app.value);
  inv.apps = apps.list();
  inv.diagnostics = settings.diagnostics;
  if (settings.installed_apps_complete) {
    std::unordered_set<std::string> installed = InstalledNames(settings, apps);
    WarnOfAppGuardsLeftOpen(index, settings, installed, &inv.diagnostics);
    index.SetInstalledApps(std::move(installed));
  }

  // With a second thread, the URL walk and the signals run there, with an index
  // of its own (lookups write to the index's memos; the two share many), and
  // models and admin here. Then each reads the findings of the files left, in
  // chunks, so that neither waits long for the other.
  UrlsAndSignals first;
  ModelsAdminFindings second;
  if (jobs > 1) {
    FileChunks chunks(files.size());
    auto on_second_thread = std::async(std::launch::async, [&] {
      std::shared_ptr<ProjectIndex> own = index.ShareOwned();
      UrlsAndSignals found = FindUrlsAndSignals(*own, settings, apps);
      std::vector<Finding> findings =
          FindFindingsInChunks(*own, settings, apps, &chunks, /*settings_entries=*/false);
      if (leftovers == nullptr) own.reset();  // freed here, beside the first thread's share
      return std::make_tuple(std::move(found), std::move(findings), std::move(own));
    });
    second = FindModelsAdmin(index, settings, apps);
    second.findings = FindFindingsInChunks(index, settings, apps, &chunks, true);
    auto [found, findings, own] = on_second_thread.get();
    first = std::move(found);
    second.findings.insert(second.findings.end(), std::make_move_iterator(findings.begin()),
                           std::make_move_iterator(findings.end()));
    SortFindings(&second.findings);
    if (own) leftovers->push_back(std::move(own));
  } else {
    first = FindUrlsAndSignals(index, settings, apps);
    second = FindModelsAdmin(index, settings, apps);
    second.findings = FindFindings(index, settings, apps);
  }
  inv.endpoints = std::move(first.urls.endpoints);
  inv.external_routes = std::move(first.urls.external_routes);
  inv.urlconf_fallback = first.urls.fallback;
  inv.signal_receivers = std::move(first.signals.receivers);
  inv.custom_signals = std::move(first.signals.custom_signals);
  inv.models = std::move(second.models);
  inv.admin_registrations = std::move(second.admin_registrations);
  inv.admin_registrations_external = std::move(second.admin_registrations_external);
  inv.findings = std::move(second.findings);
  DropWhatDjangoNeverRuns(UninstalledApps(index, settings, apps), &inv);
  Append(first.urls.diagnostics, &inv.diagnostics);
  Append(second.diagnostics, &inv.diagnostics);
  Append(first.signal_diagnostics, &inv.diagnostics);

  AddTotals(files, &inv);
  std::sort(inv.diagnostics.begin(), inv.diagnostics.end(),
            [](const Diagnostic& a, const Diagnostic& b) {
              return std::tie(a.location, a.code, a.message) < std::tie(b.location, b.code, b.message);
            });
  if (leftovers != nullptr) leftovers->push_back(std::move(index_owned));
  return inv;
}

Inventory Link(const std::vector<FileFacts>& files, const RuleSet& rules, int jobs) {
  // A scan hands over the test files it does not read unparsed already; a
  // full extraction (tests, `djcost facts`) parsed them: link forgets that.
  // Only a test file that does not count alone and holds more than that may
  // need forgetting, and only then is the closure computed (most scans hand
  // over none) or the facts copied.
  std::vector<char> read;
  std::vector<FileFacts> forgotten;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (files[i].counts_alone) continue;
    FileFacts unread = UnreadTestFile(files[i]);
    if (unread == files[i]) continue;
    if (read.empty()) read = TestFilesRead(files, TestReachRulesOf(rules));
    if (read[i]) continue;
    if (forgotten.empty()) forgotten = files;
    forgotten[i] = std::move(unread);
  }
  return LinkScanned(forgotten.empty() ? files : forgotten, rules, jobs);
}

}  // namespace djcost
