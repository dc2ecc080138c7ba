// django-tastypie: the resources an `Api` instance mounts with `api.urls`
// (`v1_api = Api(api_name="v1")`, `v1_api.register(EntryResource())`), and a
// resource mounted alone with `include(EntryResource().urls)`, expanded as
// tastypie's Api.urls and Resource.urls build their patterns.
// Input: ProjectIndex, the register calls and the Api or resource variable;
// output: routes in the form of a DRF router's (RouterExpansion).
#pragma once

#include "link/project_index.h"
#include "link/routers.h"

namespace djcost {

/// True when `variable` is bound to an instance of tastypie's Api (or a
/// subclass): its `.urls` are the registered resources' patterns.
bool IsTastypieApi(const ProjectIndex& index, const Symbol& variable);

/// The repo class of a tastypie resource instance `variable` is bound to
/// (`entry_resource = EntryResource()`), or "".
std::string TastypieResourceClass(const ProjectIndex& index, const Symbol& variable);

/// The routes of every resource registered on `api`, relative to where
/// `api.urls` is included: `<api_name>/<resource_name>/` (the list: GET, POST,
/// PUT, PATCH and DELETE as the resource's Meta allows) and
/// `<api_name>/<resource_name>/<pk>/` (the detail: the same but POST, which
/// tastypie answers 501), after the routes the resource's `prepend_urls()`
/// returns, each an ANY endpoint of the method `self.wrap_view("...")` names.
/// Not endpoints of the project, as DRF's API root is not: the Api's top-level
/// index and each resource's generated `schema/` and `set/<pks>/` routes.
RouterExpansion ExpandTastypieApi(const ProjectIndex& index, const RouterCalls& calls,
                                  const Symbol& api);

/// The routes of one resource class mounted on its own (`include(r.urls)`):
/// as above, without the api name.
RouterExpansion ExpandTastypieResource(const ProjectIndex& index, const std::string& cls,
                                       const Location& at);

}  // namespace djcost
