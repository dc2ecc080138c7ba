// A temporary folder for one test, removed when the test ends, with helpers to
// lay out files. Header-only test support.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace djcost::testing {

class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string("djcost-") + (info ? info->test_suite_name() : "t") + "-" +
                       (info ? info->name() : "t") + "-" + std::to_string(::getpid()) + "-" + std::to_string(Counter()++);
    for (char& c : name) {
      if (c == '/') c = '_';
    }
    path_ = std::filesystem::temp_directory_path() / name;
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string str() const { return path_.string(); }

  /// Writes `contents` to `relative`, creating folders on the way.
  void Write(const std::string& relative, const std::string& contents = "") const {
    std::filesystem::path p = path_ / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << contents;
  }
  void Mkdir(const std::string& relative) const {
    std::filesystem::create_directories(path_ / relative);
  }
  /// Creates a symbolic link at `relative` holding `target` as written.
  void Symlink(const std::string& target, const std::string& relative) const {
    std::filesystem::create_directories((path_ / relative).parent_path());
    std::filesystem::create_symlink(target, path_ / relative);
  }
  std::string Read(const std::string& relative) const {
    std::ifstream in(path_ / relative, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

 private:
  // Two TempDirs in one test need different names.
  static int& Counter() {
    static int counter = 0;
    return counter;
  }
  std::filesystem::path path_;
};

}  // namespace djcost::testing
