// Class-based views through WalkUrls: handlers found across repo and known
// classes, http_method_names, ViewSet.as_view({...}), APIView, and the API/page kind.
#include "link/views.h"

#include <gtest/gtest.h>

#include "discover/django_pin.h"
#include "rules/load_rules.h"
#include "urls_test_support.h"

namespace djcost {
namespace {

using testing::Dump;
using testing::Project;
using testing::UrlRules;

TEST(ViewsTest, ClassBasedViewsServeTheHandlersTheirMroDefines) {
  Project p({{"config/urls.py", R"py(
from django.urls import path
from app import views
from app.views import home

urlpatterns = [
    path("page/", views.Page.as_view()),
    path("child/", views.Child.as_view()),
    path("form/", views.ContactForm.as_view()),
    path("go/", views.Go.as_view()),
    path("limited/", views.Limited.as_view()),
    path("kw/", views.Page.as_view(http_method_names=["post"])),
    path("home/", home),
    path("json/", views.Data.as_view()),
    path("rendered/", views.JsonRendered.as_view()),
]
)py"},
             {"app/views.py", R"py(
from django.http import JsonResponse
from django.views.generic import FormView, RedirectView, TemplateView, View
from .mixins import Deletes

class Page(View):
    def get(self, request):
        pass
    def post(self, request):
        pass
    def head(self, request):
        pass
    def helper(self):
        pass

class Child(Deletes, Page):
    pass

class ContactForm(FormView):
    template_name = "contact.html"

class Go(RedirectView):
    url = "/"

class Limited(Page):
    http_method_names = ["get", "head", "options"]

home = TemplateView.as_view(template_name="home.html")

class Data(View):
    def get(self, request):
        return JsonResponse({"ok": True})
    def post(self, request):
        return redirect("/")

class JsonRendered(TemplateView):
    def render_to_response(self, context):
        return JsonResponse(context)
)py"},
             {"app/mixins.py", R"py(
class Deletes:
    def delete(self, request):
        pass
)py"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "DELETE child/ app.views.Child.delete page config/urls.py:8\n"
            "GET child/ app.views.Child.get page config/urls.py:8\n"
            "POST child/ app.views.Child.post page config/urls.py:8\n"
            "GET form/ app.views.ContactForm.get page config/urls.py:9\n"
            "POST form/ app.views.ContactForm.post page config/urls.py:9\n"
            "PUT form/ app.views.ContactForm.put page config/urls.py:9\n"
            "DELETE go/ app.views.Go.delete page config/urls.py:10\n"
            "GET go/ app.views.Go.get page config/urls.py:10\n"
            "PATCH go/ app.views.Go.patch page config/urls.py:10\n"
            "POST go/ app.views.Go.post page config/urls.py:10\n"
            "PUT go/ app.views.Go.put page config/urls.py:10\n"
            "GET json/ app.views.Data.get api config/urls.py:14\n"
            "POST json/ app.views.Data.post page config/urls.py:14\n"
            "POST kw/ app.views.Page.post page config/urls.py:12\n"
            "GET limited/ app.views.Limited.get page config/urls.py:11\n"
            "GET page/ app.views.Page.get page config/urls.py:7\n"
            "POST page/ app.views.Page.post page config/urls.py:7\n"
            "GET rendered/ app.views.JsonRendered.get api config/urls.py:15\n"
            "external home/ django.views.generic.base.TemplateView (view defined outside the "
            "repository) config/urls.py:13\n");
}

// wger names its views after the Django classes they extend (`class
// ListView(LoginRequiredMixin, ListView)`): the base is the import, as Python
// evaluates bases before binding the name. paperless-ngx subclasses a
// subscripted generic (`GenericAPIView[Any]`): the class is the generic's.
TEST(ViewsTest, ClassNamedAfterItsBaseAndSubscriptedBases) {
  Project p({{"config/urls.py", R"py(
from django.urls import path
from app import views

urlpatterns = [
    path("list/", views.ListView.as_view()),
    path("delete/", views.DeleteView.as_view()),
    path("bulk/", views.BulkEdit.as_view()),
]
)py"},
             {"app/__init__.py", ""},
             {"app/views.py", R"py(
from typing import Any
from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import ListView
from django.views.generic.edit import *
from rest_framework.generics import GenericAPIView

class ListView(LoginRequiredMixin, ListView):
    pass

class DeleteView(DeleteView):
    pass

class PassUser(GenericAPIView[Any]):
    pass

class BulkEdit(PassUser):
    def post(self, request):
        return self.helper()
)py"}},
            DefaultRuleSet());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "POST bulk/ app.views.BulkEdit.post api config/urls.py:8\n"
            "DELETE delete/ app.views.DeleteView.delete page config/urls.py:7\n"
            "GET delete/ app.views.DeleteView.get page config/urls.py:7\n"
            "POST delete/ app.views.DeleteView.post page config/urls.py:7\n"
            "GET list/ app.views.ListView.get page config/urls.py:6\n");
}

// saleor's GraphQLView overrides dispatch() and branches on request.method
// itself: the route serves requests, so it counts as one endpoint, ANY.
TEST(ViewsTest, OwnDispatchWithoutHandlersIsOneEndpoint) {
  Project p({{"config/urls.py", R"py(
from django.urls import path
from app.views import GraphQLView, Empty, Gone, OidcViewSet

urlpatterns = [
    path("graphql/", GraphQLView.as_view()),
    path("empty/", Empty.as_view()),
    path("gone/", Gone.as_view()),
    path("sso/cb", OidcViewSet.as_view({"get": "callback", "post": "callback", "head": "callback"})),
]
)py"},
             {"app/__init__.py", ""},
             {"app/views.py", R"py(
from django.views.generic import View
from oidc.viewsets import UserModelOpenIDConnectViewset

class GraphQLView(View):
    def dispatch(self, request, *args, **kwargs):
        if request.method == "GET":
            return self.playground(request)
        return self.execute(request)

class Empty(View):
    template_name = "x.html"

# KPI: every method answered from http_method_not_allowed().
class Gone(View):
    def http_method_not_allowed(self, request, *args, **kwargs):
        return None

# onadata: a mapping names the methods even over a base the tables lack.
class OidcViewSet(UserModelOpenIDConnectViewset):
    pass
)py"}},
            DefaultRuleSet());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY gone/ app.views.Gone.dispatch page config/urls.py:8\n"
            "ANY graphql/ app.views.GraphQLView.dispatch page config/urls.py:6\n"
            "GET sso/cb app.views.OidcViewSet.callback api config/urls.py:9\n"
            "POST sso/cb app.views.OidcViewSet.callback api config/urls.py:9\n"
            "dispatch-without-handlers config/urls.py:6 view app.views.GraphQLView overrides "
            "dispatch() and defines no HTTP handler: which methods it serves is decided at "
            "runtime, counted as one endpoint\n"
            "dispatch-without-handlers config/urls.py:8 view app.views.Gone overrides "
            "http_method_not_allowed() and defines no HTTP handler: which methods it serves is "
            "decided at runtime, counted as one endpoint\n"
            "view-without-handlers config/urls.py:7 view app.views.Empty: the class defines no "
            "HTTP handler (get, post, put, patch, delete, trace)\n");
}

// View.dispatch looks a handler up with getattr(self, method), so a class-body
// alias of a function is a handler: DMOJ's `put = post`, inherited by
// subclasses; baserow's `get = post = put = patch = delete = handle_request`.
// An alias takes the kind of the function it names; a name bound to no
// function (`put = None`, a string) serves nothing.
TEST(ViewsTest, ClassBodyAliasesOfFunctionsAreHandlers) {
  Project p({{"config/urls.py", R"py(
from django.urls import path
from app import views

urlpatterns = [
    path("data/", views.ProblemData.as_view()),
    path("requests/", views.OrgRequests.as_view()),
    path("hook/", views.Webhook.as_view()),
    path("home/", views.Home.as_view()),
    path("plain/", views.Plain.as_view()),
]
)py"},
             {"app/__init__.py", ""},
             {"app/views.py", R"py(
from django.http import JsonResponse
from django.views.generic import TemplateView, View
from rest_framework.views import APIView

def render_home(self, request):
    pass

class ProblemData(View):
    def get(self, request):
        pass
    def post(self, request):
        return JsonResponse({})
    put = post

class OrgRequests(ProblemData):
    pass

class Webhook(APIView):
    def handle_request(self, request, uid):
        pass
    get = post = put = patch = delete = handle_request

class Home(TemplateView):
    post = TemplateView.get
    put = render_home
    patch = ProblemData.post

class Plain(View):
    def get(self, request):
        pass
    put = None
    delete = "get"
    post = undefined_name
)py"}},
            DefaultRuleSet());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "GET data/ app.views.ProblemData.get page config/urls.py:6\n"
            "POST data/ app.views.ProblemData.post api config/urls.py:6\n"
            "PUT data/ app.views.ProblemData.put api config/urls.py:6\n"
            "GET home/ app.views.Home.get page config/urls.py:9\n"
            "PATCH home/ app.views.Home.patch api config/urls.py:9\n"
            "POST home/ app.views.Home.post page config/urls.py:9\n"
            "PUT home/ app.views.Home.put page config/urls.py:9\n"
            "DELETE hook/ app.views.Webhook.delete api config/urls.py:8\n"
            "GET hook/ app.views.Webhook.get api config/urls.py:8\n"
            "PATCH hook/ app.views.Webhook.patch api config/urls.py:8\n"
            "POST hook/ app.views.Webhook.post api config/urls.py:8\n"
            "PUT hook/ app.views.Webhook.put api config/urls.py:8\n"
            "GET plain/ app.views.Plain.get page config/urls.py:10\n"
            "GET requests/ app.views.OrgRequests.get page config/urls.py:7\n"
            "POST requests/ app.views.OrgRequests.post api config/urls.py:7\n"
            "PUT requests/ app.views.OrgRequests.put api config/urls.py:7\n");
}

// pretalx: `path("404", error_view(404))`, a function returning a view it
// defines; a repo wrapper given a view is followed to that view instead.
TEST(ViewsTest, ViewFactoriesAreOneEndpointAndWrappersAreFollowed) {
  Project p({{"config/urls.py", R"py(
from django.urls import path
from app.views import error_view, logged, home

urlpatterns = [
    path("404", error_view(404)),
    path("home/", logged(home)),
]
)py"},
             {"app/__init__.py", ""},
             {"app/views.py", R"py(
from django.views.decorators.http import require_GET

def error_view(status):
    def view(request, *args, **kwargs):
        return render(request, f"{status}.html", status=status)
    return view

def logged(fn):
    def inner(request):
        return fn(request)
    return inner

@require_GET
def home(request):
    pass
)py"}},
            DefaultRuleSet());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY 404 app.views.error_view page config/urls.py:6\n"
            "GET home/ app.views.home page config/urls.py:7\n"
            "view-factory config/urls.py:6 view app.views.error_view returns a view it defines "
            "(a view factory): counted as one endpoint, ANY\n");
}

// djangopackages' API v3: django-jsonview's @json_view serialises what a function
// view returns, whatever the method. The view is an API view and keeps its methods:
// ANY, or what another decorator allows. The package's JsonView answers GET.
TEST(ViewsTest, JsonViewDecoratorMarksAnApiViewWithoutRestrictingIt) {
  Project p({{"config/urls.py", R"py(
from django.urls import path
from jsonview.decorators import json_view
from app import views

urlpatterns = [
    path("grids/", view=views.grid_list),
    path("vnd/", views.vendor),
    path("ping/", views.ping),
    path("wrapped/", json_view(views.plain)),
    path("stats/", views.Stats.as_view()),
]
)py"},
             {"app/__init__.py", ""},
             {"app/views.py", R"py(
from django.views.decorators.http import require_POST
from jsonview.decorators import json_view
from jsonview.views import JsonView

@json_view
def grid_list(request):
    return {"grids": []}

@json_view(content_type="application/vnd.example+json")
def vendor(request):
    return {}

@require_POST
@json_view
def ping(request):
    return {}

def plain(request):
    return {}

class Stats(JsonView):
    def get_context_data(self, **kwargs):
        return {"users": 1}
)py"}},
            DefaultRuleSet());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY grids/ app.views.grid_list api config/urls.py:7\n"
            "POST ping/ app.views.ping api config/urls.py:9\n"
            "GET stats/ app.views.Stats.get api config/urls.py:11\n"
            "ANY vnd/ app.views.vendor api config/urls.py:8\n"
            "ANY wrapped/ app.views.plain api config/urls.py:10\n");
}

// wger and pretalx: formtools' FormPreview instances are views (its __call__),
// and its wizards answer GET and POST.
TEST(ViewsTest, FormtoolsPreviewInstancesAndWizards) {
  Project p({{"config/urls.py", R"py(
from django.contrib.auth.decorators import login_required
from django.urls import path
from app.forms import CsvForm
from app.views import CsvPreview, Wizard

urlpatterns = [
    path("import/", login_required(CsvPreview(CsvForm))),
    path("new/", Wizard.as_view([CsvForm])),
]
)py"},
             {"app/__init__.py", ""},
             {"app/views.py", R"py(
from formtools.preview import FormPreview
from formtools.wizard.views import SessionWizardView

class CsvPreview(FormPreview):
    def done(self, request, cleaned_data):
        pass

class Wizard(SessionWizardView):
    def done(self, form_list, **kwargs):
        pass
)py"}},
            DefaultRuleSet());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY import/ app.views.CsvPreview.__call__ page config/urls.py:8\n"
            "GET new/ app.views.Wizard.get page config/urls.py:9\n"
            "POST new/ app.views.Wizard.post page config/urls.py:9\n");
}

// `re_path("^json-rpc/$", rpc_server.view)` where rpc_server is a module-level
// instance of a package's class: an external view, listed.
TEST(ViewsTest, MethodOfAPackageObjectIsAnExternalView) {
  Project p({{"config/urls.py", R"py(
from django.urls import re_path
from app.rpc import json_rpc

urlpatterns = [re_path(r"^json-rpc/$", json_rpc.view)]
)py"},
             {"app/__init__.py", ""},
             {"app/rpc.py", R"py(
from jsonrpc_package.server import Server

json_rpc = Server(supported_handlers=["jsonrpc"])
)py"}},
            DefaultRuleSet());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "external json-rpc/ jsonrpc_package.server.Server().view (view defined outside the "
            "repository) config/urls.py:5\n"
            "no-endpoints :0 ROOT_URLCONF config.urls leads to no view of the repository (1 "
            "external routes); if the project serves its own views, they were missed\n");
}

// Kiwi TCMS: `re_path("^xml-rpc/", xml_rpc_server.view)` with `xml_rpc_server =
// RpcServer(...)` (django-modern-rpc 2.x), and 1.x's RPCEntryPoint.as_view()
// mounted as it is: the package's view serves the procedures the repository
// registers, over POST only, so one POST API endpoint, made where the server is.
TEST(ViewsTest, DjangoModernRpcServersAreOnePostApiEndpoint) {
  Project p({{"config/urls.py", R"py(
from django.urls import path, re_path
from modernrpc.views import RPCEntryPoint
from app.rpc import xml_rpc

urlpatterns = [
    re_path(r"^xml-rpc/", xml_rpc.view),
    path("rpc/", RPCEntryPoint.as_view(protocol="json")),
]
)py"},
             {"app/__init__.py", ""},
             {"app/rpc.py", R"py(
from modernrpc.constants import Protocol
from modernrpc.server import RpcServer

xml_rpc = RpcServer(supported_protocol=Protocol.XML_RPC)
)py"}},
            DefaultRuleSet());
  UrlInventory urls = p.Walk("config.urls");
  EXPECT_EQ(Dump(urls),
            "POST rpc/ modernrpc.views.RPCEntryPoint.post api config/urls.py:8\n"
            "POST xml-rpc/ app.rpc.xml_rpc.view api config/urls.py:7\n");
  ASSERT_EQ(urls.endpoints.size(), 2u);
  EXPECT_EQ(urls.endpoints[1].view_location.path, "app/rpc.py");
  EXPECT_EQ(urls.endpoints[1].view_location.line, 5);
}

// evennia: `path("openapi", get_schema_view(title=...))`, a view DRF's function
// makes, is defined outside the repository: listed, not an unresolved view.
TEST(ViewsTest, ViewAPackageFunctionReturnsIsExternal) {
  Project p({{"config/urls.py", R"py(
from django.urls import path
from rest_framework.schemas import get_schema_view
from app.views import home

urlpatterns = [
    path("", home),
    path("openapi", get_schema_view(title="API", version="1.0")),
]
)py"},
             {"app/__init__.py", ""},
             {"app/views.py", "def home(request):\n    pass\n"}},
            DefaultRuleSet());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "ANY  app.views.home page config/urls.py:7\n"
            "external openapi rest_framework.schemas.get_schema_view() (view defined outside "
            "the repository) config/urls.py:8\n");
}

// readthedocs.org builds its dashboard on django-vanilla-views 3.0, whose form
// views answer GET and POST only (no ProcessFormView, so no PUT).
TEST(ViewsTest, VanillaViewsFromTheKnowledgeTables) {
  Project p({{"config/urls.py", R"py(
from django.urls import path
from app import views

urlpatterns = [
    path("new/", views.ProjectCreate.as_view()),
    path("list/", views.ProjectList.as_view()),
    path("gone/", views.ProjectDelete.as_view()),
    path("go/", views.Jump.as_view()),
]
)py"},
             {"app/__init__.py", ""},
             {"app/views.py", R"py(
from vanilla import CreateView, ListView, RedirectView
from vanilla.model_views import DeleteView

class ProjectCreate(CreateView):
    pass

class ProjectList(ListView):
    pass

class ProjectDelete(DeleteView):
    http_method_names = ["post"]

class Jump(RedirectView):
    pass
)py"}},
            DefaultRuleSet());
  std::string dump = Dump(p.Walk("config.urls"));
  // vanilla re-exports Django's RedirectView: a subclass answers its five methods.
  EXPECT_EQ(dump,
            "DELETE go/ app.views.Jump.delete page config/urls.py:9\n"
            "GET go/ app.views.Jump.get page config/urls.py:9\n"
            "PATCH go/ app.views.Jump.patch page config/urls.py:9\n"
            "POST go/ app.views.Jump.post page config/urls.py:9\n"
            "PUT go/ app.views.Jump.put page config/urls.py:9\n"
            "POST gone/ app.views.ProjectDelete.post page config/urls.py:8\n"
            "GET list/ app.views.ProjectList.get page config/urls.py:7\n"
            "GET new/ app.views.ProjectCreate.get page config/urls.py:6\n"
            "POST new/ app.views.ProjectCreate.post page config/urls.py:6\n");
}

// LibrePhotos uploads through django-chunked-upload, whose base view defines only
// `post` and answers JSON: its subclasses are POST API endpoints, not ANY.
TEST(ViewsTest, ChunkedUploadViewsFromTheKnowledgeTables) {
  Project p({{"config/urls.py", R"py(
from django.urls import re_path
from app import upload

urlpatterns = [
    re_path(r"upload/complete/", upload.UploadComplete.as_view()),
    re_path(r"upload/", upload.Upload.as_view()),
]
)py"},
             {"app/__init__.py", ""},
             {"app/upload.py", R"py(
from chunked_upload.views import ChunkedUploadCompleteView, ChunkedUploadView

class Upload(ChunkedUploadView):
    def check_permissions(self, request):
        pass

class UploadComplete(ChunkedUploadCompleteView):
    def on_completion(self, uploaded_file, request):
        pass
)py"}},
            DefaultRuleSet());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "POST upload/ app.upload.Upload.post api config/urls.py:7\n"
            "POST upload/complete/ app.upload.UploadComplete.post api config/urls.py:6\n");
}

// RapidPro's pages are smartmin views: SmartView mixed into Django's generic views.
// Its delete and action views are DetailView + ProcessFormView with their own post,
// so they answer GET, POST and PUT, never DELETE.
TEST(ViewsTest, SmartminViewsFromTheKnowledgeTables) {
  Project p({{"config/urls.py", R"py(
from django.urls import path
from app import views as v

urlpatterns = [
    path("home/", v.Home.as_view()),
    path("read/", v.Read.as_view()),
    path("list/", v.List.as_view()),
    path("csv/", v.Csv.as_view()),
    path("xls/", v.Xls.as_view()),
    path("form/", v.Form.as_view()),
    path("create/", v.Create.as_view()),
    path("update/", v.Update.as_view()),
    path("action/", v.Action.as_view()),
    path("delete/", v.Delete.as_view()),
]
)py"},
             {"app/__init__.py", ""},
             {"app/views.py", R"py(
from smartmin.views import (
    SmartCreateView, SmartCsvView, SmartDeleteView, SmartFormView, SmartListView,
    SmartModelActionView, SmartReadView, SmartTemplateView, SmartUpdateView, SmartXlsView,
)

class Home(SmartTemplateView): pass
class Read(SmartReadView): pass
class List(SmartListView): pass
class Csv(SmartCsvView): pass
class Xls(SmartXlsView): pass
class Form(SmartFormView): pass
class Create(SmartCreateView): pass
class Update(SmartUpdateView): pass
class Action(SmartModelActionView): pass
class Delete(SmartDeleteView): pass
)py"}},
            DefaultRuleSet());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "GET action/ app.views.Action.get page config/urls.py:14\n"
            "POST action/ app.views.Action.post page config/urls.py:14\n"
            "PUT action/ app.views.Action.put page config/urls.py:14\n"
            "GET create/ app.views.Create.get page config/urls.py:12\n"
            "POST create/ app.views.Create.post page config/urls.py:12\n"
            "PUT create/ app.views.Create.put page config/urls.py:12\n"
            "GET csv/ app.views.Csv.get page config/urls.py:9\n"
            "GET delete/ app.views.Delete.get page config/urls.py:15\n"
            "POST delete/ app.views.Delete.post page config/urls.py:15\n"
            "PUT delete/ app.views.Delete.put page config/urls.py:15\n"
            "GET form/ app.views.Form.get page config/urls.py:11\n"
            "POST form/ app.views.Form.post page config/urls.py:11\n"
            "PUT form/ app.views.Form.put page config/urls.py:11\n"
            "GET home/ app.views.Home.get page config/urls.py:6\n"
            "GET list/ app.views.List.get page config/urls.py:8\n"
            "GET read/ app.views.Read.get page config/urls.py:7\n"
            "GET update/ app.views.Update.get page config/urls.py:13\n"
            "POST update/ app.views.Update.post page config/urls.py:13\n"
            "PUT update/ app.views.Update.put page config/urls.py:13\n"
            "GET xls/ app.views.Xls.get page config/urls.py:10\n");
}

// AWX subclasses django-oauth-toolkit's TokenView (read through `from
// oauth2_provider import views`): the token, revoke and introspection views
// answer POST (introspection GET too) with JSON; a protected resource view
// serves the handlers the subclass defines.
TEST(ViewsTest, OAuthToolkitViewsFromTheKnowledgeTables) {
  Project p({{"config/urls.py", R"py(
from django.urls import re_path
from oauth2_provider import views
from app.oauth import Introspect, Me, TokenView

urlpatterns = [
    re_path(r"^authorize/$", views.AuthorizationView.as_view()),
    re_path(r"^token/$", TokenView.as_view()),
    re_path(r"^introspect/$", Introspect.as_view()),
    re_path(r"^me/$", Me.as_view()),
]
)py"},
             {"app/__init__.py", ""},
             {"app/oauth.py", R"py(
from django.http import JsonResponse
from oauth2_provider import views
from oauth2_provider.views.generic import ProtectedResourceView

class TokenView(views.TokenView):
    def create_token_response(self, request):
        return super().create_token_response(request)

class Introspect(views.IntrospectTokenView):
    required_scopes = ["introspection"]

class Me(ProtectedResourceView):
    def get(self, request):
        return JsonResponse({})
)py"}},
            DefaultRuleSet());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "GET introspect/ app.oauth.Introspect.get api config/urls.py:9\n"
            "POST introspect/ app.oauth.Introspect.post api config/urls.py:9\n"
            "GET me/ app.oauth.Me.get api config/urls.py:10\n"
            "POST token/ app.oauth.TokenView.post api config/urls.py:8\n"
            "external authorize/ oauth2_provider.views.base.AuthorizationView (view defined "
            "outside the repository) config/urls.py:7\n");
}

// drf-rw-serializers (Argus) mirrors DRF's generics and viewsets with separate
// read and write serializers: the same handlers and router actions.
TEST(ViewsTest, DrfRwSerializersViewsFromTheKnowledgeTables) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, path
from rest_framework import routers
from api import views

router = routers.SimpleRouter()
router.register("incidents", views.Incidents)
router.register("events", views.Events)
router.register("tags", views.Tags)

urlpatterns = [
    path("", include(router.urls)),
    path("list/", views.Listing.as_view()),
    path("one/", views.One.as_view()),
    path("all/", views.All.as_view()),
]
)py"},
             {"api/__init__.py", ""},
             {"api/views.py", R"py(
from drf_rw_serializers import generics, viewsets as rw_viewsets

class Incidents(rw_viewsets.ModelViewSet): pass
class Events(rw_viewsets.ReadOnlyModelViewSet): pass
class Tags(rw_viewsets.GenericViewSet):
    def list(self, request): pass
class Listing(generics.ListCreateAPIView): pass
class One(generics.RetrieveDestroyAPIView): pass
class All(generics.RetrieveUpdateDestroyAPIView): pass
)py"}},
            DefaultRuleSet());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "DELETE all/ api.views.All.delete api config/urls.py:15\n"
            "GET all/ api.views.All.get api config/urls.py:15\n"
            "PATCH all/ api.views.All.patch api config/urls.py:15\n"
            "PUT all/ api.views.All.put api config/urls.py:15\n"
            "GET events/ api.views.Events.list api config/urls.py:8\n"
            "GET events/<pk>/ api.views.Events.retrieve api config/urls.py:8\n"
            "GET incidents/ api.views.Incidents.list api config/urls.py:7\n"
            "POST incidents/ api.views.Incidents.create api config/urls.py:7\n"
            "DELETE incidents/<pk>/ api.views.Incidents.destroy api config/urls.py:7\n"
            "GET incidents/<pk>/ api.views.Incidents.retrieve api config/urls.py:7\n"
            "PATCH incidents/<pk>/ api.views.Incidents.partial_update api config/urls.py:7\n"
            "PUT incidents/<pk>/ api.views.Incidents.update api config/urls.py:7\n"
            "GET list/ api.views.Listing.get api config/urls.py:13\n"
            "POST list/ api.views.Listing.post api config/urls.py:13\n"
            "DELETE one/ api.views.One.delete api config/urls.py:14\n"
            "GET one/ api.views.One.get api config/urls.py:14\n"
            "GET tags/ api.views.Tags.list api config/urls.py:9\n");
}

// django-elasticsearch-dsl-drf (course-discovery): document viewsets are DRF
// ReadOnlyModelViewSets. The @action routes of its mixins (suggest,
// functional_suggest, more_like_this) are not in the tables.
TEST(ViewsTest, ElasticsearchDslDrfDocumentViewSetsFromTheKnowledgeTables) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, path
from rest_framework.routers import SimpleRouter
from search import views

router = SimpleRouter()
router.register("courses", views.Courses, basename="courses")
router.register("people", views.People, basename="people")

urlpatterns = [path("search/", include(router.urls))]
)py"},
             {"search/__init__.py", ""},
             {"search/views.py", R"py(
from django_elasticsearch_dsl_drf.viewsets import BaseDocumentViewSet, DocumentViewSet, MoreLikeThisMixin

class Courses(DocumentViewSet): pass
class People(MoreLikeThisMixin, BaseDocumentViewSet): pass
)py"}},
            DefaultRuleSet());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "GET search/courses/ search.views.Courses.list api config/urls.py:7\n"
            "GET search/courses/<pk>/ search.views.Courses.retrieve api config/urls.py:7\n"
            "GET search/people/ search.views.People.list api config/urls.py:8\n"
            "GET search/people/<pk>/ search.views.People.retrieve api config/urls.py:8\n");
}

// unicef-locations (eTools): its locations viewsets list, retrieve, create and
// update (no destroy); its CartoDB-table and autocomplete views are ListAPIViews.
TEST(ViewsTest, UnicefLocationsViewsFromTheKnowledgeTables) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, path
from rest_framework.routers import SimpleRouter
from locations import views

api = SimpleRouter()
api.register(r"locations", views.LocationsViewSet, basename="locations")
api.register(r"locations-light", views.LocationsLightViewSet, basename="locations-light")

urlpatterns = [
    path("", include(api.urls)),
    path("cartodbtables/", views.CartoDBTablesView.as_view()),
    path("autocomplete/", views.LocationQuerySetView.as_view()),
]
)py"},
             {"locations/__init__.py", ""},
             {"locations/views.py", R"py(
from unicef_locations import views

class LocationsViewSet(views.LocationsViewSet): pass
class LocationsLightViewSet(views.LocationsLightViewSet): pass
class CartoDBTablesView(views.CartoDBTablesView): pass
class LocationQuerySetView(views.LocationQuerySetView): pass
)py"}},
            DefaultRuleSet());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "GET autocomplete/ locations.views.LocationQuerySetView.get api config/urls.py:13\n"
            "GET cartodbtables/ locations.views.CartoDBTablesView.get api config/urls.py:12\n"
            "GET locations-light/ locations.views.LocationsLightViewSet.list api config/urls.py:8\n"
            "GET locations/ locations.views.LocationsViewSet.list api config/urls.py:7\n"
            "POST locations/ locations.views.LocationsViewSet.create api config/urls.py:7\n"
            "GET locations/<pk>/ locations.views.LocationsViewSet.retrieve api config/urls.py:7\n"
            "PATCH locations/<pk>/ locations.views.LocationsViewSet.partial_update api "
            "config/urls.py:7\n"
            "PUT locations/<pk>/ locations.views.LocationsViewSet.update api config/urls.py:7\n");
}

// eTools' exports and PDFs: unicef-rest-export's ExportView is a ListAPIView and
// its ExportMixin defines retrieve, so ExportViewSet lists and retrieves;
// easy_pdf's PDFTemplateView renders a template to PDF on GET.
TEST(ViewsTest, UnicefRestExportAndEasyPdfViewsFromTheKnowledgeTables) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, path
from rest_framework.routers import SimpleRouter
from reports import views

api = SimpleRouter()
api.register(r"results", views.Results, basename="results")

urlpatterns = [
    path("", include(api.urls)),
    path("framework/", views.Framework.as_view()),
    path("model/", views.Model.as_view()),
    path("pca/pdf/", views.PcaPdf.as_view()),
]
)py"},
             {"reports/__init__.py", ""},
             {"reports/views.py", R"py(
from easy_pdf.views import PDFTemplateView
from unicef_rest_export.views import ExportModelView, ExportView, ExportViewSet

class Results(ExportViewSet): pass
class Framework(ExportView): pass
class Model(ExportModelView): pass
class PcaPdf(PDFTemplateView):
    template_name = "pca.html"
)py"}},
            DefaultRuleSet());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "GET framework/ reports.views.Framework.get api config/urls.py:11\n"
            "GET model/ reports.views.Model.get api config/urls.py:12\n"
            "GET pca/pdf/ reports.views.PcaPdf.get page config/urls.py:13\n"
            "GET results/ reports.views.Results.list api config/urls.py:7\n"
            "GET results/<pk>/ reports.views.Results.retrieve api config/urls.py:7\n");
}

// astrobin: drf-haystack's HaystackViewSet lists and retrieves (its MoreLikeThis
// and Facet mixins' @action routes are not in the tables), and its login is
// django-two-factor-auth's LoginView, a formtools session wizard with its own
// post: GET and POST.
TEST(ViewsTest, DrfHaystackAndTwoFactorViewsFromTheKnowledgeTables) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, path
from rest_framework.routers import DefaultRouter
from app import views

router = DefaultRouter()
router.register(r"images-search", views.ImageSearch, basename="images-search")

urlpatterns = [
    path("api/", include(router.urls)),
    path("login/", views.Login.as_view()),
    path("qr/", views.Qr.as_view()),
    path("setup/", views.Setup.as_view()),
    path("profile/", views.Profile.as_view()),
]
)py"},
             {"app/__init__.py", ""},
             {"app/views.py", R"py(
from django.views.generic import TemplateView
from drf_haystack.mixins import MoreLikeThisMixin
from drf_haystack.viewsets import HaystackViewSet
from two_factor.views import LoginView, OTPRequiredMixin, QRGeneratorView, SetupView

class ImageSearch(MoreLikeThisMixin, HaystackViewSet): pass
class Login(LoginView): pass
class Qr(QRGeneratorView): pass
class Setup(SetupView): pass
class Profile(OTPRequiredMixin, TemplateView): pass
)py"}},
            DefaultRuleSet());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "GET api/images-search/ app.views.ImageSearch.list api config/urls.py:7\n"
            "GET api/images-search/<pk>/ app.views.ImageSearch.retrieve api config/urls.py:7\n"
            "GET login/ app.views.Login.get page config/urls.py:11\n"
            "POST login/ app.views.Login.post page config/urls.py:11\n"
            "GET profile/ app.views.Profile.get page config/urls.py:14\n"
            "GET qr/ app.views.Qr.get page config/urls.py:12\n"
            "GET setup/ app.views.Setup.get page config/urls.py:13\n"
            "POST setup/ app.views.Setup.post page config/urls.py:13\n");
}

// ecommerce's logout is edx-auth-backends' EdxOAuth2LogoutView, a RedirectView
// (GET, POST, PUT, PATCH, DELETE) whose own dispatch logs out first; Review
// Board's account pages are djblets' ConfigPagesView, a TemplateView with post.
TEST(ViewsTest, EdxAuthBackendsAndDjbletsViewsFromTheKnowledgeTables) {
  Project p({{"config/urls.py", R"py(
from django.urls import path
from app import views

urlpatterns = [
    path("logout/", views.Logout.as_view()),
    path("account/", views.MyAccount.as_view()),
]
)py"},
             {"app/__init__.py", ""},
             {"app/views.py", R"py(
from auth_backends.views import EdxOAuth2LogoutView
from djblets.configforms.views import ConfigPagesView

class Logout(EdxOAuth2LogoutView):
    def get_redirect_url(self, *args, **kwargs):
        return "/"

class MyAccount(ConfigPagesView):
    title = "My Account"
)py"}},
            DefaultRuleSet());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "GET account/ app.views.MyAccount.get page config/urls.py:7\n"
            "POST account/ app.views.MyAccount.post page config/urls.py:7\n"
            "DELETE logout/ app.views.Logout.delete page config/urls.py:6\n"
            "GET logout/ app.views.Logout.get page config/urls.py:6\n"
            "PATCH logout/ app.views.Logout.patch page config/urls.py:6\n"
            "POST logout/ app.views.Logout.post page config/urls.py:6\n"
            "PUT logout/ app.views.Logout.put page config/urls.py:6\n");
}

// opencve's social-account page subclasses django-allauth's ConnectionsView, a
// FormView behind allauth's ajax mixin: GET, POST and PUT, as its LoginView.
TEST(ViewsTest, AllauthSocialaccountViewsFromTheKnowledgeTables) {
  Project p({{"config/urls.py", R"py(
from django.urls import path
from allauth.socialaccount.views import LoginCancelledView
from app import views

urlpatterns = [
    path("connections/", views.Connections.as_view()),
    path("cancelled/", LoginCancelledView.as_view()),
]
)py"},
             {"app/__init__.py", ""},
             {"app/views.py", R"py(
from allauth.socialaccount.views import ConnectionsView

class Connections(ConnectionsView):
    template_name = "connections.html"
)py"}},
            DefaultRuleSet());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "GET connections/ app.views.Connections.get page config/urls.py:7\n"
            "POST connections/ app.views.Connections.post page config/urls.py:7\n"
            "PUT connections/ app.views.Connections.put page config/urls.py:7\n"
            "external cancelled/ allauth.socialaccount.views.LoginCancelledView (view defined "
            "outside the repository) config/urls.py:8\n");
}

// A NetBox plugin's views derive from NetBox's generic views, which the
// installed NetBox provides (netbox-bgp, netbox-plugin-dns): each answers the
// handlers its MRO in NetBox defines, where they were one ANY endpoint each.
TEST(ViewsTest, NetboxGenericViewsOfAPluginFromTheKnowledgeTables) {
  Project p({{"netbox_dns/__init__.py", ""},
             {"netbox_dns/urls.py", R"py(
from django.urls import path
from . import views

urlpatterns = [
    path("zones/", views.ZoneListView.as_view()),
    path("zones/import/", views.ZoneBulkImportView.as_view()),
    path("zones/rename/", views.ZoneBulkRenameView.as_view()),
    path("zones/delete/", views.ZoneBulkDeleteView.as_view()),
    path("zones/<int:pk>/", views.ZoneView.as_view()),
    path("zones/<int:pk>/records/", views.ZoneRecordListView.as_view()),
    path("zones/<int:pk>/edit/", views.ZoneEditView.as_view()),
    path("zones/<int:pk>/delete/", views.ZoneDeleteView.as_view()),
    path("zones/<int:pk>/changelog/", views.ZoneChangeLogView.as_view()),
]
)py"},
             {"netbox_dns/views.py", R"py(
from netbox.views import generic

class ZoneListView(generic.ObjectListView):
    pass

class ZoneBulkImportView(generic.BulkImportView):
    pass

class ZoneBulkRenameView(generic.BulkRenameView):
    pass

class ZoneBulkDeleteView(generic.BulkDeleteView):
    pass

class ZoneView(generic.ObjectView):
    pass

class ZoneRecordListView(generic.ObjectChildrenView):
    pass

class ZoneEditView(generic.ObjectEditView):
    pass

class ZoneDeleteView(generic.ObjectDeleteView):
    pass

class ZoneChangeLogView(generic.ObjectChangeLogView):
    pass
)py"}},
            DefaultRuleSet());
  EXPECT_EQ(Dump(p.Walk("netbox_dns.urls")),
            "GET zones/ netbox_dns.views.ZoneListView.get page netbox_dns/urls.py:6\n"
            "GET zones/<int:pk>/ netbox_dns.views.ZoneView.get page netbox_dns/urls.py:10\n"
            "GET zones/<int:pk>/changelog/ netbox_dns.views.ZoneChangeLogView.get page "
            "netbox_dns/urls.py:14\n"
            "GET zones/<int:pk>/delete/ netbox_dns.views.ZoneDeleteView.get page "
            "netbox_dns/urls.py:13\n"
            "POST zones/<int:pk>/delete/ netbox_dns.views.ZoneDeleteView.post page "
            "netbox_dns/urls.py:13\n"
            "GET zones/<int:pk>/edit/ netbox_dns.views.ZoneEditView.get page netbox_dns/urls.py:12\n"
            "POST zones/<int:pk>/edit/ netbox_dns.views.ZoneEditView.post page "
            "netbox_dns/urls.py:12\n"
            "GET zones/<int:pk>/records/ netbox_dns.views.ZoneRecordListView.get page "
            "netbox_dns/urls.py:11\n"
            "GET zones/delete/ netbox_dns.views.ZoneBulkDeleteView.get page netbox_dns/urls.py:9\n"
            "POST zones/delete/ netbox_dns.views.ZoneBulkDeleteView.post page "
            "netbox_dns/urls.py:9\n"
            "GET zones/import/ netbox_dns.views.ZoneBulkImportView.get page netbox_dns/urls.py:7\n"
            "POST zones/import/ netbox_dns.views.ZoneBulkImportView.post page "
            "netbox_dns/urls.py:7\n"
            "POST zones/rename/ netbox_dns.views.ZoneBulkRenameView.post page "
            "netbox_dns/urls.py:8\n");
}

// Django 5.0's LogoutView answers POST only (http_method_names), where 3.2's
// answered GET too (lutris, on Django 5.2: its logout page was counted GET and
// POST). The project's pinned release picks the behaviour; a subclass's own
// http_method_names still wins.
TEST(ViewsTest, LogoutViewFollowsTheProjectsDjangoRelease) {
  const std::map<std::string, std::string> sources = {
      {"config/urls.py", R"py(
from django.urls import path
from app import views

urlpatterns = [
    path("logout/", views.Logout.as_view()),
    path("bye/", views.Bye.as_view()),
]
)py"},
      {"app/__init__.py", ""},
      {"app/views.py", R"py(
from django.contrib.auth.views import LogoutView

class Logout(LogoutView):
    next_page = "/"

class Bye(LogoutView):
    http_method_names = ["get", "post"]
)py"}};
  const std::string get_and_post =
      "GET bye/ app.views.Bye.get page config/urls.py:7\n"
      "POST bye/ app.views.Bye.post page config/urls.py:7\n"
      "GET logout/ app.views.Logout.get page config/urls.py:6\n"
      "POST logout/ app.views.Logout.post page config/urls.py:6\n";
  const std::string post_only =
      "GET bye/ app.views.Bye.get page config/urls.py:7\n"
      "POST bye/ app.views.Bye.post page config/urls.py:7\n"
      "POST logout/ app.views.Logout.post page config/urls.py:6\n";
  auto walk = [&](const std::string& requirement) {
    RuleSet rules = DefaultRuleSet();
    if (!requirement.empty()) rules.django = *ParseSpecifier(requirement);
    Project p(sources, rules);
    return Dump(p.Walk("config.urls"));
  };
  EXPECT_EQ(walk(""), get_and_post);  // unpinned: the tables' Django 3.2
  EXPECT_EQ(walk("==4.2.16"), get_and_post);  // GET deprecated, still served
  EXPECT_EQ(walk(">=4.2,<5.0"), get_and_post);
  EXPECT_EQ(walk("==5.0.9"), post_only);
  EXPECT_EQ(walk(">=4.2"), post_only);
}

// Cadasta (djoser 1.1.5): UserView is a RetrieveUpdateAPIView, UserCreateView a
// CreateAPIView, SetPasswordView and the other action views post through
// ActionViewMixin; djoser 2's UserViewSet routes as a ModelViewSet (its @action
// routes, `me`, `set_password` and the rest, cannot be written in a table entry).
TEST(ViewsTest, DjoserViewsFromTheKnowledgeTables) {
  Project p({{"config/urls.py", R"py(
from django.urls import include, path
from rest_framework.routers import DefaultRouter
from accounts import views

router = DefaultRouter()
router.register("users", views.Users)

urlpatterns = [
    path("me/", views.Me.as_view()),
    path("register/", views.Register.as_view()),
    path("password/", views.SetPassword.as_view()),
    path("logout/", views.Logout.as_view()),
    path("", include(router.urls)),
]
)py"},
             {"accounts/__init__.py", ""},
             {"accounts/views.py", R"py(
from djoser import views as djoser_views

class Me(djoser_views.UserView): pass
class Register(djoser_views.UserCreateView): pass
class SetPassword(djoser_views.SetPasswordView): pass
class Logout(djoser_views.TokenDestroyView): pass
class Users(djoser_views.UserViewSet): pass
)py"}},
            DefaultRuleSet());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "POST logout/ accounts.views.Logout.post api config/urls.py:13\n"
            "GET me/ accounts.views.Me.get api config/urls.py:10\n"
            "PATCH me/ accounts.views.Me.patch api config/urls.py:10\n"
            "PUT me/ accounts.views.Me.put api config/urls.py:10\n"
            "POST password/ accounts.views.SetPassword.post api config/urls.py:12\n"
            "POST register/ accounts.views.Register.post api config/urls.py:11\n"
            "GET users/ accounts.views.Users.list api config/urls.py:7\n"
            "POST users/ accounts.views.Users.create api config/urls.py:7\n"
            "DELETE users/<pk>/ accounts.views.Users.destroy api config/urls.py:7\n"
            "GET users/<pk>/ accounts.views.Users.retrieve api config/urls.py:7\n"
            "PATCH users/<pk>/ accounts.views.Users.partial_update api config/urls.py:7\n"
            "PUT users/<pk>/ accounts.views.Users.update api config/urls.py:7\n");
}

TEST(ViewsTest, DrfApiViewsAndViewSetAsView) {
  Project p({{"config/urls.py", R"py(
from django.urls import path
from api import views
from config import detail_methods, list_methods

urlpatterns = [
    path("stats/", views.Stats.as_view()),
    path("orders/", views.Orders.as_view()),
    path("books/", views.BookViewSet.as_view({"get": "list", "post": "create"})),
    path("books/<int:pk>/", views.BookViewSet.as_view(actions={"get": "retrieve", "delete": "gone"})),
    path("nothing/", views.BookViewSet.as_view()),
    path("named/", views.BookViewSet.as_view(list_methods)),
    path("named/<int:pk>/", views.BookViewSet.as_view(actions=detail_methods)),
]
)py"},
             {"config/__init__.py", "from api.methods import detail_methods\nlist_methods = {'get': 'list'}\n"},
             {"api/views.py", R"py(
from rest_framework import generics, viewsets
from rest_framework.views import APIView

class Stats(APIView):
    def get(self, request):
        return Response({})

class Orders(generics.ListCreateAPIView):
    pass

class BookViewSet(viewsets.ModelViewSet):
    pass
)py"},
             {"api/methods.py", "detail_methods = {'get': 'retrieve', 'put': 'update'}\n"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "GET books/ api.views.BookViewSet.list api config/urls.py:9\n"
            "POST books/ api.views.BookViewSet.create api config/urls.py:9\n"
            "GET books/<int:pk>/ api.views.BookViewSet.retrieve api config/urls.py:10\n"
            "GET named/ api.views.BookViewSet.list api config/urls.py:12\n"
            "GET named/<int:pk>/ api.views.BookViewSet.retrieve api config/urls.py:13\n"
            "PUT named/<int:pk>/ api.views.BookViewSet.update api config/urls.py:13\n"
            "GET orders/ api.views.Orders.get api config/urls.py:8\n"
            "POST orders/ api.views.Orders.post api config/urls.py:8\n"
            "GET stats/ api.views.Stats.get api config/urls.py:7\n"
            "view-without-handlers config/urls.py:11 view api.views.BookViewSet: a ViewSet's "
            "as_view() needs its actions mapping\n");
}

TEST(ViewsTest, MethodDecoratorOnDispatchRestrictsHandlers) {
  Project p({{"config/urls.py", R"py(
from django.urls import path
from app.views import Named, OnDispatch
urlpatterns = [path("named/", Named.as_view()), path("dispatch/", OnDispatch.as_view())]
)py"},
             {"app/views.py", R"py(
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_http_methods
from django.views.generic import View

@method_decorator(csrf_exempt, name="dispatch")
@method_decorator(require_POST, name="dispatch")
class Named(View):
    def get(self, request):
        pass
    def post(self, request):
        pass

class OnDispatch(View):
    @method_decorator(require_http_methods(["GET", "DELETE"]))
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)
    def get(self, request):
        pass
    def post(self, request):
        pass
    def delete(self, request):
        pass
)py"}},
            UrlRules());
  EXPECT_EQ(Dump(p.Walk("config.urls")),
            "DELETE dispatch/ app.views.OnDispatch.delete page config/urls.py:4\n"
            "GET dispatch/ app.views.OnDispatch.get page config/urls.py:4\n"
            "POST named/ app.views.Named.post page config/urls.py:4\n");
}

TEST(ViewsTest, ResolveViewReportsExternalAndUnresolved) {
  Project p({{"app/urls.py", R"py(
from django.contrib.auth.views import LogoutView
from app.views import Page
)py"},
             {"app/views.py", "class Page:\n    pass\n"}},
            UrlRules());
  Expr external;
  external.kind = ExprKind::kCall;
  external.text = "LogoutView.as_view";
  ResolvedView v = ResolveView(*p.index, 0, external);
  EXPECT_EQ(v.status, ResolvedView::Status::kExternal);
  EXPECT_EQ(v.qualname, "django.contrib.auth.views.LogoutView");

  Expr bare;
  bare.kind = ExprKind::kName;
  bare.text = "Page";
  v = ResolveView(*p.index, 0, bare);
  EXPECT_EQ(v.status, ResolvedView::Status::kUnresolved);
  EXPECT_EQ(v.problem, "is a class used without as_view()");
}

}  // namespace
}  // namespace djcost
