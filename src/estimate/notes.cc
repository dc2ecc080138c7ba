#include "estimate/notes.h"

#include <algorithm>

#include "util/strings.h"

namespace djcost {
namespace {

std::string Weeks(double w) { return FormatFixed(w, 1); }

std::string SeedCheck(const Inventory& inventory, const StrategyEstimate& s) {
  std::string where;
  if (s.p50 < kSeed001LowWeeks) {
    where = "below";
  } else if (s.p50 > kSeed001HighWeeks) {
    where = "above";
  } else {
    where = "within";
  }
  std::string note = "Cross-check: P50 " + Weeks(s.p50) + " engineer-weeks is " + where +
                     " the 2-4 weeks seeds/001 (RunxBuild blog) gives for most successful "
                     "migrations of a service that has tests";
  if (inventory.tests.lines.code == 0) {
    note += "; this repository has no test code, so expect the upper end or more";
  }
  return note + ".";
}

}  // namespace

const std::vector<std::string>& RewriteOverlapItems() {
  static const std::vector<std::string> ids = {"admin", "admin-customisations", "models",
                                               "signal-receivers", "custom-signals", "auth"};
  return ids;
}

void AddNotes(const Inventory& inventory, const std::string& split_scope,
              std::vector<StrategyEstimate>* strategies) {
  for (StrategyEstimate& s : *strategies) {
    if (s.id == "split" && StartsWith(split_scope, "all API endpoints")) {
      s.notes.push_back(
          "No --hot pattern or --traffic file was given (or the traffic reached no API "
          "endpoint), so the split covers every API endpoint and costs the same as the hybrid.");
    }
    if (s.id == "rewrite" && !s.items.empty()) {
      double overlap = 0;
      std::vector<std::string> labels;
      for (const LineItem& item : s.items) {
        const auto& ids = RewriteOverlapItems();
        if (std::find(ids.begin(), ids.end(), item.id) == ids.end()) continue;
        overlap += item.likely;
        labels.push_back(item.label);
      }
      if (overlap > 0) {
        s.notes.push_back(
            "Counted twice on purpose: seeds/000's per-kLoC range already includes rebuilding "
            "auth, the admin, migrations and signals, yet " + Join(labels, ", ") +
            " are priced on top of it (" + Weeks(overlap) + " of the likely " + Weeks(s.likely) +
            " engineer-weeks), because a line count does not see them. Read the kLoC figure as "
            "all-inclusive and the likely total would be " + Weeks(s.likely - overlap) +
            "; set those rates to 0 to price it that way.");
      }
    }
    if (s.id != "stay" && !s.items.empty()) s.notes.push_back(SeedCheck(inventory, s));
  }
}

}  // namespace djcost
