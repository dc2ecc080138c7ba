#include "util/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <streambuf>

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

// An ostream's buffer over a file descriptor: whole blocks go to write(2).
// The first failed write is kept (its errno) and every later one dropped.
class FileBuffer : public std::streambuf {
 public:
  explicit FileBuffer(int fd) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }
  int failure() const { return failure_; }
  bool Drain() {
    WriteOut(pbase(), static_cast<std::size_t>(pptr() - pbase()));
    setp(buffer_, buffer_ + sizeof buffer_);
    return failure_ == 0;
  }

 protected:
  int_type overflow(int_type c) override {
    Drain();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return failure_ == 0 ? traits_type::not_eof(c) : traits_type::eof();
  }
  std::streamsize xsputn(const char* data, std::streamsize n) override {
    if (n > epptr() - pptr()) {  // a large block skips the buffer
      Drain();
      WriteOut(data, static_cast<std::size_t>(n));
      return failure_ == 0 ? n : 0;
    }
    std::memcpy(pptr(), data, static_cast<std::size_t>(n));
    pbump(static_cast<int>(n));
    return n;
  }
  int sync() override { return Drain() ? 0 : -1; }

 private:
  void WriteOut(const char* data, std::size_t left) {
    while (left > 0 && failure_ == 0) {
      ssize_t n = ::write(fd_, data, left);
      if (n < 0) {
        if (errno != EINTR) failure_ = errno;
        continue;
      }
      data += n;
      left -= static_cast<std::size_t>(n);
    }
  }

  int fd_;
  int failure_ = 0;
  char buffer_[1 << 16];
};

// Where a write to `path` goes: a file through the links that name it, so that
// the rename replaces the file and the links stay; in place when `path` is no
// regular file (`-o /dev/null`, a pipe): a rename would put a file where the
// device was. Empty `*file` for in place.
void RenameTarget(const std::string& path, std::string* file) {
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    file->clear();
    return;
  }
  *file = path;
  if (::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
    if (char* resolved = ::realpath(path.c_str(), nullptr)) {
      *file = resolved;
      std::free(resolved);
    }
  }
}

}  // namespace

struct AtomicFileWriter::State {
  State(const std::string& target, Readers seen) : path(target), readers(seen) {
    RenameTarget(path, &file);
    if (file.empty()) {
      fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    } else {
      // mkstemp makes a unique name in the target's folder, so the rename stays
      // on one file system and is atomic.
      temporary = file + ".tmp-XXXXXX";
      fd = ::mkstemp(temporary.data());
    }
    open_failure = fd < 0 ? errno : 0;
    buffer.emplace(fd);
    out.rdbuf(&*buffer);
  }
  InterruptionGuard guard;  // first made, last gone
  std::string path;
  Readers readers;
  std::string file;       // what the temporary file is renamed over; "" in place
  std::string temporary;  // "" in place
  int fd = -1;
  int open_failure = 0;
  std::optional<FileBuffer> buffer;
  std::ostream out{nullptr};
};

AtomicFileWriter::AtomicFileWriter(const std::string& path, Readers readers)
    : state_(std::make_unique<State>(path, readers)) {}

AtomicFileWriter::~AtomicFileWriter() {
  if (state_->fd < 0) return;
  ::close(state_->fd);
  if (!state_->temporary.empty()) ::unlink(state_->temporary.c_str());
}

std::ostream& AtomicFileWriter::stream() { return state_->out; }

bool AtomicFileWriter::Commit(std::string* error) {
  State& s = *state_;
  auto fail = [&](int e) {
    errno = e;
    *error = Reason(s.path);
    return false;
  };
  if (s.fd < 0) return fail(s.open_failure);
  if (!s.buffer->Drain()) return fail(s.buffer->failure());
  // mkstemp creates 0600; a report is an ordinary file.
  if (!s.temporary.empty()) ::fchmod(s.fd, 0644);
  const int fd = s.fd;
  s.fd = -1;
  const bool closed = ::close(fd) == 0;
  const int e = errno;
  if (s.temporary.empty()) return closed || fail(e);
  if (!closed) {
    ::unlink(s.temporary.c_str());
    return fail(e);
  }
  if (s.readers == Readers::kOldNoneOrNew) ::unlink(s.file.c_str());  // see WriteCacheFile
  if (std::rename(s.temporary.c_str(), s.file.c_str()) != 0) {
    const int renamed = errno;
    ::unlink(s.temporary.c_str());
    return fail(renamed);
  }
  return true;
}

namespace {

bool WriteWhole(const std::string& path, AtomicFileWriter::Readers readers,
                std::string_view contents, std::string* error) {
  AtomicFileWriter writer(path, readers);
  writer.stream().write(contents.data(), static_cast<std::streamsize>(contents.size()));
  return writer.Commit(error);
}

}  // namespace

bool WriteFileAtomically(const std::string& path, std::string_view contents, std::string* error) {
  return WriteWhole(path, AtomicFileWriter::Readers::kOldOrNew, contents, error);
}

bool WriteCacheFile(const std::string& path, std::string_view contents, std::string* error) {
  return WriteWhole(path, AtomicFileWriter::Readers::kOldNoneOrNew, contents, error);
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
