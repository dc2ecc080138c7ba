// Progress of a scan's extraction on standard error: files done, files per
// second and the time left, on one line rewritten in place. Shown only when the
// caller enables it (main decides: stderr is a terminal and CI is not set) and
// only once the scan has run for a second; erased when done, so it never
// mixes with the report or the messages that follow.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <ostream>
#include <string>

namespace djcost {

/// "djcost: 1200/8153 files, 2400 files/s, 3 s left" (no ETA before any file is done).
std::string FormatProgress(std::size_t done, std::size_t total, double elapsed_seconds);

class Progress {
 public:
  using Clock = std::function<std::int64_t()>;  // monotonic nanoseconds

  /// Writes to `*err` when `enabled`; `clock` is replaceable for tests.
  Progress(std::ostream* err, bool enabled, std::size_t total, Clock clock = SteadyNanos);
  ~Progress() { Finish(); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// One more file done. Safe to call from any worker thread; at most one
  /// thread writes at a time, and at most ten times a second.
  void Tick();

  /// Erases the line if one was shown. Called by the destructor too.
  void Finish();

  static std::int64_t SteadyNanos();

 private:
  std::ostream* err_;
  bool enabled_;
  std::size_t total_;
  Clock clock_;
  std::int64_t start_ns_;
  std::atomic<std::size_t> done_{0};
  std::atomic<std::int64_t> next_print_ns_;
  std::mutex mutex_;  // guards writes to *err_ and shown_
  bool shown_ = false;
};

}  // namespace djcost
