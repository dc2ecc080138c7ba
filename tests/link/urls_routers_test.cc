// DRF routers through WalkUrls: registrations, the routes SimpleRouter generates
// for each viewset's actions, @action extras, lookups, trailing slashes.
#include "link/routers.h"

#include <gtest/gtest.h>

#include "rules/load_rules.h"
#include "urls_test_support.h"

namespace djcost {
namespace {

using testing::Dump;
using testing::Project;
using testing::UrlRules;

const char* kViewSets = R"py(
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from .models import Book

class Publishing:
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        pass

    @publish.mapping.delete
    def unpublish(self, request, pk=None):
        pass

class BookViewSet(Publishing, viewsets.ModelViewSet):
    queryset = Book.objects.all()
    lookup_field = "slug"

    @action(detail=False, url_path="best-sellers", url_name="best")
    def best_sellers(self, request):
        pass

class ReadOnly(viewsets.ReadOnlyModelViewSet):
    queryset = Book.objects.filter(active=True)
    http_method_names = ["get"]

class Custom(viewsets.ViewSet):
    def list(self, request):
        pass
    def retrieve(self, request, pk=None):
        pass
    @action(detail=True, methods=["get", "put"], url_path="cover")
    def cover_image(self, request, pk=None):
        pass

class CreateOnly(mixins.CreateModelMixin, viewsets.GenericViewSet):
    pass

class Nothing(viewsets.ViewSet):
    pass
)py";

TEST(RoutersTest, ExpandsRegistrationsLikeSimpleRouter) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, path
from rest_framework.routers import DefaultRouter
from shop import api

router = DefaultRouter()
router.register(r"books", api.BookViewSet)
router.register("readonly", api.ReadOnly, basename="ro")
router.register(prefix="custom", viewset=api.Custom, basename="custom")
router.register("create", api.CreateOnly, "make")
router.register("nothing", api.Nothing, basename="nothing")

urlpatterns = [
    path("api/", include(router.urls)),
]
)py"},
             {"shop/api.py", kViewSets}},
            UrlRules());
  UrlInventory urls = p.Walk("config.urls");
  EXPECT_EQ(Dump(urls),
            "GET api/books/ shop.api.BookViewSet.list api config/urls.py:7\n"
            "POST api/books/ shop.api.BookViewSet.create api config/urls.py:7\n"
            "DELETE api/books/<slug>/ shop.api.BookViewSet.destroy api config/urls.py:7\n"
            "GET api/books/<slug>/ shop.api.BookViewSet.retrieve api config/urls.py:7\n"
            "PATCH api/books/<slug>/ shop.api.BookViewSet.partial_update api config/urls.py:7\n"
            "PUT api/books/<slug>/ shop.api.BookViewSet.update api config/urls.py:7\n"
            "DELETE api/books/<slug>/publish/ shop.api.BookViewSet.unpublish api config/urls.py:7\n"
            "POST api/books/<slug>/publish/ shop.api.BookViewSet.publish api config/urls.py:7\n"
            "GET api/books/best-sellers/ shop.api.BookViewSet.best_sellers api config/urls.py:7\n"
            "POST api/create/ shop.api.CreateOnly.create api config/urls.py:10\n"
            "GET api/custom/ shop.api.Custom.list api config/urls.py:9\n"
            "GET api/custom/<pk>/ shop.api.Custom.retrieve api config/urls.py:9\n"
            "GET api/custom/<pk>/cover/ shop.api.Custom.cover_image api config/urls.py:9\n"
            "PUT api/custom/<pk>/cover/ shop.api.Custom.cover_image api config/urls.py:9\n"
            "GET api/readonly/ shop.api.ReadOnly.list api config/urls.py:8\n"
            "GET api/readonly/<pk>/ shop.api.ReadOnly.retrieve api config/urls.py:8\n"
            "view-without-handlers config/urls.py:11 viewset shop.api.Nothing provides no "
            "action a router can route (list, create, retrieve, update, partial_update, "
            "destroy or @action)\n");
  std::vector<std::string> names;
  for (const auto& e : urls.endpoints) {
    if (e.method == "GET" || e.method == "POST") names.push_back(e.route + " " + e.name);
  }
  EXPECT_EQ(names, (std::vector<std::string>{
                       "api/books/ book-list", "api/books/ book-list",
                       "api/books/<slug>/ book-detail", "api/books/<slug>/publish/ book-publish",
                       "api/books/best-sellers/ book-best", "api/create/ make-list",
                       "api/custom/ custom-list", "api/custom/<pk>/ custom-detail",
                       "api/custom/<pk>/cover/ custom-cover-image", "api/readonly/ ro-list",
                       "api/readonly/<pk>/ ro-detail"}));
}

TEST(RoutersTest, RoutersImportedExtendedAndAddedWithoutSlash) {
  Project p({{"config/urls.py", R"py(
from django.urls import path
from rest_framework import routers
from shop.routers import router as shop_router
from shop import api

router = routers.SimpleRouter(trailing_slash=False)
router.registry.extend(shop_router.registry)
router.register("", api.Custom, basename="root")

urlpatterns = [path("health/", api.health)]
urlpatterns += router.urls
urlpatterns += [path("v2/", shop_router.urls)]
)py"},
             {"shop/routers.py", R"py(
from rest_framework.routers import DefaultRouter
from .api import ReadOnly
router = DefaultRouter()
router.register("ro", ReadOnly)
)py"},
             {"shop/api.py", std::string(kViewSets) + "\ndef health(request):\n    pass\n"},
             {"other/register.py", R"py(
from shop.routers import router
from shop.api import CreateOnly
router.register("late", CreateOnly, basename="late")
)py"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "GET  shop.api.Custom.list api config/urls.py:9\n"
            "GET <pk> shop.api.Custom.retrieve api config/urls.py:9\n"
            "GET <pk>/cover shop.api.Custom.cover_image api config/urls.py:9\n"
            "PUT <pk>/cover shop.api.Custom.cover_image api config/urls.py:9\n"
            "ANY health/ shop.api.health page config/urls.py:11\n"
            "POST late shop.api.CreateOnly.create api other/register.py:4\n"
            "GET ro shop.api.ReadOnly.list api shop/routers.py:5\n"
            "GET ro/<pk> shop.api.ReadOnly.retrieve api shop/routers.py:5\n"
            "POST v2/late/ shop.api.CreateOnly.create api other/register.py:4\n"
            "GET v2/ro/ shop.api.ReadOnly.list api shop/routers.py:5\n"
            "GET v2/ro/<pk>/ shop.api.ReadOnly.retrieve api shop/routers.py:5\n");
}

// A registration through a re-export under another name: the call's object is
// neither the router's own name nor an alias of the registering module.
TEST(RoutersTest, RegistrationThroughAReexportUnderAnotherName) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, path
from shop.routers import router
urlpatterns = [path("api/", include(router.urls))]
)py"},
             {"shop/routers.py", R"py(
from rest_framework.routers import DefaultRouter
router = DefaultRouter()
)py"},
             {"shop/__init__.py", "from shop.routers import router as api_router\n"},
             {"shop/api.py", kViewSets},
             {"other/register.py", R"py(
from shop import api_router
from shop.api import CreateOnly
api_router.register("late", CreateOnly, basename="late")
)py"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "POST api/late/ shop.api.CreateOnly.create api other/register.py:4\n");
}

// paperless-ngx: the router's patterns unpacked into a list with `*`, next to
// plain patterns, inside an include, and a starred list variable and call.
TEST(RoutersTest, UnpackedRouterUrlsAndListsAreWalked) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, path, re_path
from debug_toolbar.toolbar import debug_toolbar_urls
from rest_framework.routers import DefaultRouter
from shop import api

router = DefaultRouter()
router.register("ro", api.ReadOnly)
extra = [path("health/", api.health)]

urlpatterns = [
    re_path("^api/", include([*router.urls, path("ping/", api.health)])),
    *extra,
    *debug_toolbar_urls(),
]
)py"},
             {"shop/__init__.py", ""},
             {"shop/api.py", std::string(kViewSets) + "\ndef health(request):\n    pass\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY api/ping/ shop.api.health page config/urls.py:12\n"
            "GET api/ro/ shop.api.ReadOnly.list api config/urls.py:8\n"
            "GET api/ro/<pk>/ shop.api.ReadOnly.retrieve api config/urls.py:8\n"
            "ANY health/ shop.api.health page config/urls.py:9\n"
            "external '' debug_toolbar.toolbar.debug_toolbar_urls() (third-party include) "
            "config/urls.py:14\n");
}

// Registrations in a loop over a list djcost can read: one per item, with the
// loop's names bound (tuple targets, `*route` unpacking, a list imported and
// summed); a loop over something unread keeps its call as written.
TEST(RoutersTest, RegistrationsInALoopOverAReadableList) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, path
from rest_framework.routers import SimpleRouter
from shop import api
from shop.routes import routes as shop_routes

router = SimpleRouter()
for prefix, viewset in [("ro", api.ReadOnly), ("custom", api.Custom)]:
    router.register(prefix, viewset)
for route in shop_routes + [("create", api.CreateOnly)]:
    router.register(*route)
for route in get_routes():
    router.register(*route)
urlpatterns = [path("api/", include(router.urls))]
)py"},
             {"shop/__init__.py", ""},
             {"shop/routes.py", "from shop.api import ReadOnly as Books\nroutes = [('books', Books)]\n"},
             {"shop/api.py", kViewSets}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "GET api/books/ shop.api.ReadOnly.list api shop/routes.py:2\n"
            "GET api/books/<pk>/ shop.api.ReadOnly.retrieve api shop/routes.py:2\n"
            "POST api/create/ shop.api.CreateOnly.create api config/urls.py:11\n"
            "GET api/custom/ shop.api.Custom.list api config/urls.py:9\n"
            "GET api/custom/<pk>/ shop.api.Custom.retrieve api config/urls.py:9\n"
            "GET api/custom/<pk>/cover/ shop.api.Custom.cover_image api config/urls.py:9\n"
            "PUT api/custom/<pk>/cover/ shop.api.Custom.cover_image api config/urls.py:9\n"
            "GET api/ro/ shop.api.ReadOnly.list api config/urls.py:9\n"
            "GET api/ro/<pk>/ shop.api.ReadOnly.retrieve api config/urls.py:9\n"
            "unresolved-route config/urls.py:13 router.register() prefix is not a string we can read\n");
}

// DRF's "custom routers" recipe (Nautobot's UI router, CISO Assistant's
// settings router): a router class's own `routes` list decides the routes,
// each kept when the viewset has an action of its mapping; DynamicRoute places
// the @actions of its kind.
TEST(RoutersTest, ARouterClassWithItsOwnRoutes) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, path
from rest_framework.routers import DynamicRoute, Route, SimpleRouter
from shop import api

class UIRouter(SimpleRouter):
    routes = [
        Route(url=r"^{prefix}/$", mapping={"get": "list"}, name="{basename}_list",
              detail=False, initkwargs={}),
        Route(url=r"^{prefix}/add/$", mapping={"get": "create", "post": "create"},
              name="{basename}_add", detail=False, initkwargs={}),
        Route(url=r"^{prefix}/{lookup}/$", mapping={"get": "retrieve"}, name="{basename}",
              detail=True, initkwargs={}),
        DynamicRoute(url=r"^{prefix}/{lookup}/{url_path}/$", name="{basename}_{url_name}",
                     detail=True, initkwargs={}),
    ]

class Extended(SimpleRouter):
    routes = SimpleRouter.routes + [
        Route(url=r"^{prefix}/bulk{trailing_slash}$", mapping={"delete": "destroy"},
              name="{basename}-bulk", detail=False, initkwargs={}),
    ]

ui = UIRouter()
ui.register("books", api.BookViewSet)
ext = Extended()
ext.register("ro", api.ReadOnly)
urlpatterns = [path("ui/", include(ui.urls)), path("api/", include(ext.urls))]
)py"},
             {"shop/__init__.py", ""},
             {"shop/api.py", kViewSets}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "GET api/ro/ shop.api.ReadOnly.list api config/urls.py:27\n"
            "GET api/ro/<pk>/ shop.api.ReadOnly.retrieve api config/urls.py:27\n"
            "GET ui/books/ shop.api.BookViewSet.list api config/urls.py:25\n"
            "GET ui/books/<slug>/ shop.api.BookViewSet.retrieve api config/urls.py:25\n"
            "DELETE ui/books/<slug>/publish/ shop.api.BookViewSet.unpublish api config/urls.py:25\n"
            "POST ui/books/<slug>/publish/ shop.api.BookViewSet.publish api config/urls.py:25\n"
            "GET ui/books/add/ shop.api.BookViewSet.create api config/urls.py:25\n"
            "POST ui/books/add/ shop.api.BookViewSet.create api config/urls.py:25\n");
}

// CourtListener: `for prefix, viewset, basename in v3.registry: v4.register(...)`
// copies v3's registrations into v4, as registry.extend() does.
TEST(RoutersTest, RegistrationsCopiedFromAnotherRoutersRegistry) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, path
from rest_framework.routers import SimpleRouter
from shop import api

v3 = SimpleRouter()
v3.register("ro", api.ReadOnly, basename="ro")
v4 = SimpleRouter()
v4.register("create", api.CreateOnly, basename="create")
for prefix, viewset, basename in v3.registry:
    v4.register(prefix, viewset, basename)
urlpatterns = [path("v4/", include(v4.urls))]
)py"},
             {"shop/__init__.py", ""},
             {"shop/api.py", kViewSets}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "POST v4/create/ shop.api.CreateOnly.create api config/urls.py:9\n"
            "GET v4/ro/ shop.api.ReadOnly.list api config/urls.py:7\n"
            "GET v4/ro/<pk>/ shop.api.ReadOnly.retrieve api config/urls.py:7\n");
}

// KPI: an @action url_path read through a module constant, and one djcost
// cannot read, kept as its expression rather than the method's name.
TEST(RoutersTest, ActionUrlPathsReadOrKeptUnread) {
  Project p({{"config/urls.py", R"py(
from rest_framework.routers import SimpleRouter
from shop.api import Files
router = SimpleRouter()
router.register("files", Files)
urlpatterns = router.urls
)py"},
             {"shop/__init__.py", ""},
             {"shop/api.py", R"py(
from rest_framework import viewsets
from rest_framework.decorators import action
THUMB = "thumbnail"

class Files(viewsets.ViewSet):
    @action(detail=True, url_path=THUMB)
    def thumb(self, request, pk=None):
        pass

    @action(detail=True, url_path=f"(?P<suffix>({pattern()}))")
    def sized(self, request, pk=None, suffix=None):
        pass
)py"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "GET files/<pk>/thumbnail/ shop.api.Files.thumb api config/urls.py:5\n"
            "GET files/<pk>/{(?P<suffix>({pattern()}))}/ shop.api.Files.sized api "
            "config/urls.py:5\n");
}

// drf-nested-routers: a nested router's routes sit under its parent's prefix
// and lookup, at every level of nesting.
TEST(RoutersTest, NestedRoutersPrefixTheirParentsLookup) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, path
from rest_framework_nested import routers
from shop import api

router = routers.SimpleRouter()
router.register(r"shops", api.ReadOnly)
shops = routers.NestedSimpleRouter(router, r"shops", lookup="shop")
shops.register(r"books", api.CreateOnly, basename="shop-books")
books = routers.NestedSimpleRouter(shops, "books", lookup="book")
books.register("notes", api.CreateOnly, basename="book-notes")

urlpatterns = [
    path("", include(router.urls)),
    path("", include(shops.urls)),
    path("", include(books.urls)),
]
)py"},
             {"shop/__init__.py", ""},
             {"shop/api.py", kViewSets}},
            DefaultRuleSet());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "GET shops/ shop.api.ReadOnly.list api config/urls.py:7\n"
            "GET shops/<pk>/ shop.api.ReadOnly.retrieve api config/urls.py:7\n"
            "POST shops/<shop_pk>/books/ shop.api.CreateOnly.create api config/urls.py:9\n"
            "POST shops/<shop_pk>/books/<book_pk>/notes/ shop.api.CreateOnly.create api "
            "config/urls.py:11\n");
}

// opencve: the parent viewset's `lookup_field = "name"` names the nested kwarg
// (`<org_name>`, as the parent router's get_lookup_regex writes it), and a
// nested router without `trailing_slash=` copies its parent's.
TEST(RoutersTest, NestedRoutersTakeTheParentsLookupFieldAndTrailingSlash) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, path
from rest_framework_nested import routers
from shop import api

router = routers.SimpleRouter(trailing_slash=False)
router.register(r"orgs", api.BookViewSet, basename="org")
orgs = routers.NestedSimpleRouter(router, r"orgs", lookup="org")
orgs.register(r"projects", api.CreateOnly, basename="org-projects")

urlpatterns = [path("api/", include(router.urls)), path("api/", include(orgs.urls))]
)py"},
             {"shop/__init__.py", ""},
             {"shop/api.py", kViewSets}},
            DefaultRuleSet());
  std::string dump = Dump(p.Walk("config.urls"));
  EXPECT_NE(dump.find("POST api/orgs/<org_slug>/projects shop.api.CreateOnly.create api "
                      "config/urls.py:9\n"),
            std::string::npos)
      << dump;
  EXPECT_NE(dump.find("GET api/orgs/<slug> shop.api.BookViewSet.retrieve"), std::string::npos)
      << dump;
}

// timed: `SimpleRouter(trailing_slash=settings.APPEND_SLASH)` with
// `APPEND_SLASH = False` in the settings; DRF tests the argument's truth, so a
// false module constant drops the slash too, and a setting the settings leave
// unset takes Django's default (APPEND_SLASH is True).
TEST(RoutersTest, TrailingSlashReadFromASettingOrAModuleConstant) {
  for (const auto& [settings, slash] :
       std::vector<std::pair<std::string, std::string>>{{"APPEND_SLASH = False\n", ""},
                                                        {"DEBUG = False\n", "/"}}) {
    Project p({{"config/settings.py", settings},
               {"config/urls.py", R"py(
from django.conf import settings
from django.urls import include, path
from rest_framework.routers import SimpleRouter
from shop import api

SLASH = False
by_setting = SimpleRouter(trailing_slash=settings.APPEND_SLASH)
by_setting.register(r"ro", api.ReadOnly)
by_constant = SimpleRouter(trailing_slash=SLASH)
by_constant.register(r"new", api.CreateOnly)
urlpatterns = [path("", include(by_setting.urls)), path("", include(by_constant.urls))]
)py"},
               {"shop/__init__.py", ""},
               {"shop/api.py", kViewSets}},
              UrlRules());
    p.index->SetSettingsFile(0);  // config/settings.py, the first file
    EXPECT_EQ(Dump(p.Walk("config.urls")),
              "POST new shop.api.CreateOnly.create api config/urls.py:11\n"
              "GET ro" + slash + " shop.api.ReadOnly.list api config/urls.py:9\n"
              "GET ro/<pk>" + slash + " shop.api.ReadOnly.retrieve api config/urls.py:9\n")
        << settings;
  }
}

// unicef-restlib's NestedComplexRouter (eTools) is drf-nested-routers'
// NestedSimpleRouter with side effects in register(): the same routes. Without
// `lookup=`, drf-nested-routers names the lookup nested_<nest count>.
TEST(RoutersTest, UnicefRestlibNestedComplexRouterNestsLikeNestedSimpleRouter) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, path
from rest_framework_nested import routers
from unicef_restlib.routers import NestedComplexRouter
from shop import api

router = routers.SimpleRouter()
router.register(r"shops", api.ReadOnly)
books = NestedComplexRouter(router, r"shops")
books.register(r"books", api.CreateOnly, basename="shop-books")
shops = NestedComplexRouter(router, r"shops", lookup="shop")
shops.register(r"authors", api.CreateOnly, basename="shop-authors")
notes = NestedComplexRouter(shops, "authors", lookup="author")
notes.register("notes", api.CreateOnly, basename="author-notes")

urlpatterns = [
    path("", include(router.urls)),
    path("", include(books.urls)),
    path("", include(shops.urls)),
    path("", include(notes.urls)),
]
)py"},
             {"shop/__init__.py", ""},
             {"shop/api.py", kViewSets}},
            DefaultRuleSet());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "GET shops/ shop.api.ReadOnly.list api config/urls.py:8\n"
            "POST shops/<nested_1_pk>/books/ shop.api.CreateOnly.create api config/urls.py:10\n"
            "GET shops/<pk>/ shop.api.ReadOnly.retrieve api config/urls.py:8\n"
            "POST shops/<shop_pk>/authors/ shop.api.CreateOnly.create api config/urls.py:12\n"
            "POST shops/<shop_pk>/authors/<author_pk>/notes/ shop.api.CreateOnly.create api "
            "config/urls.py:14\n");
}

// drf-extensions (readthedocs.org, GeoNode): register() returns an item whose
// own register() nests under the registration, on the same router; its
// documented chain (ecommerce: `router.register(...).register(...)`) nests the
// same, each registration at its own line.
TEST(RoutersTest, DrfExtensionsRegistrationsBoundToNamesOrChainedNest) {
  const char* bound = R"py(
shops = router.register(r"shops", api.ReadOnly, basename="shops")
books = shops.register(r"books", api.CreateOnly, basename="books", parents_query_lookups=["shop__slug"])
books.register("notes", api.CreateOnly, basename="notes", parents_query_lookups=["shop__slug", "book"])
)py";
  const char* chained = R"py(
router.register(r"shops", api.ReadOnly, basename="shops") \
    .register(r"books", api.CreateOnly, basename="books", parents_query_lookups=["shop__slug"]) \
    .register("notes", api.CreateOnly, basename="notes", parents_query_lookups=["shop__slug", "book"])
)py";
  for (const char* registrations : {bound, chained}) {
    Project p({{"config/urls.py", std::string(R"py(from django.urls import include, path
from rest_framework_extensions.routers import ExtendedSimpleRouter
from shop import api

router = ExtendedSimpleRouter())py") + registrations +
                                      "\nurlpatterns = [path(\"api/\", include(router.urls))]\n"},
               {"shop/__init__.py", ""},
               {"shop/api.py", kViewSets}},
              DefaultRuleSet());
    EXPECT_EQ(Dump(p.Walk("config.urls")),
              "GET api/shops/ shop.api.ReadOnly.list api config/urls.py:6\n"
              "POST api/shops/<parent_lookup_shop__slug>/books/ shop.api.CreateOnly.create api "
              "config/urls.py:7\n"
              "POST api/shops/<parent_lookup_shop__slug>/books/<parent_lookup_book>/notes/ "
              "shop.api.CreateOnly.create api config/urls.py:8\n"
              "GET api/shops/<pk>/ shop.api.ReadOnly.retrieve api config/urls.py:6\n")
        << registrations;
  }
}

// DefectDojo registers in one function per app, passed the router:
// `v2_api = add_shop_urls(v2_api)`, with a prefix imported from the package;
// waldur calls such a function for its effect alone (`register_in(router)`).
TEST(RoutersTest, RegistrationsInAFunctionThePassedRouterReaches) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, path
from rest_framework.routers import DefaultRouter
from shop.api_urls import add_note_urls, add_shop_urls, add_unused_urls

v2_api = DefaultRouter()
v2_api = add_shop_urls(v2_api)
add_note_urls(v2_api)
add_unused_urls(object())

urlpatterns = [path("api/v2/", include(v2_api.urls))]
)py"},
             {"shop/__init__.py", "path = 'shops'\n"},
             {"shop/api_urls.py", R"py(
from shop import path
from shop import api

def add_shop_urls(router):
    router.register(path, api.ReadOnly, basename="shops")
    return router

def add_unused_urls(router):
    router.register("unused", api.CreateOnly)
    return router

def add_note_urls(router):
    router.register("notes", api.CreateOnly, basename="notes")
)py"},
             {"shop/api.py", kViewSets}},
            DefaultRuleSet());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "POST api/v2/notes/ shop.api.CreateOnly.create api shop/api_urls.py:14\n"
            "GET api/v2/shops/ shop.api.ReadOnly.list api shop/api_urls.py:6\n"
            "GET api/v2/shops/<pk>/ shop.api.ReadOnly.retrieve api shop/api_urls.py:6\n");
}

// taiga keeps copies of DRF 2.4's router, viewsets and route decorators in the
// repository: a repo *Router class with register() and get_urls() routes its
// viewsets' actions like SimpleRouter, and repo detail_route/list_route add routes.
TEST(RoutersTest, RouterAndDecoratorsCopiedIntoTheRepository) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, path
from base import routers
from shop.api import Epics

router = routers.DefaultRouter(trailing_slash=False)
router.register(r"epics", Epics, base_name="epics")

urlpatterns = [path("api/v1/", include(router.urls))]
)py"},
             {"base/__init__.py", ""},
             {"base/routers.py", R"py(
class BaseRouter:
    def register(self, prefix, viewset, base_name=None):
        self.registry.append((prefix, viewset, base_name))
    def get_urls(self):
        raise NotImplementedError
    @property
    def urls(self):
        return self.get_urls()

class SimpleRouter(BaseRouter):
    def get_urls(self):
        return []

class DefaultRouter(SimpleRouter):
    pass
)py"},
             {"base/decorators.py", R"py(
def detail_route(methods=["get"], **kwargs):
    def decorator(func):
        func.bind_to_methods = methods
        func.detail = True
        return func
    return decorator
)py"},
             {"base/viewsets.py", R"py(
class ViewSetMixin:
    pass

class GenericViewSet(ViewSetMixin):
    pass

class ModelCrud(GenericViewSet):
    def list(self, request):
        pass
    def retrieve(self, request, pk=None):
        pass
)py"},
             {"shop/__init__.py", ""},
             {"shop/api.py", R"py(
from base.decorators import detail_route
from base.viewsets import ModelCrud

class Epics(ModelCrud):
    @detail_route(methods=["POST"])
    def watch(self, request, pk=None):
        pass
)py"}},
            DefaultRuleSet());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "GET api/v1/epics shop.api.Epics.list api config/urls.py:7\n"
            "GET api/v1/epics/<pk> shop.api.Epics.retrieve api config/urls.py:7\n"
            "POST api/v1/epics/<pk>/watch shop.api.Epics.watch api config/urls.py:7\n");
}

// NetBox: a router subclass maps extra methods of the list route to bulk
// actions in its __init__; viewsets that define those actions serve them.
TEST(RoutersTest, RouterSubclassAddsListRouteMappings) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, path
from rest_framework.routers import DefaultRouter
from rest_framework import viewsets


class BulkRouter(DefaultRouter):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.routes[0].mapping.update({
            "put": "bulk_update",
            "delete": "bulk_destroy",
        })


class BulkMixin:
    def bulk_update(self, request):
        pass

    def bulk_destroy(self, request):
        pass


class SiteViewSet(BulkMixin, viewsets.ReadOnlyModelViewSet):
    pass


class RegionViewSet(viewsets.ReadOnlyModelViewSet):
    pass


router = BulkRouter()
router.register("sites", SiteViewSet)
router.register("regions", RegionViewSet)

urlpatterns = [path("api/", include(router.urls))]
)py"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "GET api/regions/ config.urls.RegionViewSet.list api config/urls.py:34\n"
            "GET api/regions/<pk>/ config.urls.RegionViewSet.retrieve api config/urls.py:34\n"
            "DELETE api/sites/ config.urls.SiteViewSet.bulk_destroy api config/urls.py:33\n"
            "GET api/sites/ config.urls.SiteViewSet.list api config/urls.py:33\n"
            "PUT api/sites/ config.urls.SiteViewSet.bulk_update api config/urls.py:33\n"
            "GET api/sites/<pk>/ config.urls.SiteViewSet.retrieve api config/urls.py:33\n");
}

// lego: viewsets over django-push-notifications' APNSDeviceAuthorizedViewSet
// (AuthorizedMixin over DeviceViewSetMixin and ModelViewSet) route a
// ModelViewSet's six endpoints. The package's `lookup_field =
// "registration_id"` is not in the tables, so the detail route reads <pk>.
TEST(RoutersTest, DjangoPushNotificationsViewSetsAreModelViewSets) {
  Project p({{"config/urls.py", R"py(
from rest_framework.routers import DefaultRouter
from app.views import APNSDeviceViewSet
router = DefaultRouter()
router.register(r"device-apns", APNSDeviceViewSet)
urlpatterns = router.urls
)py"},
             {"app/views.py", R"py(
from push_notifications.api.rest_framework import APNSDeviceAuthorizedViewSet

class APNSDeviceViewSet(APNSDeviceAuthorizedViewSet):
    ordering = ("date_created",)
)py"}},
            DefaultRuleSet());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "GET device-apns/ app.views.APNSDeviceViewSet.list api config/urls.py:5\n"
            "POST device-apns/ app.views.APNSDeviceViewSet.create api config/urls.py:5\n"
            "DELETE device-apns/<pk>/ app.views.APNSDeviceViewSet.destroy api config/urls.py:5\n"
            "GET device-apns/<pk>/ app.views.APNSDeviceViewSet.retrieve api config/urls.py:5\n"
            "PATCH device-apns/<pk>/ app.views.APNSDeviceViewSet.partial_update api "
            "config/urls.py:5\n"
            "PUT device-apns/<pk>/ app.views.APNSDeviceViewSet.update api config/urls.py:5\n");
}

// A NetBox plugin registers its viewsets on NetBox's NetBoxRouter, whose
// __init__ djcost does not see (netbox-bgp, netbox-acls): the router's table
// entry (tag "router-bulk") brings the same bulk list route, and
// NetBoxModelViewSet's bulk actions serve it; a read-only viewset has none.
TEST(RoutersTest, NetboxRouterOfAPluginRoutesBulkActions) {
  Project p({{"netbox_bgp/__init__.py", ""},
             {"netbox_bgp/api/__init__.py", ""},
             {"netbox_bgp/api/urls.py", R"py(
from netbox.api.routers import NetBoxRouter
from .views import CommunityViewSet, SessionStatusViewSet

router = NetBoxRouter()
router.register("community", CommunityViewSet)
router.register("status", SessionStatusViewSet, "status")
urlpatterns = router.urls
)py"},
             {"netbox_bgp/api/views.py", R"py(
from netbox.api.viewsets import NetBoxModelViewSet, NetBoxReadOnlyModelViewSet

class CommunityViewSet(NetBoxModelViewSet):
    pass

class SessionStatusViewSet(NetBoxReadOnlyModelViewSet):
    pass
)py"}},
            DefaultRuleSet());
  EXPECT_EQ(Dump(p.Walk("netbox_bgp.api.urls")),
            "DELETE community/ netbox_bgp.api.views.CommunityViewSet.bulk_destroy api "
            "netbox_bgp/api/urls.py:6\n"
            "GET community/ netbox_bgp.api.views.CommunityViewSet.list api "
            "netbox_bgp/api/urls.py:6\n"
            "PATCH community/ netbox_bgp.api.views.CommunityViewSet.bulk_partial_update api "
            "netbox_bgp/api/urls.py:6\n"
            "POST community/ netbox_bgp.api.views.CommunityViewSet.create api "
            "netbox_bgp/api/urls.py:6\n"
            "PUT community/ netbox_bgp.api.views.CommunityViewSet.bulk_update api "
            "netbox_bgp/api/urls.py:6\n"
            "DELETE community/<pk>/ netbox_bgp.api.views.CommunityViewSet.destroy api "
            "netbox_bgp/api/urls.py:6\n"
            "GET community/<pk>/ netbox_bgp.api.views.CommunityViewSet.retrieve api "
            "netbox_bgp/api/urls.py:6\n"
            "PATCH community/<pk>/ netbox_bgp.api.views.CommunityViewSet.partial_update api "
            "netbox_bgp/api/urls.py:6\n"
            "PUT community/<pk>/ netbox_bgp.api.views.CommunityViewSet.update api "
            "netbox_bgp/api/urls.py:6\n"
            "GET status/ netbox_bgp.api.views.SessionStatusViewSet.list api "
            "netbox_bgp/api/urls.py:7\n"
            "GET status/<pk>/ netbox_bgp.api.views.SessionStatusViewSet.retrieve api "
            "netbox_bgp/api/urls.py:7\n");
}

TEST(RoutersTest, ExternalAndUnresolvedViewSets) {
  Project p({{"config/urls.py", R"py(
from rest_framework.routers import DefaultRouter
from thirdparty.views import TheirViewSet
router = DefaultRouter()
router.register("theirs", TheirViewSet)
router.register("missing", MissingViewSet)
urlpatterns = router.urls
)py"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "external theirs/ thirdparty.views.TheirViewSet (view defined outside the "
            "repository) config/urls.py:5\n"
            "no-endpoints :0 ROOT_URLCONF config.urls leads to no view of the repository (1 "
            "external routes); if the project serves its own views, they were missed\n"
            "unresolved-view config/urls.py:6 router.register() viewset MissingViewSet names "
            "no class we can find\n");
}


// Argus and course-discovery: viewsets whose viewset base is a package's the
// tables lack. One named like a DRF viewset (drf-rw-serializers' ModelViewSet)
// is routed as that viewset; another routes what the repository writes. Both are
// named in an unknown-view-base warning. An unknown mixin beside a known
// viewset base (etools' SafeTenantViewSetMixin) changes nothing and says nothing.
TEST(RoutersTest, ViewsetsOverBasesTheTablesLack) {
  Project p({{"config/urls.py", R"py(
from rest_framework import routers
from app import views

router = routers.SimpleRouter()
router.register("profiles", views.ProfileViewSet, basename="p")
router.register("search", views.SearchViewSet, basename="s")
router.register("tenants", views.TenantViewSet, basename="t")
urlpatterns = router.urls
)py"},
             {"app/views.py", R"py(
from drf_rw_serializers import viewsets as rw_viewsets
from django_es_drf.viewsets import DocumentViewSet
from restlib.views import SafeTenantViewSetMixin
from rest_framework import mixins, viewsets
from rest_framework.decorators import action

class ProfileViewSet(rw_viewsets.ModelViewSet):
    http_method_names = ["get", "post"]

class SearchViewSet(DocumentViewSet):
    @action(detail=False)
    def facets(self, request):
        pass

class TenantViewSet(SafeTenantViewSetMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    pass
)py"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "GET profiles/ app.views.ProfileViewSet.list api config/urls.py:6\n"
            "POST profiles/ app.views.ProfileViewSet.create api config/urls.py:6\n"
            "GET profiles/<pk>/ app.views.ProfileViewSet.retrieve api config/urls.py:6\n"
            "GET search/facets/ app.views.SearchViewSet.facets api config/urls.py:7\n"
            "GET tenants/ app.views.TenantViewSet.list api config/urls.py:8\n"
            "unknown-view-base config/urls.py:6 viewset app.views.ProfileViewSet derives from "
            "drf_rw_serializers.viewsets.ModelViewSet, which the knowledge tables do not know: "
            "routed with the actions of rest_framework.viewsets.ModelViewSet, whose name it "
            "shares (add the class to rules/knowledge)\n"
            "unknown-view-base config/urls.py:7 viewset app.views.SearchViewSet derives from "
            "django_es_drf.viewsets.DocumentViewSet, which the knowledge tables do not know: only "
            "the actions the repository writes are routed (add the class to rules/knowledge)\n");
}

}  // namespace
}  // namespace djcost
