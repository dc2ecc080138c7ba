// What link makes of the whole project: the items a migration has to carry,
// each with the place it was found. Produced by link/, consumed by estimate/
// and render/. Plain data; depends on the standard library only.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "data/diagnostic.h"
#include "data/file_facts.h"

namespace djcost {

enum class EndpointKind { kApi, kPage };

/// One HTTP operation: a (route, method) pair.
struct Endpoint {
  std::string route;    // the full pattern, prefixes joined as Django joins them
  std::string method;   // GET, POST, PUT, PATCH, DELETE, TRACE, or ANY
  std::string view;     // qualified name of the view function or class
  std::string handler;  // the method or action that serves it ("get", "list", "publish")
  std::string name;     // the URL name, when given
  std::string app;      // label of the app that defines the view ("" when none)
  EndpointKind kind = EndpointKind::kPage;
  Location location;       // the url pattern or router registration
  Location view_location;  // the view's definition
  bool in_tests = false;   // mounted only by a test URLconf: inventoried, never priced
  auto operator<=>(const Endpoint&) const = default;
};

/// A route the project mounts but does not count: admin, third-party includes,
/// views defined outside the repository, static().
struct ExternalRoute {
  std::string route;
  std::string target;  // "admin.site.urls", "allauth.urls", "django.contrib.auth.views.LoginView"
  std::string reason;  // "admin", "third-party include", "view defined outside the repository"
  Location location;
  auto operator<=>(const ExternalRoute&) const = default;
};

enum class ModelKind { kConcrete, kAbstract, kProxy };

struct Relation {
  std::string field;
  std::string kind;    // "ForeignKey", "OneToOneField", "ManyToManyField"
  std::string target;  // qualified class name, "app_label.Model", or as written
  std::string target_app;  // label of the target's app when known
  bool cross_app = false;
  int line = 0;
  auto operator<=>(const Relation&) const = default;
};

struct Model {
  std::string name;
  std::string qualname;  // "shop.models.Order"
  std::string app;
  ModelKind kind = ModelKind::kConcrete;
  std::vector<std::string> bases;  // resolved qualified names
  int field_count = 0;
  std::vector<Relation> relations;
  std::vector<std::string> managers;   // custom manager attributes: "objects = OrderManager()"
  std::vector<std::string> overrides;  // save, delete, clean, full_clean
  bool is_user_model = false;          // AUTH_USER_MODEL points here
  bool in_tests = false;               // defined in a test file: inventoried apart
  Location location;
  auto operator<=>(const Model&) const = default;
};

struct AdminRegistration {
  std::string model;        // qualified name of the registered model
  std::string admin_class;  // qualified name of the ModelAdmin, "" for the default
  std::string site;         // qualified name of the site instance
  std::string app;
  int inlines = 0;
  int actions = 0;
  int custom_methods = 0;
  int list_display = 0;
  Location location;
  auto operator<=>(const AdminRegistration&) const = default;
};

struct SignalReceiver {
  std::string signal;   // "django.db.models.signals.post_save" or a repo signal's qualname
  std::string handler;  // qualified name of the receiver function
  std::string sender;   // qualified name of the sender when written, else ""
  std::string dispatch_uid;
  bool builtin = false;  // one of Django's own signals
  std::string via;       // "receiver" or "connect"
  std::string app;
  Location location;
  auto operator<=>(const SignalReceiver&) const = default;
};

struct CustomSignal {
  std::string qualname;
  std::string app;
  Location location;
  std::vector<Location> send_sites;  // .send(...) and .send_robust(...)
  auto operator<=>(const CustomSignal&) const = default;
};

/// Something a migration must handle that is not an inventory item of its own:
/// raw SQL, Celery tasks, middleware, auth backends, template-rendered pages...
struct Finding {
  std::string kind;    // kebab-case: "raw-sql", "celery-task", "middleware", ...
  std::string detail;  // what was seen, e.g. "cursor.execute" or a class name
  std::string app;
  Location location;
  auto operator<=>(const Finding&) const = default;
};

struct App {
  std::string label;   // Django's default label: the last component of the module
  std::string module;  // dotted module, "shop" or "apps.shop"
  std::string path;    // folder relative to the scan root
  bool installed = false;  // listed in INSTALLED_APPS
  auto operator<=>(const App&) const = default;
};

struct FileTotals {
  int files = 0;
  LineCounts lines;
  bool operator==(const FileTotals&) const = default;
};

struct Inventory {
  // Settings as found; empty when no settings module could be found.
  std::string settings_module;
  std::string root_urlconf;
  std::string auth_user_model;
  std::vector<std::string> installed_apps;
  // The Django release the requirement files pin (RuleSet::django): "==5.0.4",
  // ">=4.2,<5.0"; both empty when none does.
  std::string django_requirement;
  std::string django_source;  // "poetry.lock:120"
  /// True when no ROOT_URLCONF was found and every urlpatterns was walked instead.
  bool urlconf_fallback = false;

  std::vector<App> apps;
  std::vector<Endpoint> endpoints;
  std::vector<ExternalRoute> external_routes;
  std::vector<Model> models;
  std::vector<AdminRegistration> admin_registrations;
  /// Registrations of models defined outside the repository (a custom admin for
  /// django.contrib.auth's User): listed, not counted, as Django's runtime view
  /// of the project's own models would not hold them.
  std::vector<AdminRegistration> admin_registrations_external;
  std::vector<SignalReceiver> signal_receivers;
  std::vector<CustomSignal> custom_signals;
  std::vector<Finding> findings;

  FileTotals source;      // application code
  FileTotals tests;
  FileTotals migrations;
  int files_parsed = 0;
  int files_with_parse_errors = 0;
  std::vector<Diagnostic> diagnostics;
  bool operator==(const Inventory&) const = default;

  /// The totals a file of `kind` counts in: tests, migrations, or the source.
  FileTotals& TotalsOf(FileKind kind) {
    if (kind == FileKind::kTest) return tests;
    if (kind == FileKind::kMigration) return migrations;
    return source;
  }
};

}  // namespace djcost
