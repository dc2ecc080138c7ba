// Statements under `if "app" in settings.INSTALLED_APPS:` (or apps.is_installed)
// run only when the condition holds against a completely read INSTALLED_APPS:
// routes, router registrations, admin registrations and receivers of a branch
// Django never runs are not counted (Weblate's optional apps).
#include <gtest/gtest.h>

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
       {"shop/admin.py", kAdmin}});
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

}  // namespace
}  // namespace djcost
