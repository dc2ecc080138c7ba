// Test helpers for the models, admin, signals and findings passes: a small
// project made of inline Python files run through ExtractFile, a hand-built
// RuleSet with the Django classes these passes rely on, and one-line dumps.
#pragma once

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "data/rule_set.h"
#include "extract/extract.h"
#include "link/apps.h"
#include "link/project_index.h"
#include "link/settings.h"

namespace djcost::testing {

inline KnownClass Known(std::string qualname, std::vector<std::string> aliases,
                        std::vector<std::string> bases, std::vector<std::string> tags,
                        std::vector<std::string> methods = {}) {
  KnownClass k;
  k.qualname = std::move(qualname);
  k.aliases = std::move(aliases);
  k.bases = std::move(bases);
  k.tags = std::move(tags);
  k.methods = std::move(methods);
  return k;
}

inline KnownFunction KnownFn(std::string qualname, std::vector<std::string> aliases,
                             std::vector<std::string> tags) {
  KnownFunction f;
  f.qualname = std::move(qualname);
  f.aliases = std::move(aliases);
  f.tags = std::move(tags);
  return f;
}

/// The slice of rules/knowledge these passes read, written out by hand so the
/// tests do not depend on the shipped tables.
inline RuleSet DjangoRules() {
  RuleSet rules;
  rules.classes = {
      Known("django.db.models.Model", {"django.db.models.base.Model"}, {}, {"model"}),
      Known("django.contrib.auth.models.AbstractUser", {}, {"django.db.models.Model"},
            {"model", "abstract"}),
      Known("django.db.models.Manager", {"django.db.models.manager.Manager"}, {}, {"manager"}),
      Known("django.db.models.QuerySet", {"django.db.models.query.QuerySet"}, {}, {}),
      Known("model_utils.managers.InheritanceManager", {}, {"django.db.models.Manager"},
            {"manager"}),
      Known("django.contrib.admin.ModelAdmin", {"django.contrib.admin.options.ModelAdmin"}, {},
            {"model-admin"}),
      Known("django.contrib.admin.TabularInline", {"django.contrib.admin.options.TabularInline"},
            {}, {"inline"}),
      Known("django.contrib.auth.admin.UserAdmin", {}, {"django.contrib.admin.ModelAdmin"},
            {"model-admin"}),
      Known("django.contrib.admin.AdminSite", {"django.contrib.admin.sites.AdminSite"}, {},
            {"admin-site"}),
      Known("django.apps.AppConfig", {"django.apps.config.AppConfig"}, {}, {"app-config"}),
      Known("django.dispatch.Signal", {"django.dispatch.dispatcher.Signal"}, {}, {"signal"}),
      Known("django.forms.Form", {"django.forms.forms.Form"}, {}, {"form"}),
      Known("django.forms.ModelForm", {"django.forms.models.ModelForm"}, {}, {"form"}),
      Known("rest_framework.permissions.BasePermission", {}, {}, {"permission-class"}),
  };
  rules.functions = {
      KnownFn("django.dispatch.receiver", {"django.dispatch.dispatcher.receiver"}, {"receiver"}),
      KnownFn("celery.shared_task", {}, {"celery-task"}),
  };
  rules.builtin_signals = {
      "django.contrib.auth.signals.user_logged_in",
      "django.core.signals.request_finished",
      "django.db.models.signals.post_delete",
      "django.db.models.signals.post_save",
      "django.db.models.signals.pre_delete",
      "django.db.models.signals.pre_save",
  };
  return rules;
}

/// A project of inline files: Add() them, then Build() the index and apps.
class SnippetProject {
 public:
  explicit SnippetProject(RuleSet rules = DjangoRules()) : rules_(std::move(rules)) {}

  SnippetProject& Add(const std::string& path, std::string_view source,
                      FileKind kind = FileKind::kSource) {
    static PythonParser parser;
    SourceFile file;
    file.path = path;
    file.kind = kind;
    file.size = source.size();
    files_.push_back(ExtractFile(file, source, parser));
    return *this;
  }

  /// Indexes the files (sorted by path, as discovery gives them) and finds the
  /// apps; `settings` fields set by the test are kept, else FindSettings runs.
  void Build(bool find_settings = false) {
    std::sort(files_.begin(), files_.end(),
              [](const FileFacts& a, const FileFacts& b) { return a.file.path < b.file.path; });
    std::vector<std::string> markers;
    for (const auto& f : files_) {
      const std::string& p = f.file.path;
      if (p == "manage.py" || (p.size() > 10 && p.substr(p.size() - 10) == "/manage.py")) {
        markers.push_back(p);
      }
    }
    index_ = std::make_unique<ProjectIndex>(files_, rules_, markers);
    if (find_settings) settings = FindSettings(*index_);
    apps_ = std::make_unique<Apps>(*index_, settings);
  }

  const ProjectIndex& index() const { return *index_; }
  const Apps& apps() const { return *apps_; }
  const std::vector<FileFacts>& files() const { return files_; }

  Settings settings;

 private:
  RuleSet rules_;
  std::vector<FileFacts> files_;
  std::unique_ptr<ProjectIndex> index_;
  std::unique_ptr<Apps> apps_;
};

inline std::string Where(const Location& l) { return l.path + ":" + std::to_string(l.line); }

inline std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ",") + s;
  return "[" + out + "]";
}

inline std::string DiagnosticsText(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    out += d.code + " " + Where(d.location) + ": " + d.message + "\n";
  }
  return out;
}

}  // namespace djcost::testing
