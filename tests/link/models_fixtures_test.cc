// The models, admin, signals and findings passes end to end over fixture
// projects on disk, with the real knowledge tables (DefaultRuleSet), the real
// settings finder and app attribution. Each pass's dump is compared with a
// golden under fixtures/patterns/<pass>/<project>/expected.txt; the bookshop's
// counts are also checked against what Django reported at run time
// (fixtures/projects/bookshop/expected/counts.json).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "link/admin.h"
#include "link/findings.h"
#include "link/models.h"
#include "link/signals.h"
#include "rules/load_rules.h"
#include "support/golden_file.h"
#include "support/snippet_project.h"

namespace djcost {
namespace {

namespace fs = std::filesystem;

std::string Where(const Location& l) { return l.path + ":" + std::to_string(l.line); }

std::string List(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ",") + s;
  return "[" + out + "]";
}

const char* KindName(ModelKind kind) {
  switch (kind) {
    case ModelKind::kConcrete: return "concrete";
    case ModelKind::kAbstract: return "abstract";
    case ModelKind::kProxy: return "proxy";
  }
  return "?";
}

std::string DumpDiagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    out += "diagnostic " + d.code + " " + Where(d.location) + ": " + d.message + "\n";
  }
  return out;
}

std::string DumpModels(const std::vector<Model>& models) {
  std::string out;
  for (const auto& m : models) {
    out += std::string(KindName(m.kind)) + " " + m.qualname + " app=" + m.app +
           " fields=" + std::to_string(m.field_count) + " bases=" + List(m.bases) +
           " managers=" + List(m.managers) + " overrides=" + List(m.overrides) +
           (m.is_user_model ? " user-model" : "") + (m.in_tests ? " in-tests" : "") + " " +
           Where(m.location) + "\n";
    for (const auto& r : m.relations) {
      out += "  " + r.field + " " + r.kind + " -> " + r.target + " (" + r.target_app + ")" +
             (r.cross_app ? " cross-app" : "") + "\n";
    }
  }
  return out;
}

std::string DumpAdmin(const std::vector<AdminRegistration>& regs) {
  std::string out;
  for (const auto& r : regs) {
    out += r.site + " " + r.model + " admin=" + r.admin_class + " app=" + r.app +
           " inlines=" + std::to_string(r.inlines) + " actions=" + std::to_string(r.actions) +
           " custom=" + std::to_string(r.custom_methods) +
           " list_display=" + std::to_string(r.list_display) + " " + Where(r.location) + "\n";
  }
  return out;
}

std::string DumpSignals(const SignalInventory& signals) {
  std::string out;
  for (const auto& r : signals.receivers) {
    out += "receiver " + r.signal + " <- " + r.handler + " sender=" + r.sender +
           " uid=" + r.dispatch_uid + (r.builtin ? " builtin" : "") + " via=" + r.via +
           " app=" + r.app + " " + Where(r.location) + "\n";
  }
  for (const auto& s : signals.custom_signals) {
    out += "signal " + s.qualname + " app=" + s.app + " " + Where(s.location) + " sends=[";
    for (size_t i = 0; i < s.send_sites.size(); ++i) {
      out += (i ? "," : "") + Where(s.send_sites[i]);
    }
    out += "]\n";
  }
  return out;
}

std::string DumpFindings(const std::vector<Finding>& findings) {
  std::string out;
  for (const auto& f : findings) {
    out += f.kind + " " + f.detail + " app=" + f.app + " " + Where(f.location) + "\n";
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> ReadPython(const fs::path& root) {
  std::vector<std::pair<std::string, std::string>> sources;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".py") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    sources.emplace_back(fs::relative(entry.path(), root).generic_string(), text.str());
  }
  return sources;
}

// Runs the four passes over one project on disk.
struct Scan {
  explicit Scan(const std::string& repo)
      : rules(DefaultRuleSet()),
        files(testing::ExtractProject(ReadPython(fs::path(DJCOST_SOURCE_DIR) / repo))) {
    std::vector<std::string> markers;
    for (const auto& f : files) {
      const std::string& p = f.file.path;
      if (p == "manage.py" || (p.size() > 10 && p.substr(p.size() - 10) == "/manage.py")) {
        markers.push_back(p);
      }
    }
    index = std::make_unique<ProjectIndex>(files, rules, markers);
    settings = FindSettings(*index);
    apps = std::make_unique<Apps>(*index, settings);
    // Each pass runs before its diagnostics are dumped: `a(f(&d)) + b(d)` would
    // leave the order to the compiler.
    std::vector<Diagnostic> d;
    std::vector<Model> found = FindModels(*index, settings, *apps, &d);
    models = DumpModels(found);
    models += DumpDiagnostics(d);
    d.clear();
    admin = DumpAdmin(FindAdminRegistrations(*index, *apps, &d, "", found));
    admin += DumpDiagnostics(d);
    d.clear();
    signals = DumpSignals(FindSignals(*index, settings, *apps, &d));
    signals += DumpDiagnostics(d);
    findings = DumpFindings(FindFindings(*index, settings, *apps));
  }

  RuleSet rules;
  std::vector<FileFacts> files;
  std::unique_ptr<ProjectIndex> index;
  Settings settings;
  std::unique_ptr<Apps> apps;
  std::string models, admin, signals, findings;
};

struct Case {
  const char* name;
  const char* repo;  // relative to the source tree
};

class ModelsAdminSignalsFixtureTest : public ::testing::TestWithParam<Case> {};

TEST_P(ModelsAdminSignalsFixtureTest, MatchesGoldens) {
  const Case& c = GetParam();
  Scan scan(c.repo);
  std::string name = c.name;
  EXPECT_TRUE(testing::MatchesGolden(scan.models, "fixtures/patterns/models/" + name + "/expected.txt"));
  EXPECT_TRUE(testing::MatchesGolden(scan.admin, "fixtures/patterns/admin/" + name + "/expected.txt"));
  EXPECT_TRUE(
      testing::MatchesGolden(scan.signals, "fixtures/patterns/signals/" + name + "/expected.txt"));
  EXPECT_TRUE(testing::MatchesGolden(scan.findings,
                                     "fixtures/patterns/models/" + name + "/findings.txt"));
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, ModelsAdminSignalsFixtureTest,
    ::testing::Values(Case{"bookshop", "fixtures/projects/bookshop/repo"},
                      Case{"edge", "fixtures/patterns/models/edge/repo"}),
    [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

// The counts Django itself reported for the bookshop (scripts/django_truth.py).
TEST(ModelsAdminSignalsFixtureTest, BookshopCountsAgreeWithDjangosRuntime) {
  Scan scan("fixtures/projects/bookshop/repo");
  std::vector<Diagnostic> d;
  std::map<std::string, int> counts;
  for (const auto& m : FindModels(*scan.index, scan.settings, *scan.apps, &d)) {
    if (m.in_tests) continue;
    counts[std::string("models_") + KindName(m.kind)] += 1;
  }
  for (const auto& r : FindAdminRegistrations(*scan.index, *scan.apps, &d)) {
    if (!r.app.empty()) counts["admin_registrations"] += 1;
  }
  SignalInventory signals = FindSignals(*scan.index, scan.settings, *scan.apps, &d);
  counts["signal_receivers"] = static_cast<int>(signals.receivers.size());
  counts["custom_signals"] = static_cast<int>(signals.custom_signals.size());
  std::map<std::string, int> runtime = {{"models_concrete", 11}, {"models_abstract", 3},
                                        {"models_proxy", 2},     {"admin_registrations", 13},
                                        {"signal_receivers", 9}, {"custom_signals", 2}};
  EXPECT_EQ(counts, runtime);
}

}  // namespace
}  // namespace djcost
