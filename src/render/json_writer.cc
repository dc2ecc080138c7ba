#include "render/json_writer.h"

#include <charconv>
#include <cstring>
#include <nlohmann/json.hpp>

namespace djcost {
namespace {

using Json = nlohmann::ordered_json;

// Printable ASCII other than the quote and the backslash prints as it is. Eight
// bytes are tested at once (the bit tricks of "Bit Twiddling Hacks", each exact
// as a yes/no answer): rendering is most of a warm scan, and most of rendering
// is this test.
bool NeedsEscaping8(std::uint64_t v) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  auto has_zero = [](std::uint64_t x) { return ((x - kOnes) & ~x & kHigh) != 0; };
  const bool below_space = ((v - kOnes * 0x20) & ~v & kHigh) != 0;
  const bool above_tilde = (((v + kOnes * (127 - 0x7e)) | v) & kHigh) != 0;
  return below_space || above_tilde || has_zero(v ^ (kOnes * '"')) ||
         has_zero(v ^ (kOnes * '\\'));
}

bool NeedsEscaping(std::string_view s) {
  std::uint64_t v = 0x6161616161616161ull;  // "aaaaaaaa": pads a short string
  if (s.size() < 8) {
    std::memcpy(&v, s.data(), s.size());
    return NeedsEscaping8(v);
  }
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::memcpy(&v, s.data() + i, 8);
    if (NeedsEscaping8(v)) return true;
  }
  if (i == s.size()) return false;
  std::memcpy(&v, s.data() + s.size() - 8, 8);  // the last eight bytes, overlapping
  return NeedsEscaping8(v);
}

constexpr std::size_t kFlushBytes = 1 << 16;

// A scalar as nlohmann prints it: escapes, U+FFFD for invalid UTF-8, doubles.
void DumpWithNlohmann(const Json& value, std::string& out) {
  nlohmann::detail::serializer<Json> serializer(
      nlohmann::detail::output_adapter<char, std::string>(out), ' ',
      Json::error_handler_t::replace);
  serializer.dump(value, true, false, 2, 0);
}

}  // namespace

void JsonWriter::Flush() {
  sink_.write(out_.data(), static_cast<std::streamsize>(out_.size()));
  out_.clear();
}

void JsonWriter::Indent(std::size_t depth) {
  out_.append(depth * 2, ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) return;
  Level& level = levels_.back();
  if (!level.empty) out_ += ',';
  out_ += '\n';
  level.empty = false;
  Indent(levels_.size());
}

void JsonWriter::Key(std::string_view key) {
  BeforeValue();
  Quoted(key);
  out_ += ": ";
  after_key_ = true;
}

void JsonWriter::Open(char bracket) {
  BeforeValue();
  out_ += bracket;
  levels_.push_back({});
}

void JsonWriter::Close(char bracket) {
  bool empty = levels_.back().empty;
  levels_.pop_back();
  if (!empty) {
    out_ += '\n';
    Indent(levels_.size());
  }
  out_ += bracket;
  if (out_.size() >= kFlushBytes) Flush();
}

void JsonWriter::String(std::string_view value) {
  BeforeValue();
  Quoted(value);
}

void JsonWriter::Quoted(std::string_view value) {
  if (NeedsEscaping(value)) {
    DumpWithNlohmann(Json(std::string(value)), out_);
    return;
  }
  out_ += '"';
  out_ += value;
  out_ += '"';
}

void JsonWriter::Int(std::int64_t value) {
  BeforeValue();
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_.append(buffer, end);
}

void JsonWriter::Double(double value) {
  BeforeValue();
  DumpWithNlohmann(Json(value), out_);
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
}

void JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
}

void JsonWriter::Field(std::string_view key, const std::vector<std::string>& values) {
  Key(key);
  BeginArray();
  for (const auto& v : values) String(v);
  EndArray();
}

}  // namespace djcost
