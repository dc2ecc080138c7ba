#include "rules/rules_json.h"

#include <algorithm>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "rules/json_positions.h"
#include "rules/number_text.h"
#include "rules/rate_override.h"
#include "util/spellcheck.h"
#include "util/strings.h"

namespace djcost {
namespace {

// Ordered, so that the first problem reported is the first one in the file.
using json = nlohmann::ordered_json;

const std::vector<std::string> kTopKeys = {"builtin_signals", "classes", "functions", "rates"};
const std::vector<std::string> kRateKeys = {"id",   "description", "unit",   "low",      "likely",
                                            "high", "assumed",     "source", "rationale"};
const std::vector<std::string> kRateOverrideKeys = {"id", "low", "likely", "high", "rationale"};
const std::vector<std::string> kClassKeys = {"qualname", "aliases", "bases",
                                             "methods",  "tags",    "changes"};
const std::vector<std::string> kChangeKeys = {"django", "http_method_names"};
const std::vector<std::string> kFunctionKeys = {"qualname", "aliases", "methods", "tags"};

constexpr char kAssumptionSource[] = "assumption";

std::string UnknownKeyMessage(const std::string& key, const std::vector<std::string>& allowed) {
  std::string hint = DidYouMean(key, allowed);
  if (!hint.empty()) return "unknown key" + hint;
  return "unknown key; expected one of: " + Join(allowed, ", ");
}

bool IsKebabId(const std::string& id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  for (size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && id[i + 1] == '-')) return false;
  }
  return true;
}

// nlohmann's own names, except "number" for both integer and float kinds.
std::string TypeName(const json& value) { return value.type_name(); }

class Reader {
 public:
  Reader(std::string_view text, const std::string& file, const std::string& origin_name,
         RulesJsonMode mode, RuleSet* rules, RuleNameOwners* owners, ConfigError* err)
      : text_(text),
        file_(file),
        origin_name_(origin_name),
        mode_(mode),
        rules_(rules),
        owners_(owners),
        err_(err) {}

  bool Run() {
    json doc;
    try {
      doc = json::parse(text_);
    } catch (const json::parse_error& e) {
      // e.byte counts the bytes read, the offending one included.
      TextPosition at = PositionOfOffset(text_, e.byte == 0 ? 0 : e.byte - 1);
      *err_ = ConfigError{file_, at.line, at.column, "", StripNlohmannPrefix(e.what())};
      return false;
    }
    if (!doc.is_object()) return Fail("", "", "expected an object, got " + TypeName(doc));
    for (const auto& [key, value] : doc.items()) {
      const std::string pointer = AppendPointer("", key);
      if (key == "rates") {
        if (!ReadRates(value, pointer)) return false;
      } else if (key == "classes") {
        if (!ReadClasses(value, pointer)) return false;
      } else if (key == "functions") {
        if (!ReadFunctions(value, pointer)) return false;
      } else if (key == "builtin_signals") {
        if (!ReadSignals(value, pointer)) return false;
      } else {
        return Fail(pointer, key, UnknownKeyMessage(key, kTopKeys));
      }
    }
    return true;
  }

 private:
  // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax
  // error ..." -> "syntax error ...": the position is ours, computed above.
  static std::string StripNlohmannPrefix(const std::string& what) {
    size_t column = what.find(", column ");
    if (column != std::string::npos) {
      size_t colon = what.find(": ", column);
      if (colon != std::string::npos) return what.substr(colon + 2);
    }
    size_t bracket = what.find("] ");
    return bracket == std::string::npos ? what : what.substr(bracket + 2);
  }

  // Positions are only needed to report a problem, so they are mapped on the
  // first one: loading valid files stays a single parse.
  TextPosition PositionOf(std::string pointer) {
    if (!positions_) positions_ = JsonValuePositions(text_);
    while (true) {
      auto it = positions_->find(pointer);
      if (it != positions_->end()) return it->second;
      size_t slash = pointer.rfind('/');
      if (slash == std::string::npos) return TextPosition{};
      pointer.resize(slash);
    }
  }

  bool Fail(const std::string& pointer, const std::string& key, std::string message) {
    TextPosition at = PositionOf(pointer);
    *err_ = ConfigError{file_, at.line, at.column, key, std::move(message)};
    return false;
  }

  bool CheckKeys(const json& obj, const std::string& pointer, const std::string& prefix,
                 const std::vector<std::string>& allowed) {
    for (const auto& [key, value] : obj.items()) {
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        return Fail(AppendPointer(pointer, key), prefix + "." + key,
                    UnknownKeyMessage(key, allowed));
      }
    }
    return true;
  }

  bool Missing(const std::string& pointer, const std::string& prefix, const char* name) {
    return Fail(pointer, prefix, std::string("missing key \"") + name + "\"");
  }

  // Each getter: absent -> *out untouched and true (unless required).
  bool GetString(const json& obj, const char* name, const std::string& pointer,
                 const std::string& prefix, bool required, std::optional<std::string>* out) {
    auto it = obj.find(name);
    if (it == obj.end()) return required ? Missing(pointer, prefix, name) : true;
    const std::string key = prefix + "." + name;
    if (!it->is_string()) {
      return Fail(AppendPointer(pointer, name), key, "expected a string, got " + TypeName(*it));
    }
    if (it->get_ref<const std::string&>().empty()) {
      return Fail(AppendPointer(pointer, name), key, "expected a non-empty string");
    }
    *out = it->get<std::string>();
    return true;
  }

  bool GetNumber(const json& obj, const char* name, const std::string& pointer,
                 const std::string& prefix, bool required, std::optional<double>* out) {
    auto it = obj.find(name);
    if (it == obj.end()) return required ? Missing(pointer, prefix, name) : true;
    const std::string key = prefix + "." + name;
    if (!it->is_number()) {
      return Fail(AppendPointer(pointer, name), key, "expected a number, got " + TypeName(*it));
    }
    const double value = it->get<double>();
    if (value < 0) {
      return Fail(AppendPointer(pointer, name), key,
                  "expected a non-negative number, got " + ShortestNumber(value));
    }
    *out = value;
    return true;
  }

  bool GetBool(const json& obj, const char* name, const std::string& pointer,
               const std::string& prefix, bool required, std::optional<bool>* out) {
    auto it = obj.find(name);
    if (it == obj.end()) return required ? Missing(pointer, prefix, name) : true;
    if (!it->is_boolean()) {
      return Fail(AppendPointer(pointer, name), prefix + "." + name,
                  "expected a boolean, got " + TypeName(*it));
    }
    *out = it->get<bool>();
    return true;
  }

  bool GetStringList(const json& obj, const char* name, const std::string& pointer,
                     const std::string& prefix, std::vector<std::string>* out) {
    auto it = obj.find(name);
    if (it == obj.end()) return true;
    return StringList(*it, AppendPointer(pointer, name), prefix + "." + name, out);
  }

  bool StringList(const json& value, const std::string& pointer, const std::string& key,
                  std::vector<std::string>* out) {
    if (!value.is_array()) {
      return Fail(pointer, key, "expected an array of strings, got " + TypeName(value));
    }
    for (size_t i = 0; i < value.size(); ++i) {
      const std::string item_key = key + "[" + std::to_string(i) + "]";
      const std::string item_pointer = AppendPointer(pointer, std::to_string(i));
      if (!value[i].is_string()) {
        return Fail(item_pointer, item_key, "expected a string, got " + TypeName(value[i]));
      }
      if (value[i].get_ref<const std::string&>().empty()) {
        return Fail(item_pointer, item_key, "expected a non-empty string");
      }
      out->push_back(value[i].get<std::string>());
    }
    return true;
  }

  // "changes": [{"django": "5.0", "http_method_names": ["post", "options"]}], the
  // releases in increasing order.
  bool GetChanges(const json& obj, const std::string& pointer, const std::string& prefix,
                  std::vector<KnownChange>* out) {
    auto it = obj.find("changes");
    if (it == obj.end()) return true;
    const std::string list_pointer = AppendPointer(pointer, "changes");
    if (!RequireArrayOfObjects(*it, list_pointer, prefix + ".changes")) return false;
    for (size_t i = 0; i < it->size(); ++i) {
      const json& entry = (*it)[i];
      const std::string entry_pointer = AppendPointer(list_pointer, std::to_string(i));
      const std::string entry_prefix = prefix + ".changes[" + std::to_string(i) + "]";
      if (!CheckKeys(entry, entry_pointer, entry_prefix, kChangeKeys)) return false;
      std::optional<std::string> release;
      KnownChange change;
      if (!GetString(entry, "django", entry_pointer, entry_prefix, true, &release) ||
          !GetStringList(entry, "http_method_names", entry_pointer, entry_prefix,
                         &change.http_method_names)) {
        return false;
      }
      for (const std::string& part : Split(*release, '.')) {
        if (part.empty() || part.size() > 4 ||
            part.find_first_not_of("0123456789") != std::string::npos) {
          return Fail(AppendPointer(entry_pointer, "django"), entry_prefix + ".django",
                      "expected a release such as \"5.0\", got \"" + *release + "\"");
        }
        change.django.push_back(std::stoi(part));
      }
      if (!out->empty() && !(out->back().django < change.django)) {
        return Fail(AppendPointer(entry_pointer, "django"), entry_prefix + ".django",
                    "expected releases in increasing order");
      }
      out->push_back(std::move(change));
    }
    return true;
  }

  bool RequireArrayOfObjects(const json& value, const std::string& pointer,
                             const std::string& key) {
    if (!value.is_array()) {
      return Fail(pointer, key, "expected an array, got " + TypeName(value));
    }
    for (size_t i = 0; i < value.size(); ++i) {
      if (!value[i].is_object()) {
        return Fail(AppendPointer(pointer, std::to_string(i)),
                    key + "[" + std::to_string(i) + "]",
                    "expected an object, got " + TypeName(value[i]));
      }
    }
    return true;
  }

  // "rates.split-per-endpoint" when the entry names a usable id, else "rates[3]".
  static std::string RatePrefix(const json& entry, size_t index) {
    auto it = entry.find("id");
    if (it != entry.end() && it->is_string() && !it->get_ref<const std::string&>().empty()) {
      return "rates." + it->get<std::string>();
    }
    return "rates[" + std::to_string(index) + "]";
  }

  bool ReadRates(const json& value, const std::string& pointer) {
    if (!RequireArrayOfObjects(value, pointer, "rates")) return false;
    for (size_t i = 0; i < value.size(); ++i) {
      const std::string entry_pointer = AppendPointer(pointer, std::to_string(i));
      const std::string prefix = RatePrefix(value[i], i);
      const bool ok = mode_ == RulesJsonMode::kDefaults
                          ? ReadRate(value[i], entry_pointer, prefix)
                          : ReadRateOverride(value[i], entry_pointer, prefix);
      if (!ok) return false;
    }
    return true;
  }

  bool ReadRate(const json& entry, const std::string& pointer, const std::string& prefix) {
    if (!CheckKeys(entry, pointer, prefix, kRateKeys)) return false;
    std::optional<std::string> id, description, unit, source, rationale;
    std::optional<double> low, likely, high;
    std::optional<bool> assumed;
    if (!GetString(entry, "id", pointer, prefix, true, &id) ||
        !GetString(entry, "description", pointer, prefix, true, &description) ||
        !GetString(entry, "unit", pointer, prefix, true, &unit) ||
        !GetNumber(entry, "low", pointer, prefix, true, &low) ||
        !GetNumber(entry, "likely", pointer, prefix, true, &likely) ||
        !GetNumber(entry, "high", pointer, prefix, true, &high) ||
        !GetBool(entry, "assumed", pointer, prefix, true, &assumed) ||
        !GetString(entry, "source", pointer, prefix, true, &source) ||
        !GetString(entry, "rationale", pointer, prefix, true, &rationale)) {
      return false;
    }
    const std::string id_pointer = AppendPointer(pointer, "id");
    if (!IsKebabId(*id)) {
      return Fail(id_pointer, prefix + ".id", "expected a kebab-case id, got \"" + *id + "\"");
    }
    if (!(*low <= *likely && *likely <= *high)) {
      return Fail(pointer, prefix,
                  "expected low <= likely <= high, got low " + ShortestNumber(*low) +
                      ", likely " + ShortestNumber(*likely) + ", high " + ShortestNumber(*high));
    }
    // The report separates documented figures from assumptions; the two flags
    // must agree so that it cannot show an assumption as documented.
    if (*assumed && *source != kAssumptionSource) {
      return Fail(AppendPointer(pointer, "source"), prefix + ".source",
                  "an assumed rate must have source \"assumption\", got \"" + *source + "\"");
    }
    if (!*assumed && *source == kAssumptionSource) {
      return Fail(AppendPointer(pointer, "source"), prefix + ".source",
                  "a documented rate must name its source, not \"assumption\"");
    }
    auto owner = owners_->rates.find(*id);
    if (owner != owners_->rates.end()) {
      return Fail(id_pointer, prefix + ".id",
                  "duplicate rate id \"" + *id + "\", also defined in " + owner->second);
    }
    owners_->rates[*id] = file_;
    Rate rate;
    rate.id = *id;
    rate.description = *description;
    rate.unit = *unit;
    rate.low = *low;
    rate.likely = *likely;
    rate.high = *high;
    rate.assumed = *assumed;
    rate.source = *source;
    rate.rationale = *rationale;
    rate.origin = origin_name_;
    rules_->rates.push_back(std::move(rate));
    return true;
  }

  bool ReadRateOverride(const json& entry, const std::string& pointer, const std::string& prefix) {
    if (!CheckKeys(entry, pointer, prefix, kRateOverrideKeys)) return false;
    std::optional<std::string> id;
    RateOverride change;
    if (!GetString(entry, "id", pointer, prefix, true, &id) ||
        !GetNumber(entry, "low", pointer, prefix, false, &change.low) ||
        !GetNumber(entry, "likely", pointer, prefix, false, &change.likely) ||
        !GetNumber(entry, "high", pointer, prefix, false, &change.high) ||
        !GetString(entry, "rationale", pointer, prefix, false, &change.rationale)) {
      return false;
    }
    if (rules_->FindRate(*id) == nullptr) {
      std::vector<std::string> ids;
      for (const auto& r : rules_->rates) ids.push_back(r.id);
      std::string hint = DidYouMean(*id, ids);
      return Fail(AppendPointer(pointer, "id"), prefix,
                  "unknown rate id" + (hint.empty() ? "; see docs/rates.md for the list" : hint));
    }
    TextPosition at = PositionOf(pointer);
    change.id = *id;
    change.origin = origin_name_ + ":" + std::to_string(at.line);
    change.where = ConfigError{file_, at.line, at.column, prefix, ""};
    return ApplyRateOverride(change, rules_, err_);
  }

  // Claims every name of a class or function for this file; in override mode an
  // entry may take over the names of the entry it replaces (same qualname).
  bool ClaimNames(const std::vector<std::string>& names, const std::string& replaced_qualname,
                  const std::vector<std::string>& replaced_names,
                  std::map<std::string, std::string>* owners, const char* what,
                  const std::string& pointer, const std::string& prefix) {
    for (size_t i = 0; i < names.size(); ++i) {
      const std::string& name = names[i];
      auto owner = owners->find(name);
      const bool freed = !replaced_qualname.empty() &&
                         std::find(replaced_names.begin(), replaced_names.end(), name) !=
                             replaced_names.end();
      // Names listed twice in one entry are harmless; across entries they are not.
      if (std::find(names.begin(), names.begin() + i, name) != names.begin() + i) continue;
      if (owner != owners->end() && !freed) {
        const std::string field_pointer =
            i == 0 ? AppendPointer(pointer, "qualname")
                   : AppendPointer(AppendPointer(pointer, "aliases"), std::to_string(i - 1));
        const std::string field_key =
            i == 0 ? prefix + ".qualname" : prefix + ".aliases[" + std::to_string(i - 1) + "]";
        return Fail(field_pointer, field_key,
                    std::string("duplicate ") + what + " name \"" + name + "\", also defined in " +
                        owner->second);
      }
    }
    for (const auto& name : replaced_names) owners->erase(name);
    for (const auto& name : names) (*owners)[name] = file_;
    return true;
  }

  template <typename Known>
  static std::vector<std::string> NamesOf(const Known& known) {
    std::vector<std::string> names = {known.qualname};
    names.insert(names.end(), known.aliases.begin(), known.aliases.end());
    return names;
  }

  // Adds `entry` to `list`, replacing (override mode) an entry of the same qualname.
  template <typename Known>
  bool AddKnown(Known entry, std::vector<Known>* list, std::map<std::string, std::string>* owners,
                const char* what, const std::string& pointer, const std::string& prefix) {
    auto same = std::find_if(list->begin(), list->end(),
                             [&](const Known& k) { return k.qualname == entry.qualname; });
    std::string replaced_qualname;
    std::vector<std::string> replaced_names;
    if (same != list->end() && mode_ == RulesJsonMode::kOverride) {
      replaced_qualname = same->qualname;
      replaced_names = NamesOf(*same);
    }
    if (!ClaimNames(NamesOf(entry), replaced_qualname, replaced_names, owners, what, pointer,
                    prefix)) {
      return false;
    }
    if (!replaced_qualname.empty()) {
      *same = std::move(entry);
    } else {
      list->push_back(std::move(entry));
    }
    return true;
  }

  bool ReadClasses(const json& value, const std::string& pointer) {
    if (!RequireArrayOfObjects(value, pointer, "classes")) return false;
    for (size_t i = 0; i < value.size(); ++i) {
      const json& entry = value[i];
      const std::string entry_pointer = AppendPointer(pointer, std::to_string(i));
      const std::string prefix = "classes[" + std::to_string(i) + "]";
      if (!CheckKeys(entry, entry_pointer, prefix, kClassKeys)) return false;
      std::optional<std::string> qualname;
      KnownClass known;
      if (!GetString(entry, "qualname", entry_pointer, prefix, true, &qualname) ||
          !GetStringList(entry, "aliases", entry_pointer, prefix, &known.aliases) ||
          !GetStringList(entry, "bases", entry_pointer, prefix, &known.bases) ||
          !GetStringList(entry, "methods", entry_pointer, prefix, &known.methods) ||
          !GetStringList(entry, "tags", entry_pointer, prefix, &known.tags) ||
          !GetChanges(entry, entry_pointer, prefix, &known.changes)) {
        return false;
      }
      known.qualname = *qualname;
      if (!AddKnown(std::move(known), &rules_->classes, &owners_->classes, "class",
                    entry_pointer, prefix)) {
        return false;
      }
    }
    return true;
  }

  bool ReadFunctions(const json& value, const std::string& pointer) {
    if (!RequireArrayOfObjects(value, pointer, "functions")) return false;
    for (size_t i = 0; i < value.size(); ++i) {
      const json& entry = value[i];
      const std::string entry_pointer = AppendPointer(pointer, std::to_string(i));
      const std::string prefix = "functions[" + std::to_string(i) + "]";
      if (!CheckKeys(entry, entry_pointer, prefix, kFunctionKeys)) return false;
      std::optional<std::string> qualname;
      KnownFunction known;
      if (!GetString(entry, "qualname", entry_pointer, prefix, true, &qualname) ||
          !GetStringList(entry, "aliases", entry_pointer, prefix, &known.aliases) ||
          !GetStringList(entry, "methods", entry_pointer, prefix, &known.methods) ||
          !GetStringList(entry, "tags", entry_pointer, prefix, &known.tags)) {
        return false;
      }
      known.qualname = *qualname;
      if (!AddKnown(std::move(known), &rules_->functions, &owners_->functions, "function",
                    entry_pointer, prefix)) {
        return false;
      }
    }
    return true;
  }

  bool ReadSignals(const json& value, const std::string& pointer) {
    std::vector<std::string> signals;
    if (!StringList(value, pointer, "builtin_signals", &signals)) return false;
    // A signal name is a fact, not an id: listing it twice changes nothing.
    for (auto& s : signals) {
      if (std::find(rules_->builtin_signals.begin(), rules_->builtin_signals.end(), s) ==
          rules_->builtin_signals.end()) {
        rules_->builtin_signals.push_back(std::move(s));
      }
    }
    return true;
  }

  std::string_view text_;
  const std::string& file_;
  const std::string& origin_name_;
  RulesJsonMode mode_;
  RuleSet* rules_;
  RuleNameOwners* owners_;
  ConfigError* err_;
  std::optional<std::map<std::string, TextPosition>> positions_;
};

}  // namespace

bool ApplyRulesJson(std::string_view text, const std::string& file,
                    const std::string& origin_name, RulesJsonMode mode, RuleSet* rules,
                    RuleNameOwners* owners, ConfigError* err) {
  return Reader(text, file, origin_name, mode, rules, owners, err).Run();
}

}  // namespace djcost
