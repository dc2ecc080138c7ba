// The scan's extraction loop with the fact cache and progress: every file's
// stamp (from discovery's stat) is checked; one whose size and mtime match the
// cache, or whose content hash does, is decoded from the cache instead of read
// and parsed; the rest are extracted on the workers. The new cache is written
// (atomically) only when something changed. When the caller holds Link's
// result for the files as they are (or as they were, before edits that only
// moved lines), no facts are decoded at all. Input: the discovered files and
// where the cache lives; output: facts by file index, identical to a cold
// extraction, plus cache diagnostics.
#pragma once

#include <cstdint>
#include <functional>
#include <future>
#include <set>
#include <string>
#include <vector>

#include "cache/fact_cache.h"
#include "cache/line_shift.h"
#include "cli/progress.h"
#include "data/diagnostic.h"
#include "data/file_facts.h"
#include "data/source_file.h"
#include "link/test_reach.h"

namespace djcost {

struct FactCacheUse {
  std::string file;  // the cache file; "" for no cache (--no-cache)
  std::string key;   // FactCacheKey(rules.version)
  /// Changed-files mode (cli/changed_files.h): paths git says are unchanged
  /// since the revision the cache was written at. Their cached facts are used
  /// without reading the file, when the size still matches. Null otherwise.
  const std::set<std::string>* unchanged = nullptr;
  /// Asked with the link inputs' digest when every file's stamp matches the
  /// cache: true when the caller already holds what Link makes of those facts
  /// (the link memo), so they need not be decoded at all. May be empty.
  std::function<bool(std::uint64_t link_inputs)> link_result_known;
  /// Asked when a few files changed since the cache was written, each only in
  /// where things are (cache/line_shift.h), with the link inputs' digest before
  /// the change and the shifts: true when the caller holds what Link made of
  /// those inputs and the shifts applied to it, so no facts need decoding. May
  /// be empty; asked only when link_result_known is set.
  std::function<bool(std::uint64_t before, const std::vector<LineShift>& shifts)>
      link_result_shifted;
  /// Told the digest link_result_shifted will be asked about, before the
  /// changed files are parsed: the caller may read what it holds meanwhile.
  /// May be empty.
  std::function<void(std::uint64_t before)> link_result_ahead;
  /// What the rules add to which test files link reads (link/test_reach.h):
  /// those are parsed.
  TestReachRules test_reach;
};

struct Extraction {
  // By file index. Test files link does not read are as UnreadTestFile gives
  // them (link/test_reach.h), for LinkScanned.
  std::vector<FileFacts> facts;
  std::vector<Diagnostic> diagnostics;   // cache-ignored, cache-not-written
  std::size_t from_cache = 0;            // files whose facts came from the cache
  /// LinkInputsDigest of the files when every content hash is known (a cached
  /// scan where every file could be read), else 0: then no link memo applies.
  std::uint64_t link_inputs = 0;
  /// True when link_result_known or link_result_shifted said yes: `facts` is
  /// then empty, not decoded.
  bool facts_skipped = false;
  /// When a shift answered (the fact cache then changed only in a few files),
  /// the fact cache is written beside the rest of the scan: what that says
  /// (cache-not-written) belongs in `diagnostics` once it is done, before a
  /// report is made. Not valid otherwise: the cache was written, if at all,
  /// before ExtractWithCache returned.
  std::future<std::vector<Diagnostic>> cache_writing;
};

/// Files extracted before discovery's list was complete (cli/early_extraction.h):
/// each one's facts and its content's FastHash (0 without a cache); such a file
/// is not read again. Kept apart from the list, a few of its files at most.
struct ExtractedEarly {
  struct File {
    FileFacts facts;
    std::uint64_t hash = 0;
  };
  std::vector<int> slot;    // by file index: into `files`, or -1; empty when none
  std::vector<File> files;

  /// File `index`'s, or null.
  File* Find(std::size_t index) {
    return index < slot.size() && slot[index] >= 0 ? &files[slot[index]] : nullptr;
  }
};

/// The fact cache as read from disk, with what reading it said (cache-ignored).
struct ReadFactCache {
  FactCache cache;
  std::vector<Diagnostic> diagnostics;
};

/// Reads the cache `use` names (an empty one without a cache file). Needs no
/// discovery: a scan reads it on another thread while discovery lists the files.
ReadFactCache ReadCacheOf(const FactCacheUse& use);

/// Extracts `files` under `root` on `jobs` workers (one parser each), through
/// the cache when `cache.file` is set: `read`, when given, is that cache read
/// ahead by ReadCacheOf (consumed); else it is read here. `early`, when given,
/// holds files extracted already (consumed). `progress` may be null.
Extraction ExtractWithCache(const std::string& root, const std::vector<SourceFile>& files,
                            int jobs, const FactCacheUse& cache, Progress* progress,
                            ReadFactCache* read = nullptr, ExtractedEarly* early = nullptr);

}  // namespace djcost
