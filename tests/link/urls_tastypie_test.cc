// django-tastypie through WalkUrls: an Api's registered resources, their Meta
// (inherited through `class Meta(Base.Meta)` or not at all), prepend_urls(),
// and a resource mounted on its own.
#include "link/tastypie.h"

#include <gtest/gtest.h>

#include "urls_test_support.h"

namespace djcost {
namespace {

using testing::Class;
using testing::Dump;
using testing::Project;
using testing::UrlRules;

RuleSet TastypieRules() {
  RuleSet rules = UrlRules();
  rules.classes.push_back(Class("tastypie.api.Api", {}, {}, {"tastypie-api"}));
  rules.classes.push_back(Class("tastypie.resources.Resource", {}, {}, {"tastypie-resource"}));
  rules.classes.push_back(Class("tastypie.resources.ModelResource",
                                {"tastypie.resources.Resource"}, {}, {"tastypie-resource"}));
  return rules;
}

const std::map<std::string, std::string> kTastypieProject = {
    {"config/urls.py", R"py(
from django.urls import include, path
from shop.api import v1, note

urlpatterns = [path("api/", include(v1.urls)), path("notes/", include(note.urls))]
)py"},
    {"shop/api.py", R"py(
from tastypie.api import Api
from .resources import EntryResource, UserResource, NoteResource, TagResource

v1 = Api(api_name="v1")
v1.register(UserResource())
v1.register(EntryResource())
note = NoteResource()
v1.register(note)
v1.register(TagResource())
)py"},
    {"shop/views.py", R"py(
def export(request):
    pass
)py"},
    {"shop/resources.py", R"py(
from django.conf.urls import url
from tastypie.resources import ModelResource
from tastypie.utils import trailing_slash
from .views import export

class BaseResource(ModelResource):
    class Meta:
        list_allowed_methods = ["get", "post"]
        detail_allowed_methods = ["get", "post", "delete"]

class EntryResource(BaseResource):
    class Meta(BaseResource.Meta):
        resource_name = "entries"

    def prepend_urls(self):
        return [
            url(r"^(?P<resource_name>%s)/search%s$" % (self._meta.resource_name, trailing_slash()),
                self.wrap_view("get_search"), name="api_get_search"),
            url(r"^(?P<resource_name>%s)/export/$" % self._meta.resource_name, export),
        ]

    def get_search(self, request, **kwargs):
        pass

class UserResource(BaseResource):
    class Meta:
        pass

class NoteResource(ModelResource):
    class Meta:
        allowed_methods = ("get",)
        detail_uri_name = "slug"

class ReadOnly:
    allowed_methods = ["get"]

class TagResource(ModelResource):
    class Meta(ReadOnly):
        pass
)py"},
};

// (The dump is sorted.) post_detail is a 501, schema/ and set/ are tastypie's
// own; UserResource's own `class Meta:` inherits nothing: every method;
// TagResource's Meta subclasses a plain class of options (GeoNode).
const char* kExpected =
    "GET api/v1/entries/ shop.resources.EntryResource.get_list api shop/api.py:7\n"
    "POST api/v1/entries/ shop.resources.EntryResource.post_list api shop/api.py:7\n"
    "DELETE api/v1/entries/<pk>/ shop.resources.EntryResource.delete_detail api shop/api.py:7\n"
    "GET api/v1/entries/<pk>/ shop.resources.EntryResource.get_detail api shop/api.py:7\n"
    "ANY api/v1/entries/export/ shop.views.export page shop/resources.py:20\n"
    "ANY api/v1/entries/search/ shop.resources.EntryResource.get_search api shop/resources.py:18\n"
    "GET api/v1/note/ shop.resources.NoteResource.get_list api shop/api.py:9\n"
    "GET api/v1/note/<slug>/ shop.resources.NoteResource.get_detail api shop/api.py:9\n"
    "GET api/v1/tag/ shop.resources.TagResource.get_list api shop/api.py:10\n"
    "GET api/v1/tag/<pk>/ shop.resources.TagResource.get_detail api shop/api.py:10\n"
    "DELETE api/v1/user/ shop.resources.UserResource.delete_list api shop/api.py:6\n"
    "GET api/v1/user/ shop.resources.UserResource.get_list api shop/api.py:6\n"
    "PATCH api/v1/user/ shop.resources.UserResource.patch_list api shop/api.py:6\n"
    "POST api/v1/user/ shop.resources.UserResource.post_list api shop/api.py:6\n"
    "PUT api/v1/user/ shop.resources.UserResource.put_list api shop/api.py:6\n"
    "DELETE api/v1/user/<pk>/ shop.resources.UserResource.delete_detail api shop/api.py:6\n"
    "GET api/v1/user/<pk>/ shop.resources.UserResource.get_detail api shop/api.py:6\n"
    "PATCH api/v1/user/<pk>/ shop.resources.UserResource.patch_detail api shop/api.py:6\n"
    "PUT api/v1/user/<pk>/ shop.resources.UserResource.put_detail api shop/api.py:6\n"
    "GET notes/note/ shop.resources.NoteResource.get_list api config/urls.py:5\n"
    "GET notes/note/<slug>/ shop.resources.NoteResource.get_detail api config/urls.py:5\n";

TEST(TastypieTest, ResourcesOfAnApiAndOneMountedAlone) {
  Project p(kTastypieProject, TastypieRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")), kExpected);
}

// mytardis: a prepend_urls() handler whose body calls
// `self.method_check(request, allowed=["get"])` answers 405 to every other
// method; one that checks under a condition, or not at all, serves any method.
TEST(TastypieTest, PrependedHandlersServeTheMethodsTheirMethodCheckAllows) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, path
from shop.resources import DatasetResource

dataset = DatasetResource()
urlpatterns = [path("api/", include(dataset.urls))]
)py"},
             {"shop/resources.py", R"py(
from django.conf.urls import url
from tastypie.resources import ModelResource

class DatasetResource(ModelResource):
    class Meta:
        allowed_methods = ["get"]

    def prepend_urls(self):
        return [
            url(r"^(?P<resource_name>%s)/(?P<pk>\w+)/files/$" % self._meta.resource_name,
                self.wrap_view("get_datafiles")),
            url(r"^(?P<resource_name>%s)/(?P<pk>\w+)/tags/$" % self._meta.resource_name,
                self.wrap_view("tags")),
            url(r"^(?P<resource_name>%s)/(?P<pk>\w+)/nodes/$" % self._meta.resource_name,
                self.wrap_view("nodes")),
        ]

    def get_datafiles(self, request, **kwargs):
        self.method_check(request, allowed=["get"])
        self.is_authenticated(request)

    def tags(self, request, **kwargs):
        self.method_check(request, ["get", "post"])

    def nodes(self, request, **kwargs):
        if request.user.is_anonymous:
            self.method_check(request, allowed=["get"])
)py"}},
            TastypieRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "GET api/dataset/ shop.resources.DatasetResource.get_list api config/urls.py:6\n"
            "GET api/dataset/(?P<pk>\\w+)/files/ shop.resources.DatasetResource.get_datafiles "
            "api shop/resources.py:11\n"
            "ANY api/dataset/(?P<pk>\\w+)/nodes/ shop.resources.DatasetResource.nodes api "
            "shop/resources.py:15\n"
            "GET api/dataset/(?P<pk>\\w+)/tags/ shop.resources.DatasetResource.tags api "
            "shop/resources.py:13\n"
            "POST api/dataset/(?P<pk>\\w+)/tags/ shop.resources.DatasetResource.tags api "
            "shop/resources.py:13\n"
            "GET api/dataset/<pk>/ shop.resources.DatasetResource.get_detail api "
            "config/urls.py:6\n");
}

}  // namespace
}  // namespace djcost
