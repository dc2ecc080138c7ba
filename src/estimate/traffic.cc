#include "estimate/traffic.h"

#include <cctype>
#include <map>
#include <utility>

#include "util/strings.h"

namespace djcost {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string_view Unquote(std::string_view s) {
  s = Trim(s);
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
  return Trim(s);
}

bool IsMethod(std::string_view s) {
  if (s.empty() || s.size() > 16) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

bool ParseCount(std::string_view s, long long* count) {
  s = Trim(s);
  if (s.empty() || s.size() > 15) return false;
  long long n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + (c - '0');
  }
  *count = n;
  return true;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

struct Request {
  std::string method;
  std::string path;
  long long count = 0;
};

// `"GET /x?y=1 HTTP/1.1"` inside a common/combined log line; method and
// target are the first two words between the first pair of quotes.
bool ParseLogLine(std::string_view line, Request* request) {
  const size_t open = line.find('"');
  if (open == std::string_view::npos) return false;
  const size_t close = line.find('"', open + 1);
  if (close == std::string_view::npos) return false;
  std::vector<std::string> words = Split(line.substr(open + 1, close - open - 1), ' ');
  std::vector<std::string> parts;
  for (auto& w : words) {
    if (!w.empty()) parts.push_back(std::move(w));
  }
  if (parts.size() < 2 || !IsMethod(parts[0])) return false;
  request->method = parts[0];
  request->path = RequestPath(parts[1]);
  request->count = 1;
  return true;
}

bool ParseCsvRow(std::string_view line, Request* request) {
  std::vector<std::string> fields = Split(line, ',');
  if (fields.size() == 2) {
    request->method.clear();
    request->path = RequestPath(Unquote(fields[0]));
    return ParseCount(Unquote(fields[1]), &request->count);
  }
  if (fields.size() == 3) {
    const std::string_view method = Unquote(fields[0]);
    if (!IsMethod(method)) return false;
    request->method = std::string(method);
    request->path = RequestPath(Unquote(fields[1]));
    return ParseCount(Unquote(fields[2]), &request->count);
  }
  return false;
}

bool IsHeader(std::string_view line) {
  std::string lower;
  for (char c : line) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.find("path") != std::string::npos && lower.find("count") != std::string::npos;
}

}  // namespace

std::string RequestPath(std::string_view target) {
  target = Trim(target);
  // An absolute URL (proxies log them): keep what follows the host.
  if (const size_t scheme = target.find("://"); scheme != std::string_view::npos) {
    const size_t slash = target.find('/', scheme + 3);
    target = slash == std::string_view::npos ? std::string_view() : target.substr(slash);
  }
  if (const size_t cut = target.find_first_of("?#"); cut != std::string_view::npos) {
    target = target.substr(0, cut);
  }
  std::string path;
  for (size_t i = 0; i < target.size(); ++i) {
    if (target[i] == '%' && i + 2 < target.size()) {
      const int hi = HexValue(target[i + 1]);
      const int lo = HexValue(target[i + 2]);
      if (hi >= 0 && lo >= 0) {
        path += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    path += target[i];
  }
  // Django resolves the path without its leading '/'.
  size_t start = 0;
  while (start < path.size() && path[start] == '/') ++start;
  return path.substr(start);
}

TrafficParse ParseTraffic(std::string_view text, const std::string& file) {
  TrafficParse result;
  std::map<std::pair<std::string, std::string>, long long> grouped;  // (path, method)
  int first_bad_line = 0;
  bool seen_data = false;
  int line_number = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = Trim(text.substr(pos, end - pos));
    pos = end + 1;
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    Request request;
    const bool is_log = line.find('"') != std::string_view::npos &&
                        line.find('[') != std::string_view::npos;
    const bool ok = is_log ? ParseLogLine(line, &request) : ParseCsvRow(line, &request);
    if (!ok) {
      // A CSV header names its columns; only the first row may be one.
      if (!seen_data && !is_log && IsHeader(line)) {
        seen_data = true;
        continue;
      }
      ++result.lines_skipped;
      if (first_bad_line == 0) first_bad_line = line_number;
      seen_data = true;
      continue;
    }
    seen_data = true;
    ++result.lines_read;
    if (request.count == 0) continue;
    grouped[{request.path, request.method}] += request.count;
    result.requests += request.count;
  }
  for (const auto& [key, count] : grouped) {
    result.entries.push_back(TrafficEntry{key.second, key.first, count});
  }
  if (result.lines_skipped > 0) {
    result.diagnostics.push_back(Diagnostic{
        Severity::kWarning, "traffic-line-skipped", Location{file, first_bad_line, 0},
        std::to_string(result.lines_skipped) +
            (result.lines_skipped == 1 ? " line was" : " lines were") +
            " neither an access-log line (common/combined format) nor a CSV row "
            "(path,count or method,path,count); first at line " +
            std::to_string(first_bad_line)});
  }
  return result;
}

}  // namespace djcost
