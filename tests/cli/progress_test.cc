// Progress: silent for the first second and when disabled, then one line
// rewritten in place at most ten times a second, erased at the end.
#include "cli/progress.h"

#include <gtest/gtest.h>

#include <sstream>

namespace djcost {
namespace {

constexpr std::int64_t kMs = 1'000'000;

TEST(FormatProgress, FilesRateAndTimeLeft) {
  EXPECT_EQ(FormatProgress(0, 10, 0.0), "djcost: 0/10 files");
  EXPECT_EQ(FormatProgress(100, 400, 2.0), "djcost: 100/400 files, 50 files/s, 6 s left");
  EXPECT_EQ(FormatProgress(400, 400, 2.0), "djcost: 400/400 files, 200 files/s, 0 s left");
}

TEST(Progress, SilentDuringTheFirstSecond) {
  std::ostringstream err;
  std::int64_t now = 0;
  Progress p(&err, true, 10, [&] { return now; });
  for (int i = 0; i < 5; ++i) {
    now += 100 * kMs;
    p.Tick();
  }
  p.Finish();
  EXPECT_EQ(err.str(), "");
}

TEST(Progress, DrawsOneLineInPlaceThenErasesIt) {
  std::ostringstream err;
  std::int64_t now = 0;
  Progress p(&err, true, 4, [&] { return now; });
  now = 2000 * kMs;
  p.Tick();  // 1 file in 2 s
  now += 10 * kMs;
  p.Tick();  // too soon after the last line: nothing
  EXPECT_EQ(err.str(), "\rdjcost: 1/4 files, 1 files/s, 6 s left\x1b[K");
  now += 200 * kMs;
  p.Tick();
  EXPECT_NE(err.str().find("\rdjcost: 3/4 files"), std::string::npos);
  p.Finish();
  EXPECT_EQ(err.str().substr(err.str().size() - 4), "\r\x1b[K");
}

TEST(Progress, DisabledWritesNothing) {
  std::ostringstream err;
  std::int64_t now = 0;
  Progress p(&err, false, 4, [&] { return now; });
  now = 5000 * kMs;
  p.Tick();
  p.Finish();
  EXPECT_EQ(err.str(), "");
}

}  // namespace
}  // namespace djcost
