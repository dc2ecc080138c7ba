#include "syntax/python_parser.h"

#include <utility>

extern "C" const TSLanguage* tree_sitter_python();

namespace djcost {

const TSLanguage* PythonLanguage() { return tree_sitter_python(); }

std::string CheckLanguageAbi(const TSLanguage* language) {
  uint32_t abi = ts_language_version(language);
  if (abi < TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION || abi > TREE_SITTER_LANGUAGE_VERSION) {
    return "the Python grammar has ABI " + std::to_string(abi) +
           " but this tree-sitter runtime accepts ABI " +
           std::to_string(TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION) + " to " +
           std::to_string(TREE_SITTER_LANGUAGE_VERSION) +
           "; pin a grammar version in grammars/tree-sitter-python.txt that matches";
  }
  return "";
}

PythonParser::PythonParser() {
  UseParseArenas();
  error_ = CheckLanguageAbi(PythonLanguage());
  if (error_.empty()) {
    TSParser* parser = ts_parser_new();
    if (!ts_parser_set_language(parser, PythonLanguage())) {
      error_ = "tree-sitter refused the Python grammar";
    }
    ts_parser_delete(parser);
  }
  ok_ = error_.empty();
}

SyntaxTree PythonParser::Parse(std::string_view source) {
  if (!ok_) return {};
  ParseArenaScope arena = ParseArenaScope::Begin();
  TSParser* parser = ts_parser_new();
  ts_parser_set_language(parser, PythonLanguage());
  TSTree* tree = ts_parser_parse_string(parser, nullptr, source.data(),
                                        static_cast<uint32_t>(source.size()));
  return SyntaxTree(std::move(arena), parser, tree, source);
}

SyntaxTree::SyntaxTree(SyntaxTree&& other) noexcept
    : arena_(std::move(other.arena_)),
      parser_(std::exchange(other.parser_, nullptr)),
      tree_(std::exchange(other.tree_, nullptr)),
      source_(other.source_) {}

SyntaxTree& SyntaxTree::operator=(SyntaxTree&& other) noexcept {
  if (this != &other) {
    Release();
    arena_ = std::move(other.arena_);
    parser_ = std::exchange(other.parser_, nullptr);
    tree_ = std::exchange(other.tree_, nullptr);
    source_ = other.source_;
  }
  return *this;
}

void SyntaxTree::Release() {
  // From a whole arena the tree goes with it, unwalked; else (the arena ran
  // out, or there was none) some of its nodes are malloc's, freed by the walk.
  if (tree_ != nullptr && !arena_.whole()) ts_tree_delete(tree_);
  tree_ = nullptr;
  // Always: the grammar's scanner keeps its state in malloc's memory.
  if (parser_ != nullptr) ts_parser_delete(parser_);
  parser_ = nullptr;
  arena_ = ParseArenaScope();
}

}  // namespace djcost
