// SparseList<T>: a list that most of many records leave empty, kept behind one
// pointer (8 bytes where a std::vector takes 24) and allocated on first insert.
// Reads like a vector (iteration, size, indexing); an empty list and an absent
// one are the same list. Plain data; depends on the standard library only.
#pragma once

#include <algorithm>
#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

namespace djcost {

template <typename T>
class SparseList {
 public:
  SparseList() = default;
  SparseList(const SparseList& other)
      : list_(other.empty() ? nullptr : std::make_unique<std::vector<T>>(*other.list_)) {}
  SparseList(SparseList&&) noexcept = default;
  SparseList& operator=(const SparseList& other) {
    if (this != &other) {
      list_ = other.empty() ? nullptr : std::make_unique<std::vector<T>>(*other.list_);
    }
    return *this;
  }
  SparseList& operator=(SparseList&&) noexcept = default;

  std::size_t size() const { return list_ ? list_->size() : 0; }
  bool empty() const { return size() == 0; }
  const T* begin() const { return list_ ? list_->data() : nullptr; }
  const T* end() const { return begin() + size(); }
  T* begin() { return list_ ? list_->data() : nullptr; }
  T* end() { return begin() + size(); }
  const T& operator[](std::size_t i) const { return (*list_)[i]; }
  T& operator[](std::size_t i) { return (*list_)[i]; }

  template <typename... Args>
  T& emplace_back(Args&&... args) {
    if (!list_) list_ = std::make_unique<std::vector<T>>();
    return list_->emplace_back(std::forward<Args>(args)...);
  }
  void push_back(T value) { emplace_back(std::move(value)); }
  void reserve(std::size_t n) {
    if (n == 0) return;
    if (!list_) list_ = std::make_unique<std::vector<T>>();
    list_->reserve(n);
  }
  /// Gives back spare capacity, and the vector itself when empty.
  void shrink_to_fit() {
    if (!list_) return;
    if (list_->empty()) {
      list_.reset();
    } else if (list_->capacity() > list_->size()) {
      list_->shrink_to_fit();
    }
  }

  bool operator==(const SparseList& other) const {
    return std::equal(begin(), end(), other.begin(), other.end());
  }

 private:
  std::unique_ptr<std::vector<T>> list_;
};

}  // namespace djcost
