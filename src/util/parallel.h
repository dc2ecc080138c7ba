// Runs independent per-item work on a fixed number of threads. Callers store
// each result at its item's index, so output never depends on the thread count
// or on scheduling. Input: item count, job count, a function; output: none.
#pragma once

#include <cstddef>
#include <functional>
#include <future>

namespace djcost {

/// Calls fn(index, worker_id) once for every index in [0, n_items), on
/// min(jobs, n_items) threads (the calling thread is worker 0). jobs <= 0 means
/// one per hardware thread. `fn` must not throw; worker_id is in [0, workers).
void ParallelFor(std::size_t n_items, int jobs,
                 const std::function<void(std::size_t index, int worker_id)>& fn);

/// The number of workers ParallelFor would use for `jobs` and `n_items`.
int WorkerCount(std::size_t n_items, int jobs);

/// How std::async runs work beside the caller's: on a thread of its own when
/// `jobs` allows a second, else deferred to the future's wait().
inline std::launch BesideLaunch(int jobs) {
  return WorkerCount(2, jobs) > 1 ? std::launch::async : std::launch::deferred;
}

}  // namespace djcost
