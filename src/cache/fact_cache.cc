#include "cache/fact_cache.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "cache/byte_stream.h"
#include "cache/fact_codec.h"
#include "util/atomic_file.h"

namespace djcost {
namespace {

constexpr std::string_view kMagic = "DJCOSTFC";

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

CacheFileCheck OpenCacheFile(std::string_view file, std::string_view magic, std::string_view* body) {
  const std::size_t header = magic.size() + 8;
  if (file.size() < header || file.substr(0, magic.size()) != magic) return CacheFileCheck::kForeign;
  ByteReader checksum(file.substr(magic.size(), 8));
  *body = file.substr(header);
  return checksum.Fixed64() == FastHash(*body) ? CacheFileCheck::kIntact : CacheFileCheck::kDamaged;
}

FileStamp Racy(FileStamp stamp, std::int64_t scan_start_ns) {
  if (stamp.mtime_ns >= scan_start_ns - kRacyWindowNs) stamp.mtime_ns = 0;
  return stamp;
}

FactCache FactCache::Load(const std::string& path, const std::string& key,
                          std::vector<Diagnostic>* diagnostics) {
  FactCache cache;
  auto buffer = std::make_unique<std::string>();
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 && errno == ENOENT) return cache;  // first scan
  std::string error;
  if (!ReadFile(path, buffer.get(), &error)) {
    diagnostics->push_back(Ignored("unreadable: " + error.substr(error.rfind(": ") + 2)));
    return cache;
  }
  std::string_view body;
  switch (OpenCacheFile(*buffer, kMagic, &body)) {
    case CacheFileCheck::kForeign:
      diagnostics->push_back(Ignored("not a djcost cache file"));
      return cache;
    case CacheFileCheck::kDamaged:
      diagnostics->push_back(Ignored("truncated or corrupt"));
      return cache;
    case CacheFileCheck::kIntact:
      break;
  }
  ByteReader r(body);
  // Another build, grammar or rule set: facts may differ, start afresh.
  if (r.StringView() != key) return cache;
  std::size_t count = r.Count();
  std::unordered_map<std::string_view, Entry> entries;
  entries.reserve(count);
  for (std::size_t i = 0; i < count && r.ok(); ++i) {
    std::string_view file = r.StringView();
    Entry e;
    std::uint64_t kind = r.Varint();
    e.kind = static_cast<FileKind>(kind);
    e.stamp.size = r.Varint();
    e.stamp.mtime_ns = r.Signed();
    e.hash = r.Fixed64();
    e.facts = r.StringView();
    if (kind > static_cast<std::uint64_t>(FileKind::kUrls)) break;
    entries.emplace(file, e);
  }
  if (!r.ok() || !r.done() || entries.size() != count) {
    diagnostics->push_back(Ignored("corrupt"));
    return cache;
  }
  cache.buffer_ = std::move(buffer);
  cache.entries_ = std::move(entries);
  return cache;
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
  std::size_t count = 0, size = key.size() + 16;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!records[i].store) continue;
    ++count;
    size += files[i].path.size() + 40 +
            (records[i].encoded.empty() ? files[i].size : records[i].encoded.size());
  }
  std::string file = StartCacheFile(kMagic, size);
  ByteWriter w(&file);
  w.String(key);
  w.Varint(count);
  std::string encoded;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const CacheRecord& r = records[i];
    if (!r.store) continue;
    w.String(files[i].path);
    w.Varint(static_cast<std::uint64_t>(files[i].kind));
    w.Varint(r.stamp.size);
    w.Signed(r.stamp.mtime_ns);
    w.Fixed64(r.hash);
    if (!r.encoded.empty()) {
      w.String(r.encoded);
    } else {
      encoded.clear();
      EncodeFacts(facts[i], &encoded);
      w.String(encoded);
    }
  }
  SealCacheFile(kMagic, &file);
  return file;
}

}  // namespace djcost
