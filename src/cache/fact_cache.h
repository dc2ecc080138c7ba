// The fact cache: one file per scanned root holding each source file's
// FileFacts with the stamp (size, mtime) and content hash they were extracted
// from, so a re-scan re-extracts only what changed. Input: a cache file and the
// key of the build and rules in effect; output: lookups, then a new cache file.
// Problems (unreadable, corrupt, unwritable) become Diagnostics; never throws.
// Depends on data/ and util/ only; knows nothing of parsing.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "data/diagnostic.h"
#include "data/file_facts.h"
#include "data/source_file.h"

namespace djcost {

/// What a file looked like on disk when its facts were taken. mtime_ns 0 means
/// "do not trust the stamp" (see Racy below): the content hash decides.
struct FileStamp {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  bool operator==(const FileStamp&) const = default;
};

/// The cache read at the start of a scan. Immutable once loaded, so worker
/// threads may look up concurrently.
class FactCache {
 public:
  /// An empty cache.
  FactCache() = default;

  /// Reads `path`: LoadIndex, then LoadFacts. A missing file, or one written
  /// under another `key` (another djcost build, grammar or rule set), is an
  /// empty cache without a word; an unreadable, truncated or corrupt one is an
  /// empty cache plus a "cache-ignored" warning in `*diagnostics`.
  static FactCache Load(const std::string& path, const std::string& key,
                        std::vector<Diagnostic>* diagnostics);

  /// Reads only the index of `path` (each file's kind, stamp and content hash,
  /// checked by its own checksum), as Load does; the facts stay on disk until
  /// LoadFacts. A warm scan whose tree is unchanged needs no more: for netbox,
  /// 0.2 of the file's 4 MB.
  static FactCache LoadIndex(const std::string& path, const std::string& key,
                             std::vector<Diagnostic>* diagnostics);

  /// Reads and checks the facts the index describes, from the file LoadIndex
  /// opened (a cache rewritten since is a new file: this one stays whole). Once;
  /// call before any lookup that decodes facts and before reading Entry::facts.
  /// False when they are damaged or cut short: the cache is then empty, with a
  /// "cache-ignored" warning in `*diagnostics`.
  bool LoadFacts(std::vector<Diagnostic>* diagnostics);

  struct Entry;

  /// Facts stored for `file` (same path and kind) if `stamp` matches, decoded
  /// into `*facts` (whose `file` becomes `file`): their entry, else nullptr.
  const Entry* FindByStamp(const SourceFile& file, const FileStamp& stamp,
                           FileFacts* facts) const;

  /// Facts stored for `file` if their content hash is `hash`, as FindByStamp.
  const Entry* FindByHash(const SourceFile& file, std::uint64_t hash, FileFacts* facts) const;

  std::size_t size() const { return entries_.size(); }

  struct Entry {
    FileKind kind = FileKind::kSource;
    FileStamp stamp;
    std::uint64_t hash = 0;
    std::string_view facts;  // encoded; a view into the cache's buffer, once LoadFacts read it
    std::uint64_t facts_offset = 0;  // where they start in the file's facts
    std::uint64_t facts_size = 0;

    /// True when the stored stamp is trusted (not racy) and equals `current`.
    bool StampMatches(const FileStamp& current) const {
      return stamp.mtime_ns != 0 && stamp == current;
    }
  };

  /// The entry of `file` (same path and kind), or nullptr.
  const Entry* Find(const SourceFile& file) const;

 private:

  struct OpenFile;  // the cache file, open from LoadIndex to LoadFacts
  struct CloseFile {
    void operator()(OpenFile* file) const;
  };

  // Behind pointers so that moving the cache keeps the views into them valid.
  std::unique_ptr<std::string> buffer_;  // the index
  std::unique_ptr<std::string> facts_buffer_;
  std::unique_ptr<OpenFile, CloseFile> file_;
  std::uint64_t facts_size_ = 0;
  std::uint64_t facts_checksum_ = 0;
  std::unordered_map<std::string_view, Entry> entries_;  // keys point into buffer_
};

/// One file of the new cache: its facts (encoded, or to encode) and how it was seen.
struct CacheRecord {
  bool store = false;         // false: leave the file out (unreadable, no stamp)
  FileStamp stamp;
  std::uint64_t hash = 0;
  std::string_view encoded;   // reuse these bytes from the old cache when not empty
};

/// Serialises a cache of `files` (with `facts` and `records` by index) under `key`:
/// "DJCOSTF2", a FastHash of the index, a FastHash of the facts, the facts' size,
/// every file's encoded facts one after another, then the index (the key, and
/// each file's path, kind, stamp, content hash and facts' size), so that the
/// index is read and checked without the facts.
std::string BuildCacheFile(const std::string& key, const std::vector<SourceFile>& files,
                           const std::vector<FileFacts>& facts,
                           const std::vector<CacheRecord>& records);

/// The hash the cache uses for file contents and for its own checksum: 64 bits,
/// eight bytes at a time, much faster than FNV-1a on large inputs. Not cryptographic.
std::uint64_t FastHash(std::string_view bytes);

/// The framing of djcost's cache files (the fact cache, the link memo): an
/// 8-byte `magic`, a FastHash of the body, then the body, so that a truncated or
/// damaged file is caught before anything in it is trusted. StartCacheFile
/// returns the header with the checksum left blank (room reserved for a body of
/// about `body_size` bytes, so appending it does not copy it again); the body is
/// appended to it, then SealCacheFile fills the checksum in.
std::string StartCacheFile(std::string_view magic, std::size_t body_size);
void SealCacheFile(std::string_view magic, std::string* file);

/// The body of a file SealCacheFile wrote under `magic`, its checksum not
/// checked: for reading a key at its head before the whole is read. Empty when
/// `file` is too short or not of `magic`.
std::string_view PeekCacheFile(std::string_view file, std::string_view magic);

enum class CacheFileCheck { kIntact, kForeign, kDamaged };
/// Checks what SealCacheFile wrote under `magic`; when intact, `*body` views into `file`.
CacheFileCheck OpenCacheFile(std::string_view file, std::string_view magic, std::string_view* body);

/// A stamp is only trusted when the file was last modified well before the scan
/// started: a write landing in the same clock tick as the one we saw would keep
/// size and mtime and go unnoticed (git's "racily clean" entries). Returns
/// `stamp` with mtime_ns 0 when it is too recent.
FileStamp Racy(FileStamp stamp, std::int64_t scan_start_ns);

}  // namespace djcost
