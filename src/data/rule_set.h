// Everything a user may tune without recompiling: rates and knowledge tables.
// Loaded by rules/ from rules/*.json (embedded) plus overrides; read by link/
// and estimate/. Plain data; depends on the standard library only.
#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "data/django_release.h"

namespace djcost {

/// A cost rate: effort per unit, as a three-point range.
struct Rate {
  std::string id;           // kebab-case, e.g. "split-per-endpoint"
  std::string description;  // what one unit is
  std::string unit;         // e.g. "engineer-weeks per endpoint"
  double low = 0;
  double likely = 0;
  double high = 0;
  bool assumed = false;     // true: an assumption, not a documented figure
  std::string source;       // the seed article named, or "assumption"
  std::string rationale;    // one line: why this figure
  std::string origin;       // where the value in effect came from: "embedded", "pyproject.toml:14"
  bool operator==(const Rate&) const = default;
};

/// True when `tags` holds `tag`: a known class's or function's own tags.
inline bool HoldsTag(const std::vector<std::string>& tags, std::string_view tag) {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

/// What a later Django release changed in a known class: applies when the
/// project may install `django` or a later release (RuleSet::django).
struct KnownChange {
  std::vector<int> django;                      // {5, 0}
  std::vector<std::string> http_method_names;   // the class's own, from then on
  bool operator==(const KnownChange&) const = default;
};

/// A class defined outside the repository that djcost knows: Django's, DRF's and
/// common third-party bases. Link walks these like repo classes.
struct KnownClass {
  std::string qualname;               // canonical: "django.views.generic.edit.CreateView"
  std::vector<std::string> aliases;   // other import paths: "django.views.generic.CreateView"
  std::vector<std::string> bases;     // canonical qualnames, in MRO order of declaration
  std::vector<std::string> methods;   // methods the class itself defines that matter:
                                      // HTTP handlers ("get", "post") and viewset actions
  std::vector<std::string> tags;      // "model", "view", "api", "page", "viewset",
                                      // "model-admin", "admin-site", "manager", "app-config",
                                      // "signal", "form"
  std::vector<KnownChange> changes;   // by later Django releases, oldest first
  bool HasTag(std::string_view tag) const { return HoldsTag(tags, tag); }
  bool operator==(const KnownClass&) const = default;
};

/// A known function: decorators and calls whose meaning djcost understands.
struct KnownFunction {
  std::string qualname;              // "django.views.decorators.http.require_POST"
  std::vector<std::string> aliases;
  std::vector<std::string> methods;  // methods a method-restricting decorator allows
  std::vector<std::string> tags;     // "restrict-methods", "api-view", "renders-template",
                                     // "returns-json", "raw-sql", "celery-task", "receiver",
                                     // "url-pattern", "include", "static-urls", "i18n-patterns",
                                     // "registers-model-view", "model-urls"
  bool HasTag(std::string_view tag) const { return HoldsTag(tags, tag); }
  bool operator==(const KnownFunction&) const = default;
};

struct RuleSet {
  std::string version;  // a hash of the rules in effect: part of the cache key
  std::vector<Rate> rates;
  std::vector<KnownClass> classes;
  std::vector<KnownFunction> functions;
  std::vector<std::string> builtin_signals;  // qualified names
  std::map<std::string, std::string> options;  // other [tool.djcost] settings, as text
  // The project's Django release (discover/django_pin.h), set by the scan: not a
  // rule, so not in `version`; the link memo's key names it.
  DjangoRelease django;

  const Rate* FindRate(const std::string& id) const {
    for (const auto& r : rates) {
      if (r.id == id) return &r;
    }
    return nullptr;
  }
};

}  // namespace djcost
