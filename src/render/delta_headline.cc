// DeltaHeadline: the sentence a pull-request comment opens with. Names the
// counts that changed and the P50 change of the recommended strategy (or, when
// that is "stay", which never costs anything, of the strategy that moved most).
#include <cmath>

#include "delta/categories.h"
#include "render/delta_render.h"
#include "render/format.h"
#include "util/strings.h"

namespace djcost {

namespace {

std::string Counted(int n, const ItemCategory& c) {
  return std::to_string(n) + " " + (n == 1 ? c.singular : c.plural);
}

// "a", "a and b", "a, b and c".
std::string Enumerate(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? " and " : ", ";
    out += parts[i];
  }
  return out;
}

// Two decimals: one endpoint is 0.05 engineer-weeks.
std::string SignedWeeks(double weeks) {
  std::string text = FormatFixed(weeks, 2);
  if (text == "-0.00") text = "0.00";
  return (weeks > 0 && text != "0.00" ? "+" : "") + text;
}

}  // namespace

std::string DeltaHeadline(const Delta& delta) {
  if (!delta.Changed()) return "djcost: no change against the baseline.";
  std::vector<std::string> added, removed;
  int new_risks = 0;
  for (const auto& c : delta.categories) {
    const ItemCategory* category = FindItemCategory(c.id);
    if (c.id == "risks") {
      new_risks = static_cast<int>(c.added.size());
      continue;
    }
    if (!c.added.empty()) added.push_back(Counted(static_cast<int>(c.added.size()), *category));
    if (!c.removed.empty()) {
      removed.push_back(Counted(static_cast<int>(c.removed.size()), *category));
    }
  }
  std::vector<std::string> clauses;
  if (!added.empty()) clauses.push_back("adds " + Enumerate(added));
  if (!removed.empty()) clauses.push_back("removes " + Enumerate(removed));
  if (new_risks > 0) {
    clauses.push_back("brings " + std::to_string(new_risks) + " new risk" + (new_risks == 1 ? "" : "s"));
  }
  std::string text = clauses.empty() ? "This change adds and removes no inventory item"
                                     : "This change " + Enumerate(clauses);
  const StrategyDelta* named = delta.Strategy(delta.head_recommendation);
  if (named == nullptr || named->id == "stay") {
    named = nullptr;
    for (const auto& s : delta.strategies) {
      if (named == nullptr ||
          std::fabs(s.head_p50 - s.base_p50) > std::fabs(named->head_p50 - named->base_p50)) {
        named = &s;
      }
    }
  }
  if (named != nullptr) {
    text += ": " + SignedWeeks(named->head_p50 - named->base_p50) + " engineer-weeks to the " +
            named->id + " (P50)";
  }
  return text + ".";
}

}  // namespace djcost
