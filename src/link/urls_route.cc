#include "link/urls_route.h"

namespace djcost {

bool RegexEndsAnchored(std::string_view pattern) {
  if (pattern.empty() || pattern.back() != '$') return false;
  // `\$` matches a literal dollar: no anchor.
  size_t backslashes = 0;
  for (size_t i = pattern.size() - 1; i > 0 && pattern[i - 1] == '\\'; --i) ++backslashes;
  return backslashes % 2 == 0;
}

std::string RouteLevel(std::string_view pattern, bool regex, bool endpoint) {
  if (!regex) return std::string(pattern);
  if (!pattern.empty() && pattern.front() == '^') pattern.remove_prefix(1);
  if (endpoint && RegexEndsAnchored(pattern)) pattern.remove_suffix(1);
  return std::string(pattern);
}

std::string JoinNinjaPrefix(std::string_view a, std::string_view b) {
  if (a.empty()) return std::string(b);
  if (b.empty()) return std::string(a);
  std::string out(a);
  out += '/';
  out += b;
  return out;
}

std::string NinjaRoute(std::string_view prefix, std::string_view path) {
  std::string joined = JoinNinjaPrefix(prefix, path);
  std::string collapsed;
  for (char c : joined) {
    if (c == '/' && !collapsed.empty() && collapsed.back() == '/') continue;
    collapsed += c;
  }
  size_t start = collapsed.find_first_not_of('/');
  if (start == std::string::npos) return "";
  std::string out;
  for (size_t i = start; i < collapsed.size(); ++i) {
    char c = collapsed[i];
    if (c == '{') {
      size_t close = collapsed.find('}', i);
      if (close != std::string::npos) {
        out += '<';
        out.append(collapsed, i + 1, close - i - 1);
        out += '>';
        i = close;
        continue;
      }
    }
    out += c;
  }
  return out;
}

}  // namespace djcost
