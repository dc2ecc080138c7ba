#include "discover/django_pin.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "util/strings.h"
#include "util/toml.h"

namespace djcost {
namespace {

namespace fs = std::filesystem;

// A requirement file larger than this is no requirement file (lock files of big
// projects run to a megabyte or two).
constexpr std::uintmax_t kMaxPinFileSize = 8 * 1024 * 1024;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "5.0.4" -> {5, 0, 4}; "4.2.*" -> {4, 2} with `*wildcard`; "5.0rc1" -> {5, 0}
// (a pre-release of 5.0 counts as 5.0). Empty when `text` starts with no number.
std::vector<int> ParseVersion(std::string_view text, bool* wildcard) {
  std::vector<int> parts;
  *wildcard = false;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '*') {
      *wildcard = !parts.empty();
      break;
    }
    if (!IsDigit(text[i])) break;
    int value = 0;
    while (i < text.size() && IsDigit(text[i])) {
      value = std::min(value * 10 + (text[i] - '0'), 1000000);
      ++i;
    }
    parts.push_back(value);
    if (i + 1 < text.size() && text[i] == '.') {
      ++i;
      continue;
    }
    break;
  }
  return parts;
}

// `parts` with its last component raised by one: the first release past a series.
std::vector<int> Bump(std::vector<int> parts) {
  if (!parts.empty()) ++parts.back();
  return parts;
}

// An upper bound: `newest`, `inclusive` and `unbounded` of a DjangoRelease.
struct Bound {
  std::vector<int> newest;
  bool inclusive = true;
  bool unbounded = true;
};

// Negative when `a` allows less than `b`.
int Compare(const Bound& a, const Bound& b) {
  if (a.unbounded || b.unbounded) return int(a.unbounded) - int(b.unbounded);
  if (int order = CompareReleases(a.newest, b.newest)) return order;
  return int(a.inclusive) - int(b.inclusive);
}

Bound Exactly(std::vector<int> v) { return Bound{std::move(v), true, false}; }
Bound Below(std::vector<int> v) { return Bound{std::move(v), false, false}; }

DjangoRelease ReleaseOf(const Bound& b, std::string requirement) {
  DjangoRelease r;
  r.requirement = std::move(requirement);
  r.unbounded = b.unbounded;
  if (!b.unbounded) {
    r.newest = b.newest;
    r.inclusive = b.inclusive;
  }
  return r;
}

std::string WithoutSpaces(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\t') out += c;
  }
  return out;
}

// One PEP 440 clause ("<5.0", "~=4.2"): its upper bound, unbounded for ">=", ">"
// and "!=". False when it is no clause.
bool ClauseBound(std::string_view clause, Bound* bound) {
  static const char* const kOperators[] = {"===", "==", "~=", "!=", "<=", ">=", "<", ">"};
  for (const char* op : kOperators) {
    if (!StartsWith(clause, op)) continue;
    const std::string_view o(op);
    bool wildcard = false;
    std::vector<int> v = ParseVersion(Trim(clause.substr(o.size())), &wildcard);
    if (v.empty()) return false;
    if (o == "==" || o == "===") {
      *bound = wildcard ? Below(Bump(v)) : Exactly(v);
    } else if (o == "<=") {
      *bound = Exactly(v);
    } else if (o == "<") {
      *bound = Below(v);
    } else if (o == "~=") {
      if (v.size() < 2) return false;
      v.pop_back();
      *bound = Below(Bump(v));
    } else {
      *bound = Bound{};
    }
    return true;
  }
  return false;
}

// The tightest bound of clauses joined by `separator`, or nullopt when one of
// them is no clause. `clause_of` reads one clause.
template <typename ClauseOf>
std::optional<Bound> AllOf(std::string_view text, char separator, ClauseOf clause_of) {
  Bound tightest;
  bool any = false;
  for (const std::string& piece : Split(text, separator)) {
    std::string_view clause = Trim(piece);
    if (clause.empty()) continue;
    Bound b;
    if (!clause_of(clause, &b)) return std::nullopt;
    if (Compare(b, tightest) < 0) tightest = b;
    any = true;
  }
  if (!any) return std::nullopt;
  return tightest;
}

// One Poetry clause: "^5.0", "~4.2", "4.2.*", "*", "5.0.4", or PEP 440's.
bool PoetryClauseBound(std::string_view clause, Bound* bound) {
  if (clause == "*") {
    *bound = Bound{};
    return true;
  }
  bool wildcard = false;
  if (clause.front() == '^' || (clause.front() == '~' && !StartsWith(clause, "~="))) {
    std::vector<int> v = ParseVersion(Trim(clause.substr(1)), &wildcard);
    if (v.empty()) return false;
    if (clause.front() == '^') {
      // The first non-zero component may not change: ^5.0 -> <6, ^0.2 -> <0.3.
      size_t keep = 0;
      while (keep + 1 < v.size() && v[keep] == 0) ++keep;
      v.resize(keep + 1);
    } else {
      v.resize(v.size() == 1 ? 1 : 2);  // ~4.2.1 -> <4.3, ~4 -> <5
    }
    *bound = Below(Bump(v));
    return true;
  }
  if (IsDigit(clause.front())) {
    std::vector<int> v = ParseVersion(clause, &wildcard);
    if (v.empty()) return false;
    *bound = wildcard ? Below(Bump(v)) : Exactly(v);
    return true;
  }
  return ClauseBound(clause, bound);
}

// "django", "Django", "DJANGO" and "django_" spellings normalise alike (PEP 503).
bool IsDjangoName(std::string_view name) {
  std::string n = Lower(name);
  std::replace(n.begin(), n.end(), '_', '-');
  std::replace(n.begin(), n.end(), '.', '-');
  return n == "django";
}

std::optional<DjangoRelease> WithSource(std::optional<DjangoRelease> r, int line) {
  if (r && line > 0) r->source = ":" + std::to_string(line);
  return r;
}

// Lock files list each package as a [[package]] table whose `name` line comes
// right before its `version` line (poetry.lock, uv.lock, pdm.lock).
std::optional<DjangoRelease> ReadTomlLock(std::string_view text) {
  std::istringstream in{std::string(text)};
  std::string line;
  int number = 0;
  bool in_django = false;
  while (std::getline(in, line)) {
    ++number;
    std::string_view l = Trim(line);
    if (StartsWith(l, "[")) in_django = false;
    if (StartsWith(l, "name = \"")) {
      in_django = IsDjangoName(l.substr(8, l.find('"', 8) - 8));
    } else if (in_django && StartsWith(l, "version = \"")) {
      std::string_view v = l.substr(11, l.find('"', 11) - 11);
      bool wildcard = false;
      std::vector<int> parts = ParseVersion(v, &wildcard);
      if (parts.empty()) return std::nullopt;
      return WithSource(ReleaseOf(Exactly(parts), "==" + std::string(v)), number);
    }
  }
  return std::nullopt;
}

std::optional<DjangoRelease> ReadPipfileLock(std::string_view text) {
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (!doc.is_object() || !doc.contains("default") || !doc["default"].is_object()) {
    return std::nullopt;
  }
  for (const auto& [name, entry] : doc["default"].items()) {
    if (!IsDjangoName(name) || !entry.is_object() || !entry.contains("version")) continue;
    if (!entry["version"].is_string()) return std::nullopt;
    return ParseSpecifier(entry["version"].get<std::string>());
  }
  return std::nullopt;
}

// A Poetry or Pipfile dependency: a constraint string, or a table with `version`.
std::optional<DjangoRelease> TomlDependency(const toml::node& node, bool poetry) {
  const toml::node* value = &node;
  if (const toml::table* t = node.as_table()) value = t->get("version");
  if (!value || !value->is_string()) return std::nullopt;
  const std::string& text = value->as_string()->get();
  std::optional<DjangoRelease> r = poetry ? ParsePoetryConstraint(text) : ParseSpecifier(text);
  return WithSource(r, static_cast<int>(value->source().begin.line));
}

std::optional<DjangoRelease> DependencyIn(const toml::table* deps, bool poetry) {
  if (!deps) return std::nullopt;
  for (const auto& [key, node] : *deps) {
    if (IsDjangoName(key.str())) return TomlDependency(node, poetry);
  }
  return std::nullopt;
}

// A TOML file that does not parse pins nothing (the [tool.djcost] reader names
// pyproject.toml's syntax errors).
std::optional<toml::table> ParseToml(std::string_view text) {
  try {
    return toml::parse(text);
  } catch (const toml::parse_error&) {
    return std::nullopt;
  }
}

std::optional<DjangoRelease> ReadPyproject(std::string_view text) {
  std::optional<toml::table> parsed = ParseToml(text);
  if (!parsed) return std::nullopt;
  const toml::table& doc = *parsed;
  if (const toml::array* deps = doc["project"]["dependencies"].as_array()) {
    for (const toml::node& item : *deps) {
      if (!item.is_string()) continue;
      std::optional<DjangoRelease> r = ParseRequirementLine(item.as_string()->get());
      if (r) return WithSource(r, static_cast<int>(item.source().begin.line));
    }
  }
  return DependencyIn(doc["tool"]["poetry"]["dependencies"].as_table(), true);
}

std::optional<DjangoRelease> ReadPipfile(std::string_view text) {
  std::optional<toml::table> parsed = ParseToml(text);
  if (!parsed) return std::nullopt;
  return DependencyIn((*parsed)["packages"].as_table(), false);
}

std::optional<DjangoRelease> ReadRequirementLines(std::string_view text) {
  int number = 0;
  for (const std::string& line : Split(text, '\n')) {
    ++number;
    if (std::optional<DjangoRelease> r = ParseRequirementLine(line)) return WithSource(r, number);
  }
  return std::nullopt;
}

// setup.py names its requirements in string literals: "Django>=3.2,<4.0". Each
// quote of a line is tried as an opening one, so that an apostrophe in a comment
// cannot pair the others wrongly.
std::optional<DjangoRelease> ReadSetupPy(std::string_view text) {
  int number = 0;
  for (const std::string& line : Split(text, '\n')) {
    ++number;
    for (size_t q = line.find_first_of("\"'"); q != std::string::npos;
         q = line.find_first_of("\"'", q + 1)) {
      const size_t end = line.find(line[q], q + 1);
      if (end == std::string::npos) continue;  // a closing quote: other quotes may follow
      if (std::optional<DjangoRelease> r =
              ParseRequirementLine(std::string_view(line).substr(q + 1, end - q - 1))) {
        return WithSource(r, number);
      }
    }
  }
  return std::nullopt;
}

bool IsRequirementsName(std::string_view name) {
  return (StartsWith(name, "requirements") || StartsWith(name, "constraints")) &&
         (EndsWith(name, ".txt") || EndsWith(name, ".in"));
}

// How firmly a release is pinned: exact (a lock file, "=="), a bounded range, or
// unbounded. Lower wins.
int Firmness(const DjangoRelease& r) {
  if (r.unbounded) return 2;
  return r.inclusive ? 0 : 1;
}

bool ReadText(const fs::path& path, std::string* text) {
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec || size > kMaxPinFileSize) return false;
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  text->assign(size, '\0');
  in.read(text->data(), static_cast<std::streamsize>(size));
  return static_cast<std::uintmax_t>(in.gcount()) == size;
}

// The pin files of `folder` (relative to `root`, "" for the root) in the order
// they are believed: lock files, requirements files, then the manifests.
std::vector<std::string> PinFilesIn(const fs::path& root, const std::string& folder) {
  static const char* const kLocks[] = {"poetry.lock", "uv.lock", "pdm.lock", "Pipfile.lock"};
  static const char* const kManifests[] = {"pyproject.toml", "Pipfile", "setup.cfg",
                                           "setup.py"};
  const std::string prefix = folder.empty() ? "" : folder + "/";
  std::vector<std::string> requirements;
  std::error_code ec;
  for (fs::directory_iterator it(root / folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (IsRequirementsName(name) && it->is_regular_file(ec)) {
      requirements.push_back(prefix + name);
    } else if (name == "requirements" && it->is_directory(ec)) {
      std::error_code sub_ec;
      for (fs::directory_iterator sub(it->path(), sub_ec), sub_end; !sub_ec && sub != sub_end;
           sub.increment(sub_ec)) {
        const std::string sub_name = sub->path().filename().string();
        if (EndsWith(sub_name, ".txt") || EndsWith(sub_name, ".in")) {
          requirements.push_back(prefix + "requirements/" + sub_name);
        }
      }
    }
  }
  std::sort(requirements.begin(), requirements.end());
  std::vector<std::string> files;
  for (const char* lock : kLocks) files.push_back(prefix + lock);
  files.insert(files.end(), requirements.begin(), requirements.end());
  for (const char* manifest : kManifests) files.push_back(prefix + manifest);
  return files;
}

}  // namespace

std::optional<DjangoRelease> ParseSpecifier(std::string_view specifier) {
  std::string text = WithoutSpaces(specifier);
  std::optional<Bound> b = AllOf(text, ',', ClauseBound);
  if (!b) return std::nullopt;
  return ReleaseOf(*b, text);
}

std::optional<DjangoRelease> ParsePoetryConstraint(std::string_view constraint) {
  std::string text(Trim(constraint));
  // Alternatives: the loosest wins, as the resolver may take any.
  std::optional<Bound> loosest;
  size_t start = 0;
  while (start <= text.size()) {
    size_t bar = text.find("||", start);
    if (bar == std::string::npos) bar = text.size();
    std::string alternative = text.substr(start, bar - start);
    // Poetry joins clauses with commas or spaces, and an operator may stand
    // apart from its version (">= 4.2, < 5.0").
    std::string joined;
    for (char c : alternative) {
      const bool space = c == ' ' || c == '\t';
      if (space && !joined.empty() && std::string_view("<>=!~^,").find(joined.back()) !=
                                          std::string_view::npos) {
        continue;
      }
      joined += space ? ',' : c;
    }
    std::optional<Bound> b = AllOf(joined, ',', PoetryClauseBound);
    if (!b) return std::nullopt;
    if (!loosest || Compare(*b, *loosest) > 0) loosest = b;
    start = bar + 2;
  }
  if (!loosest) return std::nullopt;
  return ReleaseOf(*loosest, WithoutSpaces(text));
}

std::optional<DjangoRelease> ParseRequirementLine(std::string_view line) {
  std::string_view l = Trim(line);
  if (const size_t hash = l.find('#'); hash != std::string_view::npos) l = Trim(l.substr(0, hash));
  if (const size_t marker = l.find(';'); marker != std::string_view::npos) {
    l = Trim(l.substr(0, marker));
  }
  // pip-compile's hashes follow on continuation lines: "Django==5.2.16 \".
  if (EndsWith(l, "\\")) l = Trim(l.substr(0, l.size() - 1));
  size_t n = 0;
  while (n < l.size() && (std::isalnum(static_cast<unsigned char>(l[n])) || l[n] == '-' ||
                          l[n] == '_' || l[n] == '.')) {
    ++n;
  }
  if (n == 0 || !IsDjangoName(l.substr(0, n))) return std::nullopt;
  std::string_view rest = Trim(l.substr(n));
  if (StartsWith(rest, "[")) {
    const size_t close = rest.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    rest = Trim(rest.substr(close + 1));
  }
  // pip's options after the specifier: "Django==5.0.4 --hash=sha256:...".
  if (const size_t option = rest.find(" --"); option != std::string_view::npos) {
    rest = Trim(rest.substr(0, option));
  }
  if (StartsWith(rest, "(") && EndsWith(rest, ")")) rest = rest.substr(1, rest.size() - 2);
  if (rest.empty() || rest.front() == '@') return std::nullopt;
  return ParseSpecifier(rest);
}

std::optional<DjangoRelease> ReadPinFile(std::string_view name, std::string_view text) {
  if (name == "poetry.lock" || name == "uv.lock" || name == "pdm.lock") return ReadTomlLock(text);
  if (name == "Pipfile.lock") return ReadPipfileLock(text);
  if (name == "pyproject.toml") return ReadPyproject(text);
  if (name == "Pipfile") return ReadPipfile(text);
  if (name == "setup.py") return ReadSetupPy(text);
  return ReadRequirementLines(text);  // requirements files and setup.cfg
}

DjangoRelease FindDjangoRelease(const std::string& root, const std::vector<std::string>& markers) {
  // The root and every folder between it and a marker, nearest the root first.
  std::set<std::pair<size_t, std::string>> folders = {{0, ""}};
  for (const std::string& marker : markers) {
    std::vector<std::string> parts = Split(marker, '/');
    std::string folder;
    for (size_t i = 0; i + 1 < parts.size(); ++i) {
      folder += (i ? "/" : "") + parts[i];
      folders.insert({i + 1, folder});
    }
  }
  DjangoRelease best;
  for (const auto& [depth, folder] : folders) {
    for (const std::string& file : PinFilesIn(root, folder)) {
      std::string text;
      if (!ReadText(fs::path(root) / file, &text)) continue;
      std::optional<DjangoRelease> r = ReadPinFile(fs::path(file).filename().string(), text);
      if (!r) continue;
      r->source = file + r->source;
      if (!best.known() || Firmness(*r) < Firmness(best)) best = std::move(*r);
      if (Firmness(best) == 0) return best;
    }
  }
  return best;
}

}  // namespace djcost
