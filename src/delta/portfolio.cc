#include "delta/portfolio.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace djcost {

const std::vector<std::string>& PortfolioCountKeys() {
  static const std::vector<std::string> kKeys = {
      "endpoints", "api_endpoints", "models", "admin_registrations", "signal_receivers",
      "loc_code"};
  return kKeys;
}

const std::vector<std::string>& PortfolioStrategies() {
  static const std::vector<std::string> kIds = {"stay", "split", "hybrid", "rewrite"};
  return kIds;
}

Portfolio AggregateReports(const std::vector<ReportSummary>& reports) {
  Portfolio p;
  for (const auto& r : reports) {
    PortfolioRow row;
    row.project = r.project;
    row.report = r.name;
    row.recommendation = r.recommendation;
    for (const auto& key : PortfolioCountKeys()) {
      int value = key == "models" ? r.Count("models_concrete") + r.Count("models_abstract") +
                                        r.Count("models_proxy")
                                  : r.Count(key);
      row.counts.emplace_back(key, value);
    }
    for (const auto& id : PortfolioStrategies()) {
      StrategyFigures f{id, 0, 0};
      for (const auto& s : r.strategies) {
        if (s.id == id) f = s;
      }
      if (id == r.recommendation) row.recommended_p50 = f.p50;
      row.strategies.push_back(f);
    }
    p.rows.push_back(std::move(row));
  }
  std::sort(p.rows.begin(), p.rows.end(), [](const PortfolioRow& a, const PortfolioRow& b) {
    return std::tie(b.recommended_p50, a.project, a.report) <
           std::tie(a.recommended_p50, b.project, b.report);
  });
  for (std::size_t i = 0; i < p.rows.size(); ++i) p.rows[i].rank = static_cast<int>(i) + 1;
  for (const auto& key : PortfolioCountKeys()) p.count_totals.emplace_back(key, 0);
  for (const auto& id : PortfolioStrategies()) p.strategy_totals.push_back({id, 0, 0});
  std::map<std::string, int> recommendations;
  for (const auto& row : p.rows) {
    for (std::size_t i = 0; i < row.counts.size(); ++i) {
      p.count_totals[i].second += row.counts[i].second;
    }
    for (std::size_t i = 0; i < row.strategies.size(); ++i) {
      p.strategy_totals[i].p50 += row.strategies[i].p50;
      p.strategy_totals[i].p80 += row.strategies[i].p80;
    }
    ++recommendations[row.recommendation.empty() ? "none" : row.recommendation];
  }
  // In strategy order, then anything else a report recommended.
  for (const auto& id : PortfolioStrategies()) {
    auto it = recommendations.find(id);
    if (it == recommendations.end()) continue;
    p.recommendations.emplace_back(id, it->second);
    recommendations.erase(it);
  }
  for (const auto& [id, n] : recommendations) p.recommendations.emplace_back(id, n);
  return p;
}

}  // namespace djcost
