#include "link/tastypie.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>

#include "link/static_string.h"
#include "link/urls_route.h"
#include "link/views.h"
#include "util/strings.h"

namespace djcost {
namespace {

const std::vector<std::string> kApiClasses = {"tastypie.api.Api"};
const std::vector<std::string> kResourceClasses = {"tastypie.resources.Resource"};

// Meta chains deeper than this are cycles.
constexpr int kMaxMetaDepth = 16;

// ResourceOptions' default allowed_methods.
const std::vector<std::string> kAllMethods = {"get", "post", "put", "delete", "patch"};

const char* kRegister = ".register";

bool IsResourceClass(const ProjectIndex& index, const std::string& cls) {
  return !cls.empty() && ClassIs(index, cls, "tastypie-resource", kResourceClasses);
}

// The value of option `name` of `cls`'s Meta, as tastypie reads
// `getattr(cls.Meta, name)`: the class's own Meta and the Metas it subclasses
// (`class Meta(Base.Meta)`), else the Meta a base class holds. Sets *file to
// the file the value is written in.
const Expr* MetaOption(const ProjectIndex& index, const std::string& cls, std::string_view name,
                       int* file, int depth = 0) {
  if (depth > kMaxMetaDepth) return nullptr;
  int f = -1;
  const ClassDef* c = index.FindClass(cls, &f);
  if (!c) return nullptr;
  if (!c->has_meta) {
    for (const std::string& base : index.BasesOf(f, *c)) {
      if (const Expr* v = MetaOption(index, base, name, file, depth + 1)) return v;
    }
    return nullptr;
  }
  for (auto it = c->meta.rbegin(); it != c->meta.rend(); ++it) {
    if (it->target == name && !it->augmented) {
      *file = f;
      return &it->value;
    }
  }
  for (const Expr& base : c->meta_bases) {
    if (base.kind != ExprKind::kName) continue;
    Symbol owner = index.Resolve(f, base.text);
    if (owner.kind != Symbol::Kind::kClass) continue;
    if (owner.remainder == "Meta") {  // `class Meta(BaseResource.Meta)`
      if (const Expr* v = MetaOption(index, owner.qualname, name, file, depth + 1)) return v;
    } else if (owner.remainder.empty()) {
      // `class Meta(CommonMetaApi)` (GeoNode): a plain class of options.
      if (const Assignment* a = index.FindAttribute(owner.qualname, name, file)) return &a->value;
    }
  }
  return nullptr;
}

// Meta.resource_name, else what tastypie's metaclass derives from the class
// name: "Resource" taken out, lowercased (EntryResource -> "entry").
std::string ResourceName(const ProjectIndex& index, const std::string& cls) {
  int file = -1;
  std::string name;
  if (const Expr* v = MetaOption(index, cls, "resource_name", &file);
      v && EvalString(index, -1, file, *v, &name)) {
    return name;
  }
  std::string_view class_name = LastComponent(cls);
  std::string derived;
  for (size_t at = 0; at < class_name.size();) {
    size_t next = class_name.find("Resource", at);
    derived += class_name.substr(at, next == std::string_view::npos ? next : next - at);
    if (next == std::string_view::npos) break;
    at = next + 8;
  }
  return Lower(derived);
}

// `list_allowed_methods` or `detail_allowed_methods` (`option`), else
// `allowed_methods`, else all five, as ResourceOptions reads them; lowercase.
// A value that is not a list of strings reads as all five.
std::vector<std::string> AllowedMethods(const ProjectIndex& index, const std::string& cls,
                                        std::string_view option) {
  int file = -1;
  const Expr* v = MetaOption(index, cls, option, &file);
  if (!v || v->kind == ExprKind::kNone) v = MetaOption(index, cls, "allowed_methods", &file);
  if (!v || v->kind == ExprKind::kNone) return kAllMethods;
  std::vector<ListItem> items;
  index.ExpandList(file, *v, &items);
  std::vector<std::string> methods;
  for (const ListItem& item : items) {
    if (item.expr == v || item.expr->kind != ExprKind::kString) return kAllMethods;
    methods.push_back(Lower(item.expr->text));
  }
  return methods;
}

class ResourceExpander {
 public:
  ResourceExpander(const ProjectIndex& index, const std::string& cls, RouterExpansion* out)
      : index_(index), cls_(cls), out_(out), name_(ResourceName(index, cls)) {
    int file = -1;
    std::string detail;
    if (const Expr* v = MetaOption(index, cls, "detail_uri_name", &file);
        v && EvalString(index, -1, file, *v, &detail)) {
      detail_uri_name_ = detail;
    }
  }

  const std::string& name() const { return name_; }

  // Resource.urls: prepend_urls(), override_urls(), then base_urls(), each
  // route under `prefix`.
  void Expand(const std::string& prefix, const Location& at) {
    prefix_ = prefix;
    at_ = at;
    ReadUrlsMethod("prepend_urls", false);
    ReadUrlsMethod("override_urls", false);
    if (!ReadUrlsMethod("base_urls", true)) BaseRoutes();
  }

 private:
  // The patterns a repo method returns; false when no repo class defines it.
  // An override of base_urls that does not read falls back to tastypie's own.
  bool ReadUrlsMethod(const char* method, bool base) {
    int file = -1;
    const FunctionDef* fn = FindMethod(index_, cls_, method, &file);
    if (!fn) return false;
    Location loc{index_.files()[file].file.path, fn->line, 0};
    if (!fn->returned) {
      out_->diagnostics.push_back(
          {Severity::kWarning, "unresolved-url-pattern", loc,
           cls_ + "." + method + "() returns no list of url patterns we can read" +
               (base ? "; tastypie's own routes are counted" : "")});
      return false;
    }
    std::vector<ListItem> items;
    index_.ExpandList(file, *fn->returned, &items);
    for (const ListItem& item : items) AddPattern(item.file, *item.expr, method);
    return true;
  }

  // One `url(regex, self.wrap_view("handler"), name=...)` of a urls method.
  void AddPattern(int file, const Expr& pattern, const char* method) {
    Location loc{index_.files()[file].file.path, pattern.line, 0};
    std::string regex;
    if (pattern.kind != ExprKind::kCall || pattern.items.size() < 2 ||
        !EvalString(index_, -1, file, Substituted(pattern.items[0]), &regex)) {
      out_->diagnostics.push_back({Severity::kWarning, "unresolved-url-pattern", loc,
                                   "a pattern " + cls_ + "." + method + "() returns is not read"});
      return;
    }
    std::string route = prefix_ + Readable(regex);
    const Expr* name = pattern.Keyword("name");
    std::string url_name = name && name->kind == ExprKind::kString ? name->text : "";
    const Expr& view = pattern.items[1];
    if (view.kind == ExprKind::kCall && EndsWith(view.text, "wrap_view") && !view.items.empty() &&
        view.items[0].kind == ExprKind::kString) {
      AddHandler(view.items[0].text, route, url_name, loc);
      return;
    }
    out_->routes.push_back({route, url_name, ResolveView(index_, file, view), loc});
  }

  // The route of a `self.wrap_view(handler)`: dispatch_list and dispatch_detail
  // answer the methods Meta allows; schema and multiple-get are tastypie's own.
  void AddHandler(const std::string& handler, const std::string& route, const std::string& name,
                  const Location& loc) {
    if (handler == "get_schema" || handler == "get_multiple") return;
    if (handler == "dispatch_list") {
      out_->routes.push_back({route, name, View(AllowedMethods(index_, cls_, "list_allowed_methods"), "list", ""), loc});
    } else if (handler == "dispatch_detail") {
      out_->routes.push_back({route, name, View(DetailMethods(), "detail", ""), loc});
    } else {
      out_->routes.push_back({route, name, HandlerView(handler), loc});
    }
  }

  // Resource.base_urls: the list and the detail route (schema/ and set/ are
  // tastypie's own, not the project's).
  void BaseRoutes() {
    out_->routes.push_back({prefix_ + name_ + "/", "api_dispatch_list",
                            View(AllowedMethods(index_, cls_, "list_allowed_methods"), "list", ""),
                            at_});
    out_->routes.push_back({prefix_ + name_ + "/<" + detail_uri_name_ + ">/", "api_dispatch_detail",
                            View(DetailMethods(), "detail", ""), at_});
  }

  // post_detail answers 501 Not Implemented: no endpoint.
  std::vector<std::string> DetailMethods() const {
    std::vector<std::string> methods = AllowedMethods(index_, cls_, "detail_allowed_methods");
    methods.erase(std::remove(methods.begin(), methods.end(), "post"), methods.end());
    return methods;
  }

  // The resource as the view of a route: one operation per allowed method
  // (handler `get_list`, `put_detail`...; `handler` itself when given).
  ResolvedView View(const std::vector<std::string>& methods, const std::string& suffix,
                    const std::string& handler = "") const {
    ResolvedView v;
    v.status = ResolvedView::Status::kRepo;
    v.qualname = cls_;
    int file = -1;
    const ClassDef* c = index_.FindClass(cls_, &file);
    v.file = file;
    v.line = c ? c->line : 0;
    for (const std::string& m : kAllMethods) {  // in a fixed order
      if (std::find(methods.begin(), methods.end(), m) == methods.end()) continue;
      v.operations.push_back({Upper(m), handler.empty() ? m + "_" + suffix : handler,
                              EndpointKind::kApi});
    }
    return v;
  }

  // A prepend_urls() handler: one ANY operation, or the methods its
  // `self.method_check(request, allowed=[...])` lets through (mytardis's
  // get_datafiles checks allowed=["get"]).
  ResolvedView HandlerView(const std::string& handler) const {
    std::optional<std::vector<std::string>> checked = CheckedMethods(handler);
    if (!checked) {
      ResolvedView v = View({}, "");
      v.operations.push_back({"ANY", handler, EndpointKind::kApi});
      return v;
    }
    ResolvedView v = View(*checked, "", handler);
    if (v.operations.empty()) v.problem = "its method_check() allows no countable HTTP method";
    return v;
  }

  // The lowercase methods an unconditional `self.method_check(request,
  // allowed=[...])` in the body of method `handler` names, when they are
  // string literals; nullopt otherwise (Resource.method_check answers 405 to the rest).
  std::optional<std::vector<std::string>> CheckedMethods(const std::string& handler) const {
    int file = -1;
    const FunctionDef* fn = FindMethod(index_, cls_, handler, &file);
    if (!fn) return std::nullopt;
    const std::string scope = fn->scope + "." + fn->name;
    for (const CallStatement& c : index_.files()[file].calls) {
      if (c.scope != scope || c.conditional || c.call.text != "self.method_check") continue;
      const Expr* allowed = Argument(c.call, 1, "allowed");
      if (!allowed || allowed->kind != ExprKind::kList) return std::nullopt;
      std::vector<std::string> methods;
      for (const Expr& m : allowed->items) {
        if (m.kind != ExprKind::kString) return std::nullopt;
        methods.push_back(Lower(m.text));
      }
      return methods;
    }
    return std::nullopt;
  }

  // The regex with what tastypie fills in at run time written as strings:
  // `self._meta.resource_name`, `self._meta.detail_uri_name`, and
  // `trailing_slash()` ("/", unless TASTYPIE_ALLOW_MISSING_SLASH).
  Expr Substituted(const Expr& e) const {
    Expr out = e;
    auto as_string = [&](std::string value) {
      out.kind = ExprKind::kString;
      out.text = std::move(value);
      out.items.clear();
      out.keywords = {};
    };
    if (e.kind == ExprKind::kName && e.text == "self._meta.resource_name") {
      as_string(name_);
    } else if (e.kind == ExprKind::kName && e.text == "self._meta.detail_uri_name") {
      as_string(detail_uri_name_);
    } else if ((e.kind == ExprKind::kName || e.kind == ExprKind::kCall) &&
               (e.text == "trailing_slash" || EndsWith(e.text, ".trailing_slash"))) {
      as_string("/");
    } else {
      for (Expr& item : out.items) item = Substituted(item);
    }
    return out;
  }

  // `^(?P<resource_name>entry)/search/$` -> `entry/search/`: the resource's
  // name group written as its text, then one route level as urls.cc writes it.
  std::string Readable(std::string regex) const {
    const std::string group = "(?P<resource_name>" + name_ + ")";
    if (size_t at = regex.find(group); at != std::string::npos) {
      regex.replace(at, group.size(), name_);
    }
    return RouteLevel(regex, true, true);
  }

  const ProjectIndex& index_;
  const std::string& cls_;
  RouterExpansion* out_;
  std::string name_;
  std::string detail_uri_name_ = "pk";
  std::string prefix_;
  Location at_;
};

// The resource class a register() argument instantiates: `EntryResource()`,
// or a name bound to such an instance.
std::string RegisteredClass(const ProjectIndex& index, int file, const Expr& argument) {
  if (argument.kind == ExprKind::kCall) return InstantiatedClass(index, file, argument);
  if (argument.kind != ExprKind::kName) return "";
  Symbol s = index.Resolve(file, argument.text);
  if (s.kind != Symbol::Kind::kVariable || !s.remainder.empty() || !s.value) return "";
  return InstantiatedClass(index, s.file, *s.value);
}

}  // namespace

bool IsTastypieApi(const ProjectIndex& index, const Symbol& variable) {
  return IsInstanceOf(index, variable, "tastypie-api", kApiClasses);
}

std::string TastypieResourceClass(const ProjectIndex& index, const Symbol& variable) {
  if (variable.kind != Symbol::Kind::kVariable || !variable.value) return "";
  std::string cls = InstantiatedClass(index, variable.file, *variable.value);
  return IsResourceClass(index, cls) && index.FindClass(cls, nullptr) ? cls : "";
}

RouterExpansion ExpandTastypieApi(const ProjectIndex& index, const RouterCalls& calls,
                                  const Symbol& variable) {
  RouterExpansion out;
  Symbol api = variable;
  api.remainder.clear();
  std::string api_name = "v1";
  const Expr* name = api.value->Keyword("api_name");
  if (!name && !api.value->items.empty()) name = &api.value->items[0];
  if (name && !EvalString(index, -1, api.file, *name, &api_name)) {
    Location at{index.files()[api.file].file.path, api.value->line, 0};
    out.diagnostics.push_back({Severity::kWarning, "unresolved-route", at,
                               "the api_name of " + api.qualname + " is not a string we can read"});
  }
  // Api keeps its resources in a dict by resource_name and mounts them sorted:
  // a later registration of the same name replaces the earlier.
  std::map<std::string, std::pair<std::string, Location>> registry;
  for (const CallRef& ref : calls.On(api)) {
    const Expr& call = ref.call->call;
    if (!EndsWith(call.text, kRegister)) continue;
    Location at{index.files()[ref.file].file.path, ref.call->line, 0};
    const Expr* argument = call.items.empty() ? call.Keyword("resource") : &call.items[0];
    std::string cls = argument ? RegisteredClass(index, ref.file, *argument) : "";
    if (!cls.empty() && !index.FindClass(cls, nullptr)) {  // a third-party resource: listed
      ResolvedView external;
      external.status = ResolvedView::Status::kExternal;
      external.qualname = cls;
      out.routes.push_back({api_name + "/", "", external, at});
      continue;
    }
    if (!IsResourceClass(index, cls)) {
      out.diagnostics.push_back({Severity::kWarning, "unresolved-view", at,
                                 "tastypie resource " + (argument ? argument->text : "") +
                                     " is not an instance of a resource class we can find"});
      continue;
    }
    registry[ResourceName(index, cls)] = {cls, at};
  }
  for (const auto& [resource_name, entry] : registry) {
    ResourceExpander(index, entry.first, &out).Expand(api_name + "/", entry.second);
  }
  return out;
}

RouterExpansion ExpandTastypieResource(const ProjectIndex& index, const std::string& cls,
                                       const Location& at) {
  RouterExpansion out;
  ResourceExpander(index, cls, &out).Expand("", at);
  return out;
}

}  // namespace djcost
