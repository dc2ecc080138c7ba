// What the scan skips parsing (migrations, comment-only files) changes nothing:
// the inventory from ExtractForScan's facts renders to the same JSON as the one
// from a full parse of every file, on every fixture project and on a synthetic
// corpus from bench/gen_corpus.py. Also checks the comment-only test itself
// against the parser.
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sstream>

#include "discover/discover.h"
#include "extract/extract.h"
#include "link/link.h"
#include "render/render.h"
#include "rules/load_rules.h"
#include "support/temp_dir.h"
#include "util/atomic_file.h"

namespace djcost {
namespace {

namespace fs = std::filesystem;

struct Both {
  std::string full;
  std::string scan;
  int skipped = 0;
};

std::string InventoryJson(const std::vector<FileFacts>& facts, const RuleSet& rules) {
  Report report;
  report.inventory = Link(facts, rules);
  std::ostringstream out;
  RenderJson(report, out);
  return out.str();
}

Both ScanBothWays(const std::string& root) {
  RuleSet rules = DefaultRuleSet();
  Discovery discovery = Discover(root, DiscoverOptions{});
  PythonParser parser;
  std::vector<FileFacts> full, scan;
  Both both;
  for (const SourceFile& file : discovery.files) {
    std::string bytes, error;
    EXPECT_TRUE(ReadFile(root + "/" + file.path, &bytes, &error)) << error;
    full.push_back(ExtractFile(file, bytes, parser));
    scan.push_back(ExtractForScan(file, bytes, parser));
    both.skipped += file.kind == FileKind::kMigration || HoldsOnlyComments(bytes);
  }
  both.full = InventoryJson(full, rules);
  both.scan = InventoryJson(scan, rules);
  return both;
}

TEST(PrefilterIdentity, FixtureProjects) {
  for (const auto& e : fs::directory_iterator(fs::path(DJCOST_SOURCE_DIR) / "fixtures/projects")) {
    Both both = ScanBothWays((e.path() / "repo").string());
    EXPECT_GT(both.skipped, 0) << e.path();
    EXPECT_EQ(both.scan, both.full) << e.path();
  }
}

TEST(PrefilterIdentity, SyntheticCorpus) {
  testing::TempDir dir;
  std::string command = "python3 " + std::string(DJCOST_SOURCE_DIR) +
                        "/bench/gen_corpus.py --scale 0.3 --seed 3 --out " + dir.str() +
                        " > /dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  Both both = ScanBothWays(dir.str() + "/repo");
  EXPECT_GT(both.skipped, 10);
  EXPECT_EQ(both.scan, both.full);
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
