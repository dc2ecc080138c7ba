// The primitives of the cache's binary format: little-endian fixed-width
// integers, LEB128 varints and length-prefixed strings, written to a string and
// read back with bounds checks (a failed read sets a sticky error flag and
// yields zeros). Header-only; depends on the standard library only.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace djcost {

class ByteWriter {
 public:
  explicit ByteWriter(std::string* out) : out_(out) {}

  void Varint(std::uint64_t v) {
    while (v >= 0x80) {
      out_->push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out_->push_back(static_cast<char>(v));
  }
  /// Zig-zag, so small negative numbers stay short.
  void Signed(std::int64_t v) {
    Varint((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
  }
  void Fixed64(std::uint64_t v) {
    char buf[8];
    for (int i = 0; i < 8; ++i) buf[i] = static_cast<char>(v >> (8 * i));
    out_->append(buf, 8);
  }
  void String(std::string_view s) {
    Varint(s.size());
    out_->append(s);
  }
  /// A line number: written as Signed, or only collected once SetLinesAside
  /// was called (a file's facts compared without their lines, cache/line_shift.h).
  void Line(int v) {
    if (lines_aside_ != nullptr) {
      lines_aside_->push_back(v);
    } else {
      Signed(v);
    }
  }
  void SetLinesAside(std::vector<int>* lines) { lines_aside_ = lines; }

 private:
  std::string* out_;
  std::vector<int>* lines_aside_ = nullptr;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}

  bool ok() const { return ok_; }
  bool done() const { return pos_ == in_.size(); }
  std::size_t pos() const { return pos_; }
  std::size_t left() const { return in_.size() - pos_; }

  std::uint64_t Varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) return Fail();
      auto byte = static_cast<unsigned char>(in_[pos_++]);
      v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if (byte < 0x80) return v;
    }
    return Fail();
  }
  std::int64_t Signed() {
    std::uint64_t v = Varint();
    return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
  }
  /// A varint that must fit an int (line numbers, counts).
  int Int() {
    std::int64_t v = Signed();
    if (v < INT32_MIN || v > INT32_MAX) return static_cast<int>(Fail());
    return static_cast<int>(v);
  }
  /// A count of items that each take at least one byte: larger than what is left
  /// means corruption, and checking here keeps a bad count from allocating.
  std::size_t Count() {
    std::uint64_t n = Varint();
    if (n > left()) return static_cast<std::size_t>(Fail());
    return static_cast<std::size_t>(n);
  }
  std::uint64_t Fixed64() {
    if (left() < 8) return Fail();
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) {
      v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in_[pos_ + i])) << (8 * i);
    }
    pos_ += 8;
    return v;
  }
  std::string_view View(std::size_t n) {
    if (n > left()) {
      Fail();
      return {};
    }
    std::string_view s = in_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  std::string_view StringView() { return View(Count()); }
  std::string String() { return std::string(StringView()); }
  bool Bool() {
    std::uint64_t v = Varint();
    if (v > 1) Fail();
    return v == 1;
  }

 private:
  std::uint64_t Fail() {
    ok_ = false;
    pos_ = in_.size();
    return 0;
  }

  std::string_view in_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace djcost
