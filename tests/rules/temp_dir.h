// A scratch folder for one test, removed afterwards: rule tests write their
// bad inputs here at test time instead of keeping broken files in the tree.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace djcost::testing {

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "djcost-rules-XXXXXX").string();
    if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  /// Writes `contents` to `name` inside the folder and returns its full path.
  std::string Write(const std::string& name, const std::string& contents) const {
    const std::string full = path_ + "/" + name;
    std::ofstream(full, std::ios::binary) << contents;
    return full;
  }

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace djcost::testing
