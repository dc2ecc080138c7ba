// What one ModelAdmin class carries into a migration: inlines, actions, custom
// methods and list_display columns, read through its repo class hierarchy.
// Input: ProjectIndex and the admin class's qualified name; output: AdminCounts.
#pragma once

#include <string>

#include "link/project_index.h"

namespace djcost {

struct AdminCounts {
  int inlines = 0;       // entries of `inlines`
  int actions = 0;       // entries of `actions`: an unlisted @admin.action method is no action
  int custom_methods = 0;  // methods of repo classes in the MRO that are not ModelAdmin API
  int list_display = 0;  // entries of `list_display`, "__str__" (Django's default) left out
};

/// Counts for the admin class `qualname`; all zero for a class outside the repo.
/// Attributes are the nearest definition in the MRO, as Python looks them up; a
/// list written as `Base.actions + [...]` or as a module-level list is expanded.
/// A custom method is one defined in a repo class of the MRO whose name is
/// neither a ModelAdmin/InlineModelAdmin method nor a method the knowledge
/// tables list for a known ancestor: display columns, actions and helpers.
AdminCounts CountAdminClass(const ProjectIndex& index, const std::string& qualname);

}  // namespace djcost
