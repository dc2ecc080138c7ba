#include "extract/counts_alone.h"

#include <array>

namespace djcost {
namespace {

bool IsIdentifierByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Files link reads by their name, wherever they are (link/apps.cc, link/settings.cc).
bool ReadByName(std::string_view path) {
  size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  std::string_view folder = slash == std::string_view::npos ? "" : path.substr(0, slash);
  size_t up = folder.rfind('/');
  std::string_view parent = up == std::string_view::npos ? folder : folder.substr(up + 1);
  return name == "manage.py" || name == "wsgi.py" || name == "asgi.py" || name == "apps.py" ||
         name == "models.py" || parent == "models";
}

bool SendsSignal(std::string_view bytes) {
  for (size_t at = bytes.find(".send"); at != std::string_view::npos;
       at = bytes.find(".send", at + 1)) {
    size_t i = at + 5;
    if (bytes.substr(i, 7) == "_robust") i += 7;
    while (i < bytes.size() && (IsBlank(bytes[i]) || bytes[i] == '\\' || bytes[i] == '\n' ||
                                bytes[i] == '\r')) {
      ++i;
    }
    if (i < bytes.size() && bytes[i] == '(') return true;
  }
  return false;
}

// A base named as test classes are: unittest's and Django's test cases, a
// project's `BaseAPITestCase`, NetBox's `ViewTestCases.GetObjectViewTestCase`.
// Not a bare `...Test`: a model may be a `LabTest`.
bool NamedAsTestCase(std::string_view name) {
  static constexpr std::array<std::string_view, 7> kSuffixes = {
      "TestCase", "TestCases", "Tests", "TestBase", "TestMixin", "TestsMixin", "TestCaseMixin"};
  if (name == "object") return true;
  for (std::string_view suffix : kSuffixes) {
    if (EndsWith(name, suffix)) return true;
  }
  return false;
}

// The base list of the class header whose '(' is at `open`: true when every
// base's last dotted component is NamedAsTestCase. Keywords (`metaclass=M`),
// subscripts and anything else count as other bases.
bool BasesAreTestCases(std::string_view bytes, size_t open) {
  int depth = 1;
  std::string_view last;  // the current base's last identifier
  bool other = false;     // the current base holds more than a dotted name
  auto base_ends = [&]() {
    bool ok = !other && (last.empty() || NamedAsTestCase(last));
    last = {};
    other = false;
    return ok;
  };
  for (size_t i = open + 1; i < bytes.size();) {
    char c = bytes[i];
    if (IsIdentifierByte(c)) {
      size_t start = i;
      while (i < bytes.size() && IsIdentifierByte(bytes[i])) ++i;
      if (!last.empty() && bytes[start - 1] != '.') other = true;  // `A B`: not a dotted name
      last = bytes.substr(start, i - start);
      continue;
    }
    if (c == '#') {
      while (i < bytes.size() && bytes[i] != '\n') ++i;
      continue;
    }
    if (c == '(' || c == '[' || c == '{') {
      ++depth;
      other = true;
    } else if (c == ')' || c == ']' || c == '}') {
      if (--depth == 0) return base_ends();
    } else if (c == ',' && depth == 1) {
      if (!base_ends()) return false;
    } else if (!(c == '.' || IsBlank(c) || c == '\n' || c == '\r' || c == '\\')) {
      other = true;  // `=`, a string, an operator
    }
    ++i;
  }
  return false;  // unclosed: let the parser judge
}

// A class header at a line's start, spaces aside, whose bases are not all test cases.
bool DefinesOtherClass(std::string_view bytes) {
  for (size_t at = bytes.find("class"); at != std::string_view::npos;
       at = bytes.find("class", at + 1)) {
    size_t line = at;
    while (line > 0 && IsBlank(bytes[line - 1])) --line;
    if (line > 0 && bytes[line - 1] != '\n' && bytes[line - 1] != '\r') continue;
    size_t i = at + 5;
    if (i >= bytes.size() || !IsBlank(bytes[i])) continue;
    while (i < bytes.size() && IsBlank(bytes[i])) ++i;
    size_t name = i;
    while (i < bytes.size() && IsIdentifierByte(bytes[i])) ++i;
    if (i == name) continue;
    while (i < bytes.size() && IsBlank(bytes[i])) ++i;
    if (i < bytes.size() && bytes[i] == '(' && !BasesAreTestCases(bytes, i)) return true;
  }
  return false;
}

}  // namespace

bool TestFileCountsAlone(std::string_view path, std::string_view bytes) {
  return ReadByName(path) || SendsSignal(bytes) || DefinesOtherClass(bytes);
}

}  // namespace djcost
