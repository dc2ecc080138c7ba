// The folder listing memo's file: what is written is read back whole, under
// its own key only, and a damaged or disordered file is refused.
#include "cache/listing_memo.h"

#include <dirent.h>
#include <gtest/gtest.h>

namespace djcost {
namespace {

FolderListing Sample() {
  FolderListing l;
  l.watched = {{"/repo/.git", {true, true, 0, 0, 0}},
               {"/home/u/.gitconfig", {true, false, 0, 0, 0}},
               {"/repo/.git/info/exclude", {true, true, -5, 240, 77}}};
  l.index = {"/repo/.git/index", {true, true, 1'700'000'000'123'456'789, 4096, 12}};
  l.tracked_digest = 0xfedcba9876543210u;
  l.folders = {
      {"", {true, true, 1'600'000'000'000'000'000, 4096, 2}, {true, true, 9, 30, 3},
       {{"app", DT_DIR, IgnoreDecision::kKept},
        {"build", DT_UNKNOWN, IgnoreDecision::kAsk},
        {"manage.py", DT_REG, IgnoreDecision::kIgnored},
        {"link", DT_LNK, IgnoreDecision::kAsk}}},
      {"app", {false, true, 1, 2, 3}, {true, false, 0, 0, 0}, {}},
  };
  return l;
}

TEST(ListingMemoFile, ReadsBackWhatItWrote) {
  const FolderListing written = Sample();
  const std::string file = EncodeListingMemo("key", written);
  FolderListing read;
  ASSERT_TRUE(DecodeListingMemo(file, "key", &read));
  EXPECT_EQ(read, written);
  FolderListing empty;
  ASSERT_TRUE(DecodeListingMemo(EncodeListingMemo("key", empty), "key", &read));
  EXPECT_EQ(read, empty);
}

TEST(ListingMemoFile, RefusesAnotherKeyADamagedFileAndDisorder) {
  const std::string file = EncodeListingMemo("key", Sample());
  FolderListing read;
  EXPECT_FALSE(DecodeListingMemo(file, "other key", &read));
  EXPECT_FALSE(DecodeListingMemo(file.substr(0, file.size() - 1), "key", &read));
  std::string flipped = file;
  flipped[flipped.size() / 2] ^= 1;
  EXPECT_FALSE(DecodeListingMemo(flipped, "key", &read));
  EXPECT_FALSE(DecodeListingMemo("", "key", &read));
  FolderListing disordered = Sample();
  std::swap(disordered.folders[0], disordered.folders[1]);
  EXPECT_FALSE(DecodeListingMemo(EncodeListingMemo("key", disordered), "key", &read));
  EXPECT_EQ(read, FolderListing{});  // nothing taken from a refused file
}

}  // namespace
}  // namespace djcost
