#include "cache/fact_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "cache/byte_stream.h"
#include "cache/fact_codec.h"
#include "util/atomic_file.h"

namespace djcost {
namespace {

constexpr std::string_view kMagic = "DJCOSTF2";
// The layout before the index moved behind the facts: read as another build's.
constexpr std::string_view kOldMagic = "DJCOSTFC";

// Two seconds covers the coarsest common file-system clocks.
constexpr std::int64_t kRacyWindowNs = 2'000'000'000;

Diagnostic Ignored(const std::string& why) {
  return Diagnostic{Severity::kWarning, "cache-ignored", Location{},
                    "the fact cache was ignored (" + why +
                        "): every file was parsed again and the cache rewritten"};
}

std::uint64_t Mix(std::uint64_t h) {
  h ^= h >> 32;
  h *= 0xd6e8feb86659fd93ull;
  h ^= h >> 32;
  return h;
}

}  // namespace

std::uint64_t FastHash(std::string_view bytes) {
  constexpr std::uint64_t kMultiplier = 0x9fb21c651e98df25ull;
  const char* p = bytes.data();
  std::size_t n = bytes.size();
  // Four lanes of 8 bytes while 32 remain: no lane waits for another's
  // multiplications, so a long input (the whole cache file, checked at every
  // scan) hashes several times faster than through one chain.
  std::uint64_t lanes[4] = {0x9e3779b97f4a7c15ull ^ n, 0xc2b2ae3d27d4eb4full,
                            0x165667b19e3779f9ull, 0x27d4eb2f165667c5ull};
  while (n >= 32) {
    for (int k = 0; k < 4; ++k) {
      std::uint64_t word;
      std::memcpy(&word, p + 8 * k, 8);
      lanes[k] = (lanes[k] ^ Mix(word)) * kMultiplier;
    }
    p += 32;
    n -= 32;
  }
  std::uint64_t h = lanes[0];
  for (int k = 1; k < 4; ++k) h = (h ^ Mix(lanes[k])) * kMultiplier;
  while (n >= 8) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    h = (h ^ Mix(word)) * kMultiplier;
    p += 8;
    n -= 8;
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, p, n);
  h = (h ^ Mix(tail ^ (static_cast<std::uint64_t>(n) << 56))) * kMultiplier;
  return Mix(h);
}

std::string StartCacheFile(std::string_view magic, std::size_t body_size) {
  std::string file;
  file.reserve(magic.size() + 8 + body_size);
  file.append(magic);
  file.append(8, '\0');
  return file;
}

void SealCacheFile(std::string_view magic, std::string* file) {
  const std::size_t header = magic.size() + 8;
  std::string checksum;
  ByteWriter(&checksum).Fixed64(FastHash(std::string_view(*file).substr(header)));
  file->replace(magic.size(), 8, checksum);
}

std::string_view PeekCacheFile(std::string_view file, std::string_view magic) {
  const std::size_t header = magic.size() + 8;  // the magic, the checksum
  if (file.size() < header || file.substr(0, magic.size()) != magic) return {};
  return file.substr(header);
}

CacheFileCheck OpenCacheFile(std::string_view file, std::string_view magic, std::string_view* body) {
  const std::size_t header = magic.size() + 8;
  if (file.size() < header || file.substr(0, magic.size()) != magic) return CacheFileCheck::kForeign;
  ByteReader checksum(file.substr(magic.size(), 8));
  *body = PeekCacheFile(file, magic);
  return checksum.Fixed64() == FastHash(*body) ? CacheFileCheck::kIntact : CacheFileCheck::kDamaged;
}

FileStamp Racy(FileStamp stamp, std::int64_t scan_start_ns) {
  if (stamp.mtime_ns >= scan_start_ns - kRacyWindowNs) stamp.mtime_ns = 0;
  return stamp;
}

struct FactCache::OpenFile {
  int fd = -1;
  std::uint64_t facts_at = 0;  // the facts' offset in the file
};

void FactCache::CloseFile::operator()(OpenFile* file) const {
  if (file->fd >= 0) ::close(file->fd);
  delete file;
}

namespace {

constexpr std::size_t kHeaderSize = 32;  // magic, two checksums, the facts' size

// Reads `size` bytes at `offset`, whole or not at all.
bool ReadAt(int fd, std::uint64_t offset, std::size_t size, std::string* out) {
  out->resize(size);
  std::size_t done = 0;
  while (done < size) {
    ssize_t n = ::pread(fd, out->data() + done, size - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

std::uint64_t Fixed64At(std::string_view bytes, std::size_t at) {
  ByteReader r(bytes.substr(at, 8));
  return r.Fixed64();
}

}  // namespace

FactCache FactCache::Load(const std::string& path, const std::string& key,
                          std::vector<Diagnostic>* diagnostics) {
  FactCache cache = LoadIndex(path, key, diagnostics);
  cache.LoadFacts(diagnostics);
  return cache;
}

FactCache FactCache::LoadIndex(const std::string& path, const std::string& key,
                               std::vector<Diagnostic>* diagnostics) {
  FactCache cache;
  std::unique_ptr<OpenFile, CloseFile> file(new OpenFile);
  file->fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (file->fd < 0) {
    if (errno != ENOENT) {  // a missing file is the first scan
      diagnostics->push_back(Ignored(std::string("unreadable: ") + std::strerror(errno)));
    }
    return cache;
  }
  struct stat st;
  if (::fstat(file->fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    diagnostics->push_back(Ignored("unreadable: not a regular file"));
    return cache;
  }
  const std::uint64_t file_size = static_cast<std::uint64_t>(st.st_size);
  std::string header;
  const bool read = ReadAt(file->fd, 0, std::min<std::uint64_t>(file_size, kHeaderSize), &header);
  // The layout before the index moved behind the facts: another build's cache.
  if (read && header.starts_with(kOldMagic)) return cache;
  if (!read || header.size() < kHeaderSize) {
    diagnostics->push_back(Ignored("truncated or corrupt"));
    return cache;
  }
  if (!header.starts_with(kMagic)) {
    diagnostics->push_back(Ignored("not a djcost cache file"));
    return cache;
  }
  const std::uint64_t index_checksum = Fixed64At(header, 8);
  cache.facts_checksum_ = Fixed64At(header, 16);
  cache.facts_size_ = Fixed64At(header, 24);
  file->facts_at = kHeaderSize;
  auto buffer = std::make_unique<std::string>();
  if (cache.facts_size_ > file_size - kHeaderSize ||
      !ReadAt(file->fd, kHeaderSize + cache.facts_size_,
              file_size - kHeaderSize - cache.facts_size_, buffer.get()) ||
      FastHash(*buffer) != index_checksum) {
    diagnostics->push_back(Ignored("truncated or corrupt"));
    return cache;
  }
  ByteReader r(*buffer);
  // Another build, grammar or rule set: facts may differ, start afresh.
  if (r.StringView() != key) return cache;
  std::size_t count = r.Count();
  std::unordered_map<std::string_view, Entry> entries;
  entries.reserve(count);
  std::uint64_t offset = 0;
  for (std::size_t i = 0; i < count && r.ok(); ++i) {
    std::string_view path_in_cache = r.StringView();
    Entry e;
    std::uint64_t kind = r.Varint();
    e.kind = static_cast<FileKind>(kind);
    e.stamp.size = r.Varint();
    e.stamp.mtime_ns = r.Signed();
    e.hash = r.Fixed64();
    std::uint64_t facts_size = r.Varint();
    if (kind > static_cast<std::uint64_t>(FileKind::kUrls) ||
        facts_size > cache.facts_size_ - offset) {
      break;
    }
    e.facts_offset = offset;
    e.facts_size = facts_size;
    offset += facts_size;
    entries.emplace(path_in_cache, e);
  }
  if (!r.ok() || !r.done() || entries.size() != count || offset != cache.facts_size_) {
    diagnostics->push_back(Ignored("corrupt"));
    return cache;
  }
  cache.buffer_ = std::move(buffer);
  cache.entries_ = std::move(entries);
  cache.file_ = std::move(file);
  return cache;
}

bool FactCache::LoadFacts(std::vector<Diagnostic>* diagnostics) {
  if (!file_) return true;  // read already, or nothing to read
  std::unique_ptr<OpenFile, CloseFile> file = std::move(file_);
  auto facts = std::make_unique<std::string>();
  if (!ReadAt(file->fd, file->facts_at, facts_size_, facts.get()) ||
      FastHash(*facts) != facts_checksum_) {
    entries_.clear();
    diagnostics->push_back(Ignored("truncated or corrupt"));
    return false;
  }
  for (auto& [path, e] : entries_) {
    e.facts = std::string_view(*facts).substr(e.facts_offset, e.facts_size);
  }
  facts_buffer_ = std::move(facts);
  return true;
}

const FactCache::Entry* FactCache::Find(const SourceFile& file) const {
  auto it = entries_.find(file.path);
  if (it == entries_.end() || it->second.kind != file.kind) return nullptr;
  return &it->second;
}

namespace {

bool Decode(const FactCache::Entry& e, const SourceFile& file, FileFacts* facts) {
  FileFacts decoded;
  if (!DecodeFacts(e.facts, &decoded)) return false;
  decoded.file = file;
  *facts = std::move(decoded);
  return true;
}

}  // namespace

const FactCache::Entry* FactCache::FindByStamp(const SourceFile& file, const FileStamp& stamp,
                                               FileFacts* facts) const {
  const Entry* e = Find(file);
  return e != nullptr && e->StampMatches(stamp) && Decode(*e, file, facts) ? e : nullptr;
}

const FactCache::Entry* FactCache::FindByHash(const SourceFile& file, std::uint64_t hash,
                                              FileFacts* facts) const {
  const Entry* e = Find(file);
  return e != nullptr && e->hash == hash && Decode(*e, file, facts) ? e : nullptr;
}

std::string BuildCacheFile(const std::string& key, const std::vector<SourceFile>& files,
                           const std::vector<FileFacts>& facts,
                           const std::vector<CacheRecord>& records) {
  // Sized up front: the entries kept are copied as they are, and facts to encode
  // take less than their source file; growing an 18 MB string by doubling costs
  // more in page faults than writing it.
  std::size_t count = 0, size = kHeaderSize, index_size = key.size() + 16;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!records[i].store) continue;
    ++count;
    index_size += files[i].path.size() + 40;
    size += records[i].encoded.empty() ? files[i].size : records[i].encoded.size();
  }
  std::string file;
  file.reserve(size + index_size);
  file.append(kMagic);
  file.append(kHeaderSize - kMagic.size(), '\0');
  std::vector<std::uint64_t> sizes(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    const CacheRecord& r = records[i];
    if (!r.store) continue;
    const std::size_t before = file.size();
    if (!r.encoded.empty()) {
      file.append(r.encoded);
    } else {
      EncodeFacts(facts[i], &file);
    }
    sizes[i] = file.size() - before;
  }
  const std::size_t facts_size = file.size() - kHeaderSize;
  ByteWriter w(&file);
  w.String(key);
  w.Varint(count);
  for (std::size_t i = 0; i < files.size(); ++i) {
    const CacheRecord& r = records[i];
    if (!r.store) continue;
    w.String(files[i].path);
    w.Varint(static_cast<std::uint64_t>(files[i].kind));
    w.Varint(r.stamp.size);
    w.Signed(r.stamp.mtime_ns);
    w.Fixed64(r.hash);
    w.Varint(sizes[i]);
  }
  std::string_view all(file);
  std::string header;
  ByteWriter h(&header);
  h.Fixed64(FastHash(all.substr(kHeaderSize + facts_size)));
  h.Fixed64(FastHash(all.substr(kHeaderSize, facts_size)));
  h.Fixed64(facts_size);
  file.replace(kMagic.size(), header.size(), header);
  return file;
}

}  // namespace djcost
