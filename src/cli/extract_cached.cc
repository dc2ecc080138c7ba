#include "cli/extract_cached.h"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <future>
#include <memory>

#include "cache/fact_cache.h"
#include "cache/fact_codec.h"
#include "cache/line_shift.h"
#include "cache/link_memo.h"
#include "extract/extract.h"
#include "link/test_reach.h"
#include "syntax/python_parser.h"
#include "util/atomic_file.h"
#include "util/parallel.h"

namespace djcost {
namespace {

bool StatFile(const std::string& path, FileStamp* stamp) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return false;
  stamp->size = static_cast<std::uint64_t>(st.st_size);
  stamp->mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 +
                    st.st_mtim.tv_nsec;
  return true;
}

// A file's stamp: from discovery's stat when it has one, else stat'ed here.
bool StampOf(const std::string& root, const SourceFile& file, FileStamp* stamp) {
  if (file.mtime_ns != 0) {
    *stamp = FileStamp{file.size, file.mtime_ns};
    return true;
  }
  return StatFile(root + "/" + file.path, stamp);
}

std::int64_t WallClockNanos() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The new cache differs from the old one unless every file was found by its
// trusted stamp, with nothing added or removed.
bool CacheChanged(const FactCache& old, const std::vector<SourceFile>& files,
                  const std::vector<CacheRecord>& records) {
  std::size_t stored = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!records[i].store) continue;
    ++stored;
    const FactCache::Entry* before = old.Find(files[i]);
    if (records[i].encoded.empty() || before == nullptr || !(before->stamp == records[i].stamp)) {
      return true;
    }
  }
  return stored != old.size();
}

void WriteCache(const FactCacheUse& use, const std::vector<SourceFile>& files,
                const std::vector<FileFacts>& facts, const std::vector<CacheRecord>& records,
                std::vector<Diagnostic>* diagnostics) {
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(use.file).parent_path(), ec);
  std::string error;
  if (ec || !WriteCacheFile(use.file, BuildCacheFile(use.key, files, facts, records),
                                 &error)) {
    std::string reason = ec ? ec.message() : error.substr(error.rfind(": ") + 2);
    diagnostics->push_back(Diagnostic{Severity::kWarning, "cache-not-written", Location{},
                                      "the fact cache could not be written (" + reason +
                                          "): the next scan parses every file again"});
  }
}

std::uint64_t LinkInputs(bool caching, const std::vector<SourceFile>& files,
                         const std::vector<CacheRecord>& records) {
  if (!caching) return 0;
  std::vector<std::uint64_t> hashes;
  hashes.reserve(files.size());
  for (const CacheRecord& record : records) {
    if (!record.store) return 0;  // unreadable or unstamped: its content is unknown
    hashes.push_back(record.hash);
  }
  return LinkInputsDigest(files, hashes);
}

// Every file's stamp (from discovery's stat) against the cache, none read: the
// stamps (index by index, `stamped` saying which) for the extraction to reuse,
// each file's cache entry, and the files whose trusted stamp does not match it.
struct TreeStamps {
  std::vector<FileStamp> stamps;
  std::vector<char> stamped;
  std::vector<const FactCache::Entry*> entries;  // null: the cache does not hold the file
  std::vector<std::size_t> unmatched;  // in the cache, but the stamp differs or is not trusted
  bool unknown = false;                // a file the cache does not hold, or stat failed

  /// The content hashes the cache holds, by file index (every file is held).
  std::vector<std::uint64_t> CachedHashes() const {
    std::vector<std::uint64_t> hashes(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) hashes[i] = entries[i]->hash;
    return hashes;
  }
};

TreeStamps StampTree(const std::string& root, const std::vector<SourceFile>& files, int jobs,
                     const FactCache& cache) {
  TreeStamps tree;
  tree.stamps.assign(files.size(), FileStamp{});
  tree.stamped.assign(files.size(), 0);
  tree.entries.assign(files.size(), nullptr);
  std::vector<char> unmatched(files.size(), 0);
  std::atomic<bool> unknown{false};
  ParallelFor(files.size(), jobs, [&](std::size_t i, int) {
    FileStamp& stamp = tree.stamps[i];
    tree.stamped[i] = StampOf(root, files[i], &stamp);
    tree.entries[i] = cache.Find(files[i]);
    if (!tree.stamped[i] || tree.entries[i] == nullptr) {
      unknown.store(true, std::memory_order_relaxed);
    } else if (!tree.entries[i]->StampMatches(stamp)) {
      unmatched[i] = 1;
    }
  });
  tree.unknown = unknown.load();
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (unmatched[i]) tree.unmatched.push_back(i);
  }
  return tree;
}

// Orders indices of `files` largest first: the workers take files in this
// order, so that the last ones taken are small and no worker is left alone on
// a large one at the end (a real repository's largest parse alone takes 20 ms).
void SortLargestFirst(const std::vector<SourceFile>& files, std::vector<std::size_t>* indices) {
  std::stable_sort(indices->begin(), indices->end(), [&](std::size_t a, std::size_t b) {
    return files[a].size > files[b].size;
  });
}

std::vector<std::size_t> LargestFirst(const std::vector<SourceFile>& files) {
  std::vector<std::size_t> order(files.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  SortLargestFirst(files, &order);
  return order;
}

// More changed files than this are linked: reading and parsing them one by one
// would cost more than the shift saves, and a large change rarely only moves lines.
constexpr std::size_t kMostShiftedFiles = 16;

// Files a shift attempt read and extracted, by file index, for the extraction
// to take when the attempt fails: a changed file is parsed once.
struct ExtractedAhead {
  std::vector<char> done;
  std::vector<CacheRecord> records;
  std::vector<FileFacts> facts;
};

// True when no file but `changed` writes any of `names` in its cached facts,
// where every string of a file's facts is stored as it is: a function added
// under such a name is reached by no import, dotted name or string. The other
// files changed in the same scan keep their strings (they only moved) or do
// not count (link then runs).
bool NoOtherFileWrites(const std::vector<std::string>& names, std::size_t changed,
                       const TreeStamps& tree) {
  for (std::size_t j = 0; j < tree.entries.size(); ++j) {
    if (j == changed) continue;
    std::string_view facts = tree.entries[j]->facts;
    for (const std::string& name : names) {
      if (facts.find(name) != std::string_view::npos) return false;
    }
  }
  return true;
}

// The new fact cache of a shift: the changed files' facts, every file's record.
struct CacheToWrite {
  std::vector<FileFacts> facts;
  std::vector<CacheRecord> records;
};

// A few files changed since the cache was written (every other file's stamp
// matches). When each changed only in where things are (cache/line_shift.h)
// and the caller holds what Link made of the files before, that Inventory is
// shifted instead of decoding every file and linking again; `*write` is then
// the new cache. False, with `*out` untouched, when that does not hold; then
// `ahead` holds the changed files it extracted.
bool ShiftInsteadOfLink(const std::string& root, const std::vector<SourceFile>& files,
                        const FactCacheUse& use, const TreeStamps& tree,
                        std::int64_t scan_start, Extraction* out, ExtractedAhead* ahead,
                        CacheToWrite* write) {
  ahead->done.assign(files.size(), 0);
  ahead->records.resize(files.size());
  ahead->facts.resize(files.size());
  const std::vector<std::uint64_t> before = tree.CachedHashes();
  const std::uint64_t before_digest = LinkInputsDigest(files, before);
  if (use.link_result_ahead) use.link_result_ahead(before_digest);
  std::vector<CacheRecord> records(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    const FactCache::Entry* entry = tree.entries[i];
    records[i] = {true, entry->stamp, entry->hash, entry->facts};
  }
  std::vector<std::uint64_t> after = before;
  std::vector<FileFacts> facts(files.size());  // only the changed files', to encode
  std::vector<LineShift> shifts;
  std::unique_ptr<PythonParser> parser;
  for (std::size_t i : tree.unmatched) {
    const FactCache::Entry* entry = tree.entries[i];
    std::string bytes, error;
    if (!ReadFile(root + "/" + files[i].path, &bytes, &error)) return false;
    CacheRecord& record = records[i];
    record.stamp = Racy(tree.stamps[i], scan_start);
    record.hash = FastHash(bytes);
    if (record.hash == entry->hash) continue;  // touched, not changed
    FileFacts old_facts;
    if (!DecodeFacts(entry->facts, &old_facts)) return false;
    old_facts.file = files[i];
    if (!parser) parser = std::make_unique<PythonParser>();
    facts[i] = ExtractForScan(files[i], bytes, *parser);
    ahead->done[i] = 1;
    ahead->records[i] = {true, record.stamp, record.hash, {}};
    ahead->facts[i] = facts[i];
    LineShift shift;
    std::vector<std::string> added;
    if (!LineShift::Between(old_facts, facts[i], &shift) &&
        !(LineShift::PastAddedFunctions(old_facts, facts[i], &shift, &added) &&
          NoOtherFileWrites(added, i, tree))) {
      return false;
    }
    shifts.push_back(std::move(shift));
    after[i] = record.hash;
    record.encoded = {};
  }
  if (!use.link_result_shifted(before_digest, shifts)) return false;
  out->facts_skipped = true;
  out->link_inputs = LinkInputsDigest(files, after);
  out->from_cache = files.size() - shifts.size();
  *write = {std::move(facts), std::move(records)};
  return true;
}

// The first pass left test files that do not count alone unparsed. Those that
// a file link reads imports or names are parsed now, step by step until the
// closure is complete (link/test_reach.h); their new facts replace the cached
// ones (the cache stores them parsed). Returns which files link reads.
std::vector<char> ExtractReachedTestFiles(const std::string& root,
                                          const std::vector<SourceFile>& files,
                                          const TestReachRules& rules, int jobs,
                                          std::vector<std::unique_ptr<PythonParser>>* parsers,
                                          std::vector<FileFacts>* facts,
                                          std::vector<CacheRecord>* records) {
  TestFileReach reach(*facts, rules);
  for (std::vector<std::size_t> next = reach.Follow(jobs); !next.empty();
       next = reach.Follow(jobs)) {
    SortLargestFirst(files, &next);
    ParallelFor(next.size(), jobs, [&](std::size_t k, int worker) {
      const std::size_t i = next[k];
      FileFacts& f = (*facts)[i];
      if (f.parsed || f.counts_alone) return;
      std::string bytes, error;
      if (!ReadFile(root + "/" + files[i].path, &bytes, &error)) return;
      auto& parser = (*parsers)[worker];
      if (!parser) parser = std::make_unique<PythonParser>();
      f = ExtractForScan(files[i], bytes, *parser, TestFileParse::kAlways);
      (*records)[i].encoded = {};
    });
  }
  std::vector<char> read(facts->size());
  for (std::size_t i = 0; i < read.size(); ++i) read[i] = reach.Reads(i);
  return read;
}

// Cached facts of a test file link does not read (an earlier scan read it):
// link sees only its lines, and need not copy every file's facts to forget
// them. The cache keeps the facts.
void ForgetUnreadTestFiles(const std::vector<char>& read, std::vector<FileFacts>* facts) {
  for (std::size_t i = 0; i < facts->size(); ++i) {
    if (!read[i] && !(*facts)[i].counts_alone) (*facts)[i] = UnreadTestFile((*facts)[i]);
  }
}

}  // namespace

ReadFactCache ReadCacheOf(const FactCacheUse& use) {
  ReadFactCache read;
  // The index alone: an unchanged tree needs no facts (ExtractWithCache reads
  // them when it does).
  if (!use.file.empty()) read.cache = FactCache::LoadIndex(use.file, use.key, &read.diagnostics);
  return read;
}

Extraction ExtractWithCache(const std::string& root, const std::vector<SourceFile>& files,
                            int jobs, const FactCacheUse& use, Progress* progress,
                            ReadFactCache* read, ExtractedEarly* early) {
  Extraction out;
  const bool caching = !use.file.empty();
  ReadFactCache read_here;
  if (read == nullptr) {
    read_here = ReadCacheOf(use);
    read = &read_here;
  }
  FactCache cache = std::move(read->cache);
  out.diagnostics = std::move(read->diagnostics);
  std::vector<CacheRecord> records(files.size());
  const std::int64_t scan_start = WallClockNanos();
  std::atomic<std::size_t> from_cache{0};
  std::vector<FileStamp> stamps;
  std::vector<char> stamped_early;
  ExtractedAhead ahead;
  if (caching && use.link_result_known && use.unchanged == nullptr &&
      cache.size() == files.size()) {
    TreeStamps tree = StampTree(root, files, jobs, cache);
    bool done = false;
    if (!tree.unknown && tree.unmatched.empty()) {
      std::uint64_t digest = LinkInputsDigest(files, tree.CachedHashes());
      if (use.link_result_known(digest)) {
        out.facts_skipped = true;
        out.link_inputs = digest;
        out.from_cache = files.size();
        done = true;
      }
    } else if (!tree.unknown && tree.unmatched.size() <= kMostShiftedFiles &&
               use.link_result_shifted && cache.LoadFacts(&out.diagnostics)) {
      CacheToWrite write;
      done = ShiftInsteadOfLink(root, files, use, tree, scan_start, &out, &ahead, &write);
      if (done) {
        // Written while the caller estimates: its records view the old cache's
        // facts, so the old cache goes along.
        out.cache_writing = std::async(
            BesideLaunch(jobs), [&use, &files, old = std::move(cache), write = std::move(write)] {
              std::vector<Diagnostic> said;
              WriteCache(use, files, write.facts, write.records, &said);
              return said;
            });
      }
    }
    if (done) {
      if (progress) {
        for (std::size_t i = 0; i < files.size(); ++i) progress->Tick();
      }
      return out;
    }
    stamps = std::move(tree.stamps);
    stamped_early = std::move(tree.stamped);
  }
  cache.LoadFacts(&out.diagnostics);  // a damaged file leaves the cache empty, and says so

  out.facts.resize(files.size());
  int workers = WorkerCount(files.size(), jobs);
  // One parser per worker, made on first need: a TSParser must not be shared
  // between threads, and a warm scan never needs one.
  std::vector<std::unique_ptr<PythonParser>> parsers(workers);
  const std::vector<std::size_t> order = LargestFirst(files);
  ParallelFor(files.size(), jobs, [&](std::size_t k, int worker) {
    const std::size_t i = order[k];
    const SourceFile& file = files[i];
    FileFacts& facts = out.facts[i];
    CacheRecord& record = records[i];
    std::string path = root + "/" + file.path;
    if (i < ahead.done.size() && ahead.done[i]) {
      facts = std::move(ahead.facts[i]);
      record = std::move(ahead.records[i]);
      if (progress) progress->Tick();
      return;
    }
    if (ExtractedEarly::File* done = early != nullptr ? early->Find(i) : nullptr) {
      facts = std::move(done->facts);
      // As a file read and parsed here is recorded.
      FileStamp stamp;
      if (caching && StampOf(root, file, &stamp)) {
        record = {true, Racy(stamp, scan_start), done->hash, {}};
      }
      if (progress) progress->Tick();
      return;
    }
    if (caching && use.unchanged != nullptr && use.unchanged->count(file.path) > 0) {
      const FactCache::Entry* entry = cache.Find(file);
      if (entry != nullptr && entry->stamp.size == file.size && DecodeFacts(entry->facts, &facts)) {
        facts.file = file;
        record = {true, entry->stamp, entry->hash, entry->facts};
        from_cache.fetch_add(1, std::memory_order_relaxed);
        if (progress) progress->Tick();
        return;
      }
    }
    FileStamp stamp;
    bool stamped = false;
    if (i < stamped_early.size() && stamped_early[i]) {
      stamp = stamps[i];
      stamped = true;
    } else {
      stamped = caching && StampOf(root, file, &stamp);
    }
    const FactCache::Entry* entry = stamped ? cache.FindByStamp(file, stamp, &facts) : nullptr;
    if (entry != nullptr) {
      record = {true, stamp, entry->hash, entry->facts};
      from_cache.fetch_add(1, std::memory_order_relaxed);
      if (progress) progress->Tick();
      return;
    }
    std::string bytes, error;
    if (!ReadFile(path, &bytes, &error)) {
      facts.file = file;
      facts.parsed = false;
      // The reason alone: the path is already the diagnostic's location.
      std::string reason = error.substr(error.rfind(": ") + 2);
      facts.diagnostics.push_back(Diagnostic{Severity::kError, "unreadable",
                                             Location{file.path, 0, 0},
                                             "file could not be read: " + reason});
      if (progress) progress->Tick();
      return;
    }
    if (stamped) {
      record.store = true;
      record.stamp = Racy(stamp, scan_start);
      record.hash = FastHash(bytes);
      if (const FactCache::Entry* held = cache.FindByHash(file, record.hash, &facts)) {
        record.encoded = held->facts;
        from_cache.fetch_add(1, std::memory_order_relaxed);
        if (progress) progress->Tick();
        return;
      }
    }
    if (!parsers[worker]) parsers[worker] = std::make_unique<PythonParser>();
    facts = ExtractForScan(file, bytes, *parsers[worker]);
    if (progress) progress->Tick();
  });
  std::vector<char> linked =
      ExtractReachedTestFiles(root, files, use.test_reach, jobs, &parsers, &out.facts, &records);
  out.from_cache = from_cache.load();
  out.link_inputs = LinkInputs(caching, files, records);
  if (caching && CacheChanged(cache, files, records)) {
    WriteCache(use, files, out.facts, records, &out.diagnostics);
  }
  ForgetUnreadTestFiles(linked, &out.facts);
  return out;
}

}  // namespace djcost
