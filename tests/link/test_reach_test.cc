// TestFileReach: which test files link reads, from what the project imports
// and names; and Link forgetting the rest.
#include <gtest/gtest.h>

#include <set>

#include "link/link.h"
#include "link/test_reach.h"
#include "rules/load_rules.h"
#include "support/snippet_project.h"

namespace djcost {
namespace {

// The paths of the test files link reads that do not count alone.
std::set<std::string> Reached(const std::vector<std::pair<std::string, std::string>>& sources,
                              const std::vector<std::string>& named = {}) {
  std::vector<FileFacts> files = testing::ExtractProject(sources);
  TestReachRules rules = TestReachRulesOf(DefaultRuleSet());
  rules.named_modules = named;
  std::vector<char> read = TestFilesRead(files, rules);
  // On several threads, whoever reads which file, the same files are read.
  EXPECT_EQ(TestFilesRead(files, rules, 3), read);
  std::set<std::string> out;
  for (size_t i = 0; i < files.size(); ++i) {
    if (read[i] && !files[i].counts_alone) out.insert(files[i].file.path);
  }
  return out;
}

const std::pair<std::string, std::string> kTestModules[] = {
    {"shop/tests/__init__.py", ""},
    {"shop/tests/helpers.py", "def make():\n    pass\n"},
    {"shop/tests/test_views.py", "from .helpers import make\n\ndef test_it():\n    make()\n"},
    {"shop/tests/urls.py", "urlpatterns = []\n"},
    {"shop/tests/settings.py", "ROOT_URLCONF = 'shop.tests.urls'\n"},
};

std::vector<std::pair<std::string, std::string>> With(
    std::vector<std::pair<std::string, std::string>> more) {
  for (const auto& m : kTestModules) more.push_back(m);
  return more;
}

TEST(TestFileReach, NothingTheProjectDoesNotNameIsRead) {
  // test_views.py imports helpers.py, but nothing link reads imports test_views.py.
  EXPECT_EQ(Reached(With({{"shop/views.py", "import json\nx = 'tests'[0]\n"}})),
            (std::set<std::string>{}));
}

// Many files, read in chunks on several threads: each import reaches its
// module, however the files were shared out, and what is reached reads on.
TEST(TestFileReach, ManyFilesReadOnSeveralThreadsReachTheSame) {
  std::vector<std::pair<std::string, std::string>> sources = {{"shop/tests/__init__.py", ""}};
  std::set<std::string> expected = {"shop/tests/__init__.py"};
  for (int i = 0; i < 300; ++i) {
    const std::string n = std::to_string(i);
    sources.push_back({"shop/tests/helper_" + n + ".py",
                       i % 30 == 7 ? "from shop.tests.more_" + n + " import x\n" : "x = 1\n"});
    sources.push_back({"shop/tests/more_" + n + ".py", "x = 2\n"});
    sources.push_back({"shop/m" + n + ".py",
                       i % 10 == 3 ? "from shop.tests.helper_" + n + " import x\n" : "import json\n"});
    if (i % 10 == 3) expected.insert("shop/tests/helper_" + n + ".py");
    if (i % 10 == 3 && i % 30 == 7) expected.insert("shop/tests/more_" + n + ".py");
  }
  sources.push_back({"shop/tests/test_models.py", "class Temp(models.Model):\n    pass\n"});
  expected.insert("shop/tests/test_models.py");
  EXPECT_EQ(Reached(sources), expected);
}

TEST(TestFileReach, ImportsReachModulesAndTheirPackages) {
  EXPECT_EQ(Reached(With({{"shop/views.py", "from shop.tests.helpers import make\n"}})),
            (std::set<std::string>{"shop/tests/__init__.py", "shop/tests/helpers.py"}));
  // Relative, the imported name as a submodule, and onwards from what is reached.
  EXPECT_EQ(Reached(With({{"shop/views.py", "from .tests import test_views\n"}})),
            (std::set<std::string>{"shop/tests/__init__.py", "shop/tests/test_views.py",
                                   "shop/tests/helpers.py"}));
  // Inside a function too.
  EXPECT_EQ(Reached(With({{"shop/views.py", "def f():\n    from shop.tests import helpers\n"}})),
            (std::set<std::string>{"shop/tests/__init__.py", "shop/tests/helpers.py"}));
}

TEST(TestFileReach, StringsNameModules) {
  // A settings module named by manage.py, and its ROOT_URLCONF.
  EXPECT_EQ(Reached(With({{"manage.py",
                           "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', "
                           "'shop.tests.settings')\n"}})),
            (std::set<std::string>{"shop/tests/__init__.py", "shop/tests/settings.py",
                                   "shop/tests/urls.py"}));
  // A dotted path to a name in a module, and a module under another root.
  EXPECT_EQ(Reached(With({{"shop/urls.py", "VIEW = 'tests.helpers.make'\n"}})),
            (std::set<std::string>{"shop/tests/__init__.py", "shop/tests/helpers.py"}));
  EXPECT_EQ(Reached(With({{"shop/urls.py", "VIEW = 'site.shop.tests.helpers.make'\n"}})),
            (std::set<std::string>{"shop/tests/__init__.py", "shop/tests/helpers.py"}));
  // Not the arguments of a call link never reads, which a scan does not keep:
  // a full extraction and a scan must reach the same files.
  EXPECT_EQ(Reached(With({{"shop/views.py", "def f():\n    logger.info('shop.tests.helpers')\n"}})),
            (std::set<std::string>{}));
  EXPECT_EQ(Reached(With({{"shop/urls.py", "def f(router):\n    router.register('x', "
                                           "'shop.tests.helpers')\n"}})),
            (std::set<std::string>{"shop/tests/__init__.py", "shop/tests/helpers.py"}));
  // Nor a migration's names, which a scan does not parse.
  EXPECT_EQ(Reached(With({{"shop/migrations/0002_x.py",
                           "import shop.tests.helpers\n"
                           "dependencies = [('tests', '0001_initial')]\n"}})),
            (std::set<std::string>{}));
  // A fragment path relative to the file's folder (django-split-settings).
  // (settings.py's ROOT_URLCONF reaches on: urls.py and the package.)
  EXPECT_EQ(Reached(With({{"shop/conf.py", "include('tests/sett*.py')\n"}})),
            (std::set<std::string>{"shop/tests/__init__.py", "shop/tests/settings.py",
                                   "shop/tests/urls.py"}));
}

// `--settings shop.tests.settings`: named by no file, but link looks it up.
TEST(TestFileReach, ModulesTheOptionsNameAreReached) {
  EXPECT_EQ(Reached(With({{"shop/views.py", "import json\n"}}), {"shop.tests.settings"}),
            (std::set<std::string>{"shop/tests/__init__.py", "shop/tests/settings.py",
                                   "shop/tests/urls.py"}));
  RuleSet rules;
  EXPECT_TRUE(TestReachRulesOf(rules).named_modules.empty());
  rules.options["settings"] = "shop.tests.settings";
  EXPECT_EQ(TestReachRulesOf(rules).named_modules,
            (std::vector<std::string>{"shop.tests.settings"}));
  // The first step returns what the options reach before any file is read.
  std::vector<FileFacts> files = testing::ExtractProject(With({}));
  TestFileReach reach(files, TestReachRules{{"shop.tests.urls"}, {}});
  std::vector<size_t> first = reach.Follow();
  ASSERT_EQ(first.size(), 2u);  // the package and urls.py
  EXPECT_EQ(files[first[1]].file.path, "shop/tests/urls.py");
}

// A test file whose classes may be models is read; one whose classes derive
// only from test cases, or from the project's classes that do in turn, is not.
TEST(TestFileReach, ClassesThatMayBeModelsAreRead) {
  const std::pair<std::string, std::string> utils = {
      "shop/testing.py",  // not a test file: parsed
      "class ShopTestUtils:\n    pass\n"
      "class FixturesMixin(ShopTestUtils):\n    pass\n"
      "class Model:\n    pass\n"          // a project class named like Django's
      "class ShopModel(models.Model):\n    pass\n"};
  auto reached = [&](const char* test_source) {
    return Reached({utils, {"shop/tests/test_a.py", test_source},
                    {"shop/tests/base.py", "class BaseCase(FixturesMixin, TestCase):\n    pass\n"
                                           "class Chained(BaseCase):\n    pass\n"}});
  };
  EXPECT_EQ(reached("class T(ShopTestUtils, TestCase):\n    pass\n"), (std::set<std::string>{}));
  EXPECT_EQ(reached("class T(FixturesMixin):\n    pass\n"), (std::set<std::string>{}));
  // A base another test file defines, test cases all the way down.
  EXPECT_EQ(reached("class T(Chained):\n    pass\n"), (std::set<std::string>{}));
  // Models: Django's, whatever the project names Model; the project's; unknown ones.
  EXPECT_EQ(reached("class T(models.Model):\n    pass\n"),
            (std::set<std::string>{"shop/tests/test_a.py"}));
  EXPECT_EQ(reached("class T(AbstractUser):\n    pass\n"),
            (std::set<std::string>{"shop/tests/test_a.py"}));
  EXPECT_EQ(reached("class Proxy(ShopModel):\n    pass\n"),
            (std::set<std::string>{"shop/tests/test_a.py"}));
  EXPECT_EQ(reached("class T(TimeStampedThing):\n    pass\n"),
            (std::set<std::string>{"shop/tests/test_a.py"}));
  EXPECT_EQ(reached("class T(Generic[X]):\n    pass\n"),
            (std::set<std::string>{"shop/tests/test_a.py"}));
  // Migrations are not read: a class of theirs decides nothing (a scan does not
  // parse them, a full extraction does).
  EXPECT_EQ(Reached({utils, {"shop/migrations/0001_initial.py",
                             "class ShopMigration(migrations.Migration):\n    pass\n"
                             "class Migration(Migration):\n    pass\n"},
                     {"shop/tests/test_a.py", "class T(Migration):\n    pass\n"}}),
            (std::set<std::string>{"shop/tests/test_a.py"}));
  // Classes deriving from each other and from test cases only are no model;
  // one deriving from a model makes every class below it one.
  EXPECT_EQ(Reached({utils, {"shop/loop.py", "class A(B):\n    pass\nclass B(A, TestCase):\n    pass\n"},
                     {"shop/tests/test_a.py", "class T(B):\n    pass\n"}}),
            (std::set<std::string>{}));
  EXPECT_EQ(Reached({utils,
                     {"shop/chain.py", "class A(ShopModel):\n    pass\nclass B(A):\n    pass\n"
                                       "class C(B, TestCase):\n    pass\n"},
                     {"shop/tests/test_a.py", "class T(C):\n    pass\n"}}),
            (std::set<std::string>{"shop/tests/test_a.py"}));
  // One name, two classes: one of them may be a model.
  EXPECT_EQ(Reached({utils, {"shop/other.py", "class ShopTestUtils(Base):\n    pass\n"},
                     {"shop/tests/test_a.py", "class T(ShopTestUtils):\n    pass\n"}}),
            (std::set<std::string>{"shop/tests/test_a.py"}));
}

// A one-part name is a module at the top of a source root (netbox's
// `graphql_test_modules = ('test_api', ...)` names no module), except for the
// settings module an entry point names, looked up at any depth.
TEST(TestFileReach, OnePartNamesNameTopLevelModules) {
  const std::vector<std::pair<std::string, std::string>> deep = {
      {"shop/__init__.py", ""},
      {"shop/tests/__init__.py", ""},
      {"shop/tests/test_api.py", "def test():\n    pass\n"},
      {"shop/tests/settings.py", "ROOT_URLCONF = 'x'\n"}};
  auto with = [&](std::pair<std::string, std::string> more) {
    auto sources = deep;
    sources.push_back(std::move(more));
    return sources;
  };
  EXPECT_EQ(Reached(with({"shop/testing.py", "MODULES = ('test_api', 'test_graphql')\n"})),
            (std::set<std::string>{}));
  EXPECT_EQ(Reached(with({"manage.py", "import os\nos.environ.setdefault("
                                       "'DJANGO_SETTINGS_MODULE', 'settings')\n"})),
            (std::set<std::string>{"shop/tests/settings.py"}));
  EXPECT_EQ(Reached(with({"shop/testing.py", "X = 1\n"}), {"settings"}),
            (std::set<std::string>{"shop/tests/settings.py"}));
  // A test app whose folder is no package: `INSTALLED_APPS = ['testapp']`, as
  // runtests.py puts tests/ on sys.path.
  EXPECT_EQ(Reached({{"tests/testapp/__init__.py", "from .helpers import x\n"},
                     {"tests/testapp/helpers.py", "x = 1\n"},
                     {"tests/settings.py", "INSTALLED_APPS = ['testapp']\n"},
                     {"manage.py", "import os\nos.environ.setdefault("
                                   "'DJANGO_SETTINGS_MODULE', 'tests.settings')\n"}}),
            (std::set<std::string>{"tests/settings.py", "tests/testapp/__init__.py",
                                   "tests/testapp/helpers.py"}));
}

TEST(TestFileReach, NamesBoundByImportsReachSubmodules) {
  // Each way an import binds a name: a module's alias, the first part of
  // `import a.b`, a name imported from a module, relatively too.
  for (const char* source : {"import shop.tests as t\n\ndef f():\n    t.helpers.make()\n",
                             "import shop.tests\n\ndef f():\n    shop.tests.helpers.make()\n",
                             "from shop import tests\n\ndef f():\n    tests.helpers.make()\n",
                             "from . import tests as t\n\ndef f():\n    t.helpers.make()\n"}) {
    EXPECT_EQ(Reached(With({{"shop/views.py", source}})),
              (std::set<std::string>{"shop/tests/__init__.py", "shop/tests/helpers.py"}))
        << source;
  }
  // A name no import binds is no module.
  EXPECT_EQ(Reached(With({{"shop/views.py", "def f(tests):\n    tests.helpers.make()\n"}})),
            (std::set<std::string>{}));
}

TEST(TestFileReach, FollowReturnsEachStepOnce) {
  std::vector<FileFacts> files = testing::ExtractProject(
      With({{"shop/views.py", "from .tests import test_views\n"}}));
  TestFileReach reach(files, TestReachRules{});
  auto paths = [&](const std::vector<size_t>& indices) {
    std::set<std::string> out;
    for (size_t i : indices) out.insert(files[i].file.path);
    return out;
  };
  EXPECT_EQ(paths(reach.Follow()),
            (std::set<std::string>{"shop/tests/__init__.py", "shop/tests/test_views.py"}));
  EXPECT_EQ(paths(reach.Follow()), (std::set<std::string>{"shop/tests/helpers.py"}));
  EXPECT_TRUE(reach.Follow().empty());
}

TEST(TestFileReach, LinkForgetsWhatItDoesNotRead) {
  // A test module that adds a route to the project's urlpatterns when run; Django
  // never runs it, and neither the route nor its syntax error is reported.
  std::vector<std::pair<std::string, std::string>> sources = {
      {"manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings')\n"},
      {"site/settings.py", "ROOT_URLCONF = 'site.urls'\nINSTALLED_APPS = []\n"},
      {"site/urls.py", "from django.urls import path\nurlpatterns = [path('a/', view)]\n"
                       "def view(request):\n    pass\n"},
      {"site/tests/test_urls.py", "from django.urls import path\nfrom site import urls\n"
                                  "urls.urlpatterns.append(path('b/', urls.view))\n"
                                  "def broken(:\n    pass\n"},
  };
  std::vector<FileFacts> files = testing::ExtractProject(sources);
  FileFacts& test = files[2];
  ASSERT_EQ(test.file.path, "site/tests/test_urls.py");
  ASSERT_TRUE(test.parsed);
  ASSERT_GT(test.parse_errors, 0);
  Inventory linked = Link(files, DefaultRuleSet());
  test = UnreadTestFile(test);
  EXPECT_EQ(linked, Link(files, DefaultRuleSet()));
  ASSERT_EQ(linked.endpoints.size(), 1u);
  EXPECT_EQ(linked.endpoints[0].route, "a/");
  EXPECT_EQ(linked.files_with_parse_errors, 0);
  EXPECT_EQ(linked.tests.files, 1);
  EXPECT_GT(linked.tests.lines.code, 0);
}

}  // namespace
}  // namespace djcost
