#include "syntax/parse_arena.h"

#include <sys/mman.h>
#include <tree_sitter/api.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <utility>

#if defined(__SANITIZE_ADDRESS__)  // gcc
#define DJCOST_ADDRESS_SANITIZER 1
#elif defined(__has_feature)      // clang
#if __has_feature(address_sanitizer)
#define DJCOST_ADDRESS_SANITIZER 1
#endif
#endif

#ifdef DJCOST_ADDRESS_SANITIZER
#include <sanitizer/asan_interface.h>
#define DJCOST_POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define DJCOST_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define DJCOST_POISON(p, n) ((void)(p), (void)(n))
#define DJCOST_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

namespace djcost {
namespace {

constexpr std::size_t kAlign = 16;
// Each allocation is preceded by its size, for realloc to copy.
constexpr std::size_t kHeader = 16;
// Pages an emptied arena keeps: a file of a few megabytes parses within them;
// past them (a generated file of tens of megabytes) they go back to the system.
constexpr std::size_t kKeptBytes = std::size_t(16) << 20;

std::atomic<std::size_t> g_arena_bytes{std::size_t(4) << 30};

[[noreturn]] void OutOfMemory(std::size_t bytes) {
  std::fprintf(stderr, "djcost: tree-sitter could not allocate %zu bytes\n", bytes);
  std::abort();
}

struct Arena {
  char* base = nullptr;
  std::size_t capacity = 0;
  std::size_t used = 0;
  std::size_t high_water = 0;
  int depth = 0;
  bool whole = true;

  ~Arena() {
    if (base != nullptr) ::munmap(base, capacity);
  }
  bool Holds(const void* p) const {
    const char* c = static_cast<const char*>(p);
    return base != nullptr && c >= base && c < base + capacity;
  }
  // Reserves the address space on the thread's first scope; false when it
  // cannot be had (then every allocation is malloc's).
  bool Reserve() {
    if (base != nullptr) return true;
    const std::size_t bytes = g_arena_bytes.load(std::memory_order_relaxed);
    void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) return false;
    base = static_cast<char*>(p);
    capacity = bytes;
    // Not poisoned whole: AddressSanitizer's shadow of 4 GB is 512 MB of
    // memory. What was handed out is poisoned when the arena empties.
    return true;
  }
  void Empty() {
    high_water = std::max(high_water, used);
    DJCOST_POISON(base, used);
    if (high_water > kKeptBytes) {
      ::madvise(base + kKeptBytes, high_water - kKeptBytes, MADV_DONTNEED);
      high_water = kKeptBytes;
    }
    used = 0;
    whole = true;
  }
};

thread_local Arena t_arena;

// What an allocation of `bytes` takes of the arena: its header, and the bytes
// rounded up to the alignment. Less than `bytes` when that overflows.
std::size_t Footprint(std::size_t bytes) {
  return kHeader + ((bytes + kAlign - 1) & ~(kAlign - 1));
}

std::size_t SizeOf(const void* p) {
  std::size_t size;
  const char* header = static_cast<const char*>(p) - kHeader;
  std::memcpy(&size, header, sizeof size);
  return size;
}

// From the arena while a scope is open and it has room; from malloc otherwise.
void* Allocate(std::size_t bytes) {
  Arena& a = t_arena;
  if (a.depth > 0 && a.whole) {
    const std::size_t need = Footprint(bytes);
    if (need >= bytes && need <= a.capacity - a.used) {
      char* p = a.base + a.used;
      a.used += need;
      DJCOST_UNPOISON(p, kHeader + bytes);
      std::memcpy(p, &bytes, sizeof bytes);
      return p + kHeader;
    }
    a.whole = false;  // the rest of the scope's memory comes from malloc
  }
  void* p = std::malloc(bytes);
  if (p == nullptr && bytes != 0) OutOfMemory(bytes);
  return p;
}

void* AllocateZeroed(std::size_t count, std::size_t size) {
  if (size != 0 && count > SIZE_MAX / size) OutOfMemory(SIZE_MAX);
  void* p = Allocate(count * size);
  if (p != nullptr) std::memset(p, 0, count * size);
  return p;
}

void* Reallocate(void* p, std::size_t bytes) {
  if (p == nullptr) return Allocate(bytes);
  Arena& a = t_arena;
  if (!a.Holds(p)) {
    void* q = std::realloc(p, bytes);
    if (q == nullptr && bytes != 0) OutOfMemory(bytes);
    return q;
  }
  const std::size_t old = SizeOf(p);
  if (bytes <= old) return p;
  // The arena's last allocation grows where it is (tree-sitter's arrays grow so).
  char* start = static_cast<char*>(p) - kHeader;
  const std::size_t old_need = Footprint(old);
  const std::size_t need = Footprint(bytes);
  if (a.whole && start + old_need == a.base + a.used && need >= bytes &&
      need - old_need <= a.capacity - a.used) {
    a.used += need - old_need;
    DJCOST_UNPOISON(start, kHeader + bytes);
    std::memcpy(start, &bytes, sizeof bytes);
    return p;
  }
  void* q = Allocate(bytes);
  std::memcpy(q, p, old);
  return q;
}

void Free(void* p) {
  if (!t_arena.Holds(p)) {
    std::free(p);
    return;
  }
  // Arena memory goes when its scope ends; until then AddressSanitizer
  // builds catch a use after this free.
  DJCOST_POISON(static_cast<char*>(p) - kHeader, kHeader + SizeOf(p));
}

}  // namespace

void UseParseArenas() {
  static std::once_flag once;
  std::call_once(once, [] { ts_set_allocator(Allocate, AllocateZeroed, Reallocate, Free); });
}

ParseArenaScope::ParseArenaScope() = default;

ParseArenaScope ParseArenaScope::Begin() {
  UseParseArenas();
  Arena& a = t_arena;
  if (!a.Reserve()) return ParseArenaScope(false);
  ++a.depth;
  return ParseArenaScope(true);
}

ParseArenaScope::ParseArenaScope(ParseArenaScope&& other) noexcept
    : active_(std::exchange(other.active_, false)) {}

ParseArenaScope& ParseArenaScope::operator=(ParseArenaScope&& other) noexcept {
  if (this != &other) {
    End();
    active_ = std::exchange(other.active_, false);
  }
  return *this;
}

ParseArenaScope::~ParseArenaScope() { End(); }

void ParseArenaScope::End() {
  if (!active_) return;
  active_ = false;
  Arena& a = t_arena;
  if (--a.depth == 0) a.Empty();
}

bool ParseArenaScope::whole() const { return active_ && t_arena.whole; }

void SetParseArenaBytes(std::size_t bytes) {
  g_arena_bytes.store(bytes, std::memory_order_relaxed);
}

std::size_t ParseArenaBytesInUse() { return t_arena.used; }

}  // namespace djcost
