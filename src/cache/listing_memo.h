// The folder listing memo: what the last walk of a root saw (data/folder_listing.h),
// kept beside its fact cache so that the next walk lists only the folders that
// changed. Input: the memo file and the key of the build and discovery options;
// output: the listing or nothing. A missing, stale or damaged memo only costs
// a full walk: it never changes a report, so it is never reported.
// Depends on data/ and util/ only.
#pragma once

#include <string>

#include "data/folder_listing.h"

namespace djcost {

/// The memo kept beside the fact cache file `cache_file`.
inline std::string ListingMemoPath(const std::string& cache_file) { return cache_file + ".list"; }

/// The whole memo file for `listing` under `key`.
std::string EncodeListingMemo(const std::string& key, const FolderListing& listing);

/// True, with `*listing` filled, when `file` (a memo file's bytes) was written
/// under `key` and is intact.
bool DecodeListingMemo(const std::string& file, const std::string& key, FolderListing* listing);

}  // namespace djcost
