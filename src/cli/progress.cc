#include "cli/progress.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace djcost {
namespace {

constexpr std::int64_t kSecond = 1'000'000'000;
constexpr std::int64_t kQuiet = kSecond;          // nothing for short scans
constexpr std::int64_t kInterval = kSecond / 10;  // then at most ten lines a second

}  // namespace

std::string FormatProgress(std::size_t done, std::size_t total, double elapsed_seconds) {
  std::string line =
      "djcost: " + std::to_string(done) + "/" + std::to_string(total) + " files";
  if (done == 0 || elapsed_seconds <= 0) return line;
  double rate = static_cast<double>(done) / elapsed_seconds;
  line += ", " + std::to_string(static_cast<long long>(std::llround(rate))) + " files/s";
  double left = static_cast<double>(total - std::min(done, total)) / rate;
  line += ", " + std::to_string(static_cast<long long>(std::ceil(left))) + " s left";
  return line;
}

std::int64_t Progress::SteadyNanos() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

Progress::Progress(std::ostream* err, bool enabled, std::size_t total, Clock clock)
    : err_(err),
      enabled_(enabled && err != nullptr),
      total_(total),
      clock_(std::move(clock)),
      start_ns_(enabled_ ? clock_() : 0),
      next_print_ns_(start_ns_ + kQuiet) {}

void Progress::Tick() {
  std::size_t done = done_.fetch_add(1, std::memory_order_relaxed) + 1;
  if (!enabled_) return;
  std::int64_t now = clock_();
  std::int64_t next = next_print_ns_.load(std::memory_order_relaxed);
  if (now < next) return;
  // One writer; the others go back to work rather than wait.
  if (!next_print_ns_.compare_exchange_strong(next, now + kInterval)) return;
  std::lock_guard<std::mutex> lock(mutex_);
  double elapsed = static_cast<double>(now - start_ns_) / kSecond;
  // "\r" returns to the line's start and "\x1b[K" clears what a longer line left.
  *err_ << '\r' << FormatProgress(done, total_, elapsed) << "\x1b[K" << std::flush;
  shown_ = true;
}

void Progress::Finish() {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (shown_) *err_ << "\r\x1b[K" << std::flush;
  shown_ = false;
}

}  // namespace djcost
