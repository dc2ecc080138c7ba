// What the scan skips (parsing migrations, comment-only files and test files the
// project neither imports nor names, the arguments of statement calls link does
// not read) changes nothing: the inventory from the scan's extraction renders to
// the same JSON as the one from a full parse of every file, on every fixture
// project, every pattern fixture and a synthetic corpus from bench/gen_corpus.py.
// Also checks the comment-only test itself against the parser.
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli/extract_cached.h"
#include "discover/discover.h"
#include "extract/expr_builder.h"
#include "extract/extract.h"
#include "data/unread_arguments.h"
#include "link/link.h"
#include "render/render.h"
#include "rules/load_rules.h"
#include "support/fixture_corpora.h"
#include "support/temp_dir.h"
#include "util/atomic_file.h"

namespace djcost {
namespace {

namespace fs = std::filesystem;

struct Both {
  std::string full;
  std::string scan;
  int skipped = 0;
  int calls_trimmed = 0;  // statement calls whose arguments the scan dropped
  int tests_unread = 0;   // test files the scan left unparsed
  std::vector<FileFacts> scan_facts;
};

bool HasArguments(const CallStatement& c) {
  return !c.call.items.empty() || !c.call.keywords.empty() || c.loop;
}

int CallsTrimmed(const FileFacts& full, const FileFacts& scan) {
  int trimmed = 0;
  for (size_t i = 0; i < full.calls.size() && i < scan.calls.size(); ++i) {
    trimmed += HasArguments(full.calls[i]) && !HasArguments(scan.calls[i]);
  }
  return trimmed;
}

std::string InventoryJson(const Inventory& inventory) {
  Report report;
  report.inventory = inventory;
  report.diagnostics = report.inventory.diagnostics;  // as the scan reports them
  std::ostringstream out;
  RenderJson(report, out);
  return out.str();
}

Both ScanBothWays(const std::string& root) {
  RuleSet rules = DefaultRuleSet();
  Discovery discovery = Discover(root, DiscoverOptions{});
  PythonParser parser;
  std::vector<FileFacts> full;
  Both both;
  for (const SourceFile& file : discovery.files) {
    std::string bytes, error;
    EXPECT_TRUE(ReadFile(root + "/" + file.path, &bytes, &error)) << error;
    full.push_back(ExtractFile(file, bytes, parser));
    both.skipped += file.kind == FileKind::kMigration || HoldsOnlyComments(bytes);
  }
  // The scan's own extraction, without a cache: the first pass, then the test
  // files the project imports or names.
  std::vector<FileFacts> scan = ExtractWithCache(root, discovery.files, 2, FactCacheUse{},
                                                 nullptr).facts;
  for (size_t i = 0; i < full.size(); ++i) {
    both.calls_trimmed += CallsTrimmed(full[i], scan[i]);
    both.tests_unread += scan[i].file.kind == FileKind::kTest && !scan[i].parsed &&
                         full[i].parsed;
  }
  both.full = InventoryJson(Link(full, rules));
  both.scan = InventoryJson(LinkScanned(scan, rules));
  EXPECT_EQ(InventoryJson(Link(scan, rules)), both.scan);
  both.scan_facts = std::move(scan);
  return both;
}

TEST(PrefilterIdentity, FixtureProjects) {
  for (const fs::path& root : testing::FixtureProjectRoots()) {
    Both both = ScanBothWays(root.string());
    EXPECT_GT(both.skipped, 0) << root;
    EXPECT_GT(both.calls_trimmed, 0) << root;
    EXPECT_EQ(both.scan, both.full) << root;
  }
}

// The pattern fixtures hold the registrations, connects, router and list
// mutations each reader of call arguments handles, in their many spellings.
TEST(PrefilterIdentity, PatternFixtures) {
  int repos = 0;
  for (const fs::path& root : testing::PatternFixtureRoots()) {
    ++repos;
    Both both = ScanBothWays(root.string());
    EXPECT_EQ(both.scan, both.full) << root;
  }
  EXPECT_GE(repos, 4);
}

// fixtures/patterns/tests/reach: what a scan parses of a project's tests, and
// what the report says of them.
TEST(PrefilterIdentity, TestFilesAreParsedWhenTheyCountOrTheProjectReachesThem) {
  const std::string root =
      std::string(DJCOST_SOURCE_DIR) + "/fixtures/patterns/tests/reach/repo";
  Both both = ScanBothWays(root);
  EXPECT_EQ(both.scan, both.full);
  std::map<std::string, bool> parsed;
  for (const FileFacts& f : both.scan_facts) parsed[f.file.path] = f.parsed;
  EXPECT_TRUE(parsed.at("desk/investigated_test.py"));    // imported by site_conf/urls.py
  EXPECT_TRUE(parsed.at("desk/tests/included_urls.py"));  // include("desk.tests.included_urls")
  EXPECT_TRUE(parsed.at("desk/tests/views.py"));          // imported by included_urls.py
  EXPECT_TRUE(parsed.at("desk/tests/test_models.py"));    // defines a model
  EXPECT_TRUE(parsed.at("desk/tests/helpers.py"));        // imported by test_models.py
  EXPECT_TRUE(parsed.at("desk/tests/test_signals.py"));   // sends a custom signal
  EXPECT_FALSE(parsed.at("desk/tests/test_views.py"));
  EXPECT_FALSE(parsed.at("desk/tests/test_broken.py"));
  EXPECT_EQ(both.tests_unread, 2);

  nlohmann::json report = nlohmann::json::parse(both.scan);
  std::set<std::string> routes;
  for (const auto& e : report["inventory"]["endpoints"]) {
    routes.insert(e["method"].get<std::string>() + " " + e["route"].get<std::string>());
  }
  EXPECT_EQ(routes, (std::set<std::string>{"GET investigated/", "DELETE investigated/",
                                           "GET testing/ping/", "ANY tickets/<int:pk>/"}));
  EXPECT_EQ(report["counts"]["models_in_tests"], 1);
  ASSERT_EQ(report["inventory"]["custom_signals"].size(), 1u);
  EXPECT_EQ(report["inventory"]["custom_signals"][0]["send_sites"].size(), 2u);
  // The syntax error of a test file link reads is reported; that of one it
  // does not read is not.
  ASSERT_EQ(report["diagnostics"].size(), 1u);
  EXPECT_EQ(report["diagnostics"][0]["file"], "desk/tests/helpers.py");
  EXPECT_EQ(report["diagnostics"][0]["code"], "parse-error");
}

TEST(PrefilterIdentity, SyntheticCorpus) {
  testing::TempDir dir;
  std::string repo = testing::GenerateSyntheticCorpus(dir, "0.3", 3);
  ASSERT_FALSE(repo.empty());
  Both both = ScanBothWays(repo);
  EXPECT_GT(both.skipped, 10);
  EXPECT_GT(both.calls_trimmed, 100);
  EXPECT_EQ(both.scan, both.full);
}

TEST(PrefilterIdentity, ArgumentsAreKeptForTheCallsLinkReads) {
  PythonParser parser;
  std::string bytes =
      "admin.site.register(Book, BookAdmin)\n"
      "router.register(r'books', BookViewSet, basename='book')\n"
      "urlpatterns.append(path('x/', view))\n"
      "post_save.connect(handler, sender=Book)\n"
      "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings')\n"
      "shop_urls.register_in(router)\n"
      "for m in (A, B):\n"
      "    admin.site.unregister(m)\n"
      "def setup():\n"
      "    for m in (A, B):\n"
      "        logger.info('model %s', m, extra={'a': 1})\n"
      "    print(len(x))\n"
      "def view(request):\n"
      "    items.append(Thing(1))\n";
  SourceFile file{"shop/admin.py", FileKind::kSource, bytes.size()};
  FileFacts full = ExtractFile(file, bytes, parser);
  FileFacts scan = ExtractForScan(file, bytes, parser);
  ASSERT_EQ(full.calls.size(), 10u);
  ASSERT_EQ(scan.calls.size(), 10u);
  for (size_t i = 0; i < 7; ++i) EXPECT_EQ(scan.calls[i], full.calls[i]) << full.calls[i].call.text;
  EXPECT_TRUE(scan.calls[6].loop);
  for (size_t i = 7; i < 10; ++i) {
    const CallStatement& c = scan.calls[i];
    EXPECT_TRUE(HasArguments(full.calls[i])) << c.call.text;
    EXPECT_FALSE(HasArguments(c)) << c.call.text;
    EXPECT_EQ(c.call.text, full.calls[i].call.text);
    EXPECT_EQ(c.call.kind, ExprKind::kCall);
    EXPECT_EQ(c.line, full.calls[i].line);
    EXPECT_EQ(c.scope, full.calls[i].scope);
  }
  auto reads = [](const char* callee, const char* scope) {
    CallStatement c;
    c.call.kind = ExprKind::kCall;
    c.call.text = callee;
    c.scope = scope;
    return LinkReadsArguments(c);
  };
  EXPECT_TRUE(reads("api.add_router", "setup"));
  EXPECT_TRUE(reads("self.routes[0].mapping.update", "Router.__init__"));
  EXPECT_TRUE(reads("router.registry.extend", "build"));
  EXPECT_TRUE(reads("INSTALLED_APPS.append", ""));
  EXPECT_TRUE(reads("post_save.connect", "ShopConfig.ready"));
  EXPECT_TRUE(reads("os.environ.setdefault", "main"));
  EXPECT_TRUE(reads("self.method_check", "DatasetResource.get_datafiles"));  // tastypie
  EXPECT_FALSE(reads("result.append", "view"));
  EXPECT_FALSE(reads("context.update", "View.get_context_data"));
  EXPECT_TRUE(reads("shop_urls.register_in", ""));  // a router passed at module level
  EXPECT_FALSE(reads("registered", "view"));
  EXPECT_FALSE(reads("obj.connection", "view"));
  EXPECT_FALSE(reads("", "view"));
}

// A scan does not copy the arguments of calls link never reads, except where
// they are too long to be sure of: a huge literal in `logger.info(...)` must
// still give the "expression-truncated" warning a full parse gives.
TEST(PrefilterIdentity, UnreadArgumentsKeepTheWarningsOfAFullParse) {
  PythonParser parser;
  std::string huge = "[";
  for (int i = 0; i < kMaxExprNodes + 10; ++i) huge += "1,";
  huge += "]";
  std::string within(kMaxBytesWithinBudget - 20, '1');
  for (const std::string& arguments : {huge, "[" + within + "]", std::string("[]")}) {
    std::string bytes = "def view(request):\n    logger.info(" + arguments + ")\n";
    SourceFile file{"shop/views.py", FileKind::kSource, bytes.size()};
    FileFacts full = ExtractFile(file, bytes, parser);
    FileFacts scan = ExtractForScan(file, bytes, parser);
    EXPECT_EQ(scan.diagnostics, full.diagnostics);
    ASSERT_EQ(scan.calls.size(), 1u);
    EXPECT_TRUE(HasArguments(full.calls[0]));
    EXPECT_FALSE(HasArguments(scan.calls[0]));
    EXPECT_EQ(scan.calls[0].call.text, "logger.info");
    EXPECT_EQ(scan.calls[0].line, 2);
  }
  std::string bytes = "def view(request):\n    logger.info(" + huge + ")\n";
  FileFacts scan = ExtractForScan(SourceFile{"shop/views.py", FileKind::kSource, bytes.size()},
                                  bytes, parser);
  ASSERT_EQ(scan.diagnostics.size(), 1u);
  EXPECT_EQ(scan.diagnostics[0].code, "expression-truncated");
}

TEST(PrefilterIdentity, CommentOnlyFilesParseToNothing) {
  PythonParser parser;
  const char* cases[] = {
      "",
      "\n\n",
      "# a comment\n",
      "  # indented comment\n\t# tab\n",
      "#!/usr/bin/env python\r\n# -*- coding: utf-8 -*-\r\n",
      "\xEF\xBB\xBF# after a byte order mark\n",
      "# no newline at the end",
      "# caf\xC3\xA9 \xFF not UTF-8\n",
      "\r# lone carriage returns\r\r",
  };
  for (const char* text : cases) {
    std::string_view bytes(text);
    ASSERT_TRUE(HoldsOnlyComments(bytes)) << text;
    SourceFile file{"pkg/__init__.py", FileKind::kSource, bytes.size()};
    EXPECT_EQ(ExtractForScan(file, bytes, parser), ExtractFile(file, bytes, parser)) << text;
  }
  const std::string code[] = {"x = 1\n", "# c\nimport os\n", "'''doc'''\n", "\\\n", "\f\n",
                              std::string("# nul \0 in a comment\n", 21), "pass"};
  for (const std::string& text : code) EXPECT_FALSE(HoldsOnlyComments(text)) << text;
}

TEST(PrefilterIdentity, MigrationsAreCountedNotParsed) {
  PythonParser parser;
  std::string bytes = "from django.db import migrations\n\n# x\nclass Migration(migrations.Migration):\n    pass\n";
  SourceFile file{"shop/migrations/0001_initial.py", FileKind::kMigration, bytes.size()};
  FileFacts facts = ExtractForScan(file, bytes, parser);
  FileFacts parsed = ExtractFile(file, bytes, parser);
  EXPECT_FALSE(facts.parsed);
  EXPECT_TRUE(facts.classes.empty());
  EXPECT_EQ(facts.lines, parsed.lines);
  EXPECT_EQ(facts.diagnostics, parsed.diagnostics);
}

}  // namespace
}  // namespace djcost
