// Line items and their totals: count x rate as low / likely / high, and the
// PERT aggregation of a strategy's items (P50, P80, assumed share, calendar
// weeks, cost). Input: counts and the RuleSet's rates; output: plain data.
#pragma once

#include <string>
#include <vector>

#include "data/diagnostic.h"
#include "data/estimate.h"
#include "data/rule_set.h"

namespace djcost {

/// z for the 80th percentile of a normal distribution: P80 = P50 + z * sd.
inline constexpr double kZ80 = 0.8416;

/// Collects the line items of one strategy. Items with a count of 0 are left
/// out; an item whose rate is missing from the rules is left out with a
/// "missing-rate" diagnostic rather than priced at zero in silence.
class LineItems {
 public:
  LineItems(const RuleSet& rules, std::string strategy, std::vector<Diagnostic>* diagnostics)
      : rules_(rules), strategy_(std::move(strategy)), diagnostics_(diagnostics) {}

  void Add(const std::string& id, const std::string& label, double count,
           const std::string& count_unit, const std::string& rate_id);

  std::vector<LineItem> Take() { return std::move(items_); }

 private:
  const RuleSet& rules_;
  std::string strategy_;
  std::vector<Diagnostic>* diagnostics_;
  std::vector<LineItem> items_;
};

/// Fills the totals of `*strategy` from its items: low/likely/high sums; per
/// item PERT mean (l + 4m + h) / 6 and sd (h - l) / 6; P50 = sum of means;
/// P80 = P50 + kZ80 * sqrt(sum of variances); the assumed share of the likely
/// total; calendar weeks when team_size > 0; cost when weekly_cost > 0.
void Totalise(const EstimateOptions& options, StrategyEstimate* strategy);

}  // namespace djcost
