// CountLines: a small lexer that knows only comments and string literals, so it
// runs without a parse and agrees with the parser on what a comment is.
//
// It runs on every file of a scan, migrations included, so its inner loops skip
// runs of bytes that cannot change its state (code, a string's body, a
// comment's text) with one table lookup per byte.
#include <string_view>

#include "extract/extract.h"
#include "util/byte_set.h"

namespace djcost {
namespace {

struct LineState {
  bool code = false;
  bool comment = false;
};

void Classify(const LineState& line, LineCounts* counts) {
  if (line.code) {
    ++counts->code;
  } else if (line.comment) {
    ++counts->comment;
  } else {
    ++counts->blank;
  }
}

// Where a run of code stops: a line end, a comment or a string may start.
constexpr ByteSet kEndsCode = SetOf("\n\r#'\"");
// Where a run inside a string stops: a line end, an escape or a quote.
constexpr ByteSet kEndsStringRun = SetOf("\n\r\\'\"");
constexpr ByteSet kEndsComment = SetOf("\n\r");

// The first index from `i` whose byte is in `stops`, or `n`.
size_t SkipUntil(const ByteSet& stops, std::string_view bytes, size_t i) {
  const size_t n = bytes.size();
  while (i < n && !Holds(stops, bytes[i])) ++i;
  return i;
}

}  // namespace

LineCounts CountLines(std::string_view bytes) {
  LineCounts counts;
  LineState line;
  bool line_open = false;  // some byte of the current line has been seen
  bool in_string = false;
  bool triple = false;
  bool continued = false;  // a backslash ended this line inside a string
  char quote = 0;
  size_t i = 0;
  const size_t n = bytes.size();
  auto end_line = [&]() {
    Classify(line, &counts);
    line = LineState{};
    line_open = false;
    // Every line a string literal spans is code, blank lines of a docstring included.
    if (in_string) line.code = true;
  };
  while (i < n) {
    char c = bytes[i];
    if (c == '\n' || c == '\r') {
      // A single-quoted string ends with its line unless a backslash continues it
      // (an unterminated one, in a broken file, recovers here too).
      if (in_string && !triple && !continued) in_string = false;
      continued = false;
      end_line();
      i += (c == '\r' && i + 1 < n && bytes[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    line_open = true;
    if (in_string) {
      if (c == '\\') {
        // Skip the escaped byte, unless it ends the line: the line still ends.
        if (i + 1 < n && (bytes[i + 1] == '\n' || bytes[i + 1] == '\r')) {
          continued = true;
          ++i;
        } else {
          i += 2;
        }
        continue;
      }
      if (c == quote) {
        if (!triple) {
          in_string = false;
          ++i;
          continue;
        }
        if (i + 2 < n && bytes[i + 1] == quote && bytes[i + 2] == quote) {
          in_string = false;
          i += 3;
          continue;
        }
      }
      i = SkipUntil(kEndsStringRun, bytes, i + 1);
      continue;
    }
    if (c == '#') {
      line.comment = true;
      i = SkipUntil(kEndsComment, bytes, i + 1);
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
      ++i;
      continue;
    }
    line.code = true;
    if (c == '\'' || c == '"') {
      quote = c;
      in_string = true;
      triple = i + 2 < n && bytes[i + 1] == c && bytes[i + 2] == c;
      i += triple ? 3 : 1;
      continue;
    }
    // The line is code already: spaces and other code up to the next stop change nothing.
    i = SkipUntil(kEndsCode, bytes, i + 1);
  }
  if (line_open) Classify(line, &counts);
  return counts;
}

}  // namespace djcost
