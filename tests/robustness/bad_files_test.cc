// Bad Python files inside a working project: each is built here, scanned end
// to end (discover, extract, link, estimate, render), and must give its
// defined outcome: facts kept where the parser recovered, and a named,
// counted diagnostic in both the Markdown and the JSON report.
#include <gtest/gtest.h>

#include <string>

#include "robustness_support.h"

namespace djcost::testing {
namespace {

using nlohmann::json;

// One more model after the broken code, so "facts from intact regions are kept"
// is checked by the model count. tree-sitter-python's grammar accepts most of
// Python 2 (print and exec statements, backticks, `<>`, `except E, e`), so a
// Python 2 module is parsed whole and its model counted, without a diagnostic.
TEST(BadFiles, SyntaxErrorsAreListedWithTheirErrorCountsAndPython2IsRead) {
  TempDir dir;
  WriteTinyProject(dir);
  dir.Write("shop/legacy.py",
            "from django.db import models\n"
            "print 'loading'\n"
            "class Old(models.Model):\n"
            "    name = models.CharField(max_length=10)\n"
            "    def __unicode__(self):\n"
            "        try:\n            return `self.name`\n"
            "        except Exception, e:\n            print >>sys.stderr, e\n"
            "        exec 'x = 1'\n");
  dir.Write("shop/models.py",
            "from django.db import models\n\n"
            "class Book(models.Model):\n"
            "    title = models.CharField(max_length=100)\n\n"
            "def broken(:\n    pass\n\n"
            "class Author(models.Model):\n"
            "    name = models.CharField(max_length=100)\n");
  dir.Write("shop/unfinished.py", "def half(request):\n    return render(request, \n");
  json report = ScanJson(dir.str());
  EXPECT_EQ(report["counts"]["models_concrete"], 3);
  EXPECT_EQ(report["counts"]["files_with_parse_errors"], 2);
  const std::vector<std::string> expected = {
      "warning parse-error shop/models.py:6 1 syntax error, the first at line 6; facts "
      "were extracted where the parser recovered",
      "warning parse-error shop/unfinished.py:2 1 syntax error, the first at line 2; "
      "facts were extracted where the parser recovered",
  };
  EXPECT_EQ(DiagnosticLines(report), expected);
  RunResult md = RunDjcost({dir.str()});
  ASSERT_EQ(md.code, kExitOk) << md.err;
  EXPECT_NE(md.out.find("| Python files | 10 | 2 with parse errors |"), std::string::npos);
  EXPECT_NE(md.out.find("The scan went on past these 2 problems (0 errors, 2 warnings)"),
            std::string::npos);
  EXPECT_NE(md.out.find("| warning | parse-error | `shop/models.py:6` | 1 syntax error, the first "
                        "at line 6; facts were extracted where the parser recovered |"),
            std::string::npos);
  EXPECT_NE(md.out.find("| warning | parse-error | `shop/unfinished.py:2` | 1 syntax error, the "
                        "first at line 2; facts were extracted where the parser recovered |"),
            std::string::npos);
}

// Encodings and odd whitespace. Python 3 reads UTF-8 (with or without a BOM),
// any line ending, tabs and form feeds in indentation: the model must be found
// on the right line in each. Bytes that are not UTF-8 are read anyway and named.
struct EncodingCase {
  const char* name;
  std::string models_py;
  int book_line;  // where the Book model must be found
  std::vector<std::string> diagnostics;
};

class Encodings : public ::testing::TestWithParam<EncodingCase> {};

TEST_P(Encodings, ModelFoundAndProblemsNamed) {
  const EncodingCase& c = GetParam();
  TempDir dir;
  WriteTinyProject(dir);
  dir.Write("shop/models.py", c.models_py);
  json report = ScanJson(dir.str());
  ASSERT_EQ(report["inventory"]["models"].size(), 1u) << c.name;
  EXPECT_EQ(report["inventory"]["models"][0]["name"], "Book");
  EXPECT_EQ(report["inventory"]["models"][0]["line"], c.book_line);
  EXPECT_EQ(DiagnosticLines(report), c.diagnostics);
  EXPECT_EQ(report["counts"]["diagnostics"], c.diagnostics.size());
}

const std::string kModelLines[] = {"from django.db import models", "", "class Book(models.Model):",
                                   "    title = models.CharField(max_length=100)"};

std::string Joined(const std::string& eol, const std::string& indent = "    ") {
  return kModelLines[0] + eol + kModelLines[1] + eol + kModelLines[2] + eol + indent +
         "title = models.CharField(max_length=100)" + eol;
}

INSTANTIATE_TEST_SUITE_P(
    Robustness, Encodings,
    ::testing::Values(
        EncodingCase{"utf8_bom", "\xEF\xBB\xBF" + Joined("\n"), 3, {}},
        EncodingCase{"crlf", Joined("\r\n"), 3, {}},
        // Old Mac line ends: regression test for lines tree-sitter counted as one.
        EncodingCase{"lone_cr", Joined("\r"), 3, {}},
        EncodingCase{"tab_indent", Joined("\n", "\t"), 3, {}},
        EncodingCase{"form_feed", "\f" + Joined("\n", "\f    ") + "\f\n", 3, {}},
        EncodingCase{"latin1_with_coding_line",
                     "# -*- coding: latin-1 -*-\n" + Joined("\n") + "    note = 'caf\xE9'\n",
                     4,
                     {"warning not-utf8 shop/models.py:6 the file is not valid UTF-8 (at byte "
                      "offset 142); its facts were extracted, but names with non-UTF-8 bytes may "
                      "be wrong"}}),
    [](const ::testing::TestParamInfo<EncodingCase>& info) { return info.param.name; });

// Files that are not Python text at all, named .py: the scan goes on, the
// project's facts are intact, and each file is named with its reason.
TEST(BadFiles, BinaryUtf16AndEmptyFilesAreNamedAndTheScanGoesOn) {
  TempDir dir;
  WriteTinyProject(dir);
  std::string binary;
  for (int i = 0; i < 2048; ++i) binary += static_cast<char>((i * 7919 + 13) & 0xFF);
  dir.Write("shop/blob.py", binary);
  std::string nul_only(512, '\0');
  dir.Write("shop/zeros.py", nul_only);
  std::string utf16 = "\xFF\xFE";
  for (char ch : std::string("import os\nx = 1\n")) utf16 += std::string{ch, '\0'};
  dir.Write("shop/wide.py", utf16);
  dir.Write("shop/empty.py", "");
  json report = ScanJson(dir.str());
  EXPECT_EQ(report["counts"]["endpoints"], 1);
  EXPECT_EQ(report["counts"]["models_concrete"], 1);
  EXPECT_EQ(report["counts"]["admin_registrations"], 1);
  EXPECT_EQ(
      DiagnosticLines(report),
      (std::vector<std::string>{
          "warning not-python-source shop/blob.py:2 not parsed: the file holds a NUL byte (at "
          "byte offset 61), binary content Python cannot import; only its lines were counted",
          "warning not-python-source shop/wide.py:0 not parsed: the file is UTF-16 (it starts "
          "with a UTF-16 byte order mark), which Python cannot import; only its lines were "
          "counted",
          "warning not-python-source shop/zeros.py:1 not parsed: the file holds a NUL byte (at "
          "byte offset 0), binary content Python cannot import; only its lines were counted",
      }));
  EXPECT_EQ(report["counts"]["diagnostics"], 3);
}

// A generated module of 50 MB: over the default --max-file-size (10 MiB) it
// is skipped and named by discovery; under a raised limit it is read and its
// lines counted, but not parsed (the parse limit is 16 MiB), and named.
TEST(BadFiles, FiftyMegabyteModuleIsNamedNotParsed) {
  TempDir dir;
  WriteTinyProject(dir);
  std::string line = "VALUE_0000000 = 'generated data, generated data, generated data'\n";
  std::string big;
  big.reserve(50u << 20);
  while (big.size() + line.size() <= (50u << 20)) big += line;
  big.append((50u << 20) - big.size(), '#');
  ASSERT_EQ(big.size(), 52428800u);
  dir.Write("shop/generated.py", big);

  json skipped = ScanJson(dir.str());
  EXPECT_EQ(DiagnosticLines(skipped),
            (std::vector<std::string>{"warning file-too-large shop/generated.py:0 52428800 bytes, "
                                      "over the limit of 10485760"}));
  EXPECT_EQ(skipped["counts"]["files"], 8);

  json counted = ScanJson(dir.str(), {"--max-file-size", "60000000"});
  EXPECT_EQ(
      DiagnosticLines(counted),
      (std::vector<std::string>{
          "warning file-too-large shop/generated.py:0 not parsed: 52428800 bytes is more than "
          "the 16777216-byte limit; only its lines were counted"}));
  EXPECT_EQ(counted["counts"]["files"], 9);

  json small = ScanJson(dir.str(), {"--max-file-size", "150"});
  // A small limit skips the URLconf too; link says what that costs.
  EXPECT_EQ(
      DiagnosticLines(small),
      (std::vector<std::string>{
          "warning file-too-large shop/generated.py:0 52428800 bytes, over the limit of 150",
          "warning unresolved-root-urlconf site_conf/settings.py:1 ROOT_URLCONF site_conf.urls "
          "is not a module of the repository; walking every urlpatterns instead",
          "warning file-too-large site_conf/urls.py:0 179 bytes, over the limit of 150",
      }));
}

}  // namespace
}  // namespace djcost::testing
