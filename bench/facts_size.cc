// djcost_facts_size: where the memory of a scan's facts goes. Extracts every
// .py file under ROOT as a scan does (one thread, no cache) and prints, per kind
// of fact, how many there are and the bytes they hold: the records themselves
// and the heap buffers of their strings (those too long for the string's inline
// buffer). Facts stay in memory through link, so this is the larger part of a
// scan's peak (see docs/performance.md, "Memory"). Allocator overhead and
// vector spare capacity are not counted.
//
// Usage: djcost_facts_size ROOT
#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "discover/discover.h"
#include "extract/extract.h"
#include "syntax/python_parser.h"
#include "util/atomic_file.h"

namespace djcost {
namespace {

struct Tally {
  long count = 0;
  long bytes = 0;
};

class FactSizes {
 public:
  void Add(const FileFacts& f) {
    Record("file", sizeof(FileFacts));
    for (const Import& i : f.imports) {
      Record("import", sizeof(Import));
      Text("import", i.module);
      Text("import", i.name);
      Text("import", i.alias);
    }
    for (const Assignment& a : f.assignments) Assign("module assignment", a);
    for (const ClassDef& c : f.classes) Class(c);
    for (const FunctionDef& fn : f.functions) Function("function", fn);
    for (const CallStatement& c : f.calls) {
      Record("statement call", sizeof(CallStatement) - sizeof(Expr));
      Text("statement call", c.scope);
      Tree("statement call", c.call);
      if (c.loop) {
        Record("statement call's loop", sizeof(LoopContext) - sizeof(Expr));
        Text("statement call's loop", c.loop->variable);
        Tree("statement call's loop", c.loop->iterable);
      }
    }
  }

  void Print() const {
    std::vector<std::pair<std::string, Tally>> rows(tallies_.begin(), tallies_.end());
    std::sort(rows.begin(), rows.end(),
              [](const auto& a, const auto& b) { return a.second.bytes > b.second.bytes; });
    long total = 0;
    for (const auto& [name, t] : rows) total += t.bytes;
    std::printf("| facts | records | MB | share |\n|---|---|---|---|\n");
    for (const auto& [name, t] : rows) {
      std::printf("| %s | %ld | %.1f | %.0f%% |\n", name.c_str(), t.count, t.bytes / 1e6,
                  total ? 100.0 * t.bytes / total : 0.0);
    }
    std::printf("| total | | %.1f | |\n", total / 1e6);
  }

 private:
  void Record(const std::string& kind, std::size_t bytes) {
    Tally& t = tallies_[kind];
    ++t.count;
    t.bytes += static_cast<long>(bytes);
  }
  // A string's heap buffer, when it has one (libstdc++ keeps 15 bytes inline).
  void Text(const std::string& kind, const std::string& s) {
    if (s.capacity() > 15) tallies_[kind + ": strings"].bytes += static_cast<long>(s.capacity() + 1);
  }
  void Tree(const std::string& kind, const Expr& e) {
    Record(kind + ": expressions", sizeof(Expr));
    Text(kind, e.text);
    for (const Expr& item : e.items) Tree(kind, item);
    for (const auto& [key, value] : e.keywords) {
      tallies_[kind + ": expressions"].bytes += sizeof(std::pair<std::string, Expr>) - sizeof(Expr);
      Text(kind, key);
      Tree(kind, value);
    }
  }
  void Assign(const std::string& kind, const Assignment& a) {
    Record(kind, sizeof(Assignment) - sizeof(Expr));
    Text(kind, a.target);
    Tree(kind, a.value);
  }
  void Function(const std::string& kind, const FunctionDef& fn) {
    Record(kind, sizeof(FunctionDef));
    Text(kind, fn.name);
    Text(kind, fn.scope);
    for (const Expr& d : fn.decorators) Tree(kind, d);
    for (const std::string& p : fn.parameters) {
      tallies_[kind + ": parameters"].bytes += sizeof(std::string);
      Text(kind, p);
    }
    for (const CallSite& c : fn.calls) {
      Record("call site in a body", sizeof(CallSite));
      Text("call site in a body", c.callee);
    }
  }
  void Class(const ClassDef& c) {
    Record("class", sizeof(ClassDef));
    Text("class", c.name);
    Text("class", c.scope);
    for (const Expr& b : c.bases) Tree("class", b);
    for (const auto& [key, value] : c.keywords) Tree("class", value);
    for (const Expr& d : c.decorators) Tree("class", d);
    for (const FunctionDef& m : c.methods) Function("method", m);
    for (const Assignment& a : c.attributes) Assign("class attribute", a);
    for (const Assignment& a : c.meta) Assign("class attribute", a);
  }

  std::map<std::string, Tally> tallies_;
};

}  // namespace
}  // namespace djcost

int main(int argc, char** argv) {
  using namespace djcost;
  if (argc != 2) {
    std::fprintf(stderr, "usage: djcost_facts_size ROOT\n");
    return 2;
  }
  const std::string root = argv[1];
  Discovery discovery = Discover(root, DiscoverOptions{});
  PythonParser parser;
  if (!parser.ok()) {
    std::fprintf(stderr, "djcost_facts_size: tree-sitter: %s\n", parser.Error().c_str());
    return 1;
  }
  FactSizes sizes;
  long unreadable = 0;
  for (const SourceFile& file : discovery.files) {
    std::string bytes, error;
    if (!ReadFile(root + "/" + file.path, &bytes, &error)) {
      ++unreadable;
      continue;
    }
    sizes.Add(ExtractForScan(file, bytes, parser));
  }
  std::printf("%zu files under %s", discovery.files.size(), root.c_str());
  if (unreadable) std::printf(" (%ld unreadable, left out)", unreadable);
  std::printf("\n\n");
  sizes.Print();
  return 0;
}
