// Expressions nested 100 000 deep, in the files link reads most closely
// (settings, URLconf, models, admin): extraction, link, estimate and both
// renderers must finish without exhausting the stack, and the rest of the
// project must still be counted. Nesting that would drive tree-sitter's parse
// stack past kMaxParseDepth is not parsed but named (extract/parse_depth.h);
// left-associative chains (attributes, `+`) stay shallow and are parsed.
#include <gtest/gtest.h>

#include <string>

#include "robustness_support.h"

namespace djcost::testing {
namespace {

using nlohmann::json;

constexpr int kDepth = 100000;

std::string Repeat(const std::string& s, int n) {
  std::string out;
  out.reserve(s.size() * n);
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

struct DeepCase {
  const char* name;
  const char* file;  // the file that gets the deep line appended: one of the tiny
                     // project's when it is parsed, else a module of its own
  std::string line;
  bool parsed = true;  // false: too deep for the parser, named "nesting-too-deep"
};

class DeepNesting : public ::testing::TestWithParam<DeepCase> {};

TEST_P(DeepNesting, ScanFinishesAndCountsTheRest) {
  const DeepCase& c = GetParam();
  TempDir dir;
  WriteTinyProject(dir);
  dir.Write(c.file, dir.Read(c.file) + c.line + "\n");
  for (const char* format : {"json", "md"}) {
    RunResult r = RunDjcost({dir.str(), "--format", format, "--jobs", "1"});
    ASSERT_EQ(r.code, kExitOk) << c.name << ": " << r.err;
    if (std::string(format) == "json") {
      json report = json::parse(r.out);
      EXPECT_EQ(report["counts"]["endpoints"], 1) << c.name;
      EXPECT_EQ(report["counts"]["models_concrete"], 1) << c.name;
      EXPECT_EQ(report["counts"]["admin_registrations"], 1) << c.name;
      std::vector<std::string> codes;
      for (const auto& d : report["diagnostics"]) {
        codes.push_back(d["code"].get<std::string>() + " " + d["file"].get<std::string>());
      }
      if (c.parsed) {
        EXPECT_EQ(codes, std::vector<std::string>{}) << c.name;
      } else {
        EXPECT_EQ(codes, std::vector<std::string>{"nesting-too-deep " + std::string(c.file)})
            << c.name;
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Robustness, DeepNesting,
    ::testing::Values(
        // Left-associative chains stay shallow: parsed, in the files link reads.
        DeepCase{"attribute_chain", "shop/models.py", "Alias = models" + Repeat(".Model", kDepth)},
        DeepCase{"binary_chain", "shop/admin.py", "x = 1" + Repeat(" + 1", kDepth)},
        DeepCase{"added_urlpatterns", "site_conf/urls.py",
                 "urlpatterns += []" + Repeat(" + []", kDepth)},
        DeepCase{"added_installed_apps", "site_conf/settings.py",
                 "INSTALLED_APPS = INSTALLED_APPS" + Repeat(" + []", kDepth)},
        // Too deep for the parser: a module of their own, named and not parsed.
        DeepCase{"lists", "shop/deep.py", "X = " + Repeat("[", kDepth) + Repeat("]", kDepth),
                 false},
        DeepCase{"calls", "shop/deep.py",
                 "X = " + Repeat("include(", kDepth) + "'x'" + Repeat(")", kDepth), false},
        DeepCase{"parens", "shop/deep.py",
                 "X = " + Repeat("(", kDepth) + "[]" + Repeat(")", kDepth), false},
        DeepCase{"subscripts", "shop/deep.py", "x = a" + Repeat("[a", kDepth) + Repeat("]", kDepth),
                 false},
        DeepCase{"unary_operators", "shop/deep.py", "x = " + Repeat("-", kDepth) + "1", false},
        DeepCase{"not_chain", "shop/deep.py", "x = " + Repeat("not ", kDepth) + "y", false},
        DeepCase{"dicts", "shop/deep.py",
                 "X = " + Repeat("{'a': ", kDepth) + "1" + Repeat("}", kDepth), false},
        DeepCase{"lambdas", "shop/deep.py", "f = " + Repeat("lambda: ", kDepth) + "0", false},
        DeepCase{"conditional_chain", "shop/deep.py", "x = 1" + Repeat(" if a else 1", kDepth),
                 false},
        DeepCase{"power_chain", "shop/deep.py", "x = 2" + Repeat(" ** 2", kDepth), false},
        DeepCase{
            "decorator_calls", "shop/deep.py",
            "@" + Repeat("d(", kDepth) + Repeat(")", kDepth) + "\ndef other(request):\n    pass",
            false},
        DeepCase{"unclosed_brackets", "shop/deep.py", "x = " + Repeat("[", kDepth), false}),
    [](const ::testing::TestParamInfo<DeepCase>& info) { return info.param.name; });

// Blocks nested deeply (one-space indentation). Python itself stops at 100
// levels; tree-sitter-python's scanner handles between 200 and 300 (its state must fit
// in 1 KB), so 200 levels parse cleanly and 1500 are a syntax error, not a crash.
std::string NestedBlocks(int levels) {
  std::string text;
  for (int i = 0; i < levels; ++i) {
    text += std::string(i, ' ') +
            (i % 3 == 0   ? "class C" + std::to_string(i) + ":"
             : i % 3 == 1 ? "def f" + std::to_string(i) + "():"
                          : "if x:") +
            "\n";
  }
  return text + std::string(levels, ' ') + "pass\n";
}

TEST(DeepNesting, NestedBlocksAndClasses) {
  TempDir dir;
  WriteTinyProject(dir);
  dir.Write("shop/deep.py", NestedBlocks(200));
  json report = ScanJson(dir.str(), {"--jobs", "1"});
  EXPECT_EQ(report["counts"]["models_concrete"], 1);
  EXPECT_EQ(DiagnosticLines(report), std::vector<std::string>{});

  dir.Write("shop/deep.py", NestedBlocks(1500));
  report = ScanJson(dir.str(), {"--jobs", "1"});
  EXPECT_EQ(report["counts"]["models_concrete"], 1);
  EXPECT_EQ(DiagnosticLines(report),
            std::vector<std::string>{"warning parse-error shop/deep.py:1 1 syntax error, the first "
                                     "at line 1; facts were extracted where the parser recovered"});
}

}  // namespace
}  // namespace djcost::testing
