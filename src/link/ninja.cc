#include "link/ninja.h"

#include <algorithm>
#include <set>

#include "link/urls_route.h"
#include "util/strings.h"

namespace djcost {
namespace {

const std::vector<std::string> kApiClasses = {"ninja.NinjaAPI", "ninja.main.NinjaAPI"};
const std::vector<std::string> kRouterClasses = {"ninja.Router", "ninja.router.Router"};

// Nested add_router chains deeper than this are cycles.
constexpr int kMaxDepth = 16;

bool IsNinjaRouter(const ProjectIndex& index, const Symbol& v) {
  return IsInstanceOf(index, v, "ninja-router", kRouterClasses) || IsNinjaApi(index, v);
}

bool SameVariable(const Symbol& a, const Symbol& b) {
  return a.kind == Symbol::Kind::kVariable && b.kind == Symbol::Kind::kVariable &&
         a.file == b.file && a.variable == b.variable && a.remainder.empty() &&
         b.remainder.empty();
}

// Splits "api.get" into ("api", "get").
bool SplitLast(const std::string& dotted, std::string* base, std::string* last) {
  size_t dot = dotted.rfind('.');
  if (dot == std::string::npos) return false;
  *base = dotted.substr(0, dot);
  *last = dotted.substr(dot + 1);
  return true;
}

class NinjaWalker {
 public:
  NinjaWalker(const ProjectIndex& index, NinjaExpansion* out) : index_(index), out_(out) {}

  void Walk(const Symbol& target, const std::string& prefix, int depth) {
    if (depth > kMaxDepth || !active_.insert({target.file, target.variable}).second) return;
    const auto& files = index_.files();
    std::string base, verb;
    for (int f = 0; f < static_cast<int>(files.size()); ++f) {
      for (const FunctionDef& fn : files[f].functions) {
        for (const Expr& deco : fn.decorators) {
          if (deco.kind != ExprKind::kCall || !SplitLast(deco.text, &base, &verb)) continue;
          if (!IsVerb(verb) || !SameVariable(index_.Resolve(f, base), target)) continue;
          AddOperation(f, fn, deco, verb, prefix);
        }
      }
    }
    for (int f = 0; f < static_cast<int>(files.size()); ++f) {
      for (const CallStatement& c : files[f].calls) {
        if (!SplitLast(c.call.text, &base, &verb) || verb != "add_router" ||
            !index_.GuardHolds(f, c.guard)) {
          continue;
        }
        if (!SameVariable(index_.Resolve(f, base), target)) continue;
        Mount(f, c, prefix, depth);
      }
    }
    active_.erase({target.file, target.variable});
  }

 private:
  static bool IsVerb(const std::string& v) {
    return v == "get" || v == "post" || v == "put" || v == "patch" || v == "delete" ||
           v == "api_operation";
  }

  void Mount(int f, const CallStatement& c, const std::string& prefix, int depth) {
    const Expr* sub_prefix = Argument(c.call, 0, "prefix");
    const Expr* router = Argument(c.call, 1, "router");
    Location loc{index_.files()[f].file.path, c.line, 0};
    Symbol s;
    if (router && router->kind == ExprKind::kName) s = index_.Resolve(f, router->text);
    if (router && router->kind == ExprKind::kString) s = index_.ResolveAbsolute(router->text);
    if (!sub_prefix || sub_prefix->kind != ExprKind::kString || !IsNinjaRouter(index_, s) ||
        !s.remainder.empty()) {
      out_->diagnostics.push_back({Severity::kWarning, "unresolved-include", loc,
                                   "add_router() names no ninja Router we can find"});
      return;
    }
    Walk(s, JoinNinjaPrefix(prefix, sub_prefix->text), depth + 1);
  }

  void AddOperation(int f, const FunctionDef& fn, const Expr& deco, const std::string& verb,
                    const std::string& prefix) {
    std::vector<std::string> methods;
    const Expr* path = nullptr;
    if (verb == "api_operation") {
      const Expr* list = Argument(deco, 0, "methods");
      if (list && list->kind == ExprKind::kList) {
        for (const Expr& m : list->items) {
          if (m.kind == ExprKind::kString) methods.push_back(Upper(m.text));
        }
      }
      path = Argument(deco, 1, "path");
    } else {
      methods.push_back(Upper(verb));
      path = Argument(deco, 0, "path");
    }
    Location loc{index_.files()[f].file.path, deco.line, 0};
    if (!path || path->kind != ExprKind::kString) {
      out_->diagnostics.push_back({Severity::kWarning, "unresolved-route", loc,
                                   "ninja operation path is not a string literal"});
      return;
    }
    ResolvedView view;
    view.status = ResolvedView::Status::kRepo;
    view.qualname = index_.QualName(f, fn.scope, fn.name);
    view.file = f;
    view.line = fn.line;
    for (const auto& m : methods) {
      if (m == "HEAD" || m == "OPTIONS") continue;
      view.operations.push_back({m, fn.name, EndpointKind::kApi});
    }
    std::string route = NinjaRoute(prefix, path->text);
    auto it = std::find_if(out_->paths.begin(), out_->paths.end(),
                           [&](const NinjaPath& p) { return p.route == route; });
    if (it == out_->paths.end()) {
      out_->paths.push_back({route, "", {}, {}});
      it = out_->paths.end() - 1;
    }
    if (const Expr* name = deco.Keyword("url_name");
        name && name->kind == ExprKind::kString && it->name.empty()) {
      it->name = name->text;
    }
    it->views.push_back(std::move(view));
    it->locations.push_back(loc);
  }

  const ProjectIndex& index_;
  NinjaExpansion* out_;
  std::set<std::pair<int, std::string>> active_;
};

}  // namespace

bool IsNinjaApi(const ProjectIndex& index, const Symbol& variable) {
  return IsInstanceOf(index, variable, "ninja-api", kApiClasses);
}

NinjaExpansion ExpandNinja(const ProjectIndex& index, const Symbol& api) {
  NinjaExpansion out;
  Symbol target = api;
  target.remainder.clear();
  NinjaWalker walker(index, &out);
  walker.Walk(target, "", 0);
  return out;
}

}  // namespace djcost
