// Bad input never crashes extraction and never disappears silently: each case
// below must give facts where it can and a diagnostic naming the problem.
#include <gtest/gtest.h>

#include <string>

#include "facts_dump.h"

namespace djcost::testing {
namespace {

TEST(RobustnessTest, SyntaxErrorsAreCountedAndFactsAroundThemKept) {
  FileFacts facts = ExtractSnippet("def broken(:\n    pass\nx = 1\nclass A(B):\n    y = 2\n");
  EXPECT_TRUE(facts.parsed);
  EXPECT_EQ(facts.parse_errors, 1);
  EXPECT_EQ(DumpFacts(facts),
            "assign 3: x = 1\n"
            "class 4-5: A(B)\n"
            "  attr 5: y = 2\n"
            "def 1-2: broken()\n"
            "diagnostic parse-error app/mod.py:1: 1 syntax error, the first at line 1; "
            "facts were extracted where the parser recovered\n");
}

TEST(RobustnessTest, MissingNodesCountAsErrors) {
  FileFacts facts = ExtractSnippet("x = [1, 2\ny = 3\n");
  EXPECT_GE(facts.parse_errors, 1);
  ASSERT_FALSE(facts.diagnostics.empty());
  EXPECT_EQ(facts.diagnostics[0].code, "parse-error");
  EXPECT_EQ(facts.diagnostics[0].severity, Severity::kWarning);
}

TEST(RobustnessTest, InvalidUtf8IsNamedAndTheRestExtracted) {
  FileFacts facts = ExtractSnippet("x = 1\ny = 'caf\xE9'\nz = 2\n");
  EXPECT_TRUE(facts.parsed);
  ASSERT_EQ(facts.assignments.size(), 3u);
  EXPECT_EQ(facts.assignments[2].target, "z");
  ASSERT_EQ(facts.diagnostics.size(), 1u);
  EXPECT_EQ(facts.diagnostics[0].code, "not-utf8");
  EXPECT_EQ(facts.diagnostics[0].location, (Location{"app/mod.py", 2, 0}));
  EXPECT_EQ(facts.diagnostics[0].message,
            "the file is not valid UTF-8 (at byte offset 14); its facts were extracted, but names "
            "with non-UTF-8 bytes may be wrong");
}

TEST(RobustnessTest, ByteOrderMarkIsSkipped) {
  FileFacts facts = ExtractSnippet("\xEF\xBB\xBFimport os\n");
  EXPECT_EQ(DumpFacts(facts), "import 1: import os\n");
  EXPECT_EQ(facts.lines.code, 1);
}

TEST(RobustnessTest, OversizedFileIsCountedNotParsed) {
  std::string big(kMaxParseBytes + 1, '#');
  big[kMaxParseBytes] = '\n';
  FileFacts facts = ExtractSnippet(big, "gen/data.py");
  EXPECT_FALSE(facts.parsed);
  EXPECT_EQ(facts.lines.comment, 1);
  ASSERT_EQ(facts.diagnostics.size(), 1u);
  EXPECT_EQ(facts.diagnostics[0].code, "file-too-large");
  EXPECT_EQ(facts.diagnostics[0].location.path, "gen/data.py");
  EXPECT_EQ(facts.diagnostics[0].message,
            "not parsed: 16777217 bytes is more than the 16777216-byte limit; only its lines "
            "were counted");
}

// Deeper than kMaxParseDepth is not parsed at all (see the test below).
TEST(RobustnessTest, DeepBracketNestingDoesNotExhaustTheStack) {
  std::string deep = "x = " + std::string(45000, '[') + std::string(45000, ']') + "\n";
  FileFacts facts = ExtractSnippet(deep);
  EXPECT_TRUE(facts.parsed);
  ASSERT_EQ(facts.assignments.size(), 1u);
  EXPECT_EQ(facts.assignments[0].value.kind, ExprKind::kList);
}

// Found by fuzz/fuzz_extract: Debian's tree-sitter 0.20.7 frees memory twice
// when error recovery meets a parse stack about 65 500 deep (unclosed brackets,
// prefix operators, right-associative chains). Such files are counted, not parsed.
TEST(RobustnessTest, Robustness_NestingDeeperThanTheParserHandlesIsNotParsed) {
  for (const std::string& deep : {"x = " + std::string(70000, '['),
                                  "x = " + std::string(70000, '-'),
                                  "x = " + std::string(100000, '(') + std::string(100000, ')')}) {
    FileFacts facts = ExtractSnippet("import os\n" + deep + "\n");
    EXPECT_FALSE(facts.parsed);
    EXPECT_EQ(facts.lines.code, 2);
    ASSERT_EQ(facts.diagnostics.size(), 1u);
    EXPECT_EQ(facts.diagnostics[0].code, "nesting-too-deep");
    EXPECT_EQ(facts.diagnostics[0].location, (Location{"app/mod.py", 0, 0}));
  }
  FileFacts facts = ExtractSnippet("x = " + std::string(70000, '[') + "\n");
  EXPECT_EQ(facts.diagnostics[0].message,
            "not parsed: its expressions nest about 70002 deep, more than the 50000 the parser "
            "handles safely; only its lines were counted");
}

TEST(RobustnessTest, DeepCallNestingInAFunctionDoesNotExhaustTheStack) {
  std::string body = "def f():\n    g(";
  for (int i = 0; i < 20000; ++i) body += "g(";
  body += std::string(20001, ')') + "\n";
  FileFacts facts = ExtractSnippet(body);
  ASSERT_EQ(facts.functions.size(), 1u);
  ASSERT_EQ(facts.functions[0].calls.size(), 1u);
  EXPECT_EQ(facts.functions[0].calls[0].count, 20001);
}

TEST(RobustnessTest, LongOperatorChainsAreBounded) {
  std::string chain = "x = 1";
  for (int i = 0; i < 50000; ++i) chain += " + 1";
  FileFacts facts = ExtractSnippet(chain + "\n");
  ASSERT_EQ(facts.assignments.size(), 1u);
  EXPECT_EQ(facts.assignments[0].value.kind, ExprKind::kBinOp);
}

TEST(RobustnessTest, NulBytesAndBinaryJunkDoNotCrash) {
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk += static_cast<char>(1 + (i * 7919) % 255);  // no NUL
  FileFacts facts = ExtractSnippet(junk);
  EXPECT_TRUE(facts.parsed);
  EXPECT_FALSE(facts.diagnostics.empty());
}

// CPython refuses source holding NUL bytes or in UTF-16, so Django never
// imports such a file: it is counted and named, not parsed.
TEST(RobustnessTest, Robustness_NulBytesAndUtf16AreNotPythonSource) {
  FileFacts nul = ExtractSnippet(std::string("import os\nx = 1\0\0\n", 18));
  EXPECT_FALSE(nul.parsed);
  EXPECT_EQ(nul.lines.code, 2);
  EXPECT_EQ(DumpFacts(nul),
            "diagnostic not-python-source app/mod.py:2: not parsed: the file holds a NUL byte (at "
            "byte offset 15), binary content Python cannot import; only its lines were counted\n");
  FileFacts wide = ExtractSnippet(std::string("\xFF\xFEi\0m\0\n\0", 8));
  EXPECT_FALSE(wide.parsed);
  EXPECT_EQ(DumpFacts(wide),
            "diagnostic not-python-source app/mod.py:0: not parsed: the file is UTF-16 (it starts "
            "with a UTF-16 byte order mark), which Python cannot import; only its lines were "
            "counted\n");
}

// Python ends lines at a lone carriage return (old Mac files); facts keep their lines.
TEST(RobustnessTest, Robustness_LoneCarriageReturnsEndLines) {
  FileFacts facts = ExtractSnippet("import os\r\rclass A(B):\r    y = 2\r");
  EXPECT_EQ(DumpFacts(facts),
            "import 1: import os\n"
            "class 3-4: A(B)\n"
            "  attr 4: y = 2\n");
}

TEST(RobustnessTest, EmptyFile) {
  FileFacts facts = ExtractSnippet("");
  EXPECT_TRUE(facts.parsed);
  EXPECT_EQ(facts.parse_errors, 0);
  EXPECT_EQ(facts.lines, LineCounts{});
  EXPECT_EQ(DumpFacts(facts), "");
}

TEST(RobustnessTest, SameBytesGiveEqualFacts) {
  std::string source = "from . import views\nurlpatterns = [path('a', views.a)]\n";
  EXPECT_EQ(ExtractSnippet(source), ExtractSnippet(source));
}

TEST(RobustnessTest, FileIsCopiedIntoTheFacts) {
  PythonParser parser;
  SourceFile file{"shop/urls.py", FileKind::kUrls, 3};
  FileFacts facts = ExtractFile(file, "x=1", parser);
  EXPECT_EQ(facts.file, file);
}

}  // namespace
}  // namespace djcost::testing
