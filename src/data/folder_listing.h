// What a walk of the scan root saw, kept so that the next walk lists only the
// folders that changed (git's "untracked cache"): each folder's stamp and the
// entries the walk acted on, and the stamps of every file outside the tree that
// decided which paths are ignored. Plain data; depends on the standard library only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace djcost {

/// A folder's or file's identity and last change, from one stat. `known` false:
/// not to be trusted (modified too close to the walk, or not stat-ed); `exists`
/// false: the path was missing, which is what the next walk must find again.
struct PathStamp {
  bool known = false;
  bool exists = false;
  std::int64_t mtime_ns = 0;
  std::uint64_t size = 0;
  std::uint64_t inode = 0;
  bool operator==(const PathStamp&) const = default;
};

/// What the ignore rules said of an entry: kAsk when the next walk must ask them
/// again (nothing said yet, or what they say may have changed).
enum class IgnoreDecision : unsigned char { kKept, kIgnored, kAsk };

/// An entry the walk acted on, as readdir typed it (the DT_* value, resolved
/// when readdir could not say): a folder or .py file it kept, a marker file, a
/// symbolic link, or (typed DT_UNKNOWN) a folder skipped only because it was
/// not a package then. Entries it dropped by name, by --exclude or by the
/// ignore rules are not kept: with the same options and ignore inputs they
/// would be dropped again.
struct ListedEntry {
  std::string name;
  unsigned char type = 0;
  IgnoreDecision decision = IgnoreDecision::kAsk;
  bool operator==(const ListedEntry&) const = default;
};

struct FolderRecord {
  std::string relative;  // from the scan root, '/'-separated; "" for the root
  PathStamp stamp;       // the folder's own: any entry added, removed or renamed moves it
  PathStamp gitignore;   // its .gitignore file's (exists false when it has none)
  std::vector<ListedEntry> entries;
  bool operator==(const FolderRecord&) const = default;
};

/// A file read by the ignore rules (a git config, an excludes file, a .gitignore
/// above the root) or whose absence mattered (a `.git` in a folder above it).
struct WatchedPath {
  std::string path;  // absolute
  PathStamp stamp;
  bool operator==(const WatchedPath&) const = default;
};

struct FolderListing {
  std::vector<FolderRecord> folders;  // sorted by relative path
  std::vector<WatchedPath> watched;
  /// The index of the repository whose ignore rules applied (empty path: none),
  /// and a digest of the paths it tracks: tracked files are never ignored, and
  /// git rewrites the index without changing them (a refresh of its stat data).
  WatchedPath index;
  std::uint64_t tracked_digest = 0;
  bool operator==(const FolderListing&) const = default;
};

}  // namespace djcost
