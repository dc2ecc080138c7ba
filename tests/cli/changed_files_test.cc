// Changed-files mode (--since REV --facts-cache FILE) against a full scan, on a
// git repository built at test time from the bookshop fixture: committed,
// staged, unstaged, untracked and deleted changes since REV.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "cli/ci_fixture.h"

namespace djcost {
namespace {

using testing::ApplyHeadRevision;
using testing::CopyBookshop;
using testing::RunCi;
using testing::TempDir;

// Runs a git command in `repo`; an identity is given so no global config is needed.
void Git(const std::string& repo, const std::string& args) {
  std::string command = "git -C '" + repo +
                        "' -c user.name=djcost-test -c user.email=test@example.invalid "
                        "-c commit.gpgsign=false " + args + " >/dev/null 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
}

std::string Json(const std::vector<std::string>& args) {
  auto r = RunCi(args);
  EXPECT_EQ(r.code, 0) << r.err;
  return r.out;
}

class ChangedFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    repo_ = CopyBookshop(dir_, "repo");
    cache_ = (dir_.path() / "facts.bin").string();
    Git(repo_, "init -q");
    Git(repo_, "add -A");
    Git(repo_, "commit -q -m base");
    Git(repo_, "tag base");
  }
  std::string Full() { return Json({repo_, "--no-cache", "--format", "json"}); }
  std::string Since(const std::string& rev) {
    return Json({repo_, "--since", rev, "--facts-cache", cache_, "--format", "json"});
  }
  TempDir dir_;
  std::string repo_, cache_;
};

TEST_F(ChangedFiles, EqualsAFullScanAfterEveryKindOfChange) {
  // The cache is written by a scan of the base revision.
  std::string base = Json({repo_, "--facts-cache", cache_, "--format", "json"});
  EXPECT_TRUE(std::filesystem::exists(cache_));
  EXPECT_EQ(base, Full());
  // Committed: the head revision's views and urls. Staged: its models.
  // Unstaged: its signals. Untracked: a new module. Deleted: pages/forms.py.
  ApplyHeadRevision(repo_);
  Git(repo_, "add reviews/views.py reviews/urls.py");
  Git(repo_, "commit -q -m head");
  Git(repo_, "add reviews/models.py");
  dir_.Write("repo/reviews/extra.py",
             "from django.db import models\n\nclass Badge(models.Model):\n"
             "    name = models.CharField(max_length=20)\n");
  std::filesystem::remove(std::filesystem::path(repo_) / "pages/forms.py");
  std::string full = Full();
  EXPECT_NE(full, base);
  EXPECT_EQ(Since("base"), full);
  // The cache now holds the head: a second run since the base gives the same.
  EXPECT_EQ(Since("base"), full);
}

TEST_F(ChangedFiles, FilesUnchangedSinceTheRevisionAreNotRead) {
  // A cache written while models.py held a different class name of the same
  // size, then the file restored: git sees no change, so its cached facts are
  // used as they are. This is the contract: FILE must come from a scan of REV.
  std::filesystem::path models = std::filesystem::path(repo_) / "reviews/models.py";
  std::string original = dir_.Read("repo/reviews/models.py");
  std::string renamed = original;
  renamed.replace(renamed.find("class FlaggedReview("), 20, "class FlaggedRevieX(");
  dir_.Write("repo/reviews/models.py", renamed);
  Json({repo_, "--facts-cache", cache_, "--format", "json"});
  dir_.Write("repo/reviews/models.py", original);
  std::string stale = Since("base");
  EXPECT_NE(stale.find("reviews.models.FlaggedRevieX"), std::string::npos);
  // Without --since every file is checked, and the scan is exact again.
  EXPECT_EQ(Json({repo_, "--facts-cache", cache_, "--format", "json"}), Full());
}

TEST_F(ChangedFiles, ScanRootBelowTheRepositoryRoot) {
  // The repository holds the project in a subfolder: paths are made relative to the scan root.
  TempDir outer;
  std::string project = CopyBookshop(outer, "mono/services/shop");
  std::string mono = (outer.path() / "mono").string();
  std::string cache = (outer.path() / "facts.bin").string();
  Git(mono, "init -q");
  Git(mono, "add -A");
  Git(mono, "commit -q -m base");
  Json({project, "--facts-cache", cache, "--format", "json"});
  ApplyHeadRevision(project);
  EXPECT_EQ(Json({project, "--since", "HEAD", "--facts-cache", cache, "--format", "json"}),
            Json({project, "--no-cache", "--format", "json"}));
}

TEST_F(ChangedFiles, ErrorsExitTwo) {
  auto no_cache = RunCi({repo_, "--since", "base"});
  EXPECT_EQ(no_cache.code, kExitUsage);
  EXPECT_EQ(no_cache.err,
            "djcost: error: --since needs --facts-cache FILE (the facts of the files that did "
            "not change)\n");
  auto bad_rev = RunCi({repo_, "--since", "no-such-rev", "--facts-cache", cache_});
  EXPECT_EQ(bad_rev.code, kExitUsage);
  EXPECT_EQ(bad_rev.err.rfind("djcost: error: --since no-such-rev: not a revision of " + repo_, 0),
            0u)
      << bad_rev.err;
  TempDir plain;
  std::string not_git = CopyBookshop(plain, "repo");
  auto outside = RunCi({not_git, "--since", "HEAD", "--facts-cache", cache_});
  EXPECT_EQ(outside.code, kExitUsage);
  EXPECT_EQ(outside.err, "djcost: error: --since: " + not_git + " is not inside a git work tree\n");
}

}  // namespace
}  // namespace djcost
