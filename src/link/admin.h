// Finds admin registrations: each model registered with each admin site, through
// site.register(...) calls, @admin.register(...) decorators and custom AdminSite
// instances, less unregister(...). Input: ProjectIndex, Apps; output: sorted list.
#pragma once

#include <vector>

#include "data/inventory.h"
#include "link/apps.h"
#include "link/project_index.h"

namespace djcost {

std::vector<AdminRegistration> FindAdminRegistrations(const ProjectIndex& index,
                                                      const Apps& apps,
                                                      std::vector<Diagnostic>* diagnostics);

}  // namespace djcost
