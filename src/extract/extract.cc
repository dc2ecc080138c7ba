#include "extract/extract.h"

#include <exception>
#include <string>

#include "extract/compact_facts.h"
#include "extract/counts_alone.h"
#include "extract/expr_builder.h"
#include "extract/facts_walk.h"
#include "extract/parse_depth.h"
#include "extract/utf8_check.h"
#include "syntax/tree_walk.h"

namespace djcost {
namespace {

Diagnostic MakeDiagnostic(Severity severity, std::string code, const SourceFile& file, int line,
                          std::string message) {
  Diagnostic d;
  d.severity = severity;
  d.code = std::move(code);
  d.location = {file.path, line, 0};
  d.message = std::move(message);
  return d;
}

bool HasLoneCarriageReturn(std::string_view bytes) {
  for (size_t i = bytes.find('\r'); i != std::string_view::npos; i = bytes.find('\r', i + 1)) {
    if (i + 1 == bytes.size() || bytes[i + 1] != '\n') return true;
  }
  return false;
}

enum class Parse { kYes, kNo, kNothingToFind };

FileFacts ExtractUnchecked(const SourceFile& file, std::string_view bytes, PythonParser& parser,
                           Parse parse, TestFileParse tests, CallArguments arguments) {
  FileFacts facts;
  facts.file = file;
  // A UTF-8 byte order mark is not Python; it sits before line 1 and moves no line.
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  facts.lines = CountLines(bytes);
  if (file.kind == FileKind::kTest) {
    facts.counts_alone = TestFileCountsAlone(file.path, bytes);
    facts.class_headers = ClassHeaders(bytes);
  }
  if (!facts.counts_alone && tests == TestFileParse::kWhenCountsAlone) parse = Parse::kNo;

  // Text CPython refuses to import ("source code cannot contain null bytes"), so
  // Django never sees its classes either: counted, named, not parsed.
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    facts.diagnostics.push_back(MakeDiagnostic(
        Severity::kWarning, "not-python-source", file, 0,
        "not parsed: the file is UTF-16 (it starts with a UTF-16 byte order mark), which Python "
        "cannot import; only its lines were counted"));
    return facts;
  }
  if (size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    facts.diagnostics.push_back(MakeDiagnostic(
        Severity::kWarning, "not-python-source", file, LineAt(bytes, nul),
        "not parsed: the file holds a NUL byte (at byte offset " + std::to_string(nul) +
            "), binary content Python cannot import; only its lines were counted"));
    return facts;
  }
  if (size_t bad = FirstInvalidUtf8(bytes); bad != std::string_view::npos) {
    // Tree-sitter reads the rest fine; names in the file may be garbled, so say so.
    facts.diagnostics.push_back(MakeDiagnostic(
        Severity::kWarning, "not-utf8", file, LineAt(bytes, bad),
        "the file is not valid UTF-8 (at byte offset " + std::to_string(bad) +
            "); its facts were extracted, but names with non-UTF-8 bytes may be wrong"));
  }
  if (parse == Parse::kNo) return facts;
  if (parse == Parse::kNothingToFind && parser.ok() && bytes.size() <= kMaxParseBytes) {
    facts.parsed = true;  // what the parse would say: no facts, no errors
    return facts;
  }
  if (!parser.ok()) {
    facts.diagnostics.push_back(MakeDiagnostic(Severity::kError, "parser-unavailable", file, 0,
                                               "not parsed: " + parser.Error()));
    return facts;
  }
  if (bytes.size() > kMaxParseBytes) {
    facts.diagnostics.push_back(MakeDiagnostic(
        Severity::kWarning, "file-too-large", file, 0,
        "not parsed: " + std::to_string(bytes.size()) + " bytes is more than the " +
            std::to_string(kMaxParseBytes) + "-byte limit; only its lines were counted"));
    return facts;
  }
  // Most files are too small to nest that deep: they need no pass of the estimate.
  const size_t lines = static_cast<size_t>(facts.lines.code) + facts.lines.comment +
                       facts.lines.blank;
  const size_t depth =
      ParseDepthCeiling(bytes.size(), lines) > kMaxParseDepth ? ParseDepthBound(bytes) : 0;
  if (depth > kMaxParseDepth) {
    // Not parsed: the tree-sitter runtime corrupts memory on such input (see
    // extract/parse_depth.h), and no Python interpreter could compile it.
    facts.diagnostics.push_back(MakeDiagnostic(
        Severity::kWarning, "nesting-too-deep", file, 0,
        "not parsed: its expressions nest about " + std::to_string(depth) +
            " deep, more than the " + std::to_string(kMaxParseDepth) +
            " the parser handles safely; only its lines were counted"));
    return facts;
  }
  // Python ends a line at a lone '\r' too; tree-sitter counts rows at '\n' only.
  // The same length keeps every byte offset, and the lines come out right.
  std::string newlines;
  if (HasLoneCarriageReturn(bytes)) {
    newlines.assign(bytes);
    for (size_t i = 0; i < newlines.size(); ++i) {
      if (newlines[i] == '\r' && (i + 1 == newlines.size() || newlines[i + 1] != '\n')) {
        newlines[i] = '\n';
      }
    }
    bytes = newlines;
  }
  SyntaxTree tree = parser.Parse(bytes);
  if (!tree.ok()) {
    facts.diagnostics.push_back(MakeDiagnostic(Severity::kError, "parse-failed", file, 0,
                                               "not parsed: tree-sitter returned no tree"));
    return facts;
  }
  facts.parsed = true;
  ErrorScan errors = ScanErrors(tree.Root());
  facts.parse_errors = errors.count;
  if (errors.count > 0) {
    facts.diagnostics.push_back(MakeDiagnostic(
        Severity::kWarning, "parse-error", file, errors.first_line,
        std::to_string(errors.count) + (errors.count == 1 ? " syntax error" : " syntax errors") +
            ", the first at line " + std::to_string(errors.first_line) +
            "; facts were extracted where the parser recovered"));
  }
  ExprBuilder exprs(tree);
  WalkModule(tree, exprs, &facts, arguments);
  CompactFacts(&facts);
  if (exprs.truncated()) {
    facts.diagnostics.push_back(MakeDiagnostic(
        Severity::kWarning, "expression-truncated", file, exprs.truncated_line(),
        "an expression has more than " + std::to_string(kMaxExprNodes) +
            " parts; the rest was kept as source excerpts"));
  }
  return facts;
}

FileFacts ExtractGuarded(const SourceFile& file, std::string_view bytes, PythonParser& parser,
                         Parse parse, TestFileParse tests, CallArguments arguments) {
  try {
    return ExtractUnchecked(file, bytes, parser, parse, tests, arguments);
  } catch (const std::exception& e) {
    // Only allocation can throw here; the scan goes on without this file's facts.
    FileFacts facts;
    facts.file = file;
    facts.diagnostics.push_back(MakeDiagnostic(Severity::kError, "extract-failed", file, 0,
                                               std::string("not extracted: ") + e.what()));
    return facts;
  }
}

}  // namespace

bool HoldsOnlyComments(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  for (size_t i = 0; i < bytes.size(); ++i) {
    char c = bytes[i];
    if (c == '\n' || c == '\r' || c == ' ' || c == '\t') continue;
    if (c == '#') {
      // The comment runs to the end of the line; a NUL is left to the parser.
      while (i + 1 < bytes.size() && bytes[i + 1] != '\n' && bytes[i + 1] != '\r') {
        if (bytes[++i] == '\0') return false;
      }
      continue;
    }
    return false;
  }
  return true;
}

FileFacts ExtractForScan(const SourceFile& file, std::string_view bytes, PythonParser& parser,
                         TestFileParse tests) {
  Parse parse = Parse::kYes;
  if (file.kind == FileKind::kMigration) {
    parse = Parse::kNo;
  } else if (HoldsOnlyComments(bytes)) {
    parse = Parse::kNothingToFind;
  }
  return ExtractGuarded(file, bytes, parser, parse, tests, CallArguments::kLinkReads);
}

FileFacts ExtractFile(const SourceFile& file, std::string_view bytes, PythonParser& parser) {
  return ExtractGuarded(file, bytes, parser, Parse::kYes, TestFileParse::kAlways,
                        CallArguments::kAll);
}

}  // namespace djcost
