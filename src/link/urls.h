// Walks the URLconf graph from ROOT_URLCONF (or every urlpatterns when no settings
// are found) into endpoints: include() prefixes, DRF routers, django-ninja and tastypie APIs,
// class-based views' handlers, method-restricting decorators, API/page kind.
// Input: ProjectIndex, Settings, Apps; output: UrlInventory.
#pragma once

#include <vector>

#include "data/inventory.h"
#include "link/apps.h"
#include "link/project_index.h"
#include "link/settings.h"

namespace djcost {

struct UrlInventory {
  std::vector<Endpoint> endpoints;            // sorted, each (route, method) once
  std::vector<ExternalRoute> external_routes;  // listed, not counted
  bool fallback = false;  // no ROOT_URLCONF: every urlpatterns in the repo was walked
  std::vector<Diagnostic> diagnostics;  // unresolved views, includes that lead nowhere
};

/// Routes are written as Django joins them: each level's pattern text appended
/// to its include()'s. Normalisations (so one route reads the same whichever way
/// it was declared):
/// - re_path()/url() levels lose one leading '^', and an endpoint's pattern one
///   unescaped trailing '$' (see RouteLevel in urls_route.h); `^books/$` under
///   `api/` reads `api/books/`.
/// - DRF router routes read `books/<pk>/` instead of DRF's regex (routers.h).
/// - django-ninja routes read `<id>` / `<int:id>` for `{id}` / `{int:id}` (ninja.h).
/// - tastypie resources read `v1/entry/` and `v1/entry/<pk>/` (tastypie.h).
/// - i18n_patterns() adds no language prefix; format_suffix_patterns() twins,
///   DefaultRouter's API root, static(), ninja's docs and tastypie's index,
///   schema/ and set/ routes are not endpoints.
///
/// What is counted: (route, method) pairs whose view is defined in the repo. A
/// view defined outside it (`LoginView.as_view()`, `TemplateView.as_view(...)`
/// used directly, `django.views.static.serve`) becomes an ExternalRoute with
/// reason "view defined outside the repository"; third-party includes and admin
/// sites are ExternalRoutes too. The first pattern with a given route serves it,
/// as in Django: later ones are dropped with a "shadowed-route" diagnostic.
/// Endpoint.location is the path() call (router.register() for router routes,
/// the decorator for ninja operations); view_location the view's definition.
UrlInventory WalkUrls(const ProjectIndex& index, const Settings& settings, const Apps& apps);

/// WalkUrls without app attribution when `apps` is null (every `app` is "").
UrlInventory WalkUrlsWith(const ProjectIndex& index, const Settings& settings, const Apps* apps);

}  // namespace djcost
