#include "delta/thresholds.h"

#include <cmath>
#include <cstdlib>

#include "util/strings.h"

namespace djcost {

namespace {

const char* const kStrategies[] = {"stay", "split", "hybrid", "rewrite"};

std::string Signed(double value, int decimals) {
  std::string text = FormatFixed(value, decimals);
  return (value > 0 && text.find_first_not_of("0.") != std::string::npos ? "+" : "") + text;
}

// A threshold as the user would write it: "0.25", "10", not "10.00".
std::string Short(double value) {
  std::string text = FormatFixed(value, 4);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

}  // namespace

bool ParseGrowthThreshold(const std::string& text, GrowthThreshold* threshold,
                          std::string* error) {
  std::size_t eq = text.find('=');
  std::string strategy = text.substr(0, eq);
  bool known = false;
  for (const char* s : kStrategies) known |= strategy == s;
  std::string amount = eq == std::string::npos ? "" : text.substr(eq + 1);
  bool percent = !amount.empty() && amount.back() == '%';
  if (percent) amount.pop_back();
  char* end = nullptr;
  double value = amount.empty() ? 0 : std::strtod(amount.c_str(), &end);
  if (!known || amount.empty() || end != amount.c_str() + amount.size() || !std::isfinite(value) ||
      value < 0) {
    *error = "--fail-on-growth " + text +
             ": expected STRATEGY=WEEKS or STRATEGY=PERCENT% with STRATEGY one of stay, split, "
             "hybrid, rewrite (e.g. split=2 or split=10%)";
    return false;
  }
  *threshold = GrowthThreshold{strategy, value, percent};
  return true;
}

bool ParseRiskKind(const std::string& kind, std::string* error) {
  bool ok = !kind.empty() && kind.front() != '-' && kind.back() != '-';
  for (char c : kind) ok &= (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  if (!ok) {
    *error = "--fail-on-risk " + kind +
             ": expected a risk kind in kebab-case, e.g. raw-sql or signal-on-moved-model "
             "(see docs/estimate.md)";
  }
  return ok;
}

std::vector<std::string> CheckThresholds(const Delta& delta, const Thresholds& thresholds) {
  std::vector<std::string> exceeded;
  for (const auto& t : thresholds.growth) {
    const StrategyDelta* s = delta.Strategy(t.strategy);
    if (s == nullptr) continue;
    // Compared as the report prints them (four decimals), so a figure that
    // looks unchanged never fails the build.
    double base = std::round(s->base_p50 * 1e4) / 1e4;
    double head = std::round(s->head_p50 * 1e4) / 1e4;
    double growth = head - base;
    std::string limit = Short(t.amount) + (t.percent ? "%" : " engineer-weeks");
    std::string grew = t.strategy + " P50 grew by " + Signed(growth, 2) + " engineer-weeks";
    if (t.percent) {
      if (base <= 0) {
        if (growth > 0) {
          exceeded.push_back(grew + " from 0, above the threshold of " + limit);
        }
        continue;
      }
      double pct = growth / base * 100.0;
      if (pct > t.amount + 1e-9) {
        exceeded.push_back(grew + " (" + Signed(pct, 0) + "%), above the threshold of " + limit);
      }
    } else if (growth > t.amount + 1e-9) {
      exceeded.push_back(grew + ", above the threshold of " + limit);
    }
  }
  for (const auto& kind : thresholds.risk_kinds) {
    int n = 0;
    std::string first;
    for (const auto& state : delta.head_risks) {
      if (!state.is_new || state.risk.kind != kind) continue;
      if (n++ == 0) {
        first = state.risk.location.path +
                (state.risk.location.line > 0 ? ":" + std::to_string(state.risk.location.line) : "");
      }
    }
    if (n > 0) {
      exceeded.push_back(std::to_string(n) + " new " + kind + " risk" + (n == 1 ? "" : "s") +
                         " (first at " + first + ")");
    }
  }
  return exceeded;
}

}  // namespace djcost
