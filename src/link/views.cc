#include "link/views.h"

#include <algorithm>
#include <array>

#include "link/models_resolve.h"
#include "util/strings.h"

namespace djcost {
namespace {

// Wrappers nest a few levels at most (csrf_exempt(require_POST(v))); more is a
// cycle through variables.
constexpr int kMaxDepth = 12;

// Classes whose construction is a JSON response, when the knowledge table does not
// tag them "returns-json".
constexpr std::array<std::string_view, 4> kJsonResponses = {
    "django.http.JsonResponse", "django.http.response.JsonResponse",
    "rest_framework.response.Response", "ninja.responses.Response"};

bool Contains(const std::vector<std::string>& v, std::string_view x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// Which methods a view may serve after decorators and wrappers: unrestricted
// until a restricting decorator names its methods (uppercase).
struct Restriction {
  bool restricted = false;
  std::set<std::string> methods;
  bool api = false;  // @api_view: a DRF view

  void Allow(const std::set<std::string>& allowed) {
    if (!restricted) {
      methods = allowed;
      restricted = true;
      return;
    }
    std::set<std::string> both;
    std::set_intersection(methods.begin(), methods.end(), allowed.begin(), allowed.end(),
                          std::inserter(both, both.begin()));
    methods = std::move(both);
  }
};

// Method names as written in a decorator argument: ["GET", "POST"] or ('get',).
bool MethodList(const Expr& e, std::set<std::string>* out) {
  if (e.kind != ExprKind::kList) return false;
  for (const Expr& item : e.items) {
    if (item.kind == ExprKind::kString) out->insert(Upper(item.text));
  }
  return true;
}

// The list argument of require_http_methods / api_view: first positional, or any
// keyword whose value is a list (request_method_list=, http_method_names=).
const Expr* MethodsArgument(const Expr& call) {
  if (call.kind != ExprKind::kCall) return nullptr;
  if (!call.items.empty()) return &call.items[0];
  for (const auto& [key, value] : call.keywords) {
    if (value.kind == ExprKind::kList) return &value;
  }
  return nullptr;
}

// kApiView restricts like DRF's @api_view and marks an API view; kMarksApi only
// marks one (django-jsonview's @json_view serialises any method's return value).
enum class Effect { kNone, kRestrict, kApiView, kMarksApi };

// What a decorator the tables know does: an "api-view" that does not also
// "restrict-methods" leaves the methods alone.
Effect KnownFunctionEffect(const KnownFunction& known, std::set<std::string>* fixed,
                           bool* from_argument) {
  bool restricts = known.HasTag("restrict-methods");
  if (known.HasTag("api-view")) {
    if (!restricts) return Effect::kMarksApi;
    *from_argument = true;
    return Effect::kApiView;
  }
  if (!restricts) return Effect::kNone;
  for (const auto& m : known.methods) fixed->insert(Upper(m));
  *from_argument = fixed->empty() || known.HasTag("methods-from-argument");
  return Effect::kRestrict;
}

// What a decorator (or a wrapper call's callee) named `callee` in `file` does.
// `fixed` receives the methods it allows when they do not come from an argument.
Effect DecoratorEffect(const ProjectIndex& index, int file, const std::string& callee,
                       std::set<std::string>* fixed, bool* from_argument) {
  *from_argument = false;
  fixed->clear();
  if (callee.empty()) return Effect::kNone;
  Symbol s = index.Resolve(file, callee);
  std::string qual = s.qualname;
  if (s.kind == Symbol::Kind::kExternal && !s.remainder.empty()) qual += "." + s.remainder;
  if (s.kind == Symbol::Kind::kExternal) {
    if (const KnownFunction* known = index.FindKnownFunction(qual)) {
      return KnownFunctionEffect(*known, fixed, from_argument);
    }
  } else if (s.kind != Symbol::Kind::kUnknown) {
    // A repo function or variable is no known decorator, unless the scan is the
    // package that defines it (Django's own require_GET).
    const KnownFunction* known = s.remainder.empty() ? index.FindKnownFunction(qual) : nullptr;
    if (!known || known->qualname != qual) return Effect::kNone;
    return KnownFunctionEffect(*known, fixed, from_argument);
  }
  // Without a knowledge-table entry: Django's and DRF's own names, also when the
  // name is not imported at all.
  std::string_view name = LastComponent(qual);
  bool django = s.kind == Symbol::Kind::kUnknown ||
                qual.rfind("django.views.decorators.http.", 0) == 0;
  bool drf = s.kind == Symbol::Kind::kUnknown || qual.rfind("rest_framework.decorators.", 0) == 0;
  if (django && name == "require_GET") {
    *fixed = {"GET"};
  } else if (django && name == "require_POST") {
    *fixed = {"POST"};
  } else if (django && name == "require_safe") {
    *fixed = {"GET", "HEAD"};
  } else if (django && name == "require_http_methods") {
    *from_argument = true;
  } else if (drf && name == "api_view") {
    *from_argument = true;
    return Effect::kApiView;
  } else {
    return Effect::kNone;
  }
  return Effect::kRestrict;
}

// Applies a decorator expression (`@require_POST`, `@api_view(["GET"])`).
void ApplyDecorator(const ProjectIndex& index, int file, const Expr& deco, Restriction* r) {
  const std::string& callee = deco.text;
  if (deco.kind != ExprKind::kName && deco.kind != ExprKind::kCall) return;
  std::set<std::string> fixed;
  bool from_argument = false;
  Effect effect = DecoratorEffect(index, file, callee, &fixed, &from_argument);
  if (effect == Effect::kNone) return;
  if (effect == Effect::kMarksApi) {
    r->api = true;
    return;
  }
  if (from_argument) {
    std::set<std::string> listed;
    const Expr* arg = MethodsArgument(deco);
    if (arg && MethodList(*arg, &listed)) {
      fixed = std::move(listed);
    } else if (effect == Effect::kApiView) {
      fixed = {"GET"};  // DRF's default: @api_view or @api_view()
    } else {
      return;  // methods we cannot read: leave the view unrestricted
    }
  }
  if (effect == Effect::kApiView) r->api = true;
  r->Allow(fixed);
}

// GET, POST, PUT, PATCH, DELETE, TRACE first, in Django's order; then others.
std::vector<std::string> OrderedMethods(const std::set<std::string>& methods) {
  std::vector<std::string> out;
  for (const auto& h : HandlerNames()) {
    if (methods.count(Upper(h))) out.push_back(Upper(h));
  }
  for (const auto& m : methods) {
    if (m == "HEAD" || m == "OPTIONS") continue;
    if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
  }
  return out;
}

ResolvedView Unresolved(std::string qualname, std::string problem) {
  ResolvedView v;
  v.status = ResolvedView::Status::kUnresolved;
  v.qualname = std::move(qualname);
  v.problem = std::move(problem);
  return v;
}

ResolvedView External(std::string target) {
  ResolvedView v;
  v.status = ResolvedView::Status::kExternal;
  v.qualname = std::move(target);
  return v;
}

// A function view's endpoints: ANY, or each method `r` allows (`restrictors`,
// the decorators or wrappers, named in the problem when they allow none).
void AddFunctionOperations(const Restriction& r, const std::string& handler, EndpointKind kind,
                           const char* restrictors, ResolvedView* v) {
  if (!r.restricted) {
    v->operations.push_back({"ANY", handler, kind});
    return;
  }
  for (const auto& m : OrderedMethods(r.methods)) v->operations.push_back({m, handler, kind});
  if (v->operations.empty()) {
    v->problem = std::string(restrictors) + " allow no countable HTTP method";
  }
}

const FunctionDef* MethodNamed(const ClassDef& cls, const std::string& name) {
  for (const FunctionDef& m : cls.methods) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

ResolvedView FunctionView(const ProjectIndex& index, int file, const FunctionDef& fn,
                          Restriction r) {
  for (const Expr& deco : fn.decorators) ApplyDecorator(index, file, deco, &r);
  ResolvedView v;
  v.status = ResolvedView::Status::kRepo;
  v.qualname = index.QualName(file, fn.scope, fn.name);
  v.file = file;
  v.line = fn.line;
  EndpointKind kind = r.api || ReturnsJson(index, file, fn) ? EndpointKind::kApi
                                                             : EndpointKind::kPage;
  AddFunctionOperations(r, fn.name, kind, "its decorators", &v);
  return v;
}

// The kind of one handler of a class-based view.
EndpointKind HandlerKind(const ProjectIndex& index, const std::string& cls,
                         const std::string& handler) {
  if (IsApiClass(index, cls)) return EndpointKind::kApi;
  // The handler itself, or the response hook Django's generic handlers end in.
  for (const std::string& name : {handler, std::string("render_to_response")}) {
    int f = -1;
    if (const FunctionDef* fn = FindMethod(index, cls, name, &f)) {
      if (ReturnsJson(index, f, *fn)) return EndpointKind::kApi;
    }
  }
  return EndpointKind::kPage;
}

bool IsMethodDecorator(const ProjectIndex& index, int file, const Expr& deco) {
  if (deco.kind != ExprKind::kCall || deco.items.empty()) return false;
  Symbol s = index.Resolve(file, deco.text);
  if (s.kind == Symbol::Kind::kUnknown) return deco.text == "method_decorator";
  if (s.kind != Symbol::Kind::kExternal) return false;
  if (const KnownFunction* k = index.FindKnownFunction(s.qualname)) {
    return k->HasTag("method-decorator");
  }
  return s.qualname == "django.utils.decorators.method_decorator";
}

// `@method_decorator(require_POST, name="dispatch")` on a class of the MRO, or
// `@method_decorator(require_POST)` on its dispatch(): restricts every handler.
void ApplyDispatchDecorators(const ProjectIndex& index, const std::string& cls, Restriction* r) {
  for (const auto& a : index.Ancestors(cls)) {
    int f = -1;
    const ClassDef* c = index.FindClass(a, &f);
    if (!c) continue;
    for (const Expr& deco : c->decorators) {
      const Expr* name = deco.Keyword("name");
      if (name && name->kind == ExprKind::kString && name->text == "dispatch" &&
          IsMethodDecorator(index, f, deco)) {
        ApplyDecorator(index, f, deco.items[0], r);
      }
    }
  }
  int f = -1;
  if (const FunctionDef* dispatch = FindMethod(index, cls, "dispatch", &f)) {
    for (const Expr& deco : dispatch->decorators) {
      if (IsMethodDecorator(index, f, deco)) ApplyDecorator(index, f, deco.items[0], r);
    }
  }
}


// The actions mapping of `ViewSet.as_view(...)` written in `file`: a dict in
// place, or a name bound to one (Tabbycat's `list_methods`).
const Expr* ActionsMapping(const ProjectIndex& index, int file, const Expr& as_view) {
  const Expr* actions = !as_view.items.empty() ? &as_view.items[0] : as_view.Keyword("actions");
  if (actions && actions->kind == ExprKind::kName && file >= 0) {
    int value_file = -1;
    actions = index.EvalValue(file, actions->text, &value_file);
  }
  return actions && actions->kind == ExprKind::kDict ? actions : nullptr;
}

ResolvedView ClassView(const ProjectIndex& index, int file, const Symbol& s, const Expr& as_view,
                       Restriction r) {
  ApplyDispatchDecorators(index, s.qualname, &r);
  ResolvedView v;
  v.status = ResolvedView::Status::kRepo;
  v.qualname = s.qualname;
  v.file = s.file;
  v.line = s.cls ? s.cls->line : 0;
  std::set<std::string> methods = index.Methods(s.qualname);
  std::optional<std::set<std::string>> allowed = HttpMethodNames(index, s.qualname, &as_view);
  auto permitted = [&](const std::string& lower) {
    if (allowed && !allowed->count(lower)) return false;
    return !r.restricted || r.methods.count(Upper(lower)) > 0;
  };

  // A ViewSet over a base the tables lack still says its methods in its
  // mapping: only a ViewSetMixin class takes one (onadata's OIDC viewset).
  const Expr* mapping = ActionsMapping(index, file, as_view);
  std::string unknown_base = mapping ? UnknownAncestor(index, s.qualname) : "";
  if (IsViewSet(index, s.qualname) || !unknown_base.empty()) {
    // ViewSet.as_view({"get": "list"}): each key is a method, each value an action.
    const Expr* actions = mapping;
    if (!actions) {
      v.problem = "a ViewSet's as_view() needs its actions mapping";
      return v;
    }
    for (const auto& [method, action] : actions->keywords) {
      std::string lower = Lower(method);
      if (action.kind != ExprKind::kString || lower == "head" || lower == "options") continue;
      // An action of an unknown base cannot be checked: the mapping says it is there.
      if ((unknown_base.empty() && !methods.count(action.text)) || !permitted(lower)) continue;
      v.operations.push_back({Upper(lower), action.text, EndpointKind::kApi});
    }
    if (v.operations.empty()) v.problem = "none of its mapped actions is defined";
    return v;
  }

  for (const auto& h : HandlerNames()) {
    if (!methods.count(h) || !permitted(h)) continue;
    v.operations.push_back({Upper(h), h, HandlerKind(index, s.qualname, h)});
  }
  if (v.operations.empty()) {
    std::string unknown = UnknownAncestor(index, s.qualname);
    if (!unknown.empty() && !allowed && !r.restricted) {
      // A base from a package the tables do not know may well define the
      // handlers: the route exists at runtime, so it is counted, as one endpoint.
      v.operations.push_back({"ANY", "dispatch", HandlerKind(index, s.qualname, "dispatch")});
      v.warning = "derives from " + unknown +
                  ", which the knowledge tables do not know: its HTTP methods are unknown, "
                  "counted as one endpoint (add the class to rules/knowledge)";
      return v;
    }
    // KPI's V1APIGoneView answers every method from http_method_not_allowed().
    const char* hook = FindMethod(index, s.qualname, "dispatch", nullptr) ? "dispatch()"
                       : FindMethod(index, s.qualname, "http_method_not_allowed", nullptr)
                           ? "http_method_not_allowed()"
                           : nullptr;
    if (hook && !allowed && !r.restricted) {
      // saleor's GraphQLView: a dispatch() of its own that branches on the method.
      v.operations.push_back({"ANY", "dispatch", HandlerKind(index, s.qualname, "dispatch")});
      v.warning_code = "dispatch-without-handlers";
      v.warning = std::string("overrides ") + hook +
                  " and defines no HTTP handler: which methods it serves is decided at runtime, "
                  "counted as one endpoint";
      return v;
    }
    v.problem = "the class defines no HTTP handler (get, post, put, patch, delete, trace)";
  }
  return v;
}

// A view class instance used as the view (`path("rss/", LatestFeed())`): Django
// calls the instance, so the route serves whatever method comes; syndication
// Feeds work this way.
ResolvedView CallableInstanceView(const ProjectIndex& index, const Symbol& s) {
  ResolvedView v;
  v.status = ResolvedView::Status::kRepo;
  v.qualname = s.qualname;
  v.file = s.file;
  v.line = s.cls ? s.cls->line : 0;
  bool feed = index.HasTag(s.qualname, "feed") || index.HasTag(s.qualname, "callable-view");
  int f = -1;
  const FunctionDef* call = FindMethod(index, s.qualname, "__call__", &f);
  if (!feed && !call) {
    v.problem = "is an instance of a class that defines no __call__";
    return v;
  }
  EndpointKind kind = call && ReturnsJson(index, f, *call) ? EndpointKind::kApi
                                                           : EndpointKind::kPage;
  v.operations.push_back({"ANY", "__call__", kind});
  return v;
}

// `path("404", error_view(404))` (pretalx): a repo function that defines a
// function inside it and is called without a view among its arguments returns
// that inner function as the view. A wrapper given a view (`my_wrapper(v)`) is
// followed to the view instead.
bool IsViewFactory(const ProjectIndex& index, const Symbol& s, const Expr& call) {
  if (!s.function || !s.function->scope.empty()) return false;
  for (const Expr& arg : call.items) {
    if (arg.kind == ExprKind::kName || arg.kind == ExprKind::kCall) return false;
  }
  for (const FunctionDef& fn : index.files()[s.file].functions) {
    if (fn.scope == s.function->name) return true;
  }
  return false;
}

ResolvedView FactoryView(const Symbol& s) {
  ResolvedView v;
  v.status = ResolvedView::Status::kRepo;
  v.qualname = s.qualname;
  v.file = s.file;
  v.line = s.function->line;
  v.operations.push_back({"ANY", s.function->name, EndpointKind::kPage});
  v.warning_code = "view-factory";
  v.warning = "returns a view it defines (a view factory): counted as one endpoint, ANY";
  return v;
}

// "f(X).as_view" (see data/expr.h): `extensions.get(ThreadListView).as_view()`
// (Misago's registry hands back the class, or a subclass a plugin extends) or
// `exclude_from_schema(RoleDetails, ...).as_view()` (InvenTree's factory
// subclasses it): counted as X's handlers, and said so.
ResolvedView ClassThroughCall(const ProjectIndex& index, int file, const Expr& view, size_t open,
                              Restriction r) {
  std::string function = view.text.substr(0, open);
  size_t close = view.text.find(')', open);
  std::string cls = view.text.substr(open + 1, close - open - 1);
  Symbol s = index.Resolve(file, cls + ".as_view");
  if (s.kind != Symbol::Kind::kClass || s.remainder != "as_view") {
    return Unresolved(function + "(" + cls + ")", "is a call whose view we cannot find");
  }
  ResolvedView v = ClassView(index, file, s, view, r);
  if (v.status == ResolvedView::Status::kRepo && v.warning.empty()) {
    v.warning_code = "view-through-call";
    v.warning = "comes from " + function + "(" + cls + "): counted as the class passed";
  }
  return v;
}

bool IsLambda(std::string_view text) {
  return text.size() > 6 && text.compare(0, 6, "lambda") == 0 &&
         (text[6] == ' ' || text[6] == ':' || text[6] == '\t');
}

// `re_path(r"^swagger\.json$", lambda request: redirect(...))`: a function view
// written in place, serving any method unless a wrapper restricts it.
ResolvedView LambdaView(const ProjectIndex& index, int file, const Expr& view, Restriction r) {
  ResolvedView v;
  v.status = ResolvedView::Status::kRepo;
  v.qualname = index.ModuleOf(file) + ".<lambda>";
  v.file = file;
  v.line = view.line;
  AddFunctionOperations(r, "<lambda>", r.api ? EndpointKind::kApi : EndpointKind::kPage,
                        "its wrappers", &v);
  return v;
}

// `schema_view = get_schema_view(...)` then `schema_view.with_ui("redoc")`
// (drf-yasg): a view a package's function made, so one defined outside the
// repository ("" when `s` is not such a method).
std::string MadeByPackage(const ProjectIndex& index, const Symbol& s) {
  if (s.kind != Symbol::Kind::kVariable || s.remainder.empty() || !s.value ||
      s.value->kind != ExprKind::kCall || s.value->text.empty()) {
    return "";
  }
  Symbol maker = index.Resolve(s.file, s.value->text);
  if (maker.kind != Symbol::Kind::kExternal) return "";
  return FullName(maker) + "()." + s.remainder;
}

// `path("openapi", get_schema_view(title=...))` (evennia): a package's function
// the tables tag "returns-view" made the view, so it is defined outside the
// repository.
bool ReturnsPackageView(const ProjectIndex& index, const Symbol& s) {
  if (s.kind != Symbol::Kind::kExternal || !s.remainder.empty()) return false;
  const KnownFunction* known = index.FindKnownFunction(s.qualname);
  return known && known->HasTag("returns-view");
}

// django-modern-rpc's views dispatch to the procedures the repository
// registers, over POST only (RpcServer.view is csrf_exempt(require_POST(...)),
// RPCEntryPoint handles post): one POST API endpoint of the repository, made
// where the server is (Kiwi TCMS's `xml_rpc_server = RpcServer(...)`), as a
// subclass of RPCEntryPoint written in the repository counts (Mathesar).
bool IsRpcEntryPoint(const ProjectIndex& index, const std::string& cls) {
  return index.HasTag(cls, "rpc-entry-point");
}

ResolvedView RpcEndpoint(std::string qualname, std::string handler, int file, int line) {
  ResolvedView v;
  v.status = ResolvedView::Status::kRepo;
  v.qualname = std::move(qualname);
  v.file = file;
  v.line = line;
  v.operations.push_back({"POST", std::move(handler), EndpointKind::kApi});
  return v;
}

ResolvedView ResolveViewAt(const ProjectIndex& index, int file, const Expr& view,
                           Restriction r, int depth) {
  if (depth > kMaxDepth) return Unresolved(view.text, "too many wrappers or aliases");
  if (view.kind == ExprKind::kCall) {
    if (size_t open = view.text.find('('); open != std::string::npos) {
      return ClassThroughCall(index, file, view, open, r);
    }
    Symbol s = index.Resolve(file, view.text);
    if (std::string made = MadeByPackage(index, s); !made.empty()) return External(made);
    if (ReturnsPackageView(index, s)) return External(s.qualname + "()");
    bool as_view = s.remainder == "as_view" || LastComponent(view.text) == "as_view";
    if (as_view) {
      if (s.kind == Symbol::Kind::kClass && s.remainder == "as_view") {
        return ClassView(index, file, s, view, r);
      }
      if (s.kind == Symbol::Kind::kExternal) {
        std::string target = s.qualname;
        if (s.remainder.empty() && EndsWith(target, ".as_view")) {
          target.resize(target.size() - std::string_view(".as_view").size());
        }
        if (IsRpcEntryPoint(index, target)) return RpcEndpoint(target, "post", file, view.line);
        return External(target);
      }
      return Unresolved(view.text, "names no class we can find");
    }
    if (s.kind == Symbol::Kind::kClass && s.remainder.empty()) {
      ResolvedView v = CallableInstanceView(index, s);
      if (v.operations.empty()) return Unresolved(s.qualname, v.problem);
      return v;
    }
    if (s.kind == Symbol::Kind::kFunction && s.remainder.empty() && IsViewFactory(index, s, view)) {
      return FactoryView(s);
    }
    // A wrapper applied in urls.py: csrf_exempt(v), require_POST(v), cache_page(60)(v).
    if (view.items.size() != 1 ||
        (view.items[0].kind != ExprKind::kName && view.items[0].kind != ExprKind::kCall &&
         !(view.items[0].kind == ExprKind::kOther && IsLambda(view.items[0].text)))) {
      return Unresolved(view.text.empty() ? "(call)" : view.text + "()",
                        "is a call we cannot follow to a view");
    }
    ApplyDecorator(index, file, view, &r);
    return ResolveViewAt(index, file, view.items[0], r, depth + 1);
  }
  if (view.kind == ExprKind::kOther && IsLambda(view.text)) return LambdaView(index, file, view, r);
  if (view.kind != ExprKind::kName) return Unresolved(view.text, "is not a view");
  Symbol s = index.Resolve(file, view.text);
  switch (s.kind) {
    case Symbol::Kind::kFunction:
      if (s.remainder.empty()) return FunctionView(index, s.file, *s.function, r);
      break;
    case Symbol::Kind::kVariable:
      // `home = HomeView.as_view()` in views.py, used as `views.home`.
      if (s.remainder.empty() && s.value) {
        return ResolveViewAt(index, s.file, *s.value, r, depth + 1);
      }
      // `json_rpc = RpcServer(...)` then `json_rpc.view` (Kiwi TCMS): a method of
      // a package's object, so a view defined outside the repository.
      if (s.value) {
        std::string cls = InstantiatedClass(index, s.file, *s.value);
        if ((s.remainder == "view" || s.remainder == "async_view") && !cls.empty() &&
            IsRpcEntryPoint(index, cls)) {
          return RpcEndpoint(s.qualname, s.remainder, s.file, s.value->line);
        }
        if (!cls.empty() && !index.FindClass(cls, nullptr)) return External(cls + "()." + s.remainder);
      }
      break;
    case Symbol::Kind::kClass:
      if (s.remainder.empty()) return Unresolved(s.qualname, "is a class used without as_view()");
      // `Pages.about`: in Python 3 a function read off its class is a plain
      // function (a classmethod comes bound), which Django calls with the request.
      if (const FunctionDef* fn = MethodNamed(*s.cls, s.remainder)) {
        return FunctionView(index, s.file, *fn, r);
      }
      break;
    case Symbol::Kind::kExternal:
      return External(FullName(s));
    case Symbol::Kind::kModule:
      return Unresolved(s.qualname, "is a module, not a view");
    default:
      break;
  }
  return Unresolved(s.qualname.empty() ? view.text : FullName(s), "names nothing we can find");
}

}  // namespace

std::string UnknownAncestor(const ProjectIndex& index, const std::string& cls) {
  for (const auto& a : index.Ancestors(cls)) {
    if (a == "object" || index.FindClass(a, nullptr) || index.FindKnownClass(a)) continue;
    return std::string(a);
  }
  return "";
}

const std::vector<std::string>& HandlerNames() {
  static const std::vector<std::string> kNames = {"get", "post", "put", "patch", "delete",
                                                  "trace"};
  return kNames;
}

ResolvedView ResolveView(const ProjectIndex& index, int file, const Expr& view) {
  return ResolveViewAt(index, file, view, Restriction{}, 0);
}

// The http_method_names a known ancestor of `cls` has in the project's Django
// release (Django 5.0's LogoutView: POST only), the nearest ancestor's first.
std::optional<std::set<std::string>> KnownHttpMethodNames(const ProjectIndex& index,
                                                          const std::string& cls) {
  const DjangoRelease& release = index.rules().django;
  if (!release.known()) return std::nullopt;
  for (const auto& a : index.Ancestors(cls)) {
    const KnownClass* known = index.FindKnownClass(a);
    if (!known) continue;
    for (auto change = known->changes.rbegin(); change != known->changes.rend(); ++change) {
      if (change->http_method_names.empty() || !release.AtLeast(change->django)) continue;
      return std::set<std::string>(change->http_method_names.begin(),
                                   change->http_method_names.end());
    }
  }
  return std::nullopt;
}

std::optional<std::set<std::string>> HttpMethodNames(const ProjectIndex& index,
                                                     const std::string& cls,
                                                     const Expr* as_view) {
  const Expr* value = nullptr;
  if (as_view) value = as_view->Keyword("http_method_names");
  if (!value) {
    if (const Assignment* a = index.FindAttribute(cls, "http_method_names", nullptr)) {
      value = &a->value;
    }
  }
  if (!value) return KnownHttpMethodNames(index, cls);
  if (value->kind != ExprKind::kList) return std::nullopt;
  std::set<std::string> names;
  for (const Expr& item : value->items) {
    if (item.kind == ExprKind::kString) names.insert(Lower(item.text));
  }
  return names;
}

bool ClassIs(const ProjectIndex& index, const std::string& cls, const std::string& tag,
             const std::vector<std::string>& qualnames) {
  if (index.HasTag(cls, tag)) return true;
  for (const auto& a : index.Ancestors(cls)) {
    if (Contains(qualnames, a)) return true;
  }
  return false;
}

bool IsInstanceOf(const ProjectIndex& index, const Symbol& variable, const std::string& tag,
                  const std::vector<std::string>& qualnames) {
  if (variable.kind != Symbol::Kind::kVariable || !variable.value) return false;
  std::string cls = InstantiatedClass(index, variable.file, *variable.value);
  return !cls.empty() && ClassIs(index, cls, tag, qualnames);
}

bool IsApiClass(const ProjectIndex& index, const std::string& cls) {
  return ClassIs(index, cls, "api",
                 {"rest_framework.views.APIView", "rest_framework.viewsets.ViewSetMixin"});
}

bool IsViewSet(const ProjectIndex& index, const std::string& cls) {
  return ClassIs(index, cls, "viewset", {"rest_framework.viewsets.ViewSetMixin"});
}

const FunctionDef* FindMethod(const ProjectIndex& index, const std::string& cls,
                              const std::string& method, int* file) {
  MethodSource source = index.NearestMethod(cls, method);
  if (source.function && file) *file = source.file;
  return source.function;
}

bool ReturnsJson(const ProjectIndex& index, int file, const FunctionDef& fn) {
  for (const CallSite& call : fn.calls) {
    if (call.callee.find("()") != std::string::npos) continue;
    Symbol s = index.Resolve(file, call.callee);
    if (!s.remainder.empty()) continue;
    if (s.kind == Symbol::Kind::kUnknown) {
      if (call.callee == "JsonResponse") return true;
      continue;
    }
    if (s.kind != Symbol::Kind::kExternal && s.kind != Symbol::Kind::kClass) continue;
    for (const auto& a : index.Ancestors(s.qualname)) {
      if (std::find(kJsonResponses.begin(), kJsonResponses.end(), a) != kJsonResponses.end()) {
        return true;
      }
      if (const KnownClass* k = index.FindKnownClass(a); k && k->HasTag("returns-json")) {
        return true;
      }
    }
    if (const KnownFunction* k = index.FindKnownFunction(s.qualname);
        k && k->HasTag("returns-json")) {
      return true;
    }
  }
  return false;
}

std::string InstantiatedClass(const ProjectIndex& index, int file, const Expr& call) {
  if (call.kind != ExprKind::kCall || call.text.empty()) return "";
  Symbol s = index.Resolve(file, call.text);
  if (s.kind == Symbol::Kind::kClass && s.remainder.empty()) return s.qualname;
  if (s.kind == Symbol::Kind::kExternal) {
    return FullName(s);
  }
  return "";
}

}  // namespace djcost
