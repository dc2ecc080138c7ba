// Finds what a migration must handle beyond the inventory items: raw SQL, Celery
// tasks, middleware, auth backends, permission classes, template-rendered pages,
// forms. Input: ProjectIndex, Settings, Apps; output: sorted findings.
#pragma once

#include <vector>

#include "data/inventory.h"
#include "link/apps.h"
#include "link/project_index.h"
#include "link/settings.h"

namespace djcost {

std::vector<Finding> FindFindings(const ProjectIndex& index, const Settings& settings,
                                  const Apps& apps);

}  // namespace djcost
