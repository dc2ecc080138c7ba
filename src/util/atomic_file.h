// Writes a whole file so that readers see either the old contents or the new,
// never a half-written file: write a temporary file beside the target, then
// rename it over the target. Input: path and bytes; output: success or an error.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace djcost {

/// WriteFileAtomically as a stream, for contents made as they are written (a
/// report): what goes to stream() is written to a temporary file beside `path`
/// through a buffer, and Commit() renames it over `path`. Without a successful
/// Commit, no temporary file is left behind. Interruptions are held off from
/// construction to destruction, as WriteFileAtomically holds them off.
class AtomicFileWriter {
 public:
  /// What readers of `path` may see while it is replaced.
  enum class Readers {
    kOldOrNew,         // the old contents or the new (a report)
    kOldNoneOrNew,     // or no file for a moment: a cache, for which that is a miss
  };
  explicit AtomicFileWriter(const std::string& path, Readers readers = Readers::kOldOrNew);
  ~AtomicFileWriter();
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

  /// Writes to the temporary file; writes are dropped once one has failed.
  std::ostream& stream();
  /// Renames the temporary file over `path`. On failure (this or any write
  /// before) returns false and sets `*error` to a one-line reason naming the path.
  [[nodiscard]] bool Commit(std::string* error);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// Replaces `path` with `contents`. On failure returns false, sets `*error` to a
/// one-line reason naming the path, and leaves no temporary file behind. SIGINT,
/// SIGTERM, SIGHUP and SIGQUIT are held off while it runs, so an interrupted run
/// leaves no temporary file either (SIGKILL cannot be held off).
[[nodiscard]] bool WriteFileAtomically(const std::string& path, std::string_view contents,
                                       std::string* error);

/// WriteFileAtomically for a cache: the old file is removed just before the new
/// one is renamed into place (Readers::kOldNoneOrNew). On ext4, a rename that
/// replaces a file first starts writing the new file's blocks out (its
/// auto_da_alloc, for programs that replace files without fsync): a
/// millisecond for a 750 kB memo here, three times in a scan after an edit. A
/// cache whose blocks a crash lost fails its checksum and is made again.
[[nodiscard]] bool WriteCacheFile(const std::string& path, std::string_view contents,
                                  std::string* error);

/// Reads a whole file. On failure returns false and sets `*error`.
[[nodiscard]] bool ReadFile(const std::string& path, std::string* contents, std::string* error);

}  // namespace djcost
