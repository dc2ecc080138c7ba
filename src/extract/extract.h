// Turns one Python file's bytes into FileFacts: imports, classes, functions,
// module assignments, statement calls and line counts, each with its line.
// Pure: depends on the bytes and the parser only; resolves nothing across files.
#pragma once

#include <string_view>

#include "data/file_facts.h"
#include "data/source_file.h"
#include "syntax/python_parser.h"

namespace djcost {

/// Extracts facts from `bytes`. `parser` is the calling thread's own.
FileFacts ExtractFile(const SourceFile& file, std::string_view bytes, PythonParser& parser);

/// Line counts without a parse (used for files whose facts are not needed).
LineCounts CountLines(std::string_view bytes);

}  // namespace djcost
