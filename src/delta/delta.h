// The difference between a baseline report and a head report: items added and
// removed per category, matched by identity (see categories.h), and each
// strategy's P50/P80 change. Input: two ReportSummary; output: Delta. No I/O.
#pragma once

#include <string>
#include <vector>

#include "delta/report_summary.h"

namespace djcost {

struct CategoryDelta {
  std::string id;  // an ItemCategory id
  std::vector<ReportItem> added;    // head items the baseline does not have, by file and line
  std::vector<ReportItem> removed;  // baseline items the head does not have, by file and line
};

struct StrategyDelta {
  std::string id;
  double base_p50 = 0;
  double head_p50 = 0;
  double base_p80 = 0;
  double head_p80 = 0;
  bool in_base = true;  // false when only the head prices this strategy
  bool in_head = true;
};

struct RiskState {
  Risk risk;
  bool is_new = false;  // its identity is not among the baseline's risks
};

struct Delta {
  std::string base_name;  // where each side came from, for the title
  std::string head_name;
  std::string project;    // the head's project
  std::string tool_version;  // the head's
  std::string base_recommendation;
  std::string head_recommendation;
  std::vector<CategoryDelta> categories;  // every category, in ItemCategories() order
  std::vector<StrategyDelta> strategies;  // head order, then strategies only the baseline had
  std::vector<RiskState> head_risks;      // for SARIF: every head risk, new or not
  int base_loc_code = 0;
  int head_loc_code = 0;

  /// True when an item was added or removed, or a figure changed.
  bool Changed() const;
  const CategoryDelta* Category(const std::string& id) const;
  const StrategyDelta* Strategy(const std::string& id) const;
};

Delta ComputeDelta(const ReportSummary& base, const ReportSummary& head);

}  // namespace djcost
