#include "render/json_writer.h"

#include <charconv>
#include <nlohmann/json.hpp>

namespace djcost {
namespace {

using Json = nlohmann::ordered_json;

// Printable ASCII other than the quote and the backslash prints as it is.
bool NeedsEscaping(std::string_view s) {
  for (unsigned char c : s) {
    if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') return true;
  }
  return false;
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
