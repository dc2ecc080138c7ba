#include "link/urls.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>

#include "link/hosts.h"
#include "link/loop_calls.h"
#include "link/model_views.h"
#include "link/models_resolve.h"
#include "link/ninja.h"
#include "link/routers.h"
#include "link/static_string.h"
#include "link/tastypie.h"
#include "link/url_helpers.h"
#include "link/urls_route.h"
#include "link/views.h"
#include "util/keep_in_order.h"
#include "util/strings.h"

namespace djcost {
namespace {

// What a call in a URLconf is, by its resolved callee.
enum class Role { kOther, kPath, kRePath, kInclude, kStatic, kI18n, kFormatSuffix, kModelUrls };

const std::map<std::string, Role, std::less<>>& RolesByQualname() {
  static const std::map<std::string, Role, std::less<>> kRoles = {
      {"django.urls.path", Role::kPath},
      {"django.urls.conf.path", Role::kPath},
      {"django.urls.re_path", Role::kRePath},
      {"django.urls.conf.re_path", Role::kRePath},
      {"django.conf.urls.url", Role::kRePath},
      {"django.urls.include", Role::kInclude},
      {"django.urls.conf.include", Role::kInclude},
      {"django.conf.urls.include", Role::kInclude},
      {"django.conf.urls.static.static", Role::kStatic},
      {"django.contrib.staticfiles.urls.staticfiles_urlpatterns", Role::kStatic},
      {"django.conf.urls.i18n.i18n_patterns", Role::kI18n},
      {"rest_framework.urlpatterns.format_suffix_patterns", Role::kFormatSuffix},
  };
  return kRoles;
}

// Names accepted without an import (a file that star-imports django.urls, or a
// snippet): only when the name resolves to nothing at all.
const std::map<std::string, Role, std::less<>>& RolesByBareName() {
  static const std::map<std::string, Role, std::less<>> kRoles = {
      {"path", Role::kPath},
      {"re_path", Role::kRePath},
      {"url", Role::kRePath},
      {"include", Role::kInclude},
      {"static", Role::kStatic},
      {"staticfiles_urlpatterns", Role::kStatic},
      {"i18n_patterns", Role::kI18n},
      {"format_suffix_patterns", Role::kFormatSuffix},
  };
  return kRoles;
}

Role CalleeRole(const ProjectIndex& index, int file, const Expr& call) {
  if (call.kind != ExprKind::kCall || call.text.empty()) return Role::kOther;
  Symbol s = index.Resolve(file, call.text);
  if (s.kind == Symbol::Kind::kUnknown) {
    auto it = RolesByBareName().find(call.text);
    return it == RolesByBareName().end() ? Role::kOther : it->second;
  }
  std::string qual = FullName(s);
  // Inside Django's own source `path` is a repo variable named like the table's.
  if (s.kind != Symbol::Kind::kExternal && !index.FindKnownFunction(qual) &&
      !RolesByQualname().count(qual)) {
    return Role::kOther;
  }
  if (const KnownFunction* k = index.FindKnownFunction(qual)) {
    if (k->HasTag("url-pattern")) {
      return LastComponent(k->qualname) == "path" ? Role::kPath : Role::kRePath;
    }
    if (k->HasTag("include")) return Role::kInclude;
    if (k->HasTag("static-urls")) return Role::kStatic;
    if (k->HasTag("i18n-patterns")) return Role::kI18n;
    if (k->HasTag("model-urls")) return Role::kModelUrls;
    qual = k->qualname;
  }
  auto it = RolesByQualname().find(qual);
  return it == RolesByQualname().end() ? Role::kOther : it->second;
}

// Calls that return a list of patterns no package provides: the standard
// library's (reduce(max, groups), chain(a, b) over the project's own lists), and
// a module imported by a name known only at run time.
bool IsStandardLibrary(std::string_view qualname) {
  std::string_view module = SplitHead(qualname).first;
  return module == "functools" || module == "itertools" || module == "operator" ||
         module == "builtins" || module == "copy" || module == "importlib" ||
         qualname == "django.utils.module_loading.import_string";
}

// An expression as it was written, near enough for a message: `"^" + OCM + "shares/$"`
// rather than the operator alone.
std::string Written(const Expr& e, int depth = 0) {
  if (depth > 8) return "...";
  switch (e.kind) {
    case ExprKind::kString:
      return "\"" + e.text + "\"";
    case ExprKind::kFString:
      return "f\"" + e.text + "\"";
    case ExprKind::kBinOp:
      if (e.text == "format" && e.items.size() == 2) {  // `"^v{}/".format(API_VERSION)`
        std::string arguments;
        for (const Expr& item : e.items[1].items) {
          arguments += (arguments.empty() ? "" : ", ") + Written(item, depth + 1);
        }
        for (const auto& [key, value] : e.keywords) {  // `**opts` is kept under the key "**"
          bool unpacked = !key.empty() && key[0] == '*';
          arguments += (arguments.empty() ? "" : ", ") + key + (unpacked ? "" : "=") +
                       Written(value, depth + 1);
        }
        return Written(e.items[0], depth + 1) + ".format(" + arguments + ")";
      }
      if (e.items.size() == 2) {
        // An operand that is another operation, or the same one on the right, is
        // bracketed: `"%s/" % (a or b)`, but `"^" + a + "/"`.
        auto operand = [&](const Expr& item, bool right) {
          std::string w = Written(item, depth + 1);
          bool bracket = item.kind == ExprKind::kBinOp && (right || item.text != e.text);
          return bracket ? "(" + w + ")" : w;
        };
        return operand(e.items[0], false) + " " + e.text + " " + operand(e.items[1], true);
      }
      return e.text;
    case ExprKind::kCall:
      return (e.text.empty() ? std::string("call") : e.text) + "(...)";
    case ExprKind::kList: {
      // The tuple of `"^site%s/%s$" % (format_re, group_re)` (addons-server).
      std::string items;
      for (const Expr& item : e.items) {
        items += (items.empty() ? "" : ", ") + Written(item, depth + 1);
      }
      return "(" + items + (e.items.size() == 1 ? ",)" : ")");
    }
    case ExprKind::kDict: {
      std::string entries;
      for (const auto& [key, value] : e.keywords) {
        entries += (entries.empty() ? "\"" : ", \"") + key + "\": " + Written(value, depth + 1);
      }
      return "{" + entries + "}";
    }
    default:
      return e.text;
  }
}

bool IsAdminSite(const ProjectIndex& index, const Symbol& v) {
  if (v.kind != Symbol::Kind::kVariable || !v.value) return false;
  std::string cls = InstantiatedClass(index, v.file, *v.value);
  return !cls.empty() && ClassIs(index, cls, "admin-site",
                                 {"django.contrib.admin.sites.AdminSite",
                                  "django.contrib.admin.AdminSite"});
}

constexpr int kMaxAliasDepth = 8;
constexpr char kOpenEnded = '\x01';  // claims_ key suffix of an open-ended regex route

// A name bound to an attribute of another (`urls = api.urls`).
bool IsAttributeAlias(const Expr& value) {
  return value.kind == ExprKind::kName && value.text.find('.') != std::string::npos;
}

// `urls.append` for list `urls`.
bool IsMethodOf(std::string_view callee, std::string_view name) {
  return callee.size() > name.size() && callee.substr(0, name.size()) == name &&
         callee[name.size()] == '.';
}

// `admin.site.urls[1]`: a dotted name read at a literal index.
struct Subscript {
  std::string_view base;
  size_t index = 0;
};

std::optional<Subscript> SubscriptOf(const Expr& e) {
  if (e.kind != ExprKind::kOther || e.text.empty() || e.text.back() != ']') return std::nullopt;
  std::string_view text = e.text;
  size_t open = text.find('[');
  if (open == 0 || open == std::string_view::npos) return std::nullopt;
  std::string_view base = text.substr(0, open);
  auto dotted = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
  };
  if (!std::all_of(base.begin(), base.end(), dotted)) return std::nullopt;
  const char* first = text.data() + open + 1;
  const char* last = text.data() + text.size() - 1;
  Subscript out{base, 0};
  auto [end, error] = std::from_chars(first, last, out.index);
  if (error != std::errc() || end != last) return std::nullopt;
  return out;
}

class UrlWalker {
 public:
  UrlWalker(const ProjectIndex& index, int settings_file, const Apps* apps, UrlInventory* out)
      : index_(index), settings_file_(settings_file), apps_(apps), out_(out) {}

  /// Walks one root URLconf; route claims start afresh (each root is its own resolver).
  void WalkRoot(int file) {
    claims_.clear();
    WalkModule(file, "", Location{index_.files()[file].file.path, 0, 0});
  }

  /// Modules (and modules' urlpatterns lists) reached through an include.
  const std::set<int>& included() const { return included_; }

  /// Indices of the endpoints found under an include whose route could not be
  /// read: their routes lack a prefix, so they are not the same as others'.
  const std::set<std::size_t>& unread() const { return unread_; }

 private:
  Location At(int file, int line) const { return Location{index_.files()[file].file.path, line, 0}; }

  void Diag(const char* code, const Location& loc, std::string message) {
    out_->diagnostics.push_back({Severity::kWarning, code, loc, std::move(message)});
  }

  // A module whose urlpatterns reach the walk through a name, not an include
  // (ecommerce: `from ecommerce.extensions.urls import urlpatterns as
  // extensions_patterns; urlpatterns += extensions_patterns`), was walked too.
  void NoteUrlpatternsItem(int file, const Expr& item) {
    if ((!stack_.empty() && stack_.back() == file) || included_.count(file)) return;
    auto [it, fresh] = urlpatterns_items_.try_emplace(file);
    if (fresh) {
      std::vector<ListItem> items;
      if (index_.EvalList(file, "urlpatterns", &items)) {
        for (const ListItem& li : items) it->second.insert(li.expr);
      }
    }
    if (it->second.count(&item)) included_.insert(file);
  }

  void WalkModule(int file, const std::string& prefix, const Location& from) {
    if (std::find(stack_.begin(), stack_.end(), file) != stack_.end()) {
      Diag("include-cycle", from,
           "include of " + index_.ModuleOf(file) + " leads back to itself; not walked again");
      return;
    }
    std::vector<ListItem> items;
    if (!index_.EvalList(file, "urlpatterns", &items)) {
      Diag("unresolved-include", from, "module " + index_.ModuleOf(file) + " has no urlpatterns");
      return;
    }
    if (!stack_.empty()) included_.insert(file);
    stack_.push_back(file);
    for (const ListItem& item : items) WalkItem(item.file, *item.expr, prefix);
    stack_.pop_back();
  }

  void WalkItem(int file, const Expr& item, const std::string& prefix) {
    // A list that contains itself through names would recurse forever.
    if (!active_.insert(&item).second) return;
    WalkItemOnce(file, item, prefix);
    active_.erase(&item);
  }

  void WalkItemOnce(int file, const Expr& item, const std::string& prefix) {
    file = FileOf(item, file);
    NoteUrlpatternsItem(file, item);
    Location loc = At(file, item.line);
    switch (item.kind) {
      case ExprKind::kCall:
        break;
      case ExprKind::kName:
        WalkIncluded(file, item, prefix, loc);
        return;
      case ExprKind::kList:
        for (const Expr& inner : item.items) WalkItem(file, inner, prefix);
        return;
      default:
        if (IsStarred(item)) {
          // `[*router.urls, *extra_patterns]`: the unpacked list's patterns, in place.
          WalkUnpacked(file, item.items[0], prefix, loc);
          return;
        }
        if (WalkAdminSitePatterns(file, item, prefix, loc)) return;
        Diag("unresolved-url-pattern", loc, "url pattern " + item.text + " is not understood");
        return;
    }
    Role role = CalleeRole(index_, file, item);
    switch (role) {
      case Role::kPath:
      case Role::kRePath:
        WalkPattern(file, item, role == Role::kRePath, prefix);
        return;
      case Role::kStatic:
        return;  // media and static files served in DEBUG: not endpoints
      case Role::kI18n:
      case Role::kFormatSuffix: {
        // i18n_patterns(*patterns): no language prefix is written (see urls.h).
        // format_suffix_patterns(patterns): the suffix twins are not endpoints.
        size_t count = role == Role::kI18n ? item.items.size() : std::min<size_t>(1, item.items.size());
        for (size_t i = 0; i < count; ++i) {
          const Expr& arg = item.items[i];
          if (IsStarred(arg)) {  // i18n_patterns(*urlpatterns)
            WalkUnpacked(file, arg.items[0], prefix, loc);
            continue;
          }
          std::vector<ListItem> items;
          index_.ExpandList(FileOf(arg, file), arg, &items);
          for (const ListItem& li : items) WalkItem(li.file, *li.expr, prefix);
        }
        return;
      }
      case Role::kInclude:
        Diag("unresolved-url-pattern", loc, "include() outside a path() is not a url pattern");
        return;
      case Role::kModelUrls:
        WalkModelUrls(file, item, prefix, loc);
        return;
      case Role::kOther:
        break;
    }
    Symbol s = index_.Resolve(file, item.text);
    if (s.kind == Symbol::Kind::kFunction && s.remainder.empty() && s.function->returned) {
      WalkHelper(s, file, item, prefix, loc);
      return;
    }
    if (s.kind == Symbol::Kind::kFunction && s.remainder.empty() &&
        WalkVariadicPatterns(*s.function, file, item, prefix, loc)) {
      return;
    }
    if (s.kind == Symbol::Kind::kExternal && !IsStandardLibrary(s.qualname)) {
      // debug_toolbar_urls() and the like: patterns from a third-party package.
      std::string target = FullName(s);
      out_->external_routes.push_back({prefix, target + "()", "third-party include", loc});
      return;
    }
    Diag("unresolved-url-pattern", loc,
         "url pattern " + (item.text.empty() ? std::string("call") : item.text + "()") +
             " is a call we do not evaluate");
  }

  // `meta_path(Part)` where `def meta_path(model): return path(...)`: the
  // patterns the helper returns, its parameters bound to what the call passes.
  void WalkHelper(const Symbol& helper, int file, const Expr& call, const std::string& prefix,
                  const Location& loc) {
    const FunctionDef& fn = *helper.function;
    if (!EnterHelper(helper, file, call, loc)) return;
    HelperCall bound = ArgumentsOf(fn, helper.file, file, call);
    if (fn.local_list) {
      WalkReturnedList(helper, bound, prefix, loc);
    } else {
      WalkReturnedValue(*fn.returned, bound, prefix, &call == sited_pattern_ ? site_ : loc);
    }
    LeaveHelper(fn);
  }

  // DMOJ's `path("rank/", paged_list_view(RankView, "rank"))` with
  // `def paged_list_view(view, name): return include([path("", view.as_view()), ...])`:
  // include() returns a (urlconf, app_name, namespace) tuple, which path()
  // takes wherever it was built, so the helper's include is walked as if
  // written at the call, its parameters bound to the call's arguments.
  void WalkIncludeHelper(const Symbol& helper, int file, const Expr& call,
                         const std::string& prefix, const Location& loc) {
    const FunctionDef& fn = *helper.function;
    if (!EnterHelper(helper, file, call, loc)) return;
    const Expr& include = Bind(*fn.returned, ArgumentsOf(fn, helper.file, file, call));
    WalkIncludeCall(helper.file, include, prefix, loc);
    LeaveHelper(fn);
  }

  // False, with an include-cycle warning, when the helper is being walked
  // from its own body.
  bool EnterHelper(const Symbol& helper, int file, const Expr& call, const Location& loc) {
    if (CallsItself(helper, file, call)) {
      Diag("include-cycle", loc, "url helper " + helper.qualname + "() leads back to itself");
      return false;
    }
    helpers_active_.insert(helper.function);
    return true;
  }

  void LeaveHelper(const FunctionDef& fn) { helpers_active_.erase(helpers_active_.find(&fn)); }

  // The repo function `call` calls when its one return is an include() call.
  std::optional<Symbol> IncludeHelper(int file, const Expr& call) const {
    if (call.kind != ExprKind::kCall || call.text.empty()) return std::nullopt;
    Symbol s = index_.Resolve(file, call.text);
    if (s.kind != Symbol::Kind::kFunction || !s.remainder.empty() || !s.function->returned ||
        s.function->local_list ||
        CalleeRole(index_, s.file, *s.function->returned) != Role::kInclude) {
      return std::nullopt;
    }
    return s;
  }

  // The helper's own value calls it again (`def endless(): return [..., *endless()]`).
  // A call written elsewhere is a new call, even while the helper is walked:
  // datatracker's `url(r"^wg/", include(detail))` with `detail = [url(...)]`.
  bool CallsItself(const Symbol& helper, int file, const Expr& call) const {
    const FunctionDef& fn = *helper.function;
    return helpers_active_.count(&fn) > 0 && file == helper.file && call.line >= fn.line &&
           call.line <= fn.end_line;
  }

  // One call's arguments, split by the module they are read in. Literals read
  // alike anywhere; a name is read where the call is written, so it is passed
  // whole (datatracker's `url(regex, view)` wrapper, called from every URLconf
  // with the view it imported), and a name of the helper's own module also
  // binds where the helper uses it dotted (`view.as_view()`).
  struct HelperCall {
    int helper_file = -1;
    int caller_file = -1;
    HelperArguments arguments;
    HelperArguments passed;
  };

  HelperCall ArgumentsOf(const FunctionDef& fn, int helper_file, int file, const Expr& call) {
    HelperCall out{helper_file, file, {}, {}};
    for (const auto& bound : BindHelperArguments(fn, call)) {
      const Expr& argument = *bound.second;
      if (IsLiteral(argument)) {
        out.arguments.push_back(bound);
        continue;
      }
      out.passed.push_back(bound);
      if (FileOf(argument, file) == helper_file) out.arguments.push_back(bound);
    }
    BindLocalStrings(fn, helper_file, &out.arguments);
    return out;
  }

  // The helper's locals that read as strings, bound like literal arguments
  // (zds-site's `base_pattern`), each read with the arguments and the locals
  // before it: a local is the helper's own, whatever a module-level name says.
  void BindLocalStrings(const FunctionDef& fn, int helper_file, HelperArguments* arguments) {
    if (!fn.local_names) return;
    for (const Assignment& local : *fn.local_names) {
      std::string text;
      if (!EvalString(index_, settings_file_, helper_file, BindParameters(local.value, *arguments),
                      &text)) {
        continue;
      }
      Expr& literal = bound_.emplace_back();
      literal.kind = ExprKind::kString;
      literal.text = std::move(text);
      literal.line = local.line;
      arguments->emplace_back(local.target, &literal);
    }
  }

  // `value`, an expression of the helper, with the call's arguments bound; the
  // arguments passed from another module are marked with the file they are read in.
  const Expr& Bind(const Expr& value, const HelperCall& call) {
    if (call.arguments.empty() && call.passed.empty()) return value;
    const Expr& bound = bound_.emplace_back(BindParameters(value, call.arguments, call.passed));
    for (const auto& [node, argument] : PassedNodes(value, bound, call.passed)) {
      int from = FileOf(*argument, call.caller_file);
      if (from != call.helper_file) argument_files_[node] = from;
    }
    return bound;
  }

  // `return path(...)`, `return [...]` or `return urlconf` (a parameter:
  // addons-server's `decorate(decorator, urlconf)` hands back what it was given).
  // A value that is one pattern call stands for the helper's call: its endpoints
  // are where the call is written (`site`), as a path() written there would be.
  void WalkReturnedValue(const Expr& returned, const HelperCall& call, const std::string& prefix,
                         const Location& site) {
    const Expr& value = Bind(returned, call);
    if (value.kind != ExprKind::kCall) {
      WalkItem(call.helper_file, value, prefix);
      return;
    }
    const Expr* outer_pattern = sited_pattern_;
    Location outer_site = site_;
    sited_pattern_ = &value;
    site_ = site;
    WalkItem(call.helper_file, value, prefix);
    sited_pattern_ = outer_pattern;
    site_ = outer_site;
  }

  // `urlpatterns = [...]; urlpatterns += [...]; return urlpatterns` (AWX's
  // get_urlpatterns()): the local list's items, those of the helper's body
  // with the call's arguments bound.
  void WalkReturnedList(const Symbol& helper, const HelperCall& call, const std::string& prefix,
                        const Location& loc) {
    const FunctionDef& fn = *helper.function;
    std::vector<ListItem> items;
    if (!index_.EvalReturnedList(helper.file, fn, &items)) {
      Diag("unresolved-url-pattern", loc,
           "url helper " + helper.qualname + "() returns a list we cannot read");
      return;
    }
    for (const ListItem& li : items) {
      bool in_body =
          li.file == helper.file && li.expr->line >= fn.line && li.expr->line <= fn.end_line;
      WalkItem(li.file, in_body ? Bind(*li.expr, call) : *li.expr, prefix);
    }
    WarnOfListPassedOn(helper);
    WarnOfLoopsNotRead(helper);
  }

  // `_add_redirects(patterns, ...)` (CourtListener's wiki redirects): what the
  // function the list is passed to adds is not read.
  void WarnOfListPassedOn(const Symbol& helper) {
    const std::string& name = helper.function->returned->text;
    for (const CallStatement& c : helper.function->local_list->calls) {
      if (IsMethodOf(c.call.text, name)) continue;  // name.append(...): read
      Diag("unresolved-url-pattern", At(helper.file, c.line),
           "url helper " + helper.qualname + "() passes its list " + name + " to " +
               c.call.text + "(), whose patterns are not read");
    }
  }

  // `for mount_point in plugin.root_mount_points(): result.append(url(...))`
  // (WebODM's plugins): what a loop over a list only known at run time adds
  // is not counted, whatever its one item walked in place says.
  void WarnOfLoopsNotRead(const Symbol& helper) {
    const LocalList& list = *helper.function->local_list;
    auto warn_unless_read = [&](const LoopContext& loop, int line) {
      std::vector<ListItem> items;
      index_.ExpandList(helper.file, loop.iterable, &items);
      if (!BindLoopItems(loop, items).empty()) return;
      Diag("unresolved-url-pattern", At(helper.file, line),
           "url helper " + helper.qualname + "() adds patterns in a loop over " +
               Written(loop.iterable) + ", which cannot be read statically");
    };
    const std::vector<LoopContext>& loops = index_.files()[helper.file].loops;
    for (const Assignment& a : list.assignments) {
      if (a.loop >= 0) warn_unless_read(loops[a.loop], a.line);
    }
    const std::string& name = helper.function->returned->text;
    for (const CallStatement& c : list.calls) {
      if (c.loop && IsMethodOf(c.call.text, name)) warn_unless_read(*c.loop, c.line);
    }
  }

  // The file a node of a helper's bound value is read in: the caller's for an
  // argument passed from another module, else `file`.
  int FileOf(const Expr& e, int file) const {
    if (argument_files_.empty()) return file;
    auto it = argument_files_.find(&e);
    return it == argument_files_.end() ? file : it->second;
  }

  // A repo function that takes patterns as `*urls` and hands them back, wrapped
  // or not: uMap's `decorated_patterns(login_required, path(...), *extra)` (a
  // djangosnippets recipe), a project's own i18n_patterns(*urls). Django serves
  // each pattern passed, so the arguments bound to the variadic parameter are
  // walked. False when the function has no `*` parameter.
  bool WalkVariadicPatterns(const FunctionDef& fn, int file, const Expr& call,
                            const std::string& prefix, const Location& loc) {
    size_t first = fn.parameters.size();
    for (size_t i = 0; i < fn.parameters.size(); ++i) {
      const std::string& p = fn.parameters[i];
      if (p.size() > 1 && p[0] == '*' && p[1] != '*') first = i;
    }
    if (first == fn.parameters.size()) return false;
    if (!fn.parameters.empty() && (fn.parameters[0] == "self" || fn.parameters[0] == "cls")) {
      return false;
    }
    for (size_t i = 0; i < call.items.size(); ++i) {
      const Expr& arg = call.items[i];
      if (IsStarred(arg)) {
        first = std::min(first, i);  // from here on, which parameter takes what is unknown
        WalkUnpacked(file, arg.items[0], prefix, loc);
      } else if (i >= first) {
        WalkItem(file, arg, prefix);
      }
    }
    return true;
  }

  void WalkUnpacked(int file, const Expr& list, const std::string& prefix, const Location& loc) {
    file = FileOf(list, file);
    switch (list.kind) {
      case ExprKind::kName:
        WalkIncluded(file, list, prefix, loc);  // router.urls, a list variable
        return;
      case ExprKind::kCall:  // *debug_toolbar_urls(): a third-party list, or not evaluated
      case ExprKind::kList:
        WalkItemOnce(file, list, prefix);
        return;
      default: {
        std::vector<ListItem> items;
        index_.ExpandList(file, list, &items);  // *(a + b)
        if (items.empty()) {
          Diag("unresolved-url-pattern", loc, "url pattern *" + list.text + " is not understood");
        }
        for (const ListItem& li : items) WalkItem(li.file, *li.expr, prefix);
      }
    }
  }

  // True when `view` in path(route, view) is a list of patterns rather than a
  // view: a tuple, router.urls, api.urls, admin.site.urls, a list variable, a
  // repo helper returning include().
  bool IsIncludable(int file, const Expr& view, int depth = 0) const {
    if (view.kind == ExprKind::kList) return true;
    if (view.kind == ExprKind::kCall) {
      return CalleeRole(index_, file, view) == Role::kInclude || IncludeHelper(file, view);
    }
    if (view.kind != ExprKind::kName) return false;
    Symbol s = index_.Resolve(file, view.text);
    if (s.kind == Symbol::Kind::kExternal) {
      std::string full = FullName(s);
      return LastComponent(full) == "urls";
    }
    if (s.kind != Symbol::Kind::kVariable || !s.value) return false;
    if (s.remainder == "urls") return true;
    if (!s.remainder.empty()) return false;
    const Expr& v = *s.value;
    if (IsAttributeAlias(v) && depth < kMaxAliasDepth) return IsIncludable(s.file, v, depth + 1);
    return v.kind == ExprKind::kList || v.kind == ExprKind::kBinOp ||
           (v.kind == ExprKind::kCall && CalleeRole(index_, s.file, v) != Role::kOther);
  }

  void WalkPattern(int file, const Expr& call, bool regex, const std::string& prefix) {
    Location loc = &call == sited_pattern_ ? site_ : At(file, call.line);
    const Expr* route = Argument(call, 0, "route");
    if (!route) route = call.Keyword("regex");
    const Expr* view = Argument(call, 1, "view");
    if (!route) {
      Diag("unresolved-route", loc, call.text + "() has no route");
      return;
    }
    if (!view) {
      Diag("unresolved-view", loc, call.text + "() has no view");
      return;
    }
    int view_file = FileOf(*view, file);
    bool includable = IsIncludable(view_file, *view);
    std::string text;
    int route_file = FileOf(*route, file);
    bool read = EvalString(index_, settings_file_, route_file, *route, &text);
    // The pattern still exists at runtime, whatever its text: keep counting it.
    // An include's prefix read from the environment is usually empty by default
    // (BASE_PATH, SITE_ROOT); a view's route keeps the expression as a marker.
    UnreadRoute unread;
    if (!read) unread = DescribeUnreadRoute(route_file, *route, call.text);
    if (includable) {
      std::string inner = prefix + (read ? RouteLevel(text, regex, false) : "");
      // Under a prefix counted as empty, routes cannot be told to shadow others.
      if (!read) ++unread_prefixes_;
      size_t counted_before = CountedSoFar();
      if (view->kind == ExprKind::kCall) {
        WalkIncludeCall(view_file, *view, inner, loc);
      } else {
        WalkIncluded(view_file, *view, inner, loc);
      }
      if (!read) {
        --unread_prefixes_;
        WarnOfUnreadPrefix(unread, CountedSoFar() - counted_before, loc);
      }
      return;
    }
    if (!read) {
      text = unread.counted;
      Diag("unresolved-route", loc, unread.message + "; counted as " + text);
    }
    std::string name;
    if (const Expr* n = call.Keyword("name"); n && n->kind == ExprKind::kString) name = n->text;
    ResolvedView resolved = ResolveView(index_, view_file, *view);
    // A route kept as "{expression}" is not the text Django matches: it can
    // neither shadow nor be shadowed (readthedocs.org's "...".format(**opts)).
    if (!read) ++unread_prefixes_;
    open_ended_ = read && regex && !RegexEndsAnchored(text);
    AddView(resolved, prefix + RouteLevel(text, regex, true), name, loc, next_leaf_++);
    open_ended_ = false;
    if (!read) --unread_prefixes_;
  }

  // include(get_model_urls("dcim", "site")): a path per view NetBox's registry
  // holds for the model (link/model_views.h), each counted where it registers.
  void WalkModelUrls(int file, const Expr& call, const std::string& prefix, const Location& loc) {
    const Expr* app = Argument(call, 0, "app_label");
    const Expr* model = Argument(call, 1, "model_name");
    std::string app_label, model_name;
    if (!app || !model || !EvalString(index_, settings_file_, FileOf(*app, file), *app, &app_label) ||
        !EvalString(index_, settings_file_, FileOf(*model, file), *model, &model_name)) {
      Diag("unresolved-url-pattern", loc,
           "url pattern " + call.text + "() names a model we cannot read");
      return;
    }
    const Expr* detail = Argument(call, 2, "detail");
    const bool of_one_object = !detail || detail->kind != ExprKind::kFalse;
    if (!model_views_) model_views_ = std::make_unique<ModelViewRegistry>(index_, apps_);
    for (const ModelView& v : model_views_->Find(app_label, model_name, of_one_object)) {
      Expr view;
      view.kind = v.is_class ? ExprKind::kCall : ExprKind::kName;
      view.text = v.is_class ? v.view + ".as_view" : v.view;
      view.line = v.line;
      AddView(ResolveView(index_, v.file, view), prefix + RouteLevel(v.route, false, true), v.name,
              At(v.file, v.line), next_leaf_++);
    }
  }

  // A route djcost cannot read: what a message says of it, and the text a
  // view's endpoints are counted under. An f-string keeps the fields that read
  // and shows the others as written (zds-site's `{base_pattern}/` before its
  // helper's locals were read); any other expression is kept whole in braces.
  // Neither is the text Django matches.
  struct UnreadRoute {
    std::string message;  // "route f\"{x}/\" of path() cannot be read statically (x is not read)"
    std::string counted;
  };

  UnreadRoute DescribeUnreadRoute(int file, const Expr& route, const std::string& callee) const {
    UnreadRoute out;
    std::string written = route.kind == ExprKind::kBinOp ? Written(route) : route.text;
    std::string why;
    std::vector<std::string> fields;
    if (route.kind == ExprKind::kFString &&
        EvalFStringPartly(index_, settings_file_, file, route, &out.counted, &fields)) {
      written = Written(route);
      why = " (" + Join(fields, ", ") + (fields.size() == 1 ? " is" : " are") + " not read)";
    } else {
      out.counted = "{" + written + "}";
    }
    out.message = "route " + (written.empty() ? std::string("expression") : written) + " of " +
                  callee + "() cannot be read statically" + why;
    return out;
  }

  // Endpoints and external routes the walk has listed so far.
  size_t CountedSoFar() const { return out_->endpoints.size() + out_->external_routes.size(); }

  // An include under a prefix djcost cannot read: what it includes is counted
  // as if the prefix were empty, or, when nothing could be read under it (Kiwi
  // TCMS's plugin loop, `include(import_module(...))`), nothing was counted.
  void WarnOfUnreadPrefix(const UnreadRoute& unread, size_t counted, const Location& loc) {
    Diag("unresolved-route", loc,
         unread.message + (counted == 0 ? "; nothing under it was counted"
                                        : "; counted as an empty prefix"));
  }

  // include(target) as path()'s view, or a call of a helper returning one.
  void WalkIncludeCall(int file, const Expr& call, const std::string& prefix, const Location& loc) {
    if (std::optional<Symbol> helper = IncludeHelper(file, call)) {
      WalkIncludeHelper(*helper, file, call, prefix, loc);
      return;
    }
    const Expr* target = Argument(call, 0, "arg");
    if (!target) {
      Diag("unresolved-include", loc, "include() has no argument");
      return;
    }
    WalkIncluded(file, *target, prefix, loc);
  }

  void WalkIncluded(int file, const Expr& target, const std::string& prefix,
                    const Location& loc) {
    file = FileOf(target, file);
    switch (target.kind) {
      case ExprKind::kString: {
        int module = index_.modules().Find(target.text);
        if (module >= 0) {
          WalkModule(module, prefix, loc);
        } else if (index_.modules().Find(SplitHead(target.text).first) >= 0) {
          Diag("unresolved-include", loc,
               "include(\"" + target.text + "\") names a module the repository does not have");
        } else {
          out_->external_routes.push_back({prefix, target.text, "third-party include", loc});
        }
        return;
      }
      case ExprKind::kList:
        if (const Expr* patterns = PairPatterns(file, target)) {
          WalkIncluded(file, *patterns, prefix, loc);
          return;
        }
        for (const Expr& item : target.items) WalkItem(file, item, prefix);
        return;
      case ExprKind::kCall:
        WalkItem(file, target, prefix);
        return;
      case ExprKind::kName:
      case ExprKind::kFString:
      case ExprKind::kBinOp: {
        // include(settings.SITE_URLCONF), include(f"{APP}.urls"): a module's name.
        if (std::string module; EvalString(index_, settings_file_, file, target, &module)) {
          Expr named = target;
          named.kind = ExprKind::kString;
          named.text = std::move(module);
          WalkIncluded(file, named, prefix, loc);
          return;
        }
        if (target.kind == ExprKind::kName) break;
        if (target.kind == ExprKind::kFString) {
          Diag("unresolved-include", loc,
               "include of f\"" + target.text + "\" is not a module name we can read");
          return;
        }
        if (target.text == "%" || target.text == "format") {
          // mytardis: `include('%s.urls' % app)` in a loop over its apps; a
          // formatted string is no list to expand.
          Diag("unresolved-url-pattern", loc,
               "include(" + Written(target) + ") names its module with a " +
                   (target.text == "%" ? "%-formatted" : "str.format()") +
                   " string we cannot read");
          return;
        }
        // include(locale_patterns + [...]) (pretix's shop): the lists' items.
        std::vector<ListItem> items;
        index_.ExpandList(file, target, &items);
        for (const ListItem& li : items) WalkItem(li.file, *li.expr, prefix);
        return;
      }
      default:
        if (WalkAdminSitePatterns(file, target, prefix, loc)) return;
        Diag("unresolved-include", loc, "include of " + target.text + " is not understood");
        return;
    }
    Symbol s = index_.Resolve(file, target.text);
    switch (s.kind) {
      case Symbol::Kind::kModule:
        WalkModule(s.file, prefix, loc);
        return;
      case Symbol::Kind::kExternal:
        if (std::string admin = AdminSiteUrls(s); !admin.empty()) {
          out_->external_routes.push_back({prefix, admin, "admin", loc});
        } else {
          out_->external_routes.push_back({prefix, FullName(s), "third-party include", loc});
        }
        return;
      case Symbol::Kind::kVariable:
        if (s.remainder == "urls") {
          WalkUrlsAttribute(s, prefix, loc);
          return;
        }
        // `urls = api.urls` (ArchiveBox's ninja API): the name stands for what it
        // was bound to.
        if (s.remainder.empty() && s.value && IsAttributeAlias(*s.value) &&
            aliases_followed_ < kMaxAliasDepth) {
          ++aliases_followed_;
          WalkIncluded(s.file, *s.value, prefix, loc);
          --aliases_followed_;
          return;
        }
        if (s.remainder.empty()) {
          WalkListVariable(file, target, s, prefix, loc);
          return;
        }
        break;
      default:
        break;
    }
    Diag("unresolved-include", loc, "include of " + target.text + " names nothing we can walk");
  }

  // The patterns of an (urls, app_name) or (urls, app_name, namespace) pair, as
  // include() takes it; nullptr for anything else.
  const Expr* PairPatterns(int file, const Expr& e) const {
    bool pair = e.kind == ExprKind::kList && (e.items.size() == 2 || e.items.size() == 3) &&
                IsAppName(file, e.items[1]);
    return pair ? &e.items[0] : nullptr;
  }

  // The app_name of include((patterns, app_name)): a string, a name that is
  // not patterns (`app_name`, pretix's `app.label`), or a subscript that reads
  // no pattern (open-humans' `admin.site.urls[1]`, `NAMES[0]`).
  bool IsAppName(int file, const Expr& e) const {
    return e.kind == ExprKind::kString || e.kind == ExprKind::kFString ||
           (e.kind == ExprKind::kName && !IsIncludable(file, e)) || ReadsNoPattern(file, e);
  }

  // `NAMES[0]`: a subscript, unless it reads a pattern (or a list of them) out
  // of a list the project binds.
  bool ReadsNoPattern(int file, const Expr& e) const {
    std::optional<Subscript> sub = SubscriptOf(e);
    if (!sub) return false;
    Symbol s = index_.Resolve(file, sub->base);
    if (s.kind != Symbol::Kind::kVariable || !s.remainder.empty() || !s.value ||
        s.value->kind != ExprKind::kList || sub->index >= s.value->items.size()) {
      return true;
    }
    ExprKind read = s.value->items[sub->index].kind;
    return read != ExprKind::kCall && read != ExprKind::kList;
  }

  // "admin.site.urls" for Django's default admin site, "<module>.site.urls" for
  // an AdminSite of the project's; "" for anything else.
  std::string AdminSiteUrls(const Symbol& s) const {
    if (s.kind == Symbol::Kind::kExternal) {
      std::string full = FullName(s);
      bool admin = EndsWith(full, ".site.urls") && full.find("admin") != std::string::npos;
      return admin ? "admin.site.urls" : "";
    }
    return s.remainder == "urls" && IsAdminSite(index_, s) ? s.qualname + ".urls" : "";
  }

  // `admin.site.urls[0]`, the patterns of an admin site's (patterns, app_name,
  // namespace) triple (open-humans' `include((admin.site.urls[0],
  // admin.site.urls[1]), ...)`, fiduswriter's `patterns + admin.site.urls[0]`):
  // listed as the admin site is. False for anything else.
  bool WalkAdminSitePatterns(int file, const Expr& e, const std::string& prefix,
                             const Location& loc) {
    std::optional<Subscript> sub = SubscriptOf(e);
    if (!sub || sub->index != 0) return false;
    std::string admin = AdminSiteUrls(index_.Resolve(file, sub->base));
    if (admin.empty()) return false;
    out_->external_routes.push_back({prefix, admin, "admin", loc});
    return true;
  }

  void WalkListVariable(int file, const Expr& target, const Symbol& s, const std::string& prefix,
                        const Location& loc) {
    // pretalx rebinds `urlpatterns` in a loop over plugins and includes that:
    // read flow-insensitively it is the module's own list, being walked now.
    if (s.variable == "urlpatterns" && std::find(stack_.begin(), stack_.end(), s.file) != stack_.end()) {
      // `urlpatterns = [path("v1/", include(urlpatterns))]`: Python reads the
      // right side first, so this is the list bound before the statement.
      std::vector<ListItem> before;
      if (s.file == file && index_.EvalListBefore(file, s.variable, &target, &before)) {
        for (const ListItem& li : before) WalkItem(li.file, *li.expr, prefix);
        return;
      }
      Diag("include-cycle", loc,
           "include of " + target.text + " names the urlpatterns being walked; not walked again");
      return;
    }
    if (s.variable == "urlpatterns" && s.file != file) included_.insert(s.file);
    // `detail_patterns = ((re_path(...), ...), "details")` then
    // `include(detail_patterns)` (etools): the patterns of an (urls, app_name)
    // pair, as include() reads the pair written in place.
    const Expr* pair_patterns = s.value ? PairPatterns(s.file, *s.value) : nullptr;
    if (pair_patterns && pair_patterns->kind == ExprKind::kList) {
      for (const Expr& item : pair_patterns->items) WalkItem(s.file, item, prefix);
      return;
    }
    if (pair_patterns) {  // fiduswriter's `([re_path(...)] + admin.site.urls[0], ...)`
      WalkIncluded(s.file, *pair_patterns, prefix, loc);
      return;
    }
    std::vector<ListItem> items;
    index_.ExpandList(file, target, &items);
    if (items.size() == 1 && items[0].expr == &target) {
      // Not a list: `patterns = i18n_patterns(...)` or an unreadable value.
      if (s.value && s.value->kind == ExprKind::kCall) {
        WalkItem(s.file, *s.value, prefix);
      } else {
        Diag("unresolved-include", loc, target.text + " is not a list of url patterns");
      }
      return;
    }
    for (const ListItem& li : items) WalkItem(li.file, *li.expr, prefix);
  }

  // router.urls, api.urls (ninja) or site.urls (an AdminSite instance).
  void WalkUrlsAttribute(const Symbol& s, const std::string& prefix, const Location& loc) {
    if (IsRouter(index_, s)) {
      if (!router_calls_) router_calls_.emplace(index_);
      AddRoutes(ExpandRouter(index_, *router_calls_, s), prefix);
      return;
    }
    if (IsNinjaApi(index_, s)) {
      NinjaExpansion api = ExpandNinja(index_, s);
      for (auto& d : api.diagnostics) out_->diagnostics.push_back(std::move(d));
      for (const NinjaPath& p : api.paths) {
        int leaf = next_leaf_++;  // ninja serves all methods of one path from one pattern
        for (size_t i = 0; i < p.views.size(); ++i) {
          AddView(p.views[i], prefix + p.route, p.name, p.locations[i], leaf);
        }
      }
      return;
    }
    if (std::string admin = AdminSiteUrls(s); !admin.empty()) {
      out_->external_routes.push_back({prefix, admin, "admin", loc});
      return;
    }
    if (IsTastypieApi(index_, s)) {
      if (!router_calls_) router_calls_.emplace(index_);
      AddRoutes(ExpandTastypieApi(index_, *router_calls_, s), prefix);
      return;
    }
    if (std::string resource = TastypieResourceClass(index_, s); !resource.empty()) {
      AddRoutes(ExpandTastypieResource(index_, resource, loc), prefix);
      return;
    }
    Diag("unresolved-include", loc,
         s.qualname + ".urls is not a DRF router, a ninja or tastypie API or an admin site we can find");
  }

  // A router's or a tastypie API's routes, each a pattern of its own.
  void AddRoutes(RouterExpansion routes, const std::string& prefix) {
    for (auto& d : routes.diagnostics) out_->diagnostics.push_back(std::move(d));
    for (const RouterRoute& r : routes.routes) {
      AddView(r.view, prefix + r.route, r.name, r.location, next_leaf_++);
    }
  }

  // Django resolves the first pattern matching a path: a later pattern with the
  // same route is never reached, whatever its methods.
  bool Claim(const std::string& route, int leaf, const Location& loc) {
    if (unread_prefixes_ > 0) return true;
    // `re_path(r"^foo/$", a)` then `re_path(r"^foo/", b)` (addons-server): both
    // read foo/, but b serves every other path under it. An open-ended pattern is
    // claimed apart, and shadows an exact one of the same text only from before it.
    std::string open_key = route + kOpenEnded;
    if (!open_ended_) {
      auto open = claims_.find(open_key);
      if (open != claims_.end() && open->second.first != leaf) {
        return Shadowed(route, open->second.second, loc);
      }
    }
    auto [it, inserted] = claims_.emplace(open_ended_ ? open_key : route, std::make_pair(leaf, loc));
    if (inserted || it->second.first == leaf) return true;
    const Location& first = it->second.second;
    // The same pattern reached twice (a list included twice, Zulip's
    // `i18n_patterns(*urls) + urls`): one endpoint, nothing hidden.
    if (first.path == loc.path && first.line == loc.line) return false;
    return Shadowed(route, first, loc);
  }

  bool Shadowed(const std::string& route, const Location& first, const Location& loc) {
    Diag("shadowed-route", loc,
         "route " + route + " is served by the pattern at " + first.path + ":" +
             std::to_string(first.line) + "; this one is never reached");
    return false;
  }

  void AddView(const ResolvedView& v, const std::string& route, const std::string& name,
               const Location& loc, int leaf) {
    switch (v.status) {
      case ResolvedView::Status::kUnresolved:
        Diag("unresolved-view", loc, "view " + v.qualname + " " + v.problem);
        return;
      case ResolvedView::Status::kExternal:
        if (Claim(route, leaf, loc)) {
          out_->external_routes.push_back(
              {route, v.qualname, "view defined outside the repository", loc});
        }
        return;
      case ResolvedView::Status::kRepo:
        break;
    }
    if (v.operations.empty()) {
      Diag("view-without-handlers", loc, "view " + v.qualname + ": " + v.problem);
      return;
    }
    if (!Claim(route, leaf, loc)) return;
    if (!v.warning.empty()) Diag(v.warning_code.c_str(), loc, "view " + v.qualname + " " + v.warning);
    Location view_location = At(v.file, v.line);
    std::string app = apps_ ? apps_->LabelForFile(v.file) : "";
    for (const ViewOperation& op : v.operations) {
      Endpoint e;
      e.route = route;
      e.method = op.method;
      e.view = v.qualname;
      e.handler = op.handler;
      e.name = name;
      e.app = app;
      e.kind = op.kind;
      e.location = loc;
      e.view_location = view_location;
      // Not the same route as an exact pattern of the same text, when Finish merges.
      if (unread_prefixes_ > 0 || open_ended_) unread_.insert(out_->endpoints.size());
      out_->endpoints.push_back(std::move(e));
    }
  }

  const ProjectIndex& index_;
  int settings_file_;  // for `settings.X` in routes; -1 when no settings were found
  const Apps* apps_;
  UrlInventory* out_;
  std::unique_ptr<ModelViewRegistry> model_views_;  // read at the first get_model_urls()
  std::vector<int> stack_;           // modules being walked, for include cycles
  std::set<const Expr*> active_;     // list items being walked
  std::multiset<const FunctionDef*> helpers_active_;  // url helpers being walked
  std::deque<Expr> bound_;  // helpers' returned patterns, parameters bound, and locals read
  // Nodes of bound_ holding an argument passed from another module -> its file.
  std::map<const Expr*, int> argument_files_;
  // The pattern a helper returns whole, reported where the helper's call is (site_).
  const Expr* sited_pattern_ = nullptr;
  Location site_;
  std::set<int> included_;
  std::map<int, std::set<const Expr*>> urlpatterns_items_;  // by module, for NoteUrlpatternsItem
  std::map<std::string, std::pair<int, Location>> claims_;  // route -> first pattern
  std::optional<RouterCalls> router_calls_;  // made at the first router
  int next_leaf_ = 0;
  bool open_ended_ = false;  // the pattern being added is a regex without a final '$'
  int aliases_followed_ = 0;  // `a = x.urls` names being followed, against `a = b.a` loops
  int unread_prefixes_ = 0;  // includes (or a pattern) being walked whose route could not be read
  std::set<std::size_t> unread_;
};

// Modules that bind `urlpatterns` themselves, for the no-settings fallback.
// A URLconf under a `test/` folder (Horizon's horizon/test/urls.py, the
// ROOT_URLCONF of its test settings) serves tests, as one under tests/ does. A
// test/ folder's files are not test files (django/test/ is the framework,
// DefectDojo's dojo/test/ an app), but nothing serves its URLconfs unless an
// include reaches them.
bool InTestFolder(const std::string& path) {
  return path.rfind("test/", 0) == 0 || path.find("/test/") != std::string::npos;
}

std::vector<int> UrlconfCandidates(const ProjectIndex& index) {
  std::vector<int> out;
  const auto& files = index.files();
  for (int f = 0; f < static_cast<int>(files.size()); ++f) {
    if (!files[f].parsed || files[f].file.kind == FileKind::kTest ||
        files[f].file.kind == FileKind::kMigration || InTestFolder(files[f].file.path)) {
      continue;
    }
    for (const auto& a : files[f].assignments) {
      if (a.target == "urlpatterns") {
        out.push_back(f);
        break;
      }
    }
  }
  return out;
}

void Finish(const std::set<std::size_t>& unread, UrlInventory* out) {
  // Keep the first (route, method): the pattern Django would resolve. Indices are
  // sorted stably, so the first of each run of equal keys is the first written.
  // A route not read in full is not the text Django matches: only the same
  // pattern reached twice is merged.
  std::vector<Endpoint>& all = out->endpoints;
  std::vector<bool> under_unread(all.size());
  for (std::size_t i : unread) under_unread[i] = true;
  static const Location kRead;  // for std::tie, which takes lvalues
  auto key = [&](std::size_t i) {
    return std::tie(all[i].route, all[i].method, under_unread[i] ? all[i].location : kRead);
  };
  // First the same pattern reaching the same route twice, read or not (in the
  // fallback, a URLconf walked as a root and again under an unread prefix:
  // DefectDojo counted 362 endpoints twice), then the first of each route.
  auto same_pattern = [&](std::size_t i) {
    return std::tie(all[i].route, all[i].method, all[i].location);
  };
  std::vector<std::size_t> order(all.size());
  for (std::size_t i = 0; i < all.size(); ++i) order[i] = i;
  auto keep_first = [&](auto by) {
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return by(a) < by(b); });
    order.erase(std::unique(order.begin(), order.end(),
                            [&](std::size_t a, std::size_t b) { return by(a) == by(b); }),
                order.end());
  };
  keep_first(same_pattern);
  std::sort(order.begin(), order.end());  // back to the order written: the first wins next
  keep_first(key);
  // In place: a second array of a large project's endpoints was the highest
  // point of a scan's memory.
  KeepInOrder(&all, std::move(order));
  auto& ext = out->external_routes;
  std::sort(ext.begin(), ext.end());
  ext.erase(std::unique(ext.begin(), ext.end()), ext.end());
  auto& diags = out->diagnostics;
  std::sort(diags.begin(), diags.end());
  diags.erase(std::unique(diags.begin(), diags.end()), diags.end());
}

// Finish sorted the walk's diagnostics; a warning added after it keeps them so.
void AddSorted(Diagnostic d, std::vector<Diagnostic>* diags) {
  diags->insert(std::upper_bound(diags->begin(), diags->end(), d), std::move(d));
}

// What the walk started from, for the warnings: "ROOT_URLCONF shop.urls".
struct WalkedFrom {
  std::string name;
  Location location;
};

// Zero endpoints makes the estimate say "nothing to move": never let it pass
// unremarked (a list rebinding misread once gave zero on whole projects).
void WarnIfNoEndpoints(const WalkedFrom& from, UrlInventory* out) {
  if (!out->endpoints.empty()) return;
  Diagnostic d{Severity::kWarning, "no-endpoints", from.location,
               from.name + " leads to no view of the repository (" +
                   std::to_string(out->external_routes.size()) +
                   " external routes); if the project serves its own views, they were missed"};
  AddSorted(std::move(d), &out->diagnostics);
}

// The walk met URL patterns it could not read.
bool PassedUnreadPatterns(const UrlInventory& out) {
  return std::any_of(out.diagnostics.begin(), out.diagnostics.end(), [](const Diagnostic& d) {
    return d.code == "unresolved-include" || d.code == "unresolved-url-pattern";
  });
}

// The views of a walk that reached endpoints past URL patterns it could not
// read, when they outnumber its endpoints five to one; else 0. Views are the
// module-level view classes and the functions whose first parameter is
// `request` (fiduswriter's are nearly all functions).
size_t ViewsOfAMostlyMissedWalk(const ProjectIndex& index, const UrlInventory& out) {
  if (out.endpoints.empty() || !PassedUnreadPatterns(out)) return 0;  // no-endpoints says it
  size_t views = 0;
  const auto& files = index.files();
  for (int f = 0; f < static_cast<int>(files.size()); ++f) {
    FileKind kind = files[f].file.kind;
    if (kind == FileKind::kTest || kind == FileKind::kMigration) continue;
    for (const ClassDef& cls : files[f].classes) {
      if (cls.scope.empty() && index.HasTag(index.QualName(f, "", cls.name), "view")) ++views;
    }
    for (const FunctionDef& fn : files[f].functions) {
      if (fn.scope.empty() && !fn.parameters.empty() && fn.parameters[0] == "request") ++views;
    }
  }
  constexpr size_t kViewsPerEndpoint = 5;
  if (views < 20 || out.endpoints.size() * kViewsPerEndpoint >= views) return 0;
  return views;
}

// A walk that reached a handful of endpoints in a project full of views, past
// URL patterns it could not read, missed most of the project (authentik's
// app-config loop, django-oscar's app-config URLs): say so, so that a small count
// is not read as a small project.
void WarnIfFewEndpoints(const ProjectIndex& index, const WalkedFrom& from, UrlInventory* out) {
  size_t views = ViewsOfAMostlyMissedWalk(index, *out);
  if (views == 0) return;
  Diagnostic d{Severity::kWarning, "few-endpoints", from.location,
               from.name + " leads to " + std::to_string(out->endpoints.size()) +
                   " endpoints while the repository defines " + std::to_string(views) +
                   " views: most of its URLs are probably behind the patterns the "
                   "unresolved-include and unresolved-url-pattern warnings name"};
  AddSorted(std::move(d), &out->diagnostics);
}

// Walks `roots` into `out`. Each root is its own resolver (a host's URLconf, or
// in the fallback a URLconf under a prefix nobody wrote down): the same route in
// two roots (every app's `path("")`) is two endpoints; the same pattern reached
// from two roots is one.
// Returns the modules walked.
std::set<int> WalkRoots(const ProjectIndex& index, const Settings& settings, const Apps* apps,
                        const std::vector<int>& roots, UrlInventory* out) {
  UrlWalker walker(index, settings.file, apps, out);
  for (int f : roots) walker.WalkRoot(f);
  std::set<int> walked = walker.included();
  walked.insert(roots.begin(), roots.end());
  // A module whose patterns were reached through a star import of it (AWX's
  // awx.api.urls package) was walked too, though never included by name.
  std::set<std::string_view> reached_paths;
  for (const Endpoint& e : out->endpoints) reached_paths.insert(e.location.path);
  for (const ExternalRoute& x : out->external_routes) reached_paths.insert(x.location.path);
  const auto& files = index.files();
  for (int f = 0; f < static_cast<int>(files.size()); ++f) {
    if (reached_paths.count(files[f].file.path)) walked.insert(f);
  }
  if (roots.size() == 1) {
    Finish(walker.unread(), out);
    return walked;
  }
  std::set<std::size_t> unprefixed;
  for (std::size_t i = 0; i < out->endpoints.size(); ++i) unprefixed.insert(i);
  Finish(unprefixed, out);
  return walked;
}

// The candidates no other candidate includes (all of them when every one is in
// an include cycle).
std::vector<int> RootsAmong(const ProjectIndex& index, const Settings& settings,
                            const std::vector<int>& candidates) {
  std::set<int> included;
  {
    UrlInventory scratch;
    UrlWalker probe(index, settings.file, nullptr, &scratch);
    for (int f : candidates) probe.WalkRoot(f);
    included = probe.included();
  }
  std::vector<int> roots;
  for (int f : candidates) {
    if (!included.count(f)) roots.push_back(f);
  }
  return roots.empty() ? candidates : roots;
}

// "the URLconf it never includes (a.urls)", "the 7 URLconfs it never includes
// (a.urls, b.urls, ...)": the first five named.
std::string NeverIncluded(const ProjectIndex& index, const std::vector<int>& roots) {
  std::string names;
  for (size_t i = 0; i < roots.size() && i < 5; ++i) {
    names += (i == 0 ? "" : ", ") + index.ModuleOf(roots[i]);
  }
  if (roots.size() > 5) names += ", ...";
  return (roots.size() == 1 ? std::string("the URLconf")
                            : "the " + std::to_string(roots.size()) + " URLconfs") +
         " it never includes (" + names + ")";
}

// A walk that reached nothing, or a handful in a project full of views, while
// the repository holds URLconfs it never includes: the project adds them at run
// time (Mayan EDMS's AppConfig.ready() appends each app's urls to an empty root
// list; authentik mounts them in a loop over app configs). They are walked as
// roots of their own, under prefixes nobody wrote down, and said to be. URLconfs
// of apps a complete INSTALLED_APPS leaves out are not. A walk that reached
// more, past patterns it could not read, only names them. Returns false when
// there were none, or they held no endpoint.
bool WalkUnreachedUrlconfs(const ProjectIndex& index, const Settings& settings, const Apps* apps,
                           const std::set<int>& walked, const WalkedFrom& from,
                           UrlInventory* out) {
  size_t before = out->endpoints.size();
  bool mostly_missed = before == 0 || ViewsOfAMostlyMissedWalk(index, *out) > 0;
  if (!mostly_missed && !PassedUnreadPatterns(*out)) return false;
  auto uninstalled = [&](int f) {
    if (!apps || !settings.installed_apps_complete) return false;
    const App* app = apps->AppForPath(index.files()[f].file.path);
    return app && !app->installed;
  };
  std::vector<int> candidates;
  for (int f : UrlconfCandidates(index)) {
    if (!walked.count(f) && !uninstalled(f)) candidates.push_back(f);
  }
  if (candidates.empty()) return false;
  std::vector<int> roots = RootsAmong(index, settings, candidates);
  UrlInventory more;
  WalkRoots(index, settings, apps, roots, &more);
  if (more.endpoints.empty()) return false;
  bool one = roots.size() == 1;
  std::string never_included = NeverIncluded(index, roots);
  if (!mostly_missed) {
    // Argus: the walk reached most of the API, while a project helper it could
    // not read adds the whole HTMX UI. Said, not counted: such URLconfs may as
    // well be dead.
    AddSorted({Severity::kWarning, "unreached-urlconfs", from.location,
               from.name + " leads to " + std::to_string(before) +
                   " endpoints past URL patterns it could not read; " + never_included +
                   (one ? " holds " : " hold ") + std::to_string(more.endpoints.size()) +
                   (more.endpoints.size() == 1 ? " more endpoint" : " more endpoints") +
                   ", not counted: " + (one ? "it" : "they") + " may be what those patterns add"},
              &out->diagnostics);
    return true;
  }
  out->diagnostics.push_back(
      {Severity::kWarning, "unreached-urlconfs", from.location,
       from.name + " leads to " + std::to_string(before) + " endpoints; " + never_included +
           (one ? " was walked as a root of its own" : " were walked as roots of their own") +
           ", as the project must add them at run time: " + std::to_string(more.endpoints.size()) +
           " more endpoints, routes without the prefix they are served under"});
  auto move_all = [](auto& from_list, auto& to_list) {
    to_list.insert(to_list.end(), std::make_move_iterator(from_list.begin()),
                   std::make_move_iterator(from_list.end()));
  };
  move_all(more.endpoints, out->endpoints);
  move_all(more.external_routes, out->external_routes);
  move_all(more.diagnostics, out->diagnostics);
  std::stable_sort(out->endpoints.begin(), out->endpoints.end(),
                   [](const Endpoint& a, const Endpoint& b) {
                     return std::tie(a.route, a.method) < std::tie(b.route, b.method);
                   });
  std::sort(out->external_routes.begin(), out->external_routes.end());
  std::sort(out->diagnostics.begin(), out->diagnostics.end());
  return true;
}

// The walk from one root (ROOT_URLCONF, or each host's), with the warnings of a
// walk that found little.
void WalkFrom(const ProjectIndex& index, const Settings& settings, const Apps* apps,
              const std::vector<int>& roots, const WalkedFrom& from, UrlInventory* out) {
  std::set<int> walked = WalkRoots(index, settings, apps, roots, out);
  if (WalkUnreachedUrlconfs(index, settings, apps, walked, from, out)) return;
  WarnIfNoEndpoints(from, out);
  WarnIfFewEndpoints(index, from, out);
}

}  // namespace

UrlInventory WalkUrls(const ProjectIndex& index, const Settings& settings, const Apps& apps) {
  return WalkUrlsWith(index, settings, &apps);
}

UrlInventory WalkUrlsWith(const ProjectIndex& index, const Settings& settings, const Apps* apps) {
  UrlInventory out;
  HostUrlconfs hosts = FindHostUrlconfs(index, settings, &out.diagnostics);
  if (hosts.active && !hosts.roots.empty()) {
    WalkFrom(index, settings, apps, hosts.roots,
             {"ROOT_HOSTCONF " + settings.root_hostconf.value, settings.root_hostconf.location},
             &out);
    return out;
  }
  if (!settings.root_urlconf.value.empty()) {
    int root = index.modules().Find(settings.root_urlconf.value);
    if (root >= 0) {
      WalkFrom(index, settings, apps, {root},
               {"ROOT_URLCONF " + settings.root_urlconf.value, settings.root_urlconf.location},
               &out);
      return out;
    }
    out.diagnostics.push_back({Severity::kWarning, "unresolved-root-urlconf",
                               settings.root_urlconf.location,
                               "ROOT_URLCONF " + settings.root_urlconf.value +
                                   " is not a module of the repository; walking every "
                                   "urlpatterns instead"});
  }
  out.fallback = true;
  // A module another candidate includes is not a root of its own.
  WalkRoots(index, settings, apps, RootsAmong(index, settings, UrlconfCandidates(index)), &out);
  return out;
}

}  // namespace djcost
