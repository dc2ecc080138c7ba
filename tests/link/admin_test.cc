#include "link/admin.h"

#include <gtest/gtest.h>

#include "link/models.h"
#include "link/models_test_support.h"

namespace djcost {
namespace {

using testing::DiagnosticsText;
using testing::SnippetProject;
using testing::Where;

std::string Dump(const std::vector<AdminRegistration>& regs) {
  std::string out;
  for (const auto& r : regs) {
    out += r.site + " " + r.model + " admin=" + r.admin_class + " app=" + r.app +
           " inlines=" + std::to_string(r.inlines) + " actions=" + std::to_string(r.actions) +
           " custom=" + std::to_string(r.custom_methods) +
           " list_display=" + std::to_string(r.list_display) + " " + Where(r.location) + "\n";
  }
  return out;
}

std::string Find(SnippetProject& p, std::string* diagnostics = nullptr) {
  p.Build();
  std::vector<Diagnostic> d;
  std::vector<Model> models = FindModels(p.index(), p.settings, p.apps(), &d);
  d.clear();
  std::string out = Dump(FindAdminRegistrations(p.index(), p.apps(), &d, "", models));
  if (diagnostics) *diagnostics = DiagnosticsText(d);
  return out;
}

constexpr std::string_view kShopModels = R"py(from django.db import models


class Book(models.Model):
    pass


class Author(models.Model):
    pass


class Tag(models.Model):
    pass


class Shelf(models.Model):
    pass


class Note(models.Model):
    pass


class Review(models.Model):
    pass
)py";

// babybuddy: `register(get_user_model(), UserAdmin)` after unregistering the
// default; the model is AUTH_USER_MODEL's.
TEST(FindAdminRegistrationsTest, GetUserModelCallsNameTheUserModel) {
  SnippetProject p;
  p.Add("accounts/__init__.py", "");
  p.Add("accounts/models.py", R"py(from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    pass
)py");
  p.Add("accounts/admin.py", R"py(from django.contrib import admin
from django.contrib.auth import get_user_model

User = get_user_model()


class UserAdmin(admin.ModelAdmin):
    list_display = ("username",)


admin.site.unregister(get_user_model())
admin.site.register(get_user_model(), UserAdmin)
admin.site.register(User)
)py");
  p.Build();
  std::vector<Diagnostic> d;
  EXPECT_EQ(Dump(FindAdminRegistrations(p.index(), p.apps(), &d, "accounts.User")),
            "admin.site accounts.models.User admin=accounts.admin.UserAdmin app=accounts "
            "inlines=0 actions=0 custom=0 list_display=1 accounts/admin.py:12\n");
  EXPECT_EQ(DiagnosticsText(d),
            "admin-already-registered accounts/admin.py:13: accounts.models.User is registered "
            "with admin.site again (first at accounts/admin.py:12): Django raises "
            "AlreadyRegistered; counted once\n");
}

TEST(FindAdminRegistrationsTest, EveryFormOfRegisterOnTheDefaultSite) {
  SnippetProject p;
  p.Add("shop/__init__.py", "");
  p.Add("shop/models.py", kShopModels);
  p.Add("shop/admin.py", R"py(from django.conf import settings
from django.contrib import admin
from django.contrib.admin import site as default_site

from . import models
from .models import Author, Book, Note, Review, Shelf, Tag

SIMPLE = [Note]


class NoteInline(admin.TabularInline):
    model = Note


class BaseAdmin(admin.ModelAdmin):
    actions = ["archive"]

    def archive(self, request, queryset):
        pass


@admin.register(Book, models.Author)
class BookAdmin(BaseAdmin):
    inlines = [NoteInline]
    list_display = ("__str__", "title", "price")
    actions = BaseAdmin.actions + ["publish"]

    @admin.action(description="Publish")
    def publish(self, request, queryset):
        pass

    @admin.action(description="Not listed, so no action")
    def hidden(self, request, queryset):
        pass

    def get_queryset(self, request):
        return super().get_queryset(request)

    def price_display(self, obj):
        return obj.price


admin.site.register((Tag, Shelf), admin_class=BaseAdmin)
default_site.register(SIMPLE)

if settings.DEBUG:
    admin.site.register(Review)
)py");
  EXPECT_EQ(Find(p),
            "admin.site shop.models.Author admin=shop.admin.BookAdmin app=shop inlines=1 "
            "actions=2 custom=4 list_display=2 shop/admin.py:22\n"
            "admin.site shop.models.Book admin=shop.admin.BookAdmin app=shop inlines=1 actions=2 "
            "custom=4 list_display=2 shop/admin.py:22\n"
            "admin.site shop.models.Note admin= app=shop inlines=0 actions=0 custom=0 "
            "list_display=0 shop/admin.py:44\n"
            "admin.site shop.models.Review admin= app=shop inlines=0 actions=0 custom=0 "
            "list_display=0 shop/admin.py:47\n"
            "admin.site shop.models.Shelf admin=shop.admin.BaseAdmin app=shop inlines=0 "
            "actions=1 custom=1 list_display=0 shop/admin.py:43\n"
            "admin.site shop.models.Tag admin=shop.admin.BaseAdmin app=shop inlines=0 actions=1 "
            "custom=1 list_display=0 shop/admin.py:43\n");
}

TEST(FindAdminRegistrationsTest, CustomSitesDecoratorSiteAndRegistrationsInFunctions) {
  SnippetProject p;
  p.Add("shop/__init__.py", "");
  p.Add("shop/models.py", kShopModels);
  p.Add("core/__init__.py", "");
  p.Add("core/sites.py", R"py(from django.contrib import admin
from django.contrib.admin import AdminSite


class BackOffice(AdminSite):
    site_header = "Back office"


backoffice = BackOffice(name="backoffice")
plain = admin.AdminSite(name="plain")
)py");
  p.Add("shop/apps.py", R"py(from django.apps import AppConfig


class ShopConfig(AppConfig):
    name = "shop"

    def ready(self):
        from core.sites import plain
        from .models import Shelf

        plain.register(Shelf)
)py");
  p.Add("shop/admin.py", R"py(from django.contrib import admin
from rest_framework import routers

from core.sites import backoffice
from .models import Book, Shelf, Tag
from .views import TagViewSet

router = routers.DefaultRouter()
router.register("tags", TagViewSet)


@admin.register(Book, site=backoffice)
class BookAdmin(admin.ModelAdmin):
    list_display = ["title"]


def register_all():
    for model in [Shelf]:
        backoffice.register(model)
    backoffice.register(Tag, BookAdmin)
)py");
  std::string diagnostics;
  EXPECT_EQ(Find(p, &diagnostics),
            "core.sites.backoffice shop.models.Book admin=shop.admin.BookAdmin app=shop "
            "inlines=0 actions=0 custom=0 list_display=1 shop/admin.py:12\n"
            "core.sites.backoffice shop.models.Shelf admin= app=shop inlines=0 actions=0 "
            "custom=0 list_display=0 shop/admin.py:19\n"
            "core.sites.backoffice shop.models.Tag admin=shop.admin.BookAdmin app=shop "
            "inlines=0 actions=0 custom=0 list_display=1 shop/admin.py:20\n"
            "core.sites.plain shop.models.Shelf admin= app=shop inlines=0 actions=0 custom=0 "
            "list_display=0 shop/apps.py:11\n");
  EXPECT_EQ(diagnostics, "");
}

// ralph: `register = partial(django_register, site=ralph_site)` used as
// `@register(A, B)` across modules; registrations in test modules (test-only
// apps) are not the project's admin.
TEST(FindAdminRegistrationsTest, PartialRegisterWithABoundSiteAndTestModulesLeftOut) {
  SnippetProject p;
  p.Add("shop/__init__.py", "");
  p.Add("shop/models.py", kShopModels);
  p.Add("core/__init__.py", "");
  p.Add("core/sites.py", R"py(from django.contrib.admin import AdminSite


class ShopSite(AdminSite):
    pass


shop_site = ShopSite(name="shop")
)py");
  p.Add("core/decorators.py", R"py(from functools import partial

from django.contrib.admin import register as django_register

from .sites import shop_site

register = partial(django_register, site=shop_site)
)py");
  p.Add("shop/admin.py", R"py(from django.contrib import admin

from core.decorators import register
from .models import Book, Tag


@register(Book, Tag)
class CatalogueAdmin(admin.ModelAdmin):
    pass
)py");
  p.Add("shop/tests/__init__.py", "");
  p.Add("shop/tests/admin.py", R"py(from django.contrib import admin

from shop.models import Note

admin.site.register(Note)
)py",
        FileKind::kTest);
  EXPECT_EQ(Find(p),
            "core.sites.shop_site shop.models.Book admin=shop.admin.CatalogueAdmin app=shop "
            "inlines=0 actions=0 custom=0 list_display=0 shop/admin.py:7\n"
            "core.sites.shop_site shop.models.Tag admin=shop.admin.CatalogueAdmin app=shop "
            "inlines=0 actions=0 custom=0 list_display=0 shop/admin.py:7\n");
}

// Registrations in a `for` loop (djangoproject.com registers its metric models
// with `for MC in Metric.__subclasses__()`): the loop's iterable says which
// models; a loop djcost cannot read stays an unresolved registration.
TEST(FindAdminRegistrationsTest, LoopsOverListsSubclassesAndGetModels) {
  SnippetProject p;
  p.Add("shop/__init__.py", "");
  p.Add("shop/models.py", R"py(from django.db import models


class Metric(models.Model):
    class Meta:
        abstract = True


class Counter(Metric):
    pass


class Gauge(Metric):
    pass


class Ratio(Gauge):
    pass


class Shelf(models.Model):
    pass
)py");
  p.Add("shop/admin.py", R"py(from django.apps import apps
from django.contrib import admin

from .models import Gauge, Metric, Shelf

EXTRA = (Shelf,)

for MC in Metric.__subclasses__():
    admin.site.register(MC)

backoffice = admin.AdminSite(name="backoffice")
for model in EXTRA:
    if model:
        backoffice.register(model)
else:
    backoffice.register(model)

everything = admin.AdminSite(name="everything")
for m in apps.get_models():
    everything.register(m)

pairs = admin.AdminSite(name="pairs")
for model, admin_class in [(Shelf, admin.ModelAdmin)]:
    pairs.register(model, admin_class)
for pair in ((Gauge, admin.ModelAdmin),):
    pairs.register(*pair)
)py");
  std::string diagnostics;
  EXPECT_EQ(Find(p, &diagnostics),
            "admin.site shop.models.Counter admin= app=shop inlines=0 actions=0 custom=0 "
            "list_display=0 shop/admin.py:9\n"
            "admin.site shop.models.Gauge admin= app=shop inlines=0 actions=0 custom=0 "
            "list_display=0 shop/admin.py:9\n"
            "shop.admin.backoffice shop.models.Shelf admin= app=shop inlines=0 actions=0 "
            "custom=0 list_display=0 shop/admin.py:14\n"
            "shop.admin.everything shop.models.Counter admin= app=shop inlines=0 actions=0 "
            "custom=0 list_display=0 shop/admin.py:20\n"
            "shop.admin.everything shop.models.Gauge admin= app=shop inlines=0 actions=0 "
            "custom=0 list_display=0 shop/admin.py:20\n"
            "shop.admin.everything shop.models.Ratio admin= app=shop inlines=0 actions=0 "
            "custom=0 list_display=0 shop/admin.py:20\n"
            "shop.admin.everything shop.models.Shelf admin= app=shop inlines=0 actions=0 "
            "custom=0 list_display=0 shop/admin.py:20\n"
            "shop.admin.pairs shop.models.Gauge admin=django.contrib.admin.ModelAdmin app=shop "
            "inlines=0 actions=0 custom=0 list_display=0 shop/admin.py:26\n"
            "shop.admin.pairs shop.models.Shelf admin=django.contrib.admin.ModelAdmin app=shop "
            "inlines=0 actions=0 custom=0 list_display=0 shop/admin.py:24\n");
  EXPECT_EQ(diagnostics,
            "admin-model-unresolved shop/admin.py:16: cannot tell which model 'model' is: this "
            "admin registration is not counted\n"
            "admin-loop-partial shop/admin.py:20: registers every model of apps.get_models(): "
            "the repository's 4 models are counted, models of Django's and third-party apps "
            "are not\n");
}

TEST(FindAdminRegistrationsTest, UnregisterRemovesAndExternalModelsStay) {
  SnippetProject p;
  p.Add("shop/__init__.py", "");
  p.Add("shop/models.py", kShopModels);
  p.Add("shop/admin.py", R"py(from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Permission, User

from .models import Book, Tag

admin.site.register(Book)
admin.site.register(Tag)
admin.site.register(Permission)
admin.site.unregister(User)
admin.site.register(User, UserAdmin)
)py");
  p.Add("core/__init__.py", "");
  p.Add("core/admin.py", R"py(from django.contrib import admin
from django.contrib.auth.models import Group

from shop.models import Tag

admin.site.unregister(Group)
admin.site.unregister(Tag)
)py");
  EXPECT_EQ(Find(p),
            "admin.site django.contrib.auth.models.Permission admin= app= inlines=0 actions=0 "
            "custom=0 list_display=0 shop/admin.py:9\n"
            "admin.site django.contrib.auth.models.User admin=django.contrib.auth.admin.UserAdmin "
            "app= inlines=0 actions=0 custom=0 list_display=0 shop/admin.py:11\n"
            "admin.site shop.models.Book admin= app=shop inlines=0 actions=0 custom=0 "
            "list_display=0 shop/admin.py:7\n");
}

// ecommerce forks django-oscar's order app: `from oscar.apps.order.admin import
// *` binds `admin` (django.contrib.admin) and each model through get_model(),
// which gives the fork's own model of that name; a name the app has no model of
// stays unresolved.
TEST(FindAdminRegistrationsTest, NamesAPackagesAdminStarImportBinds) {
  SnippetProject p;
  p.Add("shop/__init__.py", "");
  p.Add("shop/models.py", R"py(from oscar.apps.order.abstract_models import AbstractOrder


class Order(AbstractOrder):
    pass
)py");
  p.Add("shop/admin.py", R"py(from oscar.apps.order.admin import *  # noqa


admin.site.unregister(Order)


@admin.register(Order)
class OrderAdminExtended(admin.ModelAdmin):
    pass


admin.site.register(LinePrice)
)py");
  std::string diagnostics;
  EXPECT_EQ(Find(p, &diagnostics),
            "admin.site shop.models.Order admin=shop.admin.OrderAdminExtended app=shop inlines=0 "
            "actions=0 custom=0 list_display=0 shop/admin.py:7\n");
  EXPECT_NE(diagnostics.find("cannot tell which model 'LinePrice' is"), std::string::npos)
      << diagnostics;
}

TEST(FindAdminRegistrationsTest, SecondRegistrationOfAModelIsCountedOnceWithADiagnostic) {
  SnippetProject p;
  p.Add("shop/__init__.py", "");
  p.Add("shop/models.py", kShopModels);
  p.Add("shop/admin.py", R"py(from django.contrib import admin

from .models import Book

admin.site.register(Book)
admin.site.register(Book)
)py");
  std::string diagnostics;
  EXPECT_EQ(Find(p, &diagnostics),
            "admin.site shop.models.Book admin= app=shop inlines=0 actions=0 custom=0 "
            "list_display=0 shop/admin.py:5\n");
  EXPECT_EQ(diagnostics,
            "admin-already-registered shop/admin.py:6: shop.models.Book is registered with "
            "admin.site again (first at shop/admin.py:5): Django raises AlreadyRegistered; "
            "counted once\n");
}

}  // namespace
}  // namespace djcost
