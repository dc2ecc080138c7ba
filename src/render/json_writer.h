// A streaming JSON writer whose output is byte for byte what nlohmann's
// dump(2) with the U+FFFD error handler prints for the same document (the
// format the report has always had), without building the document first: a
// large project's report is tens of megabytes, and its DOM several times that.
// Strings that need escaping, and floating-point numbers, are printed by
// nlohmann's own serializer, so the two cannot drift apart.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace djcost {

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out) : sink_(out) {}
  ~JsonWriter() { Flush(); }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  /// Writes what is buffered to the stream (also done when the writer goes away).
  void Flush();

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }

  /// The key of the next member of the innermost object.
  void Key(std::string_view key);

  void String(std::string_view value);
  void Int(std::int64_t value);
  void Double(double value);
  void Bool(bool value);
  void Null();

  // Member shorthands: Key(key) then the value.
  void Field(std::string_view key, std::string_view value) { Key(key); String(value); }
  void Field(std::string_view key, const std::string& value) { Key(key); String(value); }
  void Field(std::string_view key, const char* value) { Key(key); String(value); }
  void Field(std::string_view key, int value) { Key(key); Int(value); }
  void Field(std::string_view key, long value) { Key(key); Int(value); }
  void Field(std::string_view key, long long value) { Key(key); Int(value); }
  void Field(std::string_view key, unsigned long value) { Key(key); Int(static_cast<std::int64_t>(value)); }
  void Field(std::string_view key, double value) { Key(key); Double(value); }
  void Field(std::string_view key, bool value) { Key(key); Bool(value); }
  void Field(std::string_view key, const std::vector<std::string>& values);

 private:
  struct Level {
    bool empty = true;
  };

  // Before a value: the separator and indentation its container needs.
  void BeforeValue();
  void Open(char bracket);
  void Close(char bracket);
  void Indent(std::size_t depth);
  void Quoted(std::string_view value);

  // A byte at a time through an ostream costs a sentry each; the text is
  // gathered here and handed over in large blocks.
  std::ostream& sink_;
  std::string out_;
  std::vector<Level> levels_;
  bool after_key_ = false;
};

}  // namespace djcost
