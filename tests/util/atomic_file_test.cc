#include "util/atomic_file.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

// Written as a stream: small writes through the buffer and a block larger than
// it both arrive in order; without a Commit the old file stays and no
// temporary file is left.
TEST_F(AtomicFileTest, StreamedWritesCommitAtOnceOrNotAtAll) {
  std::string path = (dir_ / "report.json").string();
  std::string error;
  ASSERT_TRUE(WriteFileAtomically(path, "old\n", &error)) << error;
  const std::string block(200000, 'x');
  {
    AtomicFileWriter writer(path);
    writer.stream() << "never";
  }
  std::string contents;
  ASSERT_TRUE(ReadFile(path, &contents, &error)) << error;
  EXPECT_EQ(contents, "old\n");
  {
    AtomicFileWriter writer(path);
    for (int i = 0; i < 1000; ++i) writer.stream() << i << ',';
    writer.stream() << block << "end";
    ASSERT_TRUE(writer.Commit(&error)) << error;
  }
  std::string expected;
  for (int i = 0; i < 1000; ++i) expected += std::to_string(i) + ",";
  expected += block + "end";
  ASSERT_TRUE(ReadFile(path, &contents, &error)) << error;
  EXPECT_EQ(contents, expected);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
  EXPECT_EQ(fs::status(path).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                fs::perms::others_read);
}

// `-o /dev/null` or a pipe: written in place, never renamed over (that would
// put a file where the device was); through a link, the file it names is
// replaced and the link stays.
TEST_F(AtomicFileTest, PipesAreWrittenInPlaceAndLinksThrough) {
  std::string fifo = (dir_ / "pipe").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // Opened for reading first, without waiting for a writer: the write's open
  // then never blocks, and a write that went elsewhere reads as nothing.
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(reader, 0);
  std::string error;
  EXPECT_TRUE(WriteFileAtomically(fifo, "through the pipe\n", &error)) << error;
  char received[64];
  const ssize_t n = ::read(reader, received, sizeof received);
  ::close(reader);
  EXPECT_EQ(std::string(received, n > 0 ? static_cast<size_t>(n) : 0), "through the pipe\n");
  EXPECT_TRUE(fs::is_fifo(fifo));

  std::string file = (dir_ / "report.md").string(), link = (dir_ / "latest.md").string();
  ASSERT_TRUE(WriteFileAtomically(file, "old\n", &error)) << error;
  fs::create_symlink("report.md", link);
  ASSERT_TRUE(WriteFileAtomically(link, "new\n", &error)) << error;
  EXPECT_TRUE(fs::is_symlink(link));
  std::string contents;
  ASSERT_TRUE(ReadFile(file, &contents, &error)) << error;
  EXPECT_EQ(contents, "new\n");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 3);
}

// A cache is replaced as a report is, but for a moment without any file: a
// reader that opened the old one keeps it, links stay links, nothing is left.
TEST_F(AtomicFileTest, CacheFilesAreReplacedWholeThroughLinks) {
  std::string file = (dir_ / "repo.facts").string(), link = (dir_ / "named.facts").string();
  std::string error;
  ASSERT_TRUE(WriteCacheFile(file, "first", &error)) << error;
  const int reader = ::open(file.c_str(), O_RDONLY);
  ASSERT_GE(reader, 0);
  fs::create_symlink("repo.facts", link);
  ASSERT_TRUE(WriteCacheFile(link, "second, longer", &error)) << error;
  char old[16] = {};
  EXPECT_EQ(::read(reader, old, sizeof old), 5);
  ::close(reader);
  EXPECT_EQ(std::string(old), "first");
  EXPECT_TRUE(fs::is_symlink(link));
  std::string contents;
  ASSERT_TRUE(ReadFile(file, &contents, &error)) << error;
  EXPECT_EQ(contents, "second, longer");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 2);
  std::string missing = (dir_ / "none" / "repo.facts").string();
  EXPECT_FALSE(WriteCacheFile(missing, "bytes", &error));
  EXPECT_EQ(error, missing + ": No such file or directory");
}

TEST_F(AtomicFileTest, AStreamIntoAMissingFolderFailsAtCommitNamingThePath) {
  std::string path = (dir_ / "missing" / "report.md").string();
  AtomicFileWriter writer(path);
  writer.stream() << std::string(100000, 'x');
  std::string error;
  EXPECT_FALSE(writer.Commit(&error));
  EXPECT_EQ(error, path + ": No such file or directory");
}

}  // namespace
}  // namespace djcost
