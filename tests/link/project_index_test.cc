#include "link/project_index.h"

#include <gtest/gtest.h>

namespace djcost {
namespace {

Expr Name(const std::string& dotted) {
  Expr e;
  e.kind = ExprKind::kName;
  e.text = dotted;
  return e;
}

FileFacts File(const std::string& path) {
  FileFacts f;
  f.file.path = path;
  f.parsed = true;
  return f;
}

Import From(const std::string& module, const std::string& name, int level = 0,
            const std::string& alias = "") {
  Import i;
  i.module = module;
  i.name = name;
  i.level = level;
  i.alias = alias;
  i.line = 1;
  return i;
}

ClassDef Class(const std::string& name, std::vector<std::string> bases, int line = 3) {
  ClassDef c;
  c.name = name;
  c.line = line;
  for (const auto& b : bases) c.bases.push_back(Name(b));
  return c;
}

RuleSet KnownDjango() {
  RuleSet rules;
  KnownClass model;
  model.qualname = "django.db.models.Model";
  model.aliases = {"django.db.models.base.Model"};
  model.tags = {"model"};
  rules.classes.push_back(model);
  KnownClass view;
  view.qualname = "django.views.generic.base.View";
  view.aliases = {"django.views.generic.View", "django.views.View"};
  view.methods = {"options"};
  view.tags = {"view"};
  rules.classes.push_back(view);
  return rules;
}

class ProjectIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // core/models/base.py: abstract base; core/models/__init__.py re-exports it;
    // shop/models.py inherits through a relative import and an alias.
    FileFacts base = File("core/models/base.py");
    base.imports.push_back(From("django.db", "models"));
    base.classes.push_back(Class("TimeStamped", {"models.Model"}));
    FileFacts core_init = File("core/models/__init__.py");
    Import star = From("base", "", 1);
    star.star = true;
    core_init.imports.push_back(star);
    FileFacts core_pkg = File("core/__init__.py");
    FileFacts shop_init = File("shop/__init__.py");
    FileFacts shop = File("shop/models.py");
    shop.imports.push_back(From("core.models", "TimeStamped", 0, "Stamped"));
    shop.classes.push_back(Class("Order", {"Stamped"}));
    shop.classes.push_back(Class("Special", {"Order"}, 9));
    FileFacts views = File("shop/views.py");
    Import views_imp = From("", "models", 1);
    views.imports.push_back(views_imp);
    Import generic = From("django", "views");
    views.imports.push_back(generic);
    views.classes.push_back(Class("Home", {"views.View"}));
    files_ = {base, core_init, core_pkg, shop_init, shop, views};
    std::sort(files_.begin(), files_.end(),
              [](const FileFacts& a, const FileFacts& b) { return a.file.path < b.file.path; });
    rules_ = KnownDjango();
  }
  int FileOf(const std::string& path) {
    for (size_t i = 0; i < files_.size(); ++i) {
      if (files_[i].file.path == path) return static_cast<int>(i);
    }
    return -1;
  }
  std::vector<FileFacts> files_;
  RuleSet rules_;
};

TEST_F(ProjectIndexTest, NamesModulesFromPackages) {
  ProjectIndex index(files_, rules_, {});
  EXPECT_EQ(index.ModuleOf(FileOf("core/models/__init__.py")), "core.models");
  EXPECT_EQ(index.ModuleOf(FileOf("shop/models.py")), "shop.models");
  EXPECT_EQ(index.modules().Find("core.models.base"), FileOf("core/models/base.py"));
}

TEST_F(ProjectIndexTest, ResolvesThroughAliasesAndStarReexports) {
  ProjectIndex index(files_, rules_, {});
  Symbol s = index.Resolve(FileOf("shop/models.py"), "Stamped");
  EXPECT_EQ(s.kind, Symbol::Kind::kClass);
  EXPECT_EQ(s.qualname, "core.models.base.TimeStamped");
}

TEST_F(ProjectIndexTest, ResolvesExternalNamesToKnownCanonicalNames) {
  ProjectIndex index(files_, rules_, {});
  Symbol s = index.Resolve(FileOf("core/models/base.py"), "models.Model");
  EXPECT_EQ(s.kind, Symbol::Kind::kExternal);
  EXPECT_EQ(s.qualname, "django.db.models.Model");
  Symbol v = index.Resolve(FileOf("shop/views.py"), "views.View.as_view");
  EXPECT_EQ(v.qualname, "django.views.generic.base.View");
  EXPECT_EQ(v.remainder, "as_view");
}

TEST_F(ProjectIndexTest, RelativeImportOfASiblingModule) {
  ProjectIndex index(files_, rules_, {});
  Symbol s = index.Resolve(FileOf("shop/views.py"), "models.Special");
  EXPECT_EQ(s.kind, Symbol::Kind::kClass);
  EXPECT_EQ(s.qualname, "shop.models.Special");
}

TEST_F(ProjectIndexTest, AncestorsCrossModulesAndReachKnownClasses) {
  ProjectIndex index(files_, rules_, {});
  std::vector<std::string_view> expected = {"shop.models.Special", "shop.models.Order",
                                       "core.models.base.TimeStamped", "django.db.models.Model"};
  EXPECT_EQ(index.Ancestors("shop.models.Special"), expected);
  EXPECT_TRUE(index.HasTag("shop.models.Special", "model"));
  EXPECT_FALSE(index.HasTag("shop.views.Home", "model"));
  EXPECT_TRUE(index.HasTag("shop.views.Home", "view"));
}

TEST_F(ProjectIndexTest, CyclicHierarchyEnds) {
  FileFacts a = File("cyc.py");
  a.classes.push_back(Class("A", {"B"}));
  a.classes.push_back(Class("B", {"A"}, 5));
  std::vector<FileFacts> files{a};
  ProjectIndex index(files, rules_, {});
  std::vector<std::string_view> expected = {"cyc.A", "cyc.B"};
  EXPECT_EQ(index.Ancestors("cyc.A"), expected);
}

// Ancestors' lists are views of the memo's own keys, and ResolveMemo hands out
// references to answers shared between files: both must survive the memos
// growing (and rehashing) under them.
TEST_F(ProjectIndexTest, MemoisedAnswersStayValidWhileTheMemosGrow) {
  FileFacts many = File("many.py");
  for (int i = 0; i < 2000; ++i) many.classes.push_back(Class("C" + std::to_string(i), {"Base"}));
  many.classes.push_back(Class("Base", {}));
  std::vector<FileFacts> files = files_;
  files.push_back(many);
  const int many_file = static_cast<int>(files.size()) - 1;
  ProjectIndex index(files, rules_, {});
  const std::vector<std::string_view>& first = index.Ancestors("many.C0");
  const Symbol& resolved = index.ResolveMemo(many_file, "C0");
  for (int i = 1; i < 2000; ++i) {
    index.Ancestors("many.C" + std::to_string(i));
    index.ResolveMemo(many_file, "C" + std::to_string(i));
  }
  EXPECT_EQ(first, (std::vector<std::string_view>{"many.C0", "many.Base"}));
  EXPECT_EQ(resolved.qualname, "many.C0");
  EXPECT_EQ(resolved.kind, Symbol::Kind::kClass);
  // A question asked again is answered from the memo, by the same object.
  const Symbol& again = index.ResolveMemo(many_file, "Base");
  EXPECT_EQ(&again, &index.ResolveMemo(many_file, "Base"));
  EXPECT_EQ(index.Resolve(FileOf("shop/views.py"), "models.Special"),
            index.ResolveMemo(FileOf("shop/views.py"), "models.Special"));
}

// Django's own source scanned at its package folder: the folder's name comes
// from how its modules import each other, and its classes that the tables
// describe keep their tags.
TEST(ProjectIndexRootPackageTest, ScanOfAPackageFolderNamesModulesAfterIt) {
  FileFacts init = File("__init__.py");
  FileFacts db_init = File("db/__init__.py");
  FileFacts base = File("db/models.py");
  base.classes.push_back(Class("Model", {}));
  FileFacts auth_init = File("contrib/__init__.py");
  FileFacts auth = File("contrib/auth.py");
  auth.imports.push_back(From("django.db", "models"));
  auth.imports.push_back(From("django", "db"));
  auth.classes.push_back(Class("User", {"models.Model"}));
  std::vector<FileFacts> files{init, auth_init, auth, db_init, base};
  RuleSet rules;
  KnownClass model;
  model.qualname = "django.db.models.Model";
  model.tags = {"model"};
  rules.classes.push_back(model);
  ProjectIndex index(files, rules, {});
  EXPECT_EQ(index.ModuleOf(0), "django");
  EXPECT_EQ(index.ModuleOf(2), "django.contrib.auth");
  EXPECT_EQ(index.modules().Find("django.db.models"), 4);
  EXPECT_EQ(index.modules().Find("db.models"), 4);  // the relative name still works
  Symbol s = index.Resolve(2, "models.Model");
  EXPECT_EQ(s.kind, Symbol::Kind::kClass);
  EXPECT_EQ(s.qualname, "django.db.models.Model");
  EXPECT_TRUE(index.HasTag("django.contrib.auth.User", "model"));
}

TEST(ProjectIndexRootPackageTest, AnOrdinaryProjectRootIsNotRenamed) {
  FileFacts init = File("__init__.py");
  FileFacts views = File("shop/views.py");
  views.imports.push_back(From("django.db", "models"));
  std::vector<FileFacts> files{init, File("shop/__init__.py"), views};
  RuleSet rules;
  ProjectIndex index(files, rules, {});
  EXPECT_EQ(index.ModuleOf(2), "shop.views");
}

// djangopackages: a project root with __init__.py, urls.py and core/management/.
// `from django.urls import path` names the root urls.py only by its own import of
// `path`, and `from django.core.management import call_command` a package that
// binds no such name: no votes for "django". A manage.py at the top says the
// folder is on sys.path, whatever votes there are.
TEST(ProjectIndexRootPackageTest, ImportsOfNamesTheFolderDoesNotBindAreNoVotes) {
  FileFacts urls = File("urls.py");
  urls.imports.push_back(From("django.urls", "path"));
  FileFacts views = File("package/views.py");
  views.imports.push_back(From("django.urls", "path"));
  views.imports.push_back(From("django.core.management", "call_command"));
  std::vector<FileFacts> files{File("__init__.py"), File("core/__init__.py"),
                               File("core/management/__init__.py"), File("package/__init__.py"),
                               views, urls};
  RuleSet rules;
  ProjectIndex index(files, rules, {});
  EXPECT_EQ(index.ModuleOf(4), "package.views");
  EXPECT_EQ(index.modules().Find("django.urls"), -1);

  FileFacts classifiers = File("package/models.py");
  classifiers.imports.push_back(From("trove_classifiers", "package"));
  files.push_back(classifiers);
  ProjectIndex voted(files, rules, {});
  EXPECT_EQ(voted.ModuleOf(4), "trove_classifiers.package.views");
  ProjectIndex on_path(files, rules, {"manage.py"});
  EXPECT_EQ(on_path.ModuleOf(4), "package.views");
}

// What a function body binds itself (ResolveInScope walks the scopes only for
// those names): functions nested in functions and the names local imports bind.
TEST(ProjectIndexLocalNamesTest, NestedFunctionsAndLocalImportsBindLocally) {
  FileFacts views = File("shop/views.py");
  views.imports.push_back(From("django.urls", "path"));  // module level
  Import local_from = From("django.db", "connection", 0, "conn");
  local_from.module_level = false;
  Import local_module = From("os.path", "");
  local_module.module_level = false;
  Import local_star = From("shop.helpers", "");
  local_star.star = true;
  local_star.module_level = false;
  views.imports.push_back(local_from);
  views.imports.push_back(local_module);
  views.imports.push_back(local_star);
  FunctionDef outer;
  outer.name = "outer";
  FunctionDef inner;
  inner.name = "inner";
  inner.scope = "outer";
  views.functions = {outer, inner};
  std::vector<FileFacts> files{File("shop/__init__.py"), views};
  RuleSet rules;
  ProjectIndex index(files, rules, {});
  EXPECT_TRUE(index.BindsLocally(1, "conn"));   // from django.db import connection as conn
  EXPECT_TRUE(index.BindsLocally(1, "os"));     // import os.path binds os
  EXPECT_TRUE(index.BindsLocally(1, "inner"));  // nested in outer
  EXPECT_FALSE(index.BindsLocally(1, "outer"));       // module level
  EXPECT_FALSE(index.BindsLocally(1, "path"));        // a module-level import
  EXPECT_FALSE(index.BindsLocally(1, "connection"));  // bound as conn
  EXPECT_FALSE(index.BindsLocally(0, "conn"));        // another file
}

// ralph: src/ralph/lib/transitions/api/ has no __init__.py, inside a package:
// Python imports it as a namespace subpackage, ralph.lib.transitions.api.
TEST(ProjectIndexRootPackageTest, NamespaceSubpackageInsideAPackageKeepsItsFullName) {
  std::vector<FileFacts> files{File("src/ralph/__init__.py"), File("src/ralph/lib/__init__.py"),
                               File("src/ralph/lib/api/routers.py"), File("src/ralph/urls.py")};
  RuleSet rules;
  ProjectIndex index(files, rules, {});
  EXPECT_EQ(index.ModuleOf(2), "ralph.lib.api.routers");
  EXPECT_EQ(index.modules().Find("ralph.lib.api.routers"), 2);
  EXPECT_EQ(index.ModuleOf(3), "ralph.urls");
}

// baserow: enterprise/backend/src/baserow_enterprise/api/sso/saml/urls.py,
// sso/ and saml/ without __init__.py, is baserow_enterprise.api.sso.saml.urls
// (include() of that name was "a module the repository does not have").
// Folders without __init__.py and no package above keep their names.
TEST(ProjectIndexRootPackageTest, NestedNamespaceSubpackagesInsideAPackageKeepTheirFullName) {
  std::vector<FileFacts> files{File("enterprise/src/ent/__init__.py"),
                               File("enterprise/src/ent/api/__init__.py"),
                               File("enterprise/src/ent/api/sso/saml/urls.py"),
                               File("enterprise/src/ent/sso/oauth2/models.py"),
                               File("tools/scripts/release.py")};
  RuleSet rules;
  ProjectIndex index(files, rules, {});
  EXPECT_EQ(index.ModuleOf(2), "ent.api.sso.saml.urls");
  EXPECT_EQ(index.modules().Find("ent.api.sso.saml.urls"), 2);
  EXPECT_EQ(index.ModuleOf(3), "ent.sso.oauth2.models");
  EXPECT_EQ(index.ModuleOf(4), "release");
}

// waldur: a `src/__init__.py` left in a src layout, while every import names
// `shop.models`: src/ is on sys.path, and its modules are named without "src.";
// once any module imports `src.`, src is a package like any other.
TEST(ProjectIndexRootPackageTest, AStraySrcPackageNothingImportsIsOnThePath) {
  std::vector<FileFacts> files{File("src/__init__.py"), File("src/shop/__init__.py"),
                               File("src/shop/models.py"), File("src/config/urls.py")};
  files[3].imports.push_back(From("shop.models", "Item"));
  RuleSet rules;
  {
    ProjectIndex index(files, rules, {});
    EXPECT_EQ(index.ModuleOf(2), "shop.models");
    EXPECT_EQ(index.modules().Find("shop.models"), 2);
    EXPECT_EQ(index.ModuleOf(3), "config.urls");
  }
  files[3].imports.push_back(From("src.shop", "models"));
  ProjectIndex index(files, rules, {});
  EXPECT_EQ(index.ModuleOf(2), "src.shop.models");
}

TEST(ProjectIndexListTest, EvaluatesListsAcrossAssignmentsAppendsAndImports) {
  FileFacts base = File("proj/settings/base.py");
  Assignment apps;
  apps.target = "INSTALLED_APPS";
  apps.value.kind = ExprKind::kList;
  Expr a;
  a.kind = ExprKind::kString;
  a.text = "django.contrib.admin";
  apps.value.items.push_back(a);
  apps.line = 2;
  base.assignments.push_back(apps);
  FileFacts dev = File("proj/settings/dev.py");
  Import star = From("base", "", 1);
  star.star = true;
  dev.imports.push_back(star);
  Assignment more;
  more.target = "INSTALLED_APPS";
  more.augmented = true;
  more.value.kind = ExprKind::kList;
  Expr b;
  b.kind = ExprKind::kString;
  b.text = "debug_toolbar";
  more.value.items.push_back(b);
  more.line = 4;
  dev.assignments.push_back(more);
  CallStatement append;
  append.call.kind = ExprKind::kCall;
  append.call.text = "INSTALLED_APPS.append";
  Expr c;
  c.kind = ExprKind::kString;
  c.text = "shop";
  append.call.items.push_back(c);
  append.line = 6;
  dev.calls.push_back(append);
  std::vector<FileFacts> files{File("proj/__init__.py"), File("proj/settings/__init__.py"), base,
                               dev};
  RuleSet rules;
  ProjectIndex index(files, rules, {});
  std::vector<ListItem> items;
  ASSERT_TRUE(index.EvalList(3, "INSTALLED_APPS", &items));
  std::vector<std::string> got;
  for (const auto& item : items) got.push_back(item.expr->text);
  std::vector<std::string> expected = {"django.contrib.admin", "debug_toolbar", "shop"};
  EXPECT_EQ(got, expected);
  EXPECT_FALSE(index.EvalList(3, "MIDDLEWARE", &items));
}

}  // namespace
}  // namespace djcost
