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
  for (const SignalReceiver& r : inventory.signal_receivers) {
    const Model* sender = SenderModel(inventory, r.sender);
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
  std::sort(risks.begin(), risks.end(), [](const Risk& a, const Risk& b) {
    const int ra = SeverityRank(a.severity);
    const int rb = SeverityRank(b.severity);
    if (ra != rb) return ra < rb;
    if (a.kind != b.kind) return a.kind < b.kind;
    if (a.location != b.location) return a.location < b.location;
    if (a.message != b.message) return a.message < b.message;
    return a.app < b.app;
  });
  return risks;
}

}  // namespace djcost
