// Finds every Django model: classes whose ancestry reaches a known model base
// (django.db.models.Model or a third-party base in rules/knowledge), through repo
// classes in any module; abstract and proxy apart; fields, relations, managers and
// overridden methods. Input: ProjectIndex, Settings, Apps; output: models, sorted.
#pragma once

#include <vector>

#include "data/inventory.h"
#include "link/apps.h"
#include "link/project_index.h"
#include "link/settings.h"

namespace djcost {

std::vector<Model> FindModels(const ProjectIndex& index, const Settings& settings,
                              const Apps& apps, std::vector<Diagnostic>* diagnostics);

}  // namespace djcost
