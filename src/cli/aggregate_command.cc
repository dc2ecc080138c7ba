#include "cli/aggregate_command.h"

#include <sstream>

#include "cli/commands.h"
#include "cli/diff_command.h"
#include "delta/portfolio.h"
#include "delta/read_report.h"
#include "render/delta_render.h"

namespace djcost {

int RunAggregateCommand(const std::vector<std::string>& reports, const std::string& format,
                        const std::string& output, std::ostream& out, std::ostream& err) {
  if (format != "md" && format != "json") {
    return Fail(err, "--format " + format + ": unknown portfolio format (expected one of md, json)");
  }
  std::vector<ReportSummary> summaries;
  for (const auto& path : reports) {
    ReportSummary s;
    std::string error;
    if (!ReadReportFile(path, &s, &error)) return Fail(err, error);
    summaries.push_back(std::move(s));
  }
  std::ostringstream text;
  Portfolio portfolio = AggregateReports(summaries);
  if (format == "json") {
    RenderPortfolioJson(portfolio, text);
  } else {
    RenderPortfolioMarkdown(portfolio, text);
  }
  return Emit(text.str(), output, out, err);
}

}  // namespace djcost
