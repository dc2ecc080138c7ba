// The cache file: lookups by stamp and by content hash, keys, racy stamps, and
// damaged files ignored with a diagnostic.
#include "cache/fact_cache.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "cache/cache_location.h"
#include "support/temp_dir.h"

namespace djcost {
namespace {

using testing::TempDir;

struct Sample {
  std::vector<SourceFile> files{{"app/models.py", FileKind::kSource, 10},
                                {"app/urls.py", FileKind::kUrls, 20}};
  std::vector<FileFacts> facts;
  std::vector<CacheRecord> records;

  Sample() {
    for (const SourceFile& f : files) {
      FileFacts ff;
      ff.file = f;
      ff.parsed = true;
      ff.lines.code = static_cast<int>(f.size);
      ff.imports.push_back(Import{"django.db", 0, "models", "", false, true, 1});
      facts.push_back(ff);
      records.push_back(CacheRecord{true, FileStamp{f.size, 1000 + static_cast<int>(f.size)},
                                    FastHash(f.path), {}});
    }
  }
};

std::string Written(const TempDir& dir, const std::string& key, const Sample& s) {
  std::string path = dir.str() + "/c.facts";
  std::ofstream(path, std::ios::binary) << BuildCacheFile(key, s.files, s.facts, s.records);
  return path;
}

TEST(FactCache, FindsByStampOrHashForTheSamePathAndKind) {
  TempDir dir;
  Sample s;
  std::vector<Diagnostic> diags;
  FactCache cache = FactCache::Load(Written(dir, "k", s), "k", &diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(cache.size(), 2u);
  FileFacts got;
  ASSERT_TRUE(cache.FindByStamp(s.files[1], FileStamp{20, 1020}, &got));
  EXPECT_EQ(got, s.facts[1]);
  EXPECT_FALSE(cache.FindByStamp(s.files[1], FileStamp{20, 1021}, &got));
  EXPECT_FALSE(cache.FindByStamp(s.files[1], FileStamp{21, 1020}, &got));
  ASSERT_TRUE(cache.FindByHash(s.files[0], FastHash("app/models.py"), &got));
  EXPECT_EQ(got, s.facts[0]);
  EXPECT_FALSE(cache.FindByHash(s.files[0], FastHash("other"), &got));
  SourceFile other_kind = s.files[0];
  other_kind.kind = FileKind::kTest;
  EXPECT_FALSE(cache.FindByHash(other_kind, FastHash("app/models.py"), &got));
  SourceFile other_path = s.files[0];
  other_path.path = "app/models2.py";
  EXPECT_FALSE(cache.FindByStamp(other_path, FileStamp{10, 1010}, &got));
}

TEST(FactCache, AnotherKeyOrNoFileIsAnEmptyCacheWithoutAWord) {
  TempDir dir;
  Sample s;
  std::vector<Diagnostic> diags;
  EXPECT_EQ(FactCache::Load(Written(dir, "old build", s), "new build", &diags).size(), 0u);
  EXPECT_EQ(FactCache::Load(dir.str() + "/absent.facts", "k", &diags).size(), 0u);
  EXPECT_TRUE(diags.empty());
}

TEST(FactCache, TruncatedOrDamagedFilesAreIgnoredWithADiagnostic) {
  TempDir dir;
  Sample s;
  std::string whole = BuildCacheFile("k", s.files, s.facts, s.records);
  std::vector<std::string> bad;
  for (size_t n : {size_t{0}, size_t{5}, size_t{16}, whole.size() / 2, whole.size() - 1}) {
    bad.push_back(whole.substr(0, n));
  }
  for (size_t i = 0; i < whole.size(); i += 7) {
    std::string flipped = whole;
    flipped[i] = static_cast<char>(flipped[i] ^ 0x20);
    bad.push_back(flipped);
  }
  for (const std::string& contents : bad) {
    std::string path = dir.str() + "/bad.facts";
    std::ofstream(path, std::ios::binary | std::ios::trunc) << contents;
    std::vector<Diagnostic> diags;
    FactCache cache = FactCache::Load(path, "k", &diags);
    EXPECT_EQ(cache.size(), 0u);
    ASSERT_EQ(diags.size(), 1u);
    EXPECT_EQ(diags[0].code, "cache-ignored");
    EXPECT_EQ(diags[0].severity, Severity::kWarning);
  }
}

// A warm scan reads the index alone; the facts are read (and checked) only
// when a file's facts are needed, from the file the index came from.
TEST(FactCache, TheIndexIsReadAndCheckedWithoutTheFacts) {
  TempDir dir;
  Sample s;
  const std::string whole = BuildCacheFile("k", s.files, s.facts, s.records);
  // The facts come first, after the 32-byte header: damage one of their bytes.
  std::string damaged = whole;
  damaged[33] = static_cast<char>(damaged[33] ^ 0x20);
  std::string path = dir.str() + "/c.facts";
  std::ofstream(path, std::ios::binary) << damaged;
  std::vector<Diagnostic> diags;
  FactCache cache = FactCache::LoadIndex(path, "k", &diags);
  EXPECT_TRUE(diags.empty());
  ASSERT_EQ(cache.size(), 2u);
  ASSERT_NE(cache.Find(s.files[1]), nullptr);
  EXPECT_TRUE(cache.Find(s.files[1])->StampMatches(FileStamp{20, 1020}));
  EXPECT_EQ(cache.Find(s.files[0])->hash, FastHash("app/models.py"));
  EXPECT_FALSE(cache.LoadFacts(&diags));
  EXPECT_EQ(cache.size(), 0u);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].code, "cache-ignored");
  EXPECT_TRUE(cache.LoadFacts(&diags));  // once: nothing more to read or say
  EXPECT_EQ(diags.size(), 1u);

  // A cache rewritten between the two reads is a new file: the facts read are
  // still those the index describes.
  std::ofstream(path, std::ios::binary | std::ios::trunc) << whole;
  diags.clear();
  FactCache before = FactCache::LoadIndex(path, "k", &diags);
  Sample other;
  other.facts[1].lines.code = 99;
  const std::string next = dir.str() + "/next.facts";
  std::ofstream(next, std::ios::binary) << BuildCacheFile("k", other.files, other.facts,
                                                          other.records);
  ASSERT_EQ(std::rename(next.c_str(), path.c_str()), 0);
  ASSERT_TRUE(before.LoadFacts(&diags));
  FileFacts got;
  ASSERT_TRUE(before.FindByStamp(s.files[1], FileStamp{20, 1020}, &got));
  EXPECT_EQ(got, s.facts[1]);
  EXPECT_TRUE(diags.empty());
}

// The layout before the index moved behind the facts is another build's cache.
TEST(FactCache, TheOlderLayoutIsAnotherBuildsCache) {
  TempDir dir;
  std::string path = dir.str() + "/old.facts";
  std::ofstream(path, std::ios::binary) << "DJCOSTFC" << std::string(40, 'x');
  std::vector<Diagnostic> diags;
  EXPECT_EQ(FactCache::Load(path, "k", &diags).size(), 0u);
  EXPECT_TRUE(diags.empty());
}

TEST(FactCache, AStampWithoutMtimeIsNeverTrusted) {
  TempDir dir;
  Sample s;
  s.records[0].stamp.mtime_ns = 0;
  std::vector<Diagnostic> diags;
  FactCache cache = FactCache::Load(Written(dir, "k", s), "k", &diags);
  FileFacts got;
  EXPECT_FALSE(cache.FindByStamp(s.files[0], FileStamp{10, 0}, &got));
  EXPECT_TRUE(cache.FindByHash(s.files[0], FastHash("app/models.py"), &got));
}

TEST(FactCache, LeavesOutFilesNotToStoreAndReusesEncodedFacts) {
  TempDir dir;
  Sample s;
  s.records[0].store = false;
  std::vector<Diagnostic> diags;
  FactCache first = FactCache::Load(Written(dir, "k", s), "k", &diags);
  EXPECT_EQ(first.size(), 1u);
  EXPECT_EQ(first.Find(s.files[0]), nullptr);
  // The second generation copies the first's bytes for an unchanged file.
  Sample again;
  again.records[0].store = false;
  again.records[1].encoded = first.Find(s.files[1])->facts;
  again.facts[1] = FileFacts{};  // not used when the encoding is reused
  std::string path = dir.str() + "/again.facts";
  std::ofstream(path, std::ios::binary) << BuildCacheFile("k", again.files, again.facts,
                                                          again.records);
  FactCache second = FactCache::Load(path, "k", &diags);
  FileFacts got;
  ASSERT_TRUE(second.FindByStamp(s.files[1], FileStamp{20, 1020}, &got));
  EXPECT_EQ(got, s.facts[1]);
  EXPECT_TRUE(diags.empty());
}

TEST(FactCache, RecentStampsAreRacy) {
  const std::int64_t start = 100'000'000'000;
  EXPECT_EQ(Racy(FileStamp{5, start - 3'000'000'000}, start).mtime_ns, start - 3'000'000'000);
  EXPECT_EQ(Racy(FileStamp{5, start - 1'000'000'000}, start).mtime_ns, 0);
  EXPECT_EQ(Racy(FileStamp{5, start + 1}, start).mtime_ns, 0);
}

TEST(FastHash, DependsOnEveryByteAndTheLength) {
  std::string text = "urlpatterns = [path('a/', views.a)]\n";
  std::uint64_t h = FastHash(text);
  for (size_t i = 0; i < text.size(); ++i) {
    std::string changed = text;
    changed[i] = static_cast<char>(changed[i] + 1);
    EXPECT_NE(FastHash(changed), h) << i;
  }
  EXPECT_NE(FastHash(std::string(8, '\0')), FastHash(std::string(9, '\0')));
  EXPECT_EQ(FastHash(text), h);
}

// Past 32 bytes the hash runs four lanes: every byte still counts, and so does
// the order of the blocks and of the lanes within one.
TEST(FastHash, LongInputsDependOnEveryByteAndOnOrder) {
  std::string text;
  for (int i = 0; i < 150; ++i) text += static_cast<char>('a' + i % 26);
  const std::uint64_t h = FastHash(text);
  for (size_t i = 0; i < text.size(); ++i) {
    std::string changed = text;
    changed[i] = static_cast<char>(changed[i] ^ 0x20);
    EXPECT_NE(FastHash(changed), h) << i;
  }
  std::string blocks_swapped = text.substr(32, 32) + text.substr(0, 32) + text.substr(64);
  EXPECT_NE(FastHash(blocks_swapped), h);
  std::string lanes_swapped = text.substr(8, 8) + text.substr(0, 8) + text.substr(16);
  EXPECT_NE(FastHash(lanes_swapped), h);
}

TEST(CacheLocation, UserCacheDirectoryAndOneFilePerRoot) {
  EXPECT_EQ(DefaultCacheDir("/x/cache", "/home/u"), "/x/cache/djcost");
  EXPECT_EQ(DefaultCacheDir("relative", "/home/u"), "/home/u/.cache/djcost");
  EXPECT_EQ(DefaultCacheDir(nullptr, "/home/u"), "/home/u/.cache/djcost");
  EXPECT_EQ(DefaultCacheDir(nullptr, nullptr), "");
  std::string a = CacheFilePath("/c", "/src/shop");
  EXPECT_EQ(a.rfind("/c/shop-", 0), 0u) << a;
  EXPECT_EQ(a.substr(a.size() - 6), ".facts");
  EXPECT_NE(a, CacheFilePath("/c", "/other/shop"));
  EXPECT_EQ(a, CacheFilePath("/c", "/src/shop"));
  EXPECT_NE(FactCacheKey("rules-1"), FactCacheKey("rules-2"));
}

}  // namespace
}  // namespace djcost
