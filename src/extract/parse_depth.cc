#include "extract/parse_depth.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "util/byte_set.h"

namespace djcost {

namespace {

// What a byte can start, so the lexer's loops take one table lookup per byte.
enum ByteClass : unsigned char {
  kOther,  // a NUL, a stray `$` or `?`, `\v`: one token each
  kWord,
  kNewline,
  kSpace,
  kBackslash,
  kHash,
  kQuote,
  kOpen,
  kClose,
  kComma,
  kSemicolon,
  kOperator,
};

constexpr std::array<ByteClass, 256> MakeClasses() {
  std::array<ByteClass, 256> classes{};
  for (int c = 0; c < 256; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
        c >= 0x80) {
      classes[c] = kWord;
    }
  }
  classes['\n'] = classes['\r'] = kNewline;
  classes[' '] = classes['\t'] = classes['\f'] = kSpace;
  classes['\\'] = kBackslash;
  classes['#'] = kHash;
  classes['\''] = classes['"'] = kQuote;
  classes['('] = classes['['] = classes['{'] = kOpen;
  classes[')'] = classes[']'] = classes['}'] = kClose;
  classes[','] = kComma;
  classes[';'] = kSemicolon;
  for (char c : std::string_view("+-*/%@&|^~<>=!.:")) {
    classes[static_cast<unsigned char>(c)] = kOperator;
  }
  return classes;
}

constexpr std::array<ByteClass, 256> kClasses = MakeClasses();

ByteClass ClassOf(char c) { return kClasses[static_cast<unsigned char>(c)]; }

// Left-associative binary operators: after an operand, the parser reduces
// what came before them, so they end a run instead of lengthening it:
// + - * / // % @ & | ^ << >> < > == != <= >= and `.`.
bool ReducesRun(std::string_view op) {
  if (op.size() == 1) return op != "~" && op != "=" && op != "!" && op != ":";
  if (op.size() != 2) return false;
  return op == "//" || op == "<<" || op == ">>" || op == "==" || op == "!=" || op == "<=" ||
         op == ">=";
}

bool IsLeftKeyword(std::string_view word) {
  return word == "and" || word == "or" || word == "in" || word == "is";
}

// Where a run inside a string literal stops: an escape, a quote or a line end
// (only '\n' ends an unterminated one here).
constexpr ByteSet kStringStops = SetOf("\\'\"\n");

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
    while (i < b.size() && !Holds(kStringStops, b[i])) ++i;
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
  const std::size_t n = b.size();
  while (i < n) {
    if (line_start && runs.size() == 1) {
      std::size_t column = 0;
      while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\f')) {
        column = b[i] == '\t' ? (column / 8 + 1) * 8 : b[i] == '\f' ? 0 : column + 1;
        ++i;
      }
      if (i >= n) break;
      line_start = false;
      if (b[i] != '\n' && b[i] != '\r' && b[i] != '#') {
        while (column < indents.back()) indents.pop_back();
        if (column > indents.back()) indents.push_back(column);
      }
      continue;
    }
    const char c = b[i];
    switch (ClassOf(c)) {
      case kNewline:
        if (runs.size() == 1) {
          reset_run();
          line_start = true;
          after_operand = false;
        }
        ++i;
        break;
      case kSpace:
        ++i;
        break;
      case kBackslash:
        if (i + 1 < n && (b[i + 1] == '\n' || b[i + 1] == '\r')) {
          i += 2;  // an explicit line continuation
        } else {
          token();  // a stray backslash
          after_operand = false;
          ++i;
        }
        break;
      case kHash:
        while (i < n && b[i] != '\n' && b[i] != '\r') ++i;
        break;
      case kQuote:
        token();
        i = SkipString(b, i);
        after_operand = true;
        break;
      case kWord: {
        std::size_t start = i;
        while (i < n && ClassOf(b[i]) == kWord) ++i;
        if (after_operand && IsLeftKeyword(b.substr(start, i - start))) reset_run();
        token();
        after_operand = true;
        break;
      }
      case kOpen:
        runs.push_back(0);
        update();
        after_operand = false;
        ++i;
        break;
      case kClose:
        if (runs.size() > 1) {
          run_sum -= runs.back();
          runs.pop_back();
          after_operand = true;
        } else {
          token();  // a stray closing bracket
          after_operand = false;
        }
        ++i;
        break;
      case kSemicolon:
        if (runs.size() > 1) {
          token();  // inside brackets a `;` is junk
          after_operand = false;
          ++i;
          break;
        }
        [[fallthrough]];
      case kComma:
        reset_run();
        after_operand = false;
        ++i;
        break;
      case kOperator: {
        std::size_t start = i;
        while (i < n && ClassOf(b[i]) == kOperator) ++i;
        if (after_operand && ReducesRun(b.substr(start, i - start))) {
          reset_run();
          token();
        } else {
          // Prefix or right-associative operators wait for their right operand:
          // each byte may be one (`- - -x` written `---x`).
          for (std::size_t k = start; k < i; ++k) token();
        }
        after_operand = false;
        break;
      }
      case kOther:
        token();  // a NUL or other junk
        after_operand = false;
        ++i;
        break;
    }
  }
  return best;
}

}  // namespace djcost
