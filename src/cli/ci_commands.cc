#include "cli/ci_commands.h"

#include <CLI/CLI.hpp>

#include "cli/aggregate_command.h"
#include "cli/ci_scan.h"
#include "cli/commands.h"
#include "cli/diff_command.h"

namespace djcost {

void AddCiCommandLine(CLI::App& app, CiCommandLine* ci) {
  app.add_option("--baseline", ci->baseline,
                 "Print the delta against this JSON report (md, json or sarif) instead of the report")
      ->option_text("BASE.json");
  app.add_option("--fail-on-growth", ci->fail_on_growth,
                 "With --baseline: exit 1 when STRATEGY's P50 grows by more than WEEKS, or "
                 "PERCENT% (repeatable)")
      ->option_text("STRATEGY=WEEKS|PERCENT%");
  app.add_option("--fail-on-risk", ci->fail_on_risk,
                 "Exit 1 when a risk of KIND appears that the baseline lacks (without "
                 "--baseline: any risk of KIND; repeatable)")
      ->option_text("KIND");
  app.add_option("--since", ci->since,
                 "Changed-files mode: re-read only files changed since git revision REV; "
                 "the rest comes from --facts-cache")
      ->option_text("REV");
  app.add_option("--facts-cache", ci->facts_cache,
                 "Per-file facts of a scan, written by every scan that names it and read "
                 "with --since")
      ->option_text("FILE");

  ci->diff = app.add_subcommand("diff", "Print the delta between two JSON reports");
  ci->diff->add_option("BASE", ci->diff_base, "Baseline JSON report")->required();
  ci->diff->add_option("HEAD", ci->diff_head, "Head JSON report")->required();
  ci->diff->add_option("--format", ci->diff_format, "md, json or sarif")->capture_default_str();
  ci->diff->add_option("-o,--output", ci->diff_output, "Write the delta to FILE (atomically)")
      ->option_text("FILE");
  ci->diff->add_option("--fail-on-growth", ci->diff_growth,
                       "Exit 1 when STRATEGY's P50 grows by more than WEEKS or PERCENT%")
      ->option_text("STRATEGY=WEEKS|PERCENT%");
  ci->diff->add_option("--fail-on-risk", ci->diff_risk, "Exit 1 when a new risk of KIND appears")
      ->option_text("KIND");

  ci->aggregate = app.add_subcommand(
      "aggregate", "Portfolio of many repositories' JSON reports: totals, sums, ranking");
  ci->aggregate->add_option("REPORT", ci->aggregate_reports, "JSON reports, one per repository")
      ->required();
  ci->aggregate->add_option("--format", ci->aggregate_format, "md or json")->capture_default_str();
  ci->aggregate->add_option("-o,--output", ci->aggregate_output, "Write the portfolio to FILE")
      ->option_text("FILE");
}

bool RunCiCommandLine(const CiCommandLine& ci, const ScanOptions& scan, std::ostream& out,
                      std::ostream& err, int* code) {
  if (ci.diff != nullptr && ci.diff->parsed()) {
    *code = RunDiffCommand(DiffOptions{ci.diff_base, ci.diff_head, ci.diff_format, ci.diff_output,
                                       ci.diff_growth, ci.diff_risk},
                           out, err);
    return true;
  }
  if (ci.aggregate != nullptr && ci.aggregate->parsed()) {
    *code = RunAggregateCommand(ci.aggregate_reports, ci.aggregate_format, ci.aggregate_output,
                                out, err);
    return true;
  }
  if (ci.baseline.empty() && ci.fail_on_growth.empty() && ci.fail_on_risk.empty() &&
      ci.since.empty() && ci.facts_cache.empty()) {
    return false;
  }
  *code = RunCiScanCommand(scan,
                           CiScanOptions{ci.baseline, ci.fail_on_growth, ci.fail_on_risk,
                                         ci.since, ci.facts_cache},
                           out, err);
  return true;
}

}  // namespace djcost
