#include "link/routers.h"

#include <algorithm>
#include <optional>
#include <set>
#include <tuple>

#include "link/models_resolve.h"
#include "link/static_string.h"
#include "link/loop_calls.h"
#include "util/strings.h"

namespace djcost {
namespace {

const std::vector<std::string> kRouterClasses = {"rest_framework.routers.BaseRouter",
                                                 "rest_framework.routers.SimpleRouter",
                                                 "rest_framework.routers.DefaultRouter"};

struct Registration {
  int file = -1;
  const Expr* call = nullptr;  // router.register(prefix, viewset, ...)
  int line = 0;
  std::string nest;  // drf-extensions: "projects/<parent_lookup_slug>/" above it
};

// An @action method (or an old @detail_route / @list_route).
struct ExtraAction {
  std::string name;  // the method's name
  bool detail = false;
  std::string url_path;
  std::string url_name;
  // method (lowercase) -> handler; @<action>.mapping.<method> adds entries.
  std::vector<std::pair<std::string, std::string>> mapping;
};

constexpr std::string_view kRegister = ".register";
constexpr std::string_view kRegistryExtend = ".registry.extend";

// The variable a call is made on: `router` of `router.register(...)`, of
// `router.registry.extend(...)`; "" for other calls.
std::string_view CalledOn(const CallStatement& c) {
  std::string_view callee = c.call.text;
  if (EndsWith(callee, kRegister)) return callee.substr(0, callee.size() - kRegister.size());
  if (EndsWith(callee, kRegistryExtend) && c.call.items.size() == 1) {
    return callee.substr(0, callee.size() - kRegistryExtend.size());
  }
  return {};
}

// The string items of a list expression (parents_query_lookups=["project__slug"]).
std::vector<std::string> StringItems(const Expr* list) {
  std::vector<std::string> out;
  if (!list || list->kind != ExprKind::kList) return out;
  for (const Expr& item : list->items) out.push_back(item.kind == ExprKind::kString ? item.text : "?");
  return out;
}

// drf-extensions' NestedRouterMixin: `projects = router.register("projects", ...)`
// registers, and `projects.register("versions", ..., parents_query_lookups=["project__slug"])`
// registers "projects/<parent_lookup_project__slug>/versions" on the same router.
// `parents` holds the prefixes of the registrations `variable` is nested in.
void CollectNested(const RouterCalls& router_calls, const Symbol& variable,
                   const std::vector<std::string>& parents, int depth,
                   std::vector<Registration>* out) {
  constexpr int kMaxNesting = 8;
  if (depth > kMaxNesting) return;
  auto nest_of = [&](const Expr& call, const std::vector<std::string>& chain) {
    std::vector<std::string> lookups = StringItems(call.Keyword("parents_query_lookups"));
    std::string nest;
    for (size_t k = 0; k < chain.size(); ++k) {
      std::string lookup = k < lookups.size() ? lookups[k] : "?";
      nest += chain[k] + "/<parent_lookup_" + lookup + ">/";
    }
    return nest;
  };
  if (depth > 0) {  // calls made on a registration item, not on the router itself
    for (const CallRef& ref : router_calls.On(variable)) {
      if (!EndsWith(ref.call->call.text, kRegister)) continue;
      out->push_back({ref.file, &ref.call->call, ref.call->line, nest_of(ref.call->call, parents)});
    }
  }
  for (const AssignmentRef& a : router_calls.AssignedFrom(variable)) {
    const Expr& call = a.assignment->value;
    out->push_back({a.file, &call, a.assignment->line, nest_of(call, parents)});
    const Expr* prefix = Argument(call, 0, "prefix");
    if (!prefix || prefix->kind != ExprKind::kString) continue;
    std::vector<std::string> chain = parents;
    chain.push_back(prefix->text);
    Symbol item;
    item.kind = Symbol::Kind::kVariable;
    item.file = a.file;
    item.variable = a.assignment->target;
    item.value = &call;
    CollectNested(router_calls, item, chain, depth + 1, out);
  }
}

void CollectRegistrations(const ProjectIndex& index, const RouterCalls& router_calls,
                          const Symbol& router, std::set<std::pair<int, std::string>>* seen,
                          std::vector<Registration>* out) {
  if (!seen->insert({router.file, router.variable}).second) return;
  // In source order, the router's own file first: the order its module runs in.
  std::vector<CallRef> calls = router_calls.On(router);
  // Stable: a loop's registrations share its line and keep the items' order.
  auto rank = [&](const CallRef& c) {
    return std::make_tuple(c.file != router.file, c.file, c.call->line);
  };
  std::stable_sort(calls.begin(), calls.end(),
                   [&](const CallRef& a, const CallRef& b) { return rank(a) < rank(b); });
  for (const CallRef& ref : calls) {
    const CallStatement& c = *ref.call;
    if (EndsWith(c.call.text, kRegister)) {
      out->push_back({ref.file, &c.call, c.line, ""});
      continue;
    }
    const Expr& arg = c.call.items[0];
    if (arg.kind != ExprKind::kName || !EndsWith(arg.text, ".registry")) continue;
    Symbol other = index.Resolve(ref.file, arg.text.substr(0, arg.text.size() - 9));
    if (IsRouter(index, other)) CollectRegistrations(index, router_calls, other, seen, out);
  }
  for (const CallRef& ref : router_calls.InFunctionsPassed(router)) {
    if (EndsWith(ref.call->call.text, kRegister)) {
      out->push_back({ref.file, &ref.call->call, ref.call->line, ""});
    }
  }
  CollectNested(router_calls, router, {}, 0, out);
}

bool IsActionDecorator(const ProjectIndex& index, int file, const Expr& deco, bool* detail) {
  if (deco.kind != ExprKind::kName && deco.kind != ExprKind::kCall) return false;
  Symbol s = index.Resolve(file, deco.text);
  std::string qual = s.qualname;
  if (s.kind == Symbol::Kind::kExternal) {
    if (const KnownFunction* k = index.FindKnownFunction(qual)) {
      if (!k->HasTag("viewset-action")) {
        return false;
      }
      qual = k->qualname;  // action, or the older detail_route / list_route
    }
  } else if (s.kind != Symbol::Kind::kUnknown && s.kind != Symbol::Kind::kFunction) {
    return false;
  }
  std::string_view name = LastComponent(qual);
  // A repo function of DRF's name: a copy of DRF's decorators (taiga's
  // detail_route and list_route), which routers read the same way.
  bool drf = s.kind == Symbol::Kind::kUnknown || s.kind == Symbol::Kind::kFunction ||
             qual.rfind("rest_framework.", 0) == 0;
  if (!drf) return false;
  if (name == "detail_route") {
    *detail = true;
    return true;
  }
  if (name == "list_route") {
    *detail = false;
    return true;
  }
  if (name != "action") return false;
  const Expr* d = deco.Keyword("detail");
  *detail = d && d->kind == ExprKind::kTrue;
  return true;
}

// The extra actions of a viewset, nearest definition of each name winning, as
// DRF's get_extra_actions() finds them on the class.
std::vector<ExtraAction> ExtraActions(const ProjectIndex& index, const std::string& cls) {
  std::vector<ExtraAction> actions;
  std::set<std::string> seen;
  struct Mapped {
    std::string action, method, handler;
  };
  std::vector<Mapped> mapped;
  for (const auto& a : index.Ancestors(cls)) {
    int f = -1;
    const ClassDef* c = index.FindClass(a, &f);
    if (!c) continue;
    for (auto m = c->methods.rbegin(); m != c->methods.rend(); ++m) {
      for (const Expr& deco : m->decorators) {
        // @publish.mapping.delete
        std::string_view text = deco.text;
        size_t at = text.find(".mapping.");
        if (deco.kind == ExprKind::kName && at != std::string_view::npos) {
          mapped.push_back({std::string(text.substr(0, at)),
                            Lower(std::string(text.substr(at + 9))), m->name});
        }
      }
      if (!seen.insert(m->name).second) continue;
      for (const Expr& deco : m->decorators) {
        bool detail = false;
        if (!IsActionDecorator(index, f, deco, &detail)) continue;
        ExtraAction act;
        act.name = m->name;
        act.detail = detail;
        act.url_path = m->name;
        act.url_name = m->name;
        std::replace(act.url_name.begin(), act.url_name.end(), '_', '-');
        if (const Expr* p = deco.Keyword("url_path")) {
          // A path djcost cannot read keeps its expression, marked unread as
          // path() routes are (KPI's f-string of a module pattern).
          if (!EvalString(index, -1, f, *p, &act.url_path)) act.url_path = "{" + p->text + "}";
        }
        if (const Expr* n = deco.Keyword("url_name"); n && n->kind == ExprKind::kString) {
          act.url_name = n->text;
        }
        const Expr* methods = deco.Keyword("methods");
        if (methods && methods->kind == ExprKind::kList) {
          for (const Expr& item : methods->items) {
            if (item.kind == ExprKind::kString) act.mapping.push_back({Lower(item.text), m->name});
          }
        } else {
          act.mapping.push_back({"get", m->name});
        }
        actions.push_back(std::move(act));
        break;
      }
    }
  }
  for (const auto& m : mapped) {
    for (auto& act : actions) {
      if (act.name == m.action) act.mapping.push_back({m.method, m.handler});
    }
  }
  std::sort(actions.begin(), actions.end(),
            [](const ExtraAction& x, const ExtraAction& y) { return x.name < y.name; });
  return actions;
}

std::string StringAttribute(const ProjectIndex& index, const std::string& cls,
                            std::string_view attribute) {
  const Assignment* a = index.FindAttribute(cls, attribute, nullptr);
  return a && a->value.kind == ExprKind::kString ? a->value.text : "";
}

// DRF's default basename: the queryset's model name, lowercased.
std::string BasenameFromQueryset(const ProjectIndex& index, const std::string& cls) {
  const Assignment* a = index.FindAttribute(cls, "queryset", nullptr);
  if (!a || a->value.text.empty()) return "";
  std::string text = a->value.text;  // "Book.objects.all" or "models.Book.objects"
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t dot = text.find('.', start);
    parts.push_back(text.substr(start, dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  auto objects = std::find(parts.begin(), parts.end(), "objects");
  if (objects != parts.end() && objects != parts.begin()) return Lower(*(objects - 1));
  return Lower(parts.front());
}

using Mapping = std::vector<std::pair<std::string, std::string>>;

// Method -> action pairs a router subclass adds to SimpleRouter's list route
// (routes[0]) and detail route (routes[2]) in its __init__, as NetBox's router
// does for bulk operations: `self.routes[0].mapping.update({"put": "bulk_update"})`.
struct RouteMappings {
  Mapping list;
  Mapping detail;
};

// The same bulk updates made by a known router, whose __init__ djcost does not
// read: the tag "router-bulk" stands for them (netbox-bgp: `NetBoxRouter()`
// imported from the installed NetBox).
void KnownMappingUpdates(const KnownClass& known, RouteMappings* out) {
  if (!known.HasTag("router-bulk")) return;
  out->list.insert(out->list.end(), {{"put", "bulk_update"},
                                     {"patch", "bulk_partial_update"},
                                     {"delete", "bulk_destroy"}});
}

RouteMappings MappingUpdates(const ProjectIndex& index, const std::string& router_class) {
  RouteMappings out;
  if (router_class.empty()) return out;
  for (const auto& a : index.Ancestors(router_class)) {
    int f = -1;
    const ClassDef* c = index.FindClass(a, &f);
    if (!c) {
      if (const KnownClass* known = index.FindKnownClass(a)) KnownMappingUpdates(*known, &out);
      continue;
    }
    std::string scope = (c->scope.empty() ? c->name : c->scope + "." + c->name) + ".__init__";
    for (const CallStatement& call : index.files()[f].calls) {
      const Expr& e = call.call;
      if (call.scope != scope || e.items.size() != 1 || e.items[0].kind != ExprKind::kDict) continue;
      Mapping* target = nullptr;
      if (e.text == "self.routes[0].mapping.update") target = &out.list;
      if (e.text == "self.routes[2].mapping.update") target = &out.detail;
      if (!target) continue;
      for (const auto& [method, action] : e.items[0].keywords) {
        if (action.kind == ExprKind::kString) target->push_back({Lower(method), action.text});
      }
    }
  }
  return out;
}

// One entry of a router class's own `routes` list (DRF's "custom routers"):
// `Route(url=r"^{prefix}/add/$", mapping={...}, name=..., detail=...)`, or a
// `DynamicRoute(url=..., detail=...)` that places the @actions of that kind.
struct RouteTemplate {
  std::string url;  // "{prefix}/{lookup}/delete" after the anchors are dropped
  Mapping mapping;
  std::string name;  // "{basename}-list", "{basename}_{url_name}"
  bool detail = false;
  bool dynamic = false;
};

// The routes of DRF's SimpleRouter (also `routes = SimpleRouter.routes + [...]`),
// with the mapping updates a router subclass makes in its __init__.
std::vector<RouteTemplate> DefaultRoutes(const RouteMappings& extra = {}) {
  Mapping list = {{"get", "list"}, {"post", "create"}};
  list.insert(list.end(), extra.list.begin(), extra.list.end());
  Mapping detail = {{"get", "retrieve"}, {"put", "update"}, {"patch", "partial_update"},
                    {"delete", "destroy"}};
  detail.insert(detail.end(), extra.detail.begin(), extra.detail.end());
  return {{"{prefix}{trailing_slash}", std::move(list), "{basename}-list", false, false},
          {"{prefix}/{url_path}{trailing_slash}", {}, "{basename}-{url_name}", false, true},
          {"{prefix}/{lookup}{trailing_slash}", std::move(detail), "{basename}-detail", true, false},
          {"{prefix}/{lookup}/{url_path}{trailing_slash}", {}, "{basename}-{url_name}", true, true}};
}

// DRF 3.8+'s Route and DynamicRoute, and the DynamicListRoute and
// DynamicDetailRoute of older routers (taiga's copy of DRF 2.4's), whose Route
// has no `detail` (a url with {lookup} is one).
bool ReadRouteTemplate(const Expr& call, RouteTemplate* out) {
  std::string_view kind = LastComponent(call.text);
  bool old_list = kind == "DynamicListRoute", old_detail = kind == "DynamicDetailRoute";
  out->dynamic = kind == "DynamicRoute" || old_list || old_detail;
  if (call.kind != ExprKind::kCall || (kind != "Route" && !out->dynamic)) return false;
  const Expr* url = Argument(call, 0, "url");
  const Expr* mapping = out->dynamic ? nullptr : Argument(call, 1, "mapping");
  const Expr* name = Argument(call, out->dynamic ? 1 : 2, "name");
  const Expr* detail = old_list || old_detail ? nullptr : Argument(call, out->dynamic ? 2 : 3, "detail");
  if (!url || url->kind != ExprKind::kString ||
      (detail && detail->kind != ExprKind::kTrue && detail->kind != ExprKind::kFalse) ||
      (kind == "DynamicRoute" && !detail) ||
      (!out->dynamic && (!mapping || mapping->kind != ExprKind::kDict))) {
    return false;
  }
  out->url = url->text;
  if (!out->url.empty() && out->url.front() == '^') out->url.erase(0, 1);
  if (!out->url.empty() && out->url.back() == '$') out->url.pop_back();
  out->detail = detail ? detail->kind == ExprKind::kTrue
                       : old_detail || out->url.find("{lookup}") != std::string::npos;
  if (name && name->kind == ExprKind::kString) out->name = name->text;
  if (mapping) {
    for (const auto& [method, action] : mapping->keywords) {
      if (action.kind == ExprKind::kString) out->mapping.push_back({Lower(method), action.text});
    }
  }
  return true;
}

// The router class's own `routes` (itself or a repo ancestor), read into
// templates; nullopt when it keeps DRF's. A list djcost cannot read keeps DRF's
// routes and says so.
std::optional<std::vector<RouteTemplate>> CustomRoutes(const ProjectIndex& index,
                                                        const std::string& router_class,
                                                        const Location& loc,
                                                        std::vector<Diagnostic>* diagnostics) {
  if (router_class.empty()) return std::nullopt;
  int file = -1;
  const Assignment* routes = index.FindAttribute(router_class, "routes", &file);
  if (!routes) return std::nullopt;
  std::vector<ListItem> items;
  index.ExpandList(file, routes->value, &items);
  std::vector<RouteTemplate> out;
  for (const ListItem& item : items) {
    const Expr& e = *item.expr;
    RouteTemplate t;
    if (ReadRouteTemplate(e, &t)) {
      out.push_back(std::move(t));
    } else if (e.kind == ExprKind::kName && EndsWith(e.text, ".routes")) {
      for (RouteTemplate& d : DefaultRoutes()) out.push_back(std::move(d));  // SimpleRouter.routes
    } else {
      diagnostics->push_back({Severity::kWarning, "router-routes-unread", loc,
                              "router " + router_class +
                                  " sets its own routes, which djcost cannot read: DRF's "
                                  "default routes are used"});
      return std::nullopt;
    }
  }
  return out;
}

// A route template filled in: `{prefix}/{lookup}/delete{trailing_slash}`.
std::string FillRoute(std::string url, const std::string& prefix, const std::string& lookup,
                      const std::string& url_path, const std::string& trailing_slash) {
  auto replace = [&](std::string_view key, const std::string& value) {
    for (size_t at = url.find(key); at != std::string::npos; at = url.find(key, at + value.size())) {
      url.replace(at, key.size(), value);
    }
  };
  replace("{prefix}", prefix);
  replace("{lookup}", "<" + lookup + ">");
  replace("{url_path}", url_path);
  replace("{methodname}", url_path);  // older routers
  replace("{trailing_slash}", trailing_slash);
  if (prefix.empty() && !url.empty() && url.front() == '/') url.erase(0, 1);
  return url;
}

// The URL kwarg of a viewset's detail routes, as DRF's get_lookup_regex names
// it: lookup_url_kwarg, else lookup_field, else pk.
std::string LookupKwarg(const ProjectIndex& index, const std::string& viewset) {
  std::string lookup = StringAttribute(index, viewset, "lookup_url_kwarg");
  if (lookup.empty()) lookup = StringAttribute(index, viewset, "lookup_field");
  return lookup.empty() ? "pk" : lookup;
}

void ExpandRegistration(const ProjectIndex& index, const Registration& reg,
                        const std::string& trailing_slash,
                        const std::vector<RouteTemplate>& routes, bool custom_routes,
                        const std::string& nest, RouterExpansion* out) {
  const FileFacts& facts = index.files()[reg.file];
  const Expr& call = *reg.call;
  Location loc{facts.file.path, reg.line, 0};
  const Expr* prefix_expr = Argument(call, 0, "prefix");
  const Expr* viewset_expr = Argument(call, 1, "viewset");
  const Expr* basename_expr = Argument(call, 2, "basename");
  if (!basename_expr) basename_expr = call.Keyword("base_name");
  std::string registered;  // a literal, or a module-level string (DefectDojo's `path`)
  if (!prefix_expr || !EvalString(index, -1, reg.file, *prefix_expr, &registered)) {
    out->diagnostics.push_back({Severity::kWarning, "unresolved-route", loc,
                                "router.register() prefix is not a string we can read"});
    return;
  }
  const std::string prefix = nest + reg.nest + registered;
  Symbol s;
  if (viewset_expr && viewset_expr->kind == ExprKind::kName) {
    s = index.Resolve(reg.file, viewset_expr->text);
  }
  if (s.kind == Symbol::Kind::kExternal) {
    RouterRoute r;
    r.route = FillRoute("{prefix}{trailing_slash}", prefix, "", "", trailing_slash);
    r.view.status = ResolvedView::Status::kExternal;
    r.view.qualname = FullName(s);
    r.location = loc;
    out->routes.push_back(std::move(r));
    return;
  }
  if (s.kind != Symbol::Kind::kClass || !s.remainder.empty()) {
    std::string what = viewset_expr ? viewset_expr->text : "(missing)";
    out->diagnostics.push_back({Severity::kWarning, "unresolved-view", loc,
                                "router.register() viewset " + what + " names no class we can find"});
    return;
  }

  const std::string& cls = s.qualname;
  std::set<std::string> methods = index.Methods(cls);
  // A viewset whose viewset base the tables lack (Argus' drf-rw-serializers
  // ModelViewSet) misses the actions that base brings: one named like a DRF
  // viewset is read as that viewset. Unknown mixins beside a known viewset
  // base (etools' SafeTenantViewSetMixin) are left alone.
  std::string unknown = IsViewSet(index, cls) ? "" : UnknownAncestor(index, cls);
  std::string assumed;
  if (!unknown.empty()) {
    std::string drf = "rest_framework.viewsets." + std::string(LastComponent(unknown));
    if (index.FindKnownClass(drf)) {
      std::set<std::string> more = index.Methods(drf);
      methods.insert(more.begin(), more.end());
      assumed = drf;
    }
    out->diagnostics.push_back(
        {Severity::kWarning, "unknown-view-base", loc,
         "viewset " + cls + " derives from " + unknown +
             ", which the knowledge tables do not know: " +
             (assumed.empty() ? "only the actions the repository writes are routed"
                              : "routed with the actions of " + assumed + ", whose name it shares") +
             " (add the class to rules/knowledge)"});
  }
  std::optional<std::set<std::string>> allowed = HttpMethodNames(index, cls, nullptr);
  std::string lookup = LookupKwarg(index, cls);
  std::string basename = basename_expr && basename_expr->kind == ExprKind::kString
                             ? basename_expr->text
                             : BasenameFromQueryset(index, cls);
  std::vector<ExtraAction> actions = ExtraActions(index, cls);

  size_t before = out->routes.size();
  // `name`: a template such as "{basename}-list"; no basename, no name.
  auto add = [&](const std::string& route, const std::string& name, const std::string& url_name,
                 const std::vector<std::pair<std::string, std::string>>& mapping,
                 bool need_method) {
    RouterRoute r;
    r.route = route;
    if (!basename.empty()) {
      r.name = name;
      for (auto [key, value] : {std::pair<std::string_view, const std::string*>{"{basename}", &basename},
                                {"{url_name}", &url_name},
                                {"{methodnamehyphen}", &url_name}}) {
        for (size_t at = r.name.find(key); at != std::string::npos; at = r.name.find(key)) {
          r.name.replace(at, key.size(), *value);
        }
      }
    }
    r.location = loc;
    r.view.status = ResolvedView::Status::kRepo;
    r.view.qualname = cls;
    r.view.file = s.file;
    r.view.line = s.cls->line;
    std::set<std::string> done;
    for (const auto& [method, action] : mapping) {
      if (need_method && !methods.count(action)) continue;
      if (method == "head" || method == "options" || !done.insert(method).second) continue;
      if (allowed && !allowed->count(method)) continue;
      r.view.operations.push_back({Upper(method), action, EndpointKind::kApi});
    }
    if (!r.view.operations.empty()) out->routes.push_back(std::move(r));
  };
  // Each route keeps the mapping entries whose action the viewset has; a
  // dynamic one stands for each @action of its kind (list or detail).
  for (const RouteTemplate& t : routes) {
    if (!t.dynamic) {
      add(FillRoute(t.url, prefix, lookup, "", trailing_slash), t.name, "", t.mapping, true);
      continue;
    }
    for (const auto& act : actions) {
      if (act.detail != t.detail) continue;
      add(FillRoute(t.url, prefix, lookup, act.url_path, trailing_slash), t.name, act.url_name,
          act.mapping, false);
    }
  }
  if (!custom_routes && out->routes.size() == before && unknown.empty()) {
    out->diagnostics.push_back(
        {Severity::kWarning, "view-without-handlers", loc,
         "viewset " + cls + " provides no action a router can route (list, create, retrieve, "
                            "update, partial_update, destroy or @action)"});
  }
}

bool IsNestedRouter(const ProjectIndex& index, const Symbol& router) {
  if (!router.value || router.value->kind != ExprKind::kCall) return false;
  std::string cls = InstantiatedClass(index, router.file, *router.value);
  return !cls.empty() &&
         ClassIs(index, cls, "router-nested", {"rest_framework_nested.routers.NestedMixin"});
}

// The router a nested router is built on (its first argument), if one we know.
std::optional<Symbol> ParentRouter(const ProjectIndex& index, const Symbol& router) {
  const Expr* parent = Argument(*router.value, 0, "parent_router");
  if (!parent || parent->kind != ExprKind::kName) return std::nullopt;
  Symbol p = index.Resolve(router.file, parent->text);
  if (!IsRouter(index, p)) return std::nullopt;
  return p;
}

// The viewset class `router` registers at `prefix`, or "".
std::string ViewsetAt(const ProjectIndex& index, const RouterCalls& calls, const Symbol& router,
                      const std::string& prefix) {
  for (const CallRef& ref : calls.On(router)) {
    const Expr& call = ref.call->call;
    if (!EndsWith(call.text, kRegister)) continue;
    const Expr* registered = Argument(call, 0, "prefix");
    const Expr* viewset = Argument(call, 1, "viewset");
    if (!registered || registered->kind != ExprKind::kString || registered->text != prefix ||
        !viewset || viewset->kind != ExprKind::kName) {
      continue;
    }
    Symbol s = index.Resolve(ref.file, viewset->text);
    if (s.kind == Symbol::Kind::kClass && s.remainder.empty()) return s.qualname;
  }
  return "";
}

// drf-nested-routers: `NestedSimpleRouter(parent, "domains", lookup="domain")`
// serves its registrations under "domains/<domain_pk>/", after the parent's own
// nesting; the kwarg ends in the parent viewset's lookup (opencve's
// `<organization_name>` for `lookup_field = "name"`), as the parent router's
// get_lookup_regex writes it. "" for any other router.
std::string NestedPrefix(const ProjectIndex& index, const RouterCalls& calls, const Symbol& router,
                         int depth) {
  if (depth > 8 || !IsNestedRouter(index, router)) return "";
  const Expr& call = *router.value;
  const Expr* parent_prefix = Argument(call, 1, "parent_prefix");
  const Expr* lookup = call.Keyword("lookup");
  std::optional<Symbol> parent = ParentRouter(index, router);
  std::string outer = parent ? NestedPrefix(index, calls, *parent, depth + 1) : "";
  std::string lookup_name = lookup && lookup->kind == ExprKind::kString
                                ? lookup->text
                                : "nested_" + std::to_string(depth + 1);
  bool own_read = parent_prefix && parent_prefix->kind == ExprKind::kString;
  std::string own = own_read ? parent_prefix->text : "{parent_prefix}";
  std::string parent_viewset = parent && own_read ? ViewsetAt(index, calls, *parent, own) : "";
  std::string kwarg = parent_viewset.empty() ? "pk" : LookupKwarg(index, parent_viewset);
  std::string nest = own + "/<" + lookup_name + "_" + kwarg + ">/";
  if (own.empty()) nest.erase(0, 1);
  return outer + nest;
}

// The trailing slash of a router's routes: "" when its `trailing_slash`
// argument is false, as DRF tests it (a literal, a module constant, or timed's
// `settings.APPEND_SLASH`), "/" otherwise or when unknown; a nested router
// without one copies its parent's (NestedMixin.__init__).
std::string TrailingSlash(const ProjectIndex& index, const Symbol& router, int depth = 0) {
  const Expr* ts = router.value ? router.value->Keyword("trailing_slash") : nullptr;
  if (!ts && depth < 8 && IsNestedRouter(index, router)) {
    if (std::optional<Symbol> parent = ParentRouter(index, router)) {
      return TrailingSlash(index, *parent, depth + 1);
    }
  }
  return ts && index.ValueTruth(router.file, *ts) == 0 ? "" : "/";
}

// A router class copied into the repository rather than imported (taiga keeps
// DRF 2.4's routers in taiga/base/routers.py): a repo class named *Router with
// register() and get_urls() routes like DRF's SimpleRouter.
bool IsVendoredRouter(const ProjectIndex& index, const std::string& cls) {
  if (!index.FindClass(cls, nullptr) || !EndsWith(LastComponent(cls), "Router")) return false;
  std::set<std::string> methods = index.Methods(cls);
  return methods.count("register") > 0 && methods.count("get_urls") > 0;
}

}  // namespace

bool IsRouter(const ProjectIndex& index, const Symbol& variable) {
  if (variable.kind != Symbol::Kind::kVariable || !variable.value) return false;
  std::string cls = InstantiatedClass(index, variable.file, *variable.value);
  return !cls.empty() &&
         (ClassIs(index, cls, "router", kRouterClasses) || IsVendoredRouter(index, cls));
}

RouterCalls::RouterCalls(const ProjectIndex& index) {
  const auto& files = index.files();
  for (int f = 0; f < static_cast<int>(files.size()); ++f) {
    for (const Assignment& a : files[f].assignments) {
      const Expr& v = a.value;
      if (v.kind != ExprKind::kCall || a.augmented || !EndsWith(v.text, kRegister) ||
          !index.GuardHolds(f, a.guard)) {
        continue;
      }
      std::string_view on = std::string_view(v.text).substr(0, v.text.size() - kRegister.size());
      const Symbol& s = index.ResolveMemo(f, on);
      if (s.kind == Symbol::Kind::kVariable && s.remainder.empty()) {
        assigned_from_[{s.file, s.variable}].push_back({f, &a});
      }
    }
  }
  for (const char* name : {"register", "extend"}) {
    for (const CallRef& ref : index.CallsNamed(name)) {
      std::string_view on = CalledOn(*ref.call);
      if (on.empty() || !index.GuardHolds(ref.file, ref.call->guard)) continue;
      const Symbol& s = index.ResolveMemo(ref.file, on);
      if (s.kind == Symbol::Kind::kVariable && s.remainder.empty()) {
        std::vector<CallRef> unrolled = ref.call->loop ? Unroll(index, ref) : std::vector<CallRef>{};
        if (unrolled.empty()) unrolled.push_back(ref);
        auto& calls = by_variable_[{s.file, s.variable}];
        calls.insert(calls.end(), unrolled.begin(), unrolled.end());
      } else if (s.kind == Symbol::Kind::kUnknown && !ref.call->scope.empty() &&
                 ref.call->scope.find('.') == std::string::npos &&
                 on.find('.') == std::string::npos) {
        in_functions_[{ref.file, ref.call->scope}].push_back(ref);  // perhaps a parameter
      }
    }
  }
  if (in_functions_.empty()) return;
  for (int f = 0; f < static_cast<int>(files.size()); ++f) {
    for (const Assignment& a : files[f].assignments) {
      if (a.value.kind == ExprKind::kCall) NotePassed(index, f, a.value);
    }
    for (const CallStatement& c : files[f].calls) {
      if (c.scope.empty()) NotePassed(index, f, c.call);
    }
  }
}

// `for prefix, viewset in ROUTES: router.register(prefix, viewset)` and
// `for route in meeting_routes + other_routes: router.register(*route)`: one
// registration per item of a list djcost can read, the loop's names bound to
// it; none (the loop's call stays as written) when any item does not fit.
std::vector<CallRef> RouterCalls::Unroll(const ProjectIndex& index, const CallRef& ref) {
  std::vector<CallRef> out;
  if (const CallStatement* copy = CopiedRegistry(*ref.call)) {
    out.push_back({ref.file, copy});
    return out;
  }
  for (UnrolledCall& u : UnrollLoopCall(index, ref.file, *ref.call)) {
    // The item's names (the viewsets) are resolved where the item is written,
    // and a route from another module is reported there.
    if (u.item_file != ref.file) u.call.line = u.item_line;
    unrolled_.push_back(std::move(u.call));
    out.push_back({u.item_file, &unrolled_.back()});
  }
  return out;
}

// `for prefix, viewset, basename in v3.registry: v4.register(prefix, viewset,
// basename)` (CourtListener's v4 API): v3's registrations copied, as
// `v4.registry.extend(v3.registry)` would. A condition on the items inside the
// loop is not read: a registration copied twice shadows itself.
const CallStatement* RouterCalls::CopiedRegistry(const CallStatement& call) {
  const LoopContext& loop = *call.loop;
  const Expr& iterable = loop.iterable;
  if (iterable.kind != ExprKind::kName || !EndsWith(iterable.text, ".registry")) return nullptr;
  std::vector<std::string> names = Split(loop.variable, ',');
  const Expr& c = call.call;
  if (names.size() < 2 || c.items.size() > names.size() || c.items.size() < 2) return nullptr;
  for (size_t i = 0; i < c.items.size(); ++i) {
    if (c.items[i].kind != ExprKind::kName || c.items[i].text != names[i]) return nullptr;
  }
  CallStatement copy = call;
  copy.loop = Boxed<LoopContext>();
  copy.call.text = std::string(CalledOn(call)) + ".registry.extend";
  copy.call.items = {iterable};
  copy.call.keywords = {};
  unrolled_.push_back(std::move(copy));
  return &unrolled_.back();
}

// `add_finding_urls(v2_api)`: a router passed to a module-level repo function.
void RouterCalls::NotePassed(const ProjectIndex& index, int file, const Expr& call) {
  if (call.text.empty()) return;
  for (size_t i = 0; i < call.items.size(); ++i) {
    const Expr& arg = call.items[i];
    if (arg.kind != ExprKind::kName) continue;
    const Symbol& router = index.ResolveMemo(file, arg.text);
    if (!IsRouter(index, router)) continue;
    Symbol fn = index.Resolve(file, call.text);
    if (fn.kind != Symbol::Kind::kFunction || !fn.remainder.empty() || !fn.function->scope.empty() ||
        i >= fn.function->parameters.size()) {
      continue;
    }
    FunctionKey key{fn.file, fn.function->name};
    if (!in_functions_.count(key)) continue;
    passed_to_[{router.file, router.variable}].emplace_back(key, fn.function->parameters[i]);
  }
}

std::vector<CallRef> RouterCalls::InFunctionsPassed(const Symbol& variable) const {
  std::vector<CallRef> out;
  auto it = passed_to_.find({variable.file, variable.variable});
  if (it == passed_to_.end()) return out;
  for (const auto& [function, parameter] : it->second) {
    for (const CallRef& ref : in_functions_.at(function)) {
      if (CalledOn(*ref.call) == parameter) out.push_back(ref);
    }
  }
  return out;
}

const std::vector<AssignmentRef>& RouterCalls::AssignedFrom(const Symbol& variable) const {
  static const std::vector<AssignmentRef> kNone;
  if (variable.kind != Symbol::Kind::kVariable || !variable.remainder.empty()) return kNone;
  auto it = assigned_from_.find({variable.file, variable.variable});
  return it == assigned_from_.end() ? kNone : it->second;
}

const std::vector<CallRef>& RouterCalls::On(const Symbol& variable) const {
  static const std::vector<CallRef> kNone;
  if (variable.kind != Symbol::Kind::kVariable || !variable.remainder.empty()) return kNone;
  auto it = by_variable_.find({variable.file, variable.variable});
  return it == by_variable_.end() ? kNone : it->second;
}

RouterExpansion ExpandRouter(const ProjectIndex& index, const RouterCalls& calls,
                             const Symbol& variable) {
  RouterExpansion out;
  Symbol router = variable;
  router.remainder.clear();
  std::string trailing_slash = TrailingSlash(index, router);
  std::set<std::pair<int, std::string>> seen;
  std::vector<Registration> registrations;
  CollectRegistrations(index, calls, router, &seen, &registrations);
  std::string router_class =
      router.value ? InstantiatedClass(index, router.file, *router.value) : "";
  Location at{index.files()[router.file].file.path, router.value ? router.value->line : 0, 0};
  std::optional<std::vector<RouteTemplate>> custom =
      CustomRoutes(index, router_class, at, &out.diagnostics);
  std::vector<RouteTemplate> routes =
      custom ? std::move(*custom) : DefaultRoutes(MappingUpdates(index, router_class));
  std::string nest = NestedPrefix(index, calls, router, 0);
  for (const auto& reg : registrations) {
    ExpandRegistration(index, reg, trailing_slash, routes, custom.has_value(), nest, &out);
  }
  return out;
}

}  // namespace djcost
