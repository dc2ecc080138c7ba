// One test per risk kind: each is found in a fixture project at the file and
// line a reader would open. The ticketing fixture holds every kind once; the
// bookshop confirms the kinds it has.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli/run.h"

namespace djcost {
namespace {

const std::string kSource = DJCOST_SOURCE_DIR;

nlohmann::json Report(const std::string& fixture) {
  std::ostringstream out, err;
  const int code =
      Run({"djcost", kSource + "/fixtures/projects/" + fixture + "/repo", "--format", "json"}, out,
          err);
  EXPECT_EQ(code, kExitOk) << err.str();
  return nlohmann::json::parse(out.str());
}

// "severity kind file:line" for every risk of `kind`.
std::set<std::string> Risks(const nlohmann::json& report, const std::string& kind) {
  std::set<std::string> found;
  for (const auto& r : report.at("risks")) {
    if (r.at("kind") != kind) continue;
    found.insert(r.at("severity").get<std::string>() + " " + kind + " " +
                 r.at("file").get<std::string>() + ":" + std::to_string(r.at("line").get<int>()));
  }
  return found;
}

struct KindCase {
  std::string kind;
  std::string fixture;
  std::set<std::string> expected;
};

class RiskKind : public ::testing::TestWithParam<KindCase> {};

TEST_P(RiskKind, FoundWithFileAndLine) {
  const KindCase& c = GetParam();
  EXPECT_EQ(Risks(Report(c.fixture), c.kind), c.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, RiskKind,
    ::testing::Values(
        // The receiver's decorator: writes to Ticket from FastAPI never reach it.
        KindCase{"signal-on-moved-model", "ticketing",
                 {"high signal-on-moved-model tickets/signals.py:8"}},
        KindCase{"overridden-save", "ticketing", {"medium overridden-save tickets/models.py:11"}},
        KindCase{"model-validation", "ticketing",
                 {"medium model-validation tickets/models.py:11"}},
        KindCase{"custom-manager", "ticketing", {"medium custom-manager tickets/models.py:11"}},
        KindCase{"custom-user-model", "ticketing",
                 {"high custom-user-model accounts/models.py:5"}},
        KindCase{"auth-backend", "ticketing", {"high auth-backend accounts/backends.py:6"}},
        KindCase{"permission-class", "ticketing",
                 {"medium permission-class tickets/permissions.py:4"}},
        KindCase{"middleware", "ticketing", {"medium middleware accounts/middleware.py:1"}},
        // At the app's first page route; one risk per app, not per page.
        KindCase{"template-pages", "ticketing", {"low template-pages tickets/page_urls.py:6"}},
        KindCase{"form", "ticketing", {"low form tickets/forms.py:6"}},
        // At the first moved API endpoint: the router registration.
        KindCase{"sessions-csrf", "ticketing", {"medium sessions-csrf tickets/urls.py:7"}},
        KindCase{"celery-task", "ticketing", {"medium celery-task tickets/tasks.py:4"}},
        KindCase{"raw-sql", "ticketing", {"medium raw-sql tickets/api.py:25"}},
        KindCase{"signal-on-moved-model", "bookshop",
                 {"high signal-on-moved-model orders/signals.py:21",
                  "high signal-on-moved-model reviews/signals.py:9",
                  "high signal-on-moved-model reviews/signals.py:22"}},
        KindCase{"overridden-save", "bookshop",
                 {"medium overridden-save accounts/models.py:18",
                  "medium overridden-save catalog/models.py:69",
                  "medium overridden-save core/models/base.py:25",
                  "medium overridden-save orders/models.py:68"}},
        KindCase{"custom-user-model", "bookshop",
                 {"high custom-user-model accounts/models.py:7"}},
        KindCase{"raw-sql", "bookshop", {"medium raw-sql pages/views.py:46"}}),
    [](const auto& info) {
      std::string name = info.param.fixture + "_" + info.param.kind;
      for (char& ch : name) {
        if (ch == '-') ch = '_';
      }
      return name;
    });

// The ticketing fixture is API-first: the counts decide the split.
TEST(TicketingReport, RecommendsTheSplitByTheApiFirstRule) {
  const nlohmann::json j = Report("ticketing");
  EXPECT_EQ(j.at("recommendation").at("strategy"), "split");
  EXPECT_EQ(j.at("recommendation").at("reason"),
            "rule \"api-first\": 9 API endpoints are at least 2 x (2 pages + 1 admin "
            "registration): move the hot API paths to FastAPI, Django keeps the rest");
}

}  // namespace
}  // namespace djcost
