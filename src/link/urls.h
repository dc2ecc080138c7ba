// Walks the URLconf graph from ROOT_URLCONF (or every urlpatterns when no settings
// are found) into endpoints: include() prefixes, DRF routers, django-ninja APIs,
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

UrlInventory WalkUrls(const ProjectIndex& index, const Settings& settings, const Apps& apps);

}  // namespace djcost
