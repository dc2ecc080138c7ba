// StringArena: strings copied into large blocks and handed out as views that
// stay valid, unmoved, for the arena's life. For tables keyed by many short
// computed names (qualified class and function names): a std::string key costs
// its 32 bytes plus, past 15 characters, an allocation of its own.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace djcost {

class StringArena {
 public:
  StringArena() = default;
  StringArena(const StringArena&) = delete;
  StringArena& operator=(const StringArena&) = delete;
  StringArena(StringArena&&) noexcept = default;
  StringArena& operator=(StringArena&&) noexcept = default;

  /// A copy of `text` that lives as long as the arena.
  std::string_view Copy(std::string_view text);

 private:
  static constexpr std::size_t kBlockBytes = 64 * 1024;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* free_ = nullptr;  // the unused tail of the last block
  std::size_t left_ = 0;
};

}  // namespace djcost
