// Which test files link reads. Django never imports a test module unless the
// project does, so a test file that does not count alone (FileFacts::counts_alone:
// no entry point or app module, no signal sent) matters only when one of its
// classes may be a model (a test model counts), or when a file link reads
// imports or names it: treeherder's urls.py importing its `investigated_test.py`
// views, a reusable app whose project lives under tests/ (openwisp's
// tests/manage.py naming "openwisp2.settings"). Input: every file's facts and
// what the rules add; output: which files are read. Depends on the data types only.
#pragma once

#include <bitset>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "data/file_facts.h"
#include "data/rule_set.h"
#include "util/strings.h"

namespace djcost {

/// What link knows beyond the files' facts, from the rules.
struct TestReachRules {
  /// Module names link looks up from the options, not from a file:
  /// `[tool.djcost] settings` / `--settings` (a project's test settings, say).
  std::vector<std::string> named_modules;
  /// Last names of the classes the knowledge tables tag "model", and "Model":
  /// a base so named may be a model whatever the project defines of that name.
  std::vector<std::string> model_bases;
};

TestReachRules TestReachRulesOf(const RuleSet& rules);

/// The closure over references, computed in steps so that a scan can parse the
/// test files it reaches between steps (cli/extract_cached.cc). A reference
/// reaches a file when it may name the file's module under any source root, the
/// way ProjectIndex and settings' loose lookup may resolve it:
/// - an import (relative ones from the importing file's folder), and the
///   imported name as a submodule;
/// - a string that is a dotted name (`"tests.settings"`, `"app.tests.views.f"`),
///   or a `.py` path relative to the file's folder (split settings' fragments);
/// - a dotted name in code whose first part an import binds (`t.helpers.run()`
///   after `import app.tests as t`).
/// Every prefix of a dotted reference counts ("a.b.c" may be module a.b's c).
/// A one-part name ("urls", "test_api") names only a module at the top of a
/// source root (the scan's root, a folder holding manage.py, src/, the top of a
/// package chain), as the module index resolves it; only the settings module
/// named by an entry point or the options is looked up at any depth
/// (link/settings.cc's FindModuleLoosely).
///
/// Before any reference, a test file is reached when a class of it (its
/// FileFacts::class_headers, read without a parse) has a base that may be a
/// model: one not named as a test case (data/test_names.h) unless every class
/// of that name in the project (in the parsed files' facts, and in test files'
/// headers) has only such bases in turn, never one of `model_bases`. So
/// `class PageTests(WagtailTestUtils, TestCase)` is not read when the project's
/// WagtailTestUtils derives from nothing; `class Temp(models.Model)` is.
class TestFileReach {
 public:
  /// Keeps a reference to `files`, whose entries the caller may replace with
  /// a new extraction of the same file between calls to Follow. The rules'
  /// named modules are read as strings of a file are.
  TestFileReach(const std::vector<FileFacts>& files, const TestReachRules& rules);

  /// Reads the references of the files read since the last call (on the first,
  /// every file that counts alone) and returns the test files they reach for
  /// the first time, by index, ascending. Those are read at the next call: a
  /// scan extracts them first. Returns nothing once the closure is complete.
  /// The files are read on up to `jobs` threads; the result is the same.
  std::vector<std::size_t> Follow(int jobs = 1);

  /// True when link reads `file`: it counts alone or is reached.
  bool Reads(std::size_t file) const { return read_[file] != 0; }

 private:
  using Components = std::vector<std::string_view>;
  // What a step finds reached, each file not read before the step at least
  // once, to be marked read when the step ends: the finding only reads read_,
  // so that one step's files can be read on several threads.
  using Found = std::vector<std::size_t>;

  void ReadFile(std::size_t file, Found* found) const;
  void ReachString(std::string_view folder, std::string_view text, bool any_depth,
                   Found* found) const;
  void ReachClassesThatMayBeModels(Found* found) const;
  void Reach(const Components& reference, bool any_depth, Found* found) const;
  bool MayBeLastComponent(std::string_view name) const;
  /// True when a part of `dotted` is the last part of a test module.
  bool NamesAModuleLeft(std::string_view dotted) const;
  void ReachPath(std::string_view folder, std::string_view pattern, Found* found) const;
  /// Marks what a step found read, to be returned by Follow.
  void Mark(const Found& found);

  const std::vector<FileFacts>& files_;
  const std::vector<std::string> model_bases_;
  bool classes_read_ = false;  // the first Follow reads them
  std::size_t unread_ = 0;     // files not read yet: none, and nothing is left to reach
  std::vector<char> read_;
  std::vector<std::size_t> pending_;  // read, references not yet followed
  std::vector<std::size_t> reached_;  // reached since the last Follow returned
  // The test files not read yet, by the last component of their module name.
  std::vector<std::vector<std::string>> module_of_;  // by file index; empty when read
  std::vector<char> at_top_;  // a one-part name may name it (see the class comment)
  std::unordered_map<std::string, std::vector<std::size_t>, NameHasher, std::equal_to<>>
      by_last_component_;
  // Their first and last bytes (Ends) and lengths (up to 63), to pass over most
  // names without a hash: every part of every dotted name is looked up.
  static std::size_t Ends(std::string_view name);
  std::bitset<65536> ends_;
  std::bitset<64> lengths_;
};

/// TestFileReach run to completion: by file index, nonzero when link reads it.
std::vector<char> TestFilesRead(const std::vector<FileFacts>& files, const TestReachRules& rules,
                                int jobs = 1);

/// A test file's facts as link sees them when it does not read the file: its
/// lines and the checks made before a parse (not-python-source, not-utf8),
/// `parsed` false. ExtractForScan gives such a file no more than this unparsed.
FileFacts UnreadTestFile(const FileFacts& facts);

}  // namespace djcost
