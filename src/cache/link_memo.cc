#include "cache/link_memo.h"

#include "cache/byte_stream.h"
#include "cache/fact_cache.h"
#include "cache/inventory_codec.h"
#include "util/atomic_file.h"
#include "util/mapped_file.h"

namespace djcost {
namespace {

constexpr std::string_view kMagic = "DJCOSTLM";

}  // namespace

std::uint64_t LinkInputsDigest(const std::vector<SourceFile>& files,
                               const std::vector<std::uint64_t>& hashes) {
  std::string text;
  ByteWriter w(&text);
  w.Varint(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    w.String(files[i].path);
    w.Varint(static_cast<std::uint64_t>(files[i].kind));
    w.Fixed64(hashes[i]);
  }
  return FastHash(text);
}

bool LinkMemoNames(std::string_view head, const std::string& key, std::uint64_t inputs) {
  ByteReader body(PeekCacheFile(head, kMagic));
  return body.StringView() == key && body.Fixed64() == inputs && body.ok();
}

bool MatchLinkMemo(std::string_view file, const std::string& key, std::uint64_t inputs,
                   std::string_view* encoded) {
  std::string_view rest;
  if (OpenCacheFile(file, kMagic, &rest) != CacheFileCheck::kIntact) return false;
  ByteReader body(rest);
  if (body.StringView() != key || body.Fixed64() != inputs || !body.ok()) return false;
  *encoded = rest.substr(body.pos());
  return true;
}

bool LoadLinkMemo(const std::string& path, const std::string& key, std::uint64_t inputs,
                  Inventory* inventory) {
  MappedFile file;
  std::string error;
  std::string_view encoded;
  return file.Open(path, &error) && MatchLinkMemo(file.bytes(), key, inputs, &encoded) &&
         DecodeInventory(encoded, inventory);
}

bool WriteLinkMemo(const std::string& path, const std::string& key, std::uint64_t inputs,
                   const Inventory& inventory) {
  std::string file = StartCacheFile(kMagic, 0);
  ByteWriter body(&file);
  body.String(key);
  body.Fixed64(inputs);
  EncodeInventory(inventory, &file);
  SealCacheFile(kMagic, &file);
  std::string error;
  return WriteCacheFile(path, file, &error);
}

}  // namespace djcost
