// A file's bytes mapped read-only into memory. The caches djcost reads whole
// (the report memo, the link memo) are as large as a report: mapped, their
// pages come straight from the page cache instead of being zeroed in the
// process's memory and copied into it, and a memo whose head alone is checked
// is never read past its first page. Input: a path; output: the bytes.
// The caches are replaced by renaming (util/atomic_file.h), never rewritten in
// place, so a mapped file does not change under its reader.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace djcost {

class MappedFile {
 public:
  MappedFile() = default;
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  /// Maps `path` (an empty file maps to no bytes). On failure returns false,
  /// sets `*error` to a one-line reason naming the path, and holds nothing.
  [[nodiscard]] bool Open(const std::string& path, std::string* error);
  /// Unmaps what is held.
  void Close();

  std::string_view bytes() const { return {data_, size_}; }

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace djcost
