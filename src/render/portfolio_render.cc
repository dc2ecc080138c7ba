// The portfolio of `djcost aggregate`, as Markdown (ranking table, then sums)
// and as JSON (specified in docs/ci.md). Sums of P50s are sums of medians,
// which the Markdown says: they are not the portfolio's own P50.
#include <cmath>
#include <nlohmann/json.hpp>

#include "data/report.h"
#include "render/delta_render.h"
#include "render/format.h"
#include "render/json_out.h"

namespace djcost {

namespace {

using Json = nlohmann::ordered_json;

double Round4(double x) {
  double r = std::round(x * 10000.0) / 10000.0;
  return r == 0 ? 0.0 : r;
}

std::string Header(const std::string& key) {
  if (key == "endpoints") return "Endpoints";
  if (key == "api_endpoints") return "API endpoints";
  if (key == "models") return "Models";
  if (key == "admin_registrations") return "Admin registrations";
  if (key == "signal_receivers") return "Signal receivers";
  if (key == "loc_code") return "Code lines";
  return key;
}

std::string Cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += '\\';
    out += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return out;
}

}  // namespace

void RenderPortfolioMarkdown(const Portfolio& p, std::ostream& out) {
  out << "# Migration portfolio: " << p.rows.size() << " repositor"
      << (p.rows.size() == 1 ? "y" : "ies") << "\n\n";
  out << "Ranked by the P50 effort of each repository's recommended strategy, largest first. "
         "Engineer-weeks.\n\n";
  out << "| Rank | Repository | Report | Recommended | P50 |";
  for (const auto& s : p.strategy_totals) out << " " << s.id << " P50 / P80 |";
  for (const auto& [key, value] : p.count_totals) out << " " << Header(key) << " |";
  out << "\n|---:|---|---|---|---:|";
  for (std::size_t i = 0; i < p.strategy_totals.size(); ++i) out << "---:|";
  for (std::size_t i = 0; i < p.count_totals.size(); ++i) out << "---:|";
  out << "\n";
  for (const auto& row : p.rows) {
    out << "| " << row.rank << " | " << Cell(row.project) << " | " << Cell(row.report) << " | "
        << (row.recommendation.empty() ? "–" : row.recommendation) << " | "
        << FormatWeeks(row.recommended_p50) << " |";
    for (const auto& s : row.strategies) {
      out << " " << FormatWeeks(s.p50) << " / " << FormatWeeks(s.p80) << " |";
    }
    for (const auto& [key, value] : row.counts) out << " " << value << " |";
    out << "\n";
  }
  double recommended = 0;
  for (const auto& row : p.rows) recommended += row.recommended_p50;
  out << "| | **Total** | | | **" << FormatWeeks(recommended) << "** |";
  for (const auto& s : p.strategy_totals) {
    out << " **" << FormatWeeks(s.p50) << " / " << FormatWeeks(s.p80) << "** |";
  }
  for (const auto& [key, value] : p.count_totals) out << " **" << value << "** |";
  out << "\n\nTotals add each repository's P50 and P80: a sum of per-repository figures, not "
         "a confidence level of the whole portfolio.\n\n";
  out << "Recommendations:";
  for (std::size_t i = 0; i < p.recommendations.size(); ++i) {
    out << (i ? "," : "") << " " << p.recommendations[i].first << " "
        << p.recommendations[i].second;
  }
  out << ".\n";
}

void RenderPortfolioJson(const Portfolio& p, std::ostream& out) {
  Json j;
  j["schema_version"] = kReportSchemaVersion;
  j["kind"] = "portfolio";
  Json rows = Json::array();
  double recommended = 0;
  for (const auto& row : p.rows) {
    Json r;
    r["rank"] = row.rank;
    r["project"] = row.project;
    r["report"] = row.report;
    r["recommendation"] = row.recommendation;
    r["recommended_p50"] = Round4(row.recommended_p50);
    Json counts = Json::object();
    for (const auto& [key, value] : row.counts) counts[key] = value;
    r["counts"] = std::move(counts);
    Json strategies = Json::array();
    for (const auto& s : row.strategies) {
      strategies.push_back({{"id", s.id}, {"p50", Round4(s.p50)}, {"p80", Round4(s.p80)}});
    }
    r["strategies"] = std::move(strategies);
    rows.push_back(std::move(r));
    recommended += row.recommended_p50;
  }
  j["repositories"] = std::move(rows);
  Json totals;
  totals["recommended_p50"] = Round4(recommended);
  Json counts = Json::object();
  for (const auto& [key, value] : p.count_totals) counts[key] = value;
  totals["counts"] = std::move(counts);
  Json strategies = Json::array();
  for (const auto& s : p.strategy_totals) {
    strategies.push_back({{"id", s.id}, {"p50", Round4(s.p50)}, {"p80", Round4(s.p80)}});
  }
  totals["strategies"] = std::move(strategies);
  Json recs = Json::object();
  for (const auto& [id, n] : p.recommendations) recs[id] = n;
  totals["recommendations"] = std::move(recs);
  j["totals"] = std::move(totals);
  WriteJsonDocument(j, out);
}

}  // namespace djcost
