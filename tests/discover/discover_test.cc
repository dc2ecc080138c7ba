#include "discover/discover.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <mutex>

#include "support/discovery.h"
#include "support/temp_dir.h"

namespace djcost {
namespace {

using testing::Diags;
using testing::InitGitRepo;
using testing::Paths;
using testing::TempDir;
using testing::TrackInIndex;

TEST(Discover, ListsPythonFilesSortedAndClassified) {
  TempDir dir;
  dir.Write("manage.py", "import os\n");
  dir.Write("zeta/views.py", "x = 1\n");
  dir.Write("shop/models.py", "class A: pass\n");
  dir.Write("shop/migrations/0001_initial.py");
  dir.Write("shop/tests.py");
  dir.Write("site/settings.py");
  dir.Write("site/urls.py");
  dir.Write("site/wsgi.py");
  dir.Write("pyproject.toml", "[tool.djcost]\n");
  dir.Write("README.md");
  dir.Write("shop/templates/x.html");
  Discovery d = Discover(dir.str(), {});
  EXPECT_EQ(Paths(d), (std::vector<std::string>{"manage.py", "shop/migrations/0001_initial.py",
                                                "shop/models.py", "shop/tests.py",
                                                "site/settings.py", "site/urls.py",
                                                "site/wsgi.py", "zeta/views.py"}));
  ASSERT_EQ(d.files.size(), 8u);
  EXPECT_EQ(d.files[1].kind, FileKind::kMigration);
  EXPECT_EQ(d.files[2].kind, FileKind::kSource);
  EXPECT_EQ(d.files[2].size, 14u);
  EXPECT_EQ(d.files[3].kind, FileKind::kTest);
  EXPECT_EQ(d.files[4].kind, FileKind::kSettings);
  EXPECT_EQ(d.files[5].kind, FileKind::kUrls);
  EXPECT_EQ(d.markers, (std::vector<std::string>{"manage.py", "pyproject.toml", "site/wsgi.py"}));
  EXPECT_TRUE(d.diagnostics.empty()) << ::testing::PrintToString(Diags(d));
  EXPECT_EQ(d.root, dir.str());
}

TEST(Discover, SkipsToolFoldersAndVirtualenvs) {
  TempDir dir;
  dir.Write("app/models.py");
  dir.Write(".git/hooks/x.py");
  dir.Write("node_modules/pkg/x.py");
  dir.Write("app/__pycache__/models.py");
  dir.Write(".venv/lib/python3.11/site-packages/django/db.py");
  dir.Write("venv/lib/x.py");
  dir.Write("env/x.py");
  dir.Write(".tox/py311/x.py");
  dir.Write("build/lib/app/models.py");
  dir.Write("dist/x.py");
  dir.Write("pkg.egg-info/x.py");
  dir.Write("myenv/pyvenv.cfg", "home = /usr/bin\n");
  dir.Write("myenv/lib/x.py");
  dir.Write("lib/site-packages/x.py");
  dir.Write(".semgrep/django/connect-in-function.py");  // any dot-named folder
  dir.Write(".github/scripts/release.py");
  // A Django app that happens to be called "build" is a package: kept.
  dir.Write("build_app/__init__.py");
  dir.Write("dist2/x.py");
  dir.Write("env_pkg/env/__init__.py");
  Discovery d = Discover(dir.str(), {});
  EXPECT_EQ(Paths(d), (std::vector<std::string>{"app/models.py", "build_app/__init__.py",
                                                "dist2/x.py", "env_pkg/env/__init__.py"}));
}

TEST(Discover, ExcludeGlobsDropFilesAndFolders) {
  TempDir dir;
  dir.Write("app/models.py");
  dir.Write("legacy/old.py");
  dir.Write("legacy/deep/older.py");
  dir.Write("app/generated_pb2.py");
  DiscoverOptions options;
  options.excludes = {"legacy", "**/*_pb2.py"};
  Discovery d = Discover(dir.str(), options);
  EXPECT_EQ(Paths(d), (std::vector<std::string>{"app/models.py"}));
}

TEST(Discover, OversizedFileIsNamedNotListed) {
  TempDir dir;
  dir.Write("small.py", "x = 1\n");
  dir.Write("big.py", std::string(101, '#'));
  DiscoverOptions options;
  options.max_file_size = 100;
  Discovery d = Discover(dir.str(), options);
  EXPECT_EQ(Paths(d), (std::vector<std::string>{"small.py"}));
  EXPECT_EQ(Diags(d), (std::vector<std::string>{
                          "file-too-large big.py: 101 bytes, over the limit of 100"}));
}

TEST(Discover, SymlinksAreNeverFollowedAndNamed) {
  TempDir dir;
  TempDir outside;
  outside.Write("evil.py");
  dir.Write("app/models.py");
  dir.Symlink("..", "app/loop");                          // a loop back to the root
  dir.Symlink("../../app", "app/sub/again");              // a loop through a parent
  dir.Symlink(outside.str(), "vendored");                  // outside the root
  dir.Symlink("missing.py", "app/dangling.py");           // dangling
  dir.Symlink("models.py", "app/alias.py");               // file inside the tree
  dir.Symlink("missing.txt", "app/notes.txt");            // irrelevant: not named
  Discovery d = Discover(dir.str(), {});
  EXPECT_EQ(Paths(d), (std::vector<std::string>{"app/models.py"}));
  EXPECT_EQ(Diags(d),
            (std::vector<std::string>{
                "symlink-skipped app/alias.py: symbolic link not followed: its target "
                "app/models.py is scanned at its own path",
                "symlink-skipped app/dangling.py: symbolic link not followed: its target does "
                "not exist",
                "symlink-skipped app/loop: symbolic link not followed: it points to a folder "
                "that contains it (a loop)",
                "symlink-skipped app/sub/again: symbolic link not followed: it points to a "
                "folder that contains it (a loop)",
                "symlink-skipped vendored: symbolic link not followed: it points outside the "
                "scanned folder"}));
}

TEST(Discover, SymlinkToSiblingFolderIsNotCountedTwice) {
  TempDir dir;
  dir.Write("real/models.py");
  dir.Symlink("real", "alias");
  Discovery d = Discover(dir.str(), {});
  EXPECT_EQ(Paths(d), (std::vector<std::string>{"real/models.py"}));
  EXPECT_EQ(Diags(d), (std::vector<std::string>{"symlink-skipped alias: symbolic link not "
                                                "followed: its target real is scanned at its "
                                                "own path"}));
}

TEST(Discover, RootThatIsAFileOrMissingGivesADiagnosticNotACrash) {
  TempDir dir;
  dir.Write("one.py");
  Discovery file = Discover((dir.path() / "one.py").string(), {});
  EXPECT_TRUE(file.files.empty());
  EXPECT_EQ(Diags(file), (std::vector<std::string>{"unreadable : " +
                                                   (dir.path() / "one.py").string() +
                                                   ": not a folder"}));
  Discovery missing = Discover((dir.path() / "nope").string(), {});
  EXPECT_TRUE(missing.files.empty());
  ASSERT_EQ(missing.diagnostics.size(), 1u);
  EXPECT_EQ(missing.diagnostics[0].code, "unreadable");
}

TEST(Discover, RootGivenThroughASymlinkIsWalked) {
  TempDir dir;
  TempDir links;
  dir.Write("app/models.py");
  links.Symlink(dir.str(), "project");
  Discovery d = Discover((links.path() / "project").string(), {});
  EXPECT_EQ(Paths(d), (std::vector<std::string>{"app/models.py"}));
}

// Several walkers hand folders to each other; what they find, and what they
// warn of, is what one walker finds: skipped and excluded folders, a virtualenv
// by its pyvenv.cfg, oversized files, links of every kind, a deep chain and
// many siblings to hand over.
TEST(Discover, WalkersFindWhatOneWalkerFinds) {
  TempDir dir;
  TempDir outside;
  outside.Write("evil.py");
  dir.Write("manage.py");
  dir.Write("node_modules/pkg/x.py");
  dir.Write("myenv/pyvenv.cfg", "home = /usr/bin\n");
  dir.Write("myenv/lib/x.py");
  dir.Write("legacy/old.py");
  dir.Write("big.py", std::string(101, '#'));
  dir.Symlink("..", "app0/loop");
  dir.Symlink(outside.str(), "vendored");
  dir.Symlink("missing.py", "app1/dangling.py");
  std::string deep = "deep";
  for (int i = 0; i < 20; ++i) {
    deep += "/d" + std::to_string(i);
    dir.Write(deep + "/m.py");
  }
  for (int i = 0; i < 60; ++i) {
    dir.Write("app" + std::to_string(i) + "/models.py");
    dir.Write("app" + std::to_string(i) + "/sub/views.py");
    if (i % 7 == 0) dir.Write("app" + std::to_string(i) + "/wsgi.py");
  }
  auto discover = [&](int walkers) {
    DiscoverOptions options;
    options.max_file_size = 100;
    options.excludes = {"legacy"};
    options.walkers = walkers;
    return Discover(dir.str(), options);
  };
  const Discovery one = discover(1);
  EXPECT_EQ(one.files.size(), 20u + 120u + 9u + 1u);  // deep, apps, wsgi.py, manage.py
  EXPECT_FALSE(one.diagnostics.empty());
  for (int walkers : {2, 4}) {
    for (int run = 0; run < 5; ++run) {  // who walks what changes from run to run
      const Discovery d = discover(walkers);
      EXPECT_EQ(d.files, one.files) << walkers;
      EXPECT_EQ(d.markers, one.markers) << walkers;
      EXPECT_EQ(Diags(d), Diags(one)) << walkers;
    }
  }
}

TEST(Discover, HonoursGitignoreInsideARepository) {
  TempDir dir;
  InitGitRepo(dir.str());
  dir.Write(".gitignore", "generated/\n*_local.py\n/top_only.py\n");
  dir.Write("app/.gitignore", "scratch.py\n");
  dir.Write("app/models.py");
  dir.Write("app/scratch.py");
  dir.Write("app/settings_local.py");
  dir.Write("generated/x.py");
  dir.Write("top_only.py");
  dir.Write("app/top_only.py");
  Discovery d = Discover(dir.str(), {});
  EXPECT_EQ(Paths(d), (std::vector<std::string>{"app/models.py", "app/top_only.py"}));

  DiscoverOptions no_ignore;
  no_ignore.use_gitignore = false;
  EXPECT_EQ(Discover(dir.str(), no_ignore).files.size(), 6u);
}

// As git does: ignore rules apply to untracked files; a tracked file is scanned
// even where a rule matches it or its folder.
TEST(Discover, GitignoreDoesNotHideTrackedFiles) {
  TempDir dir;
  InitGitRepo(dir.str());
  dir.Write(".gitignore", "generated/\n*_local.py\n");
  dir.Write("app/models.py");
  dir.Write("app/settings_local.py");
  dir.Write("app/other_local.py");
  dir.Write("generated/kept.py");
  dir.Write("generated/dropped.py");
  dir.Write("generated/deeper/kept.py");
  TrackInIndex(dir.str(), {"app/models.py", "app/settings_local.py", "generated/kept.py",
                           "generated/deeper/kept.py"});
  EXPECT_EQ(Paths(Discover(dir.str(), {})),
            (std::vector<std::string>{"app/models.py", "app/settings_local.py",
                                      "generated/deeper/kept.py", "generated/kept.py"}));
  // From a root below the work tree too.
  EXPECT_EQ(Paths(Discover((dir.path() / "app").string(), {})),
            (std::vector<std::string>{"models.py", "settings_local.py"}));
}

// However the ignore rules are read, before the walk, beside it or after it
// (when the walk enters every folder it would enter were none ignored), the
// walk finds the same: what it found under an ignored folder, the markers, the
// oversized files and the links included, is dropped.
TEST(Discover, IgnoreRulesReadBesideOrAfterTheWalkFindTheSame) {
  TempDir dir;
  InitGitRepo(dir.str());
  dir.Write(".gitignore", "generated/\nmedia/\n*_local.py\nlinks/\n");
  dir.Write("app/models.py");
  dir.Write("app/settings_local.py");
  dir.Write("app/big.py", std::string(200, '#'));
  dir.Write("media/manage.py");  // a marker under an ignored folder
  dir.Write("media/big.py", std::string(200, '#'));
  dir.Write("media/deeper/code.py");
  dir.Symlink("../app/models.py", "media/alias.py");
  dir.Symlink("missing.py", "media/dangling.py");
  dir.Write("generated/kept.py");   // tracked: kept, though its folder is ignored
  dir.Write("generated/other.py");  // untracked there: ignored
  dir.Symlink("../app/models.py", "links/alias.py");
  dir.Symlink("../app/models.py", "app/alias_local.py");
  dir.Write("manage.py");
  TrackInIndex(dir.str(), {"generated/kept.py"});
  auto discover = [&](DiscoverOptions::IgnoreRules when, int walkers) {
    DiscoverOptions options;
    options.max_file_size = 100;
    options.ignore_rules = when;
    options.walkers = walkers;
    return Discover(dir.str(), options);
  };
  const Discovery first = discover(DiscoverOptions::IgnoreRules::kFirst, 1);
  EXPECT_EQ(Paths(first),
            (std::vector<std::string>{"app/models.py", "generated/kept.py", "manage.py"}));
  EXPECT_EQ(first.markers, (std::vector<std::string>{"manage.py"}));
  EXPECT_EQ(Diags(first), (std::vector<std::string>{
                              "file-too-large app/big.py: 200 bytes, over the limit of 100"}));
  // More walkers hand folders to each other (an idle one takes the next folder
  // met), unsure ones too when the rules come late.
  for (int walkers : {1, 2, 3}) {
    for (auto when : {DiscoverOptions::IgnoreRules::kFirst, DiscoverOptions::IgnoreRules::kBeside,
                      DiscoverOptions::IgnoreRules::kAfterWalk}) {
      const Discovery d = discover(when, walkers);
      EXPECT_EQ(d.files, first.files) << walkers;
      EXPECT_EQ(d.markers, first.markers) << walkers;
      EXPECT_EQ(Diags(d), Diags(first)) << walkers;
    }
  }
  // Without the rules, the walk keeps what they would drop.
  DiscoverOptions none;
  none.max_file_size = 100;
  none.use_gitignore = false;
  none.ignore_rules = DiscoverOptions::IgnoreRules::kAfterWalk;
  EXPECT_EQ(Paths(Discover(dir.str(), none)),
            (std::vector<std::string>{"app/models.py", "app/settings_local.py",
                                      "generated/kept.py", "generated/other.py",
                                      "manage.py", "media/deeper/code.py", "media/manage.py"}));
}

// DiscoverOptions::found hears of each Python file as it is listed, from
// every walker, before the ignore rules (read after the walk here) drop some:
// the result is a part of what it heard, each file as the result has it.
TEST(Discover, FoundHearsOfEveryListedFileBeforeTheRulesDecide) {
  TempDir dir;
  InitGitRepo(dir.str());
  dir.Write(".gitignore", "generated/\n*_local.py\n");
  dir.Write("manage.py");
  dir.Write("app/models.py");
  dir.Write("app/settings_local.py");
  dir.Write("app/big.py", std::string(200, '#'));
  dir.Write("generated/x.py");
  dir.Write("node_modules/pkg/y.py");  // never listed
  for (int i = 0; i < 12; ++i) dir.Write("pkg" + std::to_string(i) + "/views.py");
  for (int walkers : {1, 3}) {
    std::mutex mutex;
    std::vector<SourceFile> heard;
    DiscoverOptions options;
    options.max_file_size = 100;
    options.walkers = walkers;
    options.ignore_rules = DiscoverOptions::IgnoreRules::kAfterWalk;
    options.found = [&](const SourceFile& file) {
      std::lock_guard<std::mutex> lock(mutex);
      heard.push_back(file);
    };
    const Discovery d = Discover(dir.str(), options);
    ASSERT_EQ(d.files.size(), 14u) << walkers;  // manage.py, app/models.py, 12 views
    std::sort(heard.begin(), heard.end(),
              [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
    std::vector<std::string> heard_paths;
    for (const SourceFile& f : heard) heard_paths.push_back(f.path);
    // The ignored ones too; not the oversized one, nor what is never entered.
    EXPECT_EQ(heard.size(), 16u) << walkers;
    EXPECT_TRUE(std::binary_search(heard_paths.begin(), heard_paths.end(), "generated/x.py"));
    EXPECT_TRUE(std::binary_search(heard_paths.begin(), heard_paths.end(),
                                   "app/settings_local.py"));
    for (const SourceFile& kept : d.files) {
      auto it = std::lower_bound(
          heard.begin(), heard.end(), kept,
          [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
      ASSERT_NE(it, heard.end()) << kept.path;
      EXPECT_EQ(*it, kept);
    }
  }
}

TEST(Discover, GitignoreOfTheEnclosingRepositoryAppliesToASubfolderRoot) {
  TempDir dir;
  InitGitRepo(dir.str());
  dir.Write(".gitignore", "project/app/secret.py\n");
  dir.Write("project/app/models.py");
  dir.Write("project/app/secret.py");
  Discovery d = Discover((dir.path() / "project").string(), {});
  EXPECT_EQ(Paths(d), (std::vector<std::string>{"app/models.py"}));
}

TEST(Discover, RootIgnoredByTheEnclosingRepositoryIsStillScanned) {
  TempDir dir;
  InitGitRepo(dir.str());
  dir.Write(".gitignore", "checkouts/\n");
  dir.Write("checkouts/project/app/models.py");
  Discovery d = Discover((dir.path() / "checkouts/project").string(), {});
  EXPECT_EQ(Paths(d), (std::vector<std::string>{"app/models.py"}));
}

}  // namespace
}  // namespace djcost
