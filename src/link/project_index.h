// The whole project's names: which module defines what, what each import binds,
// and how class hierarchies run through repository classes and the known classes
// of rules/knowledge. Input: every file's FileFacts and the RuleSet; output:
// lookups used by the rest of link/. Read-only after construction, but for
// memoised lookups (see Share()).
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "data/file_facts.h"
#include "data/rule_set.h"
#include "link/module_index.h"
#include "util/string_arena.h"
#include "util/strings.h"

namespace djcost {

/// What a name resolves to.
struct Symbol {
  enum class Kind { kUnknown, kModule, kClass, kFunction, kVariable, kExternal };
  Kind kind = Kind::kUnknown;
  /// Repo symbols: "<module>.<name>"; external ones: the dotted path, canonical
  /// when it names a known class or function.
  std::string qualname;
  int file = -1;  // the defining file of a repo symbol
  const ClassDef* cls = nullptr;
  const FunctionDef* function = nullptr;
  std::string variable;       // kVariable: the module-level name
  const Expr* value = nullptr;  // kVariable: its first assigned value
  /// Attribute path left over after a class, function or variable:
  /// resolving "views.Home.as_view" gives class Home with remainder "as_view".
  std::string remainder;

  bool is_repo() const { return file >= 0; }
  bool operator==(const Symbol&) const = default;
};

/// One element of a module-level list (urlpatterns, INSTALLED_APPS), with the
/// file whose names it must be resolved in.
struct ListItem {
  const Expr* expr = nullptr;
  int file = -1;
};

/// Where a class's method comes from: a repo function (a `def` in a class body,
/// or the function a class-body name aliases) or a known class of the tables.
struct MethodSource {
  bool found = false;
  const FunctionDef* function = nullptr;  // nullptr when a known class defines it
  int file = -1;                          // the file of `function`
};

/// A statement call and the file it is in.
struct CallRef {
  int file = -1;
  const CallStatement* call = nullptr;
};

class ProjectIndex {
 public:
  ProjectIndex(const std::vector<FileFacts>& files, const RuleSet& rules,
               const std::vector<std::string>& markers);

  const std::vector<FileFacts>& files() const { return files_; }
  /// An index over the same tables with memos of its own, for another thread:
  /// lookups write only to memos, so two threads must not share one index.
  /// Reads only what construction wrote: another thread may call it while this
  /// index is in use.
  ProjectIndex Share() const;
  /// Share(), on the heap, for a caller that frees it elsewhere.
  std::shared_ptr<ProjectIndex> ShareOwned() const {
    return std::shared_ptr<ProjectIndex>(new ProjectIndex(*this));
  }

  const ModuleIndex& modules() const { return tables_->modules; }
  const RuleSet& rules() const { return rules_; }
  const std::string& ModuleOf(int file) const { return tables_->modules.NameOf(file); }

  /// Resolves `dotted` as written in `file`: locals, imports, star imports.
  Symbol Resolve(int file, std::string_view dotted) const;
  /// Resolve() without the copy, for loops that ask many times: valid as long as
  /// the index. `file` must be a file of the index.
  const Symbol& ResolveMemo(int file, std::string_view dotted) const;
  /// `dotted` as the bases or decorators of the module-level definition `name`
  /// read it: Python evaluates them before the definition binds `name`, so
  /// `class ListView(ListView)` and `@receiver(post_save) def post_save` name
  /// the import.
  Symbol ResolveBeforeDefinition(int file, std::string_view name, std::string_view dotted) const;
  /// Resolves a fully qualified dotted name ("shop.views.Home", "django.db.models.Model").
  Symbol ResolveAbsolute(std::string_view dotted) const;

  /// The module an import names, made absolute ("" when it climbs above the top).
  std::string ImportedModule(int file, const Import& import) const;

  /// True when a function body of `file` binds `name` itself: a function
  /// nested in a function, or an import in a body binding it. Only then can a
  /// name in a body mean other than what the module binds (ResolveInScope).
  bool BindsLocally(int file, std::string_view name) const;

  const KnownClass* FindKnownClass(std::string_view qualname) const;
  const KnownFunction* FindKnownFunction(std::string_view qualname) const;
  /// A repo class by qualified name, or nullptr (sets *file).
  const ClassDef* FindClass(std::string_view qualname, int* file) const;
  /// A repo function by qualified name, or nullptr (sets *file).
  const FunctionDef* FindFunction(std::string_view qualname, int* file) const;
  /// Qualified name of a repo class or function.
  std::string QualName(int file, const std::string& scope, const std::string& name) const;

  /// The resolved bases of a repo class, in declaration order (qualnames).
  std::vector<std::string> BasesOf(int file, const ClassDef& cls) const;
  /// The class and all its ancestors, repo and known, depth-first left to right,
  /// each once. Unknown external bases appear by their dotted name.
  const std::vector<std::string_view>& Ancestors(std::string_view qualname) const;
  /// Module-level repo classes outside migrations whose lowercased name is
  /// `lowercase_name`, in file and source order: Django finds a model by its app
  /// label and its case-insensitive name.
  const std::vector<std::pair<int, const ClassDef*>>& ModuleClassesNamedCaseless(
      std::string_view lowercase_name) const;
  /// Statement calls whose callee's last name is `name` ("register" for
  /// `router.register(...)`), in file and source order. Indexed with the names,
  /// so lookups for many routers do not each scan every call of the project.
  const std::vector<CallRef>& CallsNamed(const std::string& name) const;
  /// True when the class or any ancestor is a known class with `tag`.
  bool HasTag(const std::string& qualname, std::string_view tag) const;
  /// Methods the class and its ancestors define (repo method names, class-body
  /// aliases of functions such as `put = post`, and known classes' `methods`).
  std::set<std::string> Methods(const std::string& qualname) const;
  /// The definition of `method` nearest in the class's MRO: a `def`, or a
  /// class-body alias of a function, whichever the body binds last.
  MethodSource NearestMethod(std::string_view qualname, std::string_view method) const;
  /// The nearest class-level assignment of `attribute` in the class or a repo
  /// ancestor, or nullptr (sets *file).
  const Assignment* FindAttribute(const std::string& qualname, std::string_view attribute,
                                  int* file) const;

  /// The value of a module-level list after every assignment, `+=`, append,
  /// extend and star import in source order; names of other lists are expanded.
  /// Returns false when the module never binds the name.
  bool EvalList(int file, const std::string& name, std::vector<ListItem>* out) const;
  /// The list as the statement holding `mention` (an expression of `file`) reads
  /// it: `urlpatterns = [path("", include(urlpatterns))]` includes the list bound
  /// before that statement, not itself. Returns false when nothing bound it before.
  bool EvalListBefore(int file, const std::string& name, const Expr* mention,
                      std::vector<ListItem>* out) const;
  /// A file django-split-settings' include() runs, and the line of that include().
  struct SettingsFragment {
    int file = -1;
    int line = 0;
  };
  /// EvalList for a settings module whose include() runs `fragments` in its
  /// namespace, each where its include() is: a fragment's `+=`, append and
  /// extend change the module's list, its `=` rebinds it (rdmo's base.py adds
  /// `INSTALLED_APPS += ["drf_spectacular", ...]` to the list the module bound).
  bool EvalListWithFragments(int file, const std::string& name,
                             const std::vector<SettingsFragment>& fragments,
                             std::vector<ListItem>* out) const;
  /// The local list a module-level function returns (`return urlpatterns`),
  /// read from its LocalList as EvalList reads a module's list. False when the
  /// function returns no such list.
  bool EvalReturnedList(int file, const FunctionDef& fn, std::vector<ListItem>* out) const;
  /// The list class attribute `name` of class `qualname` holds, read as EvalList
  /// reads a module's list from the body of the nearest class in its MRO that
  /// binds it (marsha's django-configurations settings: `INSTALLED_APPS =
  /// Base.INSTALLED_APPS + [...]` in a subclass). False when no class binds it.
  bool EvalAttributeList(std::string_view qualname, const std::string& name,
                         std::vector<ListItem>* out) const;
  /// The last value bound to a module-level name (following imports), or nullptr.
  const Expr* EvalValue(int file, const std::string& name, int* value_file) const;
  /// Expands a list-valued expression (list display, `a + b`, names of lists).
  void ExpandList(int file, const Expr& expr, std::vector<ListItem>* out) const;

  /// What `"app" in settings.INSTALLED_APPS` and `apps.is_installed("app")` test
  /// against: the INSTALLED_APPS entries and the installed apps' modules. Set once
  /// the settings are read, and only when every entry could be; until then (and
  /// without it) every guard holds. Call before Share().
  void SetInstalledApps(std::unordered_set<std::string> installed);
  /// False when a statement's app conditions (`guard`, an index into the file's
  /// FileFacts::guards) fail: Django never runs it. A condition on a setting
  /// fails only when the settings module binds it once, unconditionally, to a
  /// literal of the other truth (or, for getattr's default, leaves it unset).
  /// No condition fails when the settings may be overridden: a deployment's
  /// file may set the setting, or add the app, where the project runs.
  bool GuardHolds(int file, int guard) const;
  /// True when the settings module runs what a deployment may change (a star
  /// import under `try` or of a module the repository lacks, django-split-settings'
  /// include(), globals(), exec, setattr): its literals may not be what Django sees.
  bool SettingsMayBeOverridden() const;
  /// The truth of setting `name` in the settings module: 1, 0, or -1 when it is
  /// not known (`fallback` when the module never binds it). Never known when
  /// the settings may take values djcost cannot see (SettingsMayBeOverridden).
  int SettingTruth(const std::string& name, int fallback) const;
  /// The truth Python gives `value`, written in `file`: a literal, a module
  /// constant bound once unconditionally, or a setting (SettingTruth, Django's
  /// default when the settings leave it unset); -1 when not known.
  int ValueTruth(int file, const Expr& value) const;
  /// The settings module's file, so that `settings.NAME` lists read as the
  /// settings bind them (`for app in settings.PLUGINS:`). Call before Share().
  void SetSettingsFile(int file) { settings_file_ = file; }

 private:
  // Views into the facts, or into Tables::relative_modules: a large project binds
  // 10^5-10^6 names, so a binding copies no string.
  struct Binding {
    enum class Kind : unsigned char { kClass, kFunction, kVariable, kImportFrom, kImportModule };
    explicit Binding(Kind k) : kind(k) {}
    Kind kind;
    union {  // by kind: the definition bound
      const ClassDef* cls = nullptr;
      const FunctionDef* function;
      const Assignment* assignment;
    };
    std::string_view module = {};  // imports: absolute module
    std::string_view name = {};    // kImportFrom: the imported name
  };
  // Transparent: names are looked up as string_views without a copy.
  template <typename V>
  using NameMap = std::unordered_map<std::string, V, NameHasher, std::equal_to<>>;
  // Keyed by views of strings that outlive the table (the facts, an arena).
  template <typename V>
  using ViewMap = std::unordered_map<std::string_view, V, NameHasher>;
  // One file's names, keyed by views of the names in the facts (which outlive the
  // index) and sorted for a binary search: a hash map's nodes and buckets took
  // half again the room, once per name of the project.
  class Namespace {
   public:
    using Building = std::unordered_map<std::string_view, Binding, NameHasher>;
    Namespace() = default;
    explicit Namespace(const Building& names);
    const Binding* Find(std::string_view name) const;

   private:
    std::vector<std::pair<std::string_view, Binding>> names_;
  };

  Symbol ResolveIn(int file, std::string_view dotted, int depth) const;
  Symbol ResolveInStars(int file, std::string_view dotted, int depth) const;
  Symbol ResolveBinding(int file, const Binding& b, std::string_view head, std::string_view rest,
                        int depth) const;
  Symbol ResolveBase(int file, const ClassDef& cls, std::string_view dotted) const;
  Symbol ResolveAbsoluteAt(std::string_view dotted, int depth) const;
  Symbol BoundByPackage(std::string_view module, std::string_view dotted, int depth) const;
  Symbol External(std::string_view dotted) const;
  // The tags of the class and every ancestor (views into the rule set).
  const std::vector<std::string_view>& TagsOf(const std::string& qualname) const;
  bool EvalListAt(int file, const std::string& name, std::vector<ListItem>* out, int depth,
                  const Expr* mention = nullptr) const;
  // A statement that changes a list: its value is read by ApplyListEvents.
  struct ListEvent {
    int line = 0;
    const Assignment* assignment = nullptr;
    const CallStatement* call = nullptr;
    const Import* import = nullptr;
    int fragment = -1;  // a split-settings file run here (EvalListWithFragments)
  };
  // The module-level star imports, imports of `name`, assignments and calls
  // that change list `name` in `file`.
  void AddModuleListEvents(int file, const std::string& name,
                           std::vector<ListEvent>* events) const;
  // The assignments to `name` and calls mutating it in `scope` ("" for the
  // module, else a function's name), whose guards hold.
  void AddListEvents(int file, const std::string& name, const std::vector<Assignment>& assignments,
                     const std::vector<CallStatement>& calls, std::string_view scope,
                     std::vector<ListEvent>* events) const;
  // The list after `events`, sorted here into source order; false when none
  // bound it. With `mention`, only what ran before the statement holding it.
  bool ApplyListEvents(int file, const std::string& name, std::vector<ListEvent>* events,
                       std::vector<ListItem>* out, int depth, const Expr* mention) const;
  void ExpandListAt(int file, const Expr& expr, std::vector<ListItem>* out, int depth) const;
  bool EvalAttributeListAt(std::string_view qualname, const std::string& name,
                           std::vector<ListItem>* out, int depth) const;
  // One item of a list display: `*x` unpacked when x reads as a list.
  void AddDisplayItem(int file, const Expr& item, std::vector<ListItem>* out, int depth) const;
  bool IsSumOfLists(int file, const Expr& call, int depth) const;
  // A rebinding of list `name` whose value reads the list itself: `old` stands
  // for each mention.
  void ExpandRebinding(int file, const Expr& value, const std::string& name,
                       const std::vector<ListItem>& old, std::vector<ListItem>* out,
                       int depth) const;
  const Expr* EvalValueAt(int file, const std::string& name, int* value_file, int depth) const;
  MethodSource NearestMethodAt(std::string_view qualname, std::string_view method,
                               int depth) const;
  // The function a class-level assignment `a` of `cls` binds, when its value
  // names one; not found for anything else (`put = None`, `model = Book`).
  MethodSource AliasedFunction(int file, const ClassDef& cls, const Assignment& a,
                               int depth) const;
  // The last def or assignment of `name` in the body of `cls` above `line`, as
  // a method; *bound is false when the body binds no such name there.
  MethodSource BodyBinding(int file, const ClassDef& cls, std::string_view name, int line,
                           int depth, bool* bound) const;
  // What `name` means in the body of `cls` above `line`: its last def or
  // assignment there, else the module's name, as Python looks it up.
  MethodSource NameInClassBody(int file, const ClassDef& cls, std::string_view name, int line,
                               int depth) const;
  // `value` once per item of `loop`'s iterable, its names bound; false when the
  // iterable cannot be read or an item brings names from another module.
  bool UnrollInLoop(int file, const LoopContext& loop, const Expr& value,
                    std::vector<const Expr*>* out, int depth) const;

  // What construction builds and lookups only read. Share() hands it to a second
  // index, so a second thread need not build it again.
  struct Tables {
    explicit Tables(ModuleIndex m) : modules(std::move(m)) {}
    ModuleIndex modules;
    std::vector<Namespace> namespaces;
    std::vector<Namespace> shadowed;  // per file: imports a class definition rebinds
    std::vector<std::vector<std::string_view>> local_names;  // per file, sorted: BindsLocally
    std::vector<std::vector<std::string_view>> star_modules;  // per file, in source order
    // Relative imports made absolute, which the facts do not hold; a deque keeps
    // them in place for the views above.
    std::deque<std::string> relative_modules;
    // Qualified names the facts do not hold, as the keys of the three tables below.
    StringArena names;
    ViewMap<std::pair<int, const ClassDef*>> classes;
    ViewMap<std::pair<int, const FunctionDef*>> functions;
    ViewMap<std::vector<std::pair<int, const ClassDef*>>> module_classes_by_lower_name;
    NameMap<const KnownClass*> known_classes;
    NameMap<const KnownFunction*> known_functions;
    // top-level package -> class name -> known class, for re-exports the table lacks.
    NameMap<NameMap<const KnownClass*>> known_by_last;
    std::unordered_map<std::string_view, std::vector<CallRef>, NameHasher> calls_by_name;
  };

  // Share(): the same tables, empty memos.
  ProjectIndex(const ProjectIndex& other);

  const std::vector<FileFacts>& files_;
  const RuleSet& rules_;
  std::shared_ptr<Tables> tables_;  // written by the constructor only
  std::shared_ptr<const std::unordered_set<std::string>> installed_;  // SetInstalledApps
  int settings_file_ = -1;                                            // SetSettingsFile
  mutable int settings_overridden_ = -1;  // SettingsMayBeOverridden's answer: 0, 1, -1 unknown yet
  bool OverriddenFrom(int file, int depth) const;
  // The truth of the value module `file` binds `name` to: -1 when it is bound
  // under a condition, augmented or not a literal; `unbound` when never bound.
  int BoundTruth(int file, const std::string& name, int unbound) const;
  // Copies of loop bodies' values with the loop's names bound, one per item
  // (`for app in PLUGINS: urls += [path("", include(f"{app}.urls"))]`): list
  // items point into them, so a deque. Per index, like the memos.
  mutable std::deque<Expr> unrolled_;
  // Memos: link asks the same questions of the same names many times (every
  // urls.py resolves `path`, every model its base), and the index never changes.
  // They are the only state a lookup writes, so each index has its own.
  mutable NameMap<std::vector<std::string_view>> ancestors_;  // views of its own keys
  // Per file: dotted name -> Resolve(), as one of symbols_: thousands of files
  // resolve `models.Model` or `path` to the same answer, kept once.
  struct SymbolHash {
    size_t operator()(const Symbol& s) const;
  };
  mutable std::vector<NameMap<const Symbol*>> resolved_;
  mutable std::unordered_set<Symbol, SymbolHash> symbols_;
  mutable NameMap<Symbol> external_;               // dotted name -> External()
  // qualname (a key of ancestors_) -> TagsOf()
  mutable std::unordered_map<std::string_view, std::vector<std::string_view>, NameHasher> tags_;
};

/// NAME of `django.conf.settings.NAME` (a setting read as an attribute of
/// Django's settings object), else "".
std::string_view SettingName(std::string_view dotted);

/// The first component of a dotted name and the rest ("a.b.c" -> "a", "b.c").
std::pair<std::string_view, std::string_view> SplitHead(std::string_view dotted);
/// The last component ("a.b.c" -> "c").
std::string_view LastComponent(std::string_view dotted);

/// The name an import binds, not a star import: `import a.b` binds `a`,
/// `import a.b as c` and `from m import n as c` bind `c`, `from m import n`
/// binds `n`.
std::string_view BoundName(const Import& import);

}  // namespace djcost
