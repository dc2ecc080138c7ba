// Owns tree-sitter objects for Python: one PythonParser per thread, each tree
// and its parser freed on scope exit. Input: bytes; output: a SyntaxTree. Knows nothing of Django.
#pragma once

#include <tree_sitter/api.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "syntax/parse_arena.h"

namespace djcost {

/// The tree-sitter-python grammar compiled into djcost.
const TSLanguage* PythonLanguage();

/// A parsed file, with the parser that made it: both live in a parse arena
/// (syntax/parse_arena.h), emptied when the tree goes. Keeps the bytes' owner
/// responsible for the bytes' lifetime. Freed on the thread that parsed it.
class SyntaxTree {
 public:
  SyntaxTree() = default;
  SyntaxTree(ParseArenaScope arena, TSParser* parser, TSTree* tree, std::string_view source)
      : arena_(std::move(arena)), parser_(parser), tree_(tree), source_(source) {}
  SyntaxTree(SyntaxTree&& other) noexcept;
  SyntaxTree& operator=(SyntaxTree&& other) noexcept;
  SyntaxTree(const SyntaxTree&) = delete;
  SyntaxTree& operator=(const SyntaxTree&) = delete;
  ~SyntaxTree() { Release(); }

  bool ok() const { return tree_ != nullptr; }
  TSNode Root() const { return ts_tree_root_node(tree_); }
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
  // The tree, then the parser, then the arena they live in.
  void Release();

  ParseArenaScope arena_;
  TSParser* parser_ = nullptr;
  TSTree* tree_ = nullptr;
  std::string_view source_;
};

/// Parses Python. Holds no tree-sitter object between parses: each Parse makes
/// its parser in the tree's arena. One per thread all the same.
class PythonParser {
 public:
  PythonParser();
  PythonParser(const PythonParser&) = delete;
  PythonParser& operator=(const PythonParser&) = delete;

  /// False when the runtime rejected the grammar (ABI mismatch); see Error().
  bool ok() const { return ok_; }
  const std::string& Error() const { return error_; }

  /// Parses UTF-8 bytes. An empty tree (ok() false) means tree-sitter gave up,
  /// e.g. on a timeout or cancellation.
  SyntaxTree Parse(std::string_view source);

 private:
  bool ok_ = false;
  std::string error_;
};

/// Explains why `language` cannot be used by this runtime, or "" when it can.
std::string CheckLanguageAbi(const TSLanguage* language);

}  // namespace djcost
