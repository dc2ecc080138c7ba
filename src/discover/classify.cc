// ClassifyPath: a file's kind from its relative path alone, so that link and
// estimate can keep tests and migrations apart from application code.
#include "discover/discover.h"
#include "util/strings.h"

namespace djcost {

FileKind ClassifyPath(const std::string& relative_path) {
  std::vector<std::string> parts = Split(relative_path, '/');
  const std::string& name = parts.back();
  std::string parent = parts.size() >= 2 ? parts[parts.size() - 2] : "";
  // A tests/ folder (or integration_tests/, shuup_tests/) wins over everything
  // under it: a test app's migrations and settings are test code, not
  // application code. A test/ folder is not one: django/test/ is the framework.
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    if (parts[i] == "tests" || EndsWith(parts[i], "_tests")) return FileKind::kTest;
  }
  if (parent == "migrations") return FileKind::kMigration;
  if (name == "tests.py" || name == "conftest.py" || StartsWith(name, "test_") ||
      EndsWith(name, "_test.py")) {
    return FileKind::kTest;
  }
  if (name == "settings.py" || parent == "settings") return FileKind::kSettings;
  if (name == "urls.py" || parent == "urls") return FileKind::kUrls;
  return FileKind::kSource;
}

}  // namespace djcost
