// Scans through the fact cache give the cold result: warm with nothing changed
// (and nothing parsed), after one changed file, after a same-size edit within
// the stamp's clock tick, and with a damaged cache. The cache never lands in
// the scanned repository.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cache/cache_location.h"
#include "cache/byte_stream.h"
#include "cache/fact_cache.h"
#include "cache/link_memo.h"
#include "cache/report_memo.h"
#include "cli/extract_cached.h"
#include "cli/run.h"
#include "discover/discover.h"
#include "discover/django_pin.h"
#include "rules/load_rules.h"
#include "support/temp_dir.h"
#include "util/mapped_file.h"

namespace djcost {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

struct Result {
  int code = -1;
  std::string out;
  std::string err;
};

Result RunDjcost(std::vector<std::string> args) {
  args.insert(args.begin(), "djcost");
  std::ostringstream out, err;
  Result r;
  r.code = Run(args, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

// A fixture repository, copied, with every file and folder an hour old so
// stamps are trusted (the fact cache's and the folder listing memo's).
std::string CopyFixture(const TempDir& dir, const std::string& fixture) {
  fs::path repo = dir.path() / "repo";
  fs::copy(fs::path(DJCOST_SOURCE_DIR) / fixture, repo, fs::copy_options::recursive);
  auto old = fs::file_time_type::clock::now() - std::chrono::hours(1);
  for (const auto& e : fs::recursive_directory_iterator(repo)) fs::last_write_time(e.path(), old);
  fs::last_write_time(repo, old);
  return repo.string();
}

std::string CopyBookshop(const TempDir& dir) {
  return CopyFixture(dir, "fixtures/projects/bookshop/repo");
}

std::vector<std::string> Listing(const fs::path& root) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root)) out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

// The one fact cache file in `dir` (beside it: its link memo, "<file>.link",
// its folder listing memo, "<file>.list", and its report memo, "<file>.report").
std::string OnlyCacheFile(const fs::path& dir) {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".facts") {
      files.push_back(e.path().string());
    } else {
      const std::string ext = e.path().extension().string();
      EXPECT_TRUE(ext == ".link" || ext == ".list" || ext == ".report") << e.path();
    }
  }
  EXPECT_EQ(files.size(), 1u);
  return files.empty() ? "" : files[0];
}

void Append(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::app) << text;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(WarmScan, ColdWarmAndOneChangedFileGiveTheColdResult) {
  TempDir dir;
  std::string repo = CopyBookshop(dir);
  std::string cache = (dir.path() / "cache").string();
  std::vector<std::string> before = Listing(repo);

  Result cold = RunDjcost({repo, "--format", "json", "--no-cache"});
  ASSERT_EQ(cold.code, 0) << cold.err;
  EXPECT_FALSE(fs::exists(cache));
  Result filling = RunDjcost({repo, "--format", "json", "--cache-dir", cache});
  ASSERT_EQ(filling.code, 0) << filling.err;
  EXPECT_EQ(filling.out, cold.out);
  Result warm = RunDjcost({repo, "--format", "json", "--cache-dir", cache});
  EXPECT_EQ(warm.out, cold.out);
  EXPECT_EQ(Listing(repo), before);  // nothing written into the repository

  // The warm scan took every file from the cache by its stamp: no parse at all.
  RuleSet rules = DefaultRuleSet();
  Discovery discovery = Discover(repo, DiscoverOptions{});
  FactCacheUse use{OnlyCacheFile(cache), FactCacheKey(rules.version), nullptr, {}, {}};
  Extraction extraction = ExtractWithCache(repo, discovery.files, 2, use, nullptr);
  EXPECT_EQ(extraction.from_cache, discovery.files.size());
  EXPECT_TRUE(extraction.diagnostics.empty());

  // One changed file: a new model. Same answer as a cold scan of the changed tree.
  Append(repo + "/catalog/models.py",
         "\n\nclass Shelf(models.Model):\n    label = models.CharField(max_length=20)\n");
  Result changed_cold = RunDjcost({repo, "--format", "json", "--no-cache"});
  ASSERT_EQ(changed_cold.code, 0) << changed_cold.err;
  EXPECT_NE(changed_cold.out, cold.out);
  Result changed_warm = RunDjcost({repo, "--format", "json", "--cache-dir", cache});
  EXPECT_EQ(changed_warm.out, changed_cold.out);
  extraction = ExtractWithCache(repo, discovery.files, 2, use, nullptr);
  EXPECT_EQ(extraction.from_cache, discovery.files.size());
}

// The cache holds a test file nothing imports unparsed; once the project
// imports it, a warm scan parses it (its syntax error appears), and once the
// import goes again, the cached parse is forgotten.
TEST(WarmScan, ATestFileTheProjectStartsToImportIsParsed) {
  TempDir dir;
  std::string repo = CopyFixture(dir, "fixtures/patterns/tests/reach/repo");
  std::string cache = (dir.path() / "cache").string();
  const std::string urls = repo + "/site_conf/urls.py";
  const std::string original = ReadAll(urls);
  Result cold = RunDjcost({repo, "--format", "json", "--no-cache"});
  ASSERT_EQ(cold.code, 0) << cold.err;
  EXPECT_EQ(cold.out.find("test_broken.py"), std::string::npos);
  EXPECT_EQ(RunDjcost({repo, "--format", "json", "--cache-dir", cache}).out, cold.out);

  Append(urls, "from desk.tests import test_broken  # noqa\n");
  Result imported_cold = RunDjcost({repo, "--format", "json", "--no-cache"});
  EXPECT_NE(imported_cold.out.find("\"desk/tests/test_broken.py\""), std::string::npos);
  EXPECT_EQ(RunDjcost({repo, "--format", "json", "--cache-dir", cache}).out, imported_cold.out);

  std::ofstream(urls, std::ios::trunc) << original;
  EXPECT_EQ(RunDjcost({repo, "--format", "json", "--cache-dir", cache}).out, cold.out);
  EXPECT_EQ(RunDjcost({repo, "--format", "json", "--cache-dir", cache}).out, cold.out);
}

TEST(WarmScan, ASameSizeEditInTheSameClockTickIsSeen) {
  TempDir dir;
  std::string repo = CopyBookshop(dir);
  std::string cache = (dir.path() / "cache").string();
  // Just written: its stamp is too recent to trust, so its hash is kept instead.
  std::string models = repo + "/catalog/models.py";
  Append(models, "\nLIMIT = 10\n");
  auto mtime = fs::last_write_time(models);
  ASSERT_EQ(RunDjcost({repo, "--format", "json", "--cache-dir", cache}).code, 0);
  std::string text;
  {
    std::ifstream in(models);
    std::stringstream s;
    s << in.rdbuf();
    text = s.str();
  }
  // Same size, same mtime, different bytes: a new model instead of a constant.
  size_t at = text.rfind("LIMIT = 10");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 10, "LIMIT = 99");
  std::ofstream(models, std::ios::trunc) << text;
  fs::last_write_time(models, mtime);
  Result cold = RunDjcost({repo, "--format", "json", "--no-cache"});
  Result warm = RunDjcost({repo, "--format", "json", "--cache-dir", cache});
  EXPECT_EQ(warm.out, cold.out);
  // The hash is what matched or not: prove the edit was read, via the facts.
  RuleSet rules = DefaultRuleSet();
  Discovery discovery = Discover(repo, DiscoverOptions{});
  Extraction extraction = ExtractWithCache(
      repo, discovery.files, 1, FactCacheUse{OnlyCacheFile(cache), FactCacheKey(rules.version), nullptr, {}, {}},
      nullptr);
  bool seen = false;
  for (const FileFacts& f : extraction.facts) {
    for (const Assignment& a : f.assignments) {
      if (a.target == "LIMIT") seen = a.value.text == "99";
    }
  }
  EXPECT_TRUE(seen);
}

TEST(WarmScan, ADamagedCacheIsIgnoredWithADiagnosticThenRewritten) {
  TempDir dir;
  std::string repo = CopyBookshop(dir);
  std::string cache = (dir.path() / "cache").string();
  Result cold = RunDjcost({repo, "--format", "json", "--no-cache"});
  ASSERT_EQ(RunDjcost({repo, "--format", "json", "--cache-dir", cache}).code, 0);
  std::string file = OnlyCacheFile(cache);
  fs::resize_file(file, fs::file_size(file) / 2);
  Result damaged = RunDjcost({repo, "--format", "json", "--cache-dir", cache});
  ASSERT_EQ(damaged.code, 0) << damaged.err;
  EXPECT_NE(damaged.out.find("\"cache-ignored\""), std::string::npos);
  Result again = RunDjcost({repo, "--format", "json", "--cache-dir", cache});
  EXPECT_EQ(again.out, cold.out);
}

TEST(WarmScan, DefaultsToTheUserCacheDirectoryAndNoCacheWritesNothing) {
  TempDir dir;
  std::string repo = CopyBookshop(dir);
  std::string xdg = (dir.path() / "xdg").string();
  const char* saved = std::getenv("XDG_CACHE_HOME");
  std::string saved_value = saved ? saved : "";
  ::setenv("XDG_CACHE_HOME", xdg.c_str(), 1);
  ASSERT_EQ(RunDjcost({repo, "--no-cache"}).code, 0);
  EXPECT_FALSE(fs::exists(xdg));
  ASSERT_EQ(RunDjcost({repo}).code, 0);
  std::string file = OnlyCacheFile(fs::path(xdg) / "djcost");
  EXPECT_EQ(fs::path(file).filename().string().rfind("repo-", 0), 0u) << file;
  // A default folder inside the repository is not used.
  ::setenv("XDG_CACHE_HOME", (repo + "/.cache").c_str(), 1);
  std::vector<std::string> before = Listing(repo);
  ASSERT_EQ(RunDjcost({repo}).code, 0);
  EXPECT_EQ(Listing(repo), before);
  if (saved) {
    ::setenv("XDG_CACHE_HOME", saved_value.c_str(), 1);
  } else {
    ::unsetenv("XDG_CACHE_HOME");
  }
}

// The link memo: a warm scan of an unchanged tree neither decodes facts nor
// links, and every way the memo can be wrong costs a link, never a report.
TEST(WarmScan, TheLinkMemoAnswersOnlyForTheSameInputs) {
  TempDir dir;
  std::string repo = CopyBookshop(dir);
  std::string cache = (dir.path() / "cache").string();
  Result cold = RunDjcost({repo, "--format", "json", "--no-cache"});
  ASSERT_EQ(cold.code, 0) << cold.err;
  ASSERT_EQ(RunDjcost({repo, "--format", "json", "--cache-dir", cache}).code, 0);
  std::string facts_file = OnlyCacheFile(cache);
  std::string memo = LinkMemoPath(facts_file);
  ASSERT_TRUE(fs::exists(memo));

  // Unchanged: the extraction asks about the digest and skips the facts.
  RuleSet rules = DefaultRuleSet();
  Discovery discovery = Discover(repo, DiscoverOptions{});
  rules.django = FindDjangoRelease(repo, discovery.markers);
  FactCacheUse use{facts_file, FactCacheKey(rules.version), nullptr, {}, {}};
  std::uint64_t asked = 0;
  use.link_result_known = [&](std::uint64_t inputs) {
    asked = inputs;
    return true;
  };
  Extraction skipped = ExtractWithCache(repo, discovery.files, 2, use, nullptr);
  EXPECT_TRUE(skipped.facts_skipped);
  EXPECT_TRUE(skipped.facts.empty());
  EXPECT_NE(asked, 0u);
  Inventory remembered;
  EXPECT_TRUE(LoadLinkMemo(memo, LinkMemoKey(rules), asked, &remembered));
  EXPECT_FALSE(LoadLinkMemo(memo, LinkMemoKey(rules), asked + 1, &remembered));
  RuleSet other = rules;
  other.version = "other rules";
  EXPECT_FALSE(LoadLinkMemo(memo, LinkMemoKey(other), asked, &remembered));
  other = rules;
  other.django = *ParseSpecifier("==5.0");
  EXPECT_FALSE(LoadLinkMemo(memo, LinkMemoKey(other), asked, &remembered));
  // A caller without the result gets every file's facts, as without a memo.
  use.link_result_known = [](std::uint64_t) { return false; };
  Extraction decoded = ExtractWithCache(repo, discovery.files, 2, use, nullptr);
  EXPECT_FALSE(decoded.facts_skipped);
  EXPECT_EQ(decoded.facts.size(), discovery.files.size());
  EXPECT_EQ(decoded.link_inputs, asked);
  Result warm = RunDjcost({repo, "--format", "json", "--cache-dir", cache});
  EXPECT_EQ(warm.out, cold.out);

  // A damaged memo is a link, not an error, and is rewritten (with no report
  // memo to answer first).
  fs::resize_file(memo, fs::file_size(memo) / 2);
  {
    // Its head still names these inputs, which is all a scan reads before it
    // skips the facts; only the whole, read when it is taken, fails its checksum.
    MappedFile half;
    std::string why;
    std::string_view encoded;
    ASSERT_TRUE(half.Open(memo, &why)) << why;
    EXPECT_TRUE(LinkMemoNames(half.bytes(), LinkMemoKey(rules), asked));
    EXPECT_FALSE(LinkMemoNames(half.bytes(), LinkMemoKey(rules), asked + 1));
    EXPECT_FALSE(LinkMemoNames(half.bytes(), LinkMemoKey(other), asked));
    EXPECT_FALSE(MatchLinkMemo(half.bytes(), LinkMemoKey(rules), asked, &encoded));
  }
  fs::remove(ReportMemoPath(facts_file));
  Result damaged = RunDjcost({repo, "--format", "json", "--cache-dir", cache});
  EXPECT_EQ(damaged.out, cold.out);
  EXPECT_TRUE(LoadLinkMemo(memo, LinkMemoKey(rules), asked, &remembered));
  // One intact and for these inputs, whose Inventory does not decode: the
  // facts are read and linked after all.
  std::string undecodable = StartCacheFile("DJCOSTLM", 0);
  ByteWriter(&undecodable).String(LinkMemoKey(rules));
  ByteWriter(&undecodable).Fixed64(asked);
  undecodable += "not an inventory";
  SealCacheFile("DJCOSTLM", &undecodable);
  std::ofstream(memo, std::ios::binary | std::ios::trunc) << undecodable;
  fs::remove(ReportMemoPath(facts_file));
  EXPECT_EQ(RunDjcost({repo, "--format", "json", "--cache-dir", cache}).out, cold.out);
  EXPECT_TRUE(LoadLinkMemo(memo, LinkMemoKey(rules), asked, &remembered));  // written again
  // The memo of another tree does not answer for this one, even with the same
  // file names: a changed file changes the digest.
  fs::copy_file(memo, dir.path() / "saved.link");
  Append(repo + "/catalog/models.py",
         "\n\nclass Shelf(models.Model):\n    label = models.CharField(max_length=20)\n");
  Result changed_cold = RunDjcost({repo, "--format", "json", "--no-cache"});
  ASSERT_EQ(changed_cold.code, 0) << changed_cold.err;
  Result changed = RunDjcost({repo, "--format", "json", "--cache-dir", cache});
  EXPECT_EQ(changed.out, changed_cold.out);
  fs::copy_file(dir.path() / "saved.link", memo, fs::copy_options::overwrite_existing);
  Result stale = RunDjcost({repo, "--format", "json", "--cache-dir", cache});
  EXPECT_EQ(stale.out, changed_cold.out);
}

// The pinned Django release is an input of Link that no Python file holds: a
// warm scan after a requirements file changes links again.
TEST(WarmScan, ANewDjangoPinIsNotAnsweredByTheMemo) {
  TempDir dir;
  std::string repo = CopyBookshop(dir);
  std::string cache = (dir.path() / "cache").string();
  ASSERT_EQ(RunDjcost({repo, "--format", "json", "--cache-dir", cache}).code, 0);
  for (const std::string pin : {"Django==5.0.4\n", "Django>=4.2,<5.0\n"}) {
    std::ofstream(repo + "/requirements.txt") << pin;
    Result cold = RunDjcost({repo, "--format", "json", "--no-cache"});
    ASSERT_EQ(cold.code, 0) << cold.err;
    EXPECT_NE(cold.out.find("\"django_source\": \"requirements.txt:1\""), std::string::npos);
    Result warm = RunDjcost({repo, "--format", "json", "--cache-dir", cache});
    EXPECT_EQ(warm.out, cold.out) << pin;
  }
}

// The JSON report of a scan of `repo` on `jobs` threads, through the cache in
// folder `cache`, or with none when it is empty; the scan must succeed.
std::string ScanReport(const std::string& repo, const char* jobs, const std::string& cache) {
  std::vector<std::string> args = {repo, "--format", "json", "--jobs", jobs};
  if (cache.empty()) {
    args.push_back("--no-cache");
  } else {
    args.insert(args.end(), {"--cache-dir", cache});
  }
  Result r = RunDjcost(args);
  EXPECT_EQ(r.code, 0) << r.err;
  return r.out;
}

// What ExtractWithCache asks of the memo after the tree's last change, on a
// copy of the cache (it rewrites the cache it reads): the paths of the shifts
// it asked about, or none when it was not asked.
struct Asked {
  bool shift_asked = false;
  std::vector<std::string> shifted;
  bool facts_decoded = false;
};

Asked AskOnACopy(const std::string& repo, const std::string& cache, const fs::path& scratch) {
  fs::remove_all(scratch);
  fs::copy(cache, scratch, fs::copy_options::recursive);
  RuleSet rules = DefaultRuleSet();
  Discovery discovery = Discover(repo, DiscoverOptions{});
  FactCacheUse use{OnlyCacheFile(scratch), FactCacheKey(rules.version), nullptr, {}, {}};
  Asked asked;
  use.link_result_known = [](std::uint64_t) { return false; };
  use.link_result_shifted = [&](std::uint64_t, const std::vector<LineShift>& shifts) {
    asked.shift_asked = true;
    for (const LineShift& s : shifts) asked.shifted.push_back(s.path());
    return false;
  };
  Extraction e = ExtractWithCache(repo, discovery.files, 2, use, nullptr);
  asked.facts_decoded = e.facts.size() == discovery.files.size();
  return asked;
}

// An edit that only moves lines (cache/line_shift.h) is answered by shifting
// the remembered Inventory, without decoding the other files or linking; a
// touched file by the memo as it is; any other edit by Link. Every report is
// the cold scan's of the same tree, and so is the next warm scan's.
TEST(WarmScan, AnEditThatOnlyMovesLinesShiftsTheRememberedInventory) {
  for (const char* jobs : {"1", "2"}) {
    SCOPED_TRACE(std::string("--jobs ") + jobs);
    TempDir dir;
    std::string repo = CopyBookshop(dir);
    std::string cache = (dir.path() / "cache").string();
    fs::path scratch = dir.path() / "scratch";
    auto scan = [&](const char* cache_flag) {
      return ScanReport(repo, jobs, cache_flag == nullptr ? "" : cache);
    };
    std::string before = scan("cache");

    std::string views = repo + "/catalog/views.py";
    std::string text = ReadAll(views);
    std::ofstream(views, std::ios::trunc) << "# moved down\n\n" << text << "# end\n";
    Asked asked = AskOnACopy(repo, cache, scratch);
    EXPECT_EQ(asked.shifted, std::vector<std::string>{"catalog/views.py"});
    std::string moved_cold = scan(nullptr);
    EXPECT_NE(moved_cold, before);  // the views' lines moved in the report
    EXPECT_EQ(scan("cache"), moved_cold);
    EXPECT_EQ(scan("cache"), moved_cold);

    // Touched, same bytes: asked with no shift at all.
    fs::last_write_time(views, fs::file_time_type::clock::now() - std::chrono::minutes(30));
    asked = AskOnACopy(repo, cache, scratch);
    EXPECT_TRUE(asked.shift_asked);
    EXPECT_TRUE(asked.shifted.empty());
    EXPECT_EQ(scan("cache"), moved_cold);

    // A helper nothing names yet: the remembered Inventory, shifted, once no
    // other file is seen to write its name.
    Append(views, "\n\ndef shelf_label(code, prefix='B'):\n    return prefix + code\n");
    asked = AskOnACopy(repo, cache, scratch);
    EXPECT_EQ(asked.shifted, std::vector<std::string>{"catalog/views.py"});
    std::string helper_cold = scan(nullptr);
    EXPECT_NE(helper_cold, moved_cold);  // the file's line counts
    EXPECT_EQ(scan("cache"), helper_cold);
    EXPECT_EQ(scan("cache"), helper_cold);

    // A new view function is more than a move: not asked, every file decoded.
    Append(views, "\n\ndef ping(request):\n    return HttpResponse('pong')\n");
    asked = AskOnACopy(repo, cache, scratch);
    EXPECT_FALSE(asked.shift_asked);
    EXPECT_TRUE(asked.facts_decoded);
    std::string new_view_cold = scan(nullptr);
    EXPECT_EQ(scan("cache"), new_view_cold);
    EXPECT_EQ(scan("cache"), new_view_cold);
  }
}

// Files past RLIMIT_FSIZE cannot be written, by root either: while it lives,
// every cache file a scan writes fails with EFBIG (SIGXFSZ ignored meanwhile).
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    ::getrlimit(RLIMIT_FSIZE, &saved_);
    rlimit limit = saved_;
    limit.rlim_cur = bytes;
    ::setrlimit(RLIMIT_FSIZE, &limit);
    saved_signal_ = std::signal(SIGXFSZ, SIG_IGN);
  }
  ~FileSizeLimit() {
    ::setrlimit(RLIMIT_FSIZE, &saved_);
    std::signal(SIGXFSZ, saved_signal_);
  }

 private:
  rlimit saved_{};
  void (*saved_signal_)(int) = nullptr;
};

// A fact cache that cannot be written is named in the report, whether the scan
// read the files or shifted the remembered Inventory (which writes the cache
// beside the estimate); the old cache stays and answers the next scan.
TEST(WarmScan, AFactCacheThatCannotBeWrittenIsNamed) {
  for (const char* jobs : {"1", "2"}) {
    SCOPED_TRACE(std::string("--jobs ") + jobs);
    TempDir dir;
    std::string repo = CopyBookshop(dir);
    std::string cache = (dir.path() / "cache").string();
    auto scan = [&](bool cached) { return ScanReport(repo, jobs, cached ? cache : ""); };
    const std::string warning = "\"cache-not-written\"";
    {
      FileSizeLimit limit(256);
      EXPECT_NE(scan(true).find(warning), std::string::npos);  // every file read
    }
    std::string before = scan(true);
    EXPECT_EQ(before.find(warning), std::string::npos);

    std::string views = repo + "/catalog/views.py";
    std::string text = ReadAll(views);
    std::ofstream(views, std::ios::trunc) << "# moved down\n\n" << text;
    Asked asked = AskOnACopy(repo, cache, dir.path() / "scratch");
    ASSERT_EQ(asked.shifted, std::vector<std::string>{"catalog/views.py"});
    std::string shifted;
    {
      FileSizeLimit limit(256);
      shifted = scan(true);
    }
    EXPECT_NE(shifted.find(warning), std::string::npos);
    std::string cold = scan(false);
    EXPECT_EQ(scan(true), cold);
    EXPECT_EQ(scan(true), cold);
  }
}

// With two threads the scan reads the cache beside discovery and writes the link
// memo beside the estimate; with one it does both in line. Same reports, same
// files, and a damaged cache is named either way.
TEST(WarmScan, OneThreadAndTwoReadAndWriteTheCachesAlike) {
  for (const char* jobs : {"1", "2"}) {
    SCOPED_TRACE(std::string("--jobs ") + jobs);
    TempDir dir;
    std::string repo = CopyBookshop(dir);
    std::string cache = (dir.path() / "cache").string();
    Result cold = RunDjcost({repo, "--format", "json", "--no-cache", "--jobs", jobs});
    ASSERT_EQ(cold.code, 0) << cold.err;
    ASSERT_EQ(RunDjcost({repo, "--format", "json", "--cache-dir", cache, "--jobs", jobs}).out,
              cold.out);
    std::string facts = OnlyCacheFile(cache);
    ASSERT_TRUE(fs::exists(LinkMemoPath(facts)));
    EXPECT_GT(fs::file_size(LinkMemoPath(facts)), 0u);
    EXPECT_EQ(RunDjcost({repo, "--format", "json", "--cache-dir", cache, "--jobs", jobs}).out,
              cold.out);

    Append(repo + "/catalog/models.py",
           "\n\nclass Shelf(models.Model):\n    label = models.CharField(max_length=20)\n");
    Result changed_cold = RunDjcost({repo, "--format", "json", "--no-cache", "--jobs", jobs});
    Result changed_warm = RunDjcost({repo, "--format", "json", "--cache-dir", cache, "--jobs", jobs});
    EXPECT_EQ(changed_warm.out, changed_cold.out);
    EXPECT_NE(changed_warm.out, cold.out);

    std::ofstream(facts, std::ios::binary | std::ios::trunc) << "not a cache";
    Result damaged = RunDjcost({repo, "--format", "json", "--cache-dir", cache, "--jobs", jobs});
    EXPECT_NE(damaged.out.find("cache-ignored"), std::string::npos);
    EXPECT_EQ(RunDjcost({repo, "--format", "json", "--cache-dir", cache, "--jobs", jobs}).out,
              changed_cold.out);
  }
}

// A file added or removed changes the file list the memo was keyed by: the
// scan links again, and each answer is the cold scan's of the same tree.
TEST(WarmScan, AnAddedOrRemovedFileIsNotAnsweredByTheMemo) {
  TempDir dir;
  std::string repo = CopyBookshop(dir);
  std::string cache = (dir.path() / "cache").string();
  ASSERT_EQ(RunDjcost({repo, "--format", "json", "--cache-dir", cache}).code, 0);
  std::string added = repo + "/catalog/extra_models.py";
  std::ofstream(added) << "from django.db import models\n\n\n"
                          "class Shelf(models.Model):\n    label = models.CharField(max_length=20)\n";
  auto old = fs::file_time_type::clock::now() - std::chrono::hours(1);
  fs::last_write_time(added, old);  // a trusted stamp, so only the file list can tell
  Result added_cold = RunDjcost({repo, "--format", "json", "--no-cache"});
  ASSERT_EQ(added_cold.code, 0) << added_cold.err;
  Result added_warm = RunDjcost({repo, "--format", "json", "--cache-dir", cache});
  EXPECT_EQ(added_warm.out, added_cold.out);
  EXPECT_EQ(RunDjcost({repo, "--format", "json", "--cache-dir", cache}).out, added_cold.out);
  fs::remove(added);
  Result removed_cold = RunDjcost({repo, "--format", "json", "--no-cache"});
  EXPECT_NE(removed_cold.out, added_cold.out);
  Result removed_warm = RunDjcost({repo, "--format", "json", "--cache-dir", cache});
  EXPECT_EQ(removed_warm.out, removed_cold.out);
}

// The folder listing memo is kept beside the fact cache from the first scan;
// a damaged one costs a full walk, never a report, and is written again.
TEST(WarmScan, TheFolderListingMemoIsKeptAndADamagedOneRewritten) {
  TempDir dir;
  std::string repo = CopyBookshop(dir);
  std::string cache = (dir.path() / "cache").string();
  Result cold = RunDjcost({repo, "--format", "json", "--no-cache"});
  ASSERT_EQ(cold.code, 0) << cold.err;
  ASSERT_EQ(RunDjcost({repo, "--format", "json", "--cache-dir", cache}).out, cold.out);
  const std::string list = OnlyCacheFile(cache) + ".list";
  ASSERT_TRUE(fs::exists(list));
  const std::string written = ReadAll(list);
  EXPECT_EQ(RunDjcost({repo, "--format", "json", "--cache-dir", cache}).out, cold.out);
  EXPECT_EQ(ReadAll(list), written);  // an unchanged tree: the same memo
  for (std::string damaged : {written.substr(0, written.size() / 2), std::string("DJCOSTLS"),
                              std::string(written.size(), 'x')}) {
    std::ofstream(list, std::ios::binary | std::ios::trunc) << damaged;
    Result warm = RunDjcost({repo, "--format", "json", "--cache-dir", cache});
    EXPECT_EQ(warm.out, cold.out);
    EXPECT_EQ(warm.err, "");
    EXPECT_EQ(ReadAll(list), written);
  }
}

// The key the report memo at `path` was written under (its first field).
std::string ReportMemoKeyIn(const std::string& path) {
  const std::string file = ReadAll(path);
  std::string_view body = std::string_view(file).substr(16);  // magic and checksum
  ByteReader r(body);
  return r.String();
}

// The report memo: a scan of unchanged inputs writes what the memo holds, in
// either format, to a file or standard output, and --fail-above reads the
// P50s kept with it; any input that changes the report is a new key.
TEST(WarmScan, TheReportMemoAnswersOnlyForTheSameInputs) {
  TempDir dir;
  std::string repo = CopyBookshop(dir);
  std::string cache = (dir.path() / "cache").string();
  std::string out = (dir.path() / "report.md").string();
  for (std::string format : {"md", "json"}) {
    Result cold = RunDjcost({repo, "--format", format, "--no-cache"});
    ASSERT_EQ(cold.code, 0) << cold.err;
    EXPECT_EQ(RunDjcost({repo, "--format", format, "--cache-dir", cache}).out, cold.out);
    EXPECT_EQ(RunDjcost({repo, "--format", format, "--cache-dir", cache}).out, cold.out);
    ASSERT_EQ(RunDjcost({repo, "--format", format, "--cache-dir", cache, "-o", out}).code, 0);
    EXPECT_EQ(ReadAll(out), cold.out);
  }
  // It is what the scan wrote: a memo with the same key and other bytes is
  // written out as it is.
  const std::string memo = OnlyCacheFile(cache) + ".report";
  const std::string key = ReportMemoKeyIn(memo);
  std::string planted = StartReportMemo(key, {{"split", 1.5}, {"rewrite", 40.0}});
  planted += "remembered\n";
  SealReportMemo(&planted);
  std::ofstream(memo, std::ios::binary | std::ios::trunc) << planted;
  Result remembered = RunDjcost({repo, "--format", "json", "--cache-dir", cache});
  EXPECT_EQ(remembered.out, "remembered\n");
  Result over = RunDjcost({repo, "--format", "json", "--cache-dir", cache, "--fail-above",
                           "rewrite=39"});
  EXPECT_EQ(over.code, kExitThreshold);
  EXPECT_EQ(over.out, "remembered\n");
  EXPECT_EQ(over.err,
            "djcost: rewrite P50 of 40.0 engineer-weeks is above the threshold of 39.0\n");
  EXPECT_EQ(RunDjcost({repo, "--format", "json", "--cache-dir", cache, "--fail-above",
                       "rewrite=41"}).code, kExitOk);
  // Another format, option, rule or file: not the memo's.
  Result cold_md = RunDjcost({repo, "--no-cache"});
  EXPECT_EQ(RunDjcost({repo, "--cache-dir", cache}).out, cold_md.out);
  std::ofstream(memo, std::ios::binary | std::ios::trunc) << planted;
  for (std::vector<std::string> options :
       {std::vector<std::string>{"--team", "3"}, {"--weekly-cost", "5000"},
        {"--hot", "api/*"}, {"--settings", "config.settings.prod"}}) {
    std::vector<std::string> args = {repo, "--format", "json"};
    args.insert(args.end(), options.begin(), options.end());
    std::vector<std::string> cached = args;
    cached.insert(cached.end(), {"--cache-dir", cache});
    args.push_back("--no-cache");
    EXPECT_EQ(RunDjcost(cached).out, RunDjcost(args).out) << options[0];
    std::ofstream(memo, std::ios::binary | std::ios::trunc) << planted;
  }
  Append(repo + "/catalog/models.py", "\n\nclass Shelf(models.Model):\n    pass\n");
  EXPECT_EQ(RunDjcost({repo, "--format", "json", "--cache-dir", cache}).out,
            RunDjcost({repo, "--format", "json", "--no-cache"}).out);
}

}  // namespace
}  // namespace djcost
