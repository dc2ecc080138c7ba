#include "util/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <vector>

namespace djcost {
namespace {

TEST(ParallelFor, VisitsEveryIndexOnceWhateverTheJobCount) {
  for (int jobs : {1, 2, 3, 8, 0}) {
    std::vector<int> visits(1000, 0);
    std::vector<std::size_t> squares(1000, 0);
    ParallelFor(visits.size(), jobs, [&](std::size_t i, int) {
      visits[i] += 1;
      squares[i] = i * i;
    });
    for (std::size_t i = 0; i < visits.size(); ++i) {
      ASSERT_EQ(visits[i], 1) << "jobs=" << jobs << " index=" << i;
      ASSERT_EQ(squares[i], i * i);
    }
  }
}

TEST(ParallelFor, WorkerIdsStayBelowWorkerCount) {
  std::mutex mu;
  std::set<int> ids;
  ParallelFor(64, 4, [&](std::size_t, int worker) {
    std::lock_guard<std::mutex> lock(mu);
    ids.insert(worker);
  });
  ASSERT_FALSE(ids.empty());
  EXPECT_GE(*ids.begin(), 0);
  EXPECT_LT(*ids.rbegin(), 4);
}

TEST(ParallelFor, NoItemsCallsNothing) {
  std::atomic<int> calls{0};
  ParallelFor(0, 4, [&](std::size_t, int) { ++calls; });
  EXPECT_EQ(calls.load(), 0);
}

TEST(WorkerCount, NeverExceedsItemsAndIsAtLeastOne) {
  EXPECT_EQ(WorkerCount(3, 8), 3);
  EXPECT_EQ(WorkerCount(100, 2), 2);
  EXPECT_EQ(WorkerCount(0, 4), 1);
  EXPECT_GE(WorkerCount(100, 0), 1);
}

}  // namespace
}  // namespace djcost
