// django-ninja: the operations of a NinjaAPI instance mounted with `api.urls`:
// functions decorated `@api.get("/p")`, `@router.post(...)`,
// `@api.api_operation(["GET", "POST"], "/p")`, and routers mounted with
// `api.add_router("/prefix", router)` (nested, imported or named by a dotted
// string). Input: ProjectIndex and the API variable; output: NinjaExpansion.
#pragma once

#include <string>
#include <vector>

#include "data/diagnostic.h"
#include "link/project_index.h"
#include "link/views.h"

namespace djcost {

/// One route of a ninja API, relative to where `api.urls` is mounted (see
/// NinjaRoute() in urls_route.h for the form), with every operation on it.
struct NinjaPath {
  std::string route;
  std::string name;   // url_name= of the first operation naming one
  /// One ResolvedView per decorated function on this route, each with an
  /// operation per method; all are API endpoints.
  std::vector<ResolvedView> views;
  std::vector<Location> locations;  // the decorator of each view
};

struct NinjaExpansion {
  std::vector<NinjaPath> paths;  // in the order ninja registers them
  std::vector<Diagnostic> diagnostics;
};

/// True when `variable` is bound to a NinjaAPI instance (the "ninja-api" tag,
/// ninja.NinjaAPI, or a repo subclass).
bool IsNinjaApi(const ProjectIndex& index, const Symbol& variable);

NinjaExpansion ExpandNinja(const ProjectIndex& index, const Symbol& api);

}  // namespace djcost
