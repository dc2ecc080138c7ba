#include "cli/diff_command.h"

#include <sstream>

#include "cli/commands.h"
#include "cli/run.h"
#include "delta/read_report.h"
#include "render/delta_render.h"
#include "util/atomic_file.h"

namespace djcost {

int Emit(const std::string& text, const std::string& output, std::ostream& out,
         std::ostream& err) {
  std::string error;
  if (output.empty()) {
    out << text;
  } else if (!WriteFileAtomically(output, text, &error)) {
    return Fail(err, error);
  }
  return kExitOk;
}

bool ParseThresholds(const std::vector<std::string>& growth, const std::vector<std::string>& risk,
                     Thresholds* thresholds, std::string* error) {
  Thresholds t;
  for (const auto& text : growth) {
    GrowthThreshold g;
    if (!ParseGrowthThreshold(text, &g, error)) return false;
    t.growth.push_back(g);
  }
  for (const auto& kind : risk) {
    if (!ParseRiskKind(kind, error)) return false;
    t.risk_kinds.push_back(kind);
  }
  *thresholds = std::move(t);
  return true;
}

bool IsDeltaFormat(const std::string& format) {
  return format == "md" || format == "json" || format == "sarif";
}

int WriteDelta(const Delta& delta, const std::string& format, const std::string& output,
               const Thresholds& thresholds, std::ostream& out, std::ostream& err) {
  std::ostringstream text;
  if (format == "json") {
    RenderDeltaJson(delta, text);
  } else if (format == "sarif") {
    RenderDeltaSarif(delta, text);
  } else {
    RenderDeltaMarkdown(delta, text);
  }
  if (int code = Emit(text.str(), output, out, err); code != kExitOk) return code;
  std::vector<std::string> exceeded = CheckThresholds(delta, thresholds);
  for (const auto& line : exceeded) err << "djcost: threshold exceeded: " << line << "\n";
  return exceeded.empty() ? kExitOk : kExitThreshold;
}

int RunDiffCommand(const DiffOptions& o, std::ostream& out, std::ostream& err) {
  if (!IsDeltaFormat(o.format)) {
    return Fail(err, "--format " + o.format + ": unknown delta format (expected one of md, json, sarif)");
  }
  Thresholds thresholds;
  std::string error;
  if (!ParseThresholds(o.fail_on_growth, o.fail_on_risk, &thresholds, &error)) {
    return Fail(err, error);
  }
  ReportSummary base, head;
  if (!ReadReportFile(o.base, &base, &error) || !ReadReportFile(o.head, &head, &error)) {
    return Fail(err, error);
  }
  return WriteDelta(ComputeDelta(base, head), o.format, o.output, thresholds, out, err);
}

}  // namespace djcost
