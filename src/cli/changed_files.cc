#include "cli/changed_files.h"

#include <filesystem>
#include <memory>

#include "cli/scan.h"
#include "discover/libgit2.h"
#include "util/strings.h"

namespace djcost {

namespace fs = std::filesystem;

namespace {

// libgit2 objects freed on every path out (the library is open by then).
struct GitFree {
  void operator()(git_repository* p) const { OpenLibgit2()->repository_free(p); }
  void operator()(git_object* p) const { OpenLibgit2()->object_free(p); }
  void operator()(git_diff* p) const { OpenLibgit2()->diff_free(p); }
};
template <typename T>
using GitPtr = std::unique_ptr<T, GitFree>;

// Started for the call and shut down after it.
struct Library {
  explicit Library(const Libgit2& git) : git(git) { git.libgit2_init(); }
  ~Library() { git.libgit2_shutdown(); }
  const Libgit2& git;
};

struct WalkState {
  const std::string* prefix;           // the scan root inside the repository, "" or "dir/"
  const std::set<std::string>* changed;  // repository-relative
  std::set<std::string>* unchanged;    // root-relative
};

int CollectUnchanged(const char* folder, const git_tree_entry* entry, void* payload) {
  auto* state = static_cast<WalkState*>(payload);
  const Libgit2& git = *OpenLibgit2();
  if (git.tree_entry_type(entry) != GIT_OBJECT_BLOB) return 0;
  std::string path = std::string(folder) + git.tree_entry_name(entry);
  if (!EndsWith(path, ".py") || !StartsWith(path, *state->prefix)) return 0;
  if (state->changed->count(path) == 0) state->unchanged->insert(path.substr(state->prefix->size()));
  return 0;
}

}  // namespace

bool UnchangedSince(const std::string& root, const std::string& rev, std::set<std::string>* paths,
                    std::string* error) {
  std::string why;
  const Libgit2* opened = OpenLibgit2(&why);
  if (opened == nullptr) {
    *error = "--since: " + why;
    return false;
  }
  const Libgit2& git = *opened;
  Library library(git);
  std::error_code ec;
  fs::path canonical_root = fs::canonical(root, ec);
  git_repository* raw_repo = nullptr;
  if (ec || git.repository_open_ext(&raw_repo, canonical_root.c_str(), 0, nullptr) != 0) {
    *error = "--since: " + root + " is not inside a git work tree";
    return false;
  }
  GitPtr<git_repository> repo(raw_repo);
  const char* workdir = git.repository_workdir(repo.get());
  if (workdir == nullptr) {
    *error = "--since: " + root + " is in a bare git repository";
    return false;
  }
  std::string prefix = fs::canonical(workdir, ec).generic_string();
  std::string inside = canonical_root.generic_string();
  prefix = inside.size() > prefix.size() ? inside.substr(prefix.size() + 1) + "/" : "";

  git_object* raw_tree = nullptr;
  git_object* raw_commit = nullptr;
  if (git.revparse_single(&raw_commit, repo.get(), rev.c_str()) != 0) {
    *error = "--since " + rev + ": not a revision of " + root + " (" + git.LastError() + ")";
    return false;
  }
  GitPtr<git_object> commit(raw_commit);
  if (git.object_peel(&raw_tree, commit.get(), GIT_OBJECT_TREE) != 0) {
    *error = "--since " + rev + ": does not name a commit or tree (" + git.LastError() + ")";
    return false;
  }
  GitPtr<git_object> tree(raw_tree);

  // Staged, unstaged and untracked changes alike: the scan reads the work tree.
  git_diff_options options = GIT_DIFF_OPTIONS_INIT;
  options.flags = GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS |
                  GIT_DIFF_INCLUDE_TYPECHANGE;
  git_diff* raw_diff = nullptr;
  if (git.diff_tree_to_workdir_with_index(&raw_diff, repo.get(),
                                          reinterpret_cast<git_tree*>(tree.get()), &options) != 0) {
    *error = "--since " + rev + ": git diff failed (" + git.LastError() + ")";
    return false;
  }
  GitPtr<git_diff> diff(raw_diff);
  std::set<std::string> changed;
  for (std::size_t i = 0, n = git.diff_num_deltas(diff.get()); i < n; ++i) {
    const git_diff_delta* delta = git.diff_get_delta(diff.get(), i);
    if (delta->old_file.path != nullptr) changed.insert(delta->old_file.path);
    if (delta->new_file.path != nullptr) changed.insert(delta->new_file.path);
  }
  std::set<std::string> unchanged;
  WalkState state{&prefix, &changed, &unchanged};
  if (git.tree_walk(reinterpret_cast<git_tree*>(tree.get()), GIT_TREEWALK_PRE, CollectUnchanged,
                    &state) != 0) {
    *error = "--since " + rev + ": could not list its files (" + git.LastError() + ")";
    return false;
  }
  *paths = std::move(unchanged);
  return true;
}

bool ScanWithFactsCache(const ScanConfig& config, const std::string& since,
                        const std::string& facts_cache, Report* report, std::string* error) {
  if (facts_cache.empty()) return Scan(config, report, error);
  ScanConfig c = config;
  c.cache_file = facts_cache;  // this file, wherever --cache-dir or --no-cache said
  if (!since.empty() && !UnchangedSince(config.root, since, &c.unchanged, error)) return false;
  return Scan(c, report, error);
}

}  // namespace djcost
