// django-hosts: a project that sets ROOT_HOSTCONF (with django-hosts' middleware)
// serves each host's own URLconf, not ROOT_URLCONF (Sefaria's `sefaria.urls` is an
// empty list; its routes are in the URLconfs its `host_patterns` name).
// Input: ProjectIndex and Settings; output: the URLconf modules to walk as roots.
#pragma once

#include <vector>

#include "data/diagnostic.h"
#include "link/project_index.h"
#include "link/settings.h"

namespace djcost {

struct HostUrlconfs {
  bool active = false;     // ROOT_HOSTCONF names a repo module django-hosts reads
  std::vector<int> roots;  // each host's URLconf module, each once, in host order
};

/// The URLconfs of `host(regex, urlconf, ...)` in ROOT_HOSTCONF's `host_patterns`
/// (a `patterns(prefix, host(...), ...)` call or a list of host() calls). A host
/// whose URLconf is not a repo module gets an `unresolved-host-urlconf` warning.
/// Not active when ROOT_HOSTCONF is unset or not a repo module, or when
/// MIDDLEWARE was read and lacks django-hosts' request middleware.
HostUrlconfs FindHostUrlconfs(const ProjectIndex& index, const Settings& settings,
                              std::vector<Diagnostic>* diagnostics);

}  // namespace djcost
