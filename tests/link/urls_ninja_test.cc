// django-ninja through WalkUrls: operations on the API and on routers mounted
// with add_router (imported, nested, or named by a dotted string).
#include "link/ninja.h"

#include <gtest/gtest.h>

#include "urls_test_support.h"

namespace djcost {
namespace {

using testing::Class;
using testing::Dump;
using testing::Project;
using testing::UrlRules;

const std::map<std::string, std::string> kNinjaProject = {
    {"config/urls.py", R"py(
from django.urls import path
from shop.api import api

urlpatterns = [path("api/", api.urls)]
)py"},
    {"shop/api.py", R"py(
from ninja import NinjaAPI
from .orders import router as orders_router

api = NinjaAPI()
api.add_router("/orders/", orders_router)
api.add_router("/reports", "shop.reports.router")

@api.get("/items/{int:item_id}", url_name="item")
def get_item(request, item_id: int):
    return {"id": item_id}

@api.api_operation(["GET", "POST", "HEAD"], "/echo")
def echo(request):
    pass

@api.put("/items/{int:item_id}")
def put_item(request, item_id: int):
    pass
)py"},
    {"shop/orders.py", R"py(
from ninja import Router
from .refunds import refunds

router = Router()
router.add_router("/refunds", refunds)

@router.post("/")
def create_order(request):
    pass

@router.delete("/{order_id}")
def delete_order(request, order_id: int):
    pass
)py"},
    {"shop/refunds.py", R"py(
from ninja import Router
refunds = Router()

@refunds.get("")
def list_refunds(request):
    pass
)py"},
    {"shop/reports.py", R"py(
import ninja
router = ninja.Router()

@router.get("/daily")
def daily(request):
    pass
)py"},
};

const char* kExpected =
    "GET api/echo shop.api.echo api shop/api.py:13\n"
    "POST api/echo shop.api.echo api shop/api.py:13\n"
    "GET api/items/<int:item_id> shop.api.get_item api shop/api.py:9\n"
    "PUT api/items/<int:item_id> shop.api.put_item api shop/api.py:17\n"
    "POST api/orders/ shop.orders.create_order api shop/orders.py:8\n"
    "DELETE api/orders/<order_id> shop.orders.delete_order api shop/orders.py:12\n"
    "GET api/orders/refunds shop.refunds.list_refunds api shop/refunds.py:5\n"
    "GET api/reports/daily shop.reports.daily api shop/reports.py:5\n";

TEST(NinjaTest, OperationsOfTheApiAndItsRouters) {
  Project p(kNinjaProject, UrlRules());
  UrlInventory urls = p.Walk("config.urls");
  EXPECT_EQ(Dump(urls), kExpected);
  for (const auto& e : urls.endpoints) {
    if (e.view == "shop.api.get_item") {
      EXPECT_EQ(e.name, "item");
    }
  }
}

TEST(NinjaTest, KnowledgeTableTagsNameTheApiClasses) {
  RuleSet rules = UrlRules();
  rules.classes.push_back(Class("ninja.main.NinjaAPI", {}, {}, {"ninja-api"}, {"ninja.NinjaAPI"}));
  rules.classes.push_back(Class("ninja.router.Router", {}, {}, {"ninja-router"}, {"ninja.Router"}));
  Project p(kNinjaProject, rules);
  EXPECT_EQ(Dump(p.Walk("config.urls")), kExpected);
}


// ArchiveBox: `urls = api.urls` in the API's module, imported by the URLconf as a
// name or read off the module: the name stands for the API's patterns.
TEST(NinjaTest, ANameBoundToTheApisUrls) {
  std::map<std::string, std::string> sources = kNinjaProject;
  sources["shop/api.py"] += "\nurls = api.urls\n";
  sources["config/urls.py"] = R"py(
from django.urls import include, path
from shop import api as api_module
from shop.api import urls as v1_urls

urlpatterns = [path("api/", v1_urls), path("v2/", include(api_module.urls))]
)py";
  Project p(sources, UrlRules());
  std::string dump = Dump(p.Walk("config.urls"));
  EXPECT_NE(dump.find("GET api/reports/daily shop.reports.daily api shop/reports.py:5\n"),
            std::string::npos);
  EXPECT_NE(dump.find("GET v2/reports/daily shop.reports.daily api shop/reports.py:5\n"),
            std::string::npos);
  EXPECT_EQ(dump.find("external"), std::string::npos);
}

}  // namespace
}  // namespace djcost
