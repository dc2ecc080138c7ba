#include "discover/git_ignore.h"

#include <cstdlib>
#include <filesystem>

#include "discover/libgit2.h"
#include "util/content_hash.h"

namespace djcost {

namespace {

// True when `root` or a folder above it holds a `.git` (a folder, or the file a
// worktree or submodule has): only then can libgit2 find a work tree. Its start-up
// reads the system's certificate bundle, most of a warm scan of a small tree.
// Every `.git` looked for goes to `*looked_for`.
bool MayBeInWorkTree(const std::string& root, std::vector<std::string>* looked_for) {
  std::error_code ec;
  for (std::filesystem::path dir(root); !dir.empty(); dir = dir.parent_path()) {
    looked_for->push_back((dir / ".git").string());
    if (std::filesystem::exists(dir / ".git", ec)) return true;
    if (dir == dir.parent_path()) break;
  }
  return false;
}

// $XDG_CONFIG_HOME/git/NAME, else ~/.config/git/NAME, as git looks them up.
std::string XdgGitFile(const char* name) {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  if (xdg != nullptr && *xdg == '/') return std::string(xdg) + "/git/" + name;
  const char* home = std::getenv("HOME");
  return home != nullptr && *home == '/' ? std::string(home) + "/.config/git/" + name : "";
}

std::string HomeFile(const char* name) {
  const char* home = std::getenv("HOME");
  return home != nullptr && *home == '/' ? std::string(home) + "/" + name : "";
}

}  // namespace

GitIgnore::GitIgnore(const std::string& canonical_root) {
  if (!MayBeInWorkTree(canonical_root, &watched_)) return;
  git_ = OpenLibgit2(&error_);
  if (git_ == nullptr) return;
  git_->libgit2_init();
  git_repository* repo = nullptr;
  int rc = git_->repository_open_ext(&repo, canonical_root.c_str(), 0, nullptr);
  if (rc != 0) {
    // Not inside a repository is the ordinary case; anything else is worth naming.
    if (rc != GIT_ENOTFOUND) error_ = git_->LastError();
    return;
  }
  const char* workdir = git_->repository_workdir(repo);
  if (workdir == nullptr) {  // a bare repository has no ignore rules for a work tree
    git_->repository_free(repo);
    return;
  }
  std::error_code ec;
  std::filesystem::path work = std::filesystem::weakly_canonical(workdir, ec);
  std::filesystem::path rel = std::filesystem::path(canonical_root).lexically_relative(work);
  std::string prefix = rel.generic_string();
  if (ec || rel.empty() || prefix.rfind("..", 0) == 0) {
    git_->repository_free(repo);
    return;
  }
  prefix_ = prefix == "." ? "" : prefix + "/";
  repo_ = repo;
  WatchRepository(work.string());
  ReadIndex();  // its digest is watched even when the rules end up unused
  // A root the enclosing repository ignores was asked for by name (a checkout
  // kept inside another one): its own files are the point, so the outer rules
  // must not hide them all.
  if (!prefix_.empty() && IsIgnoredInRepo(prefix_)) {
    git_->repository_free(repo_);
    repo_ = nullptr;
  }
}

void GitIgnore::WatchRepository(const std::string& work_tree) {
  // Both end in '/'; a linked worktree keeps its index apart from the common
  // folder, which holds the config and info/exclude.
  const std::string git_dir = git_->repository_path(repo_);
  const std::string common_dir = git_->repository_commondir(repo_);
  watched_.push_back(common_dir + "config");
  watched_.push_back(common_dir + "info/exclude");
  if (git_dir != common_dir) watched_.push_back(git_dir + "config.worktree");
  index_path_ = git_dir + "index";
  // The user's and the system's configs where libgit2 finds them, else where
  // one would be created; and the excludes file they name, else git's default.
  auto found = [&](decltype(git_->config_find_global) find, std::string otherwise) {
    git_buf buf = GIT_BUF_INIT;
    if (find(&buf) == 0 && buf.ptr != nullptr) otherwise = buf.ptr;
    git_->buf_dispose(&buf);
    if (!otherwise.empty()) watched_.push_back(std::move(otherwise));
  };
  found(git_->config_find_global, HomeFile(".gitconfig"));
  found(git_->config_find_xdg, XdgGitFile("config"));
  found(git_->config_find_system, "/etc/gitconfig");
  std::string excludes = XdgGitFile("ignore");
  git_config* config = nullptr;
  if (git_->repository_config_snapshot(&config, repo_) == 0) {
    git_buf buf = GIT_BUF_INIT;
    if (git_->config_get_path(&buf, config, "core.excludesfile") == 0 && buf.ptr != nullptr) {
      excludes = buf.ptr;
    }
    git_->buf_dispose(&buf);
    git_->config_free(config);
  }
  if (!excludes.empty()) watched_.push_back(std::move(excludes));
  // The .gitignore files from the work tree down to the root's parent (the
  // root's own, and those below, are the walk's to watch).
  std::string folder = work_tree;
  while (folder.size() > 1 && folder.back() == '/') folder.pop_back();
  for (std::size_t at = 0; at < prefix_.size();) {
    watched_.push_back(folder + "/.gitignore");
    const std::size_t slash = prefix_.find('/', at);
    folder += "/" + prefix_.substr(at, slash - at);
    at = slash + 1;
  }
}

void GitIgnore::ReadIndex() {
  git_index* index = nullptr;
  if (git_->repository_index(&index, repo_) != 0) return;  // no index: nothing is tracked
  const size_t count = git_->index_entrycount(index);
  tracked_files_.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    const git_index_entry* entry = git_->index_get_byindex(index, i);
    if (entry == nullptr || entry->path == nullptr) continue;
    std::string path = entry->path;
    for (size_t slash = path.rfind('/'); slash != std::string::npos && slash > 0;
         slash = path.rfind('/', slash - 1)) {
      if (!tracked_folders_.insert(path.substr(0, slash)).second) break;
    }
    tracked_digest_ = tracked_digest_ * 1099511628211u ^ Fnv1a64(path);
    tracked_files_.insert(std::move(path));
  }
  git_->index_free(index);
}

GitIgnore::~GitIgnore() {
  if (repo_ != nullptr) git_->repository_free(repo_);
  if (git_ != nullptr) git_->libgit2_shutdown();
}

bool GitIgnore::IsIgnoredInRepo(const std::string& repo_relative) const {
  int ignored = 0;
  if (git_->ignore_path_is_ignored(&ignored, repo_, repo_relative.c_str()) != 0) return false;
  return ignored == 1;
}

bool GitIgnore::IsIgnored(const std::string& relative, bool is_dir) const {
  if (repo_ == nullptr) return false;
  std::string path = prefix_ + relative;
  if ((is_dir ? tracked_folders_ : tracked_files_).count(path) > 0) return false;
  // The trailing slash tells libgit2 the path is a folder, so "build/" rules apply.
  return IsIgnoredInRepo(is_dir ? path + "/" : path);
}

}  // namespace djcost
