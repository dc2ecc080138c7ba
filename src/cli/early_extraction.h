// Extraction begun while discovery still walks. The walkers tell of each Python
// file as they list it (DiscoverOptions::found); the scan's own thread, which
// would otherwise wait for the complete list, reads and extracts those files
// meanwhile, on the core the walk's system calls leave idle. Discovery's list
// decides: what it keeps is handed to ExtractWithCache by index, and what the
// ignore rules dropped after it was found is thrown away. Worth it only when
// the files will be parsed, i.e. without a fact cache to decode them from.
// Input: SourceFiles, from any thread; output: ExtractedEarly.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "cli/extract_cached.h"
#include "data/file_facts.h"
#include "data/source_file.h"

namespace djcost {

class EarlyExtraction {
 public:
  /// `hashing`: each file's content hash is kept too, for the fact cache.
  EarlyExtraction(std::string root, bool hashing);

  /// Any thread, any number at once: queues `file` for Run, unless abandoned.
  void Found(const SourceFile& file);
  /// Discovery is over: Run returns once it has finished the file it is on,
  /// leaving the files still queued to the scan's workers.
  void Close();
  /// The scan will not parse (it has a fact cache): nothing more is queued.
  void Abandon();

  /// On the scan's thread: extracts queued files, in the order they were
  /// found, until Close.
  void Run();

  /// Files found and not yet taken up by Run.
  std::size_t queued();

  /// What Run extracted of `files` (discovery's list), by index; a file is
  /// taken only when it is the one that was found (same path, kind and stamp).
  ExtractedEarly Take(const std::vector<SourceFile>& files);

 private:
  struct Extracted {
    SourceFile file;
    FileFacts facts;
    std::uint64_t hash = 0;
  };

  const std::string root_;
  const bool hashing_;
  std::atomic<bool> abandoned_{false};
  std::mutex mutex_;
  std::condition_variable more_;
  std::deque<SourceFile> queue_;  // guarded by mutex_
  bool closed_ = false;           // guarded by mutex_
  std::unordered_map<std::string, Extracted> extracted_;  // Run's and Take's thread only
};

}  // namespace djcost
