// The floor of issue 6: lists every .py file under a root with djcost's own
// discovery, reads each and parses it with tree-sitter on N threads (one
// parser per thread), and does nothing else. Prints files, bytes and
// seconds on one line, so bench/run can compare djcost's cold scan with it.
// Depends on djcost_discover, djcost_syntax and djcost_util only.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "discover/discover.h"
#include "syntax/python_parser.h"
#include "util/parallel.h"

namespace djcost {
namespace {

struct FloorOptions {
  std::string root;
  int jobs = 0;       // 0: one thread per core, as djcost --jobs 0
  bool walk = false;  // also visit every node once (what an extractor adds at least)
};

// The bare parse the floor measures: tree-sitter's own allocator, one parser
// per thread kept between files, each tree freed by ts_tree_delete. Built with
// DJCOST_FLOOR_ALLOCATES_AS_DJCOST (djcost_floor_mimalloc), the floor parses
// as djcost does instead: PythonParser's parse arenas (syntax/parse_arena.h),
// with mimalloc linked, so that djcost's lead from allocation alone shows.
class BareTree {
 public:
  explicit BareTree(TSTree* tree) : tree_(tree) {}
  bool ok() const { return tree_ != nullptr; }
  TSNode Root() const { return ts_tree_root_node(tree_.get()); }

 private:
  struct Delete {
    void operator()(TSTree* tree) const { ts_tree_delete(tree); }
  };
  std::unique_ptr<TSTree, Delete> tree_;
};

class BareParser {
 public:
  BareParser() : parser_(ts_parser_new()) {
    error_ = CheckLanguageAbi(PythonLanguage());
    if (error_.empty() && !ts_parser_set_language(parser_, PythonLanguage())) {
      error_ = "tree-sitter refused the Python grammar";
    }
  }
  ~BareParser() { ts_parser_delete(parser_); }
  BareParser(const BareParser&) = delete;
  BareParser& operator=(const BareParser&) = delete;
  bool ok() const { return error_.empty(); }
  const std::string& Error() const { return error_; }
  BareTree Parse(std::string_view source) {
    ts_parser_reset(parser_);
    return BareTree(ts_parser_parse_string(parser_, nullptr, source.data(),
                                           static_cast<uint32_t>(source.size())));
  }

 private:
  TSParser* parser_;
  std::string error_;
};

#ifdef DJCOST_FLOOR_ALLOCATES_AS_DJCOST
using FloorParser = PythonParser;
#else
using FloorParser = BareParser;
#endif

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = std::move(buffer).str();
  return true;
}

// Visits every node with a cursor and returns how many there were, so the
// compiler cannot drop the walk.
std::uint64_t CountNodes(TSNode root) {
  std::uint64_t count = 0;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  for (;;) {
    ++count;
    if (ts_tree_cursor_goto_first_child(&cursor)) continue;
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        ts_tree_cursor_delete(&cursor);
        return count;
      }
    }
  }
}

int RunFloor(const FloorOptions& options) {
  auto start = std::chrono::steady_clock::now();
  Discovery discovery = Discover(options.root, DiscoverOptions{});
  const std::size_t n = discovery.files.size();
  const int workers = WorkerCount(n, options.jobs);
  std::vector<std::unique_ptr<FloorParser>> parsers;
  for (int i = 0; i < workers; ++i) {
    parsers.push_back(std::make_unique<FloorParser>());
    if (!parsers.back()->ok()) {
      std::cerr << "floor: " << parsers.back()->Error() << "\n";
      return 2;
    }
  }
  std::atomic<std::uint64_t> bytes{0}, unreadable{0}, failed{0}, with_errors{0}, nodes{0};
  const std::string root = options.root;
  ParallelFor(n, options.jobs, [&](std::size_t index, int worker) {
    std::string source;
    if (!ReadFile(root + "/" + discovery.files[index].path, &source)) {
      unreadable.fetch_add(1, std::memory_order_relaxed);
      return;
    }
    bytes.fetch_add(source.size(), std::memory_order_relaxed);
    auto tree = parsers[worker]->Parse(source);
    if (!tree.ok()) {
      failed.fetch_add(1, std::memory_order_relaxed);
      return;
    }
    if (ts_node_has_error(tree.Root())) with_errors.fetch_add(1, std::memory_order_relaxed);
    if (options.walk) nodes.fetch_add(CountNodes(tree.Root()), std::memory_order_relaxed);
  });
  std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
  std::printf("files=%zu bytes=%llu seconds=%.3f threads=%d unreadable=%llu failed=%llu "
              "files_with_errors=%llu",
              n, static_cast<unsigned long long>(bytes.load()), seconds.count(), workers,
              static_cast<unsigned long long>(unreadable.load()),
              static_cast<unsigned long long>(failed.load()),
              static_cast<unsigned long long>(with_errors.load()));
  if (options.walk) std::printf(" nodes=%llu", static_cast<unsigned long long>(nodes.load()));
  std::printf("\n");
  return 0;
}

int Usage() {
  std::cerr << "usage: djcost_floor ROOT [--jobs N] [--walk]\n";
  return 2;
}

}  // namespace
}  // namespace djcost

int main(int argc, char** argv) {
  djcost::FloorOptions options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--jobs" && i + 1 < argc) {
      options.jobs = std::atoi(argv[++i]);
    } else if (arg.rfind("--jobs=", 0) == 0) {
      options.jobs = std::atoi(arg.c_str() + 7);
    } else if (arg == "--walk") {
      options.walk = true;
    } else if (!arg.empty() && arg[0] != '-' && options.root.empty()) {
      options.root = arg;
    } else {
      return djcost::Usage();
    }
  }
  if (options.root.empty() || options.jobs < 0) return djcost::Usage();
  return djcost::RunFloor(options);
}
