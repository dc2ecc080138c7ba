#include "util/atomic_file.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace djcost {
namespace {

namespace fs = std::filesystem;

class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("djcost-atomic-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(AtomicFileTest, WritesThenReplacesAndLeavesNoTemporaryFile) {
  std::string path = (dir_ / "report.md").string();
  std::string error;
  ASSERT_TRUE(WriteFileAtomically(path, "first\n", &error)) << error;
  ASSERT_TRUE(WriteFileAtomically(path, "second\n", &error)) << error;
  std::string contents;
  ASSERT_TRUE(ReadFile(path, &contents, &error)) << error;
  EXPECT_EQ(contents, "second\n");
  int entries = 0;
  for (const auto& e : fs::directory_iterator(dir_)) {
    (void)e;
    ++entries;
  }
  EXPECT_EQ(entries, 1);
}

TEST_F(AtomicFileTest, MissingFolderIsAnErrorNamingThePath) {
  std::string path = (dir_ / "missing" / "report.md").string();
  std::string error;
  EXPECT_FALSE(WriteFileAtomically(path, "x", &error));
  EXPECT_EQ(error, path + ": No such file or directory");
}

TEST_F(AtomicFileTest, ReadingAFolderFails) {
  std::string contents, error;
  EXPECT_FALSE(ReadFile(dir_.string(), &contents, &error));
  EXPECT_EQ(error, dir_.string() + ": Is a directory");
}

TEST_F(AtomicFileTest, ReadsBinaryBytesExactly) {
  std::string path = (dir_ / "bin").string();
  std::string bytes("a\0b\r\n", 5);
  std::string error, contents;
  ASSERT_TRUE(WriteFileAtomically(path, bytes, &error)) << error;
  ASSERT_TRUE(ReadFile(path, &contents, &error)) << error;
  EXPECT_EQ(contents, bytes);
}

}  // namespace
}  // namespace djcost
