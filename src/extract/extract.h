// Turns one Python file's bytes into FileFacts: imports, classes, functions,
// module assignments, statement calls and line counts, each with its line.
// Pure: depends on the bytes and the parser only; resolves nothing across files.
#pragma once

#include <cstddef>
#include <string_view>

#include "data/file_facts.h"
#include "data/source_file.h"
#include "syntax/python_parser.h"

namespace djcost {

/// Larger files are counted, not parsed, and named in a "file-too-large" diagnostic:
/// such files are generated data, and one would hold a worker for seconds.
inline constexpr size_t kMaxParseBytes = 16u << 20;

/// Extracts facts from `bytes`. `parser` is the calling thread's own. Never
/// throws: an unusable parser, invalid UTF-8, syntax errors or an oversized file
/// become diagnostics, and `parsed` says whether the facts beyond line counts are
/// there. See extract/facts_walk.h for what each fact covers.
FileFacts ExtractFile(const SourceFile& file, std::string_view bytes, PythonParser& parser);

/// Whether ExtractForScan parses test files that do not count alone.
enum class TestFileParse {
  kWhenCountsAlone,  // the first pass of a scan
  kAlways,           // a test file the project imports or names (link/test_reach.h)
};

/// ExtractFile for a scan: the same facts, except that files whose parse cannot
/// change the report are not parsed.
/// - Migrations: link reads only their lines. They come out with `parsed` false
///   and, unlike ExtractFile's, without syntax-error diagnostics (Django writes
///   them, and `migrate` would refuse a broken one).
/// - Test files that do not count alone (FileFacts::counts_alone), unless
///   `tests` says kAlways: they come out unparsed, as link/test_reach.h's
///   UnreadTestFile sees them. Link reads them only when the project imports or
///   names them, and the scan then extracts them again with kAlways.
/// - Files of nothing but blank lines and comments (most `__init__.py`): a parse
///   would find no fact and no error, so they come out exactly as ExtractFile's.
/// - Statement calls whose arguments link never reads keep their callee, scope
///   and line, not their arguments (data/unread_arguments.h).
FileFacts ExtractForScan(const SourceFile& file, std::string_view bytes, PythonParser& parser,
                         TestFileParse tests = TestFileParse::kWhenCountsAlone);

/// True when `bytes` holds only blank lines and `#` comments (spaces and tabs
/// aside), so that a parse can find neither a fact nor a syntax error.
bool HoldsOnlyComments(std::string_view bytes);

/// Line counts without a parse (used for files whose facts are not needed).
LineCounts CountLines(std::string_view bytes);

}  // namespace djcost
