// include() of a module named by a string djcost can read: a setting
// (Seahub's `include(settings.SITE_ROOT_URLCONF)` behind djblets' rooturl), a
// module constant in an f-string or a sum of strings.
#include <gtest/gtest.h>

#include <string>

#include "link_test_support.h"

namespace djcost {
namespace {

TEST(IncludeNamesTest, ModuleNamesReadFromSettingsAndConstants) {
  Inventory inv = testing::LinkSources(
      {{"manage.py", "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings')\n"},
       {"site/__init__.py", ""},
       {"site/settings.py", "ROOT_URLCONF = 'site.rooturl'\nSITE_URLCONF = 'site.urls'\n"},
       {"site/rooturl.py", R"py(
from django.conf import settings
from django.urls import include, re_path
urlpatterns = [re_path(r"^", include(settings.SITE_URLCONF))]
)py"},
       {"site/urls.py", R"py(
from django.urls import include, path
APP = "shop"
urlpatterns = [
    path("a/", include(f"{APP}.urls")),
    path("b/", include(APP + ".api")),
    path("c/", include(f"{undefined}.urls")),
]
)py"},
       {"shop/__init__.py", ""},
       {"shop/views.py", "def v(request):\n    pass\n"},
       {"shop/urls.py", "from django.urls import path\nfrom shop import views\n"
                        "urlpatterns = [path('x/', views.v)]\n"},
       {"shop/api.py", "from django.urls import path\nfrom shop import views\n"
                       "urlpatterns = [path('y/', views.v)]\n"}});
  EXPECT_EQ(testing::Routes(inv), "a/x/ b/y/ ");
  ASSERT_EQ(inv.diagnostics.size(), 1u);
  EXPECT_EQ(inv.diagnostics[0].code, "unresolved-include");
  EXPECT_EQ(inv.diagnostics[0].location.line, 7);
}

// Seahub's reusable apps: `X = getattr(settings, "X", default)` reads the
// setting where the settings module binds it, else the default.
TEST(IncludeNamesTest, GetattrOfSettingsWithADefault) {
  Inventory inv = testing::LinkSources(
      {{"manage.py", "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings')\n"},
       {"site/__init__.py", ""},
       {"site/settings.py", "ROOT_URLCONF = 'site.urls'\nSHOP_PREFIX = 'store/'\n"},
       {"site/urls.py", R"py(
from django.conf import settings
from django.urls import path, re_path
from shop import views
SHOP = getattr(settings, "SHOP_PREFIX", "shop/")
OCM = getattr(settings, "OCM_ENDPOINT", "api/v2.1/ocm/")
urlpatterns = [
    path(SHOP + "a/", views.v),
    re_path(r"^" + OCM + "shares/$", views.v),
    path(getattr(settings, "MISSING", None) or "x/", views.v),
]
)py"},
       {"shop/__init__.py", ""},
       {"shop/views.py", "def v(request):\n    pass\n"}});
  // The missing setting's None default is no string: `or` gives its right side.
  EXPECT_EQ(testing::Routes(inv), "api/v2.1/ocm/shares/ store/a/ x/ ");
}

// Zulip: `for app_name in settings.EXTRA_INSTALLED_APPS: urls += [path("",
// include(f"{app_name}.urls"))]`, and an append in a loop over a literal list:
// the loop body once per item, its names bound.
// Arches reads its settings through `settings = SystemSettings()`, a subclass
// of django.conf.LazySettings: `settings.UUID_REGEX` is the settings module's.
TEST(IncludeNamesTest, SettingsReadThroughALazySettingsSubclass) {
  Inventory inv = testing::LinkSources(
      {{"manage.py", "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings')\n"},
       {"site/__init__.py", ""},
       {"site/settings.py", "ROOT_URLCONF = 'site.urls'\nUUID_REGEX = '[0-9a-f]{8}'\n"},
       {"site/system_settings.py", R"py(
from django.conf import LazySettings
class SystemSettings(LazySettings):
    pass
settings = SystemSettings()
)py"},
       {"site/urls.py", R"py(
from django.urls import re_path
from site.system_settings import settings
from shop import views
uuid_regex = settings.UUID_REGEX
urlpatterns = [re_path(r"^a/(?P<id>%s)$" % uuid_regex, views.v)]
)py"},
       {"shop/__init__.py", ""},
       {"shop/views.py", "def v(request):\n    pass\n"}});
  EXPECT_EQ(testing::Routes(inv), "a/(?P<id>[0-9a-f]{8}) ");
  EXPECT_TRUE(inv.diagnostics.empty());
}

TEST(IncludeNamesTest, ListsBuiltInLoopsOverReadableLists) {
  Inventory inv = testing::LinkSources(
      {{"manage.py", "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings')\n"},
       {"site/__init__.py", ""},
       {"site/settings.py", "ROOT_URLCONF = 'site.urls'\nEXTRA_APPS = ['shop']\n"},
       {"site/urls.py", R"py(
from django.conf import settings
from django.urls import include, path
from shop import views
urls = []
for app_name in settings.EXTRA_APPS:
    urls += [path("", include(f"{app_name}.urls"))]
for page, view in [("about", views.v), ("help", views.v)]:
    urls.append(path(f"{page}/", view))
for plugin in get_plugins():
    urls.append(path(f"{plugin}/", views.v))
urlpatterns = urls
)py"},
       {"shop/__init__.py", ""},
       {"shop/views.py", "def v(request):\n    pass\n"},
       {"shop/urls.py", "from django.urls import path\nfrom shop import views\n"
                        "urlpatterns = [path('x/', views.v)]\n"}});
  EXPECT_EQ(testing::Routes(inv), "about/ help/ x/ {plugin}/ ");
}

}  // namespace
}  // namespace djcost
