#include "discover/django_pin.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace djcost {
namespace {

namespace fs = std::filesystem;

// "5.0" allowed, "5.1" not: what a pin says, in the one question link asks.
std::string Allows(const std::optional<DjangoRelease>& r) {
  if (!r) return "none";
  if (r->unbounded) return "unbounded";
  std::string out;
  for (const auto& v : std::vector<std::vector<int>>{{3, 2}, {4, 2}, {4, 2, 9}, {4, 3}, {5, 0},
                                                      {5, 1}, {6, 0}}) {
    if (!r->AtLeast(v)) break;
    out = "";
    for (size_t i = 0; i < v.size(); ++i) out += (i ? "." : "") + std::to_string(v[i]);
  }
  return out.empty() ? "below 3.2" : "up to " + out;
}

TEST(DjangoPinTest, SpecifiersAllowTheNewestReleasePipWouldInstall) {
  EXPECT_EQ(Allows(ParseSpecifier("==5.0.4")), "up to 5.0");
  EXPECT_EQ(Allows(ParseSpecifier("== 4.2.16")), "up to 4.2.9");
  EXPECT_EQ(Allows(ParseSpecifier(">=4.2,<5.0")), "up to 4.3");
  EXPECT_EQ(Allows(ParseSpecifier(">=4.2, <5")), "up to 4.3");
  EXPECT_EQ(Allows(ParseSpecifier("<=4.2.9")), "up to 4.2.9");
  EXPECT_EQ(Allows(ParseSpecifier("~=4.2")), "up to 4.3");
  EXPECT_EQ(Allows(ParseSpecifier("~=4.2.1")), "up to 4.2.9");
  EXPECT_EQ(Allows(ParseSpecifier("==4.2.*")), "up to 4.2.9");
  EXPECT_EQ(Allows(ParseSpecifier("==5.0rc1")), "up to 5.0");
  EXPECT_EQ(Allows(ParseSpecifier(">=3.2")), "unbounded");
  EXPECT_EQ(Allows(ParseSpecifier("!=5.0.1,>=4.2")), "unbounded");
  EXPECT_EQ(Allows(ParseSpecifier("==3.1")), "below 3.2");
  EXPECT_EQ(Allows(ParseSpecifier("latest")), "none");
  EXPECT_EQ(Allows(ParseSpecifier("~=5")), "none");  // PEP 440 wants two components
  EXPECT_EQ(ParseSpecifier(">= 4.2, < 5.0")->requirement, ">=4.2,<5.0");
}

TEST(DjangoPinTest, PoetryConstraints) {
  EXPECT_EQ(Allows(ParsePoetryConstraint("^5.0")), "up to 5.1");
  EXPECT_EQ(Allows(ParsePoetryConstraint("^4.2.11")), "up to 4.3");
  EXPECT_EQ(Allows(ParsePoetryConstraint("~4.2")), "up to 4.2.9");
  EXPECT_EQ(Allows(ParsePoetryConstraint("4.2.*")), "up to 4.2.9");
  EXPECT_EQ(Allows(ParsePoetryConstraint("5.0.4")), "up to 5.0");
  EXPECT_EQ(Allows(ParsePoetryConstraint("*")), "unbounded");
  EXPECT_EQ(Allows(ParsePoetryConstraint(">=4.2 <5.0")), "up to 4.3");
  EXPECT_EQ(Allows(ParsePoetryConstraint(">= 4.2, < 5.0")), "up to 4.3");
  EXPECT_EQ(Allows(ParsePoetryConstraint("^3.2 || ^4.0")), "up to 4.3");  // the loosest
  EXPECT_EQ(Allows(ParsePoetryConstraint("^")), "none");
}

TEST(DjangoPinTest, RequirementLinesNameDjangoItself) {
  EXPECT_EQ(Allows(ParseRequirementLine(
                "Django[argon2]>=4.2,<5.0 ; python_version >= '3.10'  # LTS")),
            "up to 4.3");
  EXPECT_EQ(Allows(ParseRequirementLine("  DJANGO == 5.1  ")), "up to 5.1");
  EXPECT_EQ(Allows(ParseRequirementLine("django==5.0.4 --hash=sha256:0123abcd")), "up to 5.0");
  EXPECT_EQ(ParseRequirementLine("Django==5.2.16 \\")->requirement, "==5.2.16");
  EXPECT_EQ(Allows(ParseRequirementLine("Django (>=3.2)")), "unbounded");
  EXPECT_EQ(Allows(ParseRequirementLine("django-filter==23.1")), "none");
  EXPECT_EQ(Allows(ParseRequirementLine("djangorestframework>=3.14")), "none");
  EXPECT_EQ(Allows(ParseRequirementLine("Django")), "none");  // no version: nothing known
  EXPECT_EQ(Allows(ParseRequirementLine("-r base.txt")), "none");
  EXPECT_EQ(Allows(ParseRequirementLine("# Django==5.0")), "none");
  EXPECT_EQ(Allows(ParseRequirementLine("django @ git+https://example.invalid/django")), "none");
}

TEST(DjangoPinTest, EachKindOfFileAndTheLineItPinsOn) {
  auto read = [](std::string_view name, std::string_view text) {
    std::optional<DjangoRelease> r = ReadPinFile(name, text);
    return r ? r->requirement + " " + r->source : "none";
  };
  // Lock files: the version of the package named django, not a dependency list's.
  EXPECT_EQ(read("uv.lock", "version = 1\n\n[[package]]\nname = \"channels\"\n"
                            "version = \"4.0.0\"\ndependencies = [\n    { name = \"django\" },\n]\n\n"
                            "[[package]]\nname = \"django\"\nversion = \"5.1.4\"\n"),
            "==5.1.4 :12");
  EXPECT_EQ(read("poetry.lock", "[[package]]\nname = \"Django\"\nversion = \"4.2.7\"\n"),
            "==4.2.7 :3");
  EXPECT_EQ(read("Pipfile.lock", R"({"default": {"django": {"version": "==4.2.1"}}})"),
            "==4.2.1 ");
  EXPECT_EQ(read("pyproject.toml", "[project]\nname = \"x\"\ndependencies = [\n"
                                   "  \"django-environ\",\n  \"Django>=5.2.8,<6.0\",\n]\n"),
            ">=5.2.8,<6.0 :5");
  EXPECT_EQ(read("pyproject.toml", "[tool.poetry.dependencies]\npython = \"^3.11\"\n"
                                   "Django = {version = \"^4.2.11\", extras = [\"argon2\"]}\n"),
            "^4.2.11 :3");
  EXPECT_EQ(read("pyproject.toml", "[project\nbroken"), "none");
  EXPECT_EQ(read("Pipfile", "[packages]\ndjango = \"==3.2.25\"\n"), "==3.2.25 :2");
  EXPECT_EQ(read("setup.py", "# the user's choice, don't pin\nsetup(\n"
                             "    install_requires=['requests', \"Django>=3.2,<4\"],\n)\n"),
            ">=3.2,<4 :3");
  EXPECT_EQ(read("setup.cfg", "[options]\ninstall_requires =\n    Django~=4.2\n"),
            "~=4.2 :3");
  EXPECT_EQ(read("requirements.txt", "-r base.txt\ndjango-cors-headers==4.0\nDjango==5.0.9\n"),
            "==5.0.9 :3");
}

class DjangoPinFolderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("djcost_pin_" + std::string(::testing::UnitTest::GetInstance()
                                             ->current_test_info()
                                             ->name()));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }
  void Write(const std::string& relative, const std::string& text) {
    fs::create_directories((root_ / relative).parent_path());
    std::ofstream(root_ / relative) << text;
  }
  fs::path root_;
};

TEST_F(DjangoPinFolderTest, AnExactPinBelowTheRootWinsOverARangeAtIt) {
  Write("pyproject.toml", "[project]\ndependencies = [\"Django>=4.2\"]\n");
  Write("backend/manage.py", "");
  Write("backend/requirements/base.txt", "Django==5.0.1\n");
  Write("docs/requirements.txt", "Django==3.2\n");  // no marker there: not read
  DjangoRelease r = FindDjangoRelease(root_.string(), {"backend/manage.py", "pyproject.toml"});
  EXPECT_EQ(r.requirement, "==5.0.1");
  EXPECT_EQ(r.source, "backend/requirements/base.txt:1");
}

TEST_F(DjangoPinFolderTest, ALockFileBeforeTheRequirementsItLocks) {
  Write("requirements.txt", "Django>=4.2\n");
  Write("poetry.lock", "[[package]]\nname = \"django\"\nversion = \"4.2.3\"\n");
  DjangoRelease r = FindDjangoRelease(root_.string(), {});
  EXPECT_EQ(r.requirement, "==4.2.3");
  EXPECT_EQ(r.source, "poetry.lock:3");
}

TEST_F(DjangoPinFolderTest, NothingPinnedIsUnknown) {
  Write("requirements.txt", "Django\nrequests==2.0\n");
  DjangoRelease r = FindDjangoRelease(root_.string(), {});
  EXPECT_FALSE(r.known());
  EXPECT_FALSE(r.AtLeast({3, 2}));
  EXPECT_EQ(r.requirement, "");
}

}  // namespace
}  // namespace djcost
