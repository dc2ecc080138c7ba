// Hand-built inputs for the estimate tests: a RuleSet with round figures and a
// small three-app inventory whose every count is worked out in the tests.
#pragma once

#include <string>

#include "data/inventory.h"
#include "data/rule_set.h"

namespace djcost::testing {

inline Rate MakeRate(const std::string& id, double low, double likely, double high,
                     bool assumed) {
  Rate r;
  r.id = id;
  r.low = low;
  r.likely = likely;
  r.high = high;
  r.assumed = assumed;
  r.source = assumed ? "assumption" : "seed";
  return r;
}

inline RuleSet SampleRules() {
  RuleSet rules;
  rules.rates = {
      MakeRate("split-per-endpoint", 0.05, 0.05, 0.05, false),
      MakeRate("model-mapping-per-model", 0.1, 0.2, 0.4, true),
      MakeRate("signal-receiver-to-call", 0.1, 0.1, 0.3, true),
      MakeRate("custom-signal", 0.1, 0.2, 0.3, true),
      MakeRate("celery-task-review", 0.1, 0.1, 0.1, true),
      MakeRate("raw-sql-review", 0.05, 0.1, 0.2, true),
      MakeRate("auth-shared-sessions", 1, 1, 2, true),
      MakeRate("shared-database-coordination", 1, 2, 3, true),
      MakeRate("rewrite-per-kloc", 0.2, 0.3, 0.4, false),
      MakeRate("admin-replacement", 3, 4.5, 6, false),
      MakeRate("admin-customisation", 0.1, 0.1, 0.2, true),
      MakeRate("model-rewrite-per-model", 0.2, 0.4, 0.6, true),
      MakeRate("page-rebuild", 0.1, 0.2, 0.5, true),
      MakeRate("auth-rebuild", 1, 2, 4, true),
      MakeRate("test-port-per-kloc", 0.2, 0.4, 0.8, true),
  };
  return rules;
}

inline Endpoint MakeEndpoint(const std::string& route, const std::string& method,
                             const std::string& app, EndpointKind kind, const std::string& path,
                             int line) {
  Endpoint e;
  e.route = route;
  e.method = method;
  e.app = app;
  e.kind = kind;
  e.view = app + ".views.View";
  e.location = Location{path, line, 1};
  return e;
}

inline Model MakeModel(const std::string& app, const std::string& name, int line) {
  Model m;
  m.app = app;
  m.name = name;
  m.qualname = app + ".models." + name;
  m.location = Location{app + "/models.py", line, 1};
  return m;
}

inline Relation CrossTo(const std::string& field, const std::string& target_app,
                        const std::string& target) {
  return Relation{field, "ForeignKey", target, target_app, true, 0};
}

/// Apps: orders (API and one page), accounts (one API endpoint, the user model),
/// blog (pages only).
inline Inventory SampleInventory() {
  Inventory inv;
  const auto api = EndpointKind::kApi;
  const auto page = EndpointKind::kPage;
  inv.endpoints = {
      MakeEndpoint("api/orders/", "GET", "orders", api, "orders/urls.py", 5),
      MakeEndpoint("api/orders/", "POST", "orders", api, "orders/urls.py", 5),
      MakeEndpoint("api/orders/<int:pk>/", "GET", "orders", api, "orders/urls.py", 6),
      MakeEndpoint("api/orders/<int:pk>/", "PUT", "orders", api, "orders/urls.py", 6),
      MakeEndpoint("api/orders/<int:pk>/", "DELETE", "orders", api, "orders/urls.py", 6),
      MakeEndpoint("api/users/me/", "GET", "accounts", api, "accounts/urls.py", 4),
      MakeEndpoint("blog/", "GET", "blog", page, "blog/urls.py", 3),
      MakeEndpoint("blog/<slug:slug>/", "GET", "blog", page, "blog/urls.py", 4),
      MakeEndpoint("shop/cart/", "ANY", "orders", page, "orders/urls.py", 9),
  };
  Endpoint test_only =
      MakeEndpoint("api/test-only/", "GET", "orders", api, "orders/tests/urls.py", 2);
  test_only.in_tests = true;
  inv.endpoints.push_back(test_only);

  Model order = MakeModel("orders", "Order", 10);
  order.relations = {CrossTo("customer", "accounts", "accounts.models.User"),
                     Relation{"parent", "ForeignKey", "orders.models.Order", "orders", false, 12}};
  order.overrides = {"clean", "save"};
  order.managers = {"objects = OrderManager()"};
  Model item = MakeModel("orders", "Item", 30);
  Model user = MakeModel("accounts", "User", 8);
  user.is_user_model = true;
  Model post = MakeModel("blog", "Post", 5);
  post.relations = {CrossTo("author", "accounts", "accounts.models.User")};
  Model fake = MakeModel("orders", "Fake", 3);
  fake.in_tests = true;
  fake.location.path = "orders/tests/models.py";
  inv.models = {order, item, user, post, fake};

  AdminRegistration order_admin;
  order_admin.model = "orders.models.Order";
  order_admin.app = "orders";
  order_admin.inlines = 1;
  order_admin.actions = 2;
  order_admin.custom_methods = 1;
  order_admin.location = Location{"orders/admin.py", 20, 1};
  AdminRegistration post_admin;
  post_admin.model = "blog.models.Post";
  post_admin.app = "blog";
  post_admin.location = Location{"blog/admin.py", 4, 1};
  AdminRegistration user_admin;
  user_admin.model = "accounts.models.User";
  user_admin.app = "accounts";
  user_admin.location = Location{"accounts/admin.py", 6, 1};
  inv.admin_registrations = {order_admin, post_admin, user_admin};

  SignalReceiver notify;
  notify.signal = "django.db.models.signals.post_save";
  notify.handler = "orders.signals.notify";
  notify.sender = "orders.models.Order";
  notify.app = "orders";
  notify.builtin = true;
  notify.location = Location{"orders/signals.py", 7, 1};
  SignalReceiver welcome;
  welcome.signal = "django.db.models.signals.post_save";
  welcome.handler = "blog.signals.welcome";
  welcome.sender = "accounts.User";
  welcome.app = "blog";
  welcome.builtin = true;
  welcome.location = Location{"blog/signals.py", 3, 1};
  SignalReceiver timing;
  timing.signal = "django.core.signals.request_finished";
  timing.handler = "core.signals.timing";
  timing.builtin = true;
  timing.location = Location{"core/signals.py", 2, 1};
  SignalReceiver paid;
  paid.signal = "orders.signals.order_paid";
  paid.handler = "accounts.handlers.on_paid";
  paid.app = "accounts";
  paid.location = Location{"accounts/handlers.py", 11, 1};
  inv.signal_receivers = {notify, welcome, timing, paid};

  inv.custom_signals = {
      CustomSignal{"orders.signals.order_paid", "orders", Location{"orders/signals.py", 3, 1}, {}}};

  inv.findings = {
      Finding{"raw-sql", "cursor.execute", "orders", Location{"orders/reports.py", 14, 9}},
      Finding{"celery-task", "blog.tasks.send_digest", "blog", Location{"blog/tasks.py", 6, 1}},
      Finding{"middleware", "core.middleware.Timing", "", Location{"core/middleware.py", 1, 1}},
  };
  inv.source.lines.code = 12000;
  inv.tests.lines.code = 3000;
  return inv;
}

}  // namespace djcost::testing
