// Stamps of folders and files for the folder listing memo (data/folder_listing.h):
// taking one from a stat, and deciding whether a recorded one still holds.
// Internal to discover/.
#pragma once

#include <sys/stat.h>

#include <cstdint>
#include <string>

#include "data/folder_listing.h"

namespace djcost {

PathStamp StampOf(const struct stat& st);

/// `path` relative to the folder `dirfd` holds open (or absolute); links are
/// not followed when `follow` is false. A missing path gives a known stamp
/// with `exists` false; any other failure an unknown one.
PathStamp StampAt(int dirfd, const char* path, bool follow);

/// `stamp`, not to be trusted when it changed within two seconds of
/// `walk_start_ns` (the fact cache's racy window): a change in the same clock
/// tick as the one recorded would leave the stamp as it was.
PathStamp Settled(PathStamp stamp, std::int64_t walk_start_ns);

/// The stamp of a file outside the tree that the ignore rules read (links
/// followed), Settled. Of a folder (a `.git`), only that it is one: git moves
/// its own folder's stamp whenever it writes the index (renaming a lock file).
PathStamp WatchedStamp(const std::string& path, std::int64_t walk_start_ns);

/// True when `recorded` is trusted and `now` equals it.
inline bool StillHolds(const PathStamp& recorded, const PathStamp& now) {
  return recorded.known && recorded == now;
}

/// The real-time clock in ns since the epoch, as file stamps count it.
std::int64_t NowNs();

}  // namespace djcost
