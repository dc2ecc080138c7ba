#include "extract/counts_alone.h"

#include "util/strings.h"

namespace djcost {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

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

// The base list whose '(' is at `open`, each base's last name or "?".
std::vector<std::string> Bases(std::string_view bytes, size_t open) {
  std::vector<std::string> bases;
  int depth = 1;
  std::string_view last;  // the current base's last identifier
  bool other = false;     // the current base holds more than a dotted name
  bool any = false;       // the current base holds anything
  auto base_ends = [&]() {
    if (any) bases.emplace_back(other || last.empty() ? std::string_view("?") : last);
    last = {};
    other = any = false;
  };
  for (size_t i = open + 1; i < bytes.size();) {
    char c = bytes[i];
    if (IsIdentifierByte(c)) {
      size_t start = i;
      while (i < bytes.size() && IsIdentifierByte(bytes[i])) ++i;
      if (!last.empty() && bytes[start - 1] != '.') other = true;  // `A B`: not a dotted name
      last = bytes.substr(start, i - start);
      any = true;
      continue;
    }
    if (c == '#') {
      while (i < bytes.size() && bytes[i] != '\n') ++i;
      continue;
    }
    if (c == '(' || c == '[' || c == '{') {
      ++depth;
      other = any = true;
    } else if (c == ')' || c == ']' || c == '}') {
      if (--depth == 0) {
        base_ends();
        return bases;
      }
    } else if (c == ',' && depth == 1) {
      base_ends();
    } else if (!(c == '.' || IsBlank(c) || c == '\n' || c == '\r' || c == '\\')) {
      other = any = true;  // `=`, a string, an operator
    }
    ++i;
  }
  bases.emplace_back("?");  // unclosed: let the parser judge
  return bases;
}

}  // namespace

bool TestFileCountsAlone(std::string_view path, std::string_view bytes) {
  return ReadByName(path) || SendsSignal(bytes);
}

std::vector<ClassHeader> ClassHeaders(std::string_view bytes) {
  std::vector<ClassHeader> headers;
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
    ClassHeader header;
    header.name = std::string(bytes.substr(name, i - name));
    while (i < bytes.size() && IsBlank(bytes[i])) ++i;
    if (i < bytes.size() && bytes[i] == '(') header.bases = Bases(bytes, i);
    headers.push_back(std::move(header));
  }
  return headers;
}

}  // namespace djcost
