// Finds the project's Django settings without running them: the module the
// `settings` option names, else the one named by DJANGO_SETTINGS_MODULE in
// manage.py / wsgi.py / asgi.py (else the one settings module that sets
// ROOT_URLCONF), and the values djcost needs from it: the module's names, or
// the attributes of the django-configurations class DJANGO_CONFIGURATION names.
// Input: the ProjectIndex; output: Settings. Settings split across modules with
// star imports are followed.
#pragma once

#include <string>
#include <vector>

#include "data/diagnostic.h"
#include "link/project_index.h"

namespace djcost {

struct SettingsValue {
  std::string value;
  Location location;
};

struct Settings {
  std::string module;  // "" when no settings module was found
  int file = -1;
  /// The class of `module` whose attributes are the settings (django-configurations'
  /// Configuration subclass that DJANGO_CONFIGURATION names), qualified; "" when
  /// the module's own names are.
  std::string settings_class;
  SettingsValue root_urlconf;
  SettingsValue root_hostconf;  // django-hosts' ROOT_HOSTCONF, "" when unset
  SettingsValue auth_user_model;
  std::vector<SettingsValue> installed_apps;
  /// True when every INSTALLED_APPS entry was a string djcost could read, so
  /// the list can be trusted to say what is not installed.
  bool installed_apps_complete = false;
  std::vector<SettingsValue> middleware;
  std::vector<SettingsValue> authentication_backends;
  std::vector<Diagnostic> diagnostics;
};

/// `named`: the settings module the user chose (the `settings` option), tried
/// before the entry points; "" when unset.
Settings FindSettings(const ProjectIndex& index, const std::string& named = "");

}  // namespace djcost
