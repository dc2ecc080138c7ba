#include "discover/libgit2.h"

#include <dlfcn.h>

namespace djcost {
namespace {

template <typename Function>
bool Bind(void* library, const char* name, Function* out, std::string* missing) {
  *out = reinterpret_cast<Function>(::dlsym(library, name));
  if (*out == nullptr && missing->empty()) *missing = name;
  return *out != nullptr;
}

struct Opened {
  Libgit2 functions;
  bool ok = false;
  std::string error;
};

Opened Open() {
  Opened o;
  void* library = ::dlopen(DJCOST_LIBGIT2_SONAME, RTLD_LAZY | RTLD_LOCAL);
  if (library == nullptr) {
    const char* why = ::dlerror();
    o.error = std::string("libgit2 could not be loaded: ") + (why ? why : DJCOST_LIBGIT2_SONAME);
    return o;
  }
  // Never closed: libgit2 keeps global state until the process ends.
  Libgit2& g = o.functions;
  std::string missing;
  bool all = Bind(library, "git_libgit2_init", &g.libgit2_init, &missing) &
             Bind(library, "git_libgit2_shutdown", &g.libgit2_shutdown, &missing) &
             Bind(library, "git_error_last", &g.error_last, &missing) &
             Bind(library, "git_repository_open_ext", &g.repository_open_ext, &missing) &
             Bind(library, "git_repository_workdir", &g.repository_workdir, &missing) &
             Bind(library, "git_repository_index", &g.repository_index, &missing) &
             Bind(library, "git_repository_free", &g.repository_free, &missing) &
             Bind(library, "git_repository_path", &g.repository_path, &missing) &
             Bind(library, "git_repository_commondir", &g.repository_commondir, &missing) &
             Bind(library, "git_repository_config_snapshot", &g.repository_config_snapshot,
                  &missing) &
             Bind(library, "git_config_get_path", &g.config_get_path, &missing) &
             Bind(library, "git_config_find_global", &g.config_find_global, &missing) &
             Bind(library, "git_config_find_xdg", &g.config_find_xdg, &missing) &
             Bind(library, "git_config_find_system", &g.config_find_system, &missing) &
             Bind(library, "git_config_free", &g.config_free, &missing) &
             Bind(library, "git_buf_dispose", &g.buf_dispose, &missing) &
             Bind(library, "git_index_entrycount", &g.index_entrycount, &missing) &
             Bind(library, "git_index_get_byindex", &g.index_get_byindex, &missing) &
             Bind(library, "git_index_free", &g.index_free, &missing) &
             Bind(library, "git_ignore_path_is_ignored", &g.ignore_path_is_ignored, &missing) &
             Bind(library, "git_revparse_single", &g.revparse_single, &missing) &
             Bind(library, "git_object_peel", &g.object_peel, &missing) &
             Bind(library, "git_object_free", &g.object_free, &missing) &
             Bind(library, "git_tree_walk", &g.tree_walk, &missing) &
             Bind(library, "git_tree_entry_type", &g.tree_entry_type, &missing) &
             Bind(library, "git_tree_entry_name", &g.tree_entry_name, &missing) &
             Bind(library, "git_diff_tree_to_workdir_with_index",
                  &g.diff_tree_to_workdir_with_index, &missing) &
             Bind(library, "git_diff_num_deltas", &g.diff_num_deltas, &missing) &
             Bind(library, "git_diff_get_delta", &g.diff_get_delta, &missing) &
             Bind(library, "git_diff_free", &g.diff_free, &missing);
  if (!all) {
    o.error = std::string("libgit2 (") + DJCOST_LIBGIT2_SONAME + ") lacks " + missing;
    return o;
  }
  o.ok = true;
  return o;
}

}  // namespace

std::string Libgit2::LastError() const {
  const git_error* e = error_last();
  return e != nullptr && e->message != nullptr ? e->message : "unknown libgit2 error";
}

const Libgit2* OpenLibgit2(std::string* error) {
  static const Opened opened = Open();  // once, whichever thread asks first
  if (!opened.ok && error != nullptr) *error = opened.error;
  return opened.ok ? &opened.functions : nullptr;
}

}  // namespace djcost
