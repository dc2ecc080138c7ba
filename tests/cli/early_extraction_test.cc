// Extraction begun while discovery walks: what it hands over is what the scan's
// own extraction would have made of the same files, only for the files
// discovery keeps as they were found, and the scan then reads none of them again.
#include "cli/early_extraction.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "cache/cache_location.h"
#include "cache/fact_cache.h"
#include "cli/extract_cached.h"
#include "discover/discover.h"
#include "extract/extract.h"
#include "syntax/python_parser.h"
#include "support/temp_dir.h"

namespace djcost {
namespace {

using testing::TempDir;

const char kModels[] =
    "from django.db import models\n\n"
    "class Book(models.Model):\n"
    "    title = models.CharField(max_length=10)\n\n"
    "    def save(self, *args, **kwargs):\n"
    "        self.full_clean()\n"
    "        super().save(*args, **kwargs)\n";
const char kUrls[] =
    "from django.urls import path\n"
    "from . import views\n\n"
    "urlpatterns = [path('books/', views.books)]\n";
const char kViews[] = "def books(request):\n    return render(request, 'books.html')\n";

// The files of a small app, as discovery lists them.
std::vector<SourceFile> Listed(const TempDir& dir) {
  dir.Write("shop/models.py", kModels);
  dir.Write("shop/urls.py", kUrls);
  dir.Write("shop/views.py", kViews);
  dir.Write("shop/tests/test_books.py", "class T(TestCase):\n    pass\n");
  DiscoverOptions options;
  options.use_gitignore = false;
  return Discover(dir.str(), options).files;
}

FileFacts ExtractedHere(const TempDir& dir, const SourceFile& file) {
  std::ifstream in(dir.path() / file.path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  PythonParser parser;
  return ExtractForScan(file, bytes, parser);
}

// Run on a thread of its own until every file queued is taken up; Close then
// lets it finish the file it is on.
void RunUntilEmpty(EarlyExtraction& early) {
  std::thread run([&] { early.Run(); });
  while (early.queued() > 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  early.Close();
  run.join();
}

TEST(EarlyExtraction, HandsOverWhatTheScanWouldExtractOfTheFilesKept) {
  TempDir dir;
  const std::vector<SourceFile> files = Listed(dir);
  ASSERT_EQ(files.size(), 4u);
  EarlyExtraction early(dir.str(), /*hashing=*/true);
  std::thread walker([&] {
    for (const SourceFile& file : files) early.Found(file);
    early.Found(SourceFile{"shop/ignored.py", FileKind::kSource, 1, 1});  // dropped later
  });
  walker.join();
  RunUntilEmpty(early);
  std::vector<SourceFile> kept = files;
  kept[1].mtime_ns += 1;  // found before an edit: not the file discovery keeps
  ExtractedEarly taken = early.Take(kept);
  EXPECT_EQ(taken.files.size(), kept.size() - 1);  // not the dropped one, nor the restamped
  for (std::size_t i = 0; i < kept.size(); ++i) {
    SCOPED_TRACE(kept[i].path);
    ExtractedEarly::File* file = taken.Find(i);
    if (i == 1) {
      EXPECT_EQ(file, nullptr);
      continue;
    }
    ASSERT_NE(file, nullptr);
    EXPECT_EQ(file->facts, ExtractedHere(dir, kept[i]));
    std::ifstream in(dir.path() / kept[i].path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(file->hash, FastHash(bytes));
  }
  EXPECT_EQ(taken.Find(kept.size()), nullptr);
}

TEST(EarlyExtraction, ClosedFirstItExtractsNothing) {
  TempDir dir;
  const std::vector<SourceFile> files = Listed(dir);
  EarlyExtraction early(dir.str(), false);
  for (const SourceFile& file : files) early.Found(file);
  early.Close();
  early.Run();  // the queued files are the scan's workers' now
  EXPECT_TRUE(early.Take(files).files.empty());
}

TEST(EarlyExtraction, AbandonedItQueuesNothing) {
  TempDir dir;
  const std::vector<SourceFile> files = Listed(dir);
  EarlyExtraction early(dir.str(), false);
  early.Abandon();
  for (const SourceFile& file : files) early.Found(file);
  EXPECT_EQ(early.queued(), 0u);
  RunUntilEmpty(early);
  EXPECT_TRUE(early.Take(files).files.empty());
}

// ExtractWithCache takes the files extracted early instead of reading them: a
// file removed since is still given its facts, and the cache it writes is the
// one a scan that read every file writes.
TEST(EarlyExtraction, TheScanReadsNoFileItWasHanded) {
  TempDir dir;
  const std::vector<SourceFile> files = Listed(dir);
  const std::string cache_a = (dir.path() / "a" / "facts").string();
  const std::string cache_b = (dir.path() / "b" / "facts").string();
  FactCacheUse plain{cache_a, FactCacheKey("rules"), nullptr, {}, {}, {}, {}};
  Extraction read_here = ExtractWithCache(dir.str(), files, 1, plain, nullptr);

  EarlyExtraction early(dir.str(), true);
  for (const SourceFile& file : files) early.Found(file);
  RunUntilEmpty(early);
  ExtractedEarly handed = early.Take(files);
  ASSERT_EQ(handed.files.size(), 4u);
  std::filesystem::remove(dir.path() / "shop/views.py");
  FactCacheUse other = plain;
  other.file = cache_b;
  Extraction taken = ExtractWithCache(dir.str(), files, 2, other, nullptr, nullptr, &handed);
  EXPECT_EQ(taken.facts, read_here.facts);
  EXPECT_EQ(taken.link_inputs, read_here.link_inputs);
  auto bytes = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  };
  EXPECT_FALSE(bytes(cache_a).empty());
  EXPECT_EQ(bytes(cache_b), bytes(cache_a));
}

}  // namespace
}  // namespace djcost
