// Test helpers for the URL walk: a tiny project built from inline Python
// sources (extracted for real), a hand-made RuleSet with the Django, DRF and
// ninja entries the tests need, and dumps of the walk one item per line.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "data/rule_set.h"
#include "extract/extract.h"
#include "link/apps.h"
#include "link/project_index.h"
#include "link/settings.h"
#include "link/urls.h"

namespace djcost::testing {

inline KnownClass Class(std::string qualname, std::vector<std::string> bases,
                        std::vector<std::string> methods, std::vector<std::string> tags,
                        std::vector<std::string> aliases = {}) {
  KnownClass k;
  k.qualname = std::move(qualname);
  k.bases = std::move(bases);
  k.methods = std::move(methods);
  k.tags = std::move(tags);
  k.aliases = std::move(aliases);
  return k;
}

inline KnownFunction Function(std::string qualname, std::vector<std::string> methods,
                              std::vector<std::string> tags,
                              std::vector<std::string> aliases = {}) {
  KnownFunction f;
  f.qualname = std::move(qualname);
  f.methods = std::move(methods);
  f.tags = std::move(tags);
  f.aliases = std::move(aliases);
  return f;
}

/// The few knowledge-table entries the URL tests rely on, shaped like rules/knowledge.
inline RuleSet UrlRules() {
  RuleSet r;
  const std::string v = "django.views.generic.";
  r.classes = {
      Class(v + "base.View", {}, {"options"}, {"view"}, {"django.views.View", v + "View"}),
      Class(v + "base.TemplateView", {v + "base.View"}, {"get"}, {"view", "page"},
            {v + "TemplateView"}),
      Class(v + "base.RedirectView", {v + "base.View"},
            {"get", "post", "put", "patch", "delete", "head", "options"}, {"view", "page"},
            {v + "RedirectView"}),
      Class(v + "edit.ProcessFormView", {v + "base.View"}, {"get", "post", "put"}, {"view"}),
      Class(v + "edit.FormView", {v + "edit.ProcessFormView"}, {}, {"view", "page"},
            {v + "FormView"}),
      Class("django.contrib.auth.views.LoginView", {v + "edit.FormView"}, {}, {"view", "page"}),
      Class("rest_framework.views.APIView", {v + "base.View"}, {"options"}, {"view", "api"}),
      Class("rest_framework.generics.GenericAPIView", {"rest_framework.views.APIView"}, {},
            {"view", "api"}),
      Class("rest_framework.generics.ListCreateAPIView",
            {"rest_framework.generics.GenericAPIView"}, {"get", "post"}, {"view", "api"}),
      Class("rest_framework.mixins.ListModelMixin", {}, {"list"}, {"mixin"}),
      Class("rest_framework.mixins.RetrieveModelMixin", {}, {"retrieve"}, {"mixin"}),
      Class("rest_framework.mixins.CreateModelMixin", {}, {"create"}, {"mixin"}),
      Class("rest_framework.mixins.UpdateModelMixin", {}, {"update", "partial_update"},
            {"mixin"}),
      Class("rest_framework.mixins.DestroyModelMixin", {}, {"destroy"}, {"mixin"}),
      Class("rest_framework.viewsets.ViewSetMixin", {}, {}, {"viewset", "api", "mixin"}),
      Class("rest_framework.viewsets.ViewSet",
            {"rest_framework.viewsets.ViewSetMixin", "rest_framework.views.APIView"}, {},
            {"view", "api", "viewset"}),
      Class("rest_framework.viewsets.GenericViewSet",
            {"rest_framework.viewsets.ViewSetMixin", "rest_framework.generics.GenericAPIView"},
            {}, {"view", "api", "viewset"}),
      Class("rest_framework.viewsets.ReadOnlyModelViewSet",
            {"rest_framework.mixins.RetrieveModelMixin", "rest_framework.mixins.ListModelMixin",
             "rest_framework.viewsets.GenericViewSet"},
            {}, {"view", "api", "viewset"}),
      Class("rest_framework.viewsets.ModelViewSet",
            {"rest_framework.mixins.CreateModelMixin", "rest_framework.mixins.RetrieveModelMixin",
             "rest_framework.mixins.UpdateModelMixin", "rest_framework.mixins.DestroyModelMixin",
             "rest_framework.mixins.ListModelMixin", "rest_framework.viewsets.GenericViewSet"},
            {}, {"view", "api", "viewset"}),
      Class("rest_framework.routers.BaseRouter", {}, {}, {"router"}),
      Class("rest_framework.routers.SimpleRouter", {"rest_framework.routers.BaseRouter"}, {},
            {"router"}),
      Class("rest_framework.routers.DefaultRouter", {"rest_framework.routers.SimpleRouter"}, {},
            {"router"}),
      Class("django.contrib.admin.sites.AdminSite", {}, {}, {"admin-site"},
            {"django.contrib.admin.AdminSite"}),
  };
  const std::string http = "django.views.decorators.http.";
  r.functions = {
      Function(http + "require_http_methods", {}, {"restrict-methods", "methods-from-argument"}),
      Function(http + "require_GET", {"GET"}, {"restrict-methods"}),
      Function(http + "require_POST", {"POST"}, {"restrict-methods"}),
      Function(http + "require_safe", {"GET", "HEAD"}, {"restrict-methods"}),
      Function("rest_framework.decorators.api_view", {"GET"},
               {"api-view", "restrict-methods", "methods-from-argument"}),
      Function("rest_framework.decorators.action", {"GET"}, {"viewset-action"}),
      Function("django.urls.conf.path", {}, {"url-pattern"}, {"django.urls.path"}),
      Function("django.urls.conf.re_path", {}, {"url-pattern"}, {"django.urls.re_path"}),
      Function("django.conf.urls.url", {}, {"url-pattern"}),
      Function("django.urls.conf.include", {}, {"include"},
               {"django.urls.include", "django.conf.urls.include"}),
      Function("django.conf.urls.static.static", {}, {"static-urls"}),
      Function("django.conf.urls.i18n.i18n_patterns", {}, {"i18n-patterns"}),
  };
  return r;
}

/// A project made of inline sources, extracted with the real extractor.
struct Project {
  std::vector<FileFacts> files;
  RuleSet rules;
  std::unique_ptr<ProjectIndex> index;

  /// `markers`: the manage.py files discovery would find (a scan of a package
  /// folder, like Django's own source, has none).
  Project(const std::map<std::string, std::string>& sources, RuleSet r,
          std::vector<std::string> markers = {"manage.py"})
      : rules(std::move(r)) {
    static PythonParser parser;
    for (const auto& [path, text] : sources) {
      SourceFile file;
      file.path = path;
      file.size = text.size();
      if (path.find("tests") != std::string::npos) file.kind = FileKind::kTest;
      if (path.find("/migrations/") != std::string::npos) file.kind = FileKind::kMigration;
      files.push_back(ExtractFile(file, text, parser));
    }
    index = std::make_unique<ProjectIndex>(files, rules, markers);
  }

  UrlInventory Walk(const std::string& root_urlconf) const {
    Settings settings;
    settings.root_urlconf.value = root_urlconf;
    return WalkUrlsWith(*index, settings, nullptr);
  }
};

inline std::string Dump(const Endpoint& e) {
  std::string view = e.view;
  if (std::string(LastComponent(e.view)) != e.handler) view += "." + e.handler;
  return e.method + " " + e.route + " " + view + " " +
         (e.kind == EndpointKind::kApi ? "api" : "page") + " " + e.location.path + ":" +
         std::to_string(e.location.line);
}

/// Endpoints, then external routes, then diagnostics, one per line.
inline std::string Dump(const UrlInventory& urls) {
  std::string out;
  for (const auto& e : urls.endpoints) out += Dump(e) + "\n";
  for (const auto& x : urls.external_routes) {
    out += "external " + (x.route.empty() ? std::string("''") : x.route) + " " + x.target +
           " (" + x.reason + ") " + x.location.path + ":" + std::to_string(x.location.line) +
           "\n";
  }
  for (const auto& d : urls.diagnostics) {
    out += d.code + " " + d.location.path + ":" + std::to_string(d.location.line) + " " +
           d.message + "\n";
  }
  return out;
}

}  // namespace djcost::testing
