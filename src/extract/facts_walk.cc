#include "extract/facts_walk.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "extract/app_guard.h"
#include "extract/imports.h"
#include "data/unread_arguments.h"
#include "syntax/python_kinds.h"
#include "syntax/tree_walk.h"

namespace djcost {
namespace {

enum class ScopeKind { kModule, kClass, kMeta, kFunction };

struct Scope {
  ScopeKind kind = ScopeKind::kModule;
  std::string qualname;    // "" for the module
  int class_index = -1;    // kClass, kMeta: the class (for kMeta, the owner)
  int call_owner = -1;     // the innermost enclosing function, which gets calls
};

struct Frame {
  TSNode node;
  int scope = 0;             // index into Walker::scopes_
  bool conditional = false;  // under if/try/with/for/while/match at its scope
  bool expression = false;   // inside an expression: only calls matter here
  int loop = -1;             // the innermost `for NAME in ...` at its scope (Walker::loops_)
  int guard = -1;            // the app conditions it runs under (FileFacts::guards), or -1
};

// Longer `for` iterables are not copied into the call statements of the body.
constexpr uint32_t kMaxLoopIterableBytes = 4096;

// A `for NAME in ITERABLE:`; the iterable is copied once, when the first
// call statement of its body needs it.
struct Loop {
  std::string variable;
  TSNode iterable;
  bool copied = false;
  Expr copy;
  int facts_index = -1;  // in FileFacts::loops, once an assignment needs it
};

struct PendingFunction {
  FunctionDef def;
  int owner_class = -1;  // a method of this class, or -1
  // callee -> index in def.calls, once there are more than kLinearCalls of them;
  // fewer are searched in place, cheaper than hashing each name.
  std::unordered_map<std::string, size_t> call_index;
  int returns = 0;  // return statements in the body, nested functions excluded
  // Module-level functions only: the assignments and call statements of the
  // body's own scope, each in its frame. Which of them build what the function
  // returns is known only at its `return NAME`.
  std::vector<Frame> local_statements;
};

constexpr size_t kLinearCalls = 16;

int LineOf(TSNode node) { return static_cast<int>(ts_node_start_point(node).row) + 1; }
int EndLineOf(TSNode node) { return static_cast<int>(ts_node_end_point(node).row) + 1; }

std::string Join(const std::string& scope, std::string_view name) {
  return scope.empty() ? std::string(name) : scope + "." + std::string(name);
}

bool IsCompound(PyKind kind) {
  switch (kind) {
    case PyKind::kIfStatement:
    case PyKind::kElifClause:
    case PyKind::kElseClause:
    case PyKind::kForStatement:
    case PyKind::kWhileStatement:
    case PyKind::kTryStatement:
    case PyKind::kExceptClause:
    case PyKind::kExceptGroupClause:
    case PyKind::kFinallyClause:
    case PyKind::kWithStatement:
    case PyKind::kMatchStatement:
    case PyKind::kCaseClause:
      return true;
    default:
      return false;
  }
}

class Walker {
 public:
  Walker(const SyntaxTree& tree, ExprBuilder& exprs, FileFacts* facts, CallArguments arguments)
      : tree_(tree), exprs_(exprs), facts_(facts), f_(Fields()), arguments_(arguments) {}

  void Run() {
    scopes_.push_back(Scope{});
    stack_.push_back({tree_.Root(), 0, false, false});
    while (!stack_.empty()) {
      Frame frame = stack_.back();
      stack_.pop_back();
      if (frame.expression) {
        VisitExpression(frame);
      } else {
        VisitStatement(frame);
      }
    }
    for (PendingFunction& fn : functions_) {
      if (fn.returns != 1) {  // which return counts is unknown
        fn.def.returned = Boxed<Expr>();
        fn.def.local_list = Boxed<LocalList>();
      } else if (fn.def.returned) {
        RecordLocalNames(fn);
      }
      if (fn.owner_class >= 0) {
        facts_->classes[fn.owner_class].methods.push_back(std::move(fn.def));
      } else {
        facts_->functions.push_back(std::move(fn.def));
      }
    }
  }

 private:
  // Pushes children in reverse so they pop in source order: classes, functions
  // and calls are then appended in the order they start in the file.
  void PushChildren(const Frame& parent) {
    lister_.ListNamed(parent.node, &children_);
    for (auto it = children_.rbegin(); it != children_.rend(); ++it) {
      Frame child = parent;
      child.node = it->node;
      stack_.push_back(child);
    }
  }

  // Expressions are walked only where a function will own their calls.
  void PushExpression(TSNode node, int scope) {
    if (ts_node_is_null(node) || scopes_[scope].call_owner < 0 || !MayHoldCall(node)) return;
    stack_.push_back({node, scope, false, true});
  }

  // Every call's source holds its argument list's '(' after the call's first
  // byte, so a subtree without one past its own first byte holds no call and
  // need not be walked: most of a function body (names, attributes, operators,
  // literals), and argument lists, tuples and parentheses whose only '(' is
  // their own. A '(' in a string only costs a visit.
  bool MayHoldCall(TSNode node) const {
    std::string_view text = tree_.Text(node);
    return text.size() > 1 && std::memchr(text.data() + 1, '(', text.size() - 1) != nullptr;
  }

  // One cursor pass over the expression: statements never nest inside one (a
  // lambda's body is an expression), so only calls are left to find.
  void VisitExpression(const Frame& frame) {
    int owner = scopes_[frame.scope].call_owner;
    expression_walker_.Walk(frame.node, [&](TSNode node) {
      if (!ts_node_is_named(node) || !MayHoldCall(node)) return false;
      PyKind kind = KindOf(node);
      if (kind == PyKind::kCall) RecordCallSite(node, owner);
      if (kind == PyKind::kString) return IsFString(node);  // only f-strings hold calls
      return kind != PyKind::kComment;
    });
  }

  bool IsFString(TSNode string) const {
    for (char c : tree_.Text(string)) {
      if (c == '\'' || c == '"') return false;
      if (c == 'f' || c == 'F' || c == 't' || c == 'T') return true;
    }
    return false;
  }

  void VisitStatement(const Frame& frame) {
    TSNode node = frame.node;
    PyKind kind = KindOf(node);
    switch (kind) {
      case PyKind::kComment:
        return;
      case PyKind::kModule:
      case PyKind::kBlock:
      case PyKind::kError:  // salvage the statements error recovery wrapped
        PushChildren(frame);
        return;
      case PyKind::kExpressionStatement:
        VisitExpressionStatement(frame);
        return;
      case PyKind::kImportStatement:
      case PyKind::kImportFromStatement:
      case PyKind::kFutureImportStatement:
      {
        size_t before = facts_->imports.size();
        ExtractImports(tree_, node, scopes_[frame.scope].kind == ScopeKind::kModule, lister_,
                       &facts_->imports);
        for (size_t i = before; i < facts_->imports.size(); ++i) {
          facts_->imports[i].conditional = frame.conditional;
        }
        return;
      }
      case PyKind::kClassDefinition:
        EnterClass(node, {}, frame);
        return;
      case PyKind::kFunctionDefinition:
        EnterFunction(node, {}, frame);
        return;
      case PyKind::kDecoratedDefinition:
        VisitDecorated(frame);
        return;
      default:
        break;
    }
    if (IsCompound(kind)) {
      int loop = kind == PyKind::kForStatement ? EnterLoop(node, frame.scope) : frame.loop;
      lister_.ListNamed(node, &children_);
      std::vector<ChildNode> parts = children_;
      const std::vector<int>& guards = GuardsOfParts(node, kind, parts, frame.guard);
      bool runs_as_script = kind == PyKind::kIfStatement && IsMainCheck(node);
      for (size_t i = parts.size(); i-- > 0;) {
        const ChildNode* it = &parts[i];
        PyKind part = KindOf(it->node);
        if (part == PyKind::kBlock || IsCompound(part)) {
          // A for's else clause runs after the loop: it keeps the outer loop.
          int part_loop = part == PyKind::kElseClause ? frame.loop : loop;
          // `if __name__ == "__main__":` in manage.py always runs (LibrePhotos
          // binds its settings' name there).
          bool conditional = !(runs_as_script && part == PyKind::kBlock) || frame.conditional;
          stack_.push_back({it->node, frame.scope, conditional, false, part_loop, guards[i]});
        } else {
          PushExpression(it->node, frame.scope);  // conditions, with items, patterns
        }
      }
      return;
    }
    if (kind == PyKind::kReturnStatement) RecordReturn(node, frame);
    // return, raise, assert, del, ... : only their calls matter.
    PushExpression(node, frame.scope);
  }

  // `if __name__ == "__main__":`, either way round, either quotes.
  bool IsMainCheck(TSNode if_statement) const {
    TSNode condition = ts_node_child_by_field_id(if_statement, f_.condition);
    if (ts_node_is_null(condition)) return false;
    std::string text;
    for (char c : tree_.Text(condition)) {
      if (c != ' ' && c != '(' && c != ')') text += c == '\'' ? '"' : c;
    }
    return text == "__name__==\"__main__\"" || text == "\"__main__\"==__name__";
  }

  // The app conditions each part of a compound statement runs under: an if's
  // block what its condition implies, each elif and else what the conditions
  // before it imply by being false (the elif's own condition is added when its
  // clause is visited). Other parts keep their statement's. Filled into a
  // member reused at every compound statement, which a walk meets by the thousand.
  const std::vector<int>& GuardsOfParts(TSNode node, PyKind kind,
                                        const std::vector<ChildNode>& parts, int guard) {
    std::vector<int>& guards = part_guards_;
    guards.assign(parts.size(), guard);
    if (kind != PyKind::kIfStatement && kind != PyKind::kElifClause) return guards;
    TSNode condition = ts_node_child_by_field_id(node, f_.condition);
    if (!MayHoldAppConditions(tree_, condition)) return guards;
    int when_true = AddGuard(guard, ImpliedWhenTrue(tree_, condition));
    bool has_clause = false;
    for (const ChildNode& part : parts) {
      PyKind k = KindOf(part.node);
      has_clause = has_clause || k == PyKind::kElifClause || k == PyKind::kElseClause;
    }
    int when_false = has_clause ? AddGuard(guard, ImpliedWhenFalse(tree_, condition)) : guard;
    bool first_block = true;
    for (size_t i = 0; i < parts.size(); ++i) {
      PyKind part = KindOf(parts[i].node);
      if (part == PyKind::kBlock && first_block) {
        guards[i] = when_true;
        first_block = false;
      } else if (part == PyKind::kElifClause || part == PyKind::kElseClause) {
        guards[i] = when_false;
        // A later clause also needs this elif's condition false.
        if (part == PyKind::kElifClause) {
          TSNode elif = ts_node_child_by_field_id(parts[i].node, f_.condition);
          if (MayHoldAppConditions(tree_, elif)) {
            when_false = AddGuard(when_false, ImpliedWhenFalse(tree_, elif));
          }
        }
      }
    }
    return guards;
  }

  // `guard`'s conditions and `more`, as a new entry of facts_->guards.
  int AddGuard(int guard, std::vector<AppCondition> more) {
    if (more.empty()) return guard;
    std::vector<AppCondition> all;
    if (guard >= 0) all = facts_->guards[guard];
    all.insert(all.end(), more.begin(), more.end());
    facts_->guards.push_back(std::move(all));
    return static_cast<int>(facts_->guards.size()) - 1;
  }

  // A URLconf may call a module-level helper that returns patterns
  // (`meta_path(Part)`); link walks the returned value in its place. A tastypie
  // resource's prepend_urls() is read the same way.
  void RecordReturn(TSNode node, const Frame& frame) {
    int owner = scopes_[frame.scope].call_owner;
    if (owner < 0 || scopes_[frame.scope].kind != ScopeKind::kFunction) return;
    PendingFunction& fn = functions_[owner];
    bool method = fn.owner_class >= 0;
    if (method ? !IsTastypieUrlsMethod(fn.def.name) : !fn.def.scope.empty()) return;
    if (++fn.returns != 1) return;
    TSNode value = ts_node_named_child(node, 0);
    if (ts_node_is_null(value)) return;
    if (KindOf(value) == PyKind::kIdentifier) {
      if (method) return;
      RecordReturnedName(fn, value);
      return;
    }
    // A resource's `return []` (GeoNode's) says it adds no route.
    bool list = method && KindOf(value) == PyKind::kList;
    if (!list && !MayHoldUrlPatterns(tree_.Text(value))) return;
    fn.def.returned = exprs_.Build(value);
  }

  // `return urlconf`, one of the function's parameters (addons-server's
  // `decorate(decorator, urlconf)` hands back the patterns it was given), or
  // `return urlpatterns`, a local list built of url patterns (AWX's
  // get_urlpatterns()). Other names (`return result`) are not kept.
  void RecordReturnedName(PendingFunction& fn, TSNode value) {
    std::string_view name = tree_.Text(value);
    const std::vector<std::string>& parameters = fn.def.parameters;
    bool parameter = std::find(parameters.begin(), parameters.end(), name) != parameters.end();
    if (!parameter && !RecordLocalList(fn, name)) return;
    fn.def.returned = exprs_.Build(value);
  }

  // The statements before the return that build local `name`, into the
  // function's LocalList; false, keeping nothing, when none may hold url patterns.
  bool RecordLocalList(PendingFunction& fn, std::string_view name) {
    std::vector<const Frame*> builds;
    bool patterns = false;
    for (const Frame& statement : fn.local_statements) {
      if (!Builds(statement.node, name)) continue;
      builds.push_back(&statement);
      patterns = patterns || MayHoldUrlPatterns(tree_.Text(statement.node));
    }
    if (!patterns) return false;
    LocalList list;
    for (const Frame* statement : builds) {
      if (KindOf(statement->node) == PyKind::kCall) {
        list.calls.push_back(CallStatementAt(statement->node, *statement));
        AddArguments(statement->node, *statement, &list.calls.back());
      } else {
        AddAssignments(statement->node, *statement, name, &list.assignments);
      }
    }
    fn.def.local_list = std::move(list);
    return true;
  }

  // True when the assignment binds `name` (`name = ...`, `a = name = ...`,
  // `name += ...`), the call is a method of it (`name.append(...)`) or is
  // passed it (`add_redirects(name, ...)`, which may add what we cannot read).
  bool Builds(TSNode statement, std::string_view name) {
    if (KindOf(statement) == PyKind::kCall) {
      std::string_view callee = tree_.Text(ts_node_child_by_field_id(statement, f_.function));
      return (callee.size() > name.size() && callee.substr(0, name.size()) == name &&
              callee[name.size()] == '.') ||
             PassesName(statement, name);
    }
    for (TSNode target : PartsOf(statement).targets) {
      if (exprs_.DottedName(target) == name) return true;
    }
    return false;
  }

  bool PassesName(TSNode call, std::string_view name) {
    lister_.ListNamed(ts_node_child_by_field_id(call, f_.arguments), &children_);
    for (const ChildNode& argument : children_) {
      if (KindOf(argument.node) == PyKind::kIdentifier && tree_.Text(argument.node) == name) {
        return true;
      }
    }
    return false;
  }

  // A module-level function's assignments and call statements, kept until its
  // return says which local it returns.
  void KeepLocalStatement(TSNode node, const Frame& frame) {
    const Scope& scope = scopes_[frame.scope];
    if (scope.kind != ScopeKind::kFunction) return;
    PendingFunction& fn = functions_[scope.call_owner];
    if (fn.owner_class >= 0 || !fn.def.scope.empty()) return;
    Frame statement = frame;
    statement.node = node;
    fn.local_statements.push_back(statement);
  }


  // A URL helper's locals its patterns may read as strings, as link reads a
  // module's constants (zds-site: `base_pattern = "beta/<int:pk>/<slug:slug>"`,
  // then `path(f"{base_pattern}/", ...)`). A name bound more than once, under a
  // condition or in a loop has no one value; a parameter is the call's argument,
  // and the list returned is not a string.
  void RecordLocalNames(PendingFunction& fn) {
    std::map<std::string, int, std::less<>> bindings;
    for (const Frame& statement : fn.local_statements) {
      if (KindOf(statement.node) == PyKind::kCall) continue;
      for (TSNode target : PartsOf(statement.node).targets) ++bindings[exprs_.DottedName(target)];
    }
    const std::vector<std::string>& parameters = fn.def.parameters;
    std::vector<Assignment> names;
    for (const Frame& statement : fn.local_statements) {
      if (statement.conditional || statement.loop >= 0 ||
          KindOf(statement.node) != PyKind::kAssignment) {
        continue;
      }
      AssignmentParts parts = PartsOf(statement.node);
      if (parts.targets.size() != 1 || !MayBeString(parts.value)) continue;
      TSNode target = parts.targets[0];
      std::string_view name = tree_.Text(target);
      if (KindOf(target) != PyKind::kIdentifier || bindings.find(name)->second != 1 ||
          std::find(parameters.begin(), parameters.end(), name) != parameters.end() ||
          fn.def.returned->text == name) {
        continue;
      }
      AddAssignments(statement.node, statement, name, &names);
    }
    if (!names.empty()) fn.def.local_names = std::move(names);
  }

  // Values link may read as a string (link/static_string.h); displays and
  // lambdas never are.
  static bool MayBeString(TSNode value) {
    switch (KindOf(value)) {
      case PyKind::kString:
      case PyKind::kConcatenatedString:
      case PyKind::kBinaryOperator:
      case PyKind::kBooleanOperator:
      case PyKind::kParenthesizedExpression:
      case PyKind::kCall:
      case PyKind::kIdentifier:
      case PyKind::kAttribute:
        return true;
      default:
        return false;
    }
  }

  // A tastypie resource's methods that return its url patterns (link/tastypie.h).
  static bool IsTastypieUrlsMethod(std::string_view name) {
    return name == "prepend_urls" || name == "override_urls" || name == "base_urls";
  }

  // Only values that call path(), re_path(), url() or include() are copied: the
  // return values of views and utilities would cost memory for nothing.
  static bool MayHoldUrlPatterns(std::string_view text) {
    for (std::string_view callee : {"path(", "url(", "include("}) {
      if (text.find(callee) != std::string_view::npos) return true;
    }
    return false;
  }

  // The loop a for statement's body runs in: its own when the target is one
  // name or a flat tuple of names ("a,b"), else none.
  int EnterLoop(TSNode node, int scope) {
    TSNode target = ts_node_child_by_field_id(node, f_.left);
    TSNode iterable = LocalTableOr(scope, ts_node_child_by_field_id(node, f_.right));
    std::string variable = LoopTarget(target);
    if (variable.empty() || ts_node_is_null(iterable)) return -1;
    Loop loop;
    loop.variable = std::move(variable);
    loop.iterable = iterable;
    loops_.push_back(std::move(loop));
    return static_cast<int>(loops_.size()) - 1;
  }

  // Reviewboard's `signal_table = [(signal, handler, sender), ...]` then `for
  // signal, handler, sender in signal_table:` in a function: the loop reads the
  // local list display, which is no fact of its own (link cannot name it).
  TSNode LocalTableOr(int scope, TSNode iterable) {
    TSNode value = LocalValue(scope, iterable);
    if (ts_node_is_null(value)) return iterable;
    PyKind kind = KindOf(value);
    return kind == PyKind::kList || kind == PyKind::kTuple ? value : iterable;
  }

  // mytardis' manage.py: `demo_settings = 'tardis.default_settings'` in run(),
  // then `os.environ.setdefault("DJANGO_SETTINGS_MODULE", demo_settings)` under
  // an if: a statement call's argument naming a local bound to a string literal
  // reads as the literal, which is no fact of its own either.
  void ReadLocalStrings(int scope, Expr* call) {
    if (scopes_[scope].kind != ScopeKind::kFunction || local_values_.empty()) return;
    auto read = [&](Expr& argument) {
      if (argument.kind != ExprKind::kName) return;
      auto value = local_values_.find({scope, argument.text});
      if (value == local_values_.end() || KindOf(value->second) != PyKind::kString ||
          IsFString(value->second)) {
        return;
      }
      argument = exprs_.Build(value->second);
    };
    for (Expr& item : call->items) read(item);
    for (auto& [key, value] : call->keywords) read(value);
  }

  // What the function local `name` (an identifier) was last bound to,
  // unconditionally, before this point of the walk; a null node when nothing
  // NoteLocalValue keeps.
  TSNode LocalValue(int scope, TSNode name) {
    if (ts_node_is_null(name) || KindOf(name) != PyKind::kIdentifier) return TSNode{};
    auto value = local_values_.find({scope, std::string(tree_.Text(name))});
    return value == local_values_.end() ? TSNode{} : value->second;
  }

  // A function's locals bound, unconditionally, to a list or tuple display or
  // a string literal, for LocalTableOr and ReadLocalStrings; any other binding
  // of the name forgets it.
  void NoteLocalValue(TSNode node, const Frame& frame) {
    AssignmentParts parts = PartsOf(node);
    if (ts_node_is_null(parts.value)) return;
    bool unconditional = KindOf(node) != PyKind::kAugmentedAssignment && !frame.conditional;
    for (TSNode target : parts.targets) {
      for (const auto& [name, value] : BoundValues(target, parts.value)) {
        std::pair<int, std::string> key{frame.scope, std::string(tree_.Text(name))};
        PyKind kind = ts_node_is_null(value) ? PyKind::kComment : KindOf(value);
        bool kept = kind == PyKind::kList || kind == PyKind::kTuple || kind == PyKind::kString;
        if (unconditional && kept) {
          local_values_[key] = value;
        } else {
          local_values_.erase(key);
        }
      }
    }
  }

  // The names `target` binds, each with the value it gets when one can be
  // told (`a = v`, `a, b = v, w`), else a null node.
  std::vector<std::pair<TSNode, TSNode>> BoundValues(TSNode target, TSNode value) {
    if (KindOf(target) == PyKind::kIdentifier) return {{target, value}};
    const char* type = ts_node_type(target);
    if (std::strcmp(type, "pattern_list") != 0 && std::strcmp(type, "tuple_pattern") != 0) return {};
    lister_.ListNamed(target, &children_);
    std::vector<ChildNode> names = children_;
    std::vector<ChildNode> values;
    PyKind kind = KindOf(value);
    if (kind == PyKind::kExpressionList || kind == PyKind::kTuple) {
      lister_.ListNamed(value, &children_);
      values = children_;
    }
    std::vector<std::pair<TSNode, TSNode>> out;
    for (size_t i = 0; i < names.size(); ++i) {
      if (KindOf(names[i].node) != PyKind::kIdentifier) continue;
      out.emplace_back(names[i].node, values.size() == names.size() ? values[i].node : TSNode{});
    }
    return out;
  }

  std::string LoopTarget(TSNode target) {
    if (KindOf(target) == PyKind::kIdentifier) return std::string(tree_.Text(target));
    const char* type = ts_node_type(target);
    if (std::strcmp(type, "pattern_list") != 0 && std::strcmp(type, "tuple_pattern") != 0) return "";
    lister_.ListNamed(target, &children_);
    std::string names;
    for (const ChildNode& name : children_) {
      if (KindOf(name.node) != PyKind::kIdentifier) return "";  // `a, *rest`, `(a, b), c`
      names += (names.empty() ? "" : ",") + std::string(tree_.Text(name.node));
    }
    return names;
  }

  void VisitExpressionStatement(const Frame& frame) {
    lister_.ListNamed(frame.node, &children_);
    std::vector<ChildNode> parts = children_;
    for (const ChildNode& part : parts) {
      PyKind kind = KindOf(part.node);
      if (kind == PyKind::kAssignment || kind == PyKind::kAugmentedAssignment) {
        RecordAssignment(part.node, frame);
      } else if (kind == PyKind::kCall && parts.size() == 1) {
        RecordCallStatement(part.node, frame);
      }
    }
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) PushExpression(it->node, frame.scope);
  }

  void VisitDecorated(const Frame& frame) {
    lister_.ListNamed(frame.node, &children_);
    std::vector<ChildNode> parts = children_;
    std::vector<Expr> decorators;
    TSNode definition = ts_node_child_by_field_id(frame.node, f_.definition);
    for (const ChildNode& part : parts) {
      if (KindOf(part.node) != PyKind::kDecorator) continue;
      TSNode expression = ts_node_named_child(part.node, 0);
      if (ts_node_is_null(expression)) continue;
      decorators.push_back(exprs_.Build(expression));
    }
    PyKind kind = KindOf(definition);
    if (kind == PyKind::kClassDefinition) {
      EnterClass(definition, std::move(decorators), frame);
    } else if (kind == PyKind::kFunctionDefinition) {
      EnterFunction(definition, std::move(decorators), frame);
    }
    // Decorators run in the enclosing scope; pushed last, so their calls come first.
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
      if (KindOf(it->node) == PyKind::kDecorator) PushExpression(it->node, frame.scope);
    }
  }

  void EnterClass(TSNode node, std::vector<Expr> decorators, const Frame& frame) {
    const Scope parent = scopes_[frame.scope];
    std::string_view name = tree_.Text(ts_node_child_by_field_id(node, f_.name));
    TSNode body = ts_node_child_by_field_id(node, f_.body);
    TSNode superclasses = ts_node_child_by_field_id(node, f_.superclasses);

    Scope scope;
    scope.call_owner = parent.call_owner;
    bool body_conditional = false;
    if (name == "Meta" && parent.kind == ScopeKind::kClass) {
      ClassDef& owner = facts_->classes[parent.class_index];
      owner.has_meta = true;
      // `class Meta(Base.Meta):` inherits Base's options (tastypie resources).
      if (!ts_node_is_null(superclasses)) {
        ClassDef meta;
        ReadSuperclasses(superclasses, &meta);
        owner.meta_bases = std::move(meta.bases);
      }
      scope.kind = ScopeKind::kMeta;
      scope.class_index = parent.class_index;
      scope.qualname = Join(parent.qualname, name);
      body_conditional = frame.conditional;
    } else {
      ClassDef cls;
      cls.name = std::string(name);
      cls.scope = parent.qualname;
      cls.decorators = std::move(decorators);
      cls.line = LineOf(node);
      cls.end_line = EndLineOf(node);
      if (!ts_node_is_null(superclasses)) ReadSuperclasses(superclasses, &cls);
      facts_->classes.push_back(std::move(cls));
      scope.kind = ScopeKind::kClass;
      scope.class_index = static_cast<int>(facts_->classes.size()) - 1;
      scope.qualname = Join(parent.qualname, name);
    }
    scopes_.push_back(std::move(scope));
    int scope_index = static_cast<int>(scopes_.size()) - 1;
    if (!ts_node_is_null(body)) stack_.push_back({body, scope_index, body_conditional, false});
    PushExpression(superclasses, frame.scope);
  }

  void ReadSuperclasses(TSNode superclasses, ClassDef* cls) {
    lister_.ListNamed(superclasses, &children_);
    std::vector<ChildNode> args = children_;
    for (const ChildNode& arg : args) {
      PyKind kind = KindOf(arg.node);
      if (kind == PyKind::kComment) continue;
      if (kind == PyKind::kKeywordArgument) {
        TSNode key = ts_node_child_by_field_id(arg.node, f_.name);
        TSNode value = ts_node_child_by_field_id(arg.node, f_.value);
        if (ts_node_is_null(key) || ts_node_is_null(value)) continue;
        cls->keywords.emplace_back(std::string(tree_.Text(key)), exprs_.Build(value));
      } else if (kind == PyKind::kSubscript) {
        // `GenericAPIView[Any]`: Python subclasses the generic's class itself.
        TSNode value = ts_node_child_by_field_id(arg.node, f_.value);
        cls->bases.push_back(exprs_.Build(ts_node_is_null(value) ? arg.node : value));
      } else {
        cls->bases.push_back(exprs_.Build(arg.node));
      }
    }
  }

  void EnterFunction(TSNode node, std::vector<Expr> decorators, const Frame& frame) {
    const Scope parent = scopes_[frame.scope];
    std::string_view name = tree_.Text(ts_node_child_by_field_id(node, f_.name));
    TSNode parameters = ts_node_child_by_field_id(node, f_.parameters);
    TSNode body = ts_node_child_by_field_id(node, f_.body);

    PendingFunction fn;
    fn.def.name = std::string(name);
    fn.def.scope = parent.qualname;
    fn.def.decorators = std::move(decorators);
    fn.def.line = LineOf(node);
    fn.def.end_line = EndLineOf(node);
    TSNode first = ts_node_child(node, 0);
    fn.def.is_async = !ts_node_is_null(first) && tree_.Text(first) == "async";
    if (!ts_node_is_null(parameters)) ReadParameters(parameters, &fn.def.parameters);
    if (parent.kind == ScopeKind::kClass) fn.owner_class = parent.class_index;
    functions_.push_back(std::move(fn));

    Scope scope;
    scope.kind = ScopeKind::kFunction;
    scope.qualname = Join(parent.qualname, name);
    scope.call_owner = static_cast<int>(functions_.size()) - 1;
    scopes_.push_back(std::move(scope));
    int scope_index = static_cast<int>(scopes_.size()) - 1;
    if (!ts_node_is_null(body)) stack_.push_back({body, scope_index, false, false});
    // Defaults and annotations run when the def runs: the enclosing scope's calls.
    PushExpression(parameters, frame.scope);
  }

  void ReadParameters(TSNode parameters, std::vector<std::string>* out) {
    lister_.ListNamed(parameters, &children_);
    std::vector<ChildNode> params = children_;
    for (const ChildNode& param : params) {
      TSNode node = param.node;
      PyKind kind = KindOf(node);
      if (kind == PyKind::kDefaultParameter || kind == PyKind::kTypedDefaultParameter) {
        node = ts_node_child_by_field_id(node, f_.name);
        kind = KindOf(node);
      } else if (kind == PyKind::kTypedParameter) {
        node = ts_node_named_child(node, 0);
        kind = KindOf(node);
      }
      if (kind == PyKind::kIdentifier) {
        out->emplace_back(tree_.Text(node));
      } else if (kind == PyKind::kListSplatPattern || kind == PyKind::kDictionarySplatPattern) {
        // "*args" and "**kwargs", as written without inner spaces.
        TSNode inner = ts_node_named_child(node, 0);
        out->push_back((kind == PyKind::kListSplatPattern ? "*" : "**") +
                       std::string(tree_.Text(inner)));
      }
      // Bare `*` and `/` separators bind nothing.
    }
  }

  void RecordAssignment(TSNode node, const Frame& frame) {
    const Scope& scope = scopes_[frame.scope];
    std::vector<Assignment>* out = nullptr;
    switch (scope.kind) {
      case ScopeKind::kModule: out = &facts_->assignments; break;
      case ScopeKind::kClass: out = &facts_->classes[scope.class_index].attributes; break;
      case ScopeKind::kMeta: out = &facts_->classes[scope.class_index].meta; break;
      case ScopeKind::kFunction:
        KeepLocalStatement(node, frame);  // locals are facts only in a returned LocalList
        NoteLocalValue(node, frame);
        return;
    }
    AddAssignments(node, frame, "", out);
  }

  // `a = b = v` nests as assignment(a, assignment(b, v)): every target, and
  // the value (null in `x: int`).
  struct AssignmentParts {
    std::vector<TSNode> targets;
    TSNode value;
  };

  AssignmentParts PartsOf(TSNode node) const {
    bool augmented = KindOf(node) == PyKind::kAugmentedAssignment;
    AssignmentParts parts;
    parts.value = node;
    while (true) {
      parts.targets.push_back(ts_node_child_by_field_id(parts.value, f_.left));
      TSNode right = ts_node_child_by_field_id(parts.value, f_.right);
      parts.value = right;
      if (augmented || KindOf(right) != PyKind::kAssignment) break;
    }
    return parts;
  }

  // The assignment statement `node` as one Assignment per target (only the
  // target `only`, when given), appended to `out`.
  void AddAssignments(TSNode node, const Frame& frame, std::string_view only,
                      std::vector<Assignment>* out) {
    bool augmented = KindOf(node) == PyKind::kAugmentedAssignment;
    if (augmented && tree_.Text(ts_node_child_by_field_id(node, f_.operator_)) != "+=") return;
    AssignmentParts parts = PartsOf(node);
    if (ts_node_is_null(parts.value)) return;  // `x: int` declares without assigning
    const Scope& scope = scopes_[frame.scope];
    bool keeps_loop = scope.kind == ScopeKind::kModule || scope.kind == ScopeKind::kFunction;
    Expr built;
    bool have_value = false;
    for (TSNode target : parts.targets) {
      std::string name = exprs_.DottedName(target);
      if (name.empty()) continue;  // tuple unpacking, subscripts
      if (!only.empty() && name != only) continue;
      if (!have_value) {
        built = exprs_.Build(parts.value);
        have_value = true;
      }
      Assignment a;
      a.target = std::move(name);
      a.value = built;
      a.augmented = augmented;
      a.conditional = frame.conditional;
      a.guard = frame.guard;
      a.line = LineOf(node);
      if (keeps_loop && frame.loop >= 0) a.loop = FactsLoop(frame.loop);
      out->push_back(std::move(a));
    }
  }

  void RecordCallStatement(TSNode node, const Frame& frame) {
    KeepLocalStatement(node, frame);
    if (scopes_[frame.scope].kind == ScopeKind::kModule && RecordRegisterChain(node, frame)) return;
    CallStatement statement = CallStatementAt(node, frame);
    if (arguments_ == CallArguments::kLinkReads && !LinkReadsArguments(statement)) {
      if (ts_node_end_byte(node) - ts_node_start_byte(node) > kMaxBytesWithinBudget) {
        exprs_.Build(node);  // only for its "expression-truncated" warning, if any
      }
      facts_->calls.push_back(std::move(statement));
      return;
    }
    AddArguments(node, frame, &statement);
    ReadLocalStrings(frame.scope, &statement.call);
    facts_->calls.push_back(std::move(statement));
  }

  // drf-extensions' chained registrations (ecommerce: `router.register("catalogs",
  // C).register("products", P, parents_query_lookups=["catalogs"])`) are kept as
  // the documented `item = router.register(...)` then `item.register(...)`, the
  // item named so no Python code can bind it ("(register 12 4)"), for link to
  // nest them as it nests those. False when `node` is no such chain.
  bool RecordRegisterChain(TSNode node, const Frame& frame) {
    std::string item = RegisterChainItem(RegisterReceiver(node), frame);
    if (item.empty()) return false;
    CallStatement statement = CallStatementAt(node, frame);
    AddArguments(node, frame, &statement);
    statement.call.text = item + ".register";
    statement.line = statement.call.line = LineOf(RegisterName(node));
    facts_->calls.push_back(std::move(statement));
    return true;
  }

  // The `register` of a call `x.register(...)`, else a null node.
  TSNode RegisterName(TSNode call) const {
    TSNode function = ts_node_child_by_field_id(call, f_.function);
    if (KindOf(function) != PyKind::kAttribute) return TSNode{};
    TSNode name = ts_node_child_by_field_id(function, f_.attribute);
    return tree_.Text(name) == "register" ? name : TSNode{};
  }

  // The call `x.register(...)` is made on when that is itself a register call,
  // else a null node.
  TSNode RegisterReceiver(TSNode call) const {
    if (ts_node_is_null(RegisterName(call))) return TSNode{};
    TSNode function = ts_node_child_by_field_id(call, f_.function);
    TSNode receiver = Unparenthesize(ts_node_child_by_field_id(function, f_.object));
    bool registers = KindOf(receiver) == PyKind::kCall && !ts_node_is_null(RegisterName(receiver));
    return registers ? receiver : TSNode{};
  }

  // The module-level name a register call of a chain is bound to (made on
  // first use, its own receiver first), or "" for a null node.
  std::string RegisterChainItem(TSNode call, const Frame& frame) {
    if (ts_node_is_null(call)) return "";
    std::string receiver = RegisterChainItem(RegisterReceiver(call), frame);
    // Every call of a chain starts where the chain does: each is named and
    // placed by its own `register`.
    TSNode name = RegisterName(call);
    Assignment a;
    a.line = LineOf(name);
    a.target = "(register " + std::to_string(a.line) + " " +
               std::to_string(ts_node_start_point(name).column + 1) + ")";
    a.value = exprs_.Build(call);
    a.value.line = a.line;
    if (!receiver.empty()) a.value.text = receiver + ".register";
    a.conditional = frame.conditional;
    a.guard = frame.guard;
    std::string target = a.target;
    facts_->assignments.push_back(std::move(a));
    return target;
  }

  // The call statement with its callee only; AddArguments adds the rest.
  CallStatement CallStatementAt(TSNode node, const Frame& frame) {
    CallStatement statement;
    statement.scope = scopes_[frame.scope].qualname;
    statement.conditional = frame.conditional;
    statement.guard = frame.guard;
    statement.line = LineOf(node);
    statement.call = exprs_.BuildCallee(node);
    return statement;
  }

  void AddArguments(TSNode node, const Frame& frame, CallStatement* statement) {
    statement->call = exprs_.Build(node);
    if (frame.loop >= 0) {
      Loop& loop = loops_[frame.loop];
      statement->loop = LoopContext{loop.variable, LoopIterable(loop)};
    }
  }

  // The loop's entry in facts_->loops, made on first use.
  int FactsLoop(int loop_index) {
    Loop& loop = loops_[loop_index];
    if (loop.facts_index < 0) {
      facts_->loops.push_back(LoopContext{loop.variable, LoopIterable(loop)});
      loop.facts_index = static_cast<int>(facts_->loops.size()) - 1;
    }
    return loop.facts_index;
  }

  // Each call statement in a loop body carries its own copy of the iterable: a
  // generated loop over a huge literal would multiply it by every statement, so
  // a long iterable is kept as its first bytes only (what the loop reads is lost).
  const Expr& LoopIterable(Loop& loop) {
    if (!loop.copied) {
      uint32_t size = ts_node_end_byte(loop.iterable) - ts_node_start_byte(loop.iterable);
      if (size <= kMaxLoopIterableBytes) {
        loop.copy = exprs_.Build(loop.iterable);
      } else {
        loop.copy.text = std::string(tree_.Text(loop.iterable).substr(0, 64)) + "...";
        loop.copy.line = LineOf(loop.iterable);
      }
      loop.copied = true;
    }
    return loop.copy;
  }

  void RecordCallSite(TSNode call, int owner) {
    if (owner < 0) return;
    std::string callee = exprs_.CalleeName(ts_node_child_by_field_id(call, f_.function));
    if (callee.empty()) return;
    PendingFunction& fn = functions_[owner];
    std::vector<CallSite>& calls = fn.def.calls;
    if (calls.size() <= kLinearCalls) {
      for (CallSite& site : calls) {
        if (site.callee == callee) {
          ++site.count;
          return;
        }
      }
      calls.push_back({std::move(callee), LineOf(call), 1});
      if (calls.size() > kLinearCalls) {
        for (size_t i = 0; i < calls.size(); ++i) fn.call_index.emplace(calls[i].callee, i);
      }
      return;
    }
    auto [it, inserted] = fn.call_index.try_emplace(callee, calls.size());
    if (inserted) {
      calls.push_back({std::move(callee), LineOf(call), 1});
    } else {
      ++calls[it->second].count;
    }
  }

  const SyntaxTree& tree_;
  ExprBuilder& exprs_;
  FileFacts* facts_;
  const PyFields& f_;
  const CallArguments arguments_;
  ChildLister lister_;
  SubtreeWalker expression_walker_;
  std::vector<ChildNode> children_;  // scratch for PushChildren
  std::vector<Frame> stack_;
  std::vector<Scope> scopes_;
  std::vector<PendingFunction> functions_;
  std::vector<int> part_guards_;  // GuardsOfParts
  std::vector<Loop> loops_;
  std::map<std::pair<int, std::string>, TSNode> local_values_;  // (scope, name): NoteLocalValue
};

}  // namespace

void WalkModule(const SyntaxTree& tree, ExprBuilder& exprs, FileFacts* facts,
                CallArguments arguments) {
  Walker(tree, exprs, facts, arguments).Run();
}

}  // namespace djcost
