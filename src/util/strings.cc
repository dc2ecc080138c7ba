#include "util/strings.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace djcost {

std::vector<std::string> Split(std::string_view text, char sep) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t pos = text.find(sep, start);
    if (pos == std::string_view::npos) {
      parts.emplace_back(text.substr(start));
      return parts;
    }
    parts.emplace_back(text.substr(start, pos - start));
    start = pos + 1;
  }
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += sep;
    out += parts[i];
  }
  return out;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string Upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

namespace {

// Recursive matcher; patterns are short (a handful of stars), so backtracking
// cost stays negligible.
bool Match(std::string_view p, std::string_view t) {
  while (!p.empty()) {
    if (StartsWith(p, "**")) {
      std::string_view rest = p.substr(2);
      // "**/" may also match zero folders.
      if (StartsWith(rest, "/") && Match(rest.substr(1), t)) return true;
      for (size_t i = 0; i <= t.size(); ++i) {
        if (Match(rest, t.substr(i))) return true;
      }
      return false;
    }
    if (p.front() == '*') {
      std::string_view rest = p.substr(1);
      for (size_t i = 0; i <= t.size(); ++i) {
        if (Match(rest, t.substr(i))) return true;
        if (i < t.size() && t[i] == '/') break;
      }
      return false;
    }
    if (t.empty()) return false;
    if (p.front() == '?') {
      if (t.front() == '/') return false;
    } else if (p.front() != t.front()) {
      return false;
    }
    p.remove_prefix(1);
    t.remove_prefix(1);
  }
  return t.empty();
}

}  // namespace

bool GlobMatch(std::string_view pattern, std::string_view text) { return Match(pattern, text); }

std::string FormatFixed(double value, int decimals) {
  if (!std::isfinite(value)) return std::isnan(value) ? "nan" : (value > 0 ? "inf" : "-inf");
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  std::string s = buf;
  // "-0.0" reads as a bug in a report; print it as "0.0".
  if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

std::size_t HashName(std::string_view name) {
  constexpr std::uint64_t kMultiplier = 0x9fb21c651e98df25ull;
  std::uint64_t h = 0x9e3779b97f4a7c15ull ^ name.size();
  const char* p = name.data();
  std::size_t n = name.size();
  while (n >= 8) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    h = (h ^ word) * kMultiplier;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  std::uint64_t tail = 0;
  if (n > 0 && name.size() >= 8) {
    // The last eight bytes, whose top n are the ones left: no call to memcpy
    // for a variable length, which cost as much as the loop on short names.
    std::memcpy(&tail, name.data() + name.size() - 8, 8);
    tail >>= (8 - n) * 8;
  } else {
    for (std::size_t i = 0; i < n; ++i) {
      tail |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
    }
  }
  h = (h ^ tail) * kMultiplier;
  return static_cast<std::size_t>(h ^ (h >> 32));
}

}  // namespace djcost
