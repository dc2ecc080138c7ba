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

/// Kinds, from application code (test files and migrations are left out):
/// - "raw-sql": calls of execute/executemany on an object named like a cursor,
///   connection.cursor() (only where the function runs no such execute, so one
///   `with connection.cursor() as c: c.execute(...)` is one finding),
///   `<...>objects.raw()`, `.extra()` on a chain through `objects`, RawSQL(),
///   and functions the knowledge tables tag "raw-sql". One per call site.
/// - "celery-task": functions decorated with celery's shared_task/task/
///   periodic_task, `<app>.task` of a `Celery(...)` instance, or a function
///   tagged "celery-task".
/// - "middleware" / "auth-backend": MIDDLEWARE and AUTHENTICATION_BACKENDS
///   entries defined in the repo (at their definition); "third-party-middleware"
///   / "third-party-auth-backend" for entries outside the repo and outside
///   Django (at the settings line); Django's own are left out.
/// - "permission-class": repo classes derived from DRF's BasePermission.
/// - "form": repo classes derived from Django's Form or ModelForm.
/// - "custom-user-model": AUTH_USER_MODEL other than auth.User.
/// Sorted.
std::vector<Finding> FindFindings(const ProjectIndex& index, const Settings& settings,
                                  const Apps& apps);

}  // namespace djcost
