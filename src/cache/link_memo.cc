#include "cache/link_memo.h"

#include "cache/byte_stream.h"
#include "cache/fact_cache.h"
#include "cache/inventory_codec.h"
#include "util/atomic_file.h"

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

bool LoadLinkMemo(const std::string& path, const std::string& key, std::uint64_t inputs,
                  Inventory* inventory) {
  std::string all, error;
  if (!ReadFile(path, &all, &error)) return false;
  std::string_view rest;
  if (OpenCacheFile(all, kMagic, &rest) != CacheFileCheck::kIntact) return false;
  ByteReader body(rest);
  if (body.StringView() != key || body.Fixed64() != inputs || !body.ok()) return false;
  return DecodeInventory(rest.substr(body.pos()), inventory);
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
  return WriteFileAtomically(path, file, &error);
}

}  // namespace djcost
