#include "cli/scan.h"

#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>

#include "cache/cache_location.h"
#include "cache/link_memo.h"
#include "cache/listing_memo.h"
#include "cache/report_memo.h"
#include "cache/byte_stream.h"
#include "cache/fact_cache.h"
#include "cache/fact_codec.h"
#include "cache/inventory_codec.h"
#include "cli/early_extraction.h"
#include "cli/extract_cached.h"
#include "cli/progress.h"
#include "cli/traffic_file.h"
#include "discover/discover.h"
#include "discover/django_pin.h"
#include "estimate/estimate.h"
#include "extract/extract.h"
#include "link/link.h"
#include "link/test_reach.h"
#include "rules/load_rules.h"
#include "rules/rule_options.h"
#include "syntax/python_parser.h"
#include "util/atomic_file.h"
#include "util/mapped_file.h"
#include "util/parallel.h"

#ifndef DJCOST_VERSION
#define DJCOST_VERSION "unknown"
#endif

namespace djcost {

std::vector<FileFacts> ExtractAll(const std::string& root, const std::vector<SourceFile>& files,
                                  int jobs) {
  return ExtractWithCache(root, files, jobs, FactCacheUse{}, nullptr).facts;
}

bool LooksLikeDjango(const Inventory& inv) {
  return !inv.settings_module.empty() || !inv.root_urlconf.empty() || !inv.endpoints.empty() ||
         !inv.external_routes.empty() || !inv.models.empty() ||
         !inv.admin_registrations.empty();
}

namespace {

// The Django release the [tool.djcost] `django` option names, else the one the
// project's requirement files pin; into `rules->django`.
bool ProjectRelease(const std::string& root, const Discovery& discovery, RuleSet* rules,
                    std::string* error) {
  const std::string option = OptionText(*rules, "django");
  if (option.empty()) {
    rules->django = FindDjangoRelease(root, discovery.markers);
    return true;
  }
  std::optional<DjangoRelease> pinned = ParseSpecifier(option);
  if (!pinned) pinned = ParseSpecifier("==" + option);
  if (!pinned) {
    *error = "[tool.djcost] django = \"" + option +
             "\": expected a release such as \"5.0\" or a specifier such as \">=4.2,<5.0\"";
    return false;
  }
  rules->django = *pinned;
  rules->django.source = "[tool.djcost] django";
  return true;
}

// Discover, with the folder listing memo kept beside the fact cache when
// there is one (cache/listing_memo.h): read before the walk, written after it
// when what the walk saw differs from it.
Discovery DiscoverWithMemo(const std::string& root, DiscoverOptions options,
                           const std::string& cache_file) {
  if (cache_file.empty()) return Discover(root, options);
  // Besides the options, what locates the git config files the ignore rules read.
  auto env = [](const char* name) {
    const char* value = std::getenv(name);
    return std::string(name) + "=" + (value != nullptr ? value : "") + "; ";
  };
  // The root: a facts cache given by name (--facts-cache) may serve two checkouts.
  std::error_code ec;
  std::string shape = "root=" + std::filesystem::canonical(root, ec).string() + "; " +
                      env("HOME") + env("XDG_CONFIG_HOME") +
                      "gitignore=" + (options.use_gitignore ? "1" : "0") + "; exclude";
  for (const std::string& pattern : options.excludes) shape += " " + pattern;
  const std::string key = ListingMemoKey(shape);
  const std::string path = ListingMemoPath(cache_file);
  std::string old_file, error;
  FolderListing memo;
  if (ReadFile(path, &old_file, &error) && DecodeListingMemo(old_file, key, &memo)) {
    options.memo = &memo;
  }
  FolderListing listing;
  Discovery discovery = Discover(root, options, &listing);
  if (listing.folders.empty()) {
    if (!old_file.empty()) ::unlink(path.c_str());  // not to be trusted in its place
    return discovery;
  }
  const std::string file = EncodeListingMemo(key, listing);
  if (file == old_file) return discovery;
  // The first scan's: the fact cache is written later.
  if (old_file.empty()) std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  // Unwritable: the fact cache's own warning says so; the next walk lists all.
  (void)WriteCacheFile(path, file, &error);
  return discovery;
}

// The link memo of a scan (cache/link_memo.h), read at most once per digest
// and decoded only when its Inventory is needed: a scan the report memo
// answers never decodes it.
class LinkMemo {
 public:
  explicit LinkMemo(const ScanConfig& config)
      : path_(config.cache_file.empty() ? "" : LinkMemoPath(config.cache_file)) {}

  /// Set once the project's Django release is known, before the first Holds.
  void KeyOn(const RuleSet& rules) { key_ = LinkMemoKey(rules); }

  /// True when the memo holds Link's result for `inputs` (TakeInventory gives it).
  bool Holds(std::uint64_t inputs) {
    if (path_.empty() || inputs == 0) return false;
    if (inputs == held_) return true;
    if (inputs == tried_) return false;
    tried_ = inputs;
    // Only the memo's head is read here: whether the rest is intact is checked
    // when its Inventory is taken, and a scan the report memo answers never is.
    std::string error;
    if (file_.Open(path_, &error) && LinkMemoNames(file_.bytes(), key_, inputs)) {
      held_ = inputs;
      return true;
    }
    file_.Close();
    return false;
  }

  /// Starts reading and decoding the memo for `before` on another thread,
  /// for FindShifted: the changed files are parsed meanwhile.
  void ReadAhead(std::uint64_t before) {
    if (path_.empty() || before == 0 || ahead_.valid()) return;
    ahead_inputs_ = before;
    try {
      ahead_ = std::async(std::launch::async, [path = path_, key = key_, before] {
        std::optional<Inventory> inventory(std::in_place);
        if (!LoadLinkMemo(path, key, before, &*inventory)) inventory.reset();
        return inventory;
      });
    } catch (const std::system_error&) {  // no thread to be had: FindShifted reads it
    }
  }

  /// True when the memo holds Link's result for `before` and every shift
  /// applies to it: then it is Link's result for the edited files
  /// (cache/line_shift.h), to be remembered.
  bool FindShifted(std::uint64_t before, const std::vector<LineShift>& shifts) {
    Inventory inventory;
    if (ahead_.valid() && ahead_inputs_ == before) {
      std::optional<Inventory> read = ahead_.get();
      tried_ = before;
      if (!read) return false;
      inventory = std::move(*read);
    } else if (!Holds(before) || !TakeInventory(&inventory)) {
      return false;
    }
    for (const LineShift& shift : shifts) {
      if (!shift.Apply(&inventory)) return false;
    }
    shifted_ = std::move(inventory);
    return true;
  }
  bool shifted() const { return shifted_.has_value(); }

  /// The Inventory Holds or FindShifted found; false when it is damaged or does
  /// not decode.
  bool TakeInventory(Inventory* inventory) {
    if (shifted_) {
      *inventory = std::move(*shifted_);
      shifted_.reset();
      return true;
    }
    std::string_view encoded;
    const bool decoded = held_ != 0 && MatchLinkMemo(file_.bytes(), key_, held_, &encoded) &&
                         DecodeInventory(encoded, inventory);
    held_ = 0;
    file_.Close();
    return decoded;
  }

  /// Link, or the Inventory the last scan of these same inputs linked. Sets
  /// `*linked` when Link ran: then Remember() should keep its result.
  Inventory LinkOrFind(const Extraction& extraction, const RuleSet& rules, int jobs,
                       bool* linked, LinkLeftovers* leftovers) {
    Inventory inventory;
    *linked = false;
    if (Holds(extraction.link_inputs) && TakeInventory(&inventory)) return inventory;
    *linked = true;
    return LinkScanned(extraction.facts, rules, WorkerCount(2, jobs), leftovers);
  }

  /// Keeps `inventory` as what Link makes of `inputs`. Only reads it.
  void Remember(std::uint64_t inputs, const Inventory& inventory) const {
    if (path_.empty() || inputs == 0) return;
    // Unwritable: the fact cache's own warning says so; the next scan links again.
    (void)WriteLinkMemo(path_, key_, inputs, inventory);
  }

 private:
  std::string path_;
  std::string key_;
  std::uint64_t tried_ = 0;
  std::uint64_t held_ = 0;  // the inputs the memo in `file_` names
  MappedFile file_;
  std::optional<Inventory> shifted_;
  std::uint64_t ahead_inputs_ = 0;
  std::future<std::optional<Inventory>> ahead_;  // ReadAhead's
};

// Waits for the fact cache written beside the scan, and keeps what that said.
void FinishCacheWriting(Extraction* extraction) {
  if (!extraction->cache_writing.valid()) return;
  std::vector<Diagnostic> said = extraction->cache_writing.get();
  extraction->diagnostics.insert(extraction->diagnostics.end(), said.begin(), said.end());
}

// Everything a report is made of but the Inventory (which `link_inputs`
// names) and what the report memo's key already holds (the build, the rules):
// the report memo's key for one scan.
std::string ReportKey(const RuleSet& rules, std::uint64_t link_inputs, const ScanConfig& config,
                      const std::string& format, const EstimateOptions& options,
                      const std::vector<const std::vector<Diagnostic>*>& diagnostics) {
  std::string inputs;
  ByteWriter w(&inputs);
  w.Fixed64(link_inputs);
  w.String(config.project);
  w.String(format);
  w.Signed(options.team_size);
  w.Fixed64(std::bit_cast<std::uint64_t>(options.weekly_cost));
  w.String(options.currency);
  w.Varint(options.hot_patterns.size());
  for (const std::string& pattern : options.hot_patterns) w.String(pattern);
  w.String(options.traffic_file);
  w.Varint(options.traffic.size());
  for (const TrafficEntry& entry : options.traffic) {
    w.String(entry.method);
    w.String(entry.path);
    w.Signed(entry.count);
  }
  for (const std::vector<Diagnostic>* list : diagnostics) {
    w.Varint(list->size());
    for (const Diagnostic& d : *list) EncodeDiagnostic(d, &inputs);
  }
  return ReportMemoKey(rules) + "; inputs " + std::to_string(FastHash(inputs));
}

}  // namespace

bool Scan(const ScanConfig& config, Report* report, std::string* error,
          std::future<void>* finishing, ReportShortcut* shortcut) {
  // Work that needs no result of the step beside it runs on a second thread when
  // --jobs allows (deferred to its wait() otherwise): discovery beside loading
  // the rules and reading the fact cache (the cache's key is the rules'), and
  // keeping the link memo and freeing the facts beside the estimate (and the
  // rendering, with `finishing`). Each is waited for before its result is used
  // or its input changes.
  const std::launch beside = BesideLaunch(config.jobs);
  DiscoverOptions discover = config.discover;
  if (beside == std::launch::async) {  // a third thread, briefly
    discover.ignore_rules = DiscoverOptions::IgnoreRules::kBeside;
  }
  // Listing folders is system calls, which every core runs; past four walkers
  // the file system's own locks gain little.
  discover.walkers = WorkerCount(4, config.jobs);
  // Declared before the discovery it is told of, so that it outlives it.
  EarlyExtraction early(config.root, !config.cache_file.empty());
  if (beside == std::launch::async) {
    discover.found = [&early](const SourceFile& file) { early.Found(file); };
  }
  std::future<Discovery> discovering =
      std::async(beside, [&config, discover, &early] {
        struct Closing {
          EarlyExtraction& early;
          ~Closing() { early.Close(); }  // thrown out of too
        } closing{early};
        return DiscoverWithMemo(config.root, discover, config.cache_file);
      });
  RuleSet rules;
  ConfigError config_error;
  if (!LoadRuleSet(RuleSources{config.rules_file, config.pyproject}, &rules, &config_error)) {
    *error = config_error.ToString();
    return false;
  }
  if (!config.settings.empty()) {
    // Over the settings option; part of the rules' version, as the option is.
    rules.options["settings"] = config.settings;
    rules.version = RulesVersion(rules);
  }
  // Read before the scan, so a missing or empty traffic file fails fast.
  TrafficInput traffic;
  if (!LoadTraffic(config.root, config.estimate.traffic_file, OptionText(rules, "traffic"),
                   &traffic, error)) {
    return false;
  }
  {
    PythonParser probe;
    if (!probe.ok()) {
      *error = "tree-sitter: " + probe.Error();
      return false;
    }
  }
  LinkMemo memo(config);
  FactCacheUse cache_use{config.cache_file, FactCacheKey(rules.version),
                         config.unchanged.empty() ? nullptr : &config.unchanged,
                         [&](std::uint64_t inputs) { return memo.Holds(inputs); },
                         [&](std::uint64_t before, const std::vector<LineShift>& shifts) {
                           return memo.FindShifted(before, shifts);
                         },
                         {},
                         TestReachRulesOf(rules)};
  if (beside == std::launch::async) {
    cache_use.link_result_ahead = [&](std::uint64_t before) { memo.ReadAhead(before); };
  }
  ReadFactCache read = ReadCacheOf(cache_use);
  // Without a fact cache every file is parsed: this thread starts on those the
  // walk has listed while it lists the rest. With one, most are decoded instead.
  if (beside == std::launch::async && read.cache.size() == 0) {
    early.Run();
  } else {
    early.Abandon();
  }
  Discovery discovery = discovering.get();
  if (!ProjectRelease(config.root, discovery, &rules, error)) return false;
  memo.KeyOn(rules);
  Progress progress(config.progress, config.progress != nullptr, discovery.files.size());
  Extraction extraction;
  {
    ExtractedEarly extracted_early = early.Take(discovery.files);
    extraction = ExtractWithCache(config.root, discovery.files, config.jobs, cache_use,
                                  &progress, &read, &extracted_early);
  }
  progress.Finish();
  // Without facts (an unchanged tree), their diagnostics are in the remembered
  // Inventory's, as Link put them there.
  std::vector<Diagnostic> file_diagnostics;
  for (const auto& f : extraction.facts) {
    file_diagnostics.insert(file_diagnostics.end(), f.diagnostics.begin(), f.diagnostics.end());
  }
  // [tool.djcost] in pyproject.toml fills what the command line left unset.
  EstimateOptions options = MergeEstimateOptions(rules, config.estimate);
  if (options.weekly_cost > 0 && options.currency.empty()) options.currency = "EUR";
  options.traffic_file = traffic.name;
  options.traffic = std::move(traffic.entries);
  const bool keep_report = shortcut != nullptr && !config.cache_file.empty() &&
                           extraction.link_inputs != 0;
  auto report_key = [&] {
    return ReportKey(rules, extraction.link_inputs, config, shortcut->format, options,
                     {&discovery.diagnostics, &extraction.diagnostics, &file_diagnostics,
                      &traffic.diagnostics});
  };
  // Files that shifted are inputs the fact cache did not hold, nor the report
  // memo written with it: that is not looked up (and its key waits for the
  // fact cache's writing, whose diagnostics it holds).
  if (keep_report && !extraction.cache_writing.valid()) {
    shortcut->key = report_key();
    if (LoadReportMemo(ReportMemoPath(config.cache_file), shortcut->key, &shortcut->remembered)) {
      shortcut->taken = true;
      return true;
    }
  }
  bool linked = false;
  Inventory inventory;
  LinkLeftovers leftovers;  // freed beside the estimate
  if (extraction.facts_skipped) {
    linked = memo.shifted();  // a new Inventory, to remember
    if (!memo.TakeInventory(&inventory)) {
      FinishCacheWriting(&extraction);
      // A memo whose head named these inputs but that is damaged or does not
      // decode: link the facts after all, read again without the memo.
      FactCacheUse without_memo = cache_use;
      without_memo.link_result_known = nullptr;
      without_memo.link_result_shifted = nullptr;
      extraction = ExtractWithCache(config.root, discovery.files, config.jobs, without_memo,
                                    nullptr);
      inventory = LinkScanned(extraction.facts, rules, WorkerCount(2, config.jobs), &leftovers);
      linked = true;
    }
  } else {
    inventory = memo.LinkOrFind(extraction, rules, config.jobs, &linked, &leftovers);
  }
  if (discovery.files.empty() || !LooksLikeDjango(inventory)) {
    *error = config.root + ": not a Django project (no settings, urls, models or admin found)";
    return false;
  }
  // The report is filled in place from here: the link memo is written from its
  // Inventory beside the estimate and, when the caller takes `finishing`,
  // beside the rendering too; nothing moves the Inventory while it is read.
  *report = Report{};
  Report& r = *report;
  r.inventory = std::move(inventory);
  const Inventory& linked_inventory = r.inventory;
  std::future<void> tidying = std::async(
      beside, [&linked_inventory, linked, inputs = extraction.link_inputs,
               facts = std::move(extraction.facts), memo_owned = std::move(memo),
               leftovers = std::move(leftovers)]() mutable {
        // Freed here, not on the scan's thread (the index before the facts it
        // views), and before the link memo is encoded beside them: at the scan's
        // peak of memory, after link.
        LinkLeftovers().swap(leftovers);
        std::vector<FileFacts>().swap(facts);
        if (linked) memo_owned.Remember(inputs, linked_inventory);
      });
  Estimate estimate = EstimateCosts(r.inventory, rules, options);
  if (extraction.cache_writing.valid()) {
    FinishCacheWriting(&extraction);
    if (keep_report) shortcut->key = report_key();
  }

  r.tool_version = DJCOST_VERSION;
  r.rules_version = rules.version;
  r.project = config.project;
  r.rates = EffectiveRates(rules);
  r.options = options;
  // Every stage's diagnostics, once each: link may pass file diagnostics on.
  std::vector<Diagnostic>& d = r.diagnostics;
  d = discovery.diagnostics;
  d.insert(d.end(), extraction.diagnostics.begin(), extraction.diagnostics.end());
  d.insert(d.end(), file_diagnostics.begin(), file_diagnostics.end());
  d.insert(d.end(), r.inventory.diagnostics.begin(), r.inventory.diagnostics.end());
  d.insert(d.end(), estimate.diagnostics.begin(), estimate.diagnostics.end());
  d.insert(d.end(), traffic.diagnostics.begin(), traffic.diagnostics.end());
  std::sort(d.begin(), d.end());
  d.erase(std::unique(d.begin(), d.end()), d.end());
  r.estimate = std::move(estimate);
  if (finishing != nullptr) {
    *finishing = std::move(tidying);
  } else {
    tidying.wait();
  }
  return true;
}

}  // namespace djcost
