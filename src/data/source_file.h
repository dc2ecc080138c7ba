// What discovery hands to extraction: the files to read, classified.
// Plain data; depends on the standard library only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "data/diagnostic.h"

namespace djcost {

enum class FileKind { kSource, kTest, kMigration, kSettings, kUrls };

struct SourceFile {
  std::string path;  // relative to the scan root, '/' separators
  FileKind kind = FileKind::kSource;
  std::uint64_t size = 0;
  /// Last modification in ns since the epoch, from the stat that gave `size`
  /// (the fact cache's stamp needs no second stat); 0 when not known.
  std::int64_t mtime_ns = 0;
  bool operator==(const SourceFile&) const = default;  // lets FileFacts be compared
};

struct Discovery {
  std::string root;                // the scan root as given
  std::vector<SourceFile> files;   // sorted by path
  std::vector<std::string> markers;  // relative paths of manage.py, wsgi.py, asgi.py, pyproject.toml, setup.cfg
  std::vector<Diagnostic> diagnostics;  // unreadable folders, skipped links, oversized files
};

}  // namespace djcost
