#include "link/findings.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>

#include "link/models_resolve.h"

namespace djcost {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool ContainsNoCase(std::string_view haystack, std::string_view needle) {
  auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                        [](char a, char b) {
                          return std::tolower(static_cast<unsigned char>(a)) ==
                                 std::tolower(static_cast<unsigned char>(b));
                        });
  return it != haystack.end();
}

// "a.b().c" -> {"a", "b", "c"}: the callee's names without call parentheses.
std::vector<std::string_view> Components(std::string_view callee) {
  std::vector<std::string_view> parts;
  while (!callee.empty()) {
    auto [head, rest] = SplitHead(callee);
    if (head.size() >= 2 && head.substr(head.size() - 2) == "()") head.remove_suffix(2);
    parts.push_back(head);
    callee = rest;
  }
  return parts;
}

enum class RawSql { kNo, kQuery, kCursor };

class FindingFinder {
 public:
  FindingFinder(const ProjectIndex& index, const Settings& settings, const Apps& apps)
      : index_(index), settings_(settings), apps_(apps),
        refs_(index, apps, settings.auth_user_model.value) {
    for (const auto& fn : index.rules().functions) {
      if (!fn.HasTag("raw-sql")) continue;
      raw_sql_names_.emplace(LastComponent(fn.qualname));
      for (const auto& alias : fn.aliases) raw_sql_names_.emplace(LastComponent(alias));
    }
  }

  /// Unsorted: the findings of the chunks taken and, with `settings_entries`,
  /// of the settings.
  std::vector<Finding> Run(FileChunks* chunks, bool settings_entries) {
    const auto& files = index_.files();
    for (size_t begin = 0, end = 0; chunks->Next(&begin, &end);) {
      for (size_t i = begin; i < end; ++i) {
        FileKind kind = files[i].file.kind;
        // Test code does not move to production; migrations are Django's own.
        if (kind == FileKind::kTest || kind == FileKind::kMigration) continue;
        int file = static_cast<int>(i);
        for (const auto& fn : files[i].functions) ReadFunction(file, fn);
        for (const auto& cls : files[i].classes) {
          for (const auto& m : cls.methods) ReadFunction(file, m);
          ReadClass(file, cls);
        }
      }
    }
    if (settings_entries) {
      ReadSettingsEntries(settings_.middleware, "middleware");
      ReadSettingsEntries(settings_.authentication_backends, "auth-backend");
      ReadUserModel();
    }
    return std::move(out_);
  }

 private:
  void Add(std::string kind, std::string detail, int file, Location location) {
    out_.push_back({std::move(kind), std::move(detail), file >= 0 ? apps_.LabelForFile(file) : "",
                    std::move(location)});
  }

  // Raw SQL by callee shape: execute/executemany on something named like a
  // cursor, connection.cursor(), Manager.raw(), QuerySet.extra(), RawSQL(), and
  // functions the knowledge tables tag "raw-sql".
  RawSql Classify(int file, const std::string& scope, std::string_view callee) const {
    std::vector<std::string_view> parts = Components(callee);
    if (parts.empty()) return RawSql::kNo;
    std::string_view last = parts.back();
    std::string_view previous = parts.size() > 1 ? parts[parts.size() - 2] : std::string_view();
    if ((last == "execute" || last == "executemany") && ContainsNoCase(previous, "cursor")) {
      return RawSql::kQuery;
    }
    if (last == "cursor" && ContainsNoCase(previous, "connection")) return RawSql::kCursor;
    if (last == "raw" && previous.size() >= 7 &&
        previous.substr(previous.size() - 7) == "objects") {
      return RawSql::kQuery;
    }
    if (last == "extra" && std::find(parts.begin(), parts.end() - 1, "objects") != parts.end() - 1) {
      return RawSql::kQuery;
    }
    if (last == "RawSQL") return RawSql::kQuery;
    // Resolving every call would cost a lookup each: only names the tables'
    // raw-sql functions end with are worth one, and bare names (aliases).
    if (callee.find("()") == std::string_view::npos &&
        (raw_sql_names_.count(last) || parts.size() == 1)) {
      Symbol s = ResolveInScope(index_, file, scope, callee);
      if (s.kind == Symbol::Kind::kExternal) {
        const KnownFunction* known = index_.FindKnownFunction(FullName(s));
        if (known && known->HasTag("raw-sql")) return RawSql::kQuery;
      }
    }
    return RawSql::kNo;
  }

  // A Celery task decorator: shared_task / task / periodic_task from celery,
  // `<app>.task` where the app is a `Celery(...)` instance, or a function the
  // knowledge tables tag "celery-task". invoke's and fabric's @task are not.
  bool IsCeleryTask(int file, const std::string& scope, const Expr& d) const {
    std::string_view text = d.text;
    if ((d.kind != ExprKind::kName && d.kind != ExprKind::kCall) || text.empty()) return false;
    std::string_view last = LastComponent(text);
    Symbol s = ResolveInScope(index_, file, scope, text);
    if (s.kind == Symbol::Kind::kExternal) {
      std::string full = FullName(s);
      const KnownFunction* known = index_.FindKnownFunction(full);
      if (known) return known->HasTag("celery-task");
      return StartsWith(full, "celery.") &&
             (last == "task" || last == "shared_task" || last == "periodic_task");
    }
    if (s.kind == Symbol::Kind::kVariable && (s.remainder == "task" || s.remainder == "periodic_task")) {
      return s.value && s.value->kind == ExprKind::kCall && LastComponent(s.value->text) == "Celery";
    }
    if (s.kind == Symbol::Kind::kUnknown && text.find('.') != std::string_view::npos) {
      // `@app.task` where `app` is bound some way djcost cannot follow.
      std::string_view head = SplitHead(text).first;
      return last == "task" && (head == "app" || head == "celery" || head == "celery_app");
    }
    return false;
  }

  void ReadFunction(int file, const FunctionDef& fn) {
    const FileFacts& facts = index_.files()[file];
    std::string scope = BodyScope(fn);
    std::vector<const CallSite*> cursors;
    bool has_query = false;
    for (const auto& site : fn.calls) {
      RawSql kind = Classify(file, scope, site.callee);
      if (kind == RawSql::kQuery) {
        has_query = true;
        Add("raw-sql", site.callee, file, {facts.file.path, site.line, 0});
      } else if (kind == RawSql::kCursor) {
        cursors.push_back(&site);
      }
    }
    // `with connection.cursor() as c: c.execute(...)` is one use of raw SQL; a
    // cursor handed elsewhere is reported where it is opened.
    if (!has_query) {
      for (const CallSite* site : cursors) {
        Add("raw-sql", site->callee, file, {facts.file.path, site->line, 0});
      }
    }
    for (const auto& d : fn.decorators) {
      if (IsCeleryTask(file, fn.scope, d)) {
        Add("celery-task", index_.QualName(file, fn.scope, fn.name), file,
            DefinitionLocation(facts, fn.line, fn.decorators));
        break;
      }
    }
  }

  void ReadClass(int file, const ClassDef& cls) {
    std::string qual = index_.QualName(file, cls.scope, cls.name);
    Location where = DefinitionLocation(index_.files()[file], cls.line, cls.decorators);
    if (ReachesAny(index_, qual,
                   {"rest_framework.permissions.BasePermission",
                    "rest_framework.permissions.BasePermissionMetaclass"},
                   "permission-class")) {
      Add("permission-class", qual, file, where);
    }
    if (ReachesAny(index_, qual,
                   {"django.forms.Form", "django.forms.forms.Form", "django.forms.BaseForm",
                    "django.forms.forms.BaseForm", "django.forms.ModelForm",
                    "django.forms.models.ModelForm", "django.forms.models.BaseModelForm"},
                   "form")) {
      Add("form", qual, file, where);
    }
  }

  // MIDDLEWARE and AUTHENTICATION_BACKENDS: the repo's own classes are reported
  // where they are defined; third-party ones ("third-party-<kind>") where the
  // settings list them; Django's own have a documented FastAPI counterpart or
  // none is needed, and are left out.
  void ReadSettingsEntries(const std::vector<SettingsValue>& entries, const std::string& kind) {
    for (const auto& entry : entries) {
      if (entry.value.empty()) continue;
      Symbol s = index_.ResolveAbsolute(entry.value);
      if (s.kind == Symbol::Kind::kClass && s.remainder.empty() && s.cls) {
        Add(kind, entry.value, s.file,
            DefinitionLocation(index_.files()[s.file], s.cls->line, s.cls->decorators));
      } else if (s.kind == Symbol::Kind::kFunction && s.remainder.empty() && s.function) {
        Add(kind, entry.value, s.file,
            DefinitionLocation(index_.files()[s.file], s.function->line, s.function->decorators));
      } else if (!StartsWith(entry.value, "django.")) {
        Add("third-party-" + kind, entry.value, -1, entry.location);
      }
    }
  }

  void ReadUserModel() {
    const SettingsValue& setting = settings_.auth_user_model;
    if (setting.value.empty() || setting.value == "auth.User") return;
    ModelTarget target = refs_.UserModel();
    int file = -1;
    if (const ClassDef* cls = index_.FindClass(target.qualname, &file)) {
      Add("custom-user-model", setting.value, file,
          DefinitionLocation(index_.files()[file], cls->line, cls->decorators));
    } else {
      Add("custom-user-model", setting.value, -1, setting.location);
      out_.back().app = target.app;
    }
  }

  const ProjectIndex& index_;
  const Settings& settings_;
  const Apps& apps_;
  ModelRefs refs_;
  std::set<std::string, std::less<>> raw_sql_names_;  // last names of raw-sql functions
  std::vector<Finding> out_;
};

}  // namespace

std::vector<Finding> FindFindings(const ProjectIndex& index, const Settings& settings,
                                  const Apps& apps) {
  FileChunks chunks(index.files().size());
  std::vector<Finding> findings = FindingFinder(index, settings, apps).Run(&chunks, true);
  SortFindings(&findings);
  return findings;
}

bool FileChunks::Next(std::size_t* begin, std::size_t* end) {
  *begin = next_.fetch_add(kChunk, std::memory_order_relaxed);
  if (*begin >= files_) return false;
  *end = std::min(files_, *begin + kChunk);
  return true;
}

std::vector<Finding> FindFindingsInChunks(const ProjectIndex& index, const Settings& settings,
                                          const Apps& apps, FileChunks* chunks,
                                          bool settings_entries) {
  return FindingFinder(index, settings, apps).Run(chunks, settings_entries);
}

void SortFindings(std::vector<Finding>* findings) {
  std::sort(findings->begin(), findings->end());
  findings->erase(std::unique(findings->begin(), findings->end()), findings->end());
}

}  // namespace djcost
