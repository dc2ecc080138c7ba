// Unit tests of delta/: the report reader's errors, matching by identity
// (repeats matched by number, lines ignored), and threshold parsing.
#include <gtest/gtest.h>

#include "delta/categories.h"
#include "delta/delta.h"
#include "delta/read_report.h"
#include "delta/thresholds.h"

namespace djcost {
namespace {

ReportItem Finding(const std::string& file, int line) {
  return ReportItem{{{"kind", "raw-sql"}, {"detail", "cursor.execute"}, {"file", file}},
                    "raw-sql: cursor.execute", Location{file, line, 0}};
}

ReportSummary WithFindings(std::vector<ReportItem> items, double split_p50) {
  ReportSummary s;
  s.items["findings"] = std::move(items);
  s.strategies = {{"split", split_p50, split_p50 + 1}};
  s.recommendation = "split";
  return s;
}

TEST(ComputeDelta, RepeatedIdentitiesAreMatchedByNumberAndLinesDoNotMatter) {
  ReportSummary base = WithFindings({Finding("a.py", 10), Finding("a.py", 20)}, 2);
  // The same two, moved down by five lines, plus a third in the same file.
  ReportSummary head = WithFindings({Finding("a.py", 15), Finding("a.py", 25), Finding("a.py", 40)}, 2);
  Delta d = ComputeDelta(base, head);
  const CategoryDelta* f = d.Category("findings");
  ASSERT_EQ(f->added.size(), 1u);
  EXPECT_EQ(f->added[0].location.line, 40);
  EXPECT_TRUE(f->removed.empty());
  EXPECT_TRUE(d.Changed());
  EXPECT_FALSE(ComputeDelta(base, WithFindings({Finding("a.py", 11), Finding("a.py", 21)}, 2)).Changed());
}

TEST(ComputeDelta, AnAggregateRiskWhoseCountsAndPlaceChangeIsTheSameRisk) {
  auto summary = [](const std::string& message, const std::string& file) {
    ReportSummary s;
    std::string error;
    EXPECT_TRUE(ParseReportJson(
        R"({"schema_version": 1, "counts": {}, "strategies": [], "inventory": {},
            "risks": [{"kind": "sessions-csrf", "severity": "medium", "app": "catalog",
                       "message": ")" + message + R"(", "file": ")" + file + R"(", "line": 3}]})",
        "r.json", &s, &error))
        << error;
    return s;
  };
  Delta same = ComputeDelta(summary("the split moves 22 API endpoints beside 42 pages", "a.py"),
                            summary("the split moves 23 API endpoints beside 9 pages", "b.py"));
  EXPECT_FALSE(same.Changed());
  ASSERT_EQ(same.head_risks.size(), 1u);
  EXPECT_FALSE(same.head_risks[0].is_new);
  Delta other = ComputeDelta(summary("the split moves 22 API endpoints", "a.py"),
                             summary("the hybrid moves 22 API endpoints", "a.py"));
  EXPECT_EQ(other.Category("risks")->added.size(), 1u);
  EXPECT_TRUE(other.head_risks[0].is_new);
  EXPECT_EQ(StableRiskMessage("7 pages of app a2b render 15 forms"), "# pages of app a#b render # forms");
}

TEST(ComputeDelta, EveryCategoryIsPresentInTableOrder) {
  Delta d = ComputeDelta(ReportSummary{}, ReportSummary{});
  ASSERT_EQ(d.categories.size(), ItemCategories().size());
  for (std::size_t i = 0; i < d.categories.size(); ++i) {
    EXPECT_EQ(d.categories[i].id, ItemCategories()[i].id);
  }
  EXPECT_FALSE(d.Changed());
}

TEST(ReadReport, ErrorsNameTheFileAndWhatIsWrong) {
  ReportSummary s;
  std::string error;
  EXPECT_FALSE(ParseReportJson("[1, 2]", "a.json", &s, &error));
  EXPECT_EQ(error, "a.json: not a djcost JSON report (no schema_version; write one with --format json)");
  EXPECT_FALSE(ParseReportJson("{\"schema_version\": \"1\"}", "b.json", &s, &error));
  EXPECT_EQ(error, "b.json: report schema_version \"1\" is not supported (this djcost reads 1; "
                   "rescan with this version)");
  EXPECT_FALSE(ParseReportJson("{\"schema_version\": 1, \"counts\": {}}", "c.json", &s, &error));
  EXPECT_EQ(error, "c.json: key \"strategies\" missing");
  EXPECT_FALSE(ParseReportJson("{\"schema_version\": 1, \"counts\": {}, \"strategies\": [], "
                               "\"inventory\": {\"models\": 3}, \"risks\": []}",
                               "d.json", &s, &error));
  EXPECT_EQ(error, "d.json: key \"models\": expected a list");
  EXPECT_FALSE(ParseReportJson("{\n\n  \"schema_version\": 1,,\n}", "e.json", &s, &error));
  EXPECT_EQ(error.rfind("e.json:3: not valid JSON: ", 0), 0u) << error;
}

TEST(ReadReport, ItemsKeepTheirIdentityTitleAndPlace) {
  ReportSummary s;
  std::string error;
  ASSERT_TRUE(ParseReportJson(R"({"schema_version": 1, "project": "p",
    "counts": {"loc_code": 12}, "recommendation": {"strategy": "split"},
    "strategies": [{"id": "split", "p50": 1.5, "p80": 2}],
    "inventory": {"endpoints": [{"route": "", "method": "GET", "view": "v.home",
                                 "kind": "page", "file": "urls.py", "line": 4}]},
    "risks": [{"kind": "raw-sql", "severity": "medium", "message": "m", "app": "a",
               "file": "x.py", "line": 2}]})",
                              "r.json", &s, &error))
      << error;
  EXPECT_EQ(s.Count("loc_code"), 12);
  ASSERT_EQ(s.items["endpoints"].size(), 1u);
  const ReportItem& e = s.items["endpoints"][0];
  EXPECT_EQ(e.key, (std::vector<std::pair<std::string, std::string>>{
                       {"route", ""}, {"method", "GET"}, {"view", "v.home"}}));
  EXPECT_EQ(e.title, "GET / → v.home (page)");
  EXPECT_EQ(e.location, (Location{"urls.py", 4, 0}));
  EXPECT_EQ(s.items["risks"][0].title, "medium raw-sql: m");
  EXPECT_EQ(s.risks[0].location, (Location{"x.py", 2, 0}));
}

TEST(Thresholds, ParsesWeeksAndPercent) {
  GrowthThreshold t;
  std::string error;
  ASSERT_TRUE(ParseGrowthThreshold("split=2.5", &t, &error));
  EXPECT_EQ(t.strategy, "split");
  EXPECT_EQ(t.amount, 2.5);
  EXPECT_FALSE(t.percent);
  ASSERT_TRUE(ParseGrowthThreshold("rewrite=10%", &t, &error));
  EXPECT_EQ(t.amount, 10);
  EXPECT_TRUE(t.percent);
  for (const char* bad : {"split", "split=", "split=%", "split=-1", "split=2x", "x=1", "=1"}) {
    EXPECT_FALSE(ParseGrowthThreshold(bad, &t, &error)) << bad;
  }
}

TEST(Thresholds, PercentGrowthFromZeroFails) {
  ReportSummary base, head;
  base.strategies = {{"split", 0, 0}};
  head.strategies = {{"split", 0.5, 0.7}};
  Thresholds t;
  t.growth.push_back({"split", 50, true});
  EXPECT_EQ(CheckThresholds(ComputeDelta(base, head), t),
            std::vector<std::string>{
                "split P50 grew by +0.50 engineer-weeks from 0, above the threshold of 50%"});
  EXPECT_TRUE(CheckThresholds(ComputeDelta(base, base), t).empty());
}

}  // namespace
}  // namespace djcost
