#include "extract/string_literal.h"

#include <cctype>

namespace djcost {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads exactly `digits` hex digits at body[i...]; -1 when they are not all there.
long ReadHex(std::string_view body, size_t i, int digits) {
  if (i + digits > body.size()) return -1;
  long value = 0;
  for (int d = 0; d < digits; ++d) {
    int h = HexValue(body[i + d]);
    if (h < 0) return -1;
    value = value * 16 + h;
  }
  return value;
}

std::string DecodeEscapes(std::string_view body, bool is_bytes) {
  std::string out;
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c != '\\' || i + 1 >= body.size()) {
      out += c;
      continue;
    }
    char e = body[i + 1];
    size_t consumed = 2;  // the backslash and `e`
    switch (e) {
      case '\n': break;  // line continuation inside the literal
      case '\r':
        if (i + 2 < body.size() && body[i + 2] == '\n') consumed = 3;
        break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case 'x': {
        long v = ReadHex(body, i + 2, 2);
        if (v < 0) {
          out.append(body.substr(i, 2));
          break;
        }
        if (is_bytes) {
          out += static_cast<char>(v);
        } else {
          AppendUtf8(static_cast<char32_t>(v), &out);
        }
        consumed = 4;
        break;
      }
      case 'u':
      case 'U': {
        int digits = e == 'u' ? 4 : 8;
        long v = is_bytes ? -1 : ReadHex(body, i + 2, digits);
        if (v < 0) {
          out.append(body.substr(i, 2));
          break;
        }
        AppendUtf8(static_cast<char32_t>(v), &out);
        consumed = 2 + digits;
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          int v = 0;
          size_t j = i + 1;
          while (j < body.size() && j < i + 4 && body[j] >= '0' && body[j] <= '7') {
            v = v * 8 + (body[j] - '0');
            ++j;
          }
          if (is_bytes) {
            out += static_cast<char>(v & 0xff);
          } else {
            AppendUtf8(static_cast<char32_t>(v), &out);
          }
          consumed = j - i;
        } else {
          // Unknown escapes (and \N{...}) stay as written, as Python keeps them.
          out.append(body.substr(i, 2));
        }
    }
    i += consumed - 1;
  }
  return out;
}

// A non-raw f-string's body with the escapes of its literal parts decoded
// (`f"^{p}/\\d+$"` reads `^{p}/\d+$`); fields, and `{{` / `}}`, as written.
std::string DecodeFStringLiterals(std::string_view body) {
  std::string out;
  size_t literal_start = 0;
  auto flush = [&](size_t end) {
    out += DecodeEscapes(body.substr(literal_start, end - literal_start), false);
  };
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if ((c == '{' || c == '}') && i + 1 < body.size() && body[i + 1] == c) {
      ++i;  // a doubled brace is literal text: kept doubled for the reader of fields
      continue;
    }
    if (c != '{') continue;
    flush(i);
    size_t depth = 0, j = i;
    for (; j < body.size(); ++j) {  // the field, nested format specs included
      if (body[j] == '{') ++depth;
      if (body[j] == '}' && --depth == 0) break;
    }
    out += body.substr(i, std::min(j, body.size() - 1) - i + 1);
    i = j;
    literal_start = std::min(j + 1, body.size());
  }
  flush(body.size());
  return out;
}

}  // namespace

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

StringLiteral DecodeStringLiteral(std::string_view literal) {
  StringLiteral result;
  bool raw = false;
  bool is_bytes = false;
  size_t i = 0;
  while (i < literal.size() && std::isalpha(static_cast<unsigned char>(literal[i]))) {
    char p = static_cast<char>(std::tolower(static_cast<unsigned char>(literal[i])));
    if (p == 'r') raw = true;
    if (p == 'b') is_bytes = true;
    if (p == 'f' || p == 't') result.is_fstring = true;
    ++i;
  }
  if (i >= literal.size() || (literal[i] != '\'' && literal[i] != '"')) {
    result.value = std::string(literal);  // not a literal we understand: keep it whole
    return result;
  }
  char quote = literal[i];
  size_t quote_len =
      (i + 2 < literal.size() && literal[i + 1] == quote && literal[i + 2] == quote) ? 3 : 1;
  std::string_view body = literal.substr(i + quote_len);
  // Drop the closing quotes when present; a broken file may not have them.
  if (body.size() >= quote_len) {
    bool closed = true;
    for (size_t q = 0; q < quote_len; ++q) {
      if (body[body.size() - 1 - q] != quote) closed = false;
    }
    if (closed) body.remove_suffix(quote_len);
  }
  if (raw) {
    result.value = std::string(body);
  } else if (result.is_fstring) {
    result.value = DecodeFStringLiterals(body);
  } else {
    result.value = DecodeEscapes(body, is_bytes);
  }
  return result;
}

}  // namespace djcost
