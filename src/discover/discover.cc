// Discover: walks the scan root and lists the *.py files a scan reads. Never
// follows symbolic links (see SkipSymlink), never throws.
#include "discover/discover.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <filesystem>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <system_error>
#include <thread>

#include "discover/git_ignore.h"
#include "util/strings.h"

namespace djcost {

namespace fs = std::filesystem;

namespace {

// Folders that hold installed packages or build output, never project Python.
// Dot-named folders (.git, .venv, .tox, tool caches) are skipped by their name.
const std::set<std::string, std::less<>> kSkippedFolders = {
    "node_modules", "bower_components", "site-packages", "__pycache__"};

// Usually a virtualenv or build output, but a Django app could carry one of these
// names: such a folder is kept when it is a Python package (has __init__.py).
const std::set<std::string, std::less<>> kSkippedUnlessPackage = {"venv", "env", "build",
                                                                  "dist"};

const std::set<std::string, std::less<>> kMarkers = {"manage.py", "wsgi.py", "asgi.py",
                                                     "pyproject.toml", "setup.cfg"};

bool Exists(const fs::path& p) {
  std::error_code ec;
  return fs::exists(p, ec);
}

// By its name; a virtualenv of any name is found by its listing (Walker::Walk).
bool IsSkippedFolder(const fs::path& dir, const std::string& name) {
  if (kSkippedFolders.count(name) > 0 || EndsWith(name, ".egg-info")) return true;
  // A dot-named folder is no importable package: tool configuration and its test
  // data (saleor's .semgrep/ rule samples connect signals), CI scripts, caches.
  if (!name.empty() && name[0] == '.') return true;
  return kSkippedUnlessPackage.count(name) > 0 && !Exists(dir / "__init__.py");
}

// A folder's entries as readdir lists them: the name and the type it reports
// (DT_UNKNOWN on file systems that do not say), so that only the files a scan
// keeps cost an lstat.
struct Entry {
  std::string name;
  unsigned char type;
};

bool Excluded(const std::vector<std::string>& excludes, const std::string& relative) {
  for (const auto& pattern : excludes) {
    if (GlobMatch(pattern, relative)) return true;
  }
  return false;
}

Diagnostic Warn(std::string code, std::string path, std::string message) {
  Diagnostic d;
  d.severity = Severity::kWarning;
  d.code = std::move(code);
  d.location.path = std::move(path);
  d.message = std::move(message);
  return d;
}

bool Inside(const fs::path& path, const fs::path& root) {
  auto [r, p] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return r == root.end();
}

// A folder the walk entered before the ignore rules were read.
struct Unsure {
  std::string relative;
  int parent;  // the unsure folder it lies in, or -1
};

// The ignore checks what the walk found still owes: the unsure folder it lies
// in (and so every one above it), and its own when it could not be made yet.
struct Owed {
  int folder = -1;
  std::string own_check;  // the path to check, "" for none
  bool own_check_is_dir = false;
};

// One thing the walk found: a file, a marker or a diagnostic.
struct Found {
  Owed owed;
  std::optional<SourceFile> file;
  std::optional<std::string> marker;
  std::optional<Diagnostic> diagnostic;
};

// A repository's ignore rules take libgit2's start-up to read (it parses the
// system's certificate bundle), about as long as walking a mid-sized tree.
// Read beside the walk (IgnoreRules::kBeside), the walk starts while they are
// read: until they are, it enters every folder it would enter were none ignored
// ("unsure" folders) and keeps what it finds aside with the checks it still
// owes (the unsure folders above it, and its own ignore check); Finish() then
// settles them. As soon as the rules are read, every check is made where the
// walk stands, as without them, so the walk never goes far into a folder the
// rules would have skipped.
//
// With DiscoverOptions::walkers above 1, as many Walkers share the tree: a
// walker about to enter a folder hands it to an idle one instead (with the
// unsure folders above it), so listing folders, nearly all of it system calls,
// runs on every thread. What each finds is sorted in the end, so the result
// does not depend on who walked what.
class SharedWalk {
 public:
  // A folder handed over: its path from the root, and the unsure folders it
  // lies in, outermost first (it may be the last of them).
  struct Task {
    std::string relative;
    std::vector<std::string> unsure;
  };

  SharedWalk(const fs::path& root, const DiscoverOptions& options, int walkers)
      : walkers_(walkers) {
    tasks_.push_back(Task{});  // the root
    if (!options.use_gitignore) return;
    auto read = [root = root.string()] { return std::make_unique<GitIgnore>(root); };
    switch (options.ignore_rules) {
      case DiscoverOptions::IgnoreRules::kFirst: TakeRules(read()); break;
      case DiscoverOptions::IgnoreRules::kBeside:
        try {
          reading_ = std::async(std::launch::async, read);
        } catch (const std::system_error&) {  // no thread to be had: read them first
          TakeRules(read());
        }
        break;
      case DiscoverOptions::IgnoreRules::kAfterWalk:  // never ready before Settle
        reading_ = std::async(std::launch::deferred, read);
        break;
    }
  }

  int walkers() const { return walkers_; }  // before any walker runs
  /// Fewer walkers than asked for, when threads were short.
  void SetWalkers(int walkers) {
    std::lock_guard<std::mutex> lock(tasks_mutex_);
    walkers_ = walkers;
    more_.notify_all();
  }

  /// True once the ignore rules are known (read, or not asked for).
  bool RulesKnown() {
    if (known_.load(std::memory_order_acquire)) return true;
    std::lock_guard<std::mutex> lock(rules_mutex_);
    if (known_.load(std::memory_order_relaxed)) return true;
    if (reading_.valid()) {
      if (reading_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
      TakeRules(reading_.get());
    }
    known_.store(true, std::memory_order_release);
    return true;
  }

  /// Only once the rules are known. libgit2's repository is not for two
  /// threads at once, so its checks take turns.
  bool Ignored(const std::string& relative, bool is_dir) {
    if (ignore_ == nullptr) return false;
    std::lock_guard<std::mutex> lock(rules_mutex_);
    return ignore_->IsIgnored(relative, is_dir);
  }

  /// After the walk: waits for the rules, and hands over what reading them said.
  void SettleRules(Discovery* out) {
    {
      std::lock_guard<std::mutex> lock(rules_mutex_);
      if (reading_.valid()) TakeRules(reading_.get());
      known_.store(true, std::memory_order_release);
    }
    out->diagnostics.insert(out->diagnostics.end(), diagnostics_.begin(), diagnostics_.end());
  }

  /// True when a walker waits for work that nobody has handed over yet.
  bool Wanted() const { return hungry_.load(std::memory_order_relaxed) > 0; }

  void Give(Task task) {
    std::lock_guard<std::mutex> lock(tasks_mutex_);
    tasks_.push_back(std::move(task));
    hungry_.store(idle_ - static_cast<int>(tasks_.size()), std::memory_order_relaxed);
    more_.notify_one();
  }

  /// The next folder to walk; false once every walker is idle with none left.
  bool Next(Task* task) {
    std::unique_lock<std::mutex> lock(tasks_mutex_);
    ++idle_;
    hungry_.store(idle_ - static_cast<int>(tasks_.size()), std::memory_order_relaxed);
    more_.wait(lock, [&] { return !tasks_.empty() || idle_ == walkers_; });
    if (tasks_.empty()) {
      more_.notify_all();
      return false;
    }
    *task = std::move(tasks_.back());
    tasks_.pop_back();
    --idle_;
    hungry_.store(idle_ - static_cast<int>(tasks_.size()), std::memory_order_relaxed);
    return true;
  }

 private:
  void TakeRules(std::unique_ptr<GitIgnore> rules) {
    ignore_ = std::move(rules);
    if (!ignore_->error().empty()) {
      diagnostics_.push_back(Warn("gitignore-unavailable", "",
                                  ".gitignore rules not applied: " + ignore_->error()));
    }
  }

  int walkers_;  // under tasks_mutex_ once walkers run
  std::mutex rules_mutex_;  // reading_, ignore_ and libgit2's repository
  std::future<std::unique_ptr<GitIgnore>> reading_;
  std::unique_ptr<GitIgnore> ignore_;  // null: no rules apply (or not known yet)
  std::atomic<bool> known_{false};
  std::vector<Diagnostic> diagnostics_;

  std::mutex tasks_mutex_;
  std::condition_variable more_;
  std::vector<Task> tasks_;
  int idle_ = 0;
  std::atomic<int> hungry_{0};  // idle walkers less the folders waiting for them
};

class Walker {
 public:
  Walker(const fs::path& root, const DiscoverOptions& options, SharedWalk* shared)
      : root_(root), options_(options), shared_(shared) {}

  /// Walks the folders SharedWalk hands out until none is left.
  void Run() {
    SharedWalk::Task task;
    while (shared_->Next(&task)) {
      unsure_now_ = -1;
      for (std::string& folder : task.unsure) {
        unsure_.push_back(Unsure{std::move(folder), unsure_now_});
        unsure_now_ = static_cast<int>(unsure_.size()) - 1;
      }
      // Caught here and thrown again by Discover, as one walker would throw:
      // a walker that stopped would leave the others waiting for it.
      try {
        if (task.relative.empty()) {
          Walk(root_, "");
        } else {
          Walk(root_ / task.relative, task.relative);
        }
      } catch (...) {
        if (!error_) error_ = std::current_exception();
      }
    }
    unsure_now_ = -1;
  }

  /// What a walk threw, to throw again once every walker is done.
  std::exception_ptr error() const { return error_; }

  /// Settles what the walk kept aside and hands everything it found to `out`.
  /// The rules are known by then (SharedWalk::SettleRules).
  void Finish(Discovery* out) {
    std::vector<char> ignored(unsure_.size(), 0);
    for (std::size_t i = 0; i < unsure_.size(); ++i) {  // a folder after the one it is in
      const Unsure& u = unsure_[i];
      ignored[i] = (u.parent >= 0 && ignored[u.parent]) || Ignored(u.relative, true);
    }
    auto keep = [&](const Owed& owed) {
      if (owed.folder >= 0 && ignored[owed.folder]) return false;
      return owed.own_check.empty() || !Ignored(owed.own_check, owed.own_check_is_dir);
    };
    for (Found& f : found_) {
      if (!keep(f.owed)) continue;
      if (f.file) out->files.push_back(std::move(*f.file));
      if (f.marker) out->markers.push_back(std::move(*f.marker));
      if (f.diagnostic) out->diagnostics.push_back(std::move(*f.diagnostic));
    }
  }

  /// Walks `dir`, opened by its name in the folder `parent` holds open (by its
  /// path at the root, `parent` -1): each entry is then looked up from its
  /// folder, not along the whole path again (most of an lstat's cost in a deep tree).
  void Walk(const fs::path& dir, const std::string& relative_dir, int parent = -1) {
    constexpr int kFlags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
    const int fd = parent < 0 ? ::open(dir.c_str(), kFlags)
                              : ::openat(parent, dir.filename().c_str(), kFlags);
    if (fd < 0) {
      Keep(Warn("unreadable", relative_dir, "folder could not be read: " + ErrnoMessage()),
           Here());
      return;
    }
    std::vector<Entry> entries;
    List(fd, relative_dir, &entries);
    // Any virtualenv, whatever its name (never the root: it was asked for).
    if (relative_dir.empty() ||
        std::none_of(entries.begin(), entries.end(),
                     [](const Entry& e) { return e.name == "pyvenv.cfg"; })) {
      for (const Entry& entry : entries) Visit(dir / entry.name, entry, relative_dir, fd);
    }
    ::close(fd);
  }

 private:
  // getdents64 on the folder's descriptor, not fdopendir and readdir: fdopendir
  // adds an fstat and two fcntl calls per folder, 40 % of the system calls of
  // a walk through Django's 2,554 folders (most of them locale/*/LC_MESSAGES/).
  void List(int fd, const std::string& relative_dir, std::vector<Entry>* entries) {
    listing_.resize(8 * 1024);  // 64 kB, 8-byte aligned as the records are
    char* const bytes = reinterpret_cast<char*>(listing_.data());
    while (true) {
      const ssize_t n = ::getdents64(fd, bytes, listing_.size() * sizeof(listing_[0]));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        Keep(Warn("unreadable", relative_dir, "folder listing stopped: " + ErrnoMessage()),
             Here());
        return;
      }
      if (n == 0) return;
      for (ssize_t at = 0; at < n;) {
        const auto* d = reinterpret_cast<const dirent64*>(bytes + at);
        at += d->d_reclen;
        std::string_view name = d->d_name;
        if (name == "." || name == "..") continue;
        entries->push_back({std::string(name), d->d_type});
      }
    }
  }

  static std::string ErrnoMessage() {
    return std::error_code(errno, std::generic_category()).message();
  }

  void Visit(const fs::path& path, const Entry& entry, const std::string& relative_dir,
             int folder) {
    const std::string& name = entry.name;
    std::string relative = relative_dir.empty() ? name : relative_dir + "/" + name;
    const bool python = EndsWith(name, ".py");
    // Only what is kept needs an lstat: a .py file for its size and stamp, and
    // whatever readdir could not type. Other files are known by their name.
    unsigned char type = entry.type;
    struct stat st;
    if (type == DT_UNKNOWN || (type == DT_REG && python)) {
      if (::fstatat(folder, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        Keep(Warn("unreadable", relative, ErrnoMessage()), Here());
        return;
      }
      type = S_ISLNK(st.st_mode)   ? DT_LNK
             : S_ISDIR(st.st_mode) ? DT_DIR
             : S_ISREG(st.st_mode) ? DT_REG
                                   : DT_UNKNOWN;
    }
    if (type == DT_LNK) {
      SkipSymlink(path, relative, name);
      return;
    }
    if (type == DT_DIR) {
      if (IsSkippedFolder(path, name) || Excluded(options_.excludes, relative)) return;
      const bool known = RulesKnown();
      if (known && Ignored(relative, true)) return;
      if (shared_->Wanted()) {  // another walker is idle: it takes this folder
        shared_->Give(SharedWalk::Task{relative, UnsureChain(known ? "" : relative)});
        return;
      }
      if (known) {
        Walk(path, relative, folder);
        return;
      }
      const int outer = unsure_now_;
      unsure_now_ = static_cast<int>(unsure_.size());
      unsure_.push_back(Unsure{relative, outer});
      Walk(path, relative, folder);
      unsure_now_ = outer;
      return;
    }
    if (type != DT_REG) return;  // sockets, fifos, devices
    if (kMarkers.count(name) > 0 && !Excluded(options_.excludes, relative)) {
      KeepMarker(relative, Here());
    }
    if (!python || Excluded(options_.excludes, relative)) return;
    Owed owed = Here();
    if (IgnoredNow(relative, false, &owed)) return;
    auto size = static_cast<std::uint64_t>(st.st_size);
    if (size > options_.max_file_size) {
      Keep(Warn("file-too-large", relative,
                std::to_string(size) + " bytes, over the limit of " +
                    std::to_string(options_.max_file_size)),
           std::move(owed));
      return;
    }
    Keep(SourceFile{relative, ClassifyPath(relative), size,
                    std::int64_t{st.st_mtim.tv_sec} * 1'000'000'000 + st.st_mtim.tv_nsec},
         std::move(owed));
  }

  // Links are never followed: a link inside the tree points at files the walk
  // reaches by their real path (following it would count them twice, or loop),
  // and a link out of the tree points at code that is not the project's.
  // Only links that could matter (folders, *.py) are named.
  void SkipSymlink(const fs::path& link, const std::string& relative, const std::string& name) {
    std::error_code ec;
    fs::path target = fs::canonical(link, ec);
    if (ec) {
      if (EndsWith(name, ".py")) {
        Keep(Warn("symlink-skipped", relative,
                  "symbolic link not followed: its target does not exist"),
             Here());
      }
      return;
    }
    bool is_dir = fs::is_directory(target, ec);
    if (!is_dir && !EndsWith(name, ".py")) return;
    if (Excluded(options_.excludes, relative)) return;
    Owed owed = Here();
    if (IgnoredNow(relative, is_dir, &owed)) return;
    std::string why;
    if (!Inside(target, root_)) {
      why = "symbolic link not followed: it points outside the scanned folder";
    } else if (is_dir && Inside(link.parent_path(), target)) {
      why = "symbolic link not followed: it points to a folder that contains it (a loop)";
    } else {
      why = "symbolic link not followed: its target " +
            (target == root_ ? std::string(".") : target.lexically_relative(root_).generic_string()) +
            " is scanned at its own path";
    }
    Keep(Warn("symlink-skipped", relative, why), std::move(owed));
  }

  bool RulesKnown() { return shared_->RulesKnown(); }
  bool Ignored(const std::string& relative, bool is_dir) {
    return shared_->Ignored(relative, is_dir);
  }

  /// The unsure folders the walk is in, outermost first, then `also` unless "".
  std::vector<std::string> UnsureChain(const std::string& also) const {
    std::vector<std::string> chain;
    for (int i = unsure_now_; i >= 0; i = unsure_[i].parent) chain.push_back(unsure_[i].relative);
    std::reverse(chain.begin(), chain.end());
    if (!also.empty()) chain.push_back(also);
    return chain;
  }

  /// What is ignored, when that is known now: `*owed` takes the check otherwise.
  bool IgnoredNow(const std::string& relative, bool is_dir, Owed* owed) {
    if (RulesKnown()) return Ignored(relative, is_dir);
    owed->own_check = relative;
    owed->own_check_is_dir = is_dir;
    return false;
  }

  /// The checks owed by what is found in the folder the walk is in.
  Owed Here() const { return Owed{unsure_now_, {}, false}; }

  void Keep(SourceFile file, Owed owed) {
    found_.push_back(Found{std::move(owed), std::move(file), {}, {}});
  }
  void KeepMarker(std::string marker, Owed owed) {
    found_.push_back(Found{std::move(owed), {}, std::move(marker), {}});
  }
  void Keep(Diagnostic diagnostic, Owed owed) {
    found_.push_back(Found{std::move(owed), {}, {}, std::move(diagnostic)});
  }

  fs::path root_;
  const DiscoverOptions& options_;
  SharedWalk* shared_;
  std::vector<Unsure> unsure_;
  std::vector<std::uint64_t> listing_;  // List's buffer, reused by every folder
  int unsure_now_ = -1;  // the innermost unsure folder the walk is in, or -1
  std::vector<Found> found_;
  std::exception_ptr error_;
};

}  // namespace

Discovery Discover(const std::string& root, const DiscoverOptions& options) {
  Discovery out;
  out.root = root;
  std::error_code ec;
  fs::path canonical = fs::canonical(root, ec);
  if (ec) {
    out.diagnostics.push_back(Warn("unreadable", "", root + ": " + ec.message()));
    return out;
  }
  if (!fs::is_directory(canonical, ec)) {
    out.diagnostics.push_back(Warn("unreadable", "", root + ": not a folder"));
    return out;
  }
  SharedWalk shared(canonical, options, std::max(1, options.walkers));
  std::vector<Walker> walkers(static_cast<std::size_t>(shared.walkers()),
                              Walker(canonical, options, &shared));
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < walkers.size(); ++i) {
    try {
      threads.emplace_back([&walker = walkers[i]] { walker.Run(); });
    } catch (const std::system_error&) {  // fewer threads to be had: fewer walkers
      break;
    }
  }
  shared.SetWalkers(static_cast<int>(threads.size()) + 1);
  walkers[0].Run();
  for (std::thread& thread : threads) thread.join();
  for (const Walker& walker : walkers) {
    if (walker.error()) std::rethrow_exception(walker.error());
  }
  shared.SettleRules(&out);
  for (Walker& walker : walkers) walker.Finish(&out);
  std::sort(out.files.begin(), out.files.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  std::sort(out.markers.begin(), out.markers.end());
  std::sort(out.diagnostics.begin(), out.diagnostics.end());
  return out;
}

}  // namespace djcost
