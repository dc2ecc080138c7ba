#include "link/findings.h"

#include <gtest/gtest.h>

#include <thread>

#include "link/models_test_support.h"

namespace djcost {
namespace {

using testing::SnippetProject;
using testing::Where;

std::string Dump(const std::vector<Finding>& findings) {
  std::string out;
  for (const auto& f : findings) {
    out += f.kind + " " + f.detail + " app=" + f.app + " " + Where(f.location) + "\n";
  }
  return out;
}

SettingsValue Setting(const std::string& value, int line) {
  return {value, {"config/settings.py", line, 0}};
}

TEST(FindFindingsTest, EveryKind) {
  SnippetProject p;
  p.Add("shop/__init__.py", "");
  p.Add("shop/models.py", R"py(from django.contrib.auth.models import AbstractUser
from django.db import models


class Order(models.Model):
    pass


class Customer(AbstractUser):
    pass
)py");
  p.Add("shop/queries.py", R"py(from django.db import connection
from django.db.models.expressions import RawSQL

from .models import Order


def report():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.executemany("INSERT", [])


def open_cursor():
    return connection.cursor()


def legacy():
    rows = Order.objects.raw("SELECT * FROM shop_order")
    extra = Order.objects.filter(pk=1).extra(where=["1=1"])
    annotated = Order.objects.annotate(x=RawSQL("SELECT 1", []))
    session.execute("not django")
    return rows, extra, annotated
)py");
  p.Add("proj/__init__.py", "");
  p.Add("proj/celery.py", "from celery import Celery\n\napp = Celery(\"proj\")\n");
  p.Add("shop/tasks.py", R"py(from celery import shared_task
from invoke import task

from proj.celery import app


@shared_task
def send_mail():
    pass


@app.task(bind=True)
def rebuild(self):
    pass


@task
def deploy(c):
    pass
)py");
  p.Add("shop/middleware.py", R"py(class TimingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
)py");
  p.Add("shop/backends.py", R"py(class EmailBackend:
    def authenticate(self, request, **kwargs):
        return None
)py");
  p.Add("shop/permissions.py", R"py(from rest_framework import permissions


class IsOwner(permissions.BasePermission):
    pass


class IsStaffOwner(IsOwner):
    pass
)py");
  p.Add("shop/forms.py", R"py(from django import forms

from .models import Order


class OrderForm(forms.ModelForm):
    class Meta:
        model = Order
        fields = ["id"]


class SearchForm(forms.Form):
    q = forms.CharField()
)py");
  p.Add("shop/tests.py", R"py(from django import forms


class TestForm(forms.Form):
    pass


def test_sql(cursor):
    cursor.execute("SELECT 1")
)py",
        FileKind::kTest);
  p.settings.middleware = {Setting("django.middleware.security.SecurityMiddleware", 10),
                           Setting("corsheaders.middleware.CorsMiddleware", 11),
                           Setting("shop.middleware.TimingMiddleware", 12)};
  p.settings.authentication_backends = {
      Setting("django.contrib.auth.backends.ModelBackend", 20),
      Setting("shop.backends.EmailBackend", 21),
      Setting("allauth.account.auth_backends.AuthenticationBackend", 22)};
  p.settings.auth_user_model = Setting("shop.Customer", 30);
  p.Build();
  EXPECT_EQ(Dump(FindFindings(p.index(), p.settings, p.apps())),
            "auth-backend shop.backends.EmailBackend app=shop shop/backends.py:1\n"
            "celery-task shop.tasks.rebuild app=shop shop/tasks.py:12\n"
            "celery-task shop.tasks.send_mail app=shop shop/tasks.py:7\n"
            "custom-user-model shop.Customer app=shop shop/models.py:9\n"
            "form shop.forms.OrderForm app=shop shop/forms.py:6\n"
            "form shop.forms.SearchForm app=shop shop/forms.py:12\n"
            "middleware shop.middleware.TimingMiddleware app=shop shop/middleware.py:1\n"
            "permission-class shop.permissions.IsOwner app=shop shop/permissions.py:4\n"
            "permission-class shop.permissions.IsStaffOwner app=shop shop/permissions.py:8\n"
            "raw-sql Order.objects.filter().extra app=shop shop/queries.py:19\n"
            "raw-sql Order.objects.raw app=shop shop/queries.py:18\n"
            "raw-sql RawSQL app=shop shop/queries.py:20\n"
            "raw-sql connection.cursor app=shop shop/queries.py:14\n"
            "raw-sql cursor.execute app=shop shop/queries.py:9\n"
            "raw-sql cursor.executemany app=shop shop/queries.py:10\n"
            "third-party-auth-backend allauth.account.auth_backends.AuthenticationBackend app= "
            "config/settings.py:22\n"
            "third-party-middleware corsheaders.middleware.CorsMiddleware app= "
            "config/settings.py:11\n");
}

// Link's two threads each take chunks of the files, with an index of their
// own, one of them reading the settings' entries: together they find what
// FindFindings finds, whoever took which chunk.
TEST(FindFindingsTest, ThreadsTakingChunksOfTheFilesFindWhatOneFinds) {
  SnippetProject p;
  p.Add("shop/__init__.py", "");
  for (int i = 0; i < 90; ++i) {
    p.Add("shop/q" + std::to_string(i) + ".py",
          "from django.db import connection\n\n\ndef run" + std::to_string(i) +
              "():\n    with connection.cursor() as cursor:\n        cursor.execute('x')\n");
  }
  p.Add("shop/middleware.py", "class TimingMiddleware:\n    pass\n");
  p.settings.middleware = {Setting("shop.middleware.TimingMiddleware", 12)};
  p.Build();
  const std::vector<Finding> one = FindFindings(p.index(), p.settings, p.apps());
  ASSERT_EQ(one.size(), 91u);
  for (int run = 0; run < 3; ++run) {
    FileChunks chunks(p.index().files().size());
    ProjectIndex own = p.index().Share();
    std::vector<Finding> second;
    std::thread other([&] {
      second = FindFindingsInChunks(own, p.settings, p.apps(), &chunks, false);
    });
    std::vector<Finding> first = FindFindingsInChunks(p.index(), p.settings, p.apps(), &chunks,
                                                      /*settings_entries=*/true);
    other.join();
    first.insert(first.end(), second.begin(), second.end());
    SortFindings(&first);
    EXPECT_EQ(Dump(first), Dump(one));
  }
  // Without the settings' entries, the files' findings alone.
  FileChunks all(p.index().files().size());
  std::vector<Finding> files_only =
      FindFindingsInChunks(p.index(), p.settings, p.apps(), &all, false);
  EXPECT_EQ(files_only.size(), 90u);
}

TEST(FindFindingsTest, UserModelOutsideTheRepoIsReportedAtTheSetting) {
  SnippetProject p;
  p.Add("shop/__init__.py", "");
  p.Add("shop/models.py", "from django.db import models\n");
  p.settings.auth_user_model = Setting("accounts.User", 7);
  p.Build();
  EXPECT_EQ(Dump(FindFindings(p.index(), p.settings, p.apps())),
            "custom-user-model accounts.User app=accounts config/settings.py:7\n");
}

TEST(FindFindingsTest, RawSqlFunctionsFromTheKnowledgeTablesThroughImports) {
  RuleSet rules = testing::DjangoRules();
  rules.functions.push_back(testing::KnownFn("legacydb.api.run_sql", {"legacydb.run_sql"},
                                             {"raw-sql"}));
  SnippetProject p(rules);
  p.Add("shop/__init__.py", "");
  p.Add("shop/models.py", "from django.db import models\n");
  p.Add("shop/reports.py", R"py(from legacydb import run_sql as q


def totals():
    q("SELECT SUM(total) FROM shop_order")
    run_sql("not imported, not known")
)py");
  p.Build();
  EXPECT_EQ(Dump(FindFindings(p.index(), p.settings, p.apps())),
            "raw-sql q app=shop shop/reports.py:5\n");
}

}  // namespace
}  // namespace djcost
