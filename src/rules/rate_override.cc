#include "rules/rate_override.h"

#include "rules/number_text.h"

namespace djcost {

bool ApplyRateOverride(const RateOverride& change, RuleSet* rules, ConfigError* err) {
  Rate* rate = nullptr;
  for (auto& r : rules->rates) {
    if (r.id == change.id) rate = &r;
  }
  if (rate == nullptr) {
    *err = change.where;
    err->message = "unknown rate id";
    return false;
  }
  Rate updated = *rate;
  updated.low = change.low.value_or(rate->low);
  updated.likely = change.likely.value_or(rate->likely);
  updated.high = change.high.value_or(rate->high);
  if (!(updated.low <= updated.likely && updated.likely <= updated.high)) {
    *err = change.where;
    err->message = "expected low <= likely <= high, got low " + ShortestNumber(updated.low) +
                   ", likely " + ShortestNumber(updated.likely) + ", high " +
                   ShortestNumber(updated.high);
    return false;
  }
  const bool figures_changed = updated.low != rate->low || updated.likely != rate->likely ||
                               updated.high != rate->high;
  if (figures_changed) {
    // A changed figure is no longer what the source documented: say so, and keep
    // the old figures in the rationale so the report can still trace them.
    updated.assumed = true;
    updated.source = kOverrideSource;
    updated.rationale = "Set in " + change.origin + "; was " + ShortestNumber(rate->low) + " / " +
                        ShortestNumber(rate->likely) + " / " + ShortestNumber(rate->high) +
                        " from " + rate->source + ".";
  }
  if (change.rationale) updated.rationale = *change.rationale;
  updated.origin = change.origin;
  *rate = std::move(updated);
  return true;
}

}  // namespace djcost
