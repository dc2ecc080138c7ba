#include "cli/ci_scan.h"

#include <sstream>

#include "cli/changed_files.h"
#include "cli/commands.h"
#include "cli/diff_command.h"
#include "cli/run.h"
#include "delta/read_report.h"
#include "render/delta_render.h"
#include "render/render.h"

namespace djcost {

int RunCiScanCommand(const ScanOptions& scan, const CiScanOptions& ci, std::ostream& out,
                     std::ostream& err) {
  ScanConfig config;
  std::string error;
  if (!ValidateScanOptions(scan, &config, &error)) return Fail(err, error);
  Thresholds thresholds;
  if (!ParseThresholds(ci.fail_on_growth, ci.fail_on_risk, &thresholds, &error)) {
    return Fail(err, error);
  }
  if (!thresholds.growth.empty() && ci.baseline.empty()) {
    return Fail(err, "--fail-on-growth needs --baseline BASE.json (growth is measured against it)");
  }
  if (!ci.since.empty() && ci.facts_cache.empty()) {
    return Fail(err, "--since needs --facts-cache FILE (the facts of the files that did not change)");
  }
  ReportSummary base;  // empty without --baseline: every risk is then new
  if (!ci.baseline.empty() && !ReadReportFile(ci.baseline, &base, &error)) return Fail(err, error);

  Report report;
  if (!ScanWithFactsCache(config, ci.since, ci.facts_cache, &report, &error)) {
    return Fail(err, error);
  }
  // The head goes through its own JSON, so `--baseline` gives exactly what
  // `djcost diff` gives for the same two reports.
  std::ostringstream json;
  RenderJson(report, json);
  ReportSummary head;
  if (!ParseReportJson(json.str(), scan.path, &head, &error)) return Fail(err, error);
  base.name = ci.baseline;
  Delta delta = ComputeDelta(base, head);

  int code = kExitOk;
  if (!ci.baseline.empty()) {
    code = WriteDelta(delta, config.format, config.output, thresholds, out, err);
  } else {
    std::ostringstream text;
    FindRenderer(config.format)->render(report, text);
    code = Emit(text.str(), config.output, out, err);
    if (code == kExitOk) {
      std::vector<std::string> exceeded = CheckThresholds(delta, thresholds);
      for (const auto& line : exceeded) err << "djcost: threshold exceeded: " << line << "\n";
      if (!exceeded.empty()) code = kExitThreshold;
    }
  }
  if (code == kExitUsage) return code;
  int above = CheckFailAbove(config, report, err);
  return above != kExitOk ? above : code;
}

}  // namespace djcost
