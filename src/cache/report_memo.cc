#include "cache/report_memo.h"

#include <bit>
#include <cstdint>

#include "cache/byte_stream.h"
#include "cache/fact_cache.h"

namespace djcost {
namespace {

constexpr std::string_view kMagic = "DJCOSTRP";

}  // namespace

std::string StartReportMemo(const std::string& key, const StrategyP50s& p50s) {
  std::string file = StartCacheFile(kMagic, 0);
  ByteWriter w(&file);
  w.String(key);
  w.Varint(p50s.size());
  for (const auto& [id, p50] : p50s) {
    w.String(id);
    w.Fixed64(std::bit_cast<std::uint64_t>(p50));
  }
  return file;
}

void SealReportMemo(std::string* file) { SealCacheFile(kMagic, file); }

bool LoadReportMemo(const std::string& path, const std::string& key, RememberedReport* report) {
  RememberedReport out;
  std::string error;
  if (!out.file.Open(path, &error)) return false;
  // The key first: a memo of other inputs is not read past its head.
  const std::string_view file = out.file.bytes();
  if (ByteReader(PeekCacheFile(file, kMagic)).StringView() != key) return false;
  std::string_view body;
  if (OpenCacheFile(file, kMagic, &body) != CacheFileCheck::kIntact) return false;
  ByteReader r(body);
  if (r.StringView() != key || !r.ok()) return false;
  out.p50s.resize(r.Count());
  for (auto& [id, p50] : out.p50s) {
    id = r.String();
    p50 = std::bit_cast<double>(r.Fixed64());
  }
  if (!r.ok()) return false;
  out.rendered = body.substr(r.pos());
  *report = std::move(out);
  return true;
}

}  // namespace djcost
