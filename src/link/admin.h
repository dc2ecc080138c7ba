// Finds admin registrations: each model registered with each admin site, through
// site.register(...) calls, @admin.register(...) decorators and custom AdminSite
// instances, less unregister(...). Input: ProjectIndex, Apps; output: sorted list.
#pragma once

#include <string>
#include <vector>

#include "data/inventory.h"
#include "link/apps.h"
#include "link/project_index.h"

namespace djcost {

/// Sites: Django's default site, reported as "admin.site", and module-level
/// variables holding an instance of an AdminSite class (reported by the
/// variable's qualified name). Registrations in functions and `if` blocks count.
/// Models outside the repository (auth's User, Group) are listed with app "".
/// An unregister in another file removes the registration (Django would raise
/// NotRegistered otherwise); in the same file, source order decides. A second
/// registration of the same model with the same site is reported as an
/// "admin-already-registered" diagnostic and counted once; a model name that
/// cannot be resolved as an "admin-model-unresolved" one. Counts come from
/// CountAdminClass (admin_counts.h). Sorted by (site, model). `auth_user_model`
/// (the AUTH_USER_MODEL setting, "" for Django's default) resolves
/// `register(get_user_model(), ...)`. `models` (the inventory's) resolve loops:
/// `for m in Base.__subclasses__(): admin.site.register(m)`, `apps.get_models()`.
std::vector<AdminRegistration> FindAdminRegistrations(const ProjectIndex& index,
                                                      const Apps& apps,
                                                      std::vector<Diagnostic>* diagnostics,
                                                      const std::string& auth_user_model = "",
                                                      const std::vector<Model>& models = {});

}  // namespace djcost
