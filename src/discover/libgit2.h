// libgit2, opened when first needed instead of when djcost starts. Linked as
// usual, it and the fifteen libraries it needs took 2.2 ms of every run's
// start, more than half of a process that does nothing, though only a scan
// inside a git work tree (its .gitignore rules) and --since call it. Opened by
// the shared object name the build linked its headers with.
#pragma once

#include <git2.h>

#include <string>

namespace djcost {

/// The libgit2 functions djcost calls, each named as in libgit2 without its
/// `git_` prefix.
struct Libgit2 {
  decltype(&::git_libgit2_init) libgit2_init = nullptr;
  decltype(&::git_libgit2_shutdown) libgit2_shutdown = nullptr;
  decltype(&::git_error_last) error_last = nullptr;
  decltype(&::git_repository_open_ext) repository_open_ext = nullptr;
  decltype(&::git_repository_workdir) repository_workdir = nullptr;
  decltype(&::git_repository_index) repository_index = nullptr;
  decltype(&::git_repository_free) repository_free = nullptr;
  decltype(&::git_repository_path) repository_path = nullptr;
  decltype(&::git_repository_commondir) repository_commondir = nullptr;
  decltype(&::git_repository_config_snapshot) repository_config_snapshot = nullptr;
  decltype(&::git_config_get_path) config_get_path = nullptr;
  decltype(&::git_config_find_global) config_find_global = nullptr;
  decltype(&::git_config_find_xdg) config_find_xdg = nullptr;
  decltype(&::git_config_find_system) config_find_system = nullptr;
  decltype(&::git_config_free) config_free = nullptr;
  decltype(&::git_buf_dispose) buf_dispose = nullptr;
  decltype(&::git_index_entrycount) index_entrycount = nullptr;
  decltype(&::git_index_get_byindex) index_get_byindex = nullptr;
  decltype(&::git_index_free) index_free = nullptr;
  decltype(&::git_ignore_path_is_ignored) ignore_path_is_ignored = nullptr;
  decltype(&::git_revparse_single) revparse_single = nullptr;
  decltype(&::git_object_peel) object_peel = nullptr;
  decltype(&::git_object_free) object_free = nullptr;
  decltype(&::git_tree_walk) tree_walk = nullptr;
  decltype(&::git_tree_entry_type) tree_entry_type = nullptr;
  decltype(&::git_tree_entry_name) tree_entry_name = nullptr;
  decltype(&::git_diff_tree_to_workdir_with_index) diff_tree_to_workdir_with_index = nullptr;
  decltype(&::git_diff_num_deltas) diff_num_deltas = nullptr;
  decltype(&::git_diff_get_delta) diff_get_delta = nullptr;
  decltype(&::git_diff_free) diff_free = nullptr;

  /// libgit2's last error message, or a stand-in when it gives none.
  std::string LastError() const;
};

/// The library, opened on the first call (from any thread), or nullptr with
/// `*error` (when given) saying why it could not be opened.
const Libgit2* OpenLibgit2(std::string* error = nullptr);

}  // namespace djcost
