#include <algorithm>
#include <cmath>
#include <map>

#include "delta/categories.h"
#include "delta/delta.h"

namespace djcost {

namespace {

using Key = std::vector<std::pair<std::string, std::string>>;

bool ByLocation(const ReportItem& a, const ReportItem& b) {
  return std::tie(a.location, a.key, a.title) < std::tie(b.location, b.key, b.title);
}

// Items of `from` beyond what `against` has of the same identity. Identities
// may repeat (raw SQL twice in one file): the first occurrences in file order
// are matched, the extra ones are the difference.
std::vector<ReportItem> Missing(std::vector<ReportItem> from, const std::vector<ReportItem>& against) {
  std::sort(from.begin(), from.end(), ByLocation);
  std::map<Key, int> available;
  for (const auto& item : against) ++available[item.key];
  std::vector<ReportItem> out;
  for (auto& item : from) {
    int& n = available[item.key];
    if (n > 0) {
      --n;
    } else {
      out.push_back(std::move(item));
    }
  }
  return out;
}

// Figures are printed to four decimals in the report; beyond that is noise.
bool Same(double a, double b) { return std::fabs(a - b) < 5e-5; }

}  // namespace

bool Delta::Changed() const {
  for (const auto& c : categories) {
    if (!c.added.empty() || !c.removed.empty()) return true;
  }
  for (const auto& s : strategies) {
    if (s.in_base != s.in_head || !Same(s.base_p50, s.head_p50) || !Same(s.base_p80, s.head_p80)) {
      return true;
    }
  }
  return base_recommendation != head_recommendation;
}

const CategoryDelta* Delta::Category(const std::string& id) const {
  for (const auto& c : categories) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

const StrategyDelta* Delta::Strategy(const std::string& id) const {
  for (const auto& s : strategies) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

Delta ComputeDelta(const ReportSummary& base, const ReportSummary& head) {
  Delta d;
  d.base_name = base.name;
  d.head_name = head.name;
  d.project = head.project;
  d.tool_version = head.tool_version;
  d.base_recommendation = base.recommendation;
  d.head_recommendation = head.recommendation;
  d.base_loc_code = base.Count("loc_code");
  d.head_loc_code = head.Count("loc_code");
  static const std::vector<ReportItem> kNone;
  auto items = [](const ReportSummary& s, const std::string& id) -> const std::vector<ReportItem>& {
    auto it = s.items.find(id);
    return it == s.items.end() ? kNone : it->second;
  };
  for (const auto& category : ItemCategories()) {
    CategoryDelta c;
    c.id = category.id;
    c.added = Missing(items(head, category.id), items(base, category.id));
    c.removed = Missing(items(base, category.id), items(head, category.id));
    d.categories.push_back(std::move(c));
  }
  for (const auto& h : head.strategies) {
    StrategyDelta s{h.id, 0, h.p50, 0, h.p80, false, true};
    for (const auto& b : base.strategies) {
      if (b.id == h.id) {
        s.base_p50 = b.p50;
        s.base_p80 = b.p80;
        s.in_base = true;
      }
    }
    d.strategies.push_back(s);
  }
  for (const auto& b : base.strategies) {
    if (d.Strategy(b.id) == nullptr) {
      d.strategies.push_back(StrategyDelta{b.id, b.p50, 0, b.p80, 0, true, false});
    }
  }
  // A head risk is new when its identity is among the added risks.
  const CategoryDelta* risks = d.Category("risks");
  std::map<Key, int> added;
  for (const auto& item : risks->added) ++added[item.key];
  std::vector<Risk> head_risks = head.risks;
  std::sort(head_risks.begin(), head_risks.end(), [](const Risk& a, const Risk& b) {
    return std::tie(a.location, a.kind, a.message) < std::tie(b.location, b.kind, b.message);
  });
  // Walk in reverse so that, among repeats, the later ones are the new ones (as in Missing).
  std::vector<RiskState> states(head_risks.size());
  for (std::size_t i = head_risks.size(); i-- > 0;) {
    Key key{{"kind", head_risks[i].kind}, {"app", head_risks[i].app},
            {"message", StableRiskMessage(head_risks[i].message)}};
    int& n = added[key];
    states[i] = RiskState{head_risks[i], n > 0};
    if (n > 0) --n;
  }
  d.head_risks = std::move(states);
  return d;
}

}  // namespace djcost
