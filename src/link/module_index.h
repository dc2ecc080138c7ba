// Maps files to the dotted module names Python would import them by, and back.
// Input: the scanned files' paths (and which folders are packages); output: a
// lookup both ways. Knows nothing of Django.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "data/file_facts.h"
#include "util/strings.h"

namespace djcost {

class ModuleIndex {
 public:
  /// `markers` are the relative paths of manage.py files: their folders are
  /// where Django puts the project on sys.path.
  ModuleIndex(const std::vector<FileFacts>& files, const std::vector<std::string>& markers);

  /// The file index for a dotted module name, or -1. Any of a file's names works.
  int Find(std::string_view module) const;

  /// The name a file is reported under: relative to the deepest manage.py folder
  /// that holds it, else to its top-level package's parent folder.
  const std::string& NameOf(int file) const { return names_[file]; }

  /// True when the file is a package's __init__.py.
  bool IsPackage(int file) const { return is_package_[file]; }

  /// The package a relative import at `level` dots resolves against, or "" at
  /// the top (e.g. level 1 in "shop.views" -> "shop").
  std::string RelativeBase(int file, int level) const;

 private:
  std::vector<std::string> names_;
  std::vector<bool> is_package_;
  // Transparent: Find() looks a string_view up without copying it.
  std::unordered_map<std::string, int, NameHasher, std::equal_to<>> by_name_;
};

/// "a/b/c.py" -> "a.b.c"; "a/b/__init__.py" -> "a.b"; "" for a path not ending in .py.
std::string ModuleNameFromPath(std::string_view relative_path);

}  // namespace djcost
