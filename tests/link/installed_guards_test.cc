// Statements under `if "app" in settings.INSTALLED_APPS:` (or apps.is_installed)
// run only when the condition holds against a completely read INSTALLED_APPS:
// routes, router registrations, admin registrations and receivers of a branch
// Django never runs are not counted (Weblate's optional apps).
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "link_test_support.h"

namespace djcost {
namespace {

const char* kViews = R"py(
from django.contrib import admin
from django.db import models
from django.db.models.signals import post_save

def v(request):
    pass

class Item(models.Model):
    pass

class Plan(models.Model):
    pass

def on_save(sender, **kwargs):
    pass
)py";

const char* kUrls = R"py(
from django.apps import apps
from django.conf import settings
from django.urls import path
from shop import views

urlpatterns = [path("a/", views.v)]
if "billing" in settings.INSTALLED_APPS:
    urlpatterns += [path("billing/", views.v)]
if apps.is_installed("shop") and settings.DEBUG:
    urlpatterns.append(path("debug/", views.v))
if "billing" not in settings.INSTALLED_APPS:
    urlpatterns.append(path("free/", views.v))
elif "legal" in settings.INSTALLED_APPS:
    urlpatterns.append(path("legal/", views.v))
else:
    urlpatterns.append(path("paid/", views.v))
if not ("shop" in settings.INSTALLED_APPS or settings.DEBUG):
    urlpatterns.append(path("never/", views.v))
)py";

const char* kAdmin = R"py(
from django.conf import settings
from django.contrib import admin
from django.db.models.signals import post_save
from shop.views import Item, Plan, on_save

admin.site.register(Item)
if "billing" in settings.INSTALLED_APPS:
    admin.site.register(Plan)
    post_save.connect(on_save, sender=Plan)
else:
    post_save.connect(on_save, sender=Item)
)py";

using testing::Routes;

Inventory LinkWith(const char* installed_apps) {
  return testing::LinkSources(
      {{"manage.py", "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings')\n"},
       {"site/__init__.py", ""},
       {"site/settings.py",
        std::string("ROOT_URLCONF = 'site.urls'\nINSTALLED_APPS = ") + installed_apps + "\n"},
       {"site/urls.py", kUrls},
       {"shop/__init__.py", ""},
       {"shop/views.py", kViews},
       {"shop/admin.py", kAdmin},
       // A migration's condition guards nothing counted (and a scan does not parse it).
       {"shop/migrations/0002_copy.py",
        "from django.apps import apps\nif apps.is_installed('players'):\n    x = 1\n"}});
}

TEST(InstalledGuardsTest, BranchesOfAnAppNotInstalledAreNotCounted) {
  Inventory inv = LinkWith("['django.contrib.admin', 'shop']");
  EXPECT_EQ(Routes(inv), "a/ debug/ free/ ");
  ASSERT_EQ(inv.admin_registrations.size(), 1u);
  EXPECT_EQ(inv.admin_registrations[0].model, "shop.views.Item");
  ASSERT_EQ(inv.signal_receivers.size(), 1u);
  EXPECT_EQ(inv.signal_receivers[0].sender, "shop.views.Item");
}

TEST(InstalledGuardsTest, BranchesOfAnInstalledAppAreCounted) {
  Inventory inv = LinkWith("['django.contrib.admin', 'shop', 'billing.apps.BillingConfig', 'billing']");
  EXPECT_EQ(Routes(inv), "a/ billing/ debug/ paid/ ");
  EXPECT_EQ(inv.admin_registrations.size(), 2u);
  ASSERT_EQ(inv.signal_receivers.size(), 1u);
  EXPECT_EQ(inv.signal_receivers[0].sender, "shop.views.Plan");
}

// An INSTALLED_APPS djcost cannot read whole says nothing of what is missing:
// every branch is read, as before.
TEST(InstalledGuardsTest, AnUnreadableInstalledAppsReadsEveryBranch) {
  Inventory inv = LinkWith("['django.contrib.admin', 'shop'] + get_plugins()");
  EXPECT_EQ(Routes(inv), "a/ billing/ debug/ free/ legal/ never/ paid/ ");
  EXPECT_EQ(inv.admin_registrations.size(), 2u);
  EXPECT_EQ(inv.signal_receivers.size(), 2u);
}

// rdmo: settings that run django-split-settings' `include(optional("local.py"))`
// may install, where the project runs, what a deployment's local.py adds, as
// they may set what fix 102 reads (SettingsADeploymentMayOverrideReadEveryBranch):
// every branch is read, and a warning names a condition the list read does not meet.
TEST(InstalledGuardsTest, AnInstalledAppsADeploymentMayExtendReadsEveryBranch) {
  Inventory inv = LinkWith(
      "['django.contrib.admin', 'shop']\n"
      "from split_settings.tools import include, optional\n"
      "include(optional('local.py'))");
  EXPECT_EQ(Routes(inv), "a/ billing/ debug/ free/ legal/ never/ paid/ ");
  EXPECT_EQ(inv.admin_registrations.size(), 2u);
  EXPECT_EQ(inv.signal_receivers.size(), 2u);
  std::string said;
  for (const auto& d : inv.diagnostics) {
    if (d.code == "settings-partly-evaluated") said += d.location.path + ": " + d.message + "\n";
  }
  EXPECT_EQ(said,
            "site/settings.py: settings module site.settings may be changed where the project "
            "runs (a settings file the repository lacks, django-split-settings' include(), exec "
            "or globals()), so code under INSTALLED_APPS conditions is counted even where the "
            "list read does not meet them: 4 conditions, e.g. \"billing\" in shop/admin.py\n");
}

// credentials: `if settings.BADGES_ENABLED:` with `BADGES_ENABLED = False` in
// the settings module is a branch Django never runs; a setting bound under a
// condition, or to what djcost cannot read, reads every branch; getattr's
// default stands for a setting the module never binds.
TEST(InstalledGuardsTest, BranchesOfASettingsFalseTruthAreNotCounted) {
  Inventory inv = testing::LinkSources(
      {{"manage.py", "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings')\n"},
       {"site/__init__.py", ""},
       {"site/base.py", "BADGES_ENABLED = False\nFEATURE = ['on']\n"},
       {"site/settings.py", R"py(
from .base import *
ROOT_URLCONF = 'site.urls'
INSTALLED_APPS = ['django.contrib.admin', 'shop']
MAYBE = env('MAYBE')
if os.environ.get('X'):
    FLIPPED = True
)py"},
       {"site/urls.py", R"py(
from django.conf import settings
from django.urls import path
from shop import views

urlpatterns = [path("a/", views.v)]
if settings.BADGES_ENABLED:
    urlpatterns += [path("badges/", views.v)]
else:
    urlpatterns += [path("no-badges/", views.v)]
if settings.FEATURE and not settings.BADGES_ENABLED:
    urlpatterns.append(path("feature/", views.v))
if settings.MAYBE:
    urlpatterns.append(path("maybe/", views.v))
if settings.FLIPPED:
    urlpatterns.append(path("flipped/", views.v))
if getattr(settings, "UNSET", False):
    urlpatterns.append(path("unset/", views.v))
if getattr(settings, "UNSET", True):
    urlpatterns.append(path("unset-on/", views.v))
)py"},
       {"shop/__init__.py", ""},
       {"shop/views.py", kViews},
       {"shop/admin.py", R"py(
from django.conf import settings
from django.contrib import admin
from shop.views import Item, Plan

admin.site.register(Item)
if settings.BADGES_ENABLED:
    admin.site.register(Plan)
)py"}});
  EXPECT_EQ(Routes(inv), "a/ feature/ flipped/ maybe/ no-badges/ unset-on/ ");
  ASSERT_EQ(inv.admin_registrations.size(), 1u);
  EXPECT_EQ(inv.admin_registrations[0].model, "shop.views.Item");
}

// Seahub copies a deployment's settings into globals(), Review Board star-imports
// settings_local under a try: a literal there may be replaced where the
// project runs, so every branch is read.
TEST(InstalledGuardsTest, SettingsADeploymentMayOverrideReadEveryBranch) {
  for (const char* more : {"try:\n    from .local import *\nexcept ImportError:\n    pass\n",
                           "def load(module):\n    globals().update(vars(module))\n"}) {
    Inventory inv = testing::LinkSources(
        {{"manage.py", "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings')\n"},
         {"site/__init__.py", ""},
         {"site/settings.py", std::string("ROOT_URLCONF = 'site.urls'\n"
                                          "INSTALLED_APPS = ['shop']\n"
                                          "BADGES_ENABLED = False\n") + more},
         {"site/urls.py", R"py(
from django.conf import settings
from django.urls import path
from shop import views

urlpatterns = [path("a/", views.v)]
if settings.BADGES_ENABLED:
    urlpatterns += [path("badges/", views.v)]
)py"},
         {"shop/__init__.py", ""},
         {"shop/views.py", kViews}});
    EXPECT_EQ(Routes(inv), "a/ badges/ ") << more;
  }
}

// marsha: django-configurations settings are a class's attributes, which the
// `settings.NAME` guards do not read (no module-level name binds them): every
// branch is read rather than one dropped on getattr's default.
TEST(InstalledGuardsTest, ClassBasedSettingsReadEveryBranch) {
  Inventory inv = testing::LinkSources(
      {{"manage.py",
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings')\n"
        "os.environ.setdefault('DJANGO_CONFIGURATION', 'Production')\n"},
       {"site/__init__.py", ""},
       {"site/settings.py", R"py(
from configurations import Configuration
class Production(Configuration):
    ROOT_URLCONF = 'site.urls'
    INSTALLED_APPS = ['shop']
    LIVE = True
)py"},
       {"site/urls.py", R"py(
from django.conf import settings
from django.urls import path
from shop import views

urlpatterns = [path("a/", views.v)]
if getattr(settings, "LIVE", False):
    urlpatterns += [path("live/", views.v)]
)py"},
       {"shop/__init__.py", ""},
       {"shop/views.py", kViews}});
  EXPECT_EQ(inv.root_urlconf, "site.urls");
  EXPECT_EQ(Routes(inv), "a/ live/ ");
}

// onadata and Seahub: without django.contrib.admin in INSTALLED_APPS no admin
// module is autodiscovered and no site is served.
TEST(InstalledGuardsTest, AdminRegistrationsWithoutTheAdminAppAreNotCounted) {
  Inventory without = LinkWith("['shop']");
  EXPECT_TRUE(without.admin_registrations.empty());
  bool said = false;
  for (const auto& d : without.diagnostics) said = said || d.code == "admin-not-installed";
  EXPECT_TRUE(said);
  Inventory with = LinkWith("['django.contrib.admin.apps.SimpleAdminConfig', 'shop']");
  EXPECT_EQ(with.admin_registrations.size(), 1u);
}


// mytardis: push_to, not installed, defines an abstract KeyPair nothing else
// imports: it is dropped with the app's other modules. An abstract model an
// installed app imports to subclass stays (its module runs).
TEST(InstalledGuardsTest, AbstractModelsOfAnAppNotInstalledFollowItsModules) {
  Inventory inv = testing::LinkSources(
      {{"manage.py", "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings')\n"},
       {"site/__init__.py", ""},
       {"site/settings.py", "ROOT_URLCONF = 'site.urls'\nINSTALLED_APPS = ['shop']\n"},
       {"site/urls.py", "urlpatterns = []\n"},
       {"shop/__init__.py", ""},
       {"shop/models.py", R"py(
from common.models import Stamped

class Item(Stamped):
    pass
)py"},
       {"common/__init__.py", ""},
       {"common/models.py", R"py(
from django.db import models

class Stamped(models.Model):
    class Meta:
        abstract = True
)py"},
       {"push_to/__init__.py", ""},
       {"push_to/models.py", R"py(
from django.db import models

class KeyPair(models.Model):
    class Meta:
        abstract = True
)py"}});
  std::string models;
  for (const auto& m : inv.models) models += m.qualname + " ";
  EXPECT_EQ(models, "common.models.Stamped shop.models.Item ");
  std::string uninstalled;
  for (const auto& app : inv.apps) uninstalled += app.installed ? "" : app.label + " ";
  EXPECT_EQ(uninstalled, "common push_to ");
}

// lego's test settings: `INSTALLED_APPS.remove("corsheaders")`. An app removed
// unconditionally is not installed, its models and admin registrations not
// counted; one removed under a condition stays, every branch being read.
TEST(InstalledGuardsTest, AnAppRemovedFromInstalledAppsIsNotInstalled) {
  Inventory inv = testing::LinkSources(
      {{"manage.py", "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings')\n"},
       {"site/__init__.py", ""},
       {"site/settings.py", R"py(
ROOT_URLCONF = 'site.urls'
INSTALLED_APPS = ['django.contrib.admin', 'extra', 'beta']
INSTALLED_APPS.remove('extra')
if DEBUG:
    INSTALLED_APPS.remove('beta')
)py"},
       {"site/urls.py", "urlpatterns = []\n"},
       {"extra/__init__.py", ""},
       {"extra/models.py", "from django.db import models\n\nclass Thing(models.Model):\n    pass\n"},
       {"extra/admin.py",
        "from django.contrib import admin\nfrom .models import Thing\n\nadmin.site.register(Thing)\n"},
       {"beta/__init__.py", ""},
       {"beta/models.py", "from django.db import models\n\nclass Beta(models.Model):\n    pass\n"},
       {"beta/admin.py",
        "from django.contrib import admin\nfrom .models import Beta\n\nadmin.site.register(Beta)\n"}});
  EXPECT_EQ(inv.installed_apps, (std::vector<std::string>{"django.contrib.admin", "beta"}));
  ASSERT_EQ(inv.models.size(), 1u);
  EXPECT_EQ(inv.models[0].qualname, "beta.models.Beta");
  ASSERT_EQ(inv.admin_registrations.size(), 1u);
  EXPECT_EQ(inv.admin_registrations[0].model, "beta.models.Beta");
}

// tendenci: the helpdesk app is in the repository but not in INSTALLED_APPS.
// Django never imports its admin module, its signals module or its ready(): their
// registrations, receivers and signals are not counted, with one warning. A module
// of such an app that an installed app imports does run, and so do the modules
// of the same app it imports (hooks, then events). Apps are told apart by their
// folders: an example app may share an installed app's label.
TEST(InstalledGuardsTest, WhatAnUninstalledAppWritesIsNeverRun) {
  std::map<std::string, std::string> sources = {
      {"manage.py", "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings')\n"},
      {"site/__init__.py", ""},
      {"site/settings.py",
       "ROOT_URLCONF = 'site.urls'\nINSTALLED_APPS = ['django.contrib.admin', 'shop']\n"},
      {"site/urls.py", "urlpatterns = []\n"},
      {"shop/__init__.py", ""},
      {"shop/apps.py", "from django.apps import AppConfig\n\nclass ShopConfig(AppConfig):\n    name = 'shop'\n"},
      {"shop/models.py", R"py(
from django.db import models
import helpdesk.hooks

class Item(models.Model):
    pass

class Ticket(models.Model):
    pass

class Sample(models.Model):
    pass
)py"},
      {"helpdesk/__init__.py", ""},
      {"helpdesk/apps.py", R"py(
from django.apps import AppConfig
from django.db.models.signals import post_migrate

class HelpdeskConfig(AppConfig):
    name = "helpdesk"

    def ready(self):
        post_migrate.connect(lambda **kwargs: None, sender=self)
)py"},
      {"helpdesk/admin.py", R"py(
from django.contrib import admin
from shop.models import Ticket

admin.site.register(Ticket)
)py"},
      {"helpdesk/signals.py", R"py(
from django.db.models.signals import post_save
from django.dispatch import Signal, receiver
from shop.models import Item

ticket_opened = Signal()

@receiver(post_save, sender=Item)
def on_item(sender, **kwargs):
    pass
)py"},
      {"helpdesk/hooks.py", R"py(
from django.db.models.signals import pre_save
from shop.models import Item
from .events import ticket_closed

def on_pre(sender, **kwargs):
    pass

pre_save.connect(on_pre, sender=Item)
)py"},
      {"helpdesk/events.py", R"py(
from django.dispatch import Signal

ticket_closed = Signal()
)py"},
      {"examples/__init__.py", ""},
      {"examples/shop/__init__.py", ""},
      {"examples/shop/apps.py",
       "from django.apps import AppConfig\n\nclass ShopConfig(AppConfig):\n    name = 'examples.shop'\n"},
      {"examples/shop/admin.py", R"py(
from django.contrib import admin
from shop.models import Sample

admin.site.register(Sample)
)py"},
      {"shop/admin.py", R"py(
from django.contrib import admin
from .models import Item

admin.site.register(Item)
)py"}};
  Inventory inv = testing::LinkSources(sources);
  ASSERT_EQ(inv.admin_registrations.size(), 1u);
  EXPECT_EQ(inv.admin_registrations[0].location.path, "shop/admin.py");
  ASSERT_EQ(inv.custom_signals.size(), 1u);
  EXPECT_EQ(inv.custom_signals[0].location.path, "helpdesk/events.py");
  ASSERT_EQ(inv.signal_receivers.size(), 1u);
  EXPECT_EQ(inv.signal_receivers[0].location.path, "helpdesk/hooks.py");
  std::string warnings;
  for (const auto& d : inv.diagnostics) {
    if (d.code == "app-not-installed") warnings += d.location.path + ": " + d.message + "\n";
  }
  EXPECT_EQ(warnings,
            "examples/shop/admin.py: app 'shop' is not in INSTALLED_APPS and no other app imports "
            "these modules: its 1 admin registration is never made, not counted\n"
            "helpdesk/admin.py: app 'helpdesk' is not in INSTALLED_APPS and no other app imports "
            "these modules: its 1 admin registration, 2 signal receivers and 1 custom signal are "
            "never made, not counted\n");

  // With INSTALLED_APPS read only in part, nothing is known to be missing.
  sources["site/settings.py"] =
      "ROOT_URLCONF = 'site.urls'\nINSTALLED_APPS = ['django.contrib.admin', 'shop'] + PLUGINS\n";
  Inventory partial = testing::LinkSources(sources);
  EXPECT_EQ(partial.admin_registrations.size(), 3u);
  EXPECT_EQ(partial.signal_receivers.size(), 3u);
  EXPECT_EQ(partial.custom_signals.size(), 2u);
}


// LibrePhotos' api/models/cache.py connects receivers in a loop, and Sefaria's
// models/topic_of_the_day.py holds leftover models: no module imports either,
// so Django never runs them (a test importing one does not count). A module the
// package imports (photo.py), or that another module imports (hooks.py, from
// signals.py), runs.
TEST(InstalledGuardsTest, ModulesOfAModelsPackageNothingImportsNeverRun) {
  Inventory inv = testing::LinkSources({
      {"manage.py", "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings')\n"},
      {"site/__init__.py", ""},
      {"site/settings.py", "ROOT_URLCONF = 'site.urls'\nINSTALLED_APPS = ['api']\n"},
      {"site/urls.py", "urlpatterns = []\n"},
      {"api/__init__.py", ""},
      {"api/models/__init__.py", "from api.models.photo import Photo\n"},
      {"api/models/photo.py", R"py(
from django.db import models

class Photo(models.Model):
    pass
)py"},
      {"api/models/cache.py", R"py(
from django.db import models
from django.db.models.signals import post_save
from api.models.photo import Photo

class Leftover(models.Model):
    pass

def touch(sender=None, **kwargs):
    pass

post_save.connect(touch, sender=Photo)
)py"},
      {"api/models/hooks.py", R"py(
from django.db.models.signals import post_delete
from api.models.photo import Photo

def gone(sender=None, **kwargs):
    pass

post_delete.connect(gone, sender=Photo)
)py"},
      {"api/signals.py", "from api.models import hooks\n"},
      // A test's import registers the module's models in the test run only
      // (this test file is read: it defines a model).
      {"api/tests/test_cache.py", "from api.models.cache import Leftover\n\n"
                                  "class Kept(Leftover):\n    pass\n"},
  });
  ASSERT_EQ(inv.models.size(), 2u);
  EXPECT_EQ(inv.models[0].name, "Photo");
  EXPECT_EQ(inv.models[1].name, "Kept");
  EXPECT_TRUE(inv.models[1].in_tests);
  ASSERT_EQ(inv.signal_receivers.size(), 1u);
  EXPECT_EQ(inv.signal_receivers[0].location.path, "api/models/hooks.py");
  std::string warnings;
  for (const auto& d : inv.diagnostics) {
    if (d.code == "module-never-imported") warnings += d.message + "\n";
  }
  EXPECT_EQ(warnings,
            "api/models/cache.py is a module of a models package that no module imports, so "
            "Django never runs it: its 1 model and 1 signal receiver are not counted\n");
}

}  // namespace
}  // namespace djcost
