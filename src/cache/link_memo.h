// The link memo: the Inventory Link made in the last scan of a root, kept beside
// its fact cache with a digest of what it was made from. Link is a pure function
// of the files' facts and the rules, and the facts of a file are a function of
// its path, kind and content under one extractor; so when every file's content
// hash and the rules match, the stored Inventory is the one Link would make, and
// a warm scan with nothing changed does not link again.
// Input: the memo file, the key of the build and rules, the inputs' digest;
// output: the Inventory or nothing. A missing, stale, damaged or unwritable
// memo only costs a link: it never changes a report, so it is never reported.
// Depends on data/ and util/ only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "data/inventory.h"
#include "data/source_file.h"

namespace djcost {

/// The digest of Link's file inputs: every file's path, kind and content hash,
/// in discovery order. `hashes[i]` is the content hash of `files[i]`.
std::uint64_t LinkInputsDigest(const std::vector<SourceFile>& files,
                               const std::vector<std::uint64_t>& hashes);

/// True, with `*inventory` filled, when `path` holds a memo written under `key`
/// for `inputs`.
bool LoadLinkMemo(const std::string& path, const std::string& key, std::uint64_t inputs,
                  Inventory* inventory);

/// True when `head` (a memo file's first bytes, or all of them) names `key` and
/// `inputs`: the memo is then very likely Link's result for them, but whether it
/// is intact only MatchLinkMemo, which reads it all, can say.
bool LinkMemoNames(std::string_view head, const std::string& key, std::uint64_t inputs);

/// True when `file` (a memo file's bytes) is intact and holds a memo written
/// under `key` for `inputs`; `*encoded` then views its Inventory, for
/// DecodeInventory (cache/inventory_codec.h) when it is needed.
bool MatchLinkMemo(std::string_view file, const std::string& key, std::uint64_t inputs,
                   std::string_view* encoded);

/// Replaces the memo at `path` (atomically). False when it could not be written.
bool WriteLinkMemo(const std::string& path, const std::string& key, std::uint64_t inputs,
                   const Inventory& inventory);

}  // namespace djcost
