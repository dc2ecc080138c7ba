#include "cache/line_shift.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "cache/fact_codec.h"

namespace djcost {
namespace {

// Every line of `inventory` that belongs to `path`, to map in place.
std::vector<int*> LinesAt(const std::string& path, Inventory* inventory) {
  std::vector<int*> lines;
  auto at = [&](Location& l) {
    if (l.path == path) lines.push_back(&l.line);
  };
  for (auto& e : inventory->endpoints) {
    at(e.location);
    at(e.view_location);
  }
  for (auto& r : inventory->external_routes) at(r.location);
  for (auto& m : inventory->models) {
    at(m.location);
    // A model's relations are its own class attributes: lines of its file.
    if (m.location.path == path) {
      for (auto& r : m.relations) lines.push_back(&r.line);
    }
  }
  for (auto& a : inventory->admin_registrations) at(a.location);
  for (auto& a : inventory->admin_registrations_external) at(a.location);
  for (auto& r : inventory->signal_receivers) at(r.location);
  for (auto& s : inventory->custom_signals) {
    at(s.location);
    for (auto& site : s.send_sites) at(site);
  }
  for (auto& f : inventory->findings) at(f.location);
  for (auto& d : inventory->diagnostics) at(d.location);
  return lines;
}

}  // namespace

bool LineShift::Between(const FileFacts& before, const FileFacts& after, LineShift* shift) {
  std::string shape_before, shape_after;
  std::vector<int> lines_before, lines_after;
  EncodeFactsShape(before, &shape_before, &lines_before);
  EncodeFactsShape(after, &shape_after, &lines_after);
  if (shape_before != shape_after || lines_before.size() != lines_after.size()) return false;

  std::vector<std::pair<int, int>> map;
  map.reserve(lines_before.size() + 1);
  map.emplace_back(0, 0);
  for (std::size_t i = 0; i < lines_before.size(); ++i) {
    map.emplace_back(lines_before[i], lines_after[i]);
  }
  std::sort(map.begin(), map.end());
  map.erase(std::unique(map.begin(), map.end()), map.end());
  // Sorted by old line, the new lines must rise strictly: one old line with two
  // new ones, or two lines that swap order, is not a shift.
  for (std::size_t i = 1; i < map.size(); ++i) {
    if (map[i].first == map[i - 1].first || map[i].second <= map[i - 1].second) return false;
  }

  shift->path_ = after.file.path;
  shift->kind_ = after.file.kind;
  shift->before_ = before.lines;
  shift->after_ = after.lines;
  shift->map_ = std::move(map);
  return true;
}

namespace {

// What link reads of a module-level function without a name resolving to it:
// its decorators (receivers, celery tasks, model views, ninja operations), its
// calls (findings, send sites), what it returns (url helpers) and whether its
// first parameter is `request` (the count of views a URL walk may have missed).
bool LinkReadsOnlyByName(const FunctionDef& fn) {
  const bool dunder = fn.name.size() > 4 && fn.name.starts_with("__") && fn.name.ends_with("__");
  return fn.scope.empty() && !dunder && fn.decorators.empty() && fn.calls.empty() &&
         !fn.returned && !fn.local_list && !fn.local_names &&
         (fn.parameters.empty() || fn.parameters[0] != "request");
}

}  // namespace

bool LineShift::PastAddedFunctions(const FileFacts& before, const FileFacts& after,
                                   LineShift* shift, std::vector<std::string>* added) {
  std::set<std::string_view> had;  // module-level functions before the edit
  for (const FunctionDef& fn : before.functions) {
    if (fn.scope.empty()) had.insert(fn.name);
  }
  FileFacts without = after;
  without.functions.clear();
  std::vector<std::string> names;
  for (const FunctionDef& fn : after.functions) {
    if (!fn.scope.empty() || had.count(fn.name) > 0) {
      without.functions.push_back(fn);
    } else if (LinkReadsOnlyByName(fn)) {
      names.push_back(fn.name);
    } else {
      return false;
    }
  }
  // Anything else of the file with the name (a class, an import, an assignment,
  // a string or a dotted name anywhere) is in its encoded facts: the name then
  // may rebind or be looked up, and only Link can say.
  std::string encoded;
  EncodeFacts(without, &encoded);
  for (const std::string& name : names) {
    if (encoded.find(name) != std::string::npos) return false;
  }
  if (names.empty() || !Between(before, without, shift)) return false;
  *added = std::move(names);
  return true;
}

bool LineShift::Map(int line, int* mapped) const {
  auto it = std::lower_bound(map_.begin(), map_.end(), std::make_pair(line, 0),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
  if (it == map_.end() || it->first != line) return false;
  *mapped = it->second;
  return true;
}

bool LineShift::Apply(Inventory* inventory) const {
  const std::string cited = path_ + ":";
  for (const Diagnostic& d : inventory->diagnostics) {
    if (d.message.find(cited) != std::string::npos) return false;
  }
  std::vector<int*> lines = LinesAt(path_, inventory);
  std::vector<int> mapped(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!Map(*lines[i], &mapped[i])) return false;
  }
  for (std::size_t i = 0; i < lines.size(); ++i) *lines[i] = mapped[i];

  LineCounts& counts = inventory->TotalsOf(kind_).lines;
  counts -= before_;
  counts += after_;
  return true;
}

}  // namespace djcost
