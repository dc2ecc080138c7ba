#include "estimate/risks.h"

#include <algorithm>
#include <map>

#include "util/strings.h"

namespace djcost {
namespace {

struct FindingKind {
  const char* severity;
  const char* label;
};

// High: breaks correctness or security when two services share the data.
// Medium: silently bypassed or needs porting by hand. Low: worth a look.
const std::map<std::string, FindingKind>& FindingKinds() {
  static const std::map<std::string, FindingKind> kinds = {
      {"auth-backend", {"high", "custom authentication backend"}},
      {"third-party-auth-backend", {"high", "third-party authentication backend"}},
      {"custom-user-model", {"high", "custom user model"}},
      {"db-router", {"high", "database router"}},
      {"raw-sql", {"medium", "raw SQL"}},
      {"celery-task", {"medium", "Celery task"}},
      {"middleware", {"medium", "custom middleware"}},
      {"third-party-middleware", {"medium", "third-party middleware"}},
      {"permission-class", {"medium", "DRF permission class"}},
      {"transaction", {"medium", "explicit transaction"}},
      {"form", {"low", "Django form"}},
      {"context-processor", {"low", "template context processor"}},
      {"template-tag", {"low", "custom template tag"}},
      {"management-command", {"low", "management command"}},
  };
  return kinds;
}

int SeverityRank(const std::string& severity) {
  if (severity == "high") return 0;
  if (severity == "medium") return 1;
  return 2;
}

bool InScope(const MoveScope& scope, const Model* model) {
  return std::find(scope.models.begin(), scope.models.end(), model) != scope.models.end();
}

}  // namespace

std::string FindingSeverity(const std::string& kind) {
  auto it = FindingKinds().find(kind);
  return it == FindingKinds().end() ? "low" : it->second.severity;
}

std::vector<Risk> FindRisks(const Inventory& inventory, const MoveScope& split,
                            const MoveScope& hybrid) {
  std::vector<Risk> risks;
  const Senders senders(inventory);
  for (const SignalReceiver& r : inventory.signal_receivers) {
    const Model* sender = senders.ModelOf(r.sender);
    if (sender == nullptr || !InScope(hybrid, sender)) continue;
    const std::string moved_by = InScope(split, sender) ? "the split and the hybrid" : "the hybrid";
    risks.push_back(Risk{"signal-on-moved-model", "high",
                         r.handler + " receives " + r.signal + " from " + sender->qualname +
                             ", which " + moved_by +
                             " would write from FastAPI, where Django signals never fire",
                         r.app, r.location});
  }
  for (const Model& m : inventory.models) {
    if (m.in_tests) continue;
    std::vector<std::string> overridden;
    for (const auto& o : m.overrides) {
      if (o == "save" || o == "delete") overridden.push_back(o + "()");
    }
    std::vector<std::string> validation;
    for (const auto& o : m.overrides) {
      if (o == "clean" || o == "full_clean") validation.push_back(o + "()");
    }
    if (!validation.empty()) {
      risks.push_back(Risk{"model-validation", "medium",
                           m.qualname + " validates in " + Join(validation, " and ") +
                               ": Django calls it from forms and the admin only; FastAPI writes "
                               "must repeat it (a Pydantic validator)",
                           m.app, m.location});
    }
    if (!overridden.empty()) {
      risks.push_back(Risk{"overridden-save", "medium",
                           m.qualname + " overrides " + Join(overridden, " and ") +
                               ": writes through SQLAlchemy bypass that logic",
                           m.app, m.location});
    }
    if (!m.managers.empty()) {
      risks.push_back(Risk{"custom-manager", "medium",
                           m.qualname + " has custom managers (" + Join(m.managers, "; ") +
                               "): their querysets must be ported",
                           m.app, m.location});
    }
    if (m.is_user_model) {
      risks.push_back(Risk{"custom-user-model", "high",
                           m.qualname +
                               " is AUTH_USER_MODEL: every service must share its password "
                               "hashing, permissions and sessions",
                           m.app, m.location});
    }
  }
  // Pages: one risk per app, at its first page, rather than one per page.
  std::map<std::string, std::vector<const Endpoint*>> pages;
  for (const Endpoint& e : inventory.endpoints) {
    if (e.kind == EndpointKind::kPage && !e.in_tests) pages[e.app].push_back(&e);
  }
  for (auto& [app, list] : pages) {
    std::sort(list.begin(), list.end(), [](const Endpoint* a, const Endpoint* b) {
      return a->location < b->location;
    });
    const std::string n = std::to_string(list.size());
    risks.push_back(Risk{"template-pages", "low",
                         n + (list.size() == 1 ? " page" : " pages") + " of " +
                             (app.empty() ? "no app" : "app " + app) +
                             (list.size() == 1 ? " renders" : " render") +
                             " templates and forms, which have no FastAPI counterpart: "
                             "they stay on Django (split, hybrid) or are rebuilt (rewrite)",
                         app, list.front()->location});
  }
  // A moved API beside Django pages is called by browsers holding Django's
  // session cookie and CSRF token.
  if (!split.endpoints.empty() && !pages.empty()) {
    const Endpoint* first = *std::min_element(
        split.endpoints.begin(), split.endpoints.end(),
        [](const Endpoint* a, const Endpoint* b) { return a->location < b->location; });
    size_t page_count = 0;
    for (const auto& [_, list] : pages) page_count += list.size();
    risks.push_back(Risk{"sessions-csrf", "medium",
                         "the split moves " + std::to_string(split.endpoints.size()) +
                             " API endpoints that live beside " + std::to_string(page_count) +
                             " Django pages: browsers call them with Django's session cookie and "
                             "CSRF token, which FastAPI must verify or replace",
                         first->app, first->location});
  }
  // Link may report the user model as a finding too; the model's own risk,
  // with its definition, already covers it.
  const bool user_model_risk = std::any_of(risks.begin(), risks.end(), [](const Risk& r) {
    return r.kind == "custom-user-model";
  });
  for (const Finding& f : inventory.findings) {
    if (f.kind == "custom-user-model" && user_model_risk) continue;
    auto it = FindingKinds().find(f.kind);
    const std::string message =
        it == FindingKinds().end() ? f.detail : std::string(it->second.label) + ": " + f.detail;
    risks.push_back(Risk{f.kind, FindingSeverity(f.kind), message, f.app, f.location});
  }
  // Sorted through pointers, each with its severity's rank: a Risk is five
  // strings, costly to swap, and a large project has thousands.
  std::vector<std::pair<int, Risk*>> order;
  order.reserve(risks.size());
  for (Risk& r : risks) order.emplace_back(SeverityRank(r.severity), &r);
  std::sort(order.begin(), order.end(), [](const auto& x, const auto& y) {
    const Risk& a = *x.second;
    const Risk& b = *y.second;
    if (x.first != y.first) return x.first < y.first;
    if (a.kind != b.kind) return a.kind < b.kind;
    if (a.location != b.location) return a.location < b.location;
    if (a.message != b.message) return a.message < b.message;
    return a.app < b.app;
  });
  std::vector<Risk> sorted;
  sorted.reserve(risks.size());
  for (const auto& [rank, r] : order) sorted.push_back(std::move(*r));
  return sorted;
}

}  // namespace djcost
