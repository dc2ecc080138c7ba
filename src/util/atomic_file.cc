#include "util/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace djcost {

namespace {

std::string Reason(const std::string& path) { return path + ": " + std::strerror(errno); }

// Holds off the signals that end a run from the terminal or a CI runner
// (Ctrl-C, kill, a closed terminal) while it lives, so they cannot strike
// between creating the temporary file and renaming or removing it: a signal
// that arrives meanwhile is delivered when the writer is done. The mask is the
// calling thread's; djcost writes reports from its only thread.
class InterruptionGuard {
 public:
  InterruptionGuard() {
    sigset_t block;
    sigemptyset(&block);
    for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) sigaddset(&block, sig);
    ok_ = ::pthread_sigmask(SIG_BLOCK, &block, &saved_) == 0;
  }
  ~InterruptionGuard() {
    if (ok_) ::pthread_sigmask(SIG_SETMASK, &saved_, nullptr);
  }
  InterruptionGuard(const InterruptionGuard&) = delete;
  InterruptionGuard& operator=(const InterruptionGuard&) = delete;

 private:
  sigset_t saved_;
  bool ok_ = false;
};

}  // namespace

bool WriteFileAtomically(const std::string& path, std::string_view contents, std::string* error) {
  InterruptionGuard guard;
  // mkstemp makes a unique name in the target's folder, so the rename stays on
  // one file system and is atomic.
  std::string tmpl = path + ".tmp-XXXXXX";
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) {
    *error = Reason(path);
    return false;
  }
  const char* data = contents.data();
  size_t left = contents.size();
  while (left > 0) {
    ssize_t n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = Reason(path);
      ::close(fd);
      ::unlink(tmpl.c_str());
      return false;
    }
    data += n;
    left -= static_cast<size_t>(n);
  }
  // mkstemp creates 0600; a report is an ordinary file.
  ::fchmod(fd, 0644);
  if (::close(fd) != 0) {
    *error = Reason(path);
    ::unlink(tmpl.c_str());
    return false;
  }
  if (std::rename(tmpl.c_str(), path.c_str()) != 0) {
    *error = Reason(path);
    ::unlink(tmpl.c_str());
    return false;
  }
  return true;
}

bool ReadFile(const std::string& path, std::string* contents, std::string* error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = Reason(path);
    return false;
  }
  // Read straight into a string sized from the inode; a file that grows meanwhile
  // (or reports no size) continues through the buffer.
  std::string out;
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    out.resize(static_cast<size_t>(st.st_size));
  }
  size_t have = 0;
  char buf[65536];
  while (true) {
    bool direct = have < out.size();
    ssize_t n = direct ? ::read(fd, out.data() + have, out.size() - have)
                       : ::read(fd, buf, sizeof buf);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = Reason(path);  // e.g. EISDIR for a folder
      ::close(fd);
      return false;
    }
    if (!direct) {
      out.resize(have);
      out.append(buf, static_cast<size_t>(n));
    }
    have += static_cast<size_t>(n);
  }
  ::close(fd);
  out.resize(have);  // a file that shrank meanwhile
  *contents = std::move(out);
  return true;
}

}  // namespace djcost
