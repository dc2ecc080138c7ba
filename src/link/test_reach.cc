#include "link/test_reach.h"

#include <algorithm>
#include <unordered_set>

#include "data/test_names.h"
#include "data/unread_arguments.h"
#include "link/project_index.h"
#include "util/parallel.h"

namespace djcost {
namespace {

using Components = std::vector<std::string_view>;

void SplitInto(std::string_view text, char separator, Components* out) {
  size_t start = 0;
  while (true) {
    size_t end = text.find(separator, start);
    out->push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return;
    start = end + 1;
  }
}

// "a.b.c" -> {a, b, c}; false unless `text` is a dotted name of identifiers.
bool DottedName(std::string_view text, Components* out) {
  out->clear();
  if (text.empty()) return false;
  SplitInto(text, '.', out);
  for (std::string_view part : *out) {
    if (part.empty() || (part[0] >= '0' && part[0] <= '9') ||
        !std::all_of(part.begin(), part.end(), IsIdentifierByte)) {
      return false;
    }
  }
  return true;
}

std::string_view FolderOf(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

// The components of the module a file is ("a/b/c.py" -> a, b, c; "a/b/__init__.py"
// -> a, b), under the root djcost was pointed at.
std::vector<std::string> ModuleComponents(std::string_view path) {
  std::vector<std::string> out;
  if (!path.ends_with(".py")) return out;
  Components parts;
  SplitInto(path.substr(0, path.size() - 3), '/', &parts);
  if (parts.back() == "__init__") parts.pop_back();
  out.assign(parts.begin(), parts.end());
  return out;
}

// True when the module named by `reference` may be `module` under some source
// root: their last components agree for as long as both have components (the
// root may sit above or below the folder scanned).
bool MayName(const Components& reference, size_t length, const std::vector<std::string>& module) {
  size_t n = std::min(length, module.size());
  for (size_t i = 1; i <= n; ++i) {
    if (reference[length - i] != module[module.size() - i]) return false;
  }
  return n > 0;
}

}  // namespace

TestFileReach::TestFileReach(const std::vector<FileFacts>& files, const TestReachRules& rules)
    : files_(files),
      model_bases_(rules.model_bases),
      read_(files.size(), 0),
      module_of_(files.size()),
      at_top_(files.size(), 0) {
  // Folders that are packages, and folders a manage.py puts on sys.path.
  std::unordered_set<std::string_view> packages, projects;
  for (const FileFacts& f : files) {
    std::string_view path = f.file.path;
    size_t slash = path.rfind('/');
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    if (name == "__init__.py") packages.insert(FolderOf(path));
    if (name == "manage.py") projects.insert(FolderOf(path));
  }
  std::size_t read_count = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (files[i].counts_alone) {
      read_[i] = 1;
      ++read_count;
      // A migration names nothing link reads, and a scan does not parse it.
      if (files[i].file.kind != FileKind::kMigration) pending_.push_back(i);
      continue;
    }
    module_of_[i] = ModuleComponents(files[i].file.path);
    if (module_of_[i].empty()) continue;
    // The folder the module is a name in: for a/b/c.py and a/b/c/__init__.py, a/b.
    std::string_view path = files[i].file.path;
    std::string_view folder = FolderOf(path);
    if (path.ends_with("__init__.py")) folder = FolderOf(folder);
    at_top_[i] = folder.empty() || projects.count(folder) > 0 || folder == "src" ||
                 packages.count(folder) == 0;
    const std::string& last = module_of_[i].back();
    by_last_component_[last].push_back(i);
    if (!last.empty()) ends_.set(Ends(last));
    lengths_.set(std::min<size_t>(last.size(), 63));
  }
  unread_ = files.size() - read_count;
  // Reached before any file is read: the first Follow returns them, with the
  // classes that may be models (read by the first Follow, beside the files).
  Found found;
  for (const std::string& module : rules.named_modules) ReachString("", module, true, &found);
  Mark(found);
}

void TestFileReach::Mark(const Found& found) {
  for (std::size_t file : found) {
    if (read_[file]) continue;
    read_[file] = 1;
    --unread_;
    reached_.push_back(file);
  }
}

void TestFileReach::ReachClassesThatMayBeModels(Found* found_files) const {
  // Every class of the project by name: from the parsed facts of other files,
  // from the headers of test files (parsed or not, so that the answer never
  // depends on which were parsed). Not from migrations, which a scan does not
  // parse. A name may be a model when it is one of `model_bases`, or when a
  // class so named has a base that may be one: a base not named as a test case
  // that is no class of the project, or a class name that may be a model in
  // turn. The rest (the greatest set whose classes derive only from test cases
  // and each other) are no model; found by a walk from the first, linear in
  // the bases.
  struct ClassName {
    bool may_be_model = false;
    std::vector<std::string_view> derived;  // classes with a definition that names it a base
  };
  std::unordered_map<std::string_view, ClassName, NameHasher> classes;
  std::vector<std::pair<std::string_view, std::string_view>> derives;  // (class, base)
  auto define = [&](std::string_view name) { classes.try_emplace(name); };
  auto base = [&](std::string_view name, std::string_view b) {
    if (!NamedAsTestCase(b)) derives.emplace_back(name, b);
  };
  for (const FileFacts& f : files_) {
    if (f.file.kind == FileKind::kMigration) continue;
    if (f.file.kind == FileKind::kTest) {
      for (const ClassHeader& h : f.class_headers) {
        define(h.name);
        for (const std::string& b : h.bases) base(h.name, b);
      }
      continue;
    }
    for (const ClassDef& c : f.classes) {
      define(c.name);
      for (const Expr& b : c.bases) {
        base(c.name, b.kind == ExprKind::kName ? LastComponent(b.text) : std::string_view("?"));
      }
      if (!c.keywords.empty()) base(c.name, "?");
    }
  }
  std::vector<std::string_view> found;  // may be a model, its derived classes not yet marked
  auto mark = [&](ClassName& c, std::string_view name) {
    if (c.may_be_model) return;
    c.may_be_model = true;
    found.push_back(name);
  };
  for (const std::string& m : model_bases_) {
    auto it = classes.find(m);
    if (it != classes.end()) mark(it->second, it->first);
  }
  for (const auto& [name, b] : derives) {
    auto it = classes.find(b);
    if (it == classes.end()) {
      mark(classes.find(name)->second, name);
    } else {
      it->second.derived.push_back(name);
    }
  }
  while (!found.empty()) {
    std::string_view name = found.back();
    found.pop_back();
    for (std::string_view d : classes.find(name)->second.derived) mark(classes.find(d)->second, d);
  }
  auto safe = [&](std::string_view b) {
    if (NamedAsTestCase(b)) return true;
    auto it = classes.find(b);
    return it != classes.end() && !it->second.may_be_model;
  };
  for (std::size_t i = 0; i < files_.size(); ++i) {
    if (read_[i]) continue;
    for (const ClassHeader& h : files_[i].class_headers) {
      if (std::all_of(h.bases.begin(), h.bases.end(), safe)) continue;
      found_files->push_back(i);
      break;
    }
  }
}

std::size_t TestFileReach::Ends(std::string_view name) {
  return static_cast<unsigned char>(name.front()) << 8 | static_cast<unsigned char>(name.back());
}

bool TestFileReach::MayBeLastComponent(std::string_view name) const {
  return !name.empty() && ends_.test(Ends(name)) &&
         lengths_.test(std::min<size_t>(name.size(), 63));
}

bool TestFileReach::NamesAModuleLeft(std::string_view dotted) const {
  for (size_t start = 0; start <= dotted.size();) {
    size_t end = start;
    while (end < dotted.size() && dotted[end] != '.') ++end;
    std::string_view part = dotted.substr(start, end - start);
    if (MayBeLastComponent(part) && by_last_component_.find(part) != by_last_component_.end()) {
      return true;
    }
    start = end + 1;
  }
  return false;
}

std::vector<std::size_t> TestFileReach::Follow(int jobs) {
  std::vector<std::size_t> reading;
  reading.swap(pending_);
  // With every file read (a project without tests), nothing is left to reach.
  const bool classes = !classes_read_ && unread_ > 0;
  classes_read_ = true;
  if (unread_ == 0) reading.clear();
  // The classes that may be models (on the first call), then the files in
  // chunks, each task finding apart; what they found is marked read after.
  constexpr std::size_t kFilesPerTask = 64;
  const std::size_t chunks = (reading.size() + kFilesPerTask - 1) / kFilesPerTask;
  const std::size_t first_chunk = classes ? 1 : 0;
  std::vector<Found> found(first_chunk + chunks);
  ParallelFor(found.size(), jobs, [&](std::size_t task, int) {
    if (task < first_chunk) {
      ReachClassesThatMayBeModels(&found[task]);
      return;
    }
    const std::size_t begin = (task - first_chunk) * kFilesPerTask;
    const std::size_t end = std::min(reading.size(), begin + kFilesPerTask);
    for (std::size_t k = begin; k < end; ++k) ReadFile(reading[k], &found[task]);
  });
  for (const Found& f : found) Mark(f);
  std::vector<std::size_t> reached;
  reached.swap(reached_);
  std::sort(reached.begin(), reached.end());
  pending_ = reached;
  return reached;
}

void TestFileReach::Reach(const Components& reference, bool any_depth, Found* found) const {
  for (size_t length = 1; length <= reference.size(); ++length) {
    if (!MayBeLastComponent(reference[length - 1])) continue;
    auto it = by_last_component_.find(reference[length - 1]);
    if (it == by_last_component_.end()) continue;
    for (std::size_t candidate : it->second) {
      if (read_[candidate] || !MayName(reference, length, module_of_[candidate])) continue;
      if (length == 1 && !any_depth && !at_top_[candidate]) continue;
      found->push_back(candidate);
    }
  }
}

void TestFileReach::ReachPath(std::string_view folder, std::string_view pattern,
                              Found* found) const {
  if (pattern.empty() || pattern[0] == '/') return;
  std::string glob = folder.empty() ? std::string(pattern) : std::string(folder) + "/" +
                                                                  std::string(pattern);
  for (auto& [last, candidates] : by_last_component_) {
    for (std::size_t candidate : candidates) {
      if (!read_[candidate] && GlobMatch(glob, files_[candidate].file.path)) {
        found->push_back(candidate);
      }
    }
  }
}

void TestFileReach::ReachString(std::string_view folder, std::string_view text, bool any_depth,
                                Found* found) const {
  if (text.size() > 3 && text.ends_with(".py")) {
    ReachPath(folder, text, found);
    return;
  }
  while (!text.empty() && text.front() == '.') text.remove_prefix(1);
  while (!text.empty() && text.back() == '.') text.remove_suffix(1);
  // Most strings are prose, or name no module left to reach: passed over
  // before they are split.
  if (!NamesAModuleLeft(text)) return;
  Components reference;
  if (DottedName(text, &reference)) Reach(reference, any_depth, found);
}

void TestFileReach::ReadFile(std::size_t file, Found* found) const {
  const FileFacts& facts = files_[file];
  const std::string_view folder = FolderOf(facts.file.path);
  Components folder_parts;
  if (!folder.empty()) SplitInto(folder, '/', &folder_parts);

  // Imports, and the names they bind to the modules they name. Most name no
  // test module left to reach: neither reached nor split, their bindings kept
  // as the import, its components made only for a name that may reach more.
  bool folder_may_reach = false;
  for (std::string_view part : folder_parts) folder_may_reach |= NamesAModuleLeft(part);
  // The module an import names, `and_name` with the name imported from it;
  // false when it names none (a relative import above the root).
  auto imported = [&](const Import& imp, bool and_name, Components* out) {
    out->clear();
    if (imp.level > 0) {
      if (static_cast<size_t>(imp.level - 1) > folder_parts.size()) return false;
      out->assign(folder_parts.begin(), folder_parts.end() - (imp.level - 1));
    }
    if (!imp.module.empty()) SplitInto(imp.module, '.', out);
    if (out->empty()) return false;
    if (and_name) out->push_back(imp.name);
    return true;
  };
  // What a name binds: the module and name imported, the module (`import a.b
  // as c`), or the module's first part (`import a.b` binds `a`).
  enum class Binds { kModuleAndName, kModule, kFirstPart };
  std::unordered_map<std::string_view, std::pair<const Import*, Binds>, NameHasher> bound;
  Components module, reference;
  for (const Import& imp : facts.imports) {
    const size_t up = imp.level > 0 ? static_cast<size_t>(imp.level - 1) : 0;
    if (up > folder_parts.size() ||
        (imp.module.empty() && (imp.level == 0 || up == folder_parts.size()))) {
      continue;  // names no module, as `imported` would say
    }
    if (NamesAModuleLeft(imp.module) || NamesAModuleLeft(imp.name) ||
        (imp.level > 0 && folder_may_reach)) {
      imported(imp, false, &module);
      Reach(module, false, found);
      if (!imp.star && !imp.name.empty()) {
        module.push_back(imp.name);
        Reach(module, false, found);
      }
    }
    if (imp.star) continue;
    const Binds binds = !imp.name.empty()    ? Binds::kModuleAndName
                        : !imp.alias.empty() ? Binds::kModule
                                             : Binds::kFirstPart;  // `import a.b`, never relative
    bound[BoundName(imp)] = {&imp, binds};
  }

  // What an import binds was reached with its import, every prefix of it:
  // only the parts after it can reach more.
  auto name = [&](std::string_view text) {
    size_t dot = text.find('.');
    if (dot == std::string_view::npos || !NamesAModuleLeft(text.substr(dot + 1))) return;
    auto it = bound.find(text.substr(0, dot));
    if (it == bound.end()) return;
    const auto [imp, binds] = it->second;
    imported(*imp, binds == Binds::kModuleAndName, &reference);
    if (binds == Binds::kFirstPart) reference.resize(1);
    SplitInto(text.substr(dot + 1), '.', &reference);
    Reach(reference, false, found);
  };
  // An entry point's strings may name the settings module, looked up at any depth.
  const std::string_view base =
      std::string_view(facts.file.path).substr(folder.empty() ? 0 : folder.size() + 1);
  const bool entry_point = base == "manage.py" || base == "wsgi.py" || base == "asgi.py";
  auto string = [&](std::string_view text) { ReachString(folder, text, entry_point, found); };
  auto expr = [&](auto& self, const Expr& e) -> void {
    switch (e.kind) {
      case ExprKind::kString: string(e.text); break;
      case ExprKind::kName:
      case ExprKind::kCall: name(e.text); break;
      case ExprKind::kFString: {
        // `f"{PROJECT}.urls"`: each run of a dotted name's characters.
        std::string_view t = e.text;
        for (size_t i = 0; i < t.size();) {
          size_t start = i;
          while (i < t.size() && (IsIdentifierByte(t[i]) || t[i] == '.')) ++i;
          if (i > start) string(t.substr(start, i - start));
          else ++i;
        }
        break;
      }
      default: break;
    }
    for (const Expr& item : e.items) self(self, item);
    for (const auto& [key, value] : e.keywords) {
      string(key);
      self(self, value);
    }
  };
  auto visit = [&](const Expr& e) { expr(expr, e); };
  auto assignments = [&](const std::vector<Assignment>& list) {
    for (const Assignment& a : list) visit(a.value);
  };
  // A file's statement calls' arguments only where every extraction keeps
  // them: a scan drops those link never reads (data/unread_arguments.h). A
  // local list's calls keep theirs.
  auto calls = [&](const std::vector<CallStatement>& list, bool all_arguments) {
    for (const CallStatement& c : list) {
      if (!all_arguments && !LinkReadsArguments(c)) {
        name(c.call.text);
        continue;
      }
      visit(c.call);
      if (c.loop) visit(c.loop->iterable);
    }
  };
  auto function = [&](const FunctionDef& fn) {
    for (const Expr& d : fn.decorators) visit(d);
    for (const CallSite& site : fn.calls) name(site.callee);
    if (fn.returned) visit(*fn.returned);
    if (fn.local_list) {
      assignments(fn.local_list->assignments);
      calls(fn.local_list->calls, true);
    }
    if (fn.local_names) assignments(*fn.local_names);
  };

  assignments(facts.assignments);
  calls(facts.calls, false);
  for (const FunctionDef& fn : facts.functions) function(fn);
  for (const ClassDef& cls : facts.classes) {
    for (const Expr& b : cls.bases) visit(b);
    for (const auto& [key, value] : cls.keywords) visit(value);
    for (const Expr& d : cls.decorators) visit(d);
    for (const FunctionDef& m : cls.methods) function(m);
    assignments(cls.attributes);
    assignments(cls.meta);
    for (const Expr& b : cls.meta_bases) visit(b);
  }
  for (const auto& guard : facts.guards) {
    for (const AppCondition& condition : guard) string(condition.app);
  }
  for (const LoopContext& loop : facts.loops) visit(loop.iterable);
}

TestReachRules TestReachRulesOf(const RuleSet& rules) {
  TestReachRules out;
  auto settings = rules.options.find("settings");
  if (settings != rules.options.end() && !settings->second.empty()) {
    out.named_modules.push_back(settings->second);
  }
  out.model_bases.push_back("Model");
  for (const KnownClass& c : rules.classes) {
    if (!c.HasTag("model")) continue;
    out.model_bases.emplace_back(LastComponent(c.qualname));
    for (const std::string& alias : c.aliases) out.model_bases.emplace_back(LastComponent(alias));
  }
  std::sort(out.model_bases.begin(), out.model_bases.end());
  out.model_bases.erase(std::unique(out.model_bases.begin(), out.model_bases.end()),
                        out.model_bases.end());
  return out;
}

std::vector<char> TestFilesRead(const std::vector<FileFacts>& files, const TestReachRules& rules,
                                int jobs) {
  TestFileReach reach(files, rules);
  while (!reach.Follow(jobs).empty()) {
  }
  std::vector<char> read(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) read[i] = reach.Reads(i);
  return read;
}

FileFacts UnreadTestFile(const FileFacts& facts) {
  FileFacts out;
  out.file = facts.file;
  out.counts_alone = facts.counts_alone;
  out.class_headers = facts.class_headers;
  out.lines = facts.lines;
  // What extraction says before it parses; what a parse said goes with the parse.
  for (const Diagnostic& d : facts.diagnostics) {
    if (d.code == "not-python-source" || d.code == "not-utf8") out.diagnostics.push_back(d);
  }
  return out;
}

}  // namespace djcost
