#include "link/hosts.h"

#include <algorithm>
#include <string_view>

#include "link/models_resolve.h"
#include "link/static_string.h"

namespace djcost {
namespace {

constexpr std::string_view kMiddleware = "django_hosts.middleware.HostsRequestMiddleware";

// `name` is django-hosts' function `function` (re-exported by the package).
bool IsHostsFunction(const ProjectIndex& index, int file, const std::string& name,
                     std::string_view function) {
  if (name.empty()) return false;
  Symbol s = index.Resolve(file, name);
  if (s.kind != Symbol::Kind::kExternal) return false;
  std::string full = FullName(s);
  return full == "django_hosts." + std::string(function) ||
         full == "django_hosts.defaults." + std::string(function);
}

bool MiddlewareAllows(const Settings& settings) {
  if (settings.middleware.empty()) return true;  // not read: nothing says no
  return std::any_of(settings.middleware.begin(), settings.middleware.end(),
                     [](const SettingsValue& m) { return m.value == kMiddleware; });
}

}  // namespace

HostUrlconfs FindHostUrlconfs(const ProjectIndex& index, const Settings& settings,
                              std::vector<Diagnostic>* diagnostics) {
  HostUrlconfs out;
  if (settings.root_hostconf.value.empty() || !MiddlewareAllows(settings)) return out;
  int hostconf = index.modules().Find(settings.root_hostconf.value);
  if (hostconf < 0) return out;
  int file = -1;
  const Expr* value = index.EvalValue(hostconf, "host_patterns", &file);
  if (!value || file < 0) return out;
  // patterns("prefix", host(...), ...) or [host(...), ...]
  std::vector<const Expr*> hosts;
  if (value->kind == ExprKind::kCall && IsHostsFunction(index, file, value->text, "patterns")) {
    for (size_t i = 1; i < value->items.size(); ++i) hosts.push_back(&value->items[i]);
  } else {
    std::vector<ListItem> items;
    index.ExpandList(file, *value, &items);
    for (const auto& item : items) {
      if (item.file == file) hosts.push_back(item.expr);
    }
  }
  for (const Expr* host : hosts) {
    if (host->kind != ExprKind::kCall || !IsHostsFunction(index, file, host->text, "host")) {
      continue;
    }
    const Expr* urlconf = host->items.size() > 1 ? &host->items[1] : host->Keyword("urlconf");
    std::string module;
    int root = -1;
    if (urlconf && EvalString(index, settings.file, file, *urlconf, &module)) {
      root = index.modules().Find(module);
    }
    if (root < 0) {
      diagnostics->push_back(
          {Severity::kWarning, "unresolved-host-urlconf",
           {index.files()[file].file.path, host->line, 0},
           "the URLconf of host() " + (urlconf ? urlconf->text : std::string("(none)")) +
               " is not a module of the repository; its routes are not counted"});
      continue;
    }
    if (std::find(out.roots.begin(), out.roots.end(), root) == out.roots.end()) {
      out.roots.push_back(root);
    }
  }
  out.active = !hosts.empty();
  return out;
}

}  // namespace djcost
