#include "util/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace djcost {

int WorkerCount(std::size_t n_items, int jobs) {
  if (jobs <= 0) jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::size_t workers = std::min<std::size_t>(static_cast<std::size_t>(jobs), n_items);
  return static_cast<int>(std::max<std::size_t>(workers, 1));
}

void ParallelFor(std::size_t n_items, int jobs,
                 const std::function<void(std::size_t index, int worker_id)>& fn) {
  if (n_items == 0) return;
  int workers = WorkerCount(n_items, jobs);
  // A shared counter hands out items one at a time: files differ widely in size,
  // so static chunks would leave threads idle.
  std::atomic<std::size_t> next{0};
  auto loop = [&](int worker_id) {
    for (std::size_t i = next.fetch_add(1); i < n_items; i = next.fetch_add(1)) {
      fn(i, worker_id);
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(workers - 1);
  for (int w = 1; w < workers; ++w) threads.emplace_back(loop, w);
  loop(0);
  for (auto& t : threads) t.join();
}

}  // namespace djcost
