#include "cli/run.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <fstream>
#include <regex>
#include <sstream>

#include "support/temp_dir.h"
#include "support/tiny_project.h"

namespace djcost {
namespace {

using testing::TempDir;
using testing::WriteTinyProject;

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

// The first match of `pattern`'s group 1 in a file of the source tree.
std::string FromSourceFile(const std::string& relative, const std::string& pattern) {
  std::ifstream in(std::string(DJCOST_SOURCE_DIR) + "/" + relative);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  std::smatch m;
  if (!std::regex_search(text, m, std::regex(pattern))) return "(not found in " + relative + ")";
  return m[1];
}

TEST(Run, VersionPrintsToolAndGrammarVersions) {
  Result r = RunDjcost({"--version"});
  EXPECT_EQ(r.code, kExitOk);
  std::string tool = FromSourceFile("CMakeLists.txt", R"(project\(djcost VERSION ([0-9.]+))");
  std::string grammar = FromSourceFile("grammars/tree-sitter-python.txt", R"(version=([0-9.]+))");
  EXPECT_EQ(r.out, "djcost " + tool + "\ntree-sitter-python " + grammar + "\n");
  EXPECT_EQ(r.err, "");
}

TEST(Run, HelpGoesToOutAndSucceeds) {
  Result r = RunDjcost({"--help"});
  EXPECT_EQ(r.code, kExitOk);
  EXPECT_NE(r.out.find("--format"), std::string::npos);
  EXPECT_NE(r.out.find("--weekly-cost"), std::string::npos);
  EXPECT_NE(r.out.find("Exit codes: 0 success"), std::string::npos);
}

TEST(Run, MissingPathIsAUsageError) {
  Result r = RunDjcost({"/nonexistent/djcost-test-path"});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_EQ(r.err, "djcost: error: /nonexistent/djcost-test-path: no such file or directory\n");
  EXPECT_EQ(r.out, "");
}

TEST(Run, NoPathIsAUsageError) {
  Result r = RunDjcost({});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_EQ(r.err, "djcost: error: no PATH given (run djcost --help)\n");
}

TEST(Run, PathThatIsAFileIsAUsageError) {
  TempDir dir;
  dir.Write("x.py");
  std::string file = (dir.path() / "x.py").string();
  Result r = RunDjcost({file});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_EQ(r.err, "djcost: error: " + file +
                       ": not a folder (give the root folder of the Django repository)\n");
}

TEST(Run, FolderWithoutDjangoIsRejected) {
  TempDir dir;
  dir.Write("tool/main.py", "def main():\n    print('hello')\n");
  Result r = RunDjcost({dir.str()});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_EQ(r.err, "djcost: error: " + dir.str() +
                       ": not a Django project (no settings, urls, models or admin found)\n");
}

TEST(Run, EmptyFolderIsRejected) {
  TempDir dir;
  Result r = RunDjcost({dir.str()});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_EQ(r.err, "djcost: error: " + dir.str() +
                       ": not a Django project (no settings, urls, models or admin found)\n");
}

TEST(Run, UnknownFormatIsAUsageError) {
  TempDir dir;
  WriteTinyProject(dir);
  Result r = RunDjcost({dir.str(), "--format", "xml"});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_EQ(r.err, "djcost: error: --format xml: unknown format (expected one of md, json, sarif)\n");
}

TEST(Run, BadNumbersAreUsageErrors) {
  TempDir dir;
  WriteTinyProject(dir);
  EXPECT_EQ(RunDjcost({dir.str(), "--jobs", "-1"}).err,
            "djcost: error: --jobs -1: expected 0 (one per core) or more\n");
  EXPECT_EQ(RunDjcost({dir.str(), "--team", "-2"}).err,
            "djcost: error: --team -2: expected a team size of 1 or more\n");
  EXPECT_EQ(RunDjcost({dir.str(), "--max-file-size", "0"}).err,
            "djcost: error: --max-file-size 0: expected bytes, 1 or more\n");
  EXPECT_EQ(RunDjcost({dir.str(), "--fail-above", "split"}).err,
            "djcost: error: --fail-above split: expected STRATEGY=WEEKS with STRATEGY one of "
            "stay, split, hybrid, rewrite\n");
  Result r = RunDjcost({dir.str(), "--jobs", "many"});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_EQ(r.err.rfind("djcost: error: ", 0), 0u) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST(Run, UnknownOptionIsAUsageError) {
  Result r = RunDjcost({".", "--frobnicate"});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_EQ(r.err.rfind("djcost: error: ", 0), 0u) << r.err;
}

TEST(Run, MalformedRatesInPyprojectNameFileLineAndKey) {
  TempDir dir;
  WriteTinyProject(dir);
  dir.Write("pyproject.toml",
            "[tool.djcost.rates.split-per-endpoint]\n"
            "low = \"cheap\"\n");
  Result r = RunDjcost({dir.str()});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_EQ(r.err.rfind("djcost: error: " + dir.str() + "/pyproject.toml:2", 0), 0u) << r.err;
  EXPECT_NE(r.err.find("low"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_EQ(r.out, "");
}

// The release the requirement files pin is in the report; [tool.djcost] django
// names one where they do not (requirements kept outside the scanned folder),
// and a value that is no release is an error, not an unpinned scan.
TEST(Run, TheDjangoReleaseComesFromTheRequirementsOrTheDjangoOption) {
  TempDir dir;
  WriteTinyProject(dir);
  dir.Write("requirements.txt", "djangorestframework==3.15.2\nDjango==4.2.16\n");
  Result pinned = RunDjcost({dir.str(), "--format", "json", "--no-cache"});
  ASSERT_EQ(pinned.code, kExitOk) << pinned.err;
  EXPECT_NE(pinned.out.find("\"django_requirement\": \"==4.2.16\",\n    \"django_source\": "
                            "\"requirements.txt:2\""),
            std::string::npos)
      << pinned.out;
  Result md = RunDjcost({dir.str(), "--no-cache"});
  EXPECT_NE(md.out.find("Django `==4.2.16` (`requirements.txt:2`)."), std::string::npos);

  dir.Write("pyproject.toml", "[tool.djcost]\ndjango = \"5.1\"\n");
  Result option = RunDjcost({dir.str(), "--format", "json", "--no-cache"});
  ASSERT_EQ(option.code, kExitOk) << option.err;
  EXPECT_NE(option.out.find("\"django_requirement\": \"==5.1\",\n    \"django_source\": "
                            "\"[tool.djcost] django\""),
            std::string::npos)
      << option.out;

  dir.Write("pyproject.toml", "[tool.djcost]\ndjango = \"five\"\n");
  Result bad = RunDjcost({dir.str(), "--no-cache"});
  EXPECT_EQ(bad.code, kExitUsage);
  EXPECT_EQ(bad.err,
            "djcost: error: [tool.djcost] django = \"five\": expected a release such as \"5.0\" "
            "or a specifier such as \">=4.2,<5.0\"\n");
}

TEST(Run, ScansATinyProjectAsJson) {
  TempDir dir;
  WriteTinyProject(dir);
  Result r = RunDjcost({dir.str(), "--format", "json"});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_EQ(r.err, "");
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("schema_version"), 1);
  EXPECT_EQ(j.at("tool").at("name"), "djcost");
  EXPECT_EQ(j.at("project"), dir.path().filename().string());
  const auto& c = j.at("counts");
  EXPECT_EQ(c.at("endpoints"), 1);
  EXPECT_EQ(c.at("pages"), 1);
  EXPECT_EQ(c.at("api_endpoints"), 0);
  EXPECT_EQ(c.at("models_concrete"), 1);
  EXPECT_EQ(c.at("admin_registrations"), 1);
  EXPECT_EQ(c.at("files"), 8);
  EXPECT_EQ(j.at("inventory").at("external_routes").size(), 1u);
  // The report never carries the machine's absolute paths.
  EXPECT_EQ(r.out.find(dir.str()), std::string::npos);
}

TEST(Run, MarkdownStartsWithTitleAndRecommendation) {
  TempDir dir;
  WriteTinyProject(dir);
  Result r = RunDjcost({dir.str()});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  std::string title = "# Migration estimate: " + dir.path().filename().string() + "\n";
  EXPECT_EQ(r.out.rfind(title, 0), 0u) << r.out.substr(0, 200);
  EXPECT_NE(r.out.find("**Recommendation: "), std::string::npos);
  EXPECT_NE(r.out.find("```mermaid\nxychart-beta\n"), std::string::npos);
}

TEST(Run, OutputDoesNotDependOnJobCount) {
  TempDir dir;
  WriteTinyProject(dir);
  for (int i = 0; i < 20; ++i) dir.Write("shop/extra_" + std::to_string(i) + ".py", "x = 1\n");
  Result one = RunDjcost({dir.str(), "--format", "json", "--jobs", "1"});
  Result eight = RunDjcost({dir.str(), "--format", "json", "--jobs", "8"});
  ASSERT_EQ(one.code, kExitOk) << one.err;
  EXPECT_EQ(one.out, eight.out);
  Result md1 = RunDjcost({dir.str(), "--jobs", "1"});
  Result md8 = RunDjcost({dir.str(), "--jobs", "8"});
  EXPECT_EQ(md1.out, md8.out);
}

TEST(Run, OutputFileIsWrittenAndNothingElse) {
  TempDir dir;
  TempDir out_dir;
  WriteTinyProject(dir);
  std::string report = (out_dir.path() / "report.json").string();
  Result r = RunDjcost({dir.str(), "--format", "json", "-o", report});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_EQ(r.out, "");
  Result direct = RunDjcost({dir.str(), "--format", "json"});
  EXPECT_EQ(out_dir.Read("report.json"), direct.out);
  int entries = 0;
  for (const auto& e : std::filesystem::directory_iterator(out_dir.path())) {
    (void)e;
    ++entries;
  }
  EXPECT_EQ(entries, 1);
}

TEST(Run, ScanWritesNothingIntoTheRepository) {
  TempDir dir;
  WriteTinyProject(dir);
  auto listing = [&] {
    std::vector<std::string> paths;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir.path())) {
      paths.push_back(e.path().string() + ":" +
                      std::to_string(e.is_regular_file() ? e.file_size() : 0));
    }
    std::sort(paths.begin(), paths.end());
    return paths;
  };
  auto before = listing();
  ASSERT_EQ(RunDjcost({dir.str(), "--format", "json"}).code, kExitOk);
  EXPECT_EQ(listing(), before);
}

// --settings reads another settings module, over manage.py's; a cached scan
// made without it is not reused (the choice is part of the rules' version).
TEST(Run, SettingsOptionChoosesTheSettingsModule) {
  TempDir dir;
  TempDir cache;
  WriteTinyProject(dir);
  dir.Write("site_conf/settings_api.py",
            "ROOT_URLCONF = 'site_conf.api_urls'\n"
            "INSTALLED_APPS = ['shop']\n");
  dir.Write("site_conf/api_urls.py",
            "from django.urls import path\n"
            "from shop import views\n"
            "urlpatterns = [path('a/', views.home), path('b/', views.home)]\n");
  auto settings_of = [](const Result& r) {
    nlohmann::json j = nlohmann::json::parse(r.out);
    return j.at("settings").at("settings_module").get<std::string>() + " " +
           std::to_string(j.at("counts").at("endpoints").get<int>());
  };
  Result found = RunDjcost({dir.str(), "--format", "json", "--cache-dir", cache.str()});
  ASSERT_EQ(found.code, kExitOk) << found.err;
  EXPECT_EQ(settings_of(found), "site_conf.settings 1");
  Result chosen = RunDjcost(
      {dir.str(), "--format", "json", "--cache-dir", cache.str(), "--settings", "site_conf.settings_api"});
  ASSERT_EQ(chosen.code, kExitOk) << chosen.err;
  EXPECT_EQ(settings_of(chosen), "site_conf.settings_api 2");

  // Test settings, which no file imports or names: the option makes the scan
  // parse them (and what they name), cached or not.
  dir.Write("tests/__init__.py", "");
  dir.Write("tests/settings.py",
            "ROOT_URLCONF = 'tests.urls'\n"
            "INSTALLED_APPS = ['shop']\n");
  dir.Write("tests/urls.py",
            "from django.urls import path\n"
            "from shop import views\n"
            "urlpatterns = [path('t/', views.home), path('u/', views.home),\n"
            "               path('v/', views.home), path('w/', views.home)]\n");
  for (const char* caching : {"--no-cache", "--cache-dir"}) {
    std::vector<std::string> args = {dir.str(), "--format", "json", "--settings", "tests.settings",
                                     caching};
    if (std::string(caching) == "--cache-dir") args.push_back(cache.str());
    Result tests = RunDjcost(args);
    ASSERT_EQ(tests.code, kExitOk) << tests.err;
    EXPECT_EQ(settings_of(tests), "tests.settings 4") << caching;
  }
}

TEST(Run, UnwritableOutputIsAUsageError) {
  TempDir dir;
  WriteTinyProject(dir);
  std::string bad = (dir.path() / "missing-folder" / "r.md").string();
  Result r = RunDjcost({dir.str(), "-o", bad});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_EQ(r.err, "djcost: error: " + bad + ": No such file or directory\n");
}

TEST(Run, FailAboveExitsOneWhenTheStrategyCostsMore) {
  TempDir dir;
  WriteTinyProject(dir);
  Result over = RunDjcost({dir.str(), "--format", "json", "--fail-above", "rewrite=0"});
  EXPECT_EQ(over.code, kExitThreshold) << over.err;
  EXPECT_FALSE(over.out.empty());  // the report is still written
  EXPECT_EQ(over.err.rfind("djcost: rewrite P50 of ", 0), 0u) << over.err;
  Result under = RunDjcost({dir.str(), "--format", "json", "--fail-above", "stay=1000"});
  EXPECT_EQ(under.code, kExitOk) << under.err;
}

TEST(Run, RulesCommandListsEveryRateWithItsOrigin) {
  Result r = RunDjcost({"rules"});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_EQ(r.out.rfind("rules ", 0), 0u);
  EXPECT_NE(r.out.find("split-per-endpoint"), std::string::npos);
  EXPECT_NE(r.out.find("documented"), std::string::npos);
}

TEST(Run, RulesCommandAppliesThePyprojectOfPath) {
  TempDir dir;
  dir.Write("pyproject.toml",
            "[tool.djcost.rates.split-per-endpoint]\nlow = 0.04\nlikely = 0.05\nhigh = 0.09\n");
  Result r = RunDjcost({"rules", dir.str()});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  size_t line_start = r.out.find("\nsplit-per-endpoint ");
  ASSERT_NE(line_start, std::string::npos) << r.out;
  std::string line = r.out.substr(line_start + 1, r.out.find('\n', line_start + 1) - line_start - 1);
  EXPECT_NE(line.find("0.04"), std::string::npos) << line;
  EXPECT_NE(line.find("0.09"), std::string::npos) << line;
  EXPECT_NE(line.find("pyproject.toml"), std::string::npos) << line;
}

TEST(Run, RulesCommandWithMissingPathFails) {
  Result r = RunDjcost({"rules", "/nonexistent/djcost-rules"});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_EQ(r.err, "djcost: error: /nonexistent/djcost-rules: no such file or directory\n");
}

TEST(Run, FactsCommandDumpsOneFile) {
  TempDir dir;
  dir.Write("models.py",
            "from django.db import models\n\nclass Book(models.Model):\n    pass\n");
  Result r = RunDjcost({"facts", (dir.path() / "models.py").string()});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("parsed"), true);
  ASSERT_EQ(j.at("classes").size(), 1u);
  EXPECT_EQ(j.at("classes")[0].at("name"), "Book");
  EXPECT_EQ(j.at("classes")[0].at("line"), 3);
  EXPECT_EQ(j.at("classes")[0].at("bases")[0].at("text"), "models.Model");
  ASSERT_EQ(j.at("imports").size(), 1u);
  EXPECT_EQ(j.at("imports")[0].at("module"), "django.db");
  EXPECT_EQ(j.at("counts_alone"), true);
  EXPECT_FALSE(j.contains("class_headers"));

  // A test file: what a scan decides without a parse.
  dir.Write("tests/test_views.py", "class ViewTests(TestCase):\n    pass\n");
  Result t = RunDjcost({"facts", (dir.path() / "tests/test_views.py").string()});
  ASSERT_EQ(t.code, kExitOk) << t.err;
  nlohmann::json tj = nlohmann::json::parse(t.out);
  EXPECT_EQ(tj.at("counts_alone"), false);
  EXPECT_EQ(tj.at("class_headers"),
            nlohmann::json::parse(R"([{"name": "ViewTests", "bases": ["TestCase"]}])"));
}

TEST(Run, FactsCommandWithMissingFileFails) {
  Result r = RunDjcost({"facts", "/nonexistent/x.py"});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_EQ(r.err, "djcost: error: /nonexistent/x.py: no such file or directory\n");
}

}  // namespace
}  // namespace djcost
