// Renderers for what is not one scan's report: the delta against a baseline
// (Markdown, JSON, SARIF), SARIF of one report's risks, and the portfolio of
// `djcost aggregate` (Markdown, JSON). They format; delta/ decides.
#pragma once

#include <ostream>
#include <string>

#include "data/report.h"
#include "delta/delta.h"
#include "delta/portfolio.h"

namespace djcost {

/// "This change adds 4 endpoints and 1 signal receiver: +0.2 engineer-weeks to
/// the split (P50)." or, when nothing changed, the one short line.
std::string DeltaHeadline(const Delta& delta);

void RenderDeltaMarkdown(const Delta& delta, std::ostream& out);
/// Specified in docs/ci.md ("Delta JSON").
void RenderDeltaJson(const Delta& delta, std::ostream& out);
/// Every head risk (baselineState new or unchanged) and every added item.
void RenderDeltaSarif(const Delta& delta, std::ostream& out);
/// One scan's risks as SARIF 2.1.0 results.
void RenderSarif(const Report& report, std::ostream& out);

void RenderPortfolioMarkdown(const Portfolio& portfolio, std::ostream& out);
void RenderPortfolioJson(const Portfolio& portfolio, std::ostream& out);

}  // namespace djcost
