#include "util/mapped_file.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "support/temp_dir.h"
#include "util/atomic_file.h"

namespace djcost {
namespace {

class MappedFileTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& contents) {
    dir_.Write(name, contents);
    return (dir_.path() / name).string();
  }
  testing::TempDir dir_;
};

TEST_F(MappedFileTest, HoldsTheFilesBytes) {
  std::string contents(100000, 'x');
  contents[0] = '\0';
  contents[99999] = 'z';
  std::string path = Write("memo", contents);
  MappedFile file;
  std::string error;
  ASSERT_TRUE(file.Open(path, &error)) << error;
  EXPECT_EQ(file.bytes(), contents);
  // Moved, the mapping goes with it.
  MappedFile moved = std::move(file);
  EXPECT_TRUE(file.bytes().empty());
  EXPECT_EQ(moved.bytes(), contents);
  moved.Close();
  EXPECT_TRUE(moved.bytes().empty());
}

// A cache is replaced by renaming a new file over it: a reader that mapped the
// old one keeps reading the old bytes.
TEST_F(MappedFileTest, KeepsTheOldBytesWhenTheFileIsReplaced) {
  std::string path = Write("memo", "old bytes");
  MappedFile file;
  std::string error;
  ASSERT_TRUE(file.Open(path, &error)) << error;
  ASSERT_TRUE(WriteFileAtomically(path, "new bytes, longer", &error)) << error;
  EXPECT_EQ(file.bytes(), "old bytes");
  MappedFile again;
  ASSERT_TRUE(again.Open(path, &error)) << error;
  EXPECT_EQ(again.bytes(), "new bytes, longer");
}

TEST_F(MappedFileTest, AnEmptyFileHasNoBytes) {
  MappedFile file;
  std::string error;
  ASSERT_TRUE(file.Open(Write("empty", ""), &error)) << error;
  EXPECT_TRUE(file.bytes().empty());
}

TEST_F(MappedFileTest, WhatCannotBeMappedSaysWhyAndHoldsNothing) {
  std::string error;
  MappedFile file;
  ASSERT_TRUE(file.Open(Write("memo", "bytes"), &error));
  std::string missing = (dir_.path() / "missing").string();
  EXPECT_FALSE(file.Open(missing, &error));
  EXPECT_EQ(error, missing + ": No such file or directory");
  EXPECT_TRUE(file.bytes().empty());
  EXPECT_FALSE(file.Open(dir_.str(), &error));
  EXPECT_EQ(error, dir_.str() + ": not a regular file");
}

}  // namespace
}  // namespace djcost
