// Builds FileFacts for a small in-memory project: {path, Python source} pairs run
// through the real extractor, sorted by path as discovery would sort them.
#pragma once

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "discover/discover.h"
#include "extract/extract.h"
#include "syntax/python_parser.h"

namespace djcost::testing {

inline std::vector<FileFacts> ExtractProject(
    std::vector<std::pair<std::string, std::string>> sources) {
  std::sort(sources.begin(), sources.end());
  PythonParser parser;
  std::vector<FileFacts> facts;
  for (const auto& [path, text] : sources) {
    SourceFile file;
    file.path = path;
    file.kind = ClassifyPath(path);
    file.size = text.size();
    facts.push_back(ExtractFile(file, text, parser));
  }
  return facts;
}

}  // namespace djcost::testing
