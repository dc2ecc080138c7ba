#include "rules/json_positions.h"

namespace djcost {

TextPosition PositionOfOffset(std::string_view text, std::size_t offset) {
  if (offset > text.size()) offset = text.size();
  TextPosition pos;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      pos.column = 1;
    } else {
      ++pos.column;
    }
  }
  return pos;
}

std::string AppendPointer(const std::string& pointer, std::string_view token) {
  std::string out = pointer + "/";
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

namespace {

// A forgiving walk: it trusts the text to be valid JSON (nlohmann checked it)
// and only tracks where each value sits. On anything unexpected it stops.
class PositionScanner {
 public:
  explicit PositionScanner(std::string_view text) : text_(text) {}

  std::map<std::string, TextPosition> Run() {
    SkipSpace();
    positions_[""] = Here();
    Value("");
    return std::move(positions_);
  }

 private:
  TextPosition Here() {
    // Incremental: offsets only grow, so advance from the last answer.
    for (; counted_ < pos_ && counted_ < text_.size(); ++counted_) {
      if (text_[counted_] == '\n') {
        ++here_.line;
        here_.column = 1;
      } else {
        ++here_.column;
      }
    }
    return here_;
  }

  bool AtEnd() const { return pos_ >= text_.size(); }

  void SkipSpace() {
    while (!AtEnd() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' ||
                        text_[pos_] == '\r')) {
      ++pos_;
    }
  }

  // Reads a string literal at pos_ and returns its decoded value. Escapes
  // other than \uXXXX map to their character; \u escapes are decoded to UTF-8.
  bool String(std::string* out) {
    if (AtEnd() || text_[pos_] != '"') return false;
    ++pos_;
    while (!AtEnd() && text_[pos_] != '"') {
      char c = text_[pos_++];
      if (c != '\\') {
        out->push_back(c);
        continue;
      }
      if (AtEnd()) return false;
      char e = text_[pos_++];
      switch (e) {
        case 'n': out->push_back('\n'); break;
        case 't': out->push_back('\t'); break;
        case 'r': out->push_back('\r'); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'u': {
          if (pos_ + 4 > text_.size()) return false;
          unsigned code = 0;
          for (int k = 0; k < 4; ++k) {
            const char h = text_[pos_++];
            const int digit = h >= '0' && h <= '9'   ? h - '0'
                              : h >= 'a' && h <= 'f' ? h - 'a' + 10
                              : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                                     : -1;
            if (digit < 0) return false;
            code = code * 16 + static_cast<unsigned>(digit);
          }
          AppendUtf8(code, out);
          break;
        }
        default: out->push_back(e); break;
      }
    }
    if (AtEnd()) return false;
    ++pos_;  // closing quote
    return true;
  }

  static void AppendUtf8(unsigned code, std::string* out) {
    if (code < 0x80) {
      out->push_back(static_cast<char>(code));
    } else if (code < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (code >> 6)));
      out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xE0 | (code >> 12)));
      out->push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
  }

  bool Value(const std::string& pointer) {
    SkipSpace();
    if (AtEnd()) return false;
    char c = text_[pos_];
    if (c == '{') return Object(pointer);
    if (c == '[') return Array(pointer);
    if (c == '"') {
      std::string ignored;
      return String(&ignored);
    }
    // A number or a literal: everything up to a delimiter.
    while (!AtEnd() && text_[pos_] != ',' && text_[pos_] != '}' && text_[pos_] != ']' &&
           text_[pos_] != ' ' && text_[pos_] != '\n' && text_[pos_] != '\r' &&
           text_[pos_] != '\t') {
      ++pos_;
    }
    return true;
  }

  bool Object(const std::string& pointer) {
    ++pos_;  // '{'
    SkipSpace();
    if (!AtEnd() && text_[pos_] == '}') {
      ++pos_;
      return true;
    }
    while (true) {
      SkipSpace();
      TextPosition key_at = Here();
      std::string key;
      if (!String(&key)) return false;
      std::string child = AppendPointer(pointer, key);
      positions_[child] = key_at;
      SkipSpace();
      if (AtEnd() || text_[pos_] != ':') return false;
      ++pos_;
      if (!Value(child)) return false;
      SkipSpace();
      if (AtEnd()) return false;
      if (text_[pos_] == '}') {
        ++pos_;
        return true;
      }
      if (text_[pos_] != ',') return false;
      ++pos_;
    }
  }

  bool Array(const std::string& pointer) {
    ++pos_;  // '['
    SkipSpace();
    if (!AtEnd() && text_[pos_] == ']') {
      ++pos_;
      return true;
    }
    for (std::size_t index = 0;; ++index) {
      SkipSpace();
      std::string child = AppendPointer(pointer, std::to_string(index));
      positions_[child] = Here();
      if (!Value(child)) return false;
      SkipSpace();
      if (AtEnd()) return false;
      if (text_[pos_] == ']') {
        ++pos_;
        return true;
      }
      if (text_[pos_] != ',') return false;
      ++pos_;
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t counted_ = 0;
  TextPosition here_;
  std::map<std::string, TextPosition> positions_;
};

}  // namespace

std::map<std::string, TextPosition> JsonValuePositions(std::string_view text) {
  return PositionScanner(text).Run();
}

}  // namespace djcost
