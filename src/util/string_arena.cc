#include "util/string_arena.h"

#include <cstring>

namespace djcost {

std::string_view StringArena::Copy(std::string_view text) {
  if (text.empty()) return {};
  if (text.size() > left_) {
    // A name longer than a block gets a block of its own; the current one stays.
    if (text.size() > kBlockBytes / 4) {
      blocks_.push_back(std::make_unique<char[]>(text.size()));
      std::memcpy(blocks_.back().get(), text.data(), text.size());
      return {blocks_.back().get(), text.size()};
    }
    blocks_.push_back(std::make_unique<char[]>(kBlockBytes));
    free_ = blocks_.back().get();
    left_ = kBlockBytes;
  }
  char* out = free_;
  std::memcpy(out, text.data(), text.size());
  free_ += text.size();
  left_ -= text.size();
  return {out, text.size()};
}

}  // namespace djcost
