// Answers "does .gitignore ignore this path?" for a scan root, using libgit2 when
// the root lies inside a git work tree. As git does, ignore rules apply to
// untracked files only: a file the index tracks is never ignored. Input: the
// scan root; output: yes/no per root-relative path. Internal to discover/.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

struct git_repository;

namespace djcost {

struct Libgit2;

class GitIgnore {
 public:
  /// Opens the repository holding `canonical_root`, if any. When there is none,
  /// or the root itself is ignored by it, IsIgnored always answers false.
  explicit GitIgnore(const std::string& canonical_root);
  ~GitIgnore();
  GitIgnore(const GitIgnore&) = delete;
  GitIgnore& operator=(const GitIgnore&) = delete;

  /// True when a repository's ignore rules are in use.
  bool active() const { return repo_ != nullptr; }
  /// Why the rules could not be used when a repository was found; "" otherwise.
  const std::string& error() const { return error_; }

  /// `relative` is relative to the scan root, '/'-separated.
  bool IsIgnored(const std::string& relative, bool is_dir) const;

  /// Every file outside the scan tree whose content, or absence, the answers
  /// depend on: the `.git` looked for in each folder from the root up, and in
  /// the repository found its config and info/exclude, the user's and the
  /// system's git configs, the excludes file, and the .gitignore files of the
  /// folders above the root. Absolute paths.
  const std::vector<std::string>& watched() const { return watched_; }
  /// The repository's index ("" when none was read), and a digest of the paths
  /// it tracks.
  const std::string& index_path() const { return index_path_; }
  std::uint64_t tracked_digest() const { return tracked_digest_; }

 private:
  bool IsIgnoredInRepo(const std::string& repo_relative) const;
  void ReadIndex();
  void WatchRepository(const std::string& work_tree);

  const Libgit2* git_ = nullptr;  // opened and started only where a .git may be
  git_repository* repo_ = nullptr;
  std::string prefix_;  // the scan root relative to the work tree, "" or ending in '/'
  std::string error_;
  std::vector<std::string> watched_;
  std::string index_path_;
  std::uint64_t tracked_digest_ = 0;
  // What the index tracks, repository-relative: files, and the folders holding
  // them. libgit2 is asked only about the rest: each of its answers checks every
  // .gitignore from the work tree down, a dozen system calls per path.
  std::unordered_set<std::string> tracked_files_;
  std::unordered_set<std::string> tracked_folders_;
};

}  // namespace djcost
