// WalkUrls over small projects: includes and prefixes, function views and their
// method restrictions, external and unresolved views, fallback roots, cycles.
#include "link/urls.h"

#include <gtest/gtest.h>

#include "link/urls_route.h"
#include "urls_test_support.h"

namespace djcost {
namespace {

using testing::Dump;
using testing::Project;
using testing::UrlRules;

TEST(UrlsTest, IncludesAccumulatePrefixesInEveryForm) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, path, re_path
from shop import urls as shop_urls
from shop.extra import extra_patterns
from shop import views

urlpatterns = [
    path("", views.home, name="home"),
    path("shop/", include("shop.urls")),
    path("again/", include(shop_urls)),
    path("ns/", include(("shop.urls", "shop"), namespace="shop")),
    path("inline/", include([path("a/", views.home), path("b/", views.about)])),
    path("listed/", include(extra_patterns)),
    path("tuple/", ([path("t/", views.about)], "app", "ns")),
    re_path(r"^legacy/", include("shop.legacy")),
]
)py"},
             {"shop/__init__.py", ""},
             {"shop/views.py", R"py(
def home(request):
    return render(request, "home.html")

def about(request):
    pass
)py"},
             {"shop/urls.py", R"py(
from django.urls import path
from . import views

urlpatterns = [path("about/", views.about, name="about")]
)py"},
             {"shop/extra.py", R"py(
from django.urls import path
from .views import about

extra_patterns = [path("x/", about)]
extra_patterns += [path("y/", about)]
)py"},
             {"shop/legacy.py", R"py(
from django.conf.urls import url
from shop import views

urlpatterns = [
    url(r"^old/(?P<pk>\d+)/$", views.about),
    url(r"^price\$$", views.about),
]
)py"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY  shop.views.home page config/urls.py:8\n"
            "ANY again/about/ shop.views.about page shop/urls.py:5\n"
            "ANY inline/a/ shop.views.home page config/urls.py:12\n"
            "ANY inline/b/ shop.views.about page config/urls.py:12\n"
            "ANY legacy/old/(?P<pk>\\d+)/ shop.views.about page shop/legacy.py:6\n"
            "ANY legacy/price\\$ shop.views.about page shop/legacy.py:7\n"
            "ANY listed/x/ shop.views.about page shop/extra.py:5\n"
            "ANY listed/y/ shop.views.about page shop/extra.py:6\n"
            "ANY ns/about/ shop.views.about page shop/urls.py:5\n"
            "ANY shop/about/ shop.views.about page shop/urls.py:5\n"
            "ANY tuple/t/ shop.views.about page config/urls.py:14\n");
}

TEST(UrlsTest, EndpointCarriesNameViewLocationAndHandler) {
  Project p({{"config/urls.py", R"py(
from django.urls import path
from shop import views
urlpatterns = [path("about/", views.about, name="about")]
)py"},
             {"shop/views.py", "def about(request):\n    pass\n"}},
            UrlRules());
  UrlInventory urls = p.Walk("config.urls");
  ASSERT_EQ(urls.endpoints.size(), 1u);
  const Endpoint& e = urls.endpoints[0];
  EXPECT_EQ(e.name, "about");
  EXPECT_EQ(e.handler, "about");
  EXPECT_EQ(e.view, "shop.views.about");
  EXPECT_EQ(e.view_location, (Location{"shop/views.py", 1, 0}));
  EXPECT_EQ(e.location, (Location{"config/urls.py", 4, 0}));
  EXPECT_FALSE(urls.fallback);
}

TEST(UrlsTest, MethodRestrictingDecoratorsAndWrappers) {
  Project p({{"config/urls.py", R"py(
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.decorators.cache import cache_page
from app import views

urlpatterns = [
    path("any/", views.anything),
    path("both/", views.both),
    path("get/", views.only_get),
    path("post/", views.only_post),
    path("safe/", views.safe),
    path("api/", views.api_default),
    path("api2/", views.api_listed),
    path("wrapped/", require_POST(views.anything)),
    path("csrf/", csrf_exempt(views.both)),
    path("cached/", cache_page(60)(views.only_get)),
    path("narrowed/", require_POST(views.both)),
    path("json/", views.data),
]
)py"},
             {"app/views.py", R"py(
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators import http
from django.views.decorators.http import require_GET, require_POST, require_safe
from rest_framework.decorators import api_view

def anything(request):
    pass

@login_required
@http.require_http_methods(["GET", "POST"])
def both(request):
    pass

@require_GET
def only_get(request):
    pass

@login_required
@require_POST
def only_post(request):
    pass

@require_safe
def safe(request):
    pass

@api_view()
def api_default(request):
    pass

@api_view(["get", "POST", "delete"])
def api_listed(request):
    pass

def data(request):
    return JsonResponse({})
)py"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY any/ app.views.anything page config/urls.py:9\n"
            "GET api/ app.views.api_default api config/urls.py:14\n"
            "DELETE api2/ app.views.api_listed api config/urls.py:15\n"
            "GET api2/ app.views.api_listed api config/urls.py:15\n"
            "POST api2/ app.views.api_listed api config/urls.py:15\n"
            "GET both/ app.views.both page config/urls.py:10\n"
            "POST both/ app.views.both page config/urls.py:10\n"
            "GET cached/ app.views.only_get page config/urls.py:18\n"
            "GET csrf/ app.views.both page config/urls.py:17\n"
            "POST csrf/ app.views.both page config/urls.py:17\n"
            "GET get/ app.views.only_get page config/urls.py:11\n"
            "ANY json/ app.views.data api config/urls.py:20\n"
            "POST narrowed/ app.views.both page config/urls.py:19\n"
            "POST post/ app.views.only_post page config/urls.py:12\n"
            "GET safe/ app.views.safe page config/urls.py:13\n"
            "POST wrapped/ app.views.anything page config/urls.py:16\n");
}

TEST(UrlsTest, DecoratorsWithoutKnowledgeTableFallBackToDjangoNames) {
  Project p({{"config/urls.py", R"py(
from django.urls import path
from app.views import fn, api
urlpatterns = [path("fn/", fn), path("api/", api)]
)py"},
             {"app/views.py", R"py(
from django.views.decorators.http import require_http_methods
from rest_framework.decorators import api_view

@require_http_methods(["PUT"])
def fn(request):
    pass

@api_view(["POST"])
def api(request):
    pass
)py"}},
            RuleSet{});
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "POST api/ app.views.api api config/urls.py:4\n"
            "PUT fn/ app.views.fn page config/urls.py:4\n");
}

TEST(UrlsTest, ExternalViewsIncludesAndAdminAreListedNotCounted) {
  Project p({{"config/urls.py", R"py(
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path
from django.views.generic import TemplateView
from django.views.static import serve
import debug_toolbar

from core.sites import backoffice
from app import views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("backoffice/", backoffice.urls),
    path("old-admin/", include(admin.site.urls)),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("about/", TemplateView.as_view(template_name="about.html")),
    path("media/<path:path>", serve),
    path("accounts/", include("allauth.urls")),
    path("__debug__/", include(debug_toolbar.urls)),
    path("missing/", views.nothing_here),
    path("nowhere/", undefined_view),
    path("app/", include("app.no_such_module")),
    path("bare/", views.BareView.as_view()),
]
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
urlpatterns += staticfiles_urlpatterns()
)py"},
             {"core/sites.py", R"py(
from django.contrib.admin import AdminSite

class BackOffice(AdminSite):
    site_header = "Back office"

backoffice = BackOffice(name="backoffice")
)py"},
             {"app/__init__.py", ""},
             {"app/views.py", R"py(
from django.views import View

class BareView(View):
    template_name = "x.html"
)py"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "external __debug__/ debug_toolbar.urls (third-party include) config/urls.py:23\n"
            "external about/ django.views.generic.base.TemplateView (view defined outside the "
            "repository) config/urls.py:20\n"
            "external accounts/ allauth.urls (third-party include) config/urls.py:22\n"
            "external admin/ admin.site.urls (admin) config/urls.py:16\n"
            "external backoffice/ core.sites.backoffice.urls (admin) config/urls.py:17\n"
            "external login/ django.contrib.auth.views.LoginView (view defined outside the "
            "repository) config/urls.py:19\n"
            "external media/<path:path> django.views.static.serve (view defined outside the "
            "repository) config/urls.py:21\n"
            "external old-admin/ admin.site.urls (admin) config/urls.py:18\n"
            "no-endpoints :0 ROOT_URLCONF config.urls leads to no view of the repository (8 "
            "external routes); if the project serves its own views, they were missed\n"
            "unresolved-include config/urls.py:26 include(\"app.no_such_module\") names a module "
            "the repository does not have\n"
            "unresolved-view config/urls.py:24 view app.views.nothing_here names nothing we can "
            "find\n"
            "unresolved-view config/urls.py:25 view undefined_view names nothing we can find\n"
            "view-without-handlers config/urls.py:27 view app.views.BareView: the class defines "
            "no HTTP handler (get, post, put, patch, delete, trace)\n");
}

TEST(UrlsTest, FallbackWalksEveryUrlconfNotIncludedByAnother) {
  Project p({{"site_a/urls.py", R"py(
from django.urls import include, path
urlpatterns = [path("blog/", include("blog.urls"))]
)py"},
             {"blog/urls.py", R"py(
from django.urls import path
from blog.views import index
urlpatterns = [path("", index)]
)py"},
             {"blog/views.py", "def index(request):\n    pass\n"},
             {"tools/urls.py", R"py(
from django.urls import path
from blog.views import index
urlpatterns = [path("tools/", index)]
)py"},
             {"blog/tests/urls.py", R"py(
from django.urls import path
from blog.views import index
urlpatterns = [path("test-only/", index)]
)py"}},
            UrlRules());
  UrlInventory urls = p.Walk("");
  EXPECT_TRUE(urls.fallback);
  EXPECT_EQ(Dump(urls),
            "ANY blog/ blog.views.index page blog/urls.py:4\n"
            "ANY tools/ blog.views.index page tools/urls.py:4\n");
}

// DefectDojo without its settings: app/urls.py is a root of its own and is also
// reached under a prefix that cannot be read. One pattern, one endpoint.
TEST(UrlsTest, FallbackCountsAPatternReachedTwiceOnce) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, re_path
from app.urls import urlpatterns as app_patterns
ur = []
ur += app_patterns
urlpatterns = [re_path(r"^{}".format(get_system_setting("url_prefix")), include(ur))]
)py"},
             {"app/urls.py", R"py(
from django.urls import path
from app.views import index
urlpatterns = [path("a/", index)]
)py"},
             {"app/views.py", "def index(request):\n    pass\n"}},
            UrlRules());
  UrlInventory urls = p.Walk("");
  EXPECT_TRUE(urls.fallback);
  EXPECT_EQ(urls.endpoints.size(), 1u) << Dump(urls);
}

// Kitsune without a readable ROOT_URLCONF: each root URLconf sits under a
// prefix nobody wrote down, so the same route in two roots is two endpoints.
TEST(UrlsTest, FallbackKeepsTheSameRouteOfTwoRoots) {
  Project p({{"a/urls.py", "from django.urls import path\nfrom a.views import index\n"
                           "urlpatterns = [path('', index), path('new', index)]\n"},
             {"a/views.py", "def index(request):\n    pass\n"},
             {"b/urls.py", "from django.urls import path\nfrom b.views import index\n"
                           "urlpatterns = [path('', index),\n               path('', index)]\n"},
             {"b/views.py", "def index(request):\n    pass\n"}},
            UrlRules());
  UrlInventory urls = p.Walk("");
  EXPECT_TRUE(urls.fallback);
  EXPECT_EQ(Dump(urls),
            "ANY  a.views.index page a/urls.py:3\n"
            "ANY  b.views.index page b/urls.py:3\n"
            "ANY new a.views.index page a/urls.py:3\n"
            "shadowed-route b/urls.py:4 route  is served by the pattern at b/urls.py:3; this one "
            "is never reached\n");
}

TEST(UrlsTest, UnknownRootUrlconfFallsBackWithADiagnostic) {
  Project p({{"blog/urls.py", R"py(
from django.urls import path
from blog.views import index
urlpatterns = [path("", index)]
)py"},
             {"blog/views.py", "def index(request):\n    pass\n"}},
            UrlRules());
  Settings settings;
  settings.root_urlconf = {"proj.urls", {"proj/settings.py", 7, 0}};
  UrlInventory urls = WalkUrlsWith(*p.index, settings, nullptr);
  EXPECT_TRUE(urls.fallback);
  EXPECT_EQ(Dump(urls),
            "ANY  blog.views.index page blog/urls.py:4\n"
            "unresolved-root-urlconf proj/settings.py:7 ROOT_URLCONF proj.urls is not a module "
            "of the repository; walking every urlpatterns instead\n");
}

TEST(UrlsTest, IncludeCyclesEnd) {
  Project p({{"a/urls.py", R"py(
from django.urls import include, path
from a.views import v
urlpatterns = [path("a/", v), path("b/", include("b.urls"))]
)py"},
             {"b/urls.py", R"py(
from django.urls import include, path
urlpatterns = [path("again/", include("a.urls"))]
)py"},
             {"a/views.py", "def v(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("a.urls")),
            "ANY a/ a.views.v page a/urls.py:4\n"
            "include-cycle b/urls.py:3 include of a.urls leads back to itself; not walked again\n");
}

// pretalx: `urlpatterns` rebound in a loop over plugins and included there:
// the include reads the binding before it (import_string's, not evaluated),
// not the module's final list (once walked twice, a shadowed-route warning for
// every route).
TEST(UrlsTest, UrlpatternsIncludedInsideItsOwnModuleIsNotWalkedAgain) {
  Project p({{"a/urls.py", R"py(
from django.urls import include, path
from django.utils.module_loading import import_string
from a.views import v
plugins = []
for app in apps.get_app_configs():
    urlpatterns = import_string(app.name + ".urls.urlpatterns")
    plugins.append(path("", include((urlpatterns, app.label))))
urlpatterns = [path("a/", v), path("", include((plugins, "plugins")))]
)py"},
             {"a/views.py", "def v(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("a.urls")),
            "ANY a/ a.views.v page a/urls.py:9\n"
            "unresolved-url-pattern a/urls.py:7 url pattern import_string() is a call we do not "
            "evaluate\n");  // app.label is the namespace, not patterns
}

TEST(UrlsTest, FirstPatternForARouteWinsAsInDjango) {
  Project p({{"config/urls.py", R"py(
from django.urls import path, re_path
from app.views import one, two, Page
urlpatterns = [
    path("x/", one),
    path("x/", two),
    re_path(r"^x/$", Page.as_view()),
    path("y/", Page.as_view()),
]
)py"},
             {"app/views.py", R"py(
from django.views.generic import View
def one(request):
    pass
def two(request):
    pass
class Page(View):
    def get(self, request):
        pass
)py"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY x/ app.views.one page config/urls.py:5\n"
            "GET y/ app.views.Page.get page config/urls.py:8\n"
            "shadowed-route config/urls.py:6 route x/ is served by the pattern at "
            "config/urls.py:5; this one is never reached\n"
            "shadowed-route config/urls.py:7 route x/ is served by the pattern at "
            "config/urls.py:5; this one is never reached\n");
}

TEST(UrlsTest, I18nAndFormatSuffixPatternsAddNoPrefixOrTwins) {
  Project p({{"config/urls.py", R"py(
from django.conf.urls.i18n import i18n_patterns
from django.urls import path
from rest_framework.urlpatterns import format_suffix_patterns
from app import views

urlpatterns = [path("plain/", views.v)]
urlpatterns += i18n_patterns(path("about/", views.v), path("help/", views.v))
api_patterns = format_suffix_patterns([path("data/", views.v)])
urlpatterns += api_patterns
)py"},
             {"app/views.py", "def v(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY about/ app.views.v page config/urls.py:8\n"
            "ANY data/ app.views.v page config/urls.py:9\n"
            "ANY help/ app.views.v page config/urls.py:8\n"
            "ANY plain/ app.views.v page config/urls.py:7\n");
}

TEST(UrlsTest, ListReassignedThroughAWrapperOfItselfKeepsItsPatterns) {
  Project p({{"config/urls.py", R"py(
from django.conf.urls.i18n import i18n_patterns
from django.urls import path
from rest_framework.urlpatterns import format_suffix_patterns
from app import views

urlpatterns = [path("a/", views.v)]
urlpatterns = format_suffix_patterns(urlpatterns)
urlpatterns += [path("b/", views.v)]
urlpatterns = i18n_patterns(*urlpatterns)
)py"},
             {"app/views.py", "def v(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY a/ app.views.v page config/urls.py:7\n"
            "ANY b/ app.views.v page config/urls.py:9\n");
}

// Plane and Label Studio prepend django-debug-toolbar's route to the list
// itself: every route was lost (0 endpoints) and the new one read as shadowed.
TEST(UrlsTest, ListRebindingThatReadsItselfKeepsTheOldPatternsInPlace) {
  Project p({{"config/urls.py", R"py(
from django.conf import settings
from django.urls import include, path
from app import views

urlpatterns = [path("a/", views.v)]
urlpatterns = urlpatterns + [path("b/", views.v)]
if settings.DEBUG:
    urlpatterns = [path("__debug__/", include("debug_toolbar.urls"))] + urlpatterns
extra = [path("c/", views.v)]
urlpatterns = extra + urlpatterns + [path("d/", views.v)]
urlpatterns = [*urlpatterns, path("e/", views.v)]
)py"},
             {"app/views.py", "def v(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY a/ app.views.v page config/urls.py:6\n"
            "ANY b/ app.views.v page config/urls.py:7\n"
            "ANY c/ app.views.v page config/urls.py:10\n"
            "ANY d/ app.views.v page config/urls.py:11\n"
            "ANY e/ app.views.v page config/urls.py:12\n"
            "external __debug__/ debug_toolbar.urls (third-party include) config/urls.py:9\n");
}

// Misago: `extensions.get(ThreadListView).as_view()`, a registry that returns
// the class (or a plugin's subclass); InvenTree: a factory that subclasses it.
TEST(UrlsTest, AsViewOfAClassPassedThroughACall) {
  Project p({{"config/urls.py", R"py(
from django.urls import path
from app.extensions import extensions, exclude_from_schema
from app.views import ThreadList

urlpatterns = [
    path("threads/", extensions.get(ThreadList).as_view()),
    path("legacy/", exclude_from_schema(ThreadList, "/threads/").as_view(), name="legacy"),
    path("missing/", extensions.get(Missing).as_view()),
]
)py"},
             {"app/views.py", R"py(
from django.views import View

class ThreadList(View):
    def get(self, request):
        pass
)py"},
             {"app/extensions.py", R"py(
class Registry:
    def get(self, cls):
        return cls

extensions = Registry()

def exclude_from_schema(klass, alternative):
    class Legacy(klass):
        pass
    return Legacy
)py"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "GET legacy/ app.views.ThreadList.get page config/urls.py:8\n"
            "GET threads/ app.views.ThreadList.get page config/urls.py:7\n"
            "unresolved-view config/urls.py:9 view extensions.get(Missing) is a call whose "
            "view we cannot find\n"
            "view-through-call config/urls.py:7 view app.views.ThreadList comes from "
            "extensions.get(ThreadList): counted as the class passed\n"
            "view-through-call config/urls.py:8 view app.views.ThreadList comes from "
            "exclude_from_schema(ThreadList): counted as the class passed\n");
}

// readthedocs.org: r"webhook/github/(?P<project_slug>{project_slug})/$".format(**opts)
// for each service. The routes cannot be read; they are still distinct patterns.
TEST(UrlsTest, UnreadRoutesNeitherShadowNorMerge) {
  Project p({{"config/urls.py", R"py(
from django.urls import re_path
from app import views

opts = {"project_slug": "[-\\w]+"}
urlpatterns = [
    re_path(r"webhook/github/(?P<project_slug>{project_slug})/$".format(**opts), views.github),
    re_path(r"webhook/gitlab/(?P<project_slug>{project_slug})/$".format(**opts), views.gitlab),
]
)py"},
             {"app/views.py", "def github(request):\n    pass\ndef gitlab(request):\n    pass\n"}},
            UrlRules());
  std::string dump = Dump(p.Walk("config.urls"));
  EXPECT_NE(dump.find("app.views.github page config/urls.py:7"), std::string::npos) << dump;
  EXPECT_NE(dump.find("app.views.gitlab page config/urls.py:8"), std::string::npos) << dump;
  EXPECT_EQ(dump.find("shadowed-route"), std::string::npos) << dump;
}

// readthedocs.org joins its groups of patterns with reduce(add, groups).
TEST(UrlsTest, ReduceWithAddJoinsTheGroups) {
  Project p({{"config/urls.py", R"py(
import functools
import operator
from functools import reduce
from operator import add
from django.urls import path
from app import views

core = [path("a/", views.v)]
groups = [core, [path("b/", views.v)]]
groups.append([path("c/", views.v)])
urlpatterns = reduce(add, groups)
urlpatterns += functools.reduce(operator.concat, [[path("d/", views.v)]])
urlpatterns += reduce(max, [[path("e/", views.v)]])
)py"},
             {"app/views.py", "def v(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY a/ app.views.v page config/urls.py:9\n"
            "ANY b/ app.views.v page config/urls.py:10\n"
            "ANY c/ app.views.v page config/urls.py:11\n"
            "ANY d/ app.views.v page config/urls.py:13\n"
            "unresolved-url-pattern config/urls.py:14 url pattern reduce() is a call we do not "
            "evaluate\n");
}

// include((patterns, app_name), namespace=...) with app_name a variable.
TEST(UrlsTest, IncludeOfAPatternsAndAppNameTupleWithAVariableName) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, path
from app import views

app_name = "app"
_api = [path("a/", views.v)]
urlpatterns = [path("api/", include((_api, app_name), namespace="api"))]
)py"},
             {"app/views.py", "def v(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")), "ANY api/a/ app.views.v page config/urls.py:6\n");
}

// open-humans: `include((admin.site.urls[0], admin.site.urls[1]), namespace=...)`,
// and an app name read from a list (`NAMES[0]`): the app name is no second
// pattern, and `admin.site.urls[0]` holds the admin site's patterns, listed as
// admin.site.urls is; so are those of fiduswriter's triple, bound to a name,
// whose patterns are a sum. A subscript reading a pattern is no app name (a
// list and a tuple are both ExprKind::kList), and stays unread as before.
TEST(UrlsTest, AnAppNameReadBySubscriptAndTheAdminSitesPatterns) {
  Project p({{"config/urls.py", R"py(
from django.contrib import admin
from django.urls import include, path
from app import views
from config.names import NAMES

admin_urls = ([path("console/", views.v)] + admin.site.urls[0], admin.site.urls[1], "admin")
more = [path("b/", views.v), path("c/", views.v)]
urlpatterns = [
    path("admin/", include((admin.site.urls[0], admin.site.urls[1]), namespace=admin.site.urls[2])),
    path("x/", include(([path("a/", views.v)], NAMES[0]), namespace="x")),
    path("site/", admin_urls),
    path("more/", include([more[0], more[1]])),
]
)py"},
             {"config/names.py", "NAMES = [\"a\"]\n"},
             {"app/views.py", "def v(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY site/console/ app.views.v page config/urls.py:7\n"
            "ANY x/a/ app.views.v page config/urls.py:11\n"
            "external admin/ admin.site.urls (admin) config/urls.py:10\n"
            "external site/ admin.site.urls (admin) config/urls.py:7\n"
            "unresolved-url-pattern config/urls.py:13 url pattern more[0] is not understood\n"
            "unresolved-url-pattern config/urls.py:13 url pattern more[1] is not understood\n");
}

// pretix: include() of a sum of lists, and a namespace read from an attribute.
TEST(UrlsTest, IncludeOfASumOfListsAndAnAttributeAsAppName) {
  Project p({{"config/urls.py", R"py(
from django.apps import apps
from django.urls import include, path
from app import views

locale_patterns = [path("locale/", views.v)]
app = apps.get_app_config("app")
urlpatterns = [
    path("shop/", include((locale_patterns + [path("cart/", views.v)], "presale"))),
    path("plugin/", include((locale_patterns, app.label))),
]
)py"},
             {"app/views.py", "def v(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY plugin/locale/ app.views.v page config/urls.py:6\n"
            "ANY shop/cart/ app.views.v page config/urls.py:9\n"
            "ANY shop/locale/ app.views.v page config/urls.py:6\n");
}

// Label Studio: `ListFiles().as_view(...)` (as_view is a classmethod, so the
// instance's is the class's) and lambdas written in place as views.
TEST(UrlsTest, AsViewOfAnInstanceAndLambdaViews) {
  Project p({{"config/urls.py", R"py(
from django.urls import path, re_path
from django.views.decorators.http import require_POST
from app.api import ListFiles

urlpatterns = [
    path("files", ListFiles().as_view(serializer_class=None)),
    re_path(r"^swagger\.json$", lambda request: redirect("/docs/")),
    path("ping", require_POST(lambda request: None)),
    path("args", ListFiles(1).as_view()),
]
)py"},
             {"app/api.py", R"py(
from rest_framework.views import APIView

class ListFiles(APIView):
    def post(self, request):
        pass
)py"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "POST files app.api.ListFiles.post api config/urls.py:7\n"
            "POST ping config.urls.<lambda> page config/urls.py:9\n"
            "ANY swagger\\.json config.urls.<lambda> page config/urls.py:8\n"
            "unresolved-view config/urls.py:10 view (call) is a call we cannot follow to a view\n");
}

// linkding and CVAT: a rebinding that wraps the module's own list in include()
// reads the list bound before it (Python evaluates the right side first).
TEST(UrlsTest, IncludeOfTheOldBindingOfUrlpatterns) {
  Project p({{"config/urls.py", R"py(
from django.conf import settings
from django.urls import include, path
from app import views

urlpatterns = [path("a/", views.v)]
urlpatterns = [path("", include((urlpatterns, "app")))]
urlpatterns += [path("b/", views.v)]
if settings.PREFIX:
    urlpatterns = [
        path("p/", include(urlpatterns)),
    ]
wrapped = [path("w/", include(urlpatterns))]
urlpatterns.append(path("c/", views.v))
urlpatterns += wrapped
)py"},
             {"app/views.py", "def v(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY c/ app.views.v page config/urls.py:14\n"
            "ANY p/a/ app.views.v page config/urls.py:6\n"
            "ANY p/b/ app.views.v page config/urls.py:8\n"
            "ANY w/p/a/ app.views.v page config/urls.py:6\n"
            "ANY w/p/b/ app.views.v page config/urls.py:8\n");
}

// MediaCMS: drf-yasg's `schema_view = get_schema_view(...)`, served as
// `schema_view.with_ui(...)`: views a package's function made, listed as external.
TEST(UrlsTest, ViewsMadeByAPackagesFunctionAreExternal) {
  Project p({{"config/urls.py", R"py(
from django.urls import path, re_path
from drf_yasg import openapi
from drf_yasg.views import get_schema_view

schema_view = get_schema_view(openapi.Info(title="API", default_version="v1"), public=True)
urlpatterns = [
    path("docs/", schema_view.with_ui("redoc", cache_timeout=0)),
    re_path(r"^swagger(?P<format>\.json)$", schema_view.without_ui(cache_timeout=0)),
    path("schema/", schema_view.as_view()),
]
)py"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "external docs/ drf_yasg.views.get_schema_view().with_ui (view defined outside the "
            "repository) config/urls.py:8\n"
            "external schema/ drf_yasg.views.get_schema_view().as_view (view defined outside the "
            "repository) config/urls.py:10\n"
            "external swagger(?P<format>\\.json) drf_yasg.views.get_schema_view().without_ui (view "
            "defined outside the repository) config/urls.py:9\n"
            "no-endpoints :0 ROOT_URLCONF config.urls leads to no view of the repository (3 "
            "external routes); if the project serves its own views, they were missed\n");
}

// uMap's `decorated_patterns(func, *urls)` (a djangosnippets recipe) and
// Kitsune's own i18n_patterns(*urls, ...): a repo function taking patterns as
// `*urls` serves each one passed; arguments before the `*` are not patterns.
TEST(UrlsTest, PatternsPassedToAVariadicRepoFunction) {
  Project p({{"config/urls.py", R"py(
from django.contrib.auth.decorators import login_required
from django.urls import include, path
from app import views
from app.utils import decorated_patterns, i18n_patterns

extra = [path("c/", views.v)]
urlpatterns = i18n_patterns(path("kb/", include("app.urls")), path("a/", views.v))
urlpatterns += decorated_patterns(login_required, path("b/", views.v))
urlpatterns += decorated_patterns([login_required], *extra)
urlpatterns += [views.not_variadic(path("d/", views.v))]
)py"},
             {"app/utils.py", R"py(
from django.conf import settings
from django.urls import URLResolver
from django.urls.resolvers import LocalePrefixPattern

def decorated_patterns(func, *urls):
    for u in urls:
        u.callback = func(u.callback)
    return urls

def i18n_patterns(*urls, prefix_default_language=True):
    if not settings.USE_I18N:
        return list(urls)
    return [URLResolver(LocalePrefixPattern(prefix_default_language), list(urls))]
)py"},
             {"app/urls.py", "from django.urls import path\nfrom app import views\n"
                             "urlpatterns = [path('new/', views.v)]\n"},
             {"app/views.py", "def v(request):\n    pass\n\ndef not_variadic(p):\n    return copy(p)\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY a/ app.views.v page config/urls.py:8\n"
            "ANY b/ app.views.v page config/urls.py:9\n"
            "ANY c/ app.views.v page config/urls.py:7\n"
            "ANY kb/new/ app.views.v page app/urls.py:3\n"
            "unresolved-url-pattern config/urls.py:11 url pattern views.not_variadic() is a call we "
            "do not evaluate\n");
}

// AWX's `urlpatterns = get_urlpatterns()`: the helper returns a local list
// built with `=`, `+=`, `.append` and `.extend`, under an `if` too; a list it
// hands to another function may grow there, unread, and says so.
TEST(UrlsTest, ALocalListAHelperReturnsIsWalked) {
  Project p({{"config/urls.py", R"py(
from django.conf import settings
from django.urls import include, path
from app import views

extra = [path("e/", views.v)]

def add_more(patterns):
    patterns.append(path("hidden/", views.v))

def get_urlpatterns(prefix=None):
    urlpatterns = [path("a/", views.v)]
    urlpatterns += [path("b/", include("app.urls"))]
    if settings.DEBUG:
        urlpatterns.append(path("c/", views.v))
    urlpatterns.extend(extra)
    add_more(urlpatterns)
    for page in ["f", "g"]:
        urlpatterns.append(path(f"{page}/", views.v))
    for plugin in get_plugins():
        urlpatterns += plugin.urls
    return urlpatterns

urlpatterns = get_urlpatterns()
)py"},
             {"app/urls.py", "from django.urls import path\nfrom app import views\n"
                             "urlpatterns = [path('d/', views.v)]\n"},
             {"app/views.py", "def v(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY a/ app.views.v page config/urls.py:12\n"
            "ANY b/d/ app.views.v page app/urls.py:3\n"
            "ANY c/ app.views.v page config/urls.py:15\n"
            "ANY e/ app.views.v page config/urls.py:6\n"
            "ANY f/ app.views.v page config/urls.py:19\n"
            "ANY g/ app.views.v page config/urls.py:19\n"
            "unresolved-include config/urls.py:21 include of plugin.urls names nothing we can "
            "walk\n"
            "unresolved-url-pattern config/urls.py:17 url helper config.urls.get_urlpatterns() "
            "passes its list urlpatterns to add_more(), whose patterns are not read\n"
            "unresolved-url-pattern config/urls.py:21 url helper config.urls.get_urlpatterns() "
            "adds patterns in a loop over get_plugins(...), which cannot be read statically\n");
}

// addons-server's `urlpatterns = decorate(never_cache, [url(...), ...])`: a repo
// function that returns one of its parameters is the argument it was passed,
// read where the call is written.
TEST(UrlsTest, AHelperReturningItsParameterIsThatArgument) {
  Project p({{"config/urls.py", R"py(
from django.urls import path
from django.views.decorators.cache import never_cache
from app import views
from lib.urlconf_decorator import decorate

urlpatterns = decorate(never_cache, [path("a/", views.v), path("b/", views.w)])
)py"},
             {"lib/urlconf_decorator.py", R"py(
def decorate(decorator, urlconf):
    if isinstance(urlconf, (list, tuple)):
        for item in urlconf:
            decorate(decorator, item)
    else:
        urlconf._callback = decorator(urlconf.callback)
    return urlconf
)py"},
             {"app/views.py", "def v(request):\n    pass\n\ndef w(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY a/ app.views.v page config/urls.py:7\n"
            "ANY b/ app.views.w page config/urls.py:7\n");
}

// datatracker's `ietf/utils/urls.py`: `def url(regex, view, ...)` does some
// bookkeeping, then `return re_path(regex, view, ...)`. Its callers pass views
// and includes of their own module's names, which are read there; each
// endpoint is where its url() call is, as a re_path() written there would be.
TEST(UrlsTest, AWrapperOfRePathInAnotherModuleReadsTheCallersNames) {
  Project p({{"config/urls.py", R"py(
from django.urls import include
from app import views
from utils.urls import url

detail = [url(r"^about/$", views.about, name="about")]
urlpatterns = [
    url(r"^$", views.home),
    url(r"^wg/", include(detail)),
    url(r"^api/", include("app.urls")),
]
)py"},
             {"utils/urls.py", R"py(
from django.urls import re_path

def url(regex, view, kwargs=None, name=None):
    if callable(view) and hasattr(view, "__name__"):
        view_name = "%s.%s" % (view.__module__, view.__name__)
    else:
        view_name = regex
    if name is None:
        name = view_name
    return re_path(regex, view, kwargs=kwargs, name=name)
)py"},
             {"app/urls.py", "from app import views\nfrom utils.urls import url\n"
                             "urlpatterns = [url(r'^x/$', views.home)]\n"},
             {"app/views.py", "def home(request):\n    pass\n\ndef about(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY  app.views.home page config/urls.py:8\n"
            "ANY api/x/ app.views.home page app/urls.py:3\n"
            "ANY wg/about/ app.views.about page config/urls.py:6\n");
}

// The same wrapper used in its own module on a list of its own calls: a new
// call, not the wrapper leading back to itself; a wrapper that calls itself
// still is.
TEST(UrlsTest, AWrapperGivenAListOfItsOwnCallsIsNoCycle) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, re_path
from app import views

def url(regex, view, name=None):
    return re_path(regex, view, name=name)

def again(regex, view):
    return [url(regex, view), *again(regex, view)]

detail = [url(r"^about/$", views.about)]
urlpatterns = [
    url(r"^wg/", include(detail)),
    again(r"^loop/$", views.about),
]
)py"},
             {"app/views.py", "def about(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY loop/ app.views.about page config/urls.py:9\n"
            "ANY wg/about/ app.views.about page config/urls.py:11\n"
            "include-cycle config/urls.py:9 url helper config.urls.again() leads back to itself\n");
}

// zds-site's `def get_beta_pages(): base_pattern = "beta/<int:pk>/<slug:slug>"`
// then `path(f"{base_pattern}/", ...)` in the list it returns: the helper's own
// locals read as module constants do, one reading a parameter and another local
// too, and a local wins over a module-level name; a local bound twice has no one
// value and stays unread.
TEST(UrlsTest, AHelpersOwnLocalsAreReadInItsRoutes) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, path
from app import views

base_pattern = "module/"
API = "api"

def get_beta_pages(kind):
    base_pattern = "beta/<int:pk>"
    nested = f"{API}/{kind}/{base_pattern}"
    twice = "a"
    twice = "b"
    pages = [
        path(f"{base_pattern}/", views.v),
        path(nested + "/x/", views.v),
        path(f"{twice}/", views.v),
    ]
    return pages

def one_page():
    prefix = "one"
    return path(f"{prefix}/", views.v)

urlpatterns = get_beta_pages("tuto") + [one_page()]
)py"},
             {"app/views.py", "def v(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY api/tuto/beta/<int:pk>/x/ app.views.v page config/urls.py:15\n"
            "ANY beta/<int:pk>/ app.views.v page config/urls.py:14\n"
            "ANY one/ app.views.v page config/urls.py:24\n"
            "ANY {twice}/ app.views.v page config/urls.py:16\n"
            "unresolved-route config/urls.py:16 route f\"{twice}/\" of path() cannot be read "
            "statically (twice is not read); counted as {twice}/\n");
}

// DMOJ: `def paged_list_view(view, name): return include([...])` in path()'s
// view slot, 11 calls: include() returns the tuple path() takes, so the helper's
// patterns are walked with its parameters bound (and the one-argument call was
// no decorator of its class); a helper of another module reads the caller's
// names; a zero-argument helper too.
TEST(UrlsTest, AHelperReturningAnIncludeIsAnInclude) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, path
from app import views
from lib.urls import listing

def paged_list_view(view, name):
    return include([
        path("", view.as_view(), name=name),
        path("<int:page>", view.as_view(), name=name),
    ])

def about():
    return include([path("", views.v)])

urlpatterns = [
    path("rank/", paged_list_view(views.Rank, "rank")),
    path("about/", about()),
    path("list/", listing(views.v)),
]
)py"},
             {"lib/urls.py", R"py(
from django.urls import include, path

def listing(view):
    return include([path("all/", view)])
)py"},
             {"app/views.py", R"py(
from django.views.generic import View

class Rank(View):
    def get(self, request):
        pass

def v(request):
    pass
)py"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY about/ app.views.v page config/urls.py:13\n"
            "ANY list/all/ app.views.v page lib/urls.py:5\n"
            "GET rank/ app.views.Rank.get page config/urls.py:8\n"
            "GET rank/<int:page> app.views.Rank.get page config/urls.py:9\n");
}

// Horizon's `re_path(r"", _wrapped_include(horizon.urls))`, whose helper
// unpacks its argument first: what it includes cannot be read, and is said to
// be as an unread include, not an unresolved view; the unread include lets the
// unreached-URLconfs fallback walk what the project adds at run time (Horizon
// had 17 endpoints of about 769, and only an unresolved-view to show for it).
TEST(UrlsTest, AHelperIncludingWhatItCannotReadIsAnUnreadInclude) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, re_path
from config import site

def wrapped_include(arg):
    pattern_list, app_namespace, instance_namespace = arg
    return include((pattern_list, app_namespace), namespace=instance_namespace)

urlpatterns = [re_path(r"", wrapped_include(site.urls))]
)py"},
             {"config/site.py", "urls = None\n"},
             {"app/urls.py", "from django.urls import path\nfrom app import views\n\n"
                             "urlpatterns = [path(\"a/\", views.v)]\n"},
             {"app/views.py", "def v(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY a/ app.views.v page app/urls.py:4\n"
            "unreached-urlconfs :0 ROOT_URLCONF config.urls leads to 0 endpoints; the URLconf it "
            "never includes (app.urls) was walked as a root of its own, as the project must add "
            "them at run time: 1 more endpoints, routes without the prefix they are served under\n"
            "unresolved-include config/urls.py:9 include of pattern_list names nothing we can walk\n");
}

// Zulip's `urlpatterns = i18n_patterns(*urls) + urls` reaches each pattern
// twice under the same route: one endpoint, and no pattern is hidden by another.
TEST(UrlsTest, ThePatternReachedTwiceIsNotShadowedByItself) {
  Project p({{"config/urls.py", R"py(
from django.conf.urls.i18n import i18n_patterns
from django.urls import path
from app import views

urls = [path("a/", views.v)]
urlpatterns = i18n_patterns(*urls) + urls + [path("a/", views.w)]
)py"},
             {"app/views.py", "def v(request):\n    pass\n\ndef w(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY a/ app.views.v page config/urls.py:6\n"
            "shadowed-route config/urls.py:7 route a/ is served by the pattern at config/urls.py:6; "
            "this one is never reached\n");
}

// MediaCMS and BookWyrm: `views.categories` where views/categories.py exists
// and views/__init__.py binds the name to a function (`from .pages import
// categories`, `from .follow import follow`): the package's attribute wins.
TEST(UrlsTest, APackagesBindingHidesItsSubmoduleOfTheSameName) {
  Project p({{"config/urls.py", R"py(
from django.urls import path
from app import views
from app.views import follow

urlpatterns = [
    path("categories/", views.categories),
    path("follow/", views.follow),
    path("follow2/", follow),
    path("module/", views.plain),
]
)py"},
             {"app/__init__.py", ""},
             {"app/views/__init__.py", "from .categories import CategoryList\n"
                                       "from .pages import categories\n"
                                       "from .follow import follow\n"
                                       "from . import plain\n"},
             {"app/views/categories.py", "class CategoryList:\n    pass\n"},
             {"app/views/pages.py", "def categories(request):\n    pass\n"},
             {"app/views/follow.py", "def follow(request):\n    pass\n"},
             {"app/views/plain.py", "def plain(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY categories/ app.views.pages.categories page config/urls.py:7\n"
            "ANY follow/ app.views.follow.follow page config/urls.py:8\n"
            "ANY follow2/ app.views.follow.follow page config/urls.py:9\n"
            "unresolved-view config/urls.py:10 view app.views.plain is a module, not a view\n");
}

// BookWyrm and MediaCMS: f-string routes with regex escapes read whole, raw or
// not; a plain part concatenated to an f-string keeps its braces as text.
TEST(UrlsTest, FStringRoutesWithBackslashes) {
  Project p({{"config/urls.py", R"py(
from django.urls import re_path
from app import views

BOOK = r"^book/(?P<id>\d+)"
urlpatterns = [
    re_path(rf"{BOOK}/goal/(?P<year>\d+)/?$", views.v),
    re_path(f"{BOOK}/file\\.txt$", views.v),
    re_path(r"^n/\d{2}/" f"{BOOK}$", views.v),
]
)py"},
             {"app/views.py", "def v(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY book/(?P<id>\\d+)/file\\.txt app.views.v page config/urls.py:8\n"
            "ANY book/(?P<id>\\d+)/goal/(?P<year>\\d+)/? app.views.v page config/urls.py:7\n"
            "ANY n/\\d{2}/^book/(?P<id>\\d+) app.views.v page config/urls.py:9\n");
}

// CISO Assistant and KPI: a function read off its class (`ThingViewSet.
// suggestions`, a staticmethod under @api_view; a classmethod; a plain method)
// is the function Django calls, with its own decorators.
TEST(UrlsTest, FunctionsReadOffTheirClassAreFunctionViews) {
  Project p({{"config/urls.py", R"py(
from django.urls import path
from app.views import Pages, ThingViewSet

urlpatterns = [
    path("suggestions/", ThingViewSet.suggestions),
    path("content/", Pages.content),
    path("about/", Pages.about),
    path("missing/", Pages.missing),
]
)py"},
             {"app/views.py", R"py(
from rest_framework import viewsets
from rest_framework.decorators import api_view

class ThingViewSet(viewsets.ViewSet):
    @staticmethod
    @api_view(["GET", "POST"])
    def suggestions(request):
        pass

class Pages:
    @classmethod
    def content(cls, request):
        pass

    def about(request):
        pass
)py"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY about/ app.views.Pages.about page config/urls.py:8\n"
            "ANY content/ app.views.Pages.content page config/urls.py:7\n"
            "GET suggestions/ app.views.ThingViewSet.suggestions api config/urls.py:6\n"
            "POST suggestions/ app.views.ThingViewSet.suggestions api config/urls.py:6\n"
            "unresolved-view config/urls.py:9 view app.views.Pages.missing names nothing we can "
            "find\n");
}

// Shuup's `list(chain(*(pre, urlpatterns, post)))` joins the lists in turn;
// CourtListener's `cast(Any, views.page)` is the view itself.
TEST(UrlsTest, ChainOfListsAndACastView) {
  Project p({{"config/urls.py", R"py(
from itertools import chain
from typing import Any, cast
from django.urls import path
from app import views

pre = [path("a/", views.v)]
urlpatterns = [path("b/", cast(Any, views.v))]
urlpatterns = list(chain(*(pre, urlpatterns, [path("c/", views.v)])))
urlpatterns = list(chain(urlpatterns, [path("d/", views.v)]))
)py"},
             {"app/views.py", "def v(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY a/ app.views.v page config/urls.py:7\n"
            "ANY b/ app.views.v page config/urls.py:8\n"
            "ANY c/ app.views.v page config/urls.py:9\n"
            "ANY d/ app.views.v page config/urls.py:10\n");
}

// Seahub: an unread sum of strings is named as written, not by its operator.
TEST(UrlsTest, AnUnreadSumIsNamedAsWritten) {
  Project p({{"config/urls.py", R"py(
from django.urls import re_path
from app import views

urlpatterns = [re_path(r"^" + endpoint() + "shares/$", views.v)]
)py"},
             {"app/views.py", "def v(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY {\"^\" + endpoint(...) + \"shares/$\"} app.views.v page config/urls.py:5\n"
            "unresolved-route config/urls.py:5 route \"^\" + endpoint(...) + \"shares/$\" of "
            "re_path() cannot be read statically; counted as {\"^\" + endpoint(...) + "
            "\"shares/$\"}\n");
}

// Routes written with `%` formatting: tendenci's configurable prefix (a
// setting, else the default an `if` rebinds), addons-server's module-level
// ADDON_ID and its loop over report names, a dict display for `%(key)s`, %d of
// an integer and `%%`.
TEST(UrlsTest, PercentFormattedRoutesAreRead) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, re_path
from app import views
from app.ids import ADDON_ID

urlpath = get_setting("module", "events", "url")
if not urlpath:
    urlpath = "events"

urlpatterns = [
    re_path(r"^%s/$" % urlpath, views.v),
    re_path(r"^%s/%s/$" % (urlpath, "ics"), views.v),
    re_path("^addon/%s/" % ADDON_ID, include("app.urls")),
    re_path(r"^%(id)s/edit/$" % {"id": r"(?P<id>\d+)"}, views.v),
    re_path(r"^page/%d/100%%$" % 2, views.v),
]
for key in ["downloads", "usage"]:
    urlpatterns.append(re_path("^%s/$" % key, views.v))
)py"},
             {"app/ids.py", "ADDON_ID = r\"\"\"(?P<addon_id>[^/<>\"']+)\"\"\"\n"},
             {"app/urls.py", "from django.urls import re_path\nfrom app import views\n"
                             "urlpatterns = [re_path('^$', views.v)]\n"},
             {"app/views.py", "def v(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY (?P<id>\\d+)/edit/ app.views.v page config/urls.py:14\n"
            "ANY addon/(?P<addon_id>[^/<>\"']+)/ app.views.v page app/urls.py:3\n"
            "ANY downloads/ app.views.v page config/urls.py:18\n"
            "ANY events/ app.views.v page config/urls.py:11\n"
            "ANY events/ics/ app.views.v page config/urls.py:12\n"
            "ANY page/2/100% app.views.v page config/urls.py:15\n"
            "ANY usage/ app.views.v page config/urls.py:18\n");
}

// datatracker: `"^%(acronym)s/$" % settings.URL_REGEXPS`, a dict of patterns
// in the settings.
TEST(UrlsTest, PercentFormatReadsADictOfTheSettings) {
  Project p({{"manage.py", "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings')\n"},
             {"site/__init__.py", ""},
             {"site/settings.py", R"py(
ROOT_URLCONF = "site.urls"
URL_REGEXPS = {"acronym": r"(?P<acronym>[-a-z0-9]+)", "name": r"(?P<name>[^/]+)"}
)py"},
             {"site/urls.py", R"py(
from django.conf import settings
from django.urls import re_path
from app import views

urlpatterns = [
    re_path(r"^%(acronym)s/$" % settings.URL_REGEXPS, views.v),
    re_path(r"^%(acronym)s/%(name)s/$" % settings.URL_REGEXPS, views.v),
]
)py"},
             {"app/views.py", "def v(request):\n    pass\n"}},
            UrlRules());
  Settings settings = FindSettings(*p.index);
  EXPECT_EQ(Dump(WalkUrlsWith(*p.index, settings, nullptr)),
            "ANY (?P<acronym>[-a-z0-9]+)/ app.views.v page site/urls.py:7\n"
            "ANY (?P<acronym>[-a-z0-9]+)/(?P<name>[^/]+)/ app.views.v page site/urls.py:8\n");
}

// An unread `%` names both operands (addons-server's `"^site%s/%s$" %
// (format_re, group_date_re)`, the patterns built with "|".join); so does a
// format whose operands do not match its conversions.
TEST(UrlsTest, AnUnreadPercentFormatIsNamedWithItsOperands) {
  Project p({{"config/urls.py", R"py(
from django.urls import re_path
from app import views

format_re = "(?P<format>" + "|".join(views.FORMATS) + ")"
urlpatterns = [
    re_path("^site%s/%s$" % (format_re, "x"), views.v),
    re_path("^%s/%s$" % ("one",), views.v),
    re_path("^%(key)s$" % {"other": "x"}, views.v),
]
)py"},
             {"app/views.py", "FORMATS = []\ndef v(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY {\"^%(key)s$\" % {\"other\": \"x\"}} app.views.v page config/urls.py:9\n"
            "ANY {\"^%s/%s$\" % (\"one\",)} app.views.v page config/urls.py:8\n"
            "ANY {\"^site%s/%s$\" % (format_re, \"x\")} app.views.v page config/urls.py:7\n"
            "unresolved-route config/urls.py:7 route \"^site%s/%s$\" % (format_re, \"x\") of "
            "re_path() cannot be read statically; counted as {\"^site%s/%s$\" % (format_re, "
            "\"x\")}\n"
            "unresolved-route config/urls.py:8 route \"^%s/%s$\" % (\"one\",) of re_path() "
            "cannot be read statically; counted as {\"^%s/%s$\" % (\"one\",)}\n"
            "unresolved-route config/urls.py:9 route \"^%(key)s$\" % {\"other\": \"x\"} of "
            "re_path() cannot be read statically; counted as {\"^%(key)s$\" % {\"other\": "
            "\"x\"}}\n");
}

// What an unread route's warning says happened. Kiwi TCMS's plugin loop,
// `re_path(f"^{plugin.name}/", include(import_module(...)))`: nothing under it
// was counted, and the field not read is named once, in single braces.
// mytardis's `url(r"^%s/" % name(app_name), include("%s.urls" % app))`: the
// include names its module with a %-formatted string. A prefix whose include
// was walked is counted as an empty prefix; a view's f-string route keeps the
// fields that read.
TEST(UrlsTest, AnUnreadRouteSaysWhatWasCounted) {
  Project p({{"config/urls.py", R"py(
from importlib import import_module
from django.urls import include, path, re_path
from app import views

API = "api"
urlpatterns = [
    path(f"{API}/{views.KIND}/", views.v),
    path(f"{views.BASE}", include("app.urls")),
]
for plugin in entry_points():
    plugin_urls = import_module(f"{plugin.value}.urls")
    urlpatterns.append(re_path(f"^{plugin.name}/", include(plugin_urls)))
for app_name, app in get_apps():
    urlpatterns += [
        re_path(r"^%s/" % format_name(app_name), include("%s.urls" % app)),
        re_path("^{}/".format(app_name), include("{}.urls".format(app))),
    ]
)py"},
             {"app/urls.py", "from django.urls import path\nfrom app import views\n"
                             "urlpatterns = [path('x/', views.v)]\n"},
             {"app/views.py", "def v(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(
      Dump(p.Walk("config.urls")),
      "ANY api/{views.KIND}/ app.views.v page config/urls.py:8\n"
      "ANY x/ app.views.v page app/urls.py:3\n"
      "unresolved-route config/urls.py:8 route f\"{API}/{views.KIND}/\" of path() cannot be "
      "read statically (views.KIND is not read); counted as api/{views.KIND}/\n"
      "unresolved-route config/urls.py:9 route f\"{views.BASE}\" of path() cannot be read "
      "statically (views.BASE is not read); counted as an empty prefix\n"
      "unresolved-route config/urls.py:13 route f\"^{plugin.name}/\" of re_path() cannot be "
      "read statically (plugin.name is not read); nothing under it was counted\n"
      "unresolved-route config/urls.py:16 route \"^%s/\" % format_name(...) of re_path() cannot "
      "be read statically; nothing under it was counted\n"
      "unresolved-route config/urls.py:17 route \"^{}/\".format(app_name) of re_path() cannot be "
      "read statically; nothing under it was counted\n"
      "unresolved-url-pattern config/urls.py:12 url pattern import_module() is a call we do "
      "not evaluate\n"
      "unresolved-url-pattern config/urls.py:16 include(\"%s.urls\" % app) names its module "
      "with a %-formatted string we cannot read\n"
      "unresolved-url-pattern config/urls.py:17 include(\"{}.urls\".format(app)) names its "
      "module with a str.format() string we cannot read\n");
}

// authentik and django-oscar: 3 endpoints reached, past an include djcost
// cannot walk, in a project of hundreds of view classes. A few-endpoints warning
// says the count is not the project's size.
TEST(UrlsTest, FewEndpointsForManyViewClassesPastUnreadPatterns) {
  std::string views = "from django.views.generic import View\n";
  for (int i = 0; i < 20; ++i) {
    views += "class V" + std::to_string(i) + "(View):\n    def get(self, request):\n        pass\n";
  }
  std::string urls = R"py(
from django.urls import include, path
from app import views
urlpatterns = [path("a/", views.V0.as_view())]
for app in get_apps():
    urlpatterns.append(path("", include(app.urls_module)))
)py";
  Project p({{"config/urls.py", urls}, {"app/views.py", views}}, UrlRules());
  UrlInventory found = p.Walk("config.urls");
  std::string codes;
  for (const auto& d : found.diagnostics) codes += d.code + " ";
  EXPECT_EQ(codes, "few-endpoints unresolved-include ");
  // Without a pattern left unread, a small count is what the URLconf says.
  Project whole({{"config/urls.py", "from django.urls import path\nfrom app import views\n"
                                    "urlpatterns = [path('a/', views.V0.as_view())]\n"},
                 {"app/views.py", views}},
                UrlRules());
  EXPECT_TRUE(whole.Walk("config.urls").diagnostics.empty());
}

TEST(UrlsRouteTest, RegexLevelsLoseAnchors) {
  EXPECT_EQ(RouteLevel("^api/", true, false), "api/");
  EXPECT_EQ(RouteLevel("^books/$", true, true), "books/");
  EXPECT_EQ(RouteLevel("^books/$", true, false), "books/$");
  EXPECT_EQ(RouteLevel("^cost\\$", true, true), "cost\\$");
  EXPECT_EQ(RouteLevel("^books/$", false, true), "^books/$");
}

TEST(UrlsRouteTest, NinjaRoutesUseDjangoConverters) {
  EXPECT_EQ(NinjaRoute("", "/items/{int:item_id}"), "items/<int:item_id>");
  EXPECT_EQ(NinjaRoute("/shop/", "/orders/{id}/"), "shop/orders/<id>/");
  EXPECT_EQ(NinjaRoute("", "/"), "");
}

}  // namespace
}  // namespace djcost

namespace djcost {
namespace {

// Django's own source scanned at its folder: `path` and `require_GET` are the
// repository's own definitions, named exactly like the knowledge tables' entries.
TEST(UrlsTest, ScanOfTheFrameworkItselfKnowsItsOwnPathAndDecorators) {
  Project p({{"__init__.py", ""},
             {"urls/__init__.py", "from .conf import include, path\n"},
             {"urls/conf.py", R"py(from functools import partial

def _path(route, view, kwargs=None, name=None, Pattern=None):
    pass

path = partial(_path, Pattern=None)
)py"},
             {"views/__init__.py", ""},
             {"views/decorators/__init__.py", ""},
             {"views/decorators/http.py", R"py(def require_http_methods(request_method_list):
    pass

require_GET = require_http_methods(["GET"])
)py"},
             {"contrib/__init__.py", ""},
             {"contrib/pages/__init__.py", ""},
             {"contrib/pages/views.py", R"py(from django.views.decorators.http import require_GET

@require_GET
def page(request):
    pass
)py"},
             {"contrib/pages/urls.py", R"py(from django.urls import path
from . import views

urlpatterns = [path("p/", views.page)]
)py"}},
            UrlRules(), {});
  EXPECT_EQ(Dump(p.Walk("")), "GET p/ django.contrib.pages.views.page page contrib/pages/urls.py:4\n");
}


// Sefaria: with django-hosts, ROOT_URLCONF is an empty list and each host of
// ROOT_HOSTCONF's host_patterns serves its own URLconf. A URLconf two hosts
// include is one set of endpoints; the same route on two hosts is two.
TEST(UrlsTest, DjangoHostsServesEachHostsUrlconf) {
  Project p({{"proj/hosts.py", R"py(
from django_hosts import patterns, host

host_patterns = patterns('',
    host(r'www', 'proj.urls_library', name='library'),
    host(r'sheets', 'proj.urls_sheets', name='sheets'),
    host(r'again', 'proj.urls_library', name='again'),
    host(r'gone', 'elsewhere.urls', name='gone'),
)
)py"},
             {"proj/urls.py", "urlpatterns = []\n"},
             {"proj/urls_library.py", R"py(
from django.urls import path
from proj import views
from proj.urls_shared import shared_patterns

urlpatterns = [path("", views.home)]
urlpatterns += shared_patterns
)py"},
             {"proj/urls_sheets.py", R"py(
from django.urls import path
from proj import views
from proj.urls_shared import shared_patterns

urlpatterns = [path("", views.sheets)]
urlpatterns += shared_patterns
)py"},
             {"proj/urls_shared.py", R"py(
from django.urls import path
from proj import views

shared_patterns = [path("api/texts", views.texts)]
)py"},
             {"proj/views.py", R"py(
def home(request):
    pass

def sheets(request):
    pass

def texts(request):
    pass
)py"}},
            UrlRules());
  Settings settings;
  settings.root_urlconf.value = "proj.urls";
  settings.root_hostconf = {"proj.hosts", {"proj/settings.py", 9, 0}};
  EXPECT_EQ(Dump(WalkUrlsWith(*p.index, settings, nullptr)),
            "ANY  proj.views.home page proj/urls_library.py:6\n"
            "ANY  proj.views.sheets page proj/urls_sheets.py:6\n"
            "ANY api/texts proj.views.texts page proj/urls_shared.py:5\n"
            "unresolved-host-urlconf proj/hosts.py:8 the URLconf of host() elsewhere.urls is "
            "not a module of the repository; its routes are not counted\n");

  // Without django-hosts' middleware the hosts are not served: ROOT_URLCONF is,
  // and the URLconfs it never includes are walked as roots of their own.
  settings.middleware = {{"django.middleware.common.CommonMiddleware", {}}};
  std::string without = Dump(WalkUrlsWith(*p.index, settings, nullptr));
  EXPECT_NE(without.find("unreached-urlconfs :0 ROOT_URLCONF proj.urls leads to 0 endpoints"),
            std::string::npos)
      << without;
  EXPECT_EQ(without.find("unresolved-host-urlconf"), std::string::npos) << without;
}

// Sefaria's `if DOWN_FOR_MAINTENANCE: urlpatterns = maintenance_patterns`: a
// condition that swaps the list for a shorter one is a special mode and is not
// taken; a conditional list over an empty one is.
TEST(UrlsTest, ConditionalSwapForAShorterListIsNotTaken) {
  Project p({{"config/urls.py", R"py(
from django.conf import settings
from django.urls import path
from app import views

maintenance_patterns = [path("down/", views.v)]
urlpatterns = [path("a/", views.v), path("b/", views.v)]
if settings.DOWN_FOR_MAINTENANCE:
    urlpatterns = maintenance_patterns
)py"},
             {"config/optional.py", R"py(
from django.conf import settings
from django.urls import path
from app import views

urlpatterns = []
if settings.FEATURE:
    urlpatterns = [path("feature/", views.v)]
)py"},
             {"app/views.py", "def v(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY a/ app.views.v page config/urls.py:7\n"
            "ANY b/ app.views.v page config/urls.py:7\n");
  EXPECT_EQ(Dump(p.Walk("config.optional")),
            "ANY feature/ app.views.v page config/optional.py:8\n");
}


// addons-server: `^statistics/$` and, after it, `^statistics/` read the same
// route, but the second serves every other path under statistics/. An
// open-ended regex shadows an exact route of the same text only from before it.
TEST(UrlsTest, AnOpenEndedRegexIsNotTheExactRouteOfTheSameText) {
  Project p({{"config/urls.py", R"py(
from django.urls import re_path
from app import views

urlpatterns = [
    re_path(r"^foo/$", views.a),
    re_path(r"^foo/", views.b),
    re_path(r"^bar/", views.a),
    re_path(r"^bar/$", views.b),
    re_path(r"^qux/", views.a),
    re_path(r"^qux/", views.b),
]
)py"},
             {"app/views.py", "def a(request):\n    pass\n\ndef b(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY bar/ app.views.a page config/urls.py:8\n"
            "ANY foo/ app.views.a page config/urls.py:6\n"
            "ANY foo/ app.views.b page config/urls.py:7\n"
            "ANY qux/ app.views.a page config/urls.py:10\n"
            "shadowed-route config/urls.py:9 route bar/ is served by the pattern at "
            "config/urls.py:8; this one is never reached\n"
            "shadowed-route config/urls.py:11 route qux/ is served by the pattern at "
            "config/urls.py:10; this one is never reached\n");
}


// Mayan EDMS: the root URLconf is an empty list that each AppConfig.ready()
// extends with its app's urls. URLconfs the walk never reached are walked as
// roots of their own (not one another includes), and the warning says so. One
// under a test/ folder serves tests (Horizon's horizon/test/urls.py): not walked.
TEST(UrlsTest, UrlconfsAnEmptyRootNeverIncludesAreWalkedAsRoots) {
  Project p({{"proj/urls.py", "urlpatterns = []\n"},
             {"proj/test/urls.py", R"py(
from django.urls import include, path
from docs import views

urlpatterns = [path("auth/", include("docs.urls")), path("t/", views.index)]
)py"},
             {"docs/urls.py", R"py(
from django.urls import include, path
from docs import views

urlpatterns = [path("", views.index), path("pages/", include("docs.page_urls"))]
)py"},
             {"docs/page_urls.py", R"py(
from django.urls import path
from docs import views

urlpatterns = [path("<slug>/", views.index)]
)py"},
             {"docs/views.py", "def index(request):\n    pass\n"},
             {"tags/urls.py", R"py(
from django.urls import path
from docs import views

urlpatterns = [path("", views.index)]
)py"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("proj.urls")),
            "ANY  docs.views.index page docs/urls.py:5\n"
            "ANY  docs.views.index page tags/urls.py:5\n"
            "ANY pages/<slug>/ docs.views.index page docs/page_urls.py:5\n"
            "unreached-urlconfs :0 ROOT_URLCONF proj.urls leads to 0 endpoints; the 2 URLconfs "
            "it never includes (docs.urls, tags.urls) were walked as roots of their own, as the "
            "project must add them at run time: 3 more endpoints, routes without the prefix they "
            "are served under\n");
}


// tendenci: `urlpath = get_setting("module", "chapters", "url") or "chapters"`:
// the right side of `or` when the left does not read as a non-empty string.
TEST(UrlsTest, AnOrReadsItsFirstNonEmptyString) {
  Project p({{"config/urls.py", R"py(
from django.urls import re_path
from app import views

urlpath = get_setting("module", "chapters", "url") or "chapters"
blank = "" or "blank"
first = "first" or "second"

urlpatterns = [
    re_path(r"^%s/$" % urlpath, views.v),
    re_path(r"^%s/$" % blank, views.v),
    re_path(r"^%s/$" % first, views.v),
    re_path(r"^%s/$" % (unknown or also_unknown), views.v),
]
)py"},
             {"app/views.py", "def v(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY blank/ app.views.v page config/urls.py:11\n"
            "ANY chapters/ app.views.v page config/urls.py:10\n"
            "ANY first/ app.views.v page config/urls.py:12\n"
            "ANY {\"^%s/$\" % (unknown or also_unknown)} app.views.v page config/urls.py:13\n"
            "unresolved-route config/urls.py:13 route \"^%s/$\" % (unknown or also_unknown) of "
            "re_path() cannot be read statically; counted as {\"^%s/$\" % (unknown or "
            "also_unknown)}\n");
}


// fiduswriter: `urlpatterns.insert(0, path("", console))` puts the route first,
// where it shadows the one written before it.
TEST(UrlsTest, AnInsertAtTheFrontShadowsTheRoutesAfterIt) {
  Project p({{"config/urls.py", R"py(
from django.urls import path
from app import views

urlpatterns = [path("", views.home), path("a/", views.home)]
urlpatterns.insert(0, path("", views.console))
urlpatterns.insert(-1, path("b/", views.home))
urlpatterns.insert(99, path("c/", views.home))
)py"},
             {"app/views.py", "def home(request):\n    pass\n\ndef console(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY  app.views.console page config/urls.py:6\n"
            "ANY a/ app.views.home page config/urls.py:5\n"
            "ANY b/ app.views.home page config/urls.py:7\n"
            "ANY c/ app.views.home page config/urls.py:8\n"
            "shadowed-route config/urls.py:5 route  is served by the pattern at config/urls.py:6; "
            "this one is never reached\n");
}


// Argus: the walk reached most of the API, past a project helper it could not
// read that adds the HTMX UI's URLconfs. Those are named, with what they hold,
// but not counted: a URLconf nothing includes may as well be dead.
TEST(UrlsTest, UrlconfsAWalkPastUnreadPatternsNeverIncludesAreNamedNotCounted) {
  Project p({{"proj/urls.py", R"py(
from django.urls import path
from proj.helpers import get_urlpatterns
from docs import views

urlpatterns = [path("a/", views.index), path("b/", views.index)]
urlpatterns += get_urlpatterns(APPS)
)py"},
             {"proj/helpers.py", R"py(
from django.urls import include, path

def get_urlpatterns(apps):
    urlpatterns = []
    for app in apps:
        urlpatterns.append(path(app.path, include(app.module)))
    return urlpatterns
)py"},
             {"docs/views.py", "def index(request):\n    pass\n"},
             {"ui/urls.py", R"py(
from django.urls import path
from docs import views

urlpatterns = [path("dashboard/", views.index)]
)py"}},
            UrlRules());
  std::string dump = Dump(p.Walk("proj.urls"));
  EXPECT_EQ(dump.find("dashboard/"), std::string::npos) << dump;
  EXPECT_NE(dump.find("unreached-urlconfs :0 ROOT_URLCONF proj.urls leads to 2 endpoints past URL "
                      "patterns it could not read; the URLconf it never includes (ui.urls) holds 1 "
                      "more endpoint, not counted: it may be what those patterns add\n"),
            std::string::npos)
      << dump;
}


// etools: an (urls, app_name) pair bound to a name, included by that name: its
// patterns are walked, and the app name is no pattern.
TEST(UrlsTest, AnUrlsAndAppNamePairIncludedByName) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, re_path
from app.urls import urlpatterns as app_patterns

urlpatterns = [re_path(r"^app/", include(app_patterns))]
)py"},
             {"app/urls.py", R"py(
from django.urls import include, re_path
from app import views

detail_patterns = ((re_path(r"^$", views.v),), "details")
urlpatterns = ((re_path(r"^$", views.v), re_path(r"^(?P<pk>\d+)/", include(detail_patterns))), "app")
)py"},
             {"app/views.py", "def v(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY app/ app.views.v page app/urls.py:6\n"
            "ANY app/(?P<pk>\\d+)/ app.views.v page app/urls.py:5\n");
}


// AWX: `include("awx.api.urls")` names a package whose __init__ star-imports
// its urls module. That module was walked, though never included by name: it
// is not one the walk "never includes".
TEST(UrlsTest, AModuleReachedThroughAStarImportIsNotUnreached) {
  Project p({{"proj/urls.py", R"py(
from django.urls import include, path

urlpatterns = [path("api/", include("api.urls")), path("x/", include(unknown_patterns()))]
)py"},
             {"api/__init__.py", ""},
             {"api/urls/__init__.py", "from .urls import *\n"},
             {"api/urls/urls.py", R"py(
from django.urls import path
from api import views

urlpatterns = [path("items/", views.v)]
)py"},
             {"api/views.py", "def v(request):\n    pass\n"}},
            UrlRules());
  std::string dump = Dump(p.Walk("proj.urls"));
  EXPECT_NE(dump.find("ANY api/items/ api.views.v page api/urls/urls.py:5\n"), std::string::npos)
      << dump;
  EXPECT_EQ(dump.find("unreached-urlconfs"), std::string::npos) << dump;
}


// ecommerce: `urlpatterns += extensions_patterns`, imported from a URLconf of
// nothing but includes, walks that URLconf's patterns: it is not unreached
// (nor is one whose endpoints the walk reached through another list).
TEST(UrlsTest, AUrlconfWhosePatternsAreImportedByNameIsNotUnreached) {
  Project p({{"proj/urls.py", R"py(
from django.urls import include, path
from ext.urls import urlpatterns as ext_patterns
from other.urls import api_patterns

urlpatterns = [path("x/", include(UNKNOWN_PATTERNS))]
urlpatterns += ext_patterns
urlpatterns += api_patterns
)py"},
             {"ext/urls.py", R"py(
from django.urls import include, path

urlpatterns = [path("shop/", include("shop.urls"))]
)py"},
             {"other/urls.py", R"py(
from django.urls import path
from shop import views

api_patterns = [path("api/", views.v)]
urlpatterns = [path("page/", views.v)]
)py"},
             {"shop/urls.py", R"py(
from django.urls import path
from shop import views

urlpatterns = [path("items/", views.v)]
)py"},
             {"shop/views.py", "def v(request):\n    pass\n"}},
            UrlRules());
  std::string dump = Dump(p.Walk("proj.urls"));
  EXPECT_NE(dump.find("ANY shop/items/ shop.views.v page shop/urls.py:5\n"), std::string::npos)
      << dump;
  EXPECT_EQ(dump.find("unreached-urlconfs"), std::string::npos) << dump;
}

// Mayan EDMS: `r"^v{}/".format(API_VERSION)`; also `{0}`, `{name}` and `{{`.
// A field with a format spec is not read: the route keeps what was written.
TEST(UrlsTest, StrFormatRoutesAreRead) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, re_path
from app import views

API_VERSION = "4"
urlpatterns = [
    re_path(r"^v{}/".format(API_VERSION), include([re_path(r"^items/$", views.v)])),
    re_path("^{0}/{name}/$".format("a", name="b"), views.v),
    re_path("^{{x}}/{}$".format(API_VERSION), views.v),
    re_path("^{:>3}/$".format(API_VERSION), views.v),
    re_path("^{slug}/x/$".format(**opts), views.v),
]
)py"},
             {"app/views.py", "def v(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY a/b/ app.views.v page config/urls.py:8\n"
            "ANY v4/items/ app.views.v page config/urls.py:7\n"
            "ANY {\"^{:>3}/$\".format(API_VERSION)} app.views.v page config/urls.py:10\n"
            "ANY {\"^{slug}/x/$\".format(**opts)} app.views.v page config/urls.py:11\n"
            "ANY {x}/4 app.views.v page config/urls.py:9\n"
            "unresolved-route config/urls.py:10 route \"^{:>3}/$\".format(API_VERSION) of "
            "re_path() cannot be read statically; counted as {\"^{:>3}/$\".format(API_VERSION)}\n"
            "unresolved-route config/urls.py:11 route \"^{slug}/x/$\".format(**opts) of re_path() "
            "cannot be read statically; counted as {\"^{slug}/x/$\".format(**opts)}\n");
}

}  // namespace
}  // namespace djcost
