// Whether a test file may hold something the report counts even when nothing
// in the project imports or names it: decided from its bytes, without a parse.
// Input: the file's path and bytes; depends on the standard library only.
#pragma once

#include <string_view>

namespace djcost {

/// True when the test file at `path` may count on its own, so a scan parses it:
/// - an entry point or app module link reads by its name wherever it is
///   (manage.py, wsgi.py, asgi.py, apps.py, models.py, a models/ package);
/// - a `.send(` or `.send_robust(` (a custom signal's send site counts in tests);
/// - a class whose bases are not all named as test cases are (`...TestCase`,
///   `...Tests`, `...TestMixin`, `object`): a test model, a test app's config, or
///   anything else link might count.
/// False for the rest, most test modules: link reads them only when the project
/// imports or names them (link/test_reach.h). Over-approximates: a class header
/// in a string or comment counts too.
bool TestFileCountsAlone(std::string_view path, std::string_view bytes);

}  // namespace djcost
