#include "cli/early_extraction.h"

#include <memory>
#include <utility>

#include "cache/fact_cache.h"
#include "extract/extract.h"
#include "syntax/python_parser.h"
#include "util/atomic_file.h"

namespace djcost {

EarlyExtraction::EarlyExtraction(std::string root, bool hashing)
    : root_(std::move(root)), hashing_(hashing) {}

void EarlyExtraction::Found(const SourceFile& file) {
  if (abandoned_.load(std::memory_order_relaxed)) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (closed_) return;
    queue_.push_back(file);
  }
  more_.notify_one();
}

void EarlyExtraction::Close() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
  }
  more_.notify_all();
}

void EarlyExtraction::Abandon() {
  abandoned_.store(true, std::memory_order_relaxed);
  std::lock_guard<std::mutex> lock(mutex_);
  queue_.clear();
}

std::size_t EarlyExtraction::queued() {
  std::lock_guard<std::mutex> lock(mutex_);
  return queue_.size();
}

void EarlyExtraction::Run() {
  std::unique_ptr<PythonParser> parser;  // made on the first file: a tree may list none
  while (true) {
    SourceFile file;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      more_.wait(lock, [&] { return closed_ || !queue_.empty(); });
      if (closed_) return;
      file = std::move(queue_.front());
      queue_.pop_front();
    }
    // A tree walked again (a .gitignore changed under the listing memo) tells
    // of its files twice.
    if (extracted_.count(file.path) > 0) continue;
    std::string bytes, error;
    // Unreadable now: the scan's workers try again, and say why.
    if (!ReadFile(root_ + "/" + file.path, &bytes, &error)) continue;
    if (!parser) parser = std::make_unique<PythonParser>();
    Extracted done;
    done.hash = hashing_ ? FastHash(bytes) : 0;
    done.facts = ExtractForScan(file, bytes, *parser);
    done.file = std::move(file);
    std::string path = done.file.path;
    extracted_.emplace(std::move(path), std::move(done));
  }
}

ExtractedEarly EarlyExtraction::Take(const std::vector<SourceFile>& files) {
  ExtractedEarly early;
  if (extracted_.empty()) return early;
  early.slot.assign(files.size(), -1);
  for (std::size_t i = 0; i < files.size(); ++i) {
    auto it = extracted_.find(files[i].path);
    if (it == extracted_.end() || !(it->second.file == files[i])) continue;
    early.slot[i] = static_cast<int>(early.files.size());
    early.files.push_back({std::move(it->second.facts), it->second.hash});
  }
  extracted_.clear();
  return early;
}

}  // namespace djcost
