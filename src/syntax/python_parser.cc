#include "syntax/python_parser.h"

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

PythonParser::PythonParser() : parser_(ts_parser_new()) {
  error_ = CheckLanguageAbi(PythonLanguage());
  if (error_.empty() && !ts_parser_set_language(parser_, PythonLanguage())) {
    error_ = "tree-sitter refused the Python grammar";
  }
  ok_ = error_.empty();
}

PythonParser::~PythonParser() { ts_parser_delete(parser_); }

SyntaxTree PythonParser::Parse(std::string_view source) {
  if (!ok_) return {};
  ts_parser_reset(parser_);
  TSTree* tree = ts_parser_parse_string(parser_, nullptr, source.data(),
                                        static_cast<uint32_t>(source.size()));
  return SyntaxTree(tree, source);
}

}  // namespace djcost
