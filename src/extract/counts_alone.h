// What a test file's bytes say without a parse: whether it may hold something
// the report counts whatever imports it, and its class headers, from which
// link/test_reach.h decides whether one of its classes may be a model.
// Input: the file's path and bytes; depends on the data types and util/ only.
#pragma once

#include <string_view>
#include <vector>

#include "data/file_facts.h"

namespace djcost {

/// True when the test file at `path` counts on its own, so a scan parses it
/// in its first pass:
/// - an entry point or app module link reads by its name wherever it is
///   (manage.py, wsgi.py, asgi.py, apps.py, models.py, a models/ package);
/// - a `.send(` or `.send_robust(` (a custom signal's send site counts in tests).
/// Over-approximates: a `.send(` in a string counts too.
bool TestFileCountsAlone(std::string_view path, std::string_view bytes);

/// Every `class Name(...)` or `class Name:` at a line's start (spaces aside),
/// with each base's last name: "a.b.C" -> "C"; "?" for anything else
/// (`Generic[T]`, `metaclass=M`, a call). A header in a string counts too; an
/// unclosed base list gives a "?".
std::vector<ClassHeader> ClassHeaders(std::string_view bytes);

}  // namespace djcost
