// DRF routers: finds a router instance's registrations anywhere in the project
// (`router.register(prefix, ViewSet, basename=...)`, `router.registry.extend(...)`)
// and expands them as SimpleRouter.get_routes does: list, extra list actions,
// detail, extra detail actions, each with the methods the viewset provides.
// Input: ProjectIndex and the router variable; output: RouterExpansion.
#pragma once

#include <deque>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "data/diagnostic.h"
#include "link/project_index.h"
#include "link/views.h"

namespace djcost {

/// One URL pattern a router generates, relative to where its urls are mounted.
///
/// Routes are written readably rather than as DRF's regexes: the lookup group
/// `(?P<pk>[^/.]+)` is written `<pk>` (named by the viewset's lookup_url_kwarg,
/// else lookup_field, else pk), so `^books/(?P<pk>[^/.]+)/$` reads `books/<pk>/`.
/// The trailing slash follows the router's `trailing_slash`. The API-root view
/// of DefaultRouter and the format-suffix twins are not generated.
struct RouterRoute {
  std::string route;
  std::string name;   // "book-list", "book-detail", "book-publish"
  ResolvedView view;  // the viewset and the operations this route serves
  Location location;  // the register() call
};

struct RouterExpansion {
  std::vector<RouterRoute> routes;
  std::vector<Diagnostic> diagnostics;
};

/// True when `variable` is a module-level name bound to an instance of a DRF
/// router class (known "router" tag, DRF's router classes, or a repo subclass).
bool IsRouter(const ProjectIndex& index, const Symbol& variable);

/// A module-level assignment and the file it is in.
struct AssignmentRef {
  int file = -1;
  const Assignment* assignment = nullptr;
};

/// Every `.register(...)` and `.registry.extend(...)` statement of the project,
/// by the module-level variable it is called on. Each call is resolved once, not
/// once per router: every app names its router `router`.
class RouterCalls {
 public:
  explicit RouterCalls(const ProjectIndex& index);
  /// The calls made on `variable`, in no particular order; none when it is not
  /// a plain module-level variable.
  const std::vector<CallRef>& On(const Symbol& variable) const;
  /// `x = variable.register(...)` at module level (drf-extensions returns an
  /// item whose own register() nests under the registration).
  const std::vector<AssignmentRef>& AssignedFrom(const Symbol& variable) const;
  /// Registrations made inside module-level functions on a parameter the router
  /// is passed as (DefectDojo: `v2_api = add_finding_urls(v2_api)` where
  /// `def add_finding_urls(router): router.register(...)`).
  std::vector<CallRef> InFunctionsPassed(const Symbol& variable) const;

 private:
  using FunctionKey = std::pair<int, std::string>;  // defining file, function name
  std::map<std::pair<int, std::string>, std::vector<CallRef>> by_variable_;
  std::map<std::pair<int, std::string>, std::vector<AssignmentRef>> assigned_from_;
  // function -> its register calls on a name its module does not bind
  std::map<FunctionKey, std::vector<CallRef>> in_functions_;
  // router variable -> (function, parameter) it is passed as, at module level
  std::map<std::pair<int, std::string>, std::vector<std::pair<FunctionKey, std::string>>> passed_to_;
  // Registrations in a loop over a list djcost can read, one per item, with
  // the loop's names bound (`for prefix, viewset in ROUTES: router.register(...)`).
  std::deque<CallStatement> unrolled_;
  void NotePassed(const ProjectIndex& index, int file, const Expr& call);
  std::vector<CallRef> Unroll(const ProjectIndex& index, const CallRef& ref);
  const CallStatement* CopiedRegistry(const CallStatement& call);
};

/// Every route of the router `variable`, registrations in the router's own file
/// first (source order), then those made in other files.
RouterExpansion ExpandRouter(const ProjectIndex& index, const RouterCalls& calls,
                             const Symbol& variable);

}  // namespace djcost
