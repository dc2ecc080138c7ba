#include "estimate/traffic.h"

#include <gtest/gtest.h>

namespace djcost {
namespace {

std::string Dump(const TrafficParse& p) {
  std::string out;
  for (const auto& e : p.entries) {
    out += (e.method.empty() ? "-" : e.method) + " " + e.path + " " + std::to_string(e.count) +
           "\n";
  }
  return out;
}

TEST(RequestPathTest, DropsQueryFragmentHostAndLeadingSlash) {
  EXPECT_EQ(RequestPath("/api/books/?page=2"), "api/books/");
  EXPECT_EQ(RequestPath("/api/books/#top"), "api/books/");
  EXPECT_EQ(RequestPath("https://shop.example/api/orders/7/"), "api/orders/7/");
  EXPECT_EQ(RequestPath("https://shop.example"), "");
  EXPECT_EQ(RequestPath("/"), "");
  EXPECT_EQ(RequestPath("/caf%C3%A9/a%2Fb/"), "caf\xC3\xA9/a/b/");
  EXPECT_EQ(RequestPath("/bad%zzescape%4"), "bad%zzescape%4");
}

TEST(ParseTrafficTest, CommonAndCombinedLogLines) {
  const std::string log =
      "10.0.0.1 - - [10/Oct/2025:13:55:36 +0000] \"GET /api/books/?page=2 HTTP/1.1\" 200 2326\n"
      "10.0.0.2 - frank [10/Oct/2025:13:55:37 +0000] \"GET /api/books/ HTTP/1.1\" 200 2326 "
      "\"https://shop.example/\" \"Mozilla/5.0 (X11)\"\n"
      "10.0.0.3 - - [10/Oct/2025:13:55:38 +0000] \"POST /api/orders/ HTTP/2.0\" 201 12\n"
      "\n"
      "# a comment\n"
      "10.0.0.4 - - [10/Oct/2025:13:55:39 +0000] \"-\" 400 0\n";
  TrafficParse p = ParseTraffic(log, "access.log");
  EXPECT_EQ(Dump(p), "GET api/books/ 2\nPOST api/orders/ 1\n");
  EXPECT_EQ(p.requests, 3);
  EXPECT_EQ(p.lines_read, 3);
  EXPECT_EQ(p.lines_skipped, 1);
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.diagnostics[0].code, "traffic-line-skipped");
  EXPECT_EQ(p.diagnostics[0].location.path, "access.log");
  EXPECT_EQ(p.diagnostics[0].location.line, 6);
  EXPECT_EQ(p.diagnostics[0].message,
            "1 line was neither an access-log line (common/combined format) nor a CSV row "
            "(path,count or method,path,count); first at line 6");
}

TEST(ParseTrafficTest, CsvWithHeaderAndOptionalMethod) {
  const std::string csv =
      "path,count\n"
      "/api/books/,120\n"
      "\"/api/books/?x=1\", 30\n"
      "POST,/api/orders/,7\n"
      "/api/zero/,0\n"
      "/no-count/\n"
      "/api/books/,abc\n";
  TrafficParse p = ParseTraffic(csv, "traffic.csv");
  EXPECT_EQ(Dump(p), "- api/books/ 150\nPOST api/orders/ 7\n");
  EXPECT_EQ(p.requests, 157);
  EXPECT_EQ(p.lines_read, 4);
  EXPECT_EQ(p.lines_skipped, 2);
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.diagnostics[0].location.line, 6);
}

TEST(ParseTrafficTest, HeaderOnlyCountsAsFirstRow) {
  // A second "path,count" row is not a header any more: it is a bad row.
  TrafficParse p = ParseTraffic("/a/,1\npath,count\n", "t.csv");
  EXPECT_EQ(p.requests, 1);
  EXPECT_EQ(p.lines_skipped, 1);
}

TEST(ParseTrafficTest, EmptyTextGivesNothing) {
  TrafficParse p = ParseTraffic("", "t.csv");
  EXPECT_TRUE(p.entries.empty());
  EXPECT_EQ(p.requests, 0);
  EXPECT_TRUE(p.diagnostics.empty());
}

}  // namespace
}  // namespace djcost
