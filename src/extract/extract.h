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

/// Line counts without a parse (used for files whose facts are not needed).
LineCounts CountLines(std::string_view bytes);

}  // namespace djcost
