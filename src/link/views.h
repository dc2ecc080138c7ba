// What a view in a URL pattern serves: the HTTP methods its dispatch accepts, the
// handler for each, and whether it is an API endpoint or a page. Covers function
// views (method-restricting decorators, @api_view, wrappers applied in urls.py),
// class-based views (.as_view(), http_method_names, method_decorator on dispatch),
// DRF ViewSet.as_view({...}) and APIView.
// Input: a ProjectIndex and the view expression as written; output: ResolvedView.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "data/expr.h"
#include "data/file_facts.h"
#include "data/inventory.h"
#include "link/project_index.h"

namespace djcost {

/// One HTTP method a view serves and the function or method that serves it.
struct ViewOperation {
  std::string method;   // GET, POST, PUT, PATCH, DELETE, TRACE or ANY
  std::string handler;  // "get", "list", "publish"; the function's name for ANY
  EndpointKind kind = EndpointKind::kPage;
};

struct ResolvedView {
  enum class Status {
    kRepo,        // defined in the repository: `operations` are its endpoints
    kExternal,    // defined outside the repository: listed, not counted
    kUnresolved,  // names nothing we can find
  };
  Status status = Status::kUnresolved;
  std::string qualname;  // the view function or class; for kExternal the target
  int file = -1;         // the defining file of a repo view
  int line = 0;
  std::vector<ViewOperation> operations;  // empty for a repo class with no handler
  std::string problem;  // why it is unresolved, or why a repo view serves nothing
  std::string warning;  // a doubt about `operations` worth a diagnostic
  std::string warning_code = "unknown-view-base";
};

/// The view `view` written in a url pattern of `file` (the second argument of
/// path()). Wrappers such as `csrf_exempt(v)` or `require_POST(v)` are unwrapped,
/// names bound to `X.as_view()` elsewhere are followed.
ResolvedView ResolveView(const ProjectIndex& index, int file, const Expr& view);

/// HTTP handler method names Django's View.dispatch looks up, in its order; head
/// and options are implied by Django and never counted.
const std::vector<std::string>& HandlerNames();

/// The lowercase methods a class restricts itself to via `http_method_names`
/// (the class or a repo ancestor), or `as_view(http_method_names=[...])` when
/// `as_view` is given; nullopt when unrestricted or not readable.
std::optional<std::set<std::string>> HttpMethodNames(const ProjectIndex& index,
                                                     const std::string& cls,
                                                     const Expr* as_view);

/// True when the class is a DRF view (a known ancestor tagged "api").
bool IsApiClass(const ProjectIndex& index, const std::string& cls);

/// True when the class (or an ancestor) is a DRF viewset.
bool IsViewSet(const ProjectIndex& index, const std::string& cls);

/// The first ancestor of `cls` that is neither a repo class nor a known class
/// (a third-party base the tables lack), or "".
std::string UnknownAncestor(const ProjectIndex& index, const std::string& cls);

/// The repo definition of `method` nearest in the class's MRO (the function an
/// alias such as `put = post` names), or nullptr when the nearest definition is
/// a known class's or there is none (sets *file).
const FunctionDef* FindMethod(const ProjectIndex& index, const std::string& cls,
                              const std::string& method, int* file);

/// True when the function's body builds a JSON response (JsonResponse, DRF
/// Response, or a subclass of either), resolving callees in `file`.
bool ReturnsJson(const ProjectIndex& index, int file, const FunctionDef& fn);

/// The class a call like `DefaultRouter()` or `NinjaAPI(...)` instantiates, as a
/// qualified name, or "" when the callee is not a class.
std::string InstantiatedClass(const ProjectIndex& index, int file, const Expr& call);

/// True when `cls` or an ancestor has `tag`, or is one of `qualnames`.
bool ClassIs(const ProjectIndex& index, const std::string& cls, const std::string& tag,
             const std::vector<std::string>& qualnames);

/// True when `variable` is a module-level name bound to an instance of a class
/// ClassIs accepts (`api = NinjaAPI()`, `v1 = Api(api_name="v1")`).
bool IsInstanceOf(const ProjectIndex& index, const Symbol& variable, const std::string& tag,
                  const std::vector<std::string>& qualnames);

}  // namespace djcost
