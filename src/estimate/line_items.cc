#include "estimate/line_items.h"

#include <cmath>

namespace djcost {

void LineItems::Add(const std::string& id, const std::string& label, double count,
                    const std::string& count_unit, const std::string& rate_id) {
  if (count <= 0) return;
  const Rate* rate = rules_.FindRate(rate_id);
  if (rate == nullptr) {
    diagnostics_->push_back(Diagnostic{Severity::kWarning, "missing-rate", Location{},
                                       "rate \"" + rate_id + "\" is not in the rules: line item \"" +
                                           strategy_ + "/" + id + "\" is left out"});
    return;
  }
  LineItem item;
  item.id = id;
  item.label = label;
  item.count = count;
  item.count_unit = count_unit;
  item.rate_id = rate_id;
  item.low = count * rate->low;
  item.likely = count * rate->likely;
  item.high = count * rate->high;
  item.assumed = rate->assumed;
  item.source = rate->source;
  items_.push_back(std::move(item));
}

void Totalise(const EstimateOptions& options, StrategyEstimate* s) {
  s->low = s->likely = s->high = s->p50 = 0;
  double variance = 0;
  double assumed_likely = 0;
  for (const LineItem& item : s->items) {
    s->low += item.low;
    s->likely += item.likely;
    s->high += item.high;
    s->p50 += (item.low + 4 * item.likely + item.high) / 6;
    const double sd = (item.high - item.low) / 6;
    variance += sd * sd;
    if (item.assumed) assumed_likely += item.likely;
  }
  s->p80 = s->p50 + kZ80 * std::sqrt(variance);
  s->assumed_share = s->likely > 0 ? assumed_likely / s->likely : 0;
  s->calendar_weeks_p50 = s->calendar_weeks_p80 = 0;
  if (options.team_size > 0) {
    s->calendar_weeks_p50 = s->p50 / options.team_size;
    s->calendar_weeks_p80 = s->p80 / options.team_size;
  }
  s->cost_p50 = s->cost_p80 = 0;
  if (options.weekly_cost > 0) {
    s->cost_p50 = s->p50 * options.weekly_cost;
    s->cost_p80 = s->p80 * options.weekly_cost;
  }
}

}  // namespace djcost
