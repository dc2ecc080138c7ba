#include "cache/listing_memo.h"

#include "cache/byte_stream.h"
#include "cache/fact_cache.h"

namespace djcost {
namespace {

constexpr std::string_view kMagic = "DJCOSTLS";

void WriteStamp(const PathStamp& s, ByteWriter* w) {
  w->Varint((s.known ? 1u : 0u) | (s.exists ? 2u : 0u));
  w->Signed(s.mtime_ns);
  w->Varint(s.size);
  w->Varint(s.inode);
}

PathStamp ReadStamp(ByteReader* r) {
  PathStamp s;
  const std::uint64_t flags = r->Varint();
  s.known = (flags & 1u) != 0;
  s.exists = (flags & 2u) != 0;
  s.mtime_ns = r->Signed();
  s.size = r->Varint();
  s.inode = r->Varint();
  return s;
}

void WriteWatched(const WatchedPath& w, ByteWriter* out) {
  out->String(w.path);
  WriteStamp(w.stamp, out);
}

WatchedPath ReadWatched(ByteReader* r) {
  WatchedPath w;
  w.path = r->String();
  w.stamp = ReadStamp(r);
  return w;
}

}  // namespace

std::string EncodeListingMemo(const std::string& key, const FolderListing& listing) {
  std::string file = StartCacheFile(kMagic, 64 * listing.folders.size());
  ByteWriter w(&file);
  w.String(key);
  w.Varint(listing.watched.size());
  for (const WatchedPath& watched : listing.watched) WriteWatched(watched, &w);
  WriteWatched(listing.index, &w);
  w.Fixed64(listing.tracked_digest);
  w.Varint(listing.folders.size());
  for (const FolderRecord& folder : listing.folders) {
    w.String(folder.relative);
    WriteStamp(folder.stamp, &w);
    WriteStamp(folder.gitignore, &w);
    w.Varint(folder.entries.size());
    for (const ListedEntry& entry : folder.entries) {
      w.String(entry.name);
      w.Varint(entry.type);
      w.Varint(static_cast<std::uint64_t>(entry.decision));
    }
  }
  SealCacheFile(kMagic, &file);
  return file;
}

bool DecodeListingMemo(const std::string& file, const std::string& key, FolderListing* listing) {
  std::string_view body;
  if (OpenCacheFile(file, kMagic, &body) != CacheFileCheck::kIntact) return false;
  ByteReader r(body);
  if (r.StringView() != key || !r.ok()) return false;
  FolderListing out;
  out.watched.resize(r.Count());
  for (WatchedPath& watched : out.watched) watched = ReadWatched(&r);
  out.index = ReadWatched(&r);
  out.tracked_digest = r.Fixed64();
  out.folders.resize(r.Count());
  for (FolderRecord& folder : out.folders) {
    folder.relative = r.String();
    folder.stamp = ReadStamp(&r);
    folder.gitignore = ReadStamp(&r);
    folder.entries.resize(r.Count());
    for (ListedEntry& entry : folder.entries) {
      entry.name = r.String();
      entry.type = static_cast<unsigned char>(r.Varint());
      const std::uint64_t decision = r.Varint();
      if (decision > static_cast<std::uint64_t>(IgnoreDecision::kAsk)) return false;
      entry.decision = static_cast<IgnoreDecision>(decision);
    }
    if (!r.ok()) return false;
  }
  if (!r.ok() || !r.done()) return false;
  // Discover looks folders up by a binary search.
  for (std::size_t i = 1; i < out.folders.size(); ++i) {
    if (!(out.folders[i - 1].relative < out.folders[i].relative)) return false;
  }
  *listing = std::move(out);
  return true;
}

}  // namespace djcost
