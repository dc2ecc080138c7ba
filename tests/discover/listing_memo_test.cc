// The folder listing memo (DiscoverOptions::memo): a walk that remembers the
// last one finds exactly what a walk without it finds, lists again only the
// folders that changed, and drops the memo when what decided the ignore rules
// changed.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <ctime>
#include <filesystem>

#include "discover/discover.h"
#include "support/discovery.h"
#include "support/temp_dir.h"

namespace djcost {
namespace {

namespace fs = std::filesystem;
using testing::Diags;
using testing::InitGitRepo;
using testing::Paths;
using testing::TempDir;
using testing::TrackInIndex;

// Sets the modification time of `path` (not following a link) `seconds_ago`.
void SetMtime(const fs::path& path, int seconds_ago) {
  struct timespec times[2];
  ::clock_gettime(CLOCK_REALTIME, &times[0]);
  times[0].tv_sec -= seconds_ago;
  times[1] = times[0];
  ASSERT_EQ(::utimensat(AT_FDCWD, path.c_str(), times, AT_SYMLINK_NOFOLLOW), 0) << path;
}

// Everything under `root` (itself included) last modified an hour ago, so
// that no stamp falls in the racy window of the walk that follows.
void AgeTree(const fs::path& root) {
  SetMtime(root, 3600);
  for (const auto& e : fs::recursive_directory_iterator(root)) SetMtime(e.path(), 3600);
}

// Writes `relative` and puts its folder's modification time back: the folder's
// stamp then holds, so only a walk that lists the folder again sees the file.
// A walk that does not is a walk that used the memo.
void SlipIn(const TempDir& dir, const std::string& relative) {
  const fs::path folder = (dir.path() / relative).parent_path();
  struct stat before;
  ASSERT_EQ(::stat(folder.c_str(), &before), 0);
  dir.Write(relative);
  struct timespec times[2] = {before.st_atim, before.st_mtim};
  ASSERT_EQ(::utimensat(AT_FDCWD, folder.c_str(), times, 0), 0);
}

DiscoverOptions Options(int walkers, const FolderListing* memo) {
  DiscoverOptions options;
  options.max_file_size = 100;
  options.excludes = {"legacy"};
  options.walkers = walkers;
  options.ignore_rules = DiscoverOptions::IgnoreRules::kBeside;
  options.memo = memo;
  return options;
}

// A repository with what the walk treats apart: ignore rules in two folders, a
// tracked file under an ignored folder, an ignored manage.py (still a marker),
// a virtualenv, a folder skipped only as long as it is not a package, links,
// an oversized file, an excluded folder, a deep chain.
void LayOutProject(const TempDir& dir) {
  InitGitRepo(dir.str());
  dir.Write(".gitignore", "generated/\n*_local.py\nmedia/\n");
  dir.Write("app/.gitignore", "scratch.py\n");
  dir.Write("manage.py");
  dir.Write("pyproject.toml");
  dir.Write("app/models.py");
  dir.Write("app/scratch.py");
  dir.Write("app/settings_local.py");
  dir.Write("app/big.py", std::string(200, '#'));
  dir.Write("generated/kept.py");
  dir.Write("generated/other.py");
  dir.Write("media/manage.py");
  dir.Write("tools/manage.py");
  dir.Write("tools/.gitignore", "manage.py\n");
  dir.Write("myenv/pyvenv.cfg", "home = /usr/bin\n");
  dir.Write("myenv/lib/x.py");
  dir.Write("build/lib/x.py");
  dir.Write("legacy/old.py");
  dir.Write("docs/notes.txt");
  dir.Symlink("../app/models.py", "links/alias.py");
  dir.Symlink("missing.py", "links/dangling.py");
  dir.Symlink("notes.txt", "docs/readme.txt");
  std::string deep = "deep";
  for (int i = 0; i < 8; ++i) {
    deep += "/d" + std::to_string(i);
    dir.Write(deep + "/m.py");
  }
  for (int i = 0; i < 12; ++i) dir.Write("app" + std::to_string(i) + "/sub/views.py");
  TrackInIndex(dir.str(), {"generated/kept.py"});
}

void ExpectSame(const Discovery& got, const Discovery& want, const std::string& what) {
  EXPECT_EQ(Paths(got), Paths(want)) << what;
  EXPECT_EQ(got.files, want.files) << what;
  EXPECT_EQ(got.markers, want.markers) << what;
  EXPECT_EQ(Diags(got), Diags(want)) << what;
}

TEST(ListingMemo, AWalkWithTheMemoFindsWhatAWalkWithoutItFinds) {
  TempDir dir;
  LayOutProject(dir);
  AgeTree(dir.path());
  FolderListing first;
  const Discovery fresh = Discover(dir.str(), Options(1, nullptr), &first);
  ASSERT_FALSE(first.folders.empty());
  EXPECT_EQ(Paths(fresh).size(), 1u + 1u + 1u + 8u + 12u);  // app, generated/kept, manage.py
  EXPECT_EQ(fresh.markers,
            (std::vector<std::string>{"manage.py", "pyproject.toml", "tools/manage.py"}));
  for (int walkers : {1, 2, 3}) {
    FolderListing again;
    WalkCounts counts;
    const Discovery remembered = Discover(dir.str(), Options(walkers, &first), &again, &counts);
    ExpectSame(remembered, fresh, "walkers " + std::to_string(walkers));
    EXPECT_EQ(again, first) << walkers;  // nothing changed: the memo stays as it was
    // No folder listed again, and the ignore rules not even read.
    EXPECT_EQ(counts.folders_listed, 0) << walkers;
    EXPECT_EQ(counts.folders_remembered, static_cast<int>(first.folders.size())) << walkers;
    EXPECT_FALSE(counts.ignore_rules_read) << walkers;
  }
  // And it was used: a file slipped into a folder whose stamp holds is not
  // seen, in a folder of a few entries (looked up from the root) and in one
  // of many (held open by path).
  SlipIn(dir, "app/unseen.py");
  SlipIn(dir, "unseen_at_the_root.py");
  EXPECT_EQ(Discover(dir.str(), Options(2, &first)).files, fresh.files);
  EXPECT_EQ(Discover(dir.str(), Options(2, nullptr)).files.size(), fresh.files.size() + 2);
}

TEST(ListingMemo, WhatChangedIsSeen) {
  TempDir dir;
  LayOutProject(dir);
  AgeTree(dir.path());
  FolderListing memo;
  (void)Discover(dir.str(), Options(1, nullptr), &memo);

  dir.Write("app/added.py");                          // a folder's stamp moves
  fs::remove_all(dir.path() / "deep/d0/d1/d2");       // a folder goes
  dir.Write("app3/sub/views.py", std::string(150, '#'));  // a file grows past the limit
  dir.Write("build/__init__.py");                     // a skipped folder becomes a package
  dir.Write("myenv/pyvenv.cfg.bak");                  // beside pyvenv.cfg: still a virtualenv
  dir.Symlink("../app", "links/folder");              // a link to a folder, named
  for (int walkers : {1, 2}) {
    FolderListing next;
    const Discovery got = Discover(dir.str(), Options(walkers, &memo), &next);
    FolderListing unused;
    ExpectSame(got, Discover(dir.str(), Options(walkers, nullptr), &unused),
               "walkers " + std::to_string(walkers));
    const std::vector<std::string> paths = Paths(got);
    EXPECT_NE(std::find(paths.begin(), paths.end(), "app/added.py"), paths.end());
    EXPECT_NE(std::find(paths.begin(), paths.end(), "build/lib/x.py"), paths.end());
    EXPECT_EQ(std::find(paths.begin(), paths.end(), "deep/d0/d1/d2/m.py"), paths.end());
    EXPECT_EQ(std::find(paths.begin(), paths.end(), "app3/sub/views.py"), paths.end());
  }
}

// An editor saves by renaming a new file over the old one: the folder is
// listed again, but what the ignore rules said of the names it still holds
// stands, so they are not read. A new name is asked.
TEST(ListingMemo, AnEditorSaveListsOneFolderAndAsksNoRules) {
  TempDir dir;
  LayOutProject(dir);
  AgeTree(dir.path());
  FolderListing memo;
  (void)Discover(dir.str(), Options(1, nullptr), &memo);
  dir.Write("app/models.py.tmp", "class Saved: pass\n");
  fs::rename(dir.path() / "app/models.py.tmp", dir.path() / "app/models.py");
  dir.Write("app/scratch.py", "still ignored\n");  // in place, as most tools write
  for (int walkers : {1, 2}) {
    WalkCounts counts;
    FolderListing next;
    const Discovery saved = Discover(dir.str(), Options(walkers, &memo), &next, &counts);
    ExpectSame(saved, Discover(dir.str(), Options(walkers, nullptr)), "after a save");
    EXPECT_EQ(counts.folders_listed, 1) << walkers;
    EXPECT_FALSE(counts.ignore_rules_read) << walkers;
    const std::vector<std::string> paths = Paths(saved);
    EXPECT_EQ(std::find(paths.begin(), paths.end(), "app/scratch.py"), paths.end());
    EXPECT_EQ(std::find(paths.begin(), paths.end(), "app/settings_local.py"), paths.end());
  }
  dir.Write("app/other_local.py");  // a new name: the rules are asked (and ignore it)
  dir.Write("app/views.py");
  WalkCounts counts;
  const Discovery added = Discover(dir.str(), Options(2, &memo), nullptr, &counts);
  ExpectSame(added, Discover(dir.str(), Options(2, nullptr)), "after adding");
  EXPECT_TRUE(counts.ignore_rules_read);
  const std::vector<std::string> paths = Paths(added);
  EXPECT_NE(std::find(paths.begin(), paths.end(), "app/views.py"), paths.end());
  EXPECT_EQ(std::find(paths.begin(), paths.end(), "app/other_local.py"), paths.end());
}

TEST(ListingMemo, IgnoreRulesThatChangedAreReadAgain) {
  TempDir dir;
  LayOutProject(dir);
  auto has = [](const Discovery& d, const std::string& path) {
    const std::vector<std::string> paths = Paths(d);
    return std::find(paths.begin(), paths.end(), path) != paths.end();
  };
  // Each change alone, against a memo of the tree just before it.
  FolderListing memo;
  auto remember = [&] {
    AgeTree(dir.path());
    return Discover(dir.str(), Options(1, nullptr), &memo);
  };
  const Discovery before = remember();
  ASSERT_FALSE(has(before, "app/scratch.py"));
  ASSERT_FALSE(has(before, "generated/other.py"));
  ASSERT_TRUE(has(before, "app0/sub/views.py"));
  ASSERT_TRUE(has(before, "deep/d0/m.py"));

  // A .gitignore's content, in a folder whose own stamp holds.
  dir.Write("app/.gitignore", "nothing.py\n");
  SetMtime(dir.path() / "app/.gitignore", 60);
  EXPECT_TRUE(has(Discover(dir.str(), Options(2, &memo)), "app/scratch.py"));

  // A .gitignore added to a folder, with a rule for a folder below it whose
  // own stamp holds.
  remember();
  dir.Write("app0/.gitignore", "views.py\n");
  SetMtime(dir.path() / "app0/.gitignore", 60);
  SetMtime(dir.path() / "app0", 60);
  EXPECT_FALSE(has(Discover(dir.str(), Options(2, &memo)), "app0/sub/views.py"));

  // The repository's own excludes.
  remember();
  dir.Write(".git/info/exclude", "deep/\n");
  SetMtime(dir.path() / ".git/info/exclude", 60);
  EXPECT_FALSE(has(Discover(dir.str(), Options(2, &memo)), "deep/d0/m.py"));

  // A file the index starts to track, under an ignored folder.
  remember();
  TrackInIndex(dir.str(), {"generated/kept.py", "generated/other.py"});
  SetMtime(dir.path() / ".git/index", 60);
  EXPECT_TRUE(has(Discover(dir.str(), Options(2, &memo)), "generated/other.py"));
}

TEST(ListingMemo, AnIndexWrittenAgainWithTheSameFilesKeepsTheMemo) {
  TempDir dir;
  LayOutProject(dir);
  AgeTree(dir.path());
  FolderListing memo;
  const Discovery before = Discover(dir.str(), Options(1, nullptr), &memo);
  TrackInIndex(dir.str(), {"generated/kept.py"});  // a new index, the same tracked files
  SetMtime(dir.path() / ".git/index", 60);
  SlipIn(dir, "app/unseen.py");
  FolderListing next;
  EXPECT_EQ(Discover(dir.str(), Options(2, &memo), &next).files, before.files);
  EXPECT_NE(next.index.stamp, memo.index.stamp);  // the new index is recorded
  EXPECT_EQ(next.tracked_digest, memo.tracked_digest);
}

TEST(ListingMemo, AFolderChangedWithinTheRacyWindowIsListedAgain) {
  TempDir dir;
  LayOutProject(dir);
  AgeTree(dir.path());
  dir.Write("app/recent.py");  // the folder's stamp is now, too close to trust
  FolderListing memo;
  const Discovery before = Discover(dir.str(), Options(1, nullptr), &memo);
  SlipIn(dir, "app/unseen.py");
  const Discovery after = Discover(dir.str(), Options(1, &memo));
  EXPECT_EQ(after.files.size(), before.files.size() + 1);
}

TEST(ListingMemo, WithoutARepositoryTheMemoStillServesAndAGitInitIsSeen) {
  TempDir dir;
  dir.Write("app/models.py");
  dir.Write("app/scratch.py");
  dir.Write(".gitignore", "scratch.py\n");
  AgeTree(dir.path());
  FolderListing memo;
  const Discovery before = Discover(dir.str(), Options(1, nullptr), &memo);
  EXPECT_EQ(Paths(before), (std::vector<std::string>{"app/models.py", "app/scratch.py"}));
  SlipIn(dir, "app/unseen.py");
  EXPECT_EQ(Discover(dir.str(), Options(1, &memo)).files, before.files);
  InitGitRepo(dir.str());  // the .gitignore now applies
  EXPECT_EQ(Paths(Discover(dir.str(), Options(1, &memo))),
            (std::vector<std::string>{"app/models.py", "app/unseen.py"}));
}

}  // namespace
}  // namespace djcost
