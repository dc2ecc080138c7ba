// A small hand-built Report with one of everything, shared by the render tests.
#pragma once

#include "data/report.h"

namespace djcost::testing {

inline Location At(const std::string& path, int line) { return Location{path, line, 0}; }

inline Report SampleReport() {
  Report r;
  r.tool_version = "0.1.0";
  r.rules_version = "abc123";
  r.project = "bookshop";
  Inventory& inv = r.inventory;
  inv.settings_module = "bookshop.settings";
  inv.root_urlconf = "bookshop.urls";
  inv.auth_user_model = "accounts.User";
  inv.installed_apps = {"django.contrib.admin", "shop", "accounts"};
  inv.apps = {App{"shop", "shop", "shop", true}, App{"accounts", "accounts", "accounts", true}};
  // Deliberately out of order: renderers sort.
  inv.endpoints = {
      Endpoint{"api/books/<int:pk>/", "GET", "shop.api.BookViewSet", "retrieve", "book-detail",
               "shop", EndpointKind::kApi, At("shop/urls.py", 9), At("shop/api.py", 12)},
      Endpoint{"api/books/", "POST", "shop.api.BookViewSet", "create", "book-list", "shop",
               EndpointKind::kApi, At("shop/urls.py", 9), At("shop/api.py", 12)},
      Endpoint{"api/books/", "GET", "shop.api.BookViewSet", "list", "book-list", "shop",
               EndpointKind::kApi, At("shop/urls.py", 9), At("shop/api.py", 12)},
      Endpoint{"", "ANY", "shop.views.home", "", "home", "shop", EndpointKind::kPage,
               At("bookshop/urls.py", 6), At("shop/views.py", 4)},
  };
  inv.external_routes = {ExternalRoute{"admin/", "admin.site.urls", "admin", At("bookshop/urls.py", 5)}};
  Model book{"Book", "shop.models.Book", "shop", ModelKind::kConcrete, {"django.db.models.Model"},
             4, {}, {}, {"save"}, false, false, At("shop/models.py", 10)};
  book.relations = {Relation{"owner", "ForeignKey", "accounts.User", "accounts", true, 14}};
  inv.models = {
      book,
      Model{"Timestamped", "shop.models.Timestamped", "shop", ModelKind::kAbstract, {}, 2, {}, {}, {},
            false, false, At("shop/models.py", 3)},
      Model{"User", "accounts.models.User", "accounts", ModelKind::kConcrete, {}, 1, {}, {}, {}, true,
            false, At("accounts/models.py", 5)},
      Model{"Cheap", "shop.models.Cheap", "shop", ModelKind::kProxy, {}, 0, {}, {}, {}, false, false,
            At("shop/models.py", 20)},
      Model{"Fake", "shop.tests.Fake", "shop", ModelKind::kConcrete, {}, 0, {}, {}, {}, false, true,
            At("shop/tests.py", 7)},
  };
  inv.admin_registrations = {AdminRegistration{"shop.models.Book", "shop.admin.BookAdmin",
                                               "django.contrib.admin.site", "shop", 1, 0, 2, 3,
                                               At("shop/admin.py", 8)}};
  inv.signal_receivers = {SignalReceiver{"django.db.models.signals.post_save",
                                         "shop.signals.on_book_saved", "shop.models.Book", "",
                                         true, "receiver", "shop", At("shop/signals.py", 11)}};
  inv.custom_signals = {CustomSignal{"shop.signals.book_sold", "shop", At("shop/signals.py", 4),
                                     {At("shop/views.py", 30), At("shop/api.py", 40)}}};
  inv.findings = {Finding{"raw-sql", "cursor.execute", "shop", At("shop/reports.py", 17)}};
  inv.source = FileTotals{12, LineCounts{840, 60, 100}};
  inv.tests = FileTotals{3, LineCounts{200, 5, 20}};
  inv.migrations = FileTotals{4, LineCounts{150, 0, 10}};
  inv.files_parsed = 18;
  inv.files_with_parse_errors = 1;

  Estimate& e = r.estimate;
  e.recommendation = {"split", "3 API endpoints on 2 routes and a coupling of 0.5: move the API "
                               "and keep Django for the rest."};
  StrategyEstimate stay{"stay", "nothing moves", {}, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  StrategyEstimate split{"split", "hot API paths move to a FastAPI service", {}, 0.35, 0.45, 0.65,
                         0.4667, 0.5512, 0.3333, 0, 0, 0, 0};
  split.items = {
      LineItem{"endpoints", "API endpoints moved", 3, "endpoints", "split-per-endpoint", 0.15,
               0.15, 0.15, false, "FastAPI vs Django rule page (seeds/000)"},
      LineItem{"models", "Models mapped to SQLAlchemy", 2, "models", "model-mapping-per-model", 0.1,
               0.2, 0.4, true, "assumption"},
      LineItem{"signals", "Signal receivers made explicit", 1, "receivers",
               "signal-receiver-to-call", 0.1, 0.1, 0.1, true, "assumption"},
  };
  StrategyEstimate rewrite{"rewrite", "everything is rebuilt", {}, 3.15, 4.72, 6.29, 4.72, 5.4,
                           0.05, 0, 0, 0, 0};
  rewrite.items = {
      LineItem{"code", "Application code rebuilt", 0.84, "kLoC", "rewrite-per-kloc", 0.1456,
               0.2184, 0.2912, false, "FastAPI vs Django rule page (seeds/000)"},
      LineItem{"admin", "Admin replaced", 1, "", "admin-replacement", 3, 4.5, 6, false,
               "FastAPI vs Django rule page (seeds/000)"},
  };
  e.strategies = {stay, split, rewrite};
  e.risks = {
      Risk{"overridden-save", "medium", "Book.save() holds logic the split must call explicitly",
           "shop", At("shop/models.py", 18)},
      Risk{"signal-on-moved-model", "high", "post_save on Book fires from Django only", "shop",
           At("shop/signals.py", 11)},
  };
  e.split_plan = {SplitStep{1, "shop", 3, 1, 3, 1, 0, 1, 0.5, "most API endpoints, one relation out"},
                  SplitStep{2, "accounts", 0, 0, 1, 0, 0, 0, 1.25, "user model: moves last"}};
  e.split_scope = "all API endpoints";
  e.split_endpoints = 3;

  r.rates = {
      Rate{"split-per-endpoint", "one API endpoint moved", "engineer-weeks per endpoint", 0.05, 0.05,
           0.05, false, "FastAPI vs Django rule page (seeds/000)", "one week per 20 endpoints",
           "embedded"},
      Rate{"model-mapping-per-model", "one model mapped", "engineer-weeks per model", 0.05, 0.1, 0.2,
           true, "assumption", "half a day to a day per model", "pyproject.toml:12"},
      Rate{"rewrite-per-kloc", "1000 lines rebuilt", "engineer-weeks per 1000 code lines",
           0.1733333333333333, 0.26, 0.3466666666666666, false,
           "FastAPI vs Django rule page (seeds/000)", "two to four months for 50 kLoC", "embedded"},
  };
  r.diagnostics = {
      Diagnostic{Severity::kWarning, "parse-error", At("shop/broken.py", 3),
                 "tree-sitter found 2 syntax errors; facts after line 3 may be missing"},
      Diagnostic{Severity::kWarning, "file-too-large", At("vendor/huge.py", 0),
                 "20000000 bytes, over the limit of 10485760"},
  };
  return r;
}

}  // namespace djcost::testing
