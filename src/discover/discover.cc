// Discover: walks the scan root and lists the *.py files a scan reads. Never
// follows symbolic links (see SkipSymlink), never throws.
#include "discover/discover.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <set>
#include <system_error>

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

class Walker {
 public:
  Walker(const fs::path& root, const DiscoverOptions& options, Discovery* out)
      : root_(root), options_(options), out_(out), ignore_(root.string()) {
    if (options_.use_gitignore && !ignore_.error().empty()) {
      out_->diagnostics.push_back(
          Warn("gitignore-unavailable", "", ".gitignore rules not applied: " + ignore_.error()));
    }
  }

  /// Walks `dir`, opened by its name in the folder `parent` holds open (by its
  /// path at the root, `parent` -1): each entry is then looked up from its
  /// folder, not along the whole path again (most of an lstat's cost in a deep tree).
  void Walk(const fs::path& dir, const std::string& relative_dir, int parent = -1) {
    constexpr int kFlags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
    const int fd = parent < 0 ? ::open(dir.c_str(), kFlags)
                              : ::openat(parent, dir.filename().c_str(), kFlags);
    DIR* listing = fd < 0 ? nullptr : ::fdopendir(fd);
    if (listing == nullptr) {
      out_->diagnostics.push_back(Warn("unreadable", relative_dir,
                                       "folder could not be read: " + ErrnoMessage()));
      if (fd >= 0) ::close(fd);
      return;
    }
    std::vector<Entry> entries;
    List(listing, relative_dir, &entries);
    // Any virtualenv, whatever its name (never the root: it was asked for).
    if (relative_dir.empty() ||
        std::none_of(entries.begin(), entries.end(),
                     [](const Entry& e) { return e.name == "pyvenv.cfg"; })) {
      for (const Entry& entry : entries) Visit(dir / entry.name, entry, relative_dir, fd);
    }
    ::closedir(listing);
  }

 private:
  void List(DIR* listing, const std::string& relative_dir, std::vector<Entry>* entries) {
    while (true) {
      errno = 0;
      const dirent* d = ::readdir(listing);
      if (d == nullptr) break;
      std::string_view name = d->d_name;
      if (name == "." || name == "..") continue;
      entries->push_back({std::string(name), d->d_type});
    }
    if (errno != 0) {
      out_->diagnostics.push_back(Warn("unreadable", relative_dir,
                                       "folder listing stopped: " + ErrnoMessage()));
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
        out_->diagnostics.push_back(Warn("unreadable", relative, ErrnoMessage()));
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
      if (IsSkippedFolder(path, name) || Excluded(options_.excludes, relative) ||
          Ignored(relative, true)) {
        return;
      }
      Walk(path, relative, folder);
      return;
    }
    if (type != DT_REG) return;  // sockets, fifos, devices
    if (kMarkers.count(name) > 0 && !Excluded(options_.excludes, relative)) {
      out_->markers.push_back(relative);
    }
    if (!python || Excluded(options_.excludes, relative) || Ignored(relative, false)) return;
    auto size = static_cast<std::uint64_t>(st.st_size);
    if (size > options_.max_file_size) {
      out_->diagnostics.push_back(Warn("file-too-large", relative,
                                       std::to_string(size) + " bytes, over the limit of " +
                                           std::to_string(options_.max_file_size)));
      return;
    }
    out_->files.push_back(SourceFile{relative, ClassifyPath(relative), size,
                                     std::int64_t{st.st_mtim.tv_sec} * 1'000'000'000 +
                                         st.st_mtim.tv_nsec});
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
        out_->diagnostics.push_back(Warn("symlink-skipped", relative,
                                         "symbolic link not followed: its target does not exist"));
      }
      return;
    }
    bool is_dir = fs::is_directory(target, ec);
    if (!is_dir && !EndsWith(name, ".py")) return;
    if (Excluded(options_.excludes, relative) || Ignored(relative, is_dir)) return;
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
    out_->diagnostics.push_back(Warn("symlink-skipped", relative, why));
  }

  bool Ignored(const std::string& relative, bool is_dir) const {
    return options_.use_gitignore && ignore_.IsIgnored(relative, is_dir);
  }

  fs::path root_;
  const DiscoverOptions& options_;
  Discovery* out_;
  GitIgnore ignore_;
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
  Walker walker(canonical, options, &out);
  walker.Walk(canonical, "");
  std::sort(out.files.begin(), out.files.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  std::sort(out.markers.begin(), out.markers.end());
  std::sort(out.diagnostics.begin(), out.diagnostics.end());
  return out;
}

}  // namespace djcost
