// Reads traffic data given as text: a web server access log in the common or
// combined format, or a CSV of path,count (method,path,count also works).
// Input: the file's text; output: requests grouped by (method, path), plus
// diagnostics for lines it could not read. Pure: the CLI reads the file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "data/diagnostic.h"
#include "data/estimate.h"

namespace djcost {

struct TrafficParse {
  std::vector<TrafficEntry> entries;  // sorted by path, then method; counts summed
  long long requests = 0;             // sum of the counts
  int lines_read = 0;                 // lines that gave requests
  int lines_skipped = 0;              // non-blank, non-comment lines that did not
  std::vector<Diagnostic> diagnostics;  // one warning per kind of bad line, with the first line
};

/// The path Django would resolve for a request target: scheme and host of an
/// absolute URL dropped, query string and fragment dropped, %XX decoded, and
/// the leading '/' removed ("/api/books/?page=2" -> "api/books/").
std::string RequestPath(std::string_view target);

/// Parses `text`, line by line. A line holding a quoted request ("GET /x HTTP/1.1")
/// is an access-log line; any other is a CSV row: "path,count" or
/// "method,path,count". Blank lines, lines starting with '#' and a header row
/// ("path,count") are ignored. `file` names the source in diagnostics.
TrafficParse ParseTraffic(std::string_view text, const std::string& file);

}  // namespace djcost
