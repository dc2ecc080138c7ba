#include "discover/path_stamp.h"

#include <fcntl.h>
#include <time.h>

#include <cerrno>

namespace djcost {

namespace {

constexpr std::int64_t kRacyWindowNs = 2'000'000'000;

// After a failed stat: known to be missing, or not known at all.
PathStamp NotThere() {
  PathStamp missing;
  missing.known = errno == ENOENT || errno == ENOTDIR;
  return missing;
}

}  // namespace

PathStamp StampOf(const struct stat& st) {
  PathStamp s;
  s.known = true;
  s.exists = true;
  s.mtime_ns = std::int64_t{st.st_mtim.tv_sec} * 1'000'000'000 + st.st_mtim.tv_nsec;
  s.size = static_cast<std::uint64_t>(st.st_size);
  s.inode = static_cast<std::uint64_t>(st.st_ino);
  return s;
}

PathStamp StampAt(int dirfd, const char* path, bool follow) {
  struct stat st;
  if (::fstatat(dirfd, path, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW) == 0) return StampOf(st);
  return NotThere();
}

PathStamp Settled(PathStamp stamp, std::int64_t walk_start_ns) {
  if (stamp.exists && stamp.mtime_ns >= walk_start_ns - kRacyWindowNs) stamp.known = false;
  return stamp;
}

PathStamp WatchedStamp(const std::string& path, std::int64_t walk_start_ns) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return NotThere();
  if (S_ISDIR(st.st_mode)) return PathStamp{true, true, 0, 0, 0};
  return Settled(StampOf(st), walk_start_ns);
}

std::int64_t NowNs() {
  struct timespec ts;
  ::clock_gettime(CLOCK_REALTIME, &ts);
  return std::int64_t{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec;
}

}  // namespace djcost
