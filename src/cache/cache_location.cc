#include "cache/cache_location.h"

#include <cstdio>
#include <filesystem>

#include "cache/fact_cache.h"

// Set by src/CMakeLists.txt for this file only, so a change of digest rebuilds
// one object.
#ifndef DJCOST_VERSION
#define DJCOST_VERSION "unknown"
#endif
#ifndef DJCOST_GRAMMAR_VERSION
#define DJCOST_GRAMMAR_VERSION "unknown"
#endif
#ifndef DJCOST_TREE_SITTER_VERSION
#define DJCOST_TREE_SITTER_VERSION "unknown"
#endif
#ifndef DJCOST_LINK_DIGEST
#define DJCOST_LINK_DIGEST "unknown"
#endif
#ifndef DJCOST_FACTS_DIGEST
#define DJCOST_FACTS_DIGEST "unknown"
#endif

namespace djcost {

std::string DefaultCacheDir(const char* xdg_cache_home, const char* home) {
  // The XDG base directory specification: relative values are to be ignored.
  if (xdg_cache_home != nullptr && xdg_cache_home[0] == '/') {
    return std::string(xdg_cache_home) + "/djcost";
  }
  if (home != nullptr && home[0] != '\0') return std::string(home) + "/.cache/djcost";
  return "";
}

std::string CacheFilePath(const std::string& dir, const std::string& absolute_root) {
  std::string name = std::filesystem::path(absolute_root).filename().string();
  if (name.empty()) name = "root";
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016llx",
                static_cast<unsigned long long>(FastHash(absolute_root)));
  return dir + "/" + name + "-" + hash + ".facts";
}

std::string FactCacheKey(const std::string& rules_version) {
  return std::string("djcost ") + DJCOST_VERSION + "; tree-sitter " + DJCOST_TREE_SITTER_VERSION +
         "; tree-sitter-python " + DJCOST_GRAMMAR_VERSION + "; facts " + DJCOST_FACTS_DIGEST +
         "; rules " + rules_version;
}

std::string LinkMemoKey(const RuleSet& rules) {
  std::string key = FactCacheKey(rules.version) + "; link " + DJCOST_LINK_DIGEST;
  if (rules.django.known()) key += "; django " + rules.django.requirement + " " + rules.django.source;
  return key;
}

std::string ReportMemoKey(const RuleSet& rules) {
  return LinkMemoKey(rules) + "; report " + DJCOST_REPORT_DIGEST;
}

std::string ListingMemoKey(const std::string& options) {
  return std::string("djcost ") + DJCOST_VERSION + "; discover " + DJCOST_DISCOVER_DIGEST + "; " +
         options;
}

}  // namespace djcost
