// Where tree-sitter's memory comes from while a file is parsed and read: a bump
// arena per thread, emptied at once when the file's tree goes. A parse makes
// one small allocation per node and freeing the tree walks every node again;
// from an arena the allocations are a pointer's increment and the tree is not
// walked to be freed: a tenth of a cold scan's parse (docs/performance.md,
// "Parse arenas"). tree-sitter's allocator is process-wide (ts_set_allocator):
// outside a scope, on every thread, it is malloc's, and memory from either is
// freed rightly by both. Depends on tree-sitter only.
#pragma once

#include <cstddef>

namespace djcost {

/// Routes tree-sitter's allocations through the arenas. Once per process, on
/// first use; safe from any thread.
void UseParseArenas();

/// While one lives, what tree-sitter allocates on this thread comes from the
/// thread's arena; when the thread's outermost scope ends, the arena is
/// emptied. Nothing tree-sitter allocated within a scope may be used, or freed
/// with free(), after it, and a scope ends on the thread that began it. Only
/// when the arena runs out does memory come from malloc: then whole() is false
/// and what was made meanwhile must be freed as usual (ts_tree_delete).
class ParseArenaScope {
 public:
  ParseArenaScope();  // an empty scope (moved from): ends nothing
  static ParseArenaScope Begin();
  ParseArenaScope(ParseArenaScope&& other) noexcept;
  ParseArenaScope& operator=(ParseArenaScope&& other) noexcept;
  ParseArenaScope(const ParseArenaScope&) = delete;
  ParseArenaScope& operator=(const ParseArenaScope&) = delete;
  ~ParseArenaScope();

  /// True while everything allocated since the outermost scope began came from
  /// the arena (it did not run out).
  bool whole() const;

 private:
  explicit ParseArenaScope(bool active) : active_(active) {}
  void End();
  bool active_ = false;
};

/// The size of the address space each thread's arena reserves, for arenas made
/// from now on (tests make it small to see one run out). Pages are taken only
/// as they are used.
void SetParseArenaBytes(std::size_t bytes);

/// What this thread's arena holds now (0 outside every scope), for tests.
std::size_t ParseArenaBytesInUse();

}  // namespace djcost
