// What extraction finds in one file: raw syntactic facts with their lines,
// nothing resolved across files. Produced by extract/, consumed by link/.
// Plain data; depends on the standard library only.
#pragma once

#include <string>
#include <vector>

#include "data/boxed.h"
#include "data/diagnostic.h"
#include "data/expr.h"
#include "data/source_file.h"

namespace djcost {

struct LineCounts {
  int code = 0;     // lines holding code (docstrings count as code, as cloc does not: see docs)
  int comment = 0;  // lines holding only a comment
  int blank = 0;

  LineCounts& operator+=(const LineCounts& o) {
    code += o.code;
    comment += o.comment;
    blank += o.blank;
    return *this;
  }
  LineCounts& operator-=(const LineCounts& o) {
    code -= o.code;
    comment -= o.comment;
    blank -= o.blank;
    return *this;
  }
  bool operator==(const LineCounts&) const = default;
};

/// One import binding. `import a.b` -> {module "a.b", name "", alias ""} (binds `a`);
/// `import a.b as c` -> alias "c"; `from ..m import X as Y` -> {module "m", level 2,
/// name "X", alias "Y"}; `from m import *` -> star.
struct Import {
  std::string module;
  int level = 0;  // leading dots of a relative import
  std::string name;
  std::string alias;
  bool star = false;
  bool module_level = true;  // false inside a function or class body
  bool conditional = false;  // under if/try/with/for: `try: from .local_settings import *`
  int line = 0;
  bool operator==(const Import&) const = default;
};

/// A condition that a statement under an `if` runs only when it holds: on
/// INSTALLED_APPS, `"app" in settings.INSTALLED_APPS` or `apps.is_installed("app")`
/// (`installed`), or their negation (`not in`, `not ...`, an `else` branch); or,
/// when `setting` is set, on a setting's truth: `settings.NAME` or
/// `getattr(settings, "NAME", default)` (`installed`: true), or its negation.
struct AppCondition {
  std::string app;
  bool installed = true;
  std::string setting;
  int fallback = -1;  // the truth of getattr's default when NAME is unset: 0, 1, or -1 (none)
  bool operator==(const AppCondition&) const = default;
};

/// `target = value`, `target += value` or `target: T = value`. Only simple and dotted
/// targets are kept; tuple unpacking is not.
struct Assignment {
  std::string target;
  Expr value;
  bool augmented = false;    // `+=`
  bool conditional = false;  // under if/try/with/for at its scope, e.g. `if settings.DEBUG:`
  int guard = -1;  // index into FileFacts::guards of the app conditions it runs under, or -1
  int line = 0;
  // Module level and LocalList only: index into FileFacts::loops of the `for`
  // it runs in, or -1 (`for app in settings.PLUGINS: urlpatterns += [path(...)]`).
  int loop = -1;
  bool operator==(const Assignment&) const = default;
};

/// A call made in a function body, by dotted callee name; repeated calls to the
/// same name are folded into one entry with the first line and a count.
struct CallSite {
  std::string callee;  // "render", "cursor.execute", "post_save.send"
  int line = 0;
  int count = 1;
  bool operator==(const CallSite&) const = default;
};

/// The innermost `for NAME in ITERABLE:` around a statement at its scope, when
/// the target is one name: `for m in (A, B): admin.site.register(m)`, or names
/// unpacked from each item: `for prefix, viewset in ...` ("prefix,viewset").
struct LoopContext {
  std::string variable;
  Expr iterable;
  bool operator==(const LoopContext&) const = default;
};

/// A call that stands as a statement of its own: `admin.site.register(A)`,
/// `router.register(...)`, `post_save.connect(fn)`, `urlpatterns.append(...)`.
struct CallStatement {
  Expr call;          // kind kCall
  std::string scope;  // "" at module level, else the enclosing qualified name
  bool conditional = false;
  int guard = -1;  // index into FileFacts::guards, as Assignment::guard
  int line = 0;
  // Set inside such a loop only. Boxed: few statements are, and unboxed it was
  // half the size of every statement (a large project holds ~10^5 of them).
  Boxed<LoopContext> loop;

  /// True when `e` is the loop's variable: `m` in `for m in ...: register(m)`.
  bool NamesLoopVariable(const Expr& e) const {
    return e.kind == ExprKind::kName && loop && e.text == loop->variable;
  }
  bool operator==(const CallStatement&) const = default;
};

/// How a module-level function builds the local list it returns (AWX's
/// `def get_urlpatterns(): urlpatterns = [...]; urlpatterns += [...]; return
/// urlpatterns`): the statements on that name before the return, in source
/// order, under `if`s too, as module-level lists are read.
struct LocalList {
  std::vector<Assignment> assignments;  // `NAME = ...`, `NAME += ...`
  // `NAME.append(x)`, `.extend(xs)`, `.insert(i, x)`, and calls NAME is passed
  // to (`add_redirects(NAME, ...)`), which may add to it
  std::vector<CallStatement> calls;
  bool operator==(const LocalList&) const = default;
};

struct FunctionDef {
  std::string name;
  std::string scope;  // "" at module level, "Outer" for a method, "Cls.ready" for nested
  std::vector<Expr> decorators;
  std::vector<std::string> parameters;
  std::vector<CallSite> calls;  // every call in the body, nested functions excluded
  // What a module-level function returns, when it has one return statement and
  // its value may hold url patterns (`def meta_path(m): return path(...)`), is
  // one of its parameters (`return urlconf`), or is a local list built of url
  // patterns (`return urlpatterns`, built as `local_list` says). Also what a
  // tastypie resource's `prepend_urls`, `override_urls` or `base_urls` returns
  // when it may hold url patterns.
  // Boxed: few functions are such helpers.
  Boxed<Expr> returned;
  Boxed<LocalList> local_list;
  // A function with `returned`: its other locals bound once, unconditionally,
  // to what may be a string (zds-site's `base_pattern = "beta/<int:pk>/<slug:slug>"`,
  // which the f-string routes it returns read), in order.
  Boxed<std::vector<Assignment>> local_names;
  bool is_async = false;
  int line = 0;
  int end_line = 0;
  bool operator==(const FunctionDef&) const = default;
};

struct ClassDef {
  std::string name;
  std::string scope;  // "" at module level; enclosing qualified name otherwise
  std::vector<Expr> bases;
  std::vector<std::pair<std::string, Expr>> keywords;  // metaclass=..., etc.
  std::vector<Expr> decorators;
  std::vector<FunctionDef> methods;     // functions defined directly in the body
  std::vector<Assignment> attributes;   // class-level assignments, in order
  std::vector<Assignment> meta;         // assignments in a nested `class Meta:`
  std::vector<Expr> meta_bases;         // what it subclasses: `class Meta(Base.Meta):`
  bool has_meta = false;
  int line = 0;
  int end_line = 0;
  bool operator==(const ClassDef&) const = default;
};

/// A class header of a test file, read from its bytes without a parse
/// (extract/counts_alone.h): the class's name and each base's last name, "?"
/// for a base that is not a dotted name (`Generic[T]`, `metaclass=M`).
struct ClassHeader {
  std::string name;
  std::vector<std::string> bases;
  bool operator==(const ClassHeader&) const = default;
};

struct FileFacts {
  SourceFile file;
  bool parsed = false;  // false when the file was counted but not parsed (see diagnostics)
  // False for a test file whose bytes show nothing the report counts whatever
  // imports it (extract/counts_alone.h): a scan parses it only when one of its
  // classes may be a model or the project imports or names it (link/test_reach.h).
  // True for every other file.
  bool counts_alone = true;
  // Test files only: every class header, whether or not the file is parsed.
  std::vector<ClassHeader> class_headers;
  int parse_errors = 0; // ERROR and MISSING nodes tree-sitter reported
  LineCounts lines;
  std::vector<Import> imports;
  std::vector<Assignment> assignments;  // module scope (also under if/try), source order
  std::vector<ClassDef> classes;        // at any depth, source order
  std::vector<FunctionDef> functions;   // not methods; at any depth, source order
  std::vector<CallStatement> calls;     // statement calls at any depth, source order
  // Each a conjunction of app conditions that statements under `if`s require;
  // few files have any.
  std::vector<std::vector<AppCondition>> guards;
  std::vector<LoopContext> loops;  // the loops module-level (and LocalList) assignments run in
  std::vector<Diagnostic> diagnostics;
  bool operator==(const FileFacts&) const = default;
};

}  // namespace djcost
