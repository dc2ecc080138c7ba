// Finds what a migration must handle beyond the inventory items: raw SQL, Celery
// tasks, middleware, auth backends, permission classes, template-rendered pages,
// forms. Input: ProjectIndex, Settings, Apps; output: sorted findings.
#pragma once

#include <atomic>
#include <cstddef>
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

/// Hands out the files by index in chunks, to threads that read findings in
/// turn as they come free. Any thread.
class FileChunks {
 public:
  explicit FileChunks(std::size_t files) : files_(files) {}
  /// The next chunk, [*begin, *end); false once every file was handed out.
  bool Next(std::size_t* begin, std::size_t* end);

 private:
  static constexpr std::size_t kChunk = 32;
  const std::size_t files_;
  std::atomic<std::size_t> next_{0};
};

/// The findings of the files this thread takes from `chunks` and, with
/// `settings_entries`, those read from the settings alone; unsorted. Threads
/// that share `chunks`, each with its own index (ProjectIndex::Share), one of
/// them reading the settings' entries, find between them what FindFindings
/// finds, once the parts are joined by SortFindings.
std::vector<Finding> FindFindingsInChunks(const ProjectIndex& index, const Settings& settings,
                                          const Apps& apps, FileChunks* chunks,
                                          bool settings_entries);

/// Sorts findings and drops repeats, as FindFindings returns them.
void SortFindings(std::vector<Finding>* findings);

}  // namespace djcost
