#include "render/render.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "render/format.h"
#include "render/json_schema.h"
#include "render/sample_report.h"
#include "support/golden_file.h"

namespace djcost {
namespace {

using testing::MatchesGolden;
using testing::SampleReport;

std::string Markdown(const Report& r) {
  std::ostringstream out;
  RenderMarkdown(r, out);
  return out.str();
}

std::string JsonText(const Report& r) {
  std::ostringstream out;
  RenderJson(r, out);
  return out.str();
}

TEST(RenderMarkdown, MatchesGolden) {
  EXPECT_TRUE(MatchesGolden(Markdown(SampleReport()), "tests/render/golden/sample.md"));
}

TEST(RenderMarkdown, WithTeamAndCostMatchesGolden) {
  Report r = SampleReport();
  r.options.team_size = 2;
  r.options.weekly_cost = 4000;
  r.options.currency = "EUR";
  for (auto& s : r.estimate.strategies) {
    s.calendar_weeks_p50 = s.p50 / 2;
    s.calendar_weeks_p80 = s.p80 / 2;
    s.cost_p50 = s.p50 * 4000;
    s.cost_p80 = s.p80 * 4000;
  }
  EXPECT_TRUE(MatchesGolden(Markdown(r), "tests/render/golden/sample_team.md"));
}

TEST(RenderJson, MatchesGolden) {
  EXPECT_TRUE(MatchesGolden(JsonText(SampleReport()), "tests/render/golden/sample.json"));
}

// Traffic data as ChooseHotSet would leave it: 1000 requests, the split moving
// the busiest API endpoint.
Report WithTraffic() {
  Report r = SampleReport();
  r.options.traffic_file = "access.log";
  Estimate& e = r.estimate;
  e.split_scope =
      "hot set: the 1 busiest API endpoint carrying 80% of API requests in access.log";
  e.split_endpoints = 1;
  e.split_traffic_share = 0.6;
  TrafficSummary& t = e.traffic;
  t.given = true;
  t.file = "access.log";
  t.requests = 1000;
  t.api_requests = 700;
  t.page_requests = 200;
  t.external_requests = 40;
  t.unmatched_requests = 60;
  t.split_requests = 600;
  t.hot_share = 0.8;
  t.unmatched_paths = 2;
  t.endpoints = {EndpointTraffic{"api/books/", "GET", "shop", true, 600, true},
                 EndpointTraffic{"", "GET", "shop", false, 200, false},
                 EndpointTraffic{"api/books/<int:pk>/", "", "shop", true, 100, false}};
  t.top_unmatched = {TrafficEntry{"GET", "static/site.css", 50},
                     TrafficEntry{"", "wp-login.php", 10}};
  return r;
}

TEST(RenderMarkdown, WithTrafficMatchesGolden) {
  EXPECT_TRUE(MatchesGolden(Markdown(WithTraffic()), "tests/render/golden/sample_traffic.md"));
}

TEST(RenderJson, WithTrafficMatchesGolden) {
  EXPECT_TRUE(MatchesGolden(JsonText(WithTraffic()), "tests/render/golden/sample_traffic.json"));
}

TEST(RenderJson, OutputFollowsTheSchema) {
  const testing::JsonSchema schema = testing::ReportSchema();
  EXPECT_EQ(schema.Check(nlohmann::json::parse(JsonText(SampleReport()))), "");
  EXPECT_EQ(schema.Check(nlohmann::json::parse(JsonText(WithTraffic()))), "");
  Report team = SampleReport();
  team.options.team_size = 3;
  team.options.weekly_cost = 5000;
  team.options.currency = "USD";
  EXPECT_EQ(schema.Check(nlohmann::json::parse(JsonText(team))), "");
}

TEST(JsonSchemaCheck, CatchesWhatTheSchemaForbids) {
  const testing::JsonSchema schema = testing::ReportSchema();
  nlohmann::json j = nlohmann::json::parse(JsonText(SampleReport()));
  nlohmann::json bad = j;
  bad.erase("risks");
  EXPECT_EQ(schema.Check(bad), "/: missing key \"risks\"");
  bad = j;
  bad["surprise"] = 1;
  EXPECT_EQ(schema.Check(bad), "/: unexpected key \"surprise\"");
  bad = j;
  bad["strategies"][0]["id"] = "port";
  EXPECT_EQ(schema.Check(bad),
            "/strategies/0/id: \"port\" is not one of [\"stay\",\"split\",\"hybrid\",\"rewrite\"]");
  bad = j;
  bad["split_plan"]["traffic_share"] = 1.5;
  EXPECT_EQ(schema.Check(bad).rfind("/split_plan/traffic_share: matches 0 of oneOf", 0), 0u);
  bad = j;
  bad["counts"]["endpoints"] = 2.5;
  EXPECT_EQ(schema.Check(bad), "/counts/endpoints: expected type \"integer\", got 2.5");
  bad = j;
  bad["inventory"]["endpoints"][0]["line"] = -1;
  EXPECT_EQ(schema.Check(bad), "/inventory/endpoints/0/line: -1 is below the minimum 0");
  EXPECT_EQ(testing::JsonSchema(nlohmann::json{{"pattern", "x"}}).Check(1),
            ": the validator does not know \"pattern\"");
}

TEST(RenderJson, CountsHoldTheDocumentedKeys) {
  nlohmann::json j = nlohmann::json::parse(JsonText(SampleReport()));
  const auto& c = j.at("counts");
  EXPECT_EQ(c.at("endpoints"), 4);
  EXPECT_EQ(c.at("routes"), 3);
  EXPECT_EQ(c.at("api_endpoints"), 3);
  EXPECT_EQ(c.at("pages"), 1);
  EXPECT_EQ(c.at("models_concrete"), 2);  // the model in tests is counted apart
  EXPECT_EQ(c.at("models_abstract"), 1);
  EXPECT_EQ(c.at("models_proxy"), 1);
  EXPECT_EQ(c.at("models_in_tests"), 1);
  EXPECT_EQ(c.at("admin_registrations"), 1);
  EXPECT_EQ(c.at("signal_receivers"), 1);
  EXPECT_EQ(c.at("custom_signals"), 1);
  EXPECT_EQ(c.at("apps"), 2);
  EXPECT_EQ(c.at("loc_code"), 840);
  EXPECT_EQ(c.at("loc_tests"), 200);
  EXPECT_EQ(c.at("loc_migrations"), 150);
  EXPECT_EQ(c.at("files"), 19);
  EXPECT_EQ(c.at("files_with_parse_errors"), 1);
  EXPECT_EQ(c.at("diagnostics"), 2);
}

TEST(RenderJson, EveryInventoryItemHasFileAndLine) {
  nlohmann::json j = nlohmann::json::parse(JsonText(SampleReport()));
  for (const char* list : {"endpoints", "external_routes", "models", "admin_registrations",
                           "signal_receivers", "custom_signals", "findings"}) {
    const auto& items = j.at("inventory").at(list);
    ASSERT_FALSE(items.empty()) << list;
    for (const auto& item : items) {
      EXPECT_TRUE(item.at("file").is_string()) << list;
      EXPECT_GT(item.at("line").get<int>(), 0) << list;
    }
  }
  // Sorted by route then method, whatever the inventory's order.
  const auto& eps = j.at("inventory").at("endpoints");
  EXPECT_EQ(eps[0].at("route"), "");
  EXPECT_EQ(eps[1].at("route"), "api/books/");
  EXPECT_EQ(eps[1].at("method"), "GET");
  EXPECT_EQ(eps[2].at("method"), "POST");
}

TEST(RenderJson, CalendarWeeksAndCostAreNullWithoutTeamOrCost) {
  nlohmann::json j = nlohmann::json::parse(JsonText(SampleReport()));
  EXPECT_TRUE(j.at("strategies")[1].at("calendar_weeks_p50").is_null());
  EXPECT_TRUE(j.at("strategies")[1].at("cost_p80").is_null());
  EXPECT_TRUE(j.at("split_plan").at("traffic_share").is_null());
}

TEST(Render, OutputDoesNotDependOnInputOrder) {
  Report a = SampleReport();
  Report b = SampleReport();
  std::reverse(b.inventory.endpoints.begin(), b.inventory.endpoints.end());
  std::reverse(b.inventory.models.begin(), b.inventory.models.end());
  std::reverse(b.diagnostics.begin(), b.diagnostics.end());
  std::reverse(b.estimate.risks.begin(), b.estimate.risks.end());
  std::reverse(b.inventory.apps.begin(), b.inventory.apps.end());
  EXPECT_EQ(Markdown(a), Markdown(b));
  EXPECT_EQ(JsonText(a), JsonText(b));
}

TEST(Render, EmptyReportRendersWithoutCrashing) {
  Report empty;
  std::string md = Markdown(empty);
  EXPECT_NE(md.find("# Migration estimate: project\n"), std::string::npos);
  EXPECT_NE(md.find("None: every file was read and parsed."), std::string::npos);
  nlohmann::json j = nlohmann::json::parse(JsonText(empty));
  EXPECT_EQ(j.at("counts").at("endpoints"), 0);
  EXPECT_TRUE(j.at("strategies").empty());
}

// Names and risk messages come from scanned bytes. No renderer may throw on
// invalid UTF-8 (the fuzzer found SARIF doing so); JSON formats write U+FFFD.
TEST(Render, InvalidUtf8InANameOrRiskDoesNotThrowInAnyFormat) {
  Report r = SampleReport();
  r.inventory.endpoints[0].view = "bad\xff";
  ASSERT_FALSE(r.estimate.risks.empty());
  r.estimate.risks[0].message = "risky\xc3";
  for (const auto& renderer : Renderers()) {
    std::ostringstream out;
    ASSERT_NO_THROW(renderer.render(r, out)) << renderer.name;
    if (renderer.name == "md") continue;
    nlohmann::json j = nlohmann::json::parse(out.str(), nullptr, /*allow_exceptions=*/false);
    ASSERT_FALSE(j.is_discarded()) << renderer.name;
    EXPECT_NE(out.str().find("risky\xEF\xBF\xBD"), std::string::npos) << renderer.name;
  }
}

// Registrations of models outside the repository are listed in both formats,
// apart from the counted ones, and change no count.
TEST(Render, ExternalAdminRegistrationsAreListedNotCounted) {
  Report r = SampleReport();
  AdminRegistration user;
  user.model = "django.contrib.auth.models.User";
  user.admin_class = "accounts.admin.StaffUserAdmin";
  user.site = "admin.site";
  user.location = Location{"accounts/admin.py", 12, 0};
  r.inventory.admin_registrations_external.push_back(user);
  nlohmann::json j = nlohmann::json::parse(JsonText(r));
  ASSERT_EQ(j["inventory"]["admin_registrations_external"].size(), 1u);
  EXPECT_EQ(j["inventory"]["admin_registrations_external"][0]["model"],
            "django.contrib.auth.models.User");
  EXPECT_EQ(j["inventory"]["admin_registrations_external"][0]["line"], 12);
  EXPECT_EQ(j["counts"]["admin_registrations"], SampleReport().inventory.admin_registrations.size());
  EXPECT_NE(Markdown(r).find("outside the repository, listed, not counted (1)"), std::string::npos);
  EXPECT_NE(Markdown(r).find("| `django.contrib.auth.models.User` | `accounts.admin.StaffUserAdmin` "
                             "| `admin.site` | `accounts/admin.py:12` |"),
            std::string::npos);
}

// Three audits read the old sentence ("without include() prefixes") as wrong:
// the fallback walks as roots only URLconfs no other one includes.
TEST(RenderMarkdown, FallbackWalkIsDescribedAsItIs) {
  Report r = SampleReport();
  EXPECT_EQ(Markdown(r).find("No ROOT_URLCONF was found"), std::string::npos);
  r.inventory.urlconf_fallback = true;
  EXPECT_NE(Markdown(r).find("No ROOT_URLCONF was found, so each URLconf that no other one "
                             "includes was walked as a root: routes carry the prefixes of the "
                             "includes found, not the root's own."),
            std::string::npos);
}

TEST(Renderers, TableListsMarkdownJsonThenSarif) {
  ASSERT_EQ(Renderers().size(), 3u);
  EXPECT_EQ(Renderers()[0].name, "md");
  EXPECT_EQ(Renderers()[1].name, "json");
  EXPECT_EQ(Renderers()[2].name, "sarif");
  ASSERT_NE(FindRenderer("json"), nullptr);
  EXPECT_EQ(FindRenderer("json")->render, &RenderJson);
  EXPECT_EQ(FindRenderer("html"), nullptr);
}

TEST(Format, FixedFormats) {
  EXPECT_EQ(FormatWeeks(0.45), "0.5");  // 0.45 is stored as 0.4500000000000000111
  EXPECT_EQ(FormatWeeks(12), "12.0");
  EXPECT_EQ(FormatRate(0.05), "0.05");
  EXPECT_EQ(FormatRate(0.025), "0.025");
  EXPECT_EQ(FormatRate(0.1733333333333333), "0.1733");
  EXPECT_EQ(FormatRate(3), "3.00");
  EXPECT_EQ(FormatCount(3), "3");
  EXPECT_EQ(FormatCount(0.84), "0.84");
  EXPECT_EQ(FormatPercent(0.3333), "33%");
  EXPECT_EQ(FormatMoney(1234567.4, "EUR"), "1,234,567 EUR");
  EXPECT_EQ(FormatMoney(999, ""), "999");
  EXPECT_EQ(FormatLocation(Location{"a.py", 3, 0}), "a.py:3");
  EXPECT_EQ(FormatLocation(Location{"a.py", 0, 0}), "a.py");
}

}  // namespace
}  // namespace djcost
