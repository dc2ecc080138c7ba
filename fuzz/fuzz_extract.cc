// libFuzzer target over one Python file: the bytes go through ExtractFile and
// CountLines, the file's facts alone through Link (as a one-file repository
// would), then EstimateCosts and every renderer. Any crash, leak, sanitizer
// report or broken invariant below is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string_view>
#include <vector>

#include "discover/discover.h"
#include "estimate/estimate.h"
#include "extract/extract.h"
#include "link/link.h"
#include "render/render.h"
#include "rules/load_rules.h"
#include "syntax/python_parser.h"

namespace {

// The first input byte picks the file's path (and so its kind), so that
// settings, URLconf, models, admin and test files are all linked.
constexpr const char* kPaths[] = {
    "app/models.py", "app/views.py",    "site_conf/urls.py", "site_conf/settings.py",
    "app/admin.py",  "app/signals.py",  "app/tests.py",      "app/migrations/0001_initial.py",
    "app/apps.py",   "app/__init__.py", "manage.py",         "app/api.py",
};

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static djcost::PythonParser* parser = new djcost::PythonParser();
  static const djcost::RuleSet* rules = new djcost::RuleSet(djcost::DefaultRuleSet());
  if (size == 0) return 0;
  const char* path = kPaths[data[0] % (sizeof kPaths / sizeof kPaths[0])];
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);

  djcost::SourceFile file;
  file.path = path;
  file.kind = djcost::ClassifyPath(path);
  file.size = bytes.size();
  djcost::FileFacts facts = djcost::ExtractFile(file, bytes, *parser);
  djcost::LineCounts lines = djcost::CountLines(bytes);

  // Invariants every caller relies on.
  Check(facts.file == file);
  Check(lines.code >= 0 && lines.comment >= 0 && lines.blank >= 0);
  for (const auto& d : facts.diagnostics) Check(!d.code.empty() && d.location.path == path);
  Check(facts.parse_errors >= 0);
  Check(facts.parse_errors == 0 || !facts.diagnostics.empty());

  std::vector<djcost::FileFacts> files;
  files.push_back(std::move(facts));
  djcost::Report report;
  report.inventory = djcost::Link(files, *rules);
  report.estimate = djcost::EstimateCosts(report.inventory, *rules, report.options);
  report.rates = djcost::EffectiveRates(*rules);
  report.diagnostics = files[0].diagnostics;
  for (const auto& renderer : djcost::Renderers()) {
    std::ostringstream out;
    renderer.render(report, out);
    Check(!out.str().empty());
  }
  return 0;
}
