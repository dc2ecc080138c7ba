#include "estimate/route_match.h"

#include <regex>

namespace djcost {
namespace {

// Django's converters (django/urls/converters.py).
std::string ConverterRegex(const std::string& type) {
  if (type == "int") return "[0-9]+";
  if (type == "slug") return "[-a-zA-Z0-9_]+";
  if (type == "uuid") return "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  if (type == "path") return ".+";
  return "[^/]+";  // str, and custom converters we cannot see
}

bool HasRegexSyntax(const std::string& route) {
  if (route.find("(?P<") != std::string::npos) return true;
  for (char c : route) {
    if (c == '^' || c == '$' || c == '\\' || c == '[' || c == '(' || c == '+' || c == '*' ||
        c == '?' || c == '{' || c == '|') {
      return true;
    }
  }
  return false;
}

bool IsRegexSpecial(char c) {
  static const std::string kSpecial = R"(\^$.|?*+()[]{}/)";
  return kSpecial.find(c) != std::string::npos;
}

}  // namespace

std::string RouteRegex(const std::string& route) {
  const bool regex = HasRegexSyntax(route);
  std::string out = "^";
  bool in_class = false;
  for (size_t i = 0; i < route.size(); ++i) {
    const char c = route[i];
    if (regex && c == '\\' && i + 1 < route.size()) {
      out += c;
      out += route[++i];
      continue;
    }
    if (regex && in_class) {
      if (c == ']') in_class = false;
      out += c;
      continue;
    }
    if (regex && route.compare(i, 4, "(?P<") == 0) {
      // A Python named group: ECMAScript wants a plain group.
      const size_t close = route.find('>', i + 4);
      if (close != std::string::npos) {
        out += '(';
        i = close;
        continue;
      }
    }
    if (regex && route.compare(i, 4, "(?P=") == 0) {
      // A back-reference by name has no ECMAScript spelling: match one segment.
      const size_t close = route.find(')', i);
      if (close != std::string::npos) {
        out += "[^/]+";
        i = close;
        continue;
      }
    }
    if (c == '<') {
      const size_t close = route.find('>', i);
      if (close != std::string::npos) {
        const std::string inside = route.substr(i + 1, close - i - 1);
        const size_t colon = inside.find(':');
        out += '(';
        out += ConverterRegex(colon == std::string::npos ? "str" : inside.substr(0, colon));
        out += ')';
        i = close;
        continue;
      }
    }
    if (regex) {
      if (c == '[') in_class = true;
      if (c == '^' || c == '$') continue;  // anchors of the joined parts
      out += c;
    } else {
      if (IsRegexSpecial(c)) out += '\\';
      out += c;
    }
  }
  return out + "$";
}

struct RouteMatcher::Compiled {
  int index = 0;
  std::string route;
  std::regex regex;
  int literal_chars = 0;
  int parameters = 0;
};

RouteMatcher::RouteMatcher(const std::vector<std::string>& routes,
                           std::vector<std::string>* rejected) {
  for (size_t i = 0; i < routes.size(); ++i) {
    auto c = std::make_unique<Compiled>();
    c->index = static_cast<int>(i);
    c->route = routes[i];
    // std::regex reports a pattern it cannot compile by throwing; keep that here.
    try {
      c->regex = std::regex(RouteRegex(routes[i]), std::regex::ECMAScript | std::regex::optimize);
    } catch (const std::regex_error&) {
      if (rejected != nullptr) rejected->push_back(routes[i]);
      continue;
    }
    bool in_param = false;
    for (char ch : routes[i]) {
      if (ch == '<' || ch == '(') {
        in_param = true;
        ++c->parameters;
      } else if (ch == '>' || ch == ')') {
        in_param = false;
      } else if (!in_param) {
        ++c->literal_chars;
      }
    }
    compiled_.push_back(std::move(c));
  }
}

RouteMatcher::~RouteMatcher() = default;

int RouteMatcher::Match(const std::string& path) const {
  const bool may_append_slash = !path.empty() && path.back() != '/';
  const std::string candidates[] = {path, path + "/"};
  for (int attempt = 0; attempt < (may_append_slash ? 2 : 1); ++attempt) {
    const std::string& candidate = candidates[attempt];
    const Compiled* best = nullptr;
    for (const auto& c : compiled_) {
      bool matched = false;
      try {
        matched = std::regex_match(candidate, c->regex);
      } catch (const std::regex_error&) {
        matched = false;  // a pathological pattern ran out of stack: not a match
      }
      if (!matched) continue;
      if (best == nullptr || c->literal_chars > best->literal_chars ||
          (c->literal_chars == best->literal_chars &&
           (c->parameters < best->parameters ||
            (c->parameters == best->parameters && c->route < best->route)))) {
        best = c.get();
      }
    }
    if (best != nullptr) return best->index;
  }
  return -1;
}

}  // namespace djcost
