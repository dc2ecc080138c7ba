#include "extract/parse_depth.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace djcost {

namespace {

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c >= 0x80;
}

bool IsOperatorByte(char c) {
  return std::string_view("+-*/%@&|^~<>=!.:").find(c) != std::string_view::npos;
}

// Left-associative binary operators: after an operand, the parser reduces
// what came before them, so they end a run instead of lengthening it.
bool ReducesRun(std::string_view op) {
  static const std::set<std::string_view> kLeft = {
      "+", "-", "*", "/", "//", "%", "@", "&", "|", "^", "<<", ">>",
      "<", ">", "==", "!=", "<=", ">=", "."};
  return kLeft.count(op) > 0;
}

bool IsLeftKeyword(std::string_view word) {
  return word == "and" || word == "or" || word == "in" || word == "is";
}

// The end of the string literal whose opening quote is at `i`.
std::size_t SkipString(std::string_view b, std::size_t i) {
  const char quote = b[i];
  const bool triple = i + 2 < b.size() && b[i + 1] == quote && b[i + 2] == quote;
  i += triple ? 3 : 1;
  while (i < b.size()) {
    char c = b[i];
    if (c == '\\') {
      i += 2;
      continue;
    }
    if (c == quote && (!triple || (i + 2 < b.size() && b[i + 1] == quote && b[i + 2] == quote))) {
      return i + (triple ? 3 : 1);
    }
    if (!triple && c == '\n') return i;  // unterminated: the line ends it
    ++i;
  }
  return i;
}

}  // namespace

std::size_t ParseDepthBound(std::string_view b) {
  std::vector<std::size_t> runs(1, 0);  // unreduced tokens, per bracket level
  std::size_t run_sum = 0;
  std::vector<std::size_t> indents(1, 0);  // Python's indentation stack
  std::size_t best = 0;
  bool line_start = true;
  bool after_operand = false;  // the previous token was a name, literal or closing bracket
  std::size_t i = 0;
  auto update = [&] {
    best = std::max(best, run_sum + (runs.size() - 1) + 4 * (indents.size() - 1));
  };
  auto token = [&] {
    ++runs.back();
    ++run_sum;
    update();
  };
  auto reset_run = [&] {
    run_sum -= runs.back();
    runs.back() = 0;
  };
  while (i < b.size()) {
    unsigned char c = static_cast<unsigned char>(b[i]);
    if (line_start && runs.size() == 1) {
      std::size_t column = 0;
      while (i < b.size() && (b[i] == ' ' || b[i] == '\t' || b[i] == '\f')) {
        column = b[i] == '\t' ? (column / 8 + 1) * 8 : b[i] == '\f' ? 0 : column + 1;
        ++i;
      }
      if (i >= b.size()) break;
      line_start = false;
      if (b[i] != '\n' && b[i] != '\r' && b[i] != '#') {
        while (column < indents.back()) indents.pop_back();
        if (column > indents.back()) indents.push_back(column);
      }
      continue;
    }
    if (c == '\n' || c == '\r') {
      if (runs.size() == 1) {
        reset_run();
        line_start = true;
        after_operand = false;
      }
      ++i;
    } else if (c == ' ' || c == '\t' || c == '\f') {
      ++i;
    } else if (c == '\\' && i + 1 < b.size() && (b[i + 1] == '\n' || b[i + 1] == '\r')) {
      i += 2;  // an explicit line continuation
    } else if (c == '#') {
      while (i < b.size() && b[i] != '\n' && b[i] != '\r') ++i;
    } else if (c == '"' || c == '\'') {
      token();
      i = SkipString(b, i);
      after_operand = true;
    } else if (IsWordByte(c)) {
      std::size_t start = i;
      while (i < b.size() && IsWordByte(static_cast<unsigned char>(b[i]))) ++i;
      if (after_operand && IsLeftKeyword(b.substr(start, i - start))) reset_run();
      token();
      after_operand = true;
    } else if (c == '(' || c == '[' || c == '{') {
      runs.push_back(0);
      update();
      after_operand = false;
      ++i;
    } else if ((c == ')' || c == ']' || c == '}') && runs.size() > 1) {
      run_sum -= runs.back();
      runs.pop_back();
      after_operand = true;
      ++i;
    } else if (c == ',' || (c == ';' && runs.size() == 1)) {
      reset_run();
      after_operand = false;
      ++i;
    } else if (IsOperatorByte(static_cast<char>(c))) {
      std::size_t start = i;
      while (i < b.size() && IsOperatorByte(b[i])) ++i;
      if (after_operand && ReducesRun(b.substr(start, i - start))) {
        reset_run();
        token();
      } else {
        // Prefix or right-associative operators wait for their right operand:
        // each byte may be one (`- - -x` written `---x`).
        for (std::size_t k = start; k < i; ++k) token();
      }
      after_operand = false;
    } else {
      token();  // a stray closing bracket, NUL or other junk
      after_operand = false;
      ++i;
    }
  }
  return best;
}

}  // namespace djcost
