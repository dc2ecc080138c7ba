#include "link/settings.h"

#include <gtest/gtest.h>

#include "link/apps.h"
#include "support/snippet_project.h"

namespace djcost {
namespace {

using testing::ExtractProject;

std::vector<std::string> Values(const std::vector<SettingsValue>& values) {
  std::vector<std::string> out;
  for (const auto& v : values) out.push_back(v.value);
  return out;
}

RuleSet AppConfigRules() {
  RuleSet rules;
  KnownClass app_config;
  app_config.qualname = "django.apps.config.AppConfig";
  app_config.aliases = {"django.apps.AppConfig"};
  app_config.tags = {"app-config"};
  rules.classes.push_back(app_config);
  return rules;
}

TEST(SettingsTest, FollowsManagePyIntoASettingsPackageWithStarImports) {
  auto files = ExtractProject({
      {"manage.py",
       "import os, sys\n"
       "def main():\n"
       "    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings.dev')\n"},
      {"config/__init__.py", ""},
      {"config/settings/__init__.py", ""},
      {"config/settings/base.py",
       "DJANGO_APPS = ['django.contrib.admin', 'django.contrib.auth']\n"
       "LOCAL_APPS = ['shop.apps.ShopConfig', 'blog']\n"
       "INSTALLED_APPS = DJANGO_APPS + LOCAL_APPS\n"
       "ROOT_URLCONF = 'config.urls'\n"
       "AUTH_USER_MODEL = 'accounts.User'\n"
       "MIDDLEWARE = ['django.middleware.common.CommonMiddleware']\n"},
      {"config/settings/dev.py",
       "from .base import *\n"
       "INSTALLED_APPS += ['debug_toolbar']\n"
       "MIDDLEWARE.insert(0, 'debug_toolbar.middleware.DebugToolbarMiddleware')\n"
       "try:\n"
       "    from .local import *\n"
       "except ImportError:\n"
       "    pass\n"},
      {"config/settings/local.py", "ROOT_URLCONF = 'config.local_urls'\n"},
      {"shop/__init__.py", ""},
      {"shop/apps.py",
       "from django.apps import AppConfig\n"
       "class ShopConfig(AppConfig):\n"
       "    name = 'shop'\n"
       "    label = 'store'\n"},
      {"shop/models.py", ""},
      {"blog/__init__.py", ""},
      {"blog/models.py", ""},
      {"tools/__init__.py", ""},
      {"tools/models.py", ""},
  });
  RuleSet rules = AppConfigRules();
  ProjectIndex index(files, rules, {"manage.py"});
  Settings settings = FindSettings(index);
  EXPECT_EQ(settings.module, "config.settings.dev");
  EXPECT_EQ(settings.root_urlconf.value, "config.local_urls");
  EXPECT_EQ(settings.root_urlconf.location.path, "config/settings/local.py");
  EXPECT_EQ(settings.auth_user_model.value, "accounts.User");
  std::vector<std::string> apps = {"django.contrib.admin", "django.contrib.auth",
                                   "shop.apps.ShopConfig", "blog", "debug_toolbar"};
  EXPECT_EQ(Values(settings.installed_apps), apps);
  EXPECT_TRUE(settings.installed_apps_complete);
  std::vector<std::string> middleware = {"debug_toolbar.middleware.DebugToolbarMiddleware",
                                         "django.middleware.common.CommonMiddleware"};
  EXPECT_EQ(Values(settings.middleware), middleware);

  Apps project_apps(index, settings);
  ASSERT_EQ(project_apps.list().size(), 3u);
  EXPECT_EQ(project_apps.list()[0].label, "blog");
  EXPECT_TRUE(project_apps.list()[0].installed);
  EXPECT_EQ(project_apps.list()[1].label, "store");
  EXPECT_EQ(project_apps.list()[1].module, "shop");
  EXPECT_TRUE(project_apps.list()[1].installed);
  EXPECT_EQ(project_apps.list()[2].label, "tools");
  EXPECT_FALSE(project_apps.list()[2].installed);
  EXPECT_EQ(project_apps.LabelForPath("shop/views/orders.py"), "store");
  EXPECT_EQ(project_apps.LabelForPath("config/urls.py"), "");
}

TEST(SettingsTest, GuessesTheSettingsModuleWhenNoEntryPointNamesOne) {
  auto files = ExtractProject({
      {"site/__init__.py", ""},
      {"site/settings.py", "ROOT_URLCONF = 'site.urls'\nINSTALLED_APPS = [APP for APP in X]\n"},
  });
  RuleSet rules;
  ProjectIndex index(files, rules, {});
  Settings settings = FindSettings(index);
  EXPECT_EQ(settings.module, "site.settings");
  EXPECT_EQ(settings.root_urlconf.value, "site.urls");
  EXPECT_FALSE(settings.installed_apps_complete);
}

TEST(SettingsTest, NoSettingsIsNotAnError) {
  auto files = ExtractProject({{"lib/util.py", "X = 1\n"}});
  RuleSet rules;
  ProjectIndex index(files, rules, {});
  Settings settings = FindSettings(index);
  EXPECT_EQ(settings.module, "");
  EXPECT_EQ(settings.file, -1);
}

// netbox: plugins append to INSTALLED_APPS in a loop, then the list is rebound
// to a deduplicated copy; the apps written as strings must survive that.
TEST(SettingsTest, ConditionalRebindingToAnUnreadableValueKeepsTheList) {
  auto files = ExtractProject({
      {"proj/settings.py",
       "import os\n"
       "INSTALLED_APPS = ['django.contrib.auth', 'dcim']\n"
       "if not DEBUG:\n"
       "    INSTALLED_APPS.remove('debug_toolbar')\n"
       "for plugin in PLUGINS:\n"
       "    INSTALLED_APPS.extend(plugin_apps)\n"
       "    sorted_apps = reversed(list(dict.fromkeys(reversed(INSTALLED_APPS))))\n"
       "    INSTALLED_APPS = list(sorted_apps)\n"
       "ROOT_URLCONF = 'proj.urls'\n"},
  });
  RuleSet rules;
  ProjectIndex index(files, rules, {});
  Settings settings = FindSettings(index);
  EXPECT_EQ(Values(settings.installed_apps),
            (std::vector<std::string>{"django.contrib.auth", "dcim"}));
  EXPECT_FALSE(settings.installed_apps_complete);  // plugin_apps is not readable
}

// The Two Scoops settings (`[*DJANGO_APPS, *THIRD_PARTY_APPS, *LOCAL_APPS]`)
// read as an empty list, and baserow's `*BASEROW_BUILT_IN_PLUGINS` left its
// premium and enterprise apps out: unpacked lists are read in place, in
// MIDDLEWARE too; what cannot be read still makes the list partial.
TEST(SettingsTest, UnpackedListsAreReadInPlace) {
  auto files = ExtractProject({
      {"proj/base_apps.py", "DJANGO_APPS = ['django.contrib.auth']\n"},
      {"proj/settings.py",
       "from proj.base_apps import DJANGO_APPS\n"
       "LOCAL_APPS = ('shop',)\n"
       "if OSS_ONLY:\n"
       "    PLUGINS = []\n"
       "else:\n"
       "    PLUGINS = ['premium', 'enterprise']\n"
       "INSTALLED_APPS = [*DJANGO_APPS, *('rest_framework', 'corsheaders'), *LOCAL_APPS, *PLUGINS]\n"
       "SECURITY = ['django.middleware.security.SecurityMiddleware']\n"
       "MIDDLEWARE = [*SECURITY, 'django.middleware.common.CommonMiddleware']\n"
       "ROOT_URLCONF = 'proj.urls'\n"},
      {"other/settings.py",
       "INSTALLED_APPS = ['django.contrib.auth', *discover_plugins()]\n"
       "ROOT_URLCONF = 'other.urls'\n"},
  });
  RuleSet rules;
  ProjectIndex index(files, rules, {});
  Settings settings = FindSettings(index, "proj.settings");
  EXPECT_EQ(Values(settings.installed_apps),
            (std::vector<std::string>{"django.contrib.auth", "rest_framework", "corsheaders",
                                      "shop", "premium", "enterprise"}));
  EXPECT_TRUE(settings.installed_apps_complete);
  EXPECT_EQ(Values(settings.middleware),
            (std::vector<std::string>{"django.middleware.security.SecurityMiddleware",
                                      "django.middleware.common.CommonMiddleware"}));

  Settings other = FindSettings(index, "other.settings");
  EXPECT_EQ(Values(other.installed_apps), (std::vector<std::string>{"django.contrib.auth"}));
  EXPECT_FALSE(other.installed_apps_complete);
}

TEST(SettingsTest, NamesASettingsModuleThatIsMissing) {
  auto files = ExtractProject({
      {"manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'gone.settings')\n"},
  });
  RuleSet rules;
  ProjectIndex index(files, rules, {"manage.py"});
  Settings settings = FindSettings(index);
  ASSERT_EQ(settings.diagnostics.size(), 1u);
  EXPECT_EQ(settings.diagnostics[0].code, "settings-not-found");
  EXPECT_EQ(settings.diagnostics[0].message,
            "DJANGO_SETTINGS_MODULE names gone.settings, which is not in the repository");
}

std::string AppsDump(const Apps& apps) {
  std::string out;
  for (const App& a : apps.list()) {
    out += a.label + " " + a.module + " " + a.path + (a.installed ? " installed" : "") + "\n";
  }
  return out;
}

// Label Studio: io_storages/s3/models.py belongs to the installed io_storages
// (Django's get_containing_app_config), not to an uninstalled app "s3", and
// jwt_auth, installed with no __init__.py, is an app all the same.
TEST(AppsTest, SubPackagesOfAnInstalledAppAndNamespaceApps) {
  auto files = ExtractProject({
      {"manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'core.settings')\n"},
      {"core/__init__.py", ""},
      {"core/settings.py",
       "ROOT_URLCONF = 'core.urls'\n"
       "INSTALLED_APPS = ['io_storages', 'jwt_auth', 'plugins.extra']\n"},
      {"io_storages/__init__.py", ""},
      {"io_storages/models.py", "from .s3.models import *\n"},
      {"io_storages/s3/__init__.py", ""},
      {"io_storages/s3/models.py", ""},
      {"io_storages/s3/sub/models.py", ""},
      {"jwt_auth/models.py", ""},
      {"jwt_auth/apps.py", ""},
      {"plugins/__init__.py", ""},
      {"plugins/models.py", ""},
      {"plugins/extra/__init__.py", ""},
      {"plugins/extra/models.py", ""},
      {"stray/models.py", ""},
  });
  RuleSet rules = AppConfigRules();
  ProjectIndex index(files, rules, {"manage.py"});
  Settings settings = FindSettings(index);
  ASSERT_TRUE(settings.installed_apps_complete);
  Apps apps(index, settings);
  // plugins is not installed and holds an installed app: it stays an app.
  EXPECT_EQ(AppsDump(apps),
            "io_storages io_storages io_storages installed\n"
            "jwt_auth jwt_auth jwt_auth installed\n"
            "plugins plugins plugins\n"
            "extra plugins.extra plugins/extra installed\n"
            "stray stray stray\n");
  EXPECT_EQ(apps.LabelForPath("io_storages/s3/models.py"), "io_storages");
  EXPECT_EQ(apps.LabelForPath("io_storages/s3/sub/models.py"), "io_storages");
}

// With INSTALLED_APPS read only in part, a sub-package with an apps.py of its
// own may be installed in the part not read: it stays an app.
TEST(AppsTest, SubPackageWithItsOwnAppConfigStaysAnAppWhenTheListIsPartial) {
  auto files = ExtractProject({
      {"core/__init__.py", ""},
      {"core/settings.py",
       "import os\n"
       "ROOT_URLCONF = 'core.urls'\n"
       "INSTALLED_APPS = ['shop'] + os.environ['EXTRA_APPS'].split()\n"},
      {"shop/__init__.py", ""},
      {"shop/models.py", ""},
      {"shop/payments/__init__.py", ""},
      {"shop/payments/apps.py", ""},
      {"shop/payments/models.py", ""},
      {"shop/legacy/__init__.py", ""},
      {"shop/legacy/models.py", ""},
  });
  RuleSet rules = AppConfigRules();
  ProjectIndex index(files, rules, {});
  Settings settings = FindSettings(index);
  ASSERT_FALSE(settings.installed_apps_complete);
  Apps apps(index, settings);
  EXPECT_EQ(AppsDump(apps),
            "shop shop shop installed\n"
            "payments shop.payments shop/payments\n");
  EXPECT_EQ(apps.LabelForPath("shop/legacy/models.py"), "shop");
}

// GeoNode: settings read from the environment with a default, which is what
// Django gets where the variable is not set.
TEST(SettingsTest, EnvironmentReadsWithADefaultGiveTheDefault) {
  auto files = ExtractProject({
      {"manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'geo.settings')\n"},
      {"geo/__init__.py", ""},
      {"geo/settings.py",
       "import os\n"
       "from os import getenv\n"
       "ROOT_URLCONF = os.getenv('ROOT_URLCONF', 'geo.urls')\n"
       "AUTH_USER_MODEL = os.environ.get('AUTH_USER_MODEL', default='people.Profile')\n"
       "SITE = getenv('SITE')\n"},
  });
  RuleSet rules;
  ProjectIndex index(files, rules, {"manage.py"});
  Settings settings = FindSettings(index);
  EXPECT_EQ(settings.root_urlconf.value, "geo.urls");
  EXPECT_EQ(settings.root_urlconf.location.line, 3);
  EXPECT_EQ(settings.auth_user_model.value, "people.Profile");
  EXPECT_TRUE(settings.diagnostics.empty());
}

// djangopackages: django-environ's `env = environ.Env()` read with a default
// gives the default (env()'s second positional is a cast, its third the
// default); a reader of another type is not read. python-decouple's config()
// reads like os.getenv.
// openedx ecommerce (the Two Scoops / edX template) names its URLconf after
// the folder the settings sit in: `SITE_NAME = basename(DJANGO_ROOT)`, then
// `ROOT_URLCONF = '{}.urls'.format(SITE_NAME)`; it was root-urlconf-not-found
// and every URLconf walked as a root. `__file__` is the path in the scanned
// folder, whose own name is never read.
TEST(SettingsTest, RootUrlconfNamedAfterTheSettingsFolder) {
  auto files = ExtractProject({
      {"ecom/settings/base.py",
       "from os.path import abspath, basename, dirname\n"
       "DJANGO_ROOT = dirname(dirname(abspath(__file__)))\n"
       "SITE_NAME = basename(DJANGO_ROOT)\n"
       "ROOT_URLCONF = '{}.urls'.format(SITE_NAME)\n"},
      {"percent/settings.py",
       "import os\n"
       "ROOT_URLCONF = '%s.urls' % os.path.basename(os.path.dirname(os.path.abspath(__file__)))\n"},
      {"joined/conf/settings.py",
       "import os\n"
       "TOP = os.path.normpath(os.path.join(os.path.dirname(__file__), '..'))\n"
       "ROOT_URLCONF = os.path.basename(TOP) + '.urls'\n"},
      {"pathlib/conf/settings.py",
       "from pathlib import Path\n"
       "ROOT_URLCONF = Path(__file__).resolve().parent.parent.name + '.urls'\n"},
  });
  RuleSet rules;
  ProjectIndex index(files, rules, {});
  EXPECT_EQ(FindSettings(index, "ecom.settings.base").root_urlconf.value, "ecom.urls");
  EXPECT_EQ(FindSettings(index, "percent.settings").root_urlconf.value, "percent.urls");
  EXPECT_EQ(FindSettings(index, "joined.conf.settings").root_urlconf.value, "joined.urls");
  EXPECT_EQ(FindSettings(index, "pathlib.conf.settings").root_urlconf.value, "pathlib.urls");

  // The scanned folder's own name is not known: no machine path is read.
  auto top_files = ExtractProject({
      {"settings.py",
       "from os.path import basename, dirname\n"
       "ROOT_URLCONF = basename(dirname(__file__)) + '.urls'\n"},
  });
  ProjectIndex top_index(top_files, rules, {});
  Settings top = FindSettings(top_index, "settings");
  EXPECT_EQ(top.root_urlconf.value, "");
  ASSERT_EQ(top.diagnostics.size(), 1u);
  EXPECT_EQ(top.diagnostics[0].code, "root-urlconf-not-found");
}

TEST(SettingsTest, EnvironAndDecoupleReadsWithADefaultGiveTheDefault) {
  auto settings_of = [](const std::string& source) {
    auto files = ExtractProject({
        {"manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'p.settings')\n"},
        {"p/__init__.py", ""},
        {"p/settings.py", source},
    });
    RuleSet rules;
    ProjectIndex index(files, rules, {"manage.py"});
    Settings settings = FindSettings(index);
    return settings.root_urlconf.value + " " + settings.auth_user_model.value;
  };
  EXPECT_EQ(settings_of("import environ\n"
                        "env = environ.Env()\n"
                        "ROOT_URLCONF = env('ROOT_URLCONF', default='p.urls')\n"
                        "AUTH_USER_MODEL = env.str('AUTH_USER_MODEL', 'people.Profile')\n"),
            "p.urls people.Profile");
  EXPECT_EQ(settings_of("from environ import Env\n"
                        "env = Env(DEBUG=(bool, False))\n"
                        "ROOT_URLCONF = env('ROOT_URLCONF', str, 'p.urls')\n"
                        "AUTH_USER_MODEL = env.bool('AUTH_USER_MODEL', default='people.Profile')\n"),
            "p.urls ");
  EXPECT_EQ(settings_of("from decouple import config\n"
                        "ROOT_URLCONF = config('ROOT_URLCONF', default='p.urls')\n"
                        "AUTH_USER_MODEL = config('AUTH_USER_MODEL', 'people.Profile')\n"),
            "p.urls people.Profile");
}

// django-split-settings (DefectDojo, ColdFront): include() runs fragments in the
// settings module's namespace; a setting comes from the module, else from the
// last fragment that sets it. Globs and optional() are followed; other
// folders are not.
TEST(SettingsTest, SplitSettingsFragmentsAreRead) {
  auto files = ExtractProject({
      {"manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings')\n"},
      {"site/__init__.py", ""},
      {"site/settings.py",
       "from split_settings.tools import include, optional\n"
       "configs = ['base.py', 'components/*.py']\n"
       "include(*configs, optional('local.py'))\n"
       "MIDDLEWARE = ['own.Middleware']\n"},
      {"site/base.py",
       "ROOT_URLCONF = 'site.urls'\n"
       "INSTALLED_APPS = ['shop']\n"
       "AUTH_USER_MODEL = 'shop.Early'\n"
       "MIDDLEWARE = ['base.Middleware']\n"},
      {"site/components/auth.py", "AUTH_USER_MODEL = 'shop.Customer'\n"},
      {"site/local.py", "INSTALLED_APPS = ['shop', 'local_app']\n"},
      {"site/other/urls_conf.py", "ROOT_URLCONF = 'other.urls'\n"},
  });
  RuleSet rules;
  ProjectIndex index(files, rules, {"manage.py"});
  Settings settings = FindSettings(index);
  EXPECT_EQ(settings.module, "site.settings");
  EXPECT_EQ(settings.root_urlconf.value, "site.urls");
  EXPECT_EQ(settings.root_urlconf.location.path, "site/base.py");
  EXPECT_EQ(settings.auth_user_model.value, "shop.Customer");
  EXPECT_EQ(Values(settings.installed_apps), (std::vector<std::string>{"shop", "local_app"}));
  EXPECT_EQ(Values(settings.middleware), std::vector<std::string>{"own.Middleware"});
  EXPECT_TRUE(settings.diagnostics.empty());
}

// rdmo: the settings module binds INSTALLED_APPS (by a star import), then
// `include(optional("base.py"), optional("local.py"))` runs base.py in its
// namespace, whose `INSTALLED_APPS += [...]` extends that list; fragments run
// in include order, where the include() is, so the module's own `+=` after it
// comes last and a fragment's `=` replaces what came before.
TEST(SettingsTest, SplitSettingsFragmentsExtendTheModulesList) {
  auto read = [](const std::string& again) {
    auto files = ExtractProject({
        {"manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings')\n"},
        {"site/__init__.py", ""},
        {"core/__init__.py", ""},
        {"core/settings.py", "ROOT_URLCONF = 'site.urls'\nINSTALLED_APPS = ['shop']\n"},
        {"site/settings.py",
         "from split_settings.tools import include, optional\n"
         "from core.settings import *\n"
         "include(optional('base.py'), optional('local.py'))\n"
         "INSTALLED_APPS += ['last']\n"
         "include('again.py')\n"},
        {"site/base.py",
         "INSTALLED_APPS += ['allauth', 'drf_spectacular']\n"
         "INSTALLED_APPS.append('sidecar')\n"
         "MIDDLEWARE = ['allauth.Middleware']\n"},
        {"site/again.py", again},
    });
    RuleSet rules;
    ProjectIndex index(files, rules, {"manage.py"});
    return FindSettings(index);
  };
  Settings extended = read("INSTALLED_APPS.extend(['again'])\n");
  EXPECT_EQ(Values(extended.installed_apps),
            (std::vector<std::string>{"shop", "allauth", "drf_spectacular", "sidecar", "last",
                                      "again"}));
  EXPECT_TRUE(extended.installed_apps_complete);
  EXPECT_EQ(Values(extended.middleware), std::vector<std::string>{"allauth.Middleware"});
  EXPECT_EQ(Values(read("INSTALLED_APPS = ['only']\n").installed_apps),
            std::vector<std::string>{"only"});
}

// Weblate ships settings_example.py for users to copy to the settings.py its
// manage.py names: the warning lists the candidates, and the settings option
// picks one.
TEST(SettingsTest, TheSettingsOptionChoosesAModuleNoEntryPointNames) {
  auto files = ExtractProject({
      {"manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'app.settings')\n"},
      {"app/__init__.py", ""},
      {"app/settings_example.py", "ROOT_URLCONF = 'app.urls'\nINSTALLED_APPS = ['app']\n"},
      {"app/settings_docker.py", "from .settings_example import *\n"},
      {"app/settings_notes.py", "NOTE = 1\n"},
  });
  RuleSet rules;
  ProjectIndex index(files, rules, {"manage.py"});

  Settings unset = FindSettings(index);
  EXPECT_EQ(unset.module, "");
  ASSERT_EQ(unset.diagnostics.size(), 1u);
  EXPECT_EQ(unset.diagnostics[0].message,
            "DJANGO_SETTINGS_MODULE names app.settings, which is not in the repository; "
            "--settings or the settings option can name one of app.settings_docker, "
            "app.settings_example");

  Settings chosen = FindSettings(index, "app.settings_docker");
  EXPECT_EQ(chosen.module, "app.settings_docker");
  EXPECT_EQ(chosen.root_urlconf.value, "app.urls");
  EXPECT_EQ(Values(chosen.installed_apps), std::vector<std::string>{"app"});
  EXPECT_TRUE(chosen.diagnostics.empty());

  Settings missing = FindSettings(index, "app.settings_prod");
  EXPECT_EQ(missing.module, "");
  ASSERT_EQ(missing.diagnostics.size(), 2u);
  EXPECT_EQ(missing.diagnostics[0].message,
            "the settings module chosen (--settings or the settings option), "
            "app.settings_prod, is not in the repository; looking for the settings as "
            "without it");
}


// LibrePhotos: manage.py names f"librephotos.settings.{environment}", where
// `environment = "production"` always runs (under `if __name__ == "__main__":`,
// which a script always passes) and "development" and "test" only under
// conditions nothing sets.
TEST(SettingsTest, TheSettingsNameBoundWithoutConditionWins) {
  auto files = ExtractProject({
      {"manage.py",
       "import os, sys\n"
       "if __name__ == '__main__':\n"
       "    environment = 'production'\n"
       "    if os.environ.get('DEBUG', '0') == '1':\n"
       "        environment = 'development'\n"
       "    if sys.argv[1] == 'test':\n"
       "        environment = 'test'\n"
       "    os.environ.setdefault('DJANGO_SETTINGS_MODULE', f'site.settings.{environment}')\n"},
      {"site/__init__.py", ""},
      {"site/settings/__init__.py", ""},
      {"site/settings/production.py", "ROOT_URLCONF = 'site.urls'\n"},
      {"site/settings/development.py", "from .production import *\n"},
      {"site/settings/test.py", "from .production import *\n"},
  });
  RuleSet rules;
  ProjectIndex index(files, rules, {"manage.py"});
  EXPECT_EQ(FindSettings(index).module, "site.settings.production");
}

// AWX: wsgi.py and asgi.py call a function that names 'awx.settings.%s' % MODE;
// asgi.py then names "awx.settings", an empty package. A module that sets
// nothing djcost reads is passed over for one that sets ROOT_URLCONF, and the
// choice is said.
TEST(SettingsTest, AnEntryNamingAModuleThatSetsNothingIsPassedOver) {
  auto files = ExtractProject({
      {"site/__init__.py", ""},
      {"site/asgi.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings')\n"},
      {"site/settings/__init__.py", ""},
      {"site/settings/defaults.py", "ROOT_URLCONF = 'site.urls'\n"},
  });
  RuleSet rules;
  ProjectIndex index(files, rules, {});
  Settings settings = FindSettings(index);
  EXPECT_EQ(settings.module, "site.settings.defaults");
  EXPECT_EQ(settings.root_urlconf.value, "site.urls");
  ASSERT_EQ(settings.diagnostics.size(), 1u);
  EXPECT_EQ(settings.diagnostics[0].code, "settings-guessed");
  EXPECT_EQ(settings.diagnostics[0].message,
            "DJANGO_SETTINGS_MODULE names site.settings, which sets neither ROOT_URLCONF nor "
            "INSTALLED_APPS; read site.settings.defaults instead, a settings module that sets "
            "ROOT_URLCONF (--settings or the settings option can name another)");
}

// A remove djcost cannot apply (a name it does not read, an app the list it
// read does not hold) leaves INSTALLED_APPS partly evaluated, as a
// comprehension's filter does, rather than silently complete.
TEST(SettingsTest, ARemoveThatCannotBeAppliedIsSaid) {
  for (const char* remove : {"INSTALLED_APPS.remove(OPTIONAL_APP)\n",
                             "INSTALLED_APPS.remove('elsewhere')\n"}) {
    auto files = ExtractProject({
        {"proj/settings.py", std::string("ROOT_URLCONF = 'proj.urls'\n"
                                         "INSTALLED_APPS = ['django.contrib.auth', 'shop']\n") +
                                 remove},
    });
    RuleSet rules;
    ProjectIndex index(files, rules, {});
    Settings settings = FindSettings(index, "proj.settings");
    EXPECT_EQ(Values(settings.installed_apps),
              (std::vector<std::string>{"django.contrib.auth", "shop"}))
        << remove;
    EXPECT_FALSE(settings.installed_apps_complete) << remove;
    ASSERT_EQ(settings.diagnostics.size(), 1u) << remove;
    EXPECT_EQ(settings.diagnostics[0].code, "settings-partly-evaluated") << remove;
  }
}

// mytardis: manage.py's run() binds the settings' names to locals, then names
// its tardis.settings if the file exists, else tardis.default_settings; wsgi.py
// names tardis.settings. The repository holds only the second, which is read
// without a word.
TEST(SettingsTest, ManagePyNamesTheModuleThroughFunctionLocals) {
  for (const char* names : {"    custom_settings = 'tardis.settings'\n"
                            "    demo_settings = 'tardis.default_settings'\n",
                            "    custom_settings, demo_settings = 'tardis.settings', "
                            "'tardis.default_settings'\n"}) {
    auto files = ExtractProject({
        {"manage.py", std::string("import os\n"
                                  "def run():\n") +
                          names +
                          "    if os.path.isfile(custom_settings.replace('.', '/') + '.py'):\n"
                          "        os.environ.setdefault('DJANGO_SETTINGS_MODULE', custom_settings)\n"
                          "    else:\n"
                          "        os.environ.setdefault('DJANGO_SETTINGS_MODULE', demo_settings)\n"},
        {"wsgi.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'tardis.settings')\n"},
        {"tardis/__init__.py", ""},
        {"tardis/default_settings.py", "ROOT_URLCONF = 'tardis.urls'\n"},
    });
    RuleSet rules;
    ProjectIndex index(files, rules, {"manage.py"});
    Settings settings = FindSettings(index);
    EXPECT_EQ(settings.module, "tardis.default_settings") << names;
    EXPECT_TRUE(settings.diagnostics.empty()) << names;
  }
}

// marsha: django-configurations settings are the attributes of the class
// DJANGO_CONFIGURATION names, inherited from its bases, a subclass's own
// value first (`INSTALLED_APPS = Base.INSTALLED_APPS + [...]`).
const char* kConfigurationSettings =
    "from configurations import Configuration, values\n"
    "class Base(Configuration):\n"
    "    DEBUG = values.BooleanValue(False)\n"
    "    ROOT_URLCONF = 'proj.urls'\n"
    "    INSTALLED_APPS = ['django.contrib.contenttypes', 'app']\n"
    "class Development(Base):\n"
    "    INSTALLED_APPS = ['daphne'] + Base.INSTALLED_APPS + ['devapp']\n"
    "class Production(Base):\n"
    "    pass\n";

TEST(SettingsTest, DjangoConfigurationsClassNamedByTheEntryPoint) {
  auto files = ExtractProject({
      {"manage.py",
       "import os, sys\n"
       "if __name__ == '__main__':\n"
       "    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'proj.settings')\n"
       "    os.environ.setdefault('DJANGO_CONFIGURATION', 'Development')\n"
       "    from configurations.management import execute_from_command_line\n"},
      {"proj/__init__.py", ""},
      {"proj/settings.py", kConfigurationSettings},
  });
  RuleSet rules;
  ProjectIndex index(files, rules, {"manage.py"});
  Settings settings = FindSettings(index);
  EXPECT_EQ(settings.module, "proj.settings");
  EXPECT_EQ(settings.settings_class, "proj.settings.Development");
  EXPECT_EQ(settings.root_urlconf.value, "proj.urls");
  EXPECT_EQ(Values(settings.installed_apps),
            (std::vector<std::string>{"daphne", "django.contrib.contenttypes", "app", "devapp"}));
  EXPECT_TRUE(settings.installed_apps_complete);
  EXPECT_TRUE(settings.diagnostics.empty());
}

// Without DJANGO_CONFIGURATION Django would not start: the class named
// Production is read, else the only class no other subclasses, and the choice
// is said; with neither, root-urlconf-not-found names the classes.
TEST(SettingsTest, DjangoConfigurationsClassChosenWhenNoneIsNamed) {
  auto project = [](std::string settings) {
    return ExtractProject({
        {"manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'proj.settings')\n"},
        {"proj/__init__.py", ""},
        {"proj/settings.py", std::move(settings)},
    });
  };
  RuleSet rules;
  auto production = project(kConfigurationSettings);
  ProjectIndex index(production, rules, {"manage.py"});
  Settings settings = FindSettings(index);
  EXPECT_EQ(settings.settings_class, "proj.settings.Production");
  EXPECT_EQ(Values(settings.installed_apps),
            (std::vector<std::string>{"django.contrib.contenttypes", "app"}));
  ASSERT_EQ(settings.diagnostics.size(), 1u);
  EXPECT_EQ(settings.diagnostics[0].code, "settings-guessed");
  EXPECT_EQ(settings.diagnostics[0].message,
            "no entry point sets DJANGO_CONFIGURATION; read its class Production "
            "(django-configurations classes: Base, Development, Production)");

  auto one_leaf = project(
      "from configurations import Configuration\n"
      "class Base(Configuration):\n"
      "    ROOT_URLCONF = 'proj.urls'\n"
      "class Dev(Base):\n"
      "    pass\n");
  ProjectIndex one_leaf_index(one_leaf, rules, {"manage.py"});
  EXPECT_EQ(FindSettings(one_leaf_index).settings_class, "proj.settings.Dev");

  auto two_leaves = project(
      "from configurations import Configuration\n"
      "class Base(Configuration):\n"
      "    ROOT_URLCONF = 'proj.urls'\n"
      "class Dev(Base):\n"
      "    pass\n"
      "class Test(Base):\n"
      "    pass\n");
  ProjectIndex two_leaves_index(two_leaves, rules, {"manage.py"});
  Settings unchosen = FindSettings(two_leaves_index);
  EXPECT_EQ(unchosen.settings_class, "");
  ASSERT_EQ(unchosen.diagnostics.size(), 1u);
  EXPECT_EQ(unchosen.diagnostics[0].code, "root-urlconf-not-found");
  EXPECT_EQ(unchosen.diagnostics[0].message,
            "settings module proj.settings sets no ROOT_URLCONF djcost can read; its settings "
            "are the django-configurations classes Base, Dev, Test, and no entry point's "
            "DJANGO_CONFIGURATION names one of them");
}

TEST(SettingsTest, DjangoConfigurationNamingNoClassOfTheModuleIsSaid) {
  auto files = ExtractProject({
      {"manage.py",
       "import os\n"
       "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'proj.settings')\n"
       "os.environ.setdefault('DJANGO_CONFIGURATION', 'Staging')\n"},
      {"proj/__init__.py", ""},
      {"proj/settings.py", kConfigurationSettings},
  });
  RuleSet rules;
  ProjectIndex index(files, rules, {"manage.py"});
  Settings settings = FindSettings(index);
  EXPECT_EQ(settings.settings_class, "proj.settings.Production");
  ASSERT_EQ(settings.diagnostics.size(), 1u);
  EXPECT_EQ(settings.diagnostics[0].message,
            "DJANGO_CONFIGURATION names Staging, which is no Configuration class of "
            "proj.settings; read its class Production (django-configurations classes: Base, "
            "Development, Production)");
}

// readthedocs.org: `DockerBaseSettings.load_settings(__name__)` copies the
// attributes of a settings class, inherited ones too, into the module.
TEST(SettingsTest, AClassWhoseLoadSettingsFillsTheModule) {
  auto files = ExtractProject({
      {"manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings.docker')\n"},
      {"site/__init__.py", ""},
      {"site/core.py",
       "class Settings:\n"
       "    @classmethod\n"
       "    def load_settings(cls, module_name):\n"
       "        pass\n"},
      {"site/settings/__init__.py", ""},
      {"site/settings/base.py",
       "from site.core import Settings\n"
       "class CommunityBaseSettings(Settings):\n"
       "    ROOT_URLCONF = 'site.urls'\n"},
      {"site/settings/docker.py",
       "from .base import CommunityBaseSettings\n"
       "class DockerBaseSettings(CommunityBaseSettings):\n"
       "    DEBUG = True\n"
       "DockerBaseSettings.load_settings(__name__)\n"},
  });
  RuleSet rules;
  ProjectIndex index(files, rules, {"manage.py"});
  Settings settings = FindSettings(index);
  EXPECT_EQ(settings.module, "site.settings.docker");
  EXPECT_EQ(settings.settings_class, "site.settings.docker.DockerBaseSettings");
  EXPECT_EQ(settings.root_urlconf.value, "site.urls");
  EXPECT_EQ(settings.root_urlconf.location.path, "site/settings/base.py");
}

}  // namespace
}  // namespace djcost
