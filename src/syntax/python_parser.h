// Owns tree-sitter objects for Python: one PythonParser per thread, trees freed
// on scope exit. Input: bytes; output: a SyntaxTree. Knows nothing of Django.
#pragma once

#include <tree_sitter/api.h>

#include <memory>
#include <string>
#include <string_view>

namespace djcost {

/// The tree-sitter-python grammar compiled into djcost.
const TSLanguage* PythonLanguage();

struct TreeDeleter {
  void operator()(TSTree* tree) const { ts_tree_delete(tree); }
};

/// A parsed file. Keeps the bytes' owner responsible for the bytes' lifetime.
class SyntaxTree {
 public:
  SyntaxTree() = default;
  SyntaxTree(TSTree* tree, std::string_view source) : tree_(tree), source_(source) {}

  bool ok() const { return tree_ != nullptr; }
  TSNode Root() const { return ts_tree_root_node(tree_.get()); }
  std::string_view Source() const { return source_; }
  /// The bytes `node` spans; empty for a null node (absent optional fields).
  std::string_view Text(TSNode node) const {
    if (ts_node_is_null(node)) return {};
    uint32_t begin = ts_node_start_byte(node);
    uint32_t end = ts_node_end_byte(node);
    if (begin > source_.size() || end > source_.size() || end < begin) return {};
    return source_.substr(begin, end - begin);
  }

 private:
  std::unique_ptr<TSTree, TreeDeleter> tree_;
  std::string_view source_;
};

class PythonParser {
 public:
  PythonParser();
  ~PythonParser();
  PythonParser(const PythonParser&) = delete;
  PythonParser& operator=(const PythonParser&) = delete;

  /// False when the runtime rejected the grammar (ABI mismatch); see Error().
  bool ok() const { return ok_; }
  const std::string& Error() const { return error_; }

  /// Parses UTF-8 bytes. An empty tree (ok() false) means tree-sitter gave up,
  /// e.g. on a timeout or cancellation.
  SyntaxTree Parse(std::string_view source);

 private:
  TSParser* parser_ = nullptr;
  bool ok_ = false;
  std::string error_;
};

/// Explains why `language` cannot be used by this runtime, or "" when it can.
std::string CheckLanguageAbi(const TSLanguage* language);

}  // namespace djcost
