#include "cli/commands.h"

#include <filesystem>
#include <future>
#include <iomanip>
#include <sstream>

#include "cache/report_memo.h"
#include "cli/facts_json.h"
#include "cli/run.h"
#include "cli/scan.h"
#include "discover/discover.h"
#include "extract/extract.h"
#include "render/format.h"
#include "render/render.h"
#include "rules/load_rules.h"
#include "syntax/python_parser.h"
#include "util/atomic_file.h"
#include "util/parallel.h"

namespace djcost {

namespace fs = std::filesystem;

int Fail(std::ostream& err, const std::string& message) {
  err << "djcost: error: " << message << "\n";
  return kExitUsage;
}

namespace {

// Writes `text` to standard output, or atomically to the -o file.
bool WriteOutput(const ScanConfig& config, std::string_view text, std::ostream& out,
                 std::string* error) {
  if (config.output.empty()) {
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    return true;
  }
  return WriteFileAtomically(config.output, text, error);
}

StrategyP50s P50s(const Report& report) {
  StrategyP50s p50s;
  for (const auto& s : report.estimate.strategies) p50s.emplace_back(s.id, s.p50);
  return p50s;
}

}  // namespace

int RunScanCommand(const ScanOptions& options, std::ostream& out, std::ostream& err) {
  ScanConfig config;
  std::string error;
  if (!ValidateScanOptions(options, &config, &error)) return Fail(err, error);
  if (options.progress) config.progress = &err;
  Report report;
  std::future<void> finishing;  // the link memo, written beside the rendering
  ReportShortcut shortcut;
  shortcut.format = config.format;
  if (!Scan(config, &report, &error, &finishing, &shortcut)) return Fail(err, error);
  if (shortcut.taken) {  // the rendering the report memo kept for these inputs
    if (!WriteOutput(config, shortcut.remembered.rendered, out, &error)) return Fail(err, error);
    return CheckFailAbove(config, shortcut.remembered.p50s, err);
  }
  bool written = true;
  if (!shortcut.key.empty()) {
    // Rendered into the report memo's buffer, written from it, then kept.
    std::string memo = StartReportMemo(shortcut.key, P50s(report));
    const std::size_t start = memo.size();
    const std::string memo_path = ReportMemoPath(config.cache_file);
    // Room for a report the size of the last one kept: grown by doubling, the
    // buffer was copied into fresh pages at each step.
    std::error_code unknown;
    const std::uintmax_t last = fs::file_size(memo_path, unknown);
    if (!unknown && last < (std::uintmax_t{1} << 30)) memo.reserve(start + last + last / 8);
    std::ostringstream rendering(std::move(memo), std::ios::ate);
    FindRenderer(config.format)->render(report, rendering);
    memo = std::move(rendering).str();
    // Sealed and kept while the report is written, from the same bytes: sealing
    // sets only the memo's head, which the report does not hold.
    std::future<void> kept = std::async(BesideLaunch(config.jobs), [&memo, &memo_path] {
      SealReportMemo(&memo);
      std::string unwritten;  // the next scan renders again; the fact cache warns
      (void)WriteCacheFile(memo_path, memo, &unwritten);
    });
    written = WriteOutput(config, std::string_view(memo).substr(start), out, &error);
    kept.wait();
  } else if (config.output.empty()) {
    FindRenderer(config.format)->render(report, out);
  } else {  // straight to the file, not built in memory first
    AtomicFileWriter file(config.output);
    FindRenderer(config.format)->render(report, file.stream());
    written = file.Commit(&error);
  }
  if (finishing.valid()) finishing.wait();
  if (!written) return Fail(err, error);
  return CheckFailAbove(config, report, err);
}

int CheckFailAbove(const ScanConfig& config, const Report& report, std::ostream& err) {
  return CheckFailAbove(config, P50s(report), err);
}

int CheckFailAbove(const ScanConfig& config, const StrategyP50s& p50s, std::ostream& err) {
  if (!config.fail_strategy.empty()) {
    for (const auto& [id, p50] : p50s) {
      if (id == config.fail_strategy && p50 > config.fail_weeks) {
        err << "djcost: " << id << " P50 of " << FormatWeeks(p50)
            << " engineer-weeks is above the threshold of " << FormatWeeks(config.fail_weeks)
            << "\n";
        return kExitThreshold;
      }
    }
  }
  return kExitOk;
}

int RunRulesCommand(const std::string& path, const std::string& rules_file, std::ostream& out,
                    std::ostream& err) {
  RuleSources sources;
  sources.rules_file = rules_file;
  if (!path.empty()) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return Fail(err, path + ": no such file or directory");
    if (!fs::is_directory(path, ec)) {
      return Fail(err, path + ": not a folder (give the root folder of the Django repository)");
    }
    fs::path pyproject = fs::path(path) / "pyproject.toml";
    if (fs::is_regular_file(pyproject, ec)) sources.pyproject = pyproject.string();
  }
  RuleSet rules;
  ConfigError config_error;
  if (!LoadRuleSet(sources, &rules, &config_error)) return Fail(err, config_error.ToString());
  std::vector<Rate> rates = EffectiveRates(rules);
  size_t id_width = 4;
  for (const auto& r : rates) id_width = std::max(id_width, r.id.size());
  out << "rules " << rules.version << "\n\n";
  out << std::left << std::setw(static_cast<int>(id_width)) << "rate" << "  " << std::right
      << std::setw(8) << "low" << std::setw(8) << "likely" << std::setw(8) << "high"
      << "  " << std::left << std::setw(10) << "basis" << "  set in / source\n";
  for (const auto& r : rates) {
    out << std::left << std::setw(static_cast<int>(id_width)) << r.id << "  " << std::right
        << std::setw(8) << FormatRate(r.low) << std::setw(8) << FormatRate(r.likely)
        << std::setw(8) << FormatRate(r.high) << "  " << std::left << std::setw(10)
        << (r.assumed ? "assumed" : "documented") << "  " << r.origin << " / " << r.source
        << "\n";
  }
  out << "\nUnits: engineer-weeks per unit of each rate. Override one with a "
         "[tool.djcost.rates.<id>] table (low, likely, high) in the repository's pyproject.toml, "
         "or with --rules FILE.\n";
  return kExitOk;
}

int RunFactsCommand(const std::string& file, std::ostream& out, std::ostream& err) {
  std::error_code ec;
  if (!fs::exists(file, ec)) return Fail(err, file + ": no such file or directory");
  if (fs::is_directory(file, ec)) return Fail(err, file + ": a folder, not a Python file");
  std::string bytes, error;
  if (!ReadFile(file, &bytes, &error)) return Fail(err, error);
  PythonParser parser;
  if (!parser.ok()) return Fail(err, "tree-sitter: " + parser.Error());
  std::string path = fs::path(file).generic_string();
  SourceFile source{path, ClassifyPath(path), bytes.size()};
  WriteFactsJson(ExtractFile(source, bytes, parser), out);
  return kExitOk;
}

}  // namespace djcost
