#include "estimate/risks.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "estimate/estimate.h"
#include "sample.h"

namespace djcost {
namespace {

using testing::SampleInventory;
using testing::SampleRules;

std::string Dump(const std::vector<Risk>& risks) {
  std::string out;
  for (const Risk& r : risks) {
    out += r.severity + " " + r.kind + " " + r.location.path + ":" +
           std::to_string(r.location.line) + " [" + r.app + "] " + r.message + "\n";
  }
  return out;
}

TEST(FindRisksTest, SampleInventoryRisksInOrder) {
  EstimateOptions options;
  options.hot_patterns = {"api/orders/**"};
  Estimate e = EstimateCosts(SampleInventory(), SampleRules(), options);
  EXPECT_EQ(Dump(e.risks),
            "high custom-user-model accounts/models.py:8 [accounts] accounts.models.User is "
            "AUTH_USER_MODEL: every service must share its password hashing, permissions and "
            "sessions\n"
            "high signal-on-moved-model blog/signals.py:3 [blog] blog.signals.welcome receives "
            "django.db.models.signals.post_save from accounts.models.User, which the hybrid "
            "would write from FastAPI, where Django signals never fire\n"
            "high signal-on-moved-model orders/signals.py:7 [orders] orders.signals.notify "
            "receives django.db.models.signals.post_save from orders.models.Order, which the "
            "split and the hybrid would write from FastAPI, where Django signals never fire\n"
            "medium celery-task blog/tasks.py:6 [blog] Celery task: blog.tasks.send_digest\n"
            "medium custom-manager orders/models.py:10 [orders] orders.models.Order has custom "
            "managers (objects = OrderManager()): their querysets must be ported\n"
            "medium middleware core/middleware.py:1 [] custom middleware: "
            "core.middleware.Timing\n"
            "medium model-validation orders/models.py:10 [orders] orders.models.Order validates "
            "in clean(): Django calls it from forms and the admin only; FastAPI writes must "
            "repeat it (a Pydantic validator)\n"
            "medium overridden-save orders/models.py:10 [orders] orders.models.Order overrides "
            "save(): writes through SQLAlchemy bypass that logic\n"
            "medium raw-sql orders/reports.py:14 [orders] raw SQL: cursor.execute\n"
            // The split moves the 5 endpoints under api/orders/; the first is at urls.py:5.
            "medium sessions-csrf orders/urls.py:5 [orders] the split moves 5 API endpoints that "
            "live beside 3 Django pages: browsers call them with Django's session cookie and "
            "CSRF token, which FastAPI must verify or replace\n"
            "low template-pages blog/urls.py:3 [blog] 2 pages of app blog render templates and "
            "forms, which have no FastAPI counterpart: they stay on Django (split, hybrid) or are "
            "rebuilt (rewrite)\n"
            "low template-pages orders/urls.py:9 [orders] 1 page of app orders renders templates "
            "and forms, which have no FastAPI counterpart: they stay on Django (split, hybrid) or "
            "are rebuilt (rewrite)\n");
}

TEST(FindRisksTest, UnknownFindingKindsAreLowAndKeepTheirDetail) {
  Inventory inv;
  inv.findings = {Finding{"graphql-schema", "schema.Query", "api", Location{"api/schema.py", 3, 1}},
                  Finding{"auth-backend", "core.auth.Backend", "core", Location{"core/auth.py", 9, 1}}};
  std::vector<Risk> risks = FindRisks(inv, MoveScope{}, MoveScope{});
  EXPECT_EQ(Dump(risks),
            "high auth-backend core/auth.py:9 [core] custom authentication backend: "
            "core.auth.Backend\n"
            "low graphql-schema api/schema.py:3 [api] schema.Query\n");
}

TEST(FindRisksTest, NoSessionsRiskWithoutPagesOrMovedEndpoints) {
  Inventory inv = SampleInventory();
  MoveScope split = ScopeOf(inv, {});
  for (const Risk& r : FindRisks(inv, MoveScope{}, MoveScope{})) EXPECT_NE(r.kind, "sessions-csrf");
  std::erase_if(inv.endpoints, [](const Endpoint& e) { return e.kind == EndpointKind::kPage; });
  split = ScopeOf(inv, {});
  for (const Risk& r : FindRisks(inv, split, split)) {
    EXPECT_NE(r.kind, "sessions-csrf");
    EXPECT_NE(r.kind, "template-pages");
  }
}

TEST(FindRisksTest, SeverityTable) {
  EXPECT_EQ(FindingSeverity("auth-backend"), "high");
  EXPECT_EQ(FindingSeverity("third-party-auth-backend"), "high");
  EXPECT_EQ(FindingSeverity("custom-user-model"), "high");
  EXPECT_EQ(FindingSeverity("permission-class"), "medium");
  EXPECT_EQ(FindingSeverity("third-party-middleware"), "medium");
  EXPECT_EQ(FindingSeverity("form"), "low");
  EXPECT_EQ(FindingSeverity("raw-sql"), "medium");
  EXPECT_EQ(FindingSeverity("celery-task"), "medium");
  EXPECT_EQ(FindingSeverity("middleware"), "medium");
  EXPECT_EQ(FindingSeverity("template-tag"), "low");
  EXPECT_EQ(FindingSeverity("anything-else"), "low");
}

TEST(FindRisksTest, UserModelFindingIsNotRepeated) {
  Inventory inv = SampleInventory();
  inv.findings = {Finding{"custom-user-model", "accounts.User", "accounts",
                          Location{"accounts/models.py", 8, 1}}};
  std::vector<Risk> risks = FindRisks(inv, MoveScope{}, MoveScope{});
  ASSERT_EQ(std::count_if(risks.begin(), risks.end(),
                          [](const Risk& r) { return r.kind == "custom-user-model"; }),
            1);
  // Without a model to point at (a user model outside the repository), the
  // finding is the risk.
  inv.models.clear();
  inv.endpoints.clear();
  EXPECT_EQ(Dump(FindRisks(inv, MoveScope{}, MoveScope{})),
            "high custom-user-model accounts/models.py:8 [accounts] custom user model: "
            "accounts.User\n");
}

TEST(FindRisksTest, SaveAndDeleteAreNamedTogether) {
  Inventory inv;
  Model m = testing::MakeModel("shop", "Cart", 4);
  m.overrides = {"delete", "clean", "save", "full_clean"};
  inv.models = {m};
  EXPECT_EQ(Dump(FindRisks(inv, MoveScope{}, MoveScope{})),
            "medium model-validation shop/models.py:4 [shop] shop.models.Cart validates in "
            "clean() and full_clean(): Django calls it from forms and the admin only; FastAPI "
            "writes must repeat it (a Pydantic validator)\n"
            "medium overridden-save shop/models.py:4 [shop] shop.models.Cart overrides delete() "
            "and save(): writes through SQLAlchemy bypass that logic\n");
}

}  // namespace
}  // namespace djcost
