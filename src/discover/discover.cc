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
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <system_error>
#include <thread>

#include "discover/git_ignore.h"
#include "discover/path_stamp.h"
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

// By its name alone; a virtualenv of any name is found by its listing (Walker::Walk).
bool SkippedByName(const std::string& name) {
  if (kSkippedFolders.count(name) > 0 || EndsWith(name, ".egg-info")) return true;
  // A dot-named folder is no importable package: tool configuration and its test
  // data (saleor's .semgrep/ rule samples connect signals), CI scripts, caches.
  return !name.empty() && name[0] == '.';
}

bool SkippedUnlessPackage(const fs::path& dir, const std::string& name) {
  return kSkippedUnlessPackage.count(name) > 0 && !Exists(dir / "__init__.py");
}

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

  bool nothing() const { return folder < 0 && own_check.empty(); }
};

// One thing the walk found: a file, a marker or a diagnostic; and, when the
// walk records its listing, an entry of the folder record `record`, or (with
// no entry) that record itself. Each is kept when the checks it owes pass;
// an entry whose own check fails stays, marked kIgnored.
struct Found {
  Owed owed;
  std::optional<SourceFile> file;
  std::optional<std::string> marker;
  std::optional<Diagnostic> diagnostic;
  int record = -1;
  std::optional<ListedEntry> entry;
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

  /// `recording`: the walk records its listing (Discover's `listing`), with
  /// stamps judged against `walk_start_ns`.
  SharedWalk(const fs::path& root, const DiscoverOptions& options, int walkers,
             std::int64_t walk_start_ns, bool recording)
      : walkers_(walkers), walk_start_ns_(walk_start_ns), recording_(recording) {
    tasks_.push_back(Task{});  // the root
    read_ = [root = root.string()] { return std::make_unique<GitIgnore>(root); };
    if (options.memo != nullptr) TakeMemo(*options.memo, options.use_gitignore);
    if (!options.use_gitignore || ignore_ != nullptr) return;
    if (memo_ != nullptr) {  // read only when a folder that changed needs them
      lazy_ = true;
      return;
    }
    switch (options.ignore_rules) {
      case DiscoverOptions::IgnoreRules::kFirst: TakeRules(read_()); break;
      case DiscoverOptions::IgnoreRules::kBeside:
        try {
          reading_ = std::async(std::launch::async, read_);
        } catch (const std::system_error&) {  // no thread to be had: read them first
          TakeRules(read_());
        }
        break;
      case DiscoverOptions::IgnoreRules::kAfterWalk:  // never ready before Settle
        reading_ = std::async(std::launch::deferred, read_);
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
    if (lazy_) {
      TakeRules(read_());
    } else if (reading_.valid()) {
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

  /// The memo's record of the folder `relative`, or null.
  const FolderRecord* Remembered(const std::string& relative) const {
    if (memo_ == nullptr) return nullptr;
    const auto& folders = memo_->folders;
    auto it = std::lower_bound(
        folders.begin(), folders.end(), relative,
        [](const FolderRecord& r, const std::string& path) { return r.relative < path; });
    return it != folders.end() && it->relative == relative ? &*it : nullptr;
  }

  /// A .gitignore inside the tree changed: what the memo says was ignored may
  /// not be any more, so Discover walks again without it.
  void Break() { broken_.store(true, std::memory_order_relaxed); }
  bool broken() const { return broken_.load(std::memory_order_relaxed); }

  bool recording() const { return recording_; }
  /// After SettleRules: whether the ignore rules were read (libgit2 opened).
  bool rules_read() const { return ignore_ != nullptr; }
  std::int64_t walk_start_ns() const { return walk_start_ns_; }

  /// After SettleRules: what the listing records besides its folders; false
  /// when it must not be kept (the rules could not be read).
  bool RecordInputs(FolderListing* listing) {
    if (!diagnostics_.empty()) return false;
    listing->watched = watched_;
    listing->index = index_;
    listing->tracked_digest = tracked_digest_;
    return true;
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
  PathStamp StampOfWatched(const std::string& path) const {
    return WatchedStamp(path, walk_start_ns_);
  }

  // Uses `memo` when every file outside the tree that decided the ignore rules
  // is as it was. An index that moved is read (the rules with it): git
  // rewrites it to refresh stat data, which leaves what it tracks unchanged.
  void TakeMemo(const FolderListing& memo, bool use_gitignore) {
    if (memo.folders.empty()) return;
    for (const WatchedPath& w : memo.watched) {
      if (!StillHolds(w.stamp, StampOfWatched(w.path))) return;
    }
    watched_ = memo.watched;
    index_ = memo.index;
    tracked_digest_ = memo.tracked_digest;
    if (memo.index.path.empty() || StillHolds(memo.index.stamp, StampOfWatched(memo.index.path))) {
      memo_ = &memo;
      return;
    }
    if (!use_gitignore) return;
    TakeRules(read_());
    known_.store(true, std::memory_order_release);
    const std::vector<std::string>& watched = ignore_->watched();
    const bool same_inputs = std::equal(
        watched.begin(), watched.end(), memo.watched.begin(), memo.watched.end(),
        [](const std::string& path, const WatchedPath& w) { return path == w.path; });
    if (ignore_->error().empty() && same_inputs && ignore_->index_path() == memo.index.path &&
        ignore_->tracked_digest() == memo.tracked_digest) {
      memo_ = &memo;
    }
  }

  void TakeRules(std::unique_ptr<GitIgnore> rules) {
    ignore_ = std::move(rules);
    if (!ignore_->error().empty()) {
      diagnostics_.push_back(Warn("gitignore-unavailable", "",
                                  ".gitignore rules not applied: " + ignore_->error()));
    }
    if (!recording_) return;
    watched_.clear();
    for (const std::string& path : ignore_->watched()) {
      watched_.push_back(WatchedPath{path, StampOfWatched(path)});
    }
    index_ = WatchedPath{};
    if (!ignore_->index_path().empty()) {
      index_ = WatchedPath{ignore_->index_path(), StampOfWatched(ignore_->index_path())};
    }
    tracked_digest_ = ignore_->tracked_digest();
  }

  int walkers_;  // under tasks_mutex_ once walkers run
  const std::int64_t walk_start_ns_;
  const bool recording_;
  const FolderListing* memo_ = nullptr;  // null: every folder is listed
  std::atomic<bool> broken_{false};

  std::mutex rules_mutex_;  // reading_, ignore_ and libgit2's repository
  std::function<std::unique_ptr<GitIgnore>()> read_;
  bool lazy_ = false;  // read by the first walker that needs them
  std::future<std::unique_ptr<GitIgnore>> reading_;
  std::unique_ptr<GitIgnore> ignore_;  // null: no rules apply (or not known yet)
  std::atomic<bool> known_{false};
  std::vector<Diagnostic> diagnostics_;
  // What the listing records of the rules' inputs: read with them, or the memo's.
  std::vector<WatchedPath> watched_;
  WatchedPath index_;
  std::uint64_t tracked_digest_ = 0;

  std::mutex tasks_mutex_;
  std::condition_variable more_;
  std::vector<Task> tasks_;
  int idle_ = 0;
  std::atomic<int> hungry_{0};  // idle walkers less the folders waiting for them
};

class Walker {
 public:
  /// `root_fd` holds the root open for lookups by a path from it.
  Walker(const fs::path& root, int root_fd, const DiscoverOptions& options, SharedWalk* shared)
      : root_(root), root_fd_(root_fd), options_(options), shared_(shared) {}

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
          Walk(root_, "", root_fd_, ".");
        } else {
          Walk(root_ / task.relative, task.relative, root_fd_, task.relative.c_str());
        }
      } catch (...) {
        if (!error_) error_ = std::current_exception();
      }
    }
    unsure_now_ = -1;
  }

  /// What a walk threw, to throw again once every walker is done.
  std::exception_ptr error() const { return error_; }

  void AddCounts(WalkCounts* counts) const {
    counts->folders_listed += listed_;
    counts->folders_remembered += remembered_;
  }

  /// Settles what the walk kept aside and hands everything it found to `out`,
  /// and the folder records it kept to `listing` (when recording). The rules
  /// are known by then (SharedWalk::SettleRules).
  void Finish(Discovery* out, FolderListing* listing) {
    std::vector<char> ignored(unsure_.size(), 0);
    for (std::size_t i = 0; i < unsure_.size(); ++i) {  // a folder after the one it is in
      const Unsure& u = unsure_[i];
      ignored[i] = (u.parent >= 0 && ignored[u.parent]) || Ignored(u.relative, true);
    }
    enum class Fate { kFolderIgnored, kIgnored, kKept };
    auto fate = [&](const Owed& owed) {
      if (owed.folder >= 0 && ignored[owed.folder]) return Fate::kFolderIgnored;
      if (!owed.own_check.empty() && Ignored(owed.own_check, owed.own_check_is_dir)) {
        return Fate::kIgnored;
      }
      return Fate::kKept;
    };
    std::vector<char>& kept_records = record_kept_;
    for (Found& f : found_) {
      const Fate found_fate = fate(f.owed);
      if (f.record >= 0 && found_fate != Fate::kFolderIgnored) {
        if (!f.entry) {
          kept_records[f.record] = 1;
        } else {
          if (found_fate == Fate::kIgnored) f.entry->decision = IgnoreDecision::kIgnored;
          records_[f.record].entries.push_back(std::move(*f.entry));
        }
      }
      if (found_fate != Fate::kKept) continue;
      if (f.file) out->files.push_back(std::move(*f.file));
      if (f.marker) out->markers.push_back(std::move(*f.marker));
      if (f.diagnostic) out->diagnostics.push_back(std::move(*f.diagnostic));
    }
    for (SourceFile& file : kept_.files) out->files.push_back(std::move(file));
    for (std::string& marker : kept_.markers) out->markers.push_back(std::move(marker));
    for (Diagnostic& d : kept_.diagnostics) out->diagnostics.push_back(std::move(d));
    if (listing == nullptr) return;
    for (std::size_t i = 0; i < records_.size(); ++i) {
      if (kept_records[i]) listing->folders.push_back(std::move(records_[i]));
    }
  }

 private:
  // How Visit reaches the entries of a folder: by name in the folder `fd`
  // holds open, or (a remembered folder, never opened) by their path from the
  // root. `record`: the folder's record in records_, or -1.
  struct At {
    int fd;
    bool from_root;
    int record;
  };

  /// Walks `dir`, the entry `at_name` of the folder `at_fd` holds open: each
  /// entry is then looked up from its folder, not along the whole path again
  /// (most of an lstat's cost in a deep tree). A folder the memo remembers,
  /// whose stamp still holds, is not listed again (Revisit).
  void Walk(const fs::path& dir, const std::string& relative_dir, int at_fd,
            const char* at_name) {
    const FolderRecord* old = shared_->Remembered(relative_dir);
    // A folder of a few entries costs less by paths from the root than by an
    // open and a close of its own.
    constexpr std::size_t kEntriesWorthHolding = 4;
    if (old != nullptr && old->stamp.known && old->entries.size() < kEntriesWorthHolding) {
      const PathStamp now = StampAt(at_fd, at_name, /*follow=*/false);
      if (StillHolds(old->stamp, now)) {
        ++remembered_;
        Revisit(*old, dir, relative_dir, now, -1);
        return;
      }
    } else if (old != nullptr && old->stamp.known) {
      // Held by path only (no listing), so that each entry is looked up by its
      // name from here rather than along the whole path again.
      const int held = ::openat(at_fd, at_name, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      struct stat st;
      if (held >= 0 && ::fstat(held, &st) == 0 && StillHolds(old->stamp, StampOf(st))) {
        ++remembered_;
        Revisit(*old, dir, relative_dir, StampOf(st), held);
        ::close(held);
        return;
      }
      if (held >= 0) ::close(held);
    }
    constexpr int kFlags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
    const int fd = ::openat(at_fd, at_name, kFlags);
    if (fd < 0) {
      Keep(Warn("unreadable", relative_dir, "folder could not be read: " + ErrnoMessage()),
           Here());
      return;
    }
    ++listed_;
    // The folder's stamp is taken before its listing: a change made after it
    // moves the stamp the next walk compares.
    PathStamp stamp;
    struct stat st;
    const bool recording = shared_->recording();
    if (recording && ::fstat(fd, &st) == 0) stamp = Settled(StampOf(st), shared_->walk_start_ns());
    std::vector<ListedEntry> entries;
    if (!List(fd, relative_dir, &entries)) stamp.known = false;  // to be listed again
    if (old != nullptr) TakeDecisions(*old, &entries);
    if (recording || old != nullptr) {
      PathStamp gitignore{true, false};
      if (std::any_of(entries.begin(), entries.end(),
                      [](const ListedEntry& e) { return e.name == ".gitignore"; })) {
        gitignore = Settled(StampAt(fd, ".gitignore", /*follow=*/true), shared_->walk_start_ns());
      }
      if (old != nullptr && !StillHolds(old->gitignore, gitignore)) shared_->Break();
      stamp.known = stamp.known && gitignore.known;
      const int record = recording ? Record(relative_dir, stamp, gitignore) : -1;
      VisitAll(dir, entries, relative_dir, At{fd, false, record});
    } else {
      VisitAll(dir, entries, relative_dir, At{fd, false, -1});
    }
    ::close(fd);
  }

  // A remembered folder that has not changed: its entries as the memo keeps
  // them, each looked up from the folder `held` holds (by path only), or by
  // its path from the root when `held` is -1.
  void Revisit(const FolderRecord& old, const fs::path& dir, const std::string& relative_dir,
               const PathStamp& now, int held) {
    PathStamp gitignore = old.gitignore;
    if (old.gitignore.exists) {
      const std::string path = held >= 0            ? ".gitignore"
                               : relative_dir.empty() ? ".gitignore"
                                                      : relative_dir + "/.gitignore";
      gitignore = Settled(StampAt(held >= 0 ? held : root_fd_, path.c_str(), /*follow=*/true),
                          shared_->walk_start_ns());
    }
    if (!StillHolds(old.gitignore, gitignore)) shared_->Break();
    int record = -1;
    if (shared_->recording()) {
      PathStamp stamp = Settled(now, shared_->walk_start_ns());
      stamp.known = stamp.known && gitignore.known;
      record = Record(relative_dir, stamp, gitignore);
    }
    const At at = held >= 0 ? At{held, false, record} : At{root_fd_, true, record};
    for (const ListedEntry& entry : old.entries) Visit(dir, entry, relative_dir, at);
  }

  // What the ignore rules said of the entries a changed folder still holds
  // (an editor's save renames a new file over the old one): while nothing
  // that decided them moved, they say it again, so only new names are asked.
  static void TakeDecisions(const FolderRecord& old, std::vector<ListedEntry>* entries) {
    for (ListedEntry& entry : *entries) {
      auto it = std::lower_bound(
          old.entries.begin(), old.entries.end(), entry.name,
          [](const ListedEntry& e, const std::string& name) { return e.name < name; });
      if (it != old.entries.end() && it->name == entry.name && it->type == entry.type) {
        entry.decision = it->decision;
      }
    }
  }

  void VisitAll(const fs::path& dir, const std::vector<ListedEntry>& entries,
                const std::string& relative_dir, At at) {
    // Any virtualenv, whatever its name (never the root: it was asked for).
    if (!relative_dir.empty() &&
        std::any_of(entries.begin(), entries.end(),
                    [](const ListedEntry& e) { return e.name == "pyvenv.cfg"; })) {
      return;
    }
    for (const ListedEntry& entry : entries) Visit(dir, entry, relative_dir, at);
  }

  // getdents64 on the folder's descriptor, not fdopendir and readdir: fdopendir
  // adds an fstat and two fcntl calls per folder, 40 % of the system calls of
  // a walk through Django's 2,554 folders (most of them locale/*/LC_MESSAGES/).
  // False when the listing stopped short.
  bool List(int fd, const std::string& relative_dir, std::vector<ListedEntry>* entries) {
    listing_.resize(8 * 1024);  // 64 kB, 8-byte aligned as the records are
    char* const bytes = reinterpret_cast<char*>(listing_.data());
    while (true) {
      const ssize_t n = ::getdents64(fd, bytes, listing_.size() * sizeof(listing_[0]));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        Keep(Warn("unreadable", relative_dir, "folder listing stopped: " + ErrnoMessage()),
             Here());
        return false;
      }
      if (n == 0) return true;
      for (ssize_t at = 0; at < n;) {
        const auto* d = reinterpret_cast<const dirent64*>(bytes + at);
        at += d->d_reclen;
        std::string_view name = d->d_name;
        if (name == "." || name == "..") continue;
        entries->push_back({std::string(name), d->d_type, IgnoreDecision::kAsk});
      }
    }
  }

  static std::string ErrnoMessage() {
    return std::error_code(errno, std::generic_category()).message();
  }

  // An entry of the folder `dir`.
  void Visit(const fs::path& dir, const ListedEntry& entry, const std::string& relative_dir,
             At at) {
    const std::string& name = entry.name;
    std::string relative = relative_dir.empty() ? name : relative_dir + "/" + name;
    const char* at_name = at.from_root ? relative.c_str() : name.c_str();
    const bool python = EndsWith(name, ".py");
    // Only what is kept needs an lstat: a .py file for its size and stamp, and
    // whatever readdir could not type. Other files are known by their name.
    unsigned char type = entry.type;
    IgnoreDecision decision = entry.decision;
    if (type == DT_REG && python && decision == IgnoreDecision::kIgnored) {
      // No stat: an ignored file's size and stamp are nobody's business.
      if (kMarkers.count(name) > 0) KeepMarker(relative, Here());
      Remember(at.record, entry, Here());
      return;
    }
    struct stat st;
    if (type == DT_UNKNOWN || (type == DT_REG && python)) {
      if (::fstatat(at.fd, at_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
        Keep(Warn("unreadable", relative, ErrnoMessage()), Here());
        return;
      }
      type = S_ISLNK(st.st_mode)   ? DT_LNK
             : S_ISDIR(st.st_mode) ? DT_DIR
             : S_ISREG(st.st_mode) ? DT_REG
                                   : DT_UNKNOWN;
      if (type != entry.type) decision = IgnoreDecision::kAsk;  // not what was decided
    }
    if (type == DT_LNK) {
      SkipSymlink(dir / name, relative, name, decision, at.record);
      return;
    }
    if (type == DT_DIR) {
      if (SkippedByName(name) || Excluded(options_.excludes, relative)) return;
      const fs::path path = dir / name;
      if (SkippedUnlessPackage(path, name)) {  // asked again: it may become one
        Remember(at.record, ListedEntry{name, DT_UNKNOWN, IgnoreDecision::kAsk}, Here());
        return;
      }
      const bool kept = decision == IgnoreDecision::kKept;
      const bool known = kept || decision == IgnoreDecision::kIgnored || RulesKnown();
      if (decision == IgnoreDecision::kIgnored || (!kept && known && Ignored(relative, true))) {
        Remember(at.record, ListedEntry{name, DT_DIR, IgnoreDecision::kIgnored}, Here());
        return;
      }
      // Its entry owes the folder's own ignore check while the rules are not known.
      Remember(at.record, ListedEntry{name, DT_DIR, IgnoreDecision::kKept},
               known ? Here() : Owed{unsure_now_, relative, true});
      if (shared_->Wanted()) {  // another walker is idle: it takes this folder
        shared_->Give(SharedWalk::Task{relative, UnsureChain(known ? "" : relative)});
        return;
      }
      if (known) {
        Walk(path, relative, at.fd, at_name);
        return;
      }
      const int outer = unsure_now_;
      unsure_now_ = static_cast<int>(unsure_.size());
      unsure_.push_back(Unsure{relative, outer});
      Walk(path, relative, at.fd, at_name);
      unsure_now_ = outer;
      return;
    }
    if (type != DT_REG) return;  // sockets, fifos, devices
    const bool marker = kMarkers.count(name) > 0 && !Excluded(options_.excludes, relative);
    if (marker) KeepMarker(relative, Here());
    if (!python) {
      if (marker) Remember(at.record, ListedEntry{name, DT_REG, IgnoreDecision::kKept}, Here());
      return;
    }
    if (Excluded(options_.excludes, relative)) return;
    Owed owed = Here();
    const bool ignored = decision == IgnoreDecision::kIgnored ||
                         (decision == IgnoreDecision::kAsk && IgnoredNow(relative, false, &owed));
    if (ignored) {
      Remember(at.record, ListedEntry{name, DT_REG, IgnoreDecision::kIgnored}, Here());
      return;
    }
    std::optional<SourceFile> file;
    std::optional<Diagnostic> too_large;
    auto size = static_cast<std::uint64_t>(st.st_size);
    if (size > options_.max_file_size) {
      too_large = Warn("file-too-large", relative,
                       std::to_string(size) + " bytes, over the limit of " +
                           std::to_string(options_.max_file_size));
    } else {
      file = SourceFile{relative, ClassifyPath(relative), size,
                        std::int64_t{st.st_mtim.tv_sec} * 1'000'000'000 + st.st_mtim.tv_nsec};
      if (options_.found) options_.found(*file);
    }
    const ListedEntry listed{name, DT_REG, IgnoreDecision::kKept};
    if (owed.nothing()) {  // most of a walk: kept as it is, without a Found
      Remember(at.record, listed, Owed{});
      if (file) kept_.files.push_back(std::move(*file));
      if (too_large) kept_.diagnostics.push_back(std::move(*too_large));
      return;
    }
    Found found;
    found.owed = std::move(owed);
    found.file = std::move(file);
    found.diagnostic = std::move(too_large);
    found.record = at.record;
    found.entry = listed;
    found_.push_back(std::move(found));
  }

  // Links are never followed: a link inside the tree points at files the walk
  // reaches by their real path (following it would count them twice, or loop),
  // and a link out of the tree points at code that is not the project's.
  // Only links that could matter (folders, *.py) are named.
  // `decision`: what the ignore rules said of the link when it last pointed
  // at a file (a link to a folder is asked again). Its entry goes to `record`.
  void SkipSymlink(const fs::path& link, const std::string& relative, const std::string& name,
                   IgnoreDecision decision, int record) {
    const ListedEntry asked{name, DT_LNK, IgnoreDecision::kAsk};
    std::error_code ec;
    fs::path target = fs::canonical(link, ec);
    if (ec) {
      Remember(record, asked, Here());
      if (EndsWith(name, ".py")) {
        Keep(Warn("symlink-skipped", relative,
                  "symbolic link not followed: its target does not exist"),
             Here());
      }
      return;
    }
    bool is_dir = fs::is_directory(target, ec);
    if ((!is_dir && !EndsWith(name, ".py")) || Excluded(options_.excludes, relative)) {
      Remember(record, asked, Here());
      return;
    }
    Owed owed = Here();
    const bool ignored = !is_dir && decision != IgnoreDecision::kAsk
                             ? decision == IgnoreDecision::kIgnored
                             : IgnoredNow(relative, is_dir, &owed);
    if (is_dir) {
      Remember(record, asked, Here());
    } else {
      Remember(record,
               ListedEntry{name, DT_LNK, ignored ? IgnoreDecision::kIgnored : IgnoreDecision::kKept},
               owed);
    }
    if (ignored) return;
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

  void KeepMarker(std::string marker, Owed owed) {
    Keep(std::move(marker), std::move(owed), &Discovery::markers, &Found::marker);
  }
  void Keep(Diagnostic diagnostic, Owed owed) {
    Keep(std::move(diagnostic), std::move(owed), &Discovery::diagnostics, &Found::diagnostic);
  }
  /// Into the result at once when it owes no check, else kept aside in a Found.
  template <typename T>
  void Keep(T item, Owed owed, std::vector<T> Discovery::*list, std::optional<T> Found::*slot) {
    if (owed.nothing()) {
      (kept_.*list).push_back(std::move(item));
      return;
    }
    Found found;
    found.owed = std::move(owed);
    found.*slot = std::move(item);
    found_.push_back(std::move(found));
  }

  /// A new folder record, kept (in Finish) when the folder the walk is in is.
  int Record(const std::string& relative_dir, const PathStamp& stamp, const PathStamp& gitignore) {
    const int record = static_cast<int>(records_.size());
    records_.push_back(FolderRecord{relative_dir, stamp, gitignore, {}});
    record_kept_.push_back(Here().nothing());
    if (record_kept_.back()) return record;
    Found found;
    found.owed = Here();
    found.record = record;
    found_.push_back(std::move(found));
    return record;
  }

  /// An entry of the folder record `record` (none: -1), kept when `owed` passes.
  void Remember(int record, ListedEntry entry, Owed owed) {
    if (record < 0) return;
    if (owed.nothing()) {  // most of a walk, once the rules are known
      records_[record].entries.push_back(std::move(entry));
      return;
    }
    Found found;
    found.owed = std::move(owed);
    found.record = record;
    found.entry = std::move(entry);
    found_.push_back(std::move(found));
  }

  fs::path root_;
  int root_fd_;
  const DiscoverOptions& options_;
  SharedWalk* shared_;
  std::vector<Unsure> unsure_;
  std::vector<std::uint64_t> listing_;  // List's buffer, reused by every folder
  int unsure_now_ = -1;  // the innermost unsure folder the walk is in, or -1
  std::vector<Found> found_;
  Discovery kept_;  // what owes no check: kept whatever the rules say
  std::vector<FolderRecord> records_;  // of the folders this walker listed or revisited
  std::vector<char> record_kept_;      // by record: kept whatever the rules say
  int listed_ = 0;
  int remembered_ = 0;
  std::exception_ptr error_;
};
}  // namespace

Discovery Discover(const std::string& root, const DiscoverOptions& options) {
  return Discover(root, options, nullptr);
}

Discovery Discover(const std::string& root, const DiscoverOptions& options,
                   FolderListing* listing, WalkCounts* counts) {
  Discovery out;
  out.root = root;
  if (listing != nullptr) *listing = FolderListing{};
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
  // Held for lookups by a path from the root (folders the memo remembers).
  struct RootFolder {
    int fd;
    ~RootFolder() {
      if (fd >= 0) ::close(fd);
    }
  } root_folder{::open(canonical.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC)};
  if (root_folder.fd < 0) {
    out.diagnostics.push_back(Warn("unreadable", "", root + ": " + std::error_code(
        errno, std::generic_category()).message()));
    return out;
  }
  SharedWalk shared(canonical, options, std::max(1, options.walkers), NowNs(), listing != nullptr);
  std::vector<Walker> walkers(static_cast<std::size_t>(shared.walkers()),
                              Walker(canonical, root_folder.fd, options, &shared));
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
  if (shared.broken()) {  // a .gitignore in the tree changed: walk it afresh
    DiscoverOptions afresh = options;
    afresh.memo = nullptr;
    return Discover(root, afresh, listing, counts);
  }
  shared.SettleRules(&out);
  for (Walker& walker : walkers) walker.Finish(&out, listing);
  if (counts != nullptr) {
    *counts = WalkCounts{};
    for (const Walker& walker : walkers) walker.AddCounts(counts);
    counts->ignore_rules_read = shared.rules_read();
  }
  std::sort(out.files.begin(), out.files.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  std::sort(out.markers.begin(), out.markers.end());
  std::sort(out.diagnostics.begin(), out.diagnostics.end());
  if (listing != nullptr) {
    if (shared.RecordInputs(listing)) {
      // In one order whoever walked what, so that an unchanged tree records
      // the same memo.
      std::sort(listing->folders.begin(), listing->folders.end(),
                [](const FolderRecord& a, const FolderRecord& b) { return a.relative < b.relative; });
      for (FolderRecord& folder : listing->folders) {
        std::sort(folder.entries.begin(), folder.entries.end(),
                  [](const ListedEntry& a, const ListedEntry& b) { return a.name < b.name; });
      }
    } else {
      *listing = FolderListing{};
    }
  }
  return out;
}

}  // namespace djcost
