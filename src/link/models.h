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

/// Counting rules, each as Django's runtime sees it:
/// - a model is a class (any file but migrations; tests set `in_tests`) whose
///   ancestry reaches a known class tagged "model". A class of an unknown
///   external base counts when it assigns django.db.models fields or its Meta has
///   a model-only option (db_table, abstract, proxy, managed, ...): an
///   "inferred-model" diagnostic names the base for rules/knowledge.
/// - kind: the class's own Meta.abstract / Meta.proxy (neither is inherited).
/// - a field is a class attribute assigned a call whose callee's last name ends
///   in "Field" or is ForeignKey, ForeignObject, GenericForeignKey,
///   GenericRelation or TaggableManager, or a repo subclass of such a class.
///   Fields inherited from abstract bases are the base's, not the child's.
/// - a custom manager is an attribute assigned an instance of a repo manager
///   class (Manager subclass, Manager.from_queryset(...)), of a third-party one
///   tagged "manager", or a repo queryset's as_manager(); not Django's Manager().
/// - overrides: the class's own save, delete, clean and full_clean.
/// Sorted by qualname.
std::vector<Model> FindModels(const ProjectIndex& index, const Settings& settings,
                              const Apps& apps, std::vector<Diagnostic>* diagnostics);

}  // namespace djcost
