// Reads a string-valued expression without running it: the route of a path()
// written as a variable, an f-string or a setting (`path(prefix, ...)`,
// `path(f"{prefix}admin/", ...)`, `path(settings.BASE_PATH, ...)`).
// Input: ProjectIndex, the settings file and the expression; output: the string.
#pragma once

#include <string>
#include <vector>

#include "data/expr.h"
#include "link/project_index.h"

namespace djcost {

/// Evaluates `expr` as written in `file` to a string. Understood: literals;
/// `a + b` of strings; `a or b`: a when it reads as a non-empty string, else b;
/// f-strings whose fields are names (conversions and format specs are ignored);
/// `format % operands` with %s, %d of an integer literal and `%%`, the operands
/// one value, a tuple of them, or for `%(key)s` a dict display or a name bound
/// to one; `"...".format(...)` with `{}`, `{0}` and `{name}` fields; names of
/// module-level variables, through imports: the bindings that always run before
/// those under a condition, the last that evaluates winning (so `prefix = ""`
/// followed by a rebinding under an `if` keeps ""); a class's own attribute
/// (`StatusView.MODEL_REF`): the last assignment in its body, unless under an
/// `if`; `settings.NAME` read from `settings_file` (-1: not available); the
/// default of `os.getenv(NAME, default)`, `os.environ.get(NAME, default)`,
/// python-decouple's `config(NAME, default)` and, for `env = environ.Env()`,
/// `env(NAME, default=...)` and `env.str(NAME, default)`; `getattr(settings,
/// "NAME", default)`: the setting, else the default; `__file__`, the file's path
/// in the scanned folder, through os.path's dirname, basename, abspath,
/// realpath, normpath and join, and `Path(__file__)` with resolve(), absolute(),
/// parent and name (a path above the scanned folder, or its own name, does not
/// read). Returns false when any part is unknown.
bool EvalString(const ProjectIndex& index, int settings_file, int file, const Expr& expr,
                std::string* out);

/// An f-string EvalString cannot read, read as far as it goes: each field that
/// reads replaced by its value, each other kept as written (`{base_pattern}`)
/// and appended to `unread`. False when its braces do not balance.
bool EvalFStringPartly(const ProjectIndex& index, int settings_file, int file,
                       const Expr& fstring, std::string* out, std::vector<std::string>* unread);

}  // namespace djcost
