// The scanned tree itself is hostile: symbolic link loops, links out of the
// tree, dangling links, unreadable files and folders, a path that is a file,
// a missing path, a folder that is not a Django project, an empty folder.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "robustness_support.h"

namespace djcost::testing {
namespace {

using nlohmann::json;

TEST(FileSystem, SymlinkLoopsEscapesAndDanglingLinksAreNamedNotFollowed) {
  TempDir outside;
  outside.Write("elsewhere/models.py",
                "from django.db import models\nclass Stranger(models.Model):\n    pass\n");
  TempDir dir;
  WriteTinyProject(dir);
  dir.Symlink("..", "shop/loop");  // a folder containing the link
  dir.Symlink(".", "shop/self");
  dir.Symlink(outside.str() + "/elsewhere", "vendor");  // out of the tree
  dir.Symlink(outside.str() + "/elsewhere/models.py", "shop/other_models.py");
  dir.Symlink("missing.py", "shop/dangling.py");
  dir.Symlink("models.py", "shop/models_alias.py");  // inside: scanned at its own path
  json report = ScanJson(dir.str());
  EXPECT_EQ(report["counts"]["models_concrete"], 1);  // Book once; Stranger never
  EXPECT_EQ(report["counts"]["files"], 8);
  EXPECT_EQ(
      DiagnosticLines(report),
      (std::vector<std::string>{
          "warning symlink-skipped shop/dangling.py:0 symbolic link not followed: its target "
          "does not exist",
          "warning symlink-skipped shop/loop:0 symbolic link not followed: it points to a "
          "folder that contains it (a loop)",
          "warning symlink-skipped shop/models_alias.py:0 symbolic link not followed: its "
          "target shop/models.py is scanned at its own path",
          "warning symlink-skipped shop/other_models.py:0 symbolic link not followed: it "
          "points outside the scanned folder",
          "warning symlink-skipped shop/self:0 symbolic link not followed: it points to a "
          "folder that contains it (a loop)",
          "warning symlink-skipped vendor:0 symbolic link not followed: it points outside the "
          "scanned folder",
      }));
}

// Permissions do not stop root, and the test suite may run as root (CI
// containers do). Then the scan runs in a forked child that gave up root for
// the "nobody" user (65534) first, so the kernel's permission checks are real;
// as any other user it runs in process. The child sends back exit code, stdout
// and stderr through a pipe.
RunResult RunWithoutPrivileges(const std::vector<std::string>& args) {
  if (::geteuid() != 0) return RunDjcost(args);
  int fds[2];
  if (::pipe(fds) != 0) return {};
  std::fflush(nullptr);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    int status = 100;
    if (::setgid(65534) == 0 && ::setuid(65534) == 0 && ::geteuid() == 65534) {
      RunResult r = RunDjcost(args);
      std::string msg =
          std::to_string(r.code) + "\n" + std::to_string(r.out.size()) + "\n" + r.out + r.err;
      size_t done = 0;
      while (done < msg.size()) {
        ssize_t n = ::write(fds[1], msg.data() + done, msg.size() - done);
        if (n <= 0) break;
        done += static_cast<size_t>(n);
      }
      status = 0;
    }
    ::close(fds[1]);
    ::_exit(status);
  }
  ::close(fds[1]);
  std::string msg;
  char buf[65536];
  ssize_t n;
  while ((n = ::read(fds[0], buf, sizeof buf)) > 0) msg.append(buf, static_cast<size_t>(n));
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "child could not drop root";
  RunResult r;
  size_t a = msg.find('\n');
  size_t b = msg.find('\n', a + 1);
  if (a == std::string::npos || b == std::string::npos) return r;
  r.code = std::stoi(msg.substr(0, a));
  size_t out_size = std::stoul(msg.substr(a + 1, b - a - 1));
  r.out = msg.substr(b + 1, out_size);
  r.err = msg.substr(b + 1 + out_size);
  return r;
}

TEST(FileSystem, UnreadableFilesAndFoldersAreNamed) {
  TempDir dir;
  WriteTinyProject(dir);
  dir.Write("shop/secret.py", "SECRET = 1\n");
  dir.Write("locked/inner.py", "x = 1\n");
  std::filesystem::permissions(
      dir.path(), std::filesystem::perms::others_read | std::filesystem::perms::others_exec,
      std::filesystem::perm_options::add);
  ::chmod((dir.path() / "shop/secret.py").c_str(), 0);
  ::chmod((dir.path() / "locked").c_str(), 0);
  // --no-cache: the fact cache lives in the user's cache folder, which "nobody" cannot write.
  RunResult r = RunWithoutPrivileges({dir.str(), "--format", "json", "--jobs", "1", "--no-cache"});
  ::chmod((dir.path() / "locked").c_str(), 0755);  // so TempDir can remove it
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_EQ(r.err, "");
  json report = json::parse(r.out);
  EXPECT_EQ(report["counts"]["models_concrete"], 1);
  EXPECT_EQ(DiagnosticLines(report),
            (std::vector<std::string>{
                "warning unreadable locked:0 folder could not be read: Permission denied",
                "error unreadable shop/secret.py:0 file could not be read: Permission denied",
            }));
}

TEST(FileSystem, PathThatIsAFileIsAUsageError) {
  TempDir dir;
  dir.Write("settings.py", "DEBUG = True\n");
  std::string file = dir.str() + "/settings.py";
  RunResult r = RunDjcost({file});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "djcost: error: " + file +
                       ": not a folder (give the root folder of the Django repository)\n");
}

TEST(FileSystem, MissingPathIsAUsageError) {
  TempDir dir;
  std::string missing = dir.str() + "/no/such/repo";
  RunResult r = RunDjcost({missing, "-o", dir.str() + "/report.md"});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "djcost: error: " + missing + ": no such file or directory\n");
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "report.md"));
}

TEST(FileSystem, NotADjangoProjectAndEmptyFolderAreUsageErrors) {
  TempDir plain;
  plain.Write("tool/cli.py", "import sys\n\ndef main():\n    print(sys.argv)\n");
  plain.Write("README.md", "# a tool\n");
  TempDir empty;
  for (const TempDir* dir : {&plain, &empty}) {
    RunResult r = RunDjcost({dir->str(), "-o", dir->str() + "/../never-written.md"});
    EXPECT_EQ(r.code, kExitUsage);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "djcost: error: " + dir->str() +
                         ": not a Django project (no settings, urls, models or admin found)\n");
  }
  EXPECT_FALSE(std::filesystem::exists(plain.path().parent_path() / "never-written.md"));
}

}  // namespace
}  // namespace djcost::testing
