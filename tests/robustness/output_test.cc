// What djcost writes: never anything inside the scanned repository; reports
// replaced whole or not at all (a failed or interrupted run leaves no half
// report and no temporary file); the same bytes whatever the thread count or
// the order files are handed over; every warning listed and counted.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <string>

#include "cli/scan.h"
#include "link/link.h"
#include "render/render.h"
#include "robustness_support.h"
#include "rules/load_rules.h"
#include "util/atomic_file.h"

namespace djcost::testing {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::string Fixture(const std::string& name) {
  return std::string(DJCOST_SOURCE_DIR) + "/fixtures/projects/" + name + "/repo";
}

// A project that triggers a warning of each common kind.
void WriteTroubledProject(const TempDir& dir) {
  WriteTinyProject(dir);
  dir.Write("shop/broken.py", "def f(:\n");
  dir.Write("shop/latin.py", "x = '\xE9'\n");
  dir.Symlink("/", "shop/root_link");
}

TEST(Output, ScanWritesNothingIntoTheRepository) {
  TempDir dir;
  WriteTroubledProject(dir);
  dir.Write("pyproject.toml", "[tool.djcost]\nteam = 3\n");
  std::string before = TreeSnapshot(dir.path());
  TempDir out;
  for (const char* format : {"md", "json"}) {
    RunResult r = RunDjcost({dir.str(), "--format", format, "-o", out.str() + "/r." + format});
    EXPECT_EQ(r.code, kExitOk) << r.err;
    RunResult s = RunDjcost({dir.str(), "--format", format});
    EXPECT_EQ(s.code, kExitOk) << s.err;
  }
  EXPECT_EQ(RunDjcost({"rules", dir.str()}).code, kExitOk);
  EXPECT_EQ(RunDjcost({"facts", dir.str() + "/shop/models.py"}).code, kExitOk);
  EXPECT_EQ(TreeSnapshot(dir.path()), before);
}

TEST(Output, FailedWriteLeavesNoTemporaryFileAndKeepsTheOldReport) {
  TempDir dir;
  WriteTinyProject(dir);
  TempDir out;
  out.Mkdir("report.md");  // a folder where the report should go: rename fails
  out.Write("report.md/keep", "old\n");
  RunResult r = RunDjcost({dir.str(), "-o", out.str() + "/report.md"});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_EQ(r.err, "djcost: error: " + out.str() + "/report.md: Is a directory\n");
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(out.path())) names.push_back(e.path().filename());
  EXPECT_EQ(names, std::vector<std::string>{"report.md"});
  EXPECT_EQ(out.Read("report.md/keep"), "old\n");
}

// SIGTERM, SIGINT and SIGHUP arriving while a report is being written must
// leave the old report or the new one, whole, and no temporary file: the
// writer holds them off from creating the temporary file until the rename.
TEST(Output, Robustness_InterruptedWriteLeavesAWholeReportAndNoTemporaryFile) {
  TempDir out;
  const std::string path = out.str() + "/report.json";
  const std::string report(4u << 20, 'x');
  for (int round = 0; round < 12; ++round) {
    std::fflush(nullptr);
    pid_t pid = ::fork();
    if (pid == 0) {
      std::string error;
      for (;;) {
        if (!WriteFileAtomically(path, report, &error)) ::_exit(3);
      }
    }
    ::usleep(static_cast<useconds_t>(2000 + 3000 * round));
    int sig = round % 3 == 0 ? SIGTERM : round % 3 == 1 ? SIGINT : SIGHUP;
    ::kill(pid, sig);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "round " << round;
    EXPECT_EQ(WTERMSIG(status), sig);
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(out.path())) names.push_back(e.path().filename());
    EXPECT_TRUE(names.empty() || names == std::vector<std::string>{"report.json"})
        << "round " << round << ": " << names.size() << " files, first " << names[0];
    if (!names.empty()) {
      EXPECT_EQ(fs::file_size(path), report.size()) << "round " << round;
    }
  }
}

// --jobs 1 and --jobs 8 give the same bytes, in both formats.
TEST(Output, JobCountDoesNotChangeTheReport) {
  for (const char* format : {"json", "md"}) {
    RunResult one = RunDjcost({Fixture("bookshop"), "--format", format, "--jobs", "1"});
    RunResult eight = RunDjcost({Fixture("bookshop"), "--format", format, "--jobs", "8"});
    ASSERT_EQ(one.code, kExitOk) << one.err;
    ASSERT_EQ(eight.code, kExitOk) << eight.err;
    EXPECT_FALSE(one.out.empty());
    EXPECT_TRUE(one.out == eight.out) << format;
  }
}

// Discovery sorts files, so the order of directory entries never reaches the
// later stages; link must not depend on the order it is given either: the
// facts handed over in reverse give the same report, byte for byte.
TEST(Output, ReversedFileOrderDoesNotChangeTheReport) {
  for (const char* fixture : {"bookshop", "noconf"}) {
    ScanConfig config;
    std::string error;
    ScanOptions options;
    options.path = Fixture(fixture);
    ASSERT_TRUE(ValidateScanOptions(options, &config, &error)) << error;
    Discovery discovery = Discover(config.root, config.discover);
    std::vector<FileFacts> facts = ExtractAll(config.root, discovery.files, 2);
    std::vector<SourceFile> reversed_files(discovery.files.rbegin(), discovery.files.rend());
    std::vector<FileFacts> reversed = ExtractAll(config.root, reversed_files, 2);
    RuleSet rules = DefaultRuleSet();
    Report forward, backward;
    forward.inventory = Link(facts, rules);
    backward.inventory = Link(reversed, rules);
    for (const char* format : {"json", "md"}) {
      std::ostringstream a, b;
      FindRenderer(format)->render(forward, a);
      FindRenderer(format)->render(backward, b);
      EXPECT_TRUE(a.str() == b.str()) << fixture << " " << format;
    }
  }
}

// Link's second thread (the URL walk beside the other finders, each with memos
// of its own) gives the Inventory one thread gives, on every fixture project.
TEST(Output, LinkOnTwoThreadsGivesTheSameInventory) {
  RuleSet rules = DefaultRuleSet();
  int projects = 0;
  for (const auto& project : fs::directory_iterator(std::string(DJCOST_SOURCE_DIR) + "/fixtures/projects")) {
    fs::path repo = project.path() / "repo";
    if (!fs::is_directory(repo)) continue;
    Discovery discovery = Discover(repo.string(), DiscoverOptions{});
    std::vector<FileFacts> facts = ExtractAll(repo.string(), discovery.files, 2);
    Inventory one = Link(facts, rules, 1);
    Inventory two = Link(facts, rules, 2);
    EXPECT_FALSE(one.endpoints.empty() && one.models.empty()) << repo;
    EXPECT_TRUE(one == two) << repo;
    ++projects;
  }
  EXPECT_GE(projects, 3);
}

// Every warning is a row of the Markdown problems table and an entry of the
// JSON diagnostics, and counts.diagnostics says how many; warnings alone do
// not change the exit code.
TEST(Output, EveryWarningIsListedAndCountedInBothFormats) {
  TempDir dir;
  WriteTroubledProject(dir);
  json report = ScanJson(dir.str());
  std::vector<std::string> lines = DiagnosticLines(report);
  EXPECT_EQ(lines,
            (std::vector<std::string>{
                "warning parse-error shop/broken.py:1 1 syntax error, the first at line 1; "
                "facts were extracted where the parser recovered",
                "warning not-utf8 shop/latin.py:1 the file is not valid UTF-8 (at byte offset "
                "5); its facts were extracted, but names with non-UTF-8 bytes may be wrong",
                "warning symlink-skipped shop/root_link:0 symbolic link not followed: it "
                "points outside the scanned folder",
            }));
  EXPECT_EQ(report["counts"]["diagnostics"], lines.size());
  RunResult md = RunDjcost({dir.str()});
  ASSERT_EQ(md.code, kExitOk);
  for (const auto& d : report["diagnostics"]) {
    int line = d["line"].get<int>();
    std::string where = d["file"].get<std::string>() + (line > 0 ? ":" + std::to_string(line) : "");
    std::string row = "| " + d["severity"].get<std::string>() + " | " +
                      d["code"].get<std::string>() + " | `" + where + "` | " +
                      d["message"].get<std::string>() + " |";
    EXPECT_NE(md.out.find(row), std::string::npos) << row;
  }
}

}  // namespace
}  // namespace djcost::testing
