#include "link/models.h"

#include <gtest/gtest.h>

#include "link/models_test_support.h"
#include "rules/load_rules.h"

namespace djcost {
namespace {

using testing::DiagnosticsText;
using testing::JoinList;
using testing::SnippetProject;
using testing::Where;

std::string KindName(ModelKind kind) {
  switch (kind) {
    case ModelKind::kConcrete: return "concrete";
    case ModelKind::kAbstract: return "abstract";
    case ModelKind::kProxy: return "proxy";
  }
  return "?";
}

std::string Dump(const std::vector<Model>& models) {
  std::string out;
  for (const auto& m : models) {
    out += KindName(m.kind) + " " + m.qualname + " app=" + m.app +
           " fields=" + std::to_string(m.field_count) + " bases=" + JoinList(m.bases) +
           " managers=" + JoinList(m.managers) + " overrides=" + JoinList(m.overrides) +
           (m.is_user_model ? " user-model" : "") + (m.in_tests ? " in-tests" : "") + " " +
           Where(m.location) + "\n";
    for (const auto& r : m.relations) {
      out += "  " + r.field + " " + r.kind + " -> " + r.target + " (" + r.target_app + ")" +
             (r.cross_app ? " cross-app" : "") + " :" + std::to_string(r.line) + "\n";
    }
  }
  return out;
}

std::vector<Model> Find(SnippetProject& p, std::string* diagnostics = nullptr) {
  p.Build();
  std::vector<Diagnostic> d;
  std::vector<Model> models = FindModels(p.index(), p.settings, p.apps(), &d);
  if (diagnostics) *diagnostics = DiagnosticsText(d);
  return models;
}

TEST(FindModelsTest, KindsFieldsRelationsManagersAndOverrides) {
  SnippetProject p;
  p.Add("core/__init__.py", "");
  p.Add("core/models.py", R"py(from django.db import models


class TimeStamped(models.Model):
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class SoftQuerySet(models.QuerySet):
    pass
)py");
  p.Add("accounts/__init__.py", "");
  p.Add("accounts/models.py", R"py(from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    nickname = models.CharField(max_length=20)


class Profile(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE)
)py");
  p.Add("shop/__init__.py", "");
  p.Add("shop/models.py", R"py(from django.conf import settings
from django.db import models

from core.models import SoftQuerySet, TimeStamped


class OrderManager(models.Manager.from_queryset(SoftQuerySet)):
    pass


class Order(TimeStamped):
    customer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    address = models.ForeignKey("accounts.Profile", null=True, on_delete=models.SET_NULL)
    parent = models.ForeignKey("self", null=True, on_delete=models.CASCADE)
    coupon = models.ForeignKey(to="Coupon", on_delete=models.CASCADE)
    total = models.DecimalField(max_digits=8, decimal_places=2)
    STATUS = [("a", "A")]
    objects = OrderManager()
    plain = models.Manager()
    soft = SoftQuerySet.as_manager()

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)

    def clean(self):
        pass

    def total_price(self):
        return self.total


class Coupon(models.Model):
    code = models.CharField(max_length=8)
    tags = models.ManyToManyField("core.Tag")


class BigOrder(Order):
    size = models.IntegerField()


class OrderView(Order):
    class Meta:
        proxy = True
        ordering = ["-total"]


class Imported(models.Model):
    class Meta:
        app_label = "legacy"
        db_table = "imported"
)py");
  p.settings.auth_user_model.value = "accounts.User";
  EXPECT_EQ(Dump(Find(p)),
            "concrete accounts.models.Profile app=accounts fields=1 bases=[django.db.models.Model] "
            "managers=[] overrides=[] accounts/models.py:9\n"
            "  user OneToOneField -> accounts.models.User (accounts) :10\n"
            "concrete accounts.models.User app=accounts fields=1 "
            "bases=[django.contrib.auth.models.AbstractUser] managers=[] overrides=[] user-model "
            "accounts/models.py:5\n"
            "abstract core.models.TimeStamped app=core fields=1 bases=[django.db.models.Model] "
            "managers=[] overrides=[] core/models.py:4\n"
            "concrete shop.models.BigOrder app=shop fields=1 bases=[shop.models.Order] managers=[] "
            "overrides=[] shop/models.py:37\n"
            "concrete shop.models.Coupon app=shop fields=2 bases=[django.db.models.Model] "
            "managers=[] overrides=[] shop/models.py:32\n"
            "  tags ManyToManyField -> core.Tag (core) cross-app :34\n"
            "concrete shop.models.Imported app=legacy fields=0 bases=[django.db.models.Model] "
            "managers=[] overrides=[] shop/models.py:47\n"
            "concrete shop.models.Order app=shop fields=5 bases=[core.models.TimeStamped] "
            "managers=[objects,soft] overrides=[clean,save] shop/models.py:11\n"
            "  customer ForeignKey -> accounts.models.User (accounts) cross-app :12\n"
            "  address ForeignKey -> accounts.models.Profile (accounts) cross-app :13\n"
            "  parent ForeignKey -> shop.models.Order (shop) :14\n"
            "  coupon ForeignKey -> shop.models.Coupon (shop) :15\n"
            "proxy shop.models.OrderView app=shop fields=0 bases=[shop.models.Order] managers=[] "
            "overrides=[] shop/models.py:41\n");
}

TEST(FindModelsTest, AbstractIsNotInheritedAndThirdPartyAbstractBasesMakeConcreteModels) {
  SnippetProject p;
  p.Add("blog/__init__.py", "");
  p.Add("blog/models.py", R"py(from django.contrib.auth.models import AbstractUser
from django.db import models


class Base(models.Model):
    class Meta:
        abstract = True


class Child(Base):
    class Meta(Base.Meta):
        ordering = ["id"]


class Member(AbstractUser):
    pass
)py");
  EXPECT_EQ(Dump(Find(p)),
            "abstract blog.models.Base app=blog fields=0 bases=[django.db.models.Model] "
            "managers=[] overrides=[] blog/models.py:5\n"
            "concrete blog.models.Child app=blog fields=0 bases=[blog.models.Base] managers=[] "
            "overrides=[] blog/models.py:10\n"
            "concrete blog.models.Member app=blog fields=0 "
            "bases=[django.contrib.auth.models.AbstractUser] managers=[] overrides=[] "
            "blog/models.py:15\n");
}

TEST(FindModelsTest, InfersModelsOfUnknownBasesFromDjangoFieldsOrMetaAndSaysSo) {
  SnippetProject p;
  p.Add("zoo/__init__.py", "");
  p.Add("zoo/models.py", R"py(import graphene
from django import forms
from django.db import models
from polymorphic.models import PolymorphicModel
from somewhere import Mixin


class Animal(PolymorphicModel):
    name = models.CharField(max_length=10)


class Lion(Animal):
    mane = models.BooleanField()


class Keeper(Mixin):
    class Meta:
        db_table = "keepers"


class Plain(Mixin):
    title = forms.CharField()

    class Meta:
        fields = ["title"]


class BaseMutation(graphene.Mutation):
    class Meta:
        abstract = True
        permissions = ["manage"]


class AccountUpdate(BaseMutation):
    pass
)py");
  std::string diagnostics;
  EXPECT_EQ(Dump(Find(p, &diagnostics)),
            "concrete zoo.models.Animal app=zoo fields=1 bases=[polymorphic.models.PolymorphicModel] "
            "managers=[] overrides=[] zoo/models.py:8\n"
            "concrete zoo.models.Keeper app=zoo fields=0 bases=[somewhere.Mixin] managers=[] "
            "overrides=[] zoo/models.py:16\n"
            "concrete zoo.models.Lion app=zoo fields=1 bases=[zoo.models.Animal] managers=[] "
            "overrides=[] zoo/models.py:12\n");
  EXPECT_EQ(diagnostics,
            "inferred-model zoo/models.py:8: zoo.models.Animal is counted as a model: it declares "
            "model fields and derives from polymorphic.models.PolymorphicModel, which the "
            "knowledge tables do not know (add it to rules/knowledge)\n"
            "inferred-model zoo/models.py:16: zoo.models.Keeper is counted as a model: it "
            "declares model fields and derives from somewhere.Mixin, which the knowledge tables "
            "do not know (add it to rules/knowledge)\n");
}

// ecommerce forks django-oscar's apps: `class Category(AbstractCategory): pass`
// over `oscar.apps.catalogue.abstract_models` declares nothing of its own, but
// a base named Abstract<Name> in a models module is an abstract model. A class
// named so elsewhere (a serializers module), or not so, is no model.
TEST(FindModelsTest, EmptyForksOfAbstractModelsOfAModelsModuleAreModels) {
  SnippetProject p;
  p.Add("shop/__init__.py", "");
  p.Add("shop/models.py", R"py(from oscar.apps.catalogue.abstract_models import AbstractCategory
from vendor.models import AbstractItem, BaseItem
from vendor.serializers import AbstractSerializer


class Category(AbstractCategory):
    pass


class Item(AbstractItem):
    def __str__(self):
        return "item"


class Other(BaseItem):
    pass


class Payload(AbstractSerializer):
    pass
)py");
  std::string diagnostics;
  EXPECT_EQ(Dump(Find(p, &diagnostics)),
            "concrete shop.models.Category app=shop fields=0 "
            "bases=[oscar.apps.catalogue.abstract_models.AbstractCategory] managers=[] "
            "overrides=[] shop/models.py:6\n"
            "concrete shop.models.Item app=shop fields=0 bases=[vendor.models.AbstractItem] "
            "managers=[] overrides=[] shop/models.py:10\n");
  EXPECT_EQ(diagnostics,
            "inferred-model shop/models.py:6: shop.models.Category is counted as a model: it "
            "derives from oscar.apps.catalogue.abstract_models.AbstractCategory, an abstract "
            "model by its name and module, which the knowledge tables do not know (add it to "
            "rules/knowledge)\n"
            "inferred-model shop/models.py:10: shop.models.Item is counted as a model: it "
            "derives from vendor.models.AbstractItem, an abstract model by its name and module, "
            "which the knowledge tables do not know (add it to rules/knowledge)\n");
}

// Kiwi TCMS and wger: django-simple-history's `history = HistoricalRecords()`
// (or a repo subclass of it) makes Django register a Historical<Model> model;
// `inherit=True` on a base carries it to concrete subclasses.
TEST(FindModelsTest, SimpleHistoryRecordsAddHistoricalModels) {
  SnippetProject p;
  p.Add("plans/__init__.py", "");
  p.Add("plans/history.py", R"py(from simple_history.models import HistoricalRecords


class AuditedRecords(HistoricalRecords):
    pass
)py");
  p.Add("plans/models.py", R"py(from django.db import models
from simple_history.models import HistoricalRecords

from .history import AuditedRecords


class Plan(models.Model):
    name = models.CharField(max_length=10)
    history = AuditedRecords()


class Tracked(models.Model):
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True


class Run(Tracked):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE)


class Case(models.Model):
    history = HistoricalRecords(custom_model_name="CaseAudit")
)py");
  EXPECT_EQ(Dump(Find(p)),
            "concrete plans.models.Case app=plans fields=0 bases=[django.db.models.Model] "
            "managers=[] overrides=[] plans/models.py:23\n"
            "concrete plans.models.CaseAudit app=plans fields=5 "
            "bases=[simple_history.models.HistoricalChanges,django.db.models.Model] managers=[] "
            "overrides=[] plans/models.py:24\n"
            "concrete plans.models.HistoricalPlan app=plans fields=6 "
            "bases=[simple_history.models.HistoricalChanges,django.db.models.Model] managers=[] "
            "overrides=[] plans/models.py:9\n"
            "concrete plans.models.HistoricalRun app=plans fields=6 "
            "bases=[simple_history.models.HistoricalChanges,django.db.models.Model] managers=[] "
            "overrides=[] plans/models.py:13\n"
            "concrete plans.models.Plan app=plans fields=1 bases=[django.db.models.Model] "
            "managers=[] overrides=[] plans/models.py:7\n"
            "concrete plans.models.Run app=plans fields=1 bases=[plans.models.Tracked] "
            "managers=[] overrides=[] plans/models.py:19\n"
            "  plan ForeignKey -> plans.models.Plan (plans) :20\n"
            "abstract plans.models.Tracked app=plans fields=0 bases=[django.db.models.Model] "
            "managers=[] overrides=[] plans/models.py:12\n");
}

// djangoproject.com: an aggregate declares `output_field = JSONField()`; Django's
// own bases that are not models must not make it one.
TEST(FindModelsTest, DjangoBasesOutsideTheTablesAreNeverInferredModels) {
  SnippetProject p;
  p.Add("tracker/__init__.py", "");
  p.Add("tracker/models.py", R"py(from django.db import models
from django.db.models import Aggregate


class JSONBObjectAgg(models.Aggregate):
    function = "JSONB_OBJECT_AGG"
    output_field = models.JSONField()


class Upper(Aggregate):
    output_field = models.CharField()
)py");
  std::string diagnostics;
  EXPECT_EQ(Dump(Find(p, &diagnostics)), "");
  EXPECT_EQ(diagnostics, "");
}

// Abstract model bases of packages, from the real tables: a subclass is a model
// even when it declares no field of its own, and nothing is inferred. RapidPro:
// smartmin's SmartModel; AWX: django-solo's SingletonModel; pulpcore:
// django-lifecycle's LifecycleModel, whose LifecycleModelMixin is no model.
TEST(FindModelsTest, AbstractModelBasesOfPackagesMakeModelsWithoutFieldsOfTheirOwn) {
  SnippetProject p(DefaultRuleSet());
  p.Add("orgs/__init__.py", "");
  p.Add("orgs/models.py", R"py(from django.db import models
from smartmin.models import SmartModel


class LegacyUUIDMixin(SmartModel):
    uuid = models.CharField(max_length=36)

    class Meta:
        abstract = True


class Invitation(SmartModel):
    pass


class OrgImport(LegacyUUIDMixin):
    pass
)py");
  p.Add("core/__init__.py", "");
  p.Add("core/models.py", R"py(from django.contrib.auth.models import Group as BaseGroup
from django.db import models
from django_lifecycle import LifecycleModel, LifecycleModelMixin
from solo.models import SingletonModel


class ScheduleState(SingletonModel):
    pass


class BaseModel(LifecycleModel):
    pulp_created = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class SystemID(LifecycleModel):
    pass


class Hooks(LifecycleModelMixin):
    pass


class Group(LifecycleModelMixin, BaseGroup):
    class Meta:
        proxy = True
)py");
  std::string diagnostics;
  EXPECT_EQ(Dump(Find(p, &diagnostics)),
            "abstract core.models.BaseModel app=core fields=1 "
            "bases=[django_lifecycle.models.LifecycleModel] managers=[] overrides=[] "
            "core/models.py:11\n"
            "proxy core.models.Group app=core fields=0 "
            "bases=[django_lifecycle.mixins.LifecycleModelMixin,django.contrib.auth.models.Group] "
            "managers=[] overrides=[] core/models.py:26\n"
            "concrete core.models.ScheduleState app=core fields=0 bases=[solo.models.SingletonModel] "
            "managers=[] overrides=[] core/models.py:7\n"
            "concrete core.models.SystemID app=core fields=0 "
            "bases=[django_lifecycle.models.LifecycleModel] managers=[] overrides=[] "
            "core/models.py:18\n"
            "concrete orgs.models.Invitation app=orgs fields=0 bases=[smartmin.models.SmartModel] "
            "managers=[] overrides=[] orgs/models.py:12\n"
            "abstract orgs.models.LegacyUUIDMixin app=orgs fields=1 "
            "bases=[smartmin.models.SmartModel] managers=[] overrides=[] orgs/models.py:5\n"
            "concrete orgs.models.OrgImport app=orgs fields=0 bases=[orgs.models.LegacyUUIDMixin] "
            "managers=[] overrides=[] orgs/models.py:16\n");
  EXPECT_EQ(diagnostics, "");
}

// eTools: abstract model bases of the packages it builds on; a subclass that
// Abstract model bases of packages eTools, course-discovery and Sefaria build
// on (django-tenants, django-waffle, django-config-models, django-admin-sortable,
// unicef-locations, unicef-vision) and django-contrib-comments' concrete Comment:
// a subclass that only says `pass` is a concrete model, and nothing is inferred.
TEST(FindModelsTest, AbstractModelBasesOfETools) {
  SnippetProject p(DefaultRuleSet());
  p.Add("locations/__init__.py", "");
  p.Add("locations/models.py", R"py(from unicef_locations.models import AbstractLocation


class Location(AbstractLocation):
    pass
)py");
  p.Add("core/__init__.py", "");
  p.Add("core/models.py", R"py(from adminsortable.models import Sortable
from config_models.models import ConfigurationModel
from django.db import models
from django_comments.models import Comment
from django_tenants.models import DomainMixin, TenantMixin
from unicef_vision.models import AbstractVisionLog
from waffle.models import BaseModel


class Domain(DomainMixin):
    pass


class Country(TenantMixin):
    pass


class TenantFlag(BaseModel):
    name = models.CharField(max_length=100)


class VisionSyncLog(AbstractVisionLog):
    pass


class ActionPointComment(Comment):
    pass


class SearchConfig(ConfigurationModel):
    pass


class Section(Sortable):
    pass
)py");
  std::string diagnostics;
  EXPECT_EQ(Dump(Find(p, &diagnostics)),
            "concrete core.models.ActionPointComment app=core fields=0 "
            "bases=[django_comments.models.Comment] managers=[] overrides=[] core/models.py:26\n"
            "concrete core.models.Country app=core fields=0 "
            "bases=[django_tenants.models.TenantMixin] managers=[] overrides=[] core/models.py:14\n"
            "concrete core.models.Domain app=core fields=0 "
            "bases=[django_tenants.models.DomainMixin] managers=[] overrides=[] core/models.py:10\n"
            "concrete core.models.SearchConfig app=core fields=0 "
            "bases=[config_models.models.ConfigurationModel] managers=[] overrides=[] "
            "core/models.py:30\n"
            "concrete core.models.Section app=core fields=0 "
            "bases=[adminsortable.models.Sortable] managers=[] overrides=[] core/models.py:34\n"
            "concrete core.models.TenantFlag app=core fields=1 bases=[waffle.models.BaseModel] "
            "managers=[] overrides=[] core/models.py:18\n"
            "concrete core.models.VisionSyncLog app=core fields=0 "
            "bases=[unicef_vision.models.AbstractVisionLog] managers=[] overrides=[] "
            "core/models.py:22\n"
            "concrete locations.models.Location app=locations fields=0 "
            "bases=[unicef_locations.models.AbstractLocation] managers=[] overrides=[] "
            "locations/models.py:4\n");
  EXPECT_EQ(diagnostics, "");
}

// A NetBox plugin's models derive from NetBox's abstract bases and feature
// mixins, which the installed NetBox provides (netbox-bgp, netbox-plugin-dns):
// models, not inferred ones; a subclass that only says `pass` is one too.
TEST(FindModelsTest, AbstractModelBasesOfNetboxPlugins) {
  SnippetProject p(DefaultRuleSet());
  p.Add("netbox_bgp/__init__.py", "");
  p.Add("netbox_bgp/models.py", R"py(from django.db import models
from netbox.models import NestedGroupModel, NetBoxModel, OrganizationalModel, PrimaryModel
from netbox.models.features import ContactsMixin


class RoutingPolicy(NetBoxModel):
    name = models.CharField(max_length=100)


class BGPBase(NetBoxModel):
    class Meta:
        abstract = True


class BGPSession(ContactsMixin, BGPBase):
    pass


class Community(PrimaryModel):
    pass


class ASNGroup(NestedGroupModel):
    pass


class Registrar(OrganizationalModel):
    pass
)py");
  std::string diagnostics;
  EXPECT_EQ(Dump(Find(p, &diagnostics)),
            "concrete netbox_bgp.models.ASNGroup app=netbox_bgp fields=0 "
            "bases=[netbox.models.NestedGroupModel] managers=[] overrides=[] "
            "netbox_bgp/models.py:23\n"
            "abstract netbox_bgp.models.BGPBase app=netbox_bgp fields=0 "
            "bases=[netbox.models.NetBoxModel] managers=[] overrides=[] netbox_bgp/models.py:10\n"
            "concrete netbox_bgp.models.BGPSession app=netbox_bgp fields=0 "
            "bases=[netbox.models.features.ContactsMixin,netbox_bgp.models.BGPBase] managers=[] "
            "overrides=[] netbox_bgp/models.py:15\n"
            "concrete netbox_bgp.models.Community app=netbox_bgp fields=0 "
            "bases=[netbox.models.PrimaryModel] managers=[] overrides=[] "
            "netbox_bgp/models.py:19\n"
            "concrete netbox_bgp.models.Registrar app=netbox_bgp fields=0 "
            "bases=[netbox.models.OrganizationalModel] managers=[] overrides=[] "
            "netbox_bgp/models.py:27\n"
            "concrete netbox_bgp.models.RoutingPolicy app=netbox_bgp fields=1 "
            "bases=[netbox.models.NetBoxModel] managers=[] overrides=[] netbox_bgp/models.py:6\n");
  EXPECT_EQ(diagnostics, "");
}

// Cadasta: django-otp's Device is an abstract model base (so are its
// SideChannelDevice and ThrottlingMixin): a device the project defines is a
// concrete model, not one inferred from its fields.
TEST(FindModelsTest, DjangoOtpDeviceIsAnAbstractModelBase) {
  SnippetProject p(DefaultRuleSet());
  p.Add("accounts/__init__.py", "");
  p.Add("accounts/models.py", R"py(from django.db import models
from django_otp.models import Device, SideChannelDevice, ThrottlingMixin


class VerificationDevice(Device):
    unverified_phone = models.CharField(max_length=16)


class SmsDevice(ThrottlingMixin, SideChannelDevice):
    pass
)py");
  std::string diagnostics;
  EXPECT_EQ(Dump(Find(p, &diagnostics)),
            "concrete accounts.models.SmsDevice app=accounts fields=0 "
            "bases=[django_otp.models.ThrottlingMixin,django_otp.models.SideChannelDevice] "
            "managers=[] overrides=[] accounts/models.py:9\n"
            "concrete accounts.models.VerificationDevice app=accounts fields=1 "
            "bases=[django_otp.models.Device] managers=[] overrides=[] accounts/models.py:5\n");
  EXPECT_EQ(diagnostics, "");
}

// Tabbycat: exceptions derived from a model's DoesNotExist are not models.
TEST(FindModelsTest, SubclassesOfAModelsExceptionsAreNotModels) {
  SnippetProject p;
  p.Add("draw/__init__.py", "");
  p.Add("draw/models.py", R"py(from django.db import models


class Team(models.Model):
    pass


class TeamMissing(Team.DoesNotExist):
    pass


class TooManyTeams(Team.MultipleObjectsReturned):
    pass
)py");
  std::string diagnostics;
  std::vector<Model> models = Find(p, &diagnostics);
  ASSERT_EQ(models.size(), 1u);
  EXPECT_EQ(models[0].qualname, "draw.models.Team");
  EXPECT_EQ(diagnostics, "");
}

// Shuup and CourtListener: bases written through six.with_metaclass(), and
// the model Django makes for a many-to-many field (`User.groups.through`).
TEST(FindModelsTest, MetaclassHelpersAndManyToManyThroughModels) {
  SnippetProject p;
  p.Add("shop/__init__.py", "");
  p.Add("shop/models.py", R"py(import six
from django.contrib.auth.models import User
from django.db import models


class Base(models.Model):
    class Meta:
        abstract = True


class Provider(six.with_metaclass(models.base.ModelBase, Base)):
    pass


class Tag(models.Model):
    items = models.ManyToManyField("Tag")


class UserGroups(User.groups.through):
    class Meta:
        proxy = True


class TagItems(Tag.items.through):
    class Meta:
        proxy = True
)py");
  std::string diagnostics;
  std::string dump;
  for (const Model& m : Find(p, &diagnostics)) {
    dump += m.qualname + " " + std::to_string(static_cast<int>(m.kind)) + "\n";
  }
  EXPECT_EQ(dump,
            "shop.models.Base " + std::to_string(static_cast<int>(ModelKind::kAbstract)) + "\n" +
                "shop.models.Provider " + std::to_string(static_cast<int>(ModelKind::kConcrete)) +
                "\n" + "shop.models.Tag " +
                std::to_string(static_cast<int>(ModelKind::kConcrete)) + "\n" +
                "shop.models.TagItems " + std::to_string(static_cast<int>(ModelKind::kProxy)) +
                "\n" + "shop.models.UserGroups " +
                std::to_string(static_cast<int>(ModelKind::kProxy)) + "\n");
  EXPECT_EQ(diagnostics, "");
}

TEST(FindModelsTest, TestFilesAreInventoriedApartAndMigrationsSkipped) {
  SnippetProject p;
  p.Add("shop/__init__.py", "");
  p.Add("shop/tests/__init__.py", "", FileKind::kTest);
  p.Add("shop/models.py", "from django.db import models\n\nclass A(models.Model):\n    pass\n");
  p.Add("shop/tests/test_models.py",
        "from django.db import models\n\n\ndef test_it():\n    class Temp(models.Model):\n"
        "        x = models.IntegerField()\n",
        FileKind::kTest);
  p.Add("shop/migrations/0001_initial.py",
        "from django.db import models\n\nclass Fake(models.Model):\n    pass\n",
        FileKind::kMigration);
  EXPECT_EQ(Dump(Find(p)),
            "concrete shop.models.A app=shop fields=0 bases=[django.db.models.Model] managers=[] "
            "overrides=[] shop/models.py:3\n"
            "concrete shop.tests.test_models.test_it.Temp app=shop fields=1 "
            "bases=[django.db.models.Model] managers=[] overrides=[] in-tests "
            "shop/tests/test_models.py:5\n");
}

TEST(FindModelsTest, FieldsAreCallsOfFieldClassesIncludingRepoSubclassesAndThirdParty) {
  SnippetProject p;
  p.Add("shop/__init__.py", "");
  p.Add("shop/fields.py", R"py(from django.db import models


class Money(models.DecimalField):
    pass
)py");
  p.Add("shop/models.py", R"py(from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from phonenumber_field.modelfields import PhoneNumberField
from taggit.managers import TaggableManager
from model_utils.managers import InheritanceManager

from .fields import Money


class Item(models.Model):
    price = Money()
    phone = PhoneNumberField()
    tags = TaggableManager()
    target = GenericForeignKey("content_type", "object_id")
    label = "not a field"
    objects = InheritanceManager()
)py");
  EXPECT_EQ(Dump(Find(p)),
            "concrete shop.models.Item app=shop fields=4 bases=[django.db.models.Model] "
            "managers=[objects] overrides=[] shop/models.py:10\n");
}

TEST(FindModelsTest, DefaultUserModelIsNotTheRepos) {
  SnippetProject p;
  p.Add("auth2/models.py", "from django.db import models\n\nclass User(models.Model):\n    pass\n");
  std::vector<Model> models = Find(p);
  ASSERT_EQ(models.size(), 1u);
  EXPECT_FALSE(models[0].is_user_model);
}

}  // namespace
}  // namespace djcost
