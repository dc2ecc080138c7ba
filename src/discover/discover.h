// Lists the files a scan reads and classifies each (source, test, migration,
// settings, urls). Input: a root folder and options; output: Discovery, sorted
// by path. Reads directory entries only, never file contents; parses nothing.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "data/folder_listing.h"
#include "data/source_file.h"

namespace djcost {

struct DiscoverOptions {
  std::uint64_t max_file_size = 10 * 1024 * 1024;  // larger .py files are skipped, named
  std::vector<std::string> excludes;  // extra glob patterns, relative to the root
  bool use_gitignore = true;
  // When the repository's .gitignore rules are read: before the walk; on a
  // thread of their own while the walk starts; or after it (the walk's worst
  // case, for tests). The result is the same (see the Walker in discover.cc).
  enum class IgnoreRules { kFirst, kBeside, kAfterWalk };
  IgnoreRules ignore_rules = IgnoreRules::kFirst;
  // Threads listing folders: nearly all of a walk is system calls, which run
  // on every core. The result does not depend on it.
  int walkers = 1;
  // What the last walk of this root recorded (Discover's `listing`), or null.
  // Folders whose stamps still hold are not listed again, nor the ignore rules
  // read, when none of the files that decided them changed. The result is the
  // same as a walk without it.
  const FolderListing* memo = nullptr;
  // Told of each Python file the walk lists, as it lists it, from the walkers'
  // threads (several at once): the ignore rules may still drop it from the
  // result. Files of folders the memo remembers are not listed. May be empty.
  std::function<void(const SourceFile&)> found;
};

/// Walks `root`. Skips .git, virtual environments, node_modules, site-packages,
/// build folders and what .gitignore ignores; never follows a symlink out of the
/// tree or around a loop. Problems become diagnostics in the result.
Discovery Discover(const std::string& root, const DiscoverOptions& options);

/// What a walk did, for tests and measurements.
struct WalkCounts {
  int folders_listed = 0;      // opened and read
  int folders_remembered = 0;  // taken from the memo
  bool ignore_rules_read = false;
};

/// Discover, recording in `*listing` what the next walk needs as its memo:
/// empty (no folders) when this walk's could not be trusted (the ignore rules
/// were unavailable); and what the walk did in `*counts` when given.
Discovery Discover(const std::string& root, const DiscoverOptions& options,
                   FolderListing* listing, WalkCounts* counts = nullptr);

/// The kind of a file from its relative path alone.
FileKind ClassifyPath(const std::string& relative_path);

}  // namespace djcost
