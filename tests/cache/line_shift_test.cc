// An edit that only moves lines: the Inventory linked before it, shifted, is
// the one Link makes after it. Checked against Link itself on edited copies of
// every file of every fixture project and pattern fixture, and on the rules
// that make a shift refuse.
#include "cache/line_shift.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "cache/fact_codec.h"
#include "discover/discover.h"
#include "extract/extract.h"
#include "link/link.h"
#include "rules/load_rules.h"
#include "support/fixture_corpora.h"
#include "support/temp_dir.h"
#include "util/atomic_file.h"

namespace djcost {
namespace {

namespace fs = std::filesystem;

FileFacts Facts(const std::string& path, const std::string& bytes) {
  static PythonParser parser;
  return ExtractForScan(SourceFile{path, FileKind::kSource, bytes.size()}, bytes, parser);
}

const char kModels[] =
    "from django.db import models\n"
    "\n"
    "class Book(models.Model):\n"
    "    shelf = models.ForeignKey('Shelf', on_delete=models.CASCADE)\n"
    "\n"
    "    def save(self, *args, **kwargs):\n"
    "        log(self)\n"
    "        super().save(*args, **kwargs)\n";

TEST(LineShift, MapsMovedLinesAndRefusesAnyOtherChange) {
  FileFacts before = Facts("shop/models.py", kModels);
  LineShift shift;
  // Comments and blank lines above and inside, a body line rewritten without a call.
  std::string moved = std::string("# header\n\n") + kModels;
  moved.replace(moved.find("        log(self)\n"), 18, "        # why\n        log(self)\n");
  ASSERT_TRUE(LineShift::Between(before, Facts("shop/models.py", moved), &shift));
  EXPECT_EQ(shift.path(), "shop/models.py");
  EXPECT_TRUE(LineShift::Between(before, before, &shift));

  std::string new_call = kModels;
  new_call.replace(new_call.find("log(self)"), 9, "audit(self)");
  EXPECT_FALSE(LineShift::Between(before, Facts("shop/models.py", new_call), &shift));
  std::string new_def = std::string(kModels) + "\ndef helper():\n    pass\n";
  EXPECT_FALSE(LineShift::Between(before, Facts("shop/models.py", new_def), &shift));
  std::string new_target = kModels;
  new_target.replace(new_target.find("'Shelf'"), 7, "'Rack'");
  EXPECT_FALSE(LineShift::Between(before, Facts("shop/models.py", new_target), &shift));
  // Two statements joined onto one line: two old lines would become one.
  std::string joined = kModels;
  joined.replace(joined.find("        log(self)\n        super()"), 26, "        log(self); super()");
  EXPECT_FALSE(LineShift::Between(before, Facts("shop/models.py", joined), &shift));
}

Inventory OneModelAt(const std::string& path) {
  Inventory inv;
  Model m;
  m.qualname = "shop.models.Book";
  m.location = {path, 3, 0};
  m.relations.push_back(Relation{"shelf", "ForeignKey", "shop.models.Shelf", "shop", false, 4});
  inv.models.push_back(m);
  Finding f;
  f.kind = "raw-sql";
  f.location = {"shop/views.py", 3, 0};  // another file's line 3: not moved
  inv.findings.push_back(f);
  inv.source.files = 2;
  inv.source.lines = LineCounts{20, 2, 3};
  return inv;
}

TEST(LineShift, AppliesToTheFileOnlyAndRefusesWhatItCannotMap) {
  FileFacts before = Facts("shop/models.py", kModels);
  FileFacts after = Facts("shop/models.py", std::string("# a\n# b\n") + kModels);
  LineShift shift;
  ASSERT_TRUE(LineShift::Between(before, after, &shift));

  Inventory inv = OneModelAt("shop/models.py");
  ASSERT_TRUE(shift.Apply(&inv));
  EXPECT_EQ(inv.models[0].location.line, 5);
  EXPECT_EQ(inv.models[0].relations[0].line, 6);
  EXPECT_EQ(inv.findings[0].location.line, 3);
  EXPECT_EQ(inv.source.lines.comment, 4);
  EXPECT_EQ(inv.source.lines.code, 20);
  EXPECT_EQ(inv.source.files, 2);

  // Line 2 of the file holds no fact: Link could not have reported it.
  Inventory unmapped = OneModelAt("shop/models.py");
  unmapped.models[0].location.line = 2;
  Inventory kept = unmapped;
  EXPECT_FALSE(shift.Apply(&unmapped));
  EXPECT_EQ(unmapped, kept);

  // A message that cites a line of the file would need its text rewritten.
  Inventory cited = OneModelAt("shop/models.py");
  Diagnostic again;
  again.code = "admin-already-registered";
  again.location = {"shop/admin.py", 9, 0};
  again.message = "Book is registered again (first at shop/models.py:3)";
  cited.diagnostics.push_back(again);
  EXPECT_FALSE(shift.Apply(&cited));
}

// Edits that move lines: a comment on top, a blank line in the middle, a
// comment at the end. Each is tried on every parsed file of `root`; where the
// facts moved only, the shifted Inventory must be Link's on the edited facts.
struct Tally {
  int shifted = 0;  // edits answered by a shift, and checked against Link
  int refused = 0;  // edits whose facts changed otherwise, or a shift refused
};

std::string Edited(const std::string& bytes, int how) {
  if (how == 0) return "# moved\n" + bytes;
  if (how == 2) return bytes + "\n# end\n";
  std::size_t middle = bytes.find('\n', bytes.size() / 2);
  return middle == std::string::npos ? bytes + "\n" : bytes.substr(0, middle + 1) + "\n" +
                                                          bytes.substr(middle + 1);
}

// Every file of `root`, extracted as a scan does, with its bytes.
struct Project {
  std::vector<FileFacts> facts;
  std::vector<std::string> sources;
};

Project ExtractEveryFile(const std::string& root, PythonParser& parser) {
  Project project;
  for (const SourceFile& file : Discover(root, DiscoverOptions{}).files) {
    std::string bytes, error;
    EXPECT_TRUE(ReadFile(root + "/" + file.path, &bytes, &error)) << error;
    project.facts.push_back(ExtractForScan(file, bytes, parser));
    project.sources.push_back(bytes);
  }
  return project;
}

// `edit`, made `ways` ways to every file of `root`: where `shift_of` takes the
// edited file, the Inventory linked before, shifted, must be Link's after.
using Edit = std::string (*)(const std::string& bytes, int how);
using ShiftOf = bool (*)(const std::vector<FileFacts>& facts, std::size_t changed,
                         const FileFacts& edited, LineShift* shift);

Tally CheckEdits(const std::string& root, Edit edit, int ways, ShiftOf shift_of) {
  RuleSet rules = DefaultRuleSet();
  PythonParser parser;
  const auto [facts, sources] = ExtractEveryFile(root, parser);
  const Inventory linked = Link(facts, rules);
  Tally tally;
  for (std::size_t i = 0; i < facts.size(); ++i) {
    for (int how = 0; how < ways; ++how) {
      std::vector<FileFacts> edited = facts;
      edited[i] = ExtractForScan(facts[i].file, edit(sources[i], how), parser);
      LineShift shift;
      Inventory shifted = linked;
      if (!shift_of(facts, i, edited[i], &shift) || !shift.Apply(&shifted)) {
        ++tally.refused;
        continue;
      }
      ++tally.shifted;
      EXPECT_EQ(shifted, Link(edited, rules)) << root << ": " << facts[i].file.path << ", edit " << how;
    }
  }
  return tally;
}

bool MovedOnly(const std::vector<FileFacts>& facts, std::size_t changed, const FileFacts& edited,
               LineShift* shift) {
  return LineShift::Between(facts[changed], edited, shift);
}

Tally CheckEveryFile(const std::string& root) { return CheckEdits(root, Edited, 3, MovedOnly); }

// A module-level function nothing names, added at the end or before a
// top-level statement of the second half (else at the end): `how` 0 is a bare
// one, 1 one with parameters, a docstring and locals.
std::string WithFunctionAdded(const std::string& bytes, int how) {
  const std::string name = "djcost_added_" + std::to_string(how);
  const std::string function =
      how == 0 ? "def " + name + "():\n    return 1\n"
               : "def " + name + "(a, b=2, *rest):\n    \"\"\"Adds.\"\"\"\n    total = a + b\n"
                 "    return total\n";
  const std::size_t at = bytes.find("\ndef ", bytes.size() / 2);
  if (at != std::string::npos) return bytes.substr(0, at + 1) + function + "\n\n" + bytes.substr(at + 1);
  return bytes + (bytes.empty() || bytes.back() == '\n' ? "" : "\n") + "\n\n" + function;
}

// True when a file but `changed` writes `name` in its encoded facts, as the
// scan checks it (cli/extract_cached.cc).
bool AnotherFileWrites(const std::vector<FileFacts>& facts, std::size_t changed,
                       const std::string& name) {
  for (std::size_t j = 0; j < facts.size(); ++j) {
    std::string encoded;
    EncodeFacts(facts[j], &encoded);
    if (j != changed && encoded.find(name) != std::string::npos) return true;
  }
  return false;
}

// A function added, as the scan takes it: PastAddedFunctions, then no other
// file writes the name. (An unparsed test file only moves: refused here.)
bool FunctionAddedOnly(const std::vector<FileFacts>& facts, std::size_t changed,
                       const FileFacts& edited, LineShift* shift) {
  std::vector<std::string> added;
  if (!facts[changed].parsed ||
      !LineShift::PastAddedFunctions(facts[changed], edited, shift, &added)) {
    return false;
  }
  EXPECT_EQ(added.size(), 1u);
  return !AnotherFileWrites(facts, changed, added.at(0));
}

Tally CheckFunctionsAdded(const std::string& root) {
  return CheckEdits(root, WithFunctionAdded, 2, FunctionAddedOnly);
}

// Every fixture project and pattern fixture.
std::vector<fs::path> FixtureRoots() {
  std::vector<fs::path> roots = testing::FixtureProjectRoots();
  for (const fs::path& root : testing::PatternFixtureRoots()) roots.push_back(root);
  return roots;
}

// `check` on every fixture root, summed.
Tally OnEveryFixture(Tally (*check)(const std::string& root)) {
  Tally all;
  for (const fs::path& root : FixtureRoots()) {
    Tally t = check(root.string());
    all.shifted += t.shifted;
    all.refused += t.refused;
  }
  return all;
}

TEST(LineShift, ShiftedInventoryIsWhatLinkMakesOfEveryFixtureEdited) {
  Tally all = OnEveryFixture(CheckEveryFile);
  // Most of these edits only move lines; the few refused are edits inside a
  // multi-line string and files whose messages cite their own lines.
  EXPECT_GT(all.shifted, 300);
  EXPECT_GT(all.shifted, 4 * all.refused) << all.refused << " refused";
}

TEST(LineShift, AFunctionNothingNamesAddedToAnyFixtureFileShiftsToWhatLinkMakes) {
  Tally all = OnEveryFixture(CheckFunctionsAdded);
  // Refused: files whose messages cite their own lines, and additions that
  // land in a class body or a string.
  EXPECT_GT(all.shifted, 200);
  EXPECT_GT(all.shifted, 3 * all.refused) << all.refused << " refused";
}

// What makes PastAddedFunctions refuse, and why the scan must also look for
// the name in every other file: a URLconf naming a view not yet written.
TEST(LineShift, PastAddedFunctionsRefusesWhatLinkMayRead) {
  const std::string base = "from django.db import models\n\nX = 1\n";
  FileFacts before = Facts("shop/views.py", base);
  LineShift shift;
  std::vector<std::string> added;
  auto refused = [&](const std::string& addition) {
    return !LineShift::PastAddedFunctions(before, Facts("shop/views.py", base + addition), &shift,
                                          &added);
  };
  EXPECT_FALSE(refused("\ndef helper(a, b=2):\n    return a + b\n"));
  EXPECT_EQ(added, std::vector<std::string>{"helper"});
  EXPECT_TRUE(refused("\ndef helper(a):\n    return a\n"));  // returns a parameter: a url helper?
  EXPECT_TRUE(refused(""));                                             // nothing added
  EXPECT_TRUE(refused("\n@login_required\ndef helper(a):\n    return 1\n"));  // a decorator
  EXPECT_TRUE(refused("\ndef helper(a):\n    log(a)\n"));              // a call
  EXPECT_TRUE(refused("\ndef helper(request):\n    return 1\n"));      // counted as a view
  EXPECT_TRUE(refused("\ndef X():\n    return 1\n"));                  // rebinds X
  EXPECT_TRUE(refused("\ndef models():\n    return 1\n"));             // rebinds an import
  EXPECT_TRUE(refused("\ndef __getattr__(name):\n    return 1\n"));    // a module hook
  EXPECT_TRUE(refused("\ndef helper():\n    return 1\nY = 'helper'\n"));  // named in the file
  EXPECT_TRUE(refused("\ndef helper():\n    def inner():\n        pass\n"));  // more than it

  // shop/urls.py names shop.views.added before it exists: adding it changes
  // what Link makes, and the name is in urls.py's facts for the scan to see.
  testing::TempDir dir;
  dir.Write("manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'conf.settings')\n");
  dir.Write("conf/__init__.py", "");
  dir.Write("conf/settings.py", "INSTALLED_APPS = ['shop']\nROOT_URLCONF = 'shop.urls'\n");
  dir.Write("shop/__init__.py", "");
  dir.Write("shop/urls.py",
            "from django.urls import path\nfrom . import views\n\n"
            "urlpatterns = [path('a/', views.added)]\n");
  dir.Write("shop/views.py", base);
  Discovery discovery = Discover(dir.str(), DiscoverOptions{});
  PythonParser parser;
  std::vector<FileFacts> facts;
  std::size_t views = 0;
  for (const SourceFile& file : discovery.files) {
    std::string bytes, error;
    ASSERT_TRUE(ReadFile(dir.str() + "/" + file.path, &bytes, &error)) << error;
    if (file.path == "shop/views.py") views = facts.size();
    facts.push_back(ExtractForScan(file, bytes, parser));
  }
  std::vector<FileFacts> edited = facts;
  edited[views] = ExtractForScan(facts[views].file, base + "\ndef added():\n    return 1\n", parser);
  ASSERT_TRUE(LineShift::PastAddedFunctions(facts[views], edited[views], &shift, &added));
  EXPECT_TRUE(AnotherFileWrites(facts, views, "added"));
  EXPECT_NE(Link(facts, DefaultRuleSet()), Link(edited, DefaultRuleSet()));
}

// The shift rests on this: every line Link reports at a file is one of that
// file's own fact lines (copied, never computed, never another file's). On the
// fixtures and a synthetic corpus from bench/gen_corpus.py.
TEST(LineShift, EveryLineLinkReportsIsAFactLineOfItsFile) {
  testing::TempDir dir;
  std::string repo = testing::GenerateSyntheticCorpus(dir, "0.3", 5);
  ASSERT_FALSE(repo.empty());
  std::vector<fs::path> roots = FixtureRoots();
  roots.push_back(repo);
  int checked = 0;
  for (const fs::path& root : roots) {
    Discovery discovery = Discover(root.string(), DiscoverOptions{});
    PythonParser parser;
    std::vector<FileFacts> facts;
    std::map<std::string, std::set<int>> fact_lines;
    for (const SourceFile& file : discovery.files) {
      std::string bytes, error;
      ASSERT_TRUE(ReadFile(root.string() + "/" + file.path, &bytes, &error)) << error;
      facts.push_back(ExtractForScan(file, bytes, parser));
      std::string shape;
      std::vector<int> lines;
      EncodeFactsShape(facts.back(), &shape, &lines);
      fact_lines[file.path].insert(lines.begin(), lines.end());
    }
    Inventory inv = Link(facts, DefaultRuleSet());
    auto check = [&](const Location& at, const std::string& what) {
      if (at.path.empty() || at.line == 0) return;
      ++checked;
      EXPECT_TRUE(fact_lines[at.path].count(at.line)) << at.path << ":" << at.line << " " << what;
    };
    for (const auto& e : inv.endpoints) {
      check(e.location, e.route);
      check(e.view_location, e.view);
    }
    for (const auto& r : inv.external_routes) check(r.location, r.route);
    for (const auto& m : inv.models) {
      check(m.location, m.qualname);
      for (const auto& r : m.relations) check({m.location.path, r.line, 0}, m.qualname + "." + r.field);
    }
    for (const auto& a : inv.admin_registrations) check(a.location, a.model);
    for (const auto& a : inv.admin_registrations_external) check(a.location, a.model);
    for (const auto& r : inv.signal_receivers) check(r.location, r.handler);
    for (const auto& c : inv.custom_signals) {
      check(c.location, c.qualname);
      for (const auto& site : c.send_sites) check(site, c.qualname);
    }
    for (const auto& f : inv.findings) check(f.location, f.kind);
    for (const auto& d : inv.diagnostics) check(d.location, d.code);
  }
  EXPECT_GT(checked, 1000);
}

}  // namespace
}  // namespace djcost
