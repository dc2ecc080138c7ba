// NetBox's view registry through WalkUrls: `@register_model_view(Model, ...)`
// on a view, read back by `include(get_model_urls(app_label, model_name,
// detail))`, in NetBox itself (both functions in the repository) and in a
// plugin (both NetBox's, outside it).
#include "link/model_views.h"

#include <gtest/gtest.h>

#include "rules/load_rules.h"
#include "urls_test_support.h"

namespace djcost {
namespace {

using testing::Dump;
using testing::Project;

const char kNetboxUtilities[] = R"py(
def register_model_view(model, name='', path=None, detail=True, kwargs=None):
    def _wrapper(cls):
        registry['views'][model._meta.app_label][model._meta.model_name].append(
            {'name': name, 'view': cls, 'path': path if path is not None else name,
             'detail': detail, 'kwargs': kwargs or {}})
        return cls
    return _wrapper
)py";

const char kGetModelUrls[] = R"py(
from django.urls import path

def get_model_urls(app_label, model_name, detail=True):
    paths = []
    for config in registry['views'][app_label][model_name]:
        if config['detail'] == detail:
            paths.append(path(f"{config['path']}/" if config['path'] else '', config['view'].as_view()))
    return paths
)py";

TEST(ModelViewsTest, RegisteredViewsAreThePathsOfTheirModel) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, path

urlpatterns = [path("dcim/", include("dcim.urls"))]
)py"},
             {"utilities/__init__.py", ""},
             {"utilities/views.py", kNetboxUtilities},
             {"utilities/urls.py", kGetModelUrls},
             {"dcim/__init__.py", ""},
             {"dcim/models.py", R"py(
from django.db import models

class Site(models.Model):
    name = models.CharField(max_length=100)
)py"},
             {"dcim/views.py", R"py(
from django.views.generic import FormView, TemplateView
from utilities.views import register_model_view
from .models import Site

@register_model_view(Site, "list", path="", detail=False)
class SiteListView(TemplateView):
    pass

@register_model_view(Site)
class SiteView(TemplateView):
    pass

@register_model_view(Site, "edit")
@register_model_view(Site, "add", detail=False)
class SiteEditView(FormView):
    pass

@register_model_view(model=Site, name="trace", path="trace-path")
def site_trace(request, pk):
    pass
)py"},
             {"dcim/urls.py", R"py(
from django.urls import include, path
from utilities.urls import get_model_urls
from . import views

urlpatterns = [
    path("sites/", include(get_model_urls("dcim", "site", detail=False))),
    path("sites/<int:pk>/", include(get_model_urls(app_label="dcim", model_name="site"))),
    path("regions/<int:pk>/", include(get_model_urls("dcim", "region"))),
]
)py"},
             // Registered by a test plugin: not a route of the project.
             {"dcim/tests/plugin_views.py", R"py(
from django.views.generic import TemplateView
from utilities.views import register_model_view
from dcim.models import Site

@register_model_view(Site, "extra")
class ExtraView(TemplateView):
    pass
)py"}},
            DefaultRuleSet());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "GET dcim/sites/ dcim.views.SiteListView.get page dcim/views.py:6\n"
            "GET dcim/sites/<int:pk>/ dcim.views.SiteView.get page dcim/views.py:10\n"
            "GET dcim/sites/<int:pk>/edit/ dcim.views.SiteEditView.get page dcim/views.py:14\n"
            "POST dcim/sites/<int:pk>/edit/ dcim.views.SiteEditView.post page dcim/views.py:14\n"
            "PUT dcim/sites/<int:pk>/edit/ dcim.views.SiteEditView.put page dcim/views.py:14\n"
            "ANY dcim/sites/<int:pk>/trace-path/ dcim.views.site_trace page dcim/views.py:19\n"
            "GET dcim/sites/add/ dcim.views.SiteEditView.get page dcim/views.py:15\n"
            "POST dcim/sites/add/ dcim.views.SiteEditView.post page dcim/views.py:15\n"
            "PUT dcim/sites/add/ dcim.views.SiteEditView.put page dcim/views.py:15\n");
}

// A plugin imports both functions from NetBox; its views register on its own
// models, whose app label is the plugin's.
TEST(ModelViewsTest, APluginsViewsRegisteredThroughNetboxsFunctions) {
  Project p({{"netbox_bgp/__init__.py", ""},
             {"netbox_bgp/models.py", R"py(
from netbox.models import NetBoxModel

class BGPSession(NetBoxModel):
    pass
)py"},
             {"netbox_bgp/views.py", R"py(
from netbox.views import generic
from utilities.views import register_model_view
from .models import BGPSession

@register_model_view(BGPSession)
class BGPSessionView(generic.ObjectView):
    def get(self, request, pk):
        pass
)py"},
             {"netbox_bgp/urls.py", R"py(
from django.urls import include, path
from utilities.urls import get_model_urls
from . import views

urlpatterns = [
    path("session/<int:pk>/", include(get_model_urls("netbox_bgp", "bgpsession"))),
]
)py"}},
            DefaultRuleSet(), {});
  EXPECT_EQ(Dump(p.Walk("netbox_bgp.urls")),
            "GET session/<int:pk>/ netbox_bgp.views.BGPSessionView.get page "
            "netbox_bgp/views.py:6\n");
}

}  // namespace
}  // namespace djcost
