// Decodes Python string literals as written in source (prefix, quotes, escapes)
// into their values. Input: the literal's source text; output: the value.
// Depends on the standard library only.
#pragma once

#include <string>
#include <string_view>

namespace djcost {

struct StringLiteral {
  std::string value;       // decoded; for an f-string, the fields as written
                           // (escapes decoded outside them unless raw)
  bool is_fstring = false;
};

/// Decodes one literal such as `'a\n'`, `r"^\d+$"`, `b'x'`, `"""doc"""` or
/// `f"{x}"`. Escapes follow Python: unknown escapes keep their backslash, raw
/// literals keep every backslash, `\N{...}` is kept as written. An unterminated
/// literal (from a file with syntax errors) yields what follows its opening quote.
StringLiteral DecodeStringLiteral(std::string_view literal);

/// Appends the UTF-8 encoding of `code_point` (U+FFFD when it is not a scalar value).
void AppendUtf8(char32_t code_point, std::string* out);

}  // namespace djcost
