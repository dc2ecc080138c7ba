// `djcost aggregate`: many repositories' reports (one CI job each) as one
// portfolio: per repository headline counts and strategy figures, their sums,
// and a ranking by the effort of each one's recommended strategy. No I/O.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "delta/report_summary.h"

namespace djcost {

struct PortfolioRow {
  int rank = 0;               // 1 = the largest effort
  std::string project;        // the report's project name
  std::string report;         // the report file, as given
  std::string recommendation;
  double recommended_p50 = 0;  // P50 of the recommended strategy
  std::vector<std::pair<std::string, int>> counts;  // PortfolioCountKeys() order
  std::vector<StrategyFigures> strategies;          // PortfolioStrategies() order
};

struct Portfolio {
  std::vector<PortfolioRow> rows;  // by rank
  std::vector<std::pair<std::string, int>> count_totals;
  std::vector<StrategyFigures> strategy_totals;  // sums of P50s and of P80s
  std::vector<std::pair<std::string, int>> recommendations;  // strategy -> repositories
};

/// The headline counts a portfolio shows; "models" sums the three kinds.
const std::vector<std::string>& PortfolioCountKeys();
/// stay, split, hybrid, rewrite.
const std::vector<std::string>& PortfolioStrategies();

/// `reports` in any order; ties in effort are ranked by project, then report name.
Portfolio AggregateReports(const std::vector<ReportSummary>& reports);

}  // namespace djcost
