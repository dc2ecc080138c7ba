#include "rules/toml_config.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "rules/number_text.h"
#include "rules/rate_override.h"
#include "util/spellcheck.h"
#include "util/strings.h"
#include "util/toml.h"

namespace djcost {
namespace {

enum class OptionType { kPositiveInteger, kNonNegativeNumber, kString, kStringList };

struct OptionSpec {
  const char* key;
  OptionType type;
};

// What each option means is documented in docs/rules-format.md.
constexpr OptionSpec kOptions[] = {
    {"team", OptionType::kPositiveInteger},
    {"weekly_cost", OptionType::kNonNegativeNumber},
    {"currency", OptionType::kString},
    {"hot", OptionType::kStringList},
    {"traffic", OptionType::kString},
    {"exclude", OptionType::kStringList},
    {"max_file_size", OptionType::kPositiveInteger},
    {"fail_above_weeks", OptionType::kNonNegativeNumber},
    {"settings", OptionType::kString},
    {"django", OptionType::kString},
};

const std::vector<std::string> kRateKeys = {"low", "likely", "high", "rationale"};

std::string TypeName(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table: return "table";
    case toml::node_type::array: return "array";
    case toml::node_type::string: return "string";
    case toml::node_type::integer: return "integer";
    case toml::node_type::floating_point: return "float";
    case toml::node_type::boolean: return "boolean";
    case toml::node_type::date: return "date";
    case toml::node_type::time: return "time";
    case toml::node_type::date_time: return "date-time";
    default: return "nothing";
  }
}

std::string UnknownKeyMessage(const std::string& key, const std::vector<std::string>& allowed) {
  std::string hint = DidYouMean(key, allowed);
  if (!hint.empty()) return "unknown key" + hint;
  return "unknown key; expected one of: " + Join(allowed, ", ");
}

// A table's entries in file order (toml::table iterates by key), so that the
// first error reported is the first one a reader meets.
struct Entry {
  std::string name;
  const toml::key* key;
  const toml::node* node;
};

int LineOf(const toml::source_region& r) { return static_cast<int>(r.begin.line); }
int ColumnOf(const toml::source_region& r) { return static_cast<int>(r.begin.column); }

std::vector<Entry> EntriesInFileOrder(const toml::table& table) {
  std::vector<Entry> entries;
  for (auto&& [key, node] : table) entries.push_back({std::string(key.str()), &key, &node});
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    const auto& ra = a.key->source();
    const auto& rb = b.key->source();
    return std::pair(LineOf(ra), ColumnOf(ra)) < std::pair(LineOf(rb), ColumnOf(rb));
  });
  return entries;
}

class TomlReader {
 public:
  TomlReader(const std::string& file, const std::string& origin_name, RuleSet* rules,
             ConfigError* err)
      : file_(file), origin_name_(origin_name), rules_(rules), err_(err) {}

  bool Apply(const toml::table& settings, const std::string& prefix) {
    std::vector<std::string> allowed = KnownOptionKeys();
    allowed.push_back("rates");
    for (const Entry& e : EntriesInFileOrder(settings)) {
      const std::string key = Dotted(prefix, e.name);
      if (e.name == "rates") {
        if (!Rates(e, key)) return false;
        continue;
      }
      const OptionSpec* spec = nullptr;
      for (const auto& o : kOptions) {
        if (e.name == o.key) spec = &o;
      }
      if (spec == nullptr) return Fail(*e.key, key, UnknownKeyMessage(e.name, allowed));
      if (!Option(e, *spec, key)) return false;
    }
    return true;
  }

  bool Fail(const toml::key& at, const std::string& key, std::string message) {
    return FailAt(at.source(), key, std::move(message));
  }

  bool FailAt(const toml::source_region& at, const std::string& key, std::string message) {
    *err_ = ConfigError{file_, LineOf(at), ColumnOf(at), key, std::move(message)};
    return false;
  }

 private:
  static std::string Dotted(const std::string& prefix, const std::string& name) {
    return prefix.empty() ? name : prefix + "." + name;
  }

  // Integers and floats both count as numbers; NaN and infinities do not.
  bool Number(const Entry& e, const std::string& key, double* out) {
    if (auto i = e.node->as_integer()) {
      *out = static_cast<double>(i->get());
    } else if (auto f = e.node->as_floating_point()) {
      *out = f->get();
      if (!std::isfinite(*out)) return Fail(*e.key, key, "expected a finite number");
    } else {
      return Fail(*e.key, key, "expected a number, got " + TypeName(*e.node));
    }
    return true;
  }

  bool NonNegativeNumber(const Entry& e, const std::string& key, double* out) {
    if (!Number(e, key, out)) return false;
    if (*out < 0) {
      return Fail(*e.key, key, "expected a non-negative number, got " + ShortestNumber(*out));
    }
    return true;
  }

  bool NonEmptyString(const Entry& e, const std::string& key, std::string* out) {
    auto s = e.node->as_string();
    if (s == nullptr) return Fail(*e.key, key, "expected a string, got " + TypeName(*e.node));
    if (s->get().empty()) return Fail(*e.key, key, "expected a non-empty string");
    *out = s->get();
    return true;
  }

  bool Option(const Entry& e, const OptionSpec& spec, const std::string& key) {
    std::string text;
    switch (spec.type) {
      case OptionType::kPositiveInteger: {
        auto i = e.node->as_integer();
        if (i == nullptr) {
          return Fail(*e.key, key, "expected an integer, got " + TypeName(*e.node));
        }
        if (i->get() <= 0) {
          return Fail(*e.key, key,
                      "expected a positive integer, got " + std::to_string(i->get()));
        }
        text = std::to_string(i->get());
        break;
      }
      case OptionType::kNonNegativeNumber: {
        double value = 0;
        if (!NonNegativeNumber(e, key, &value)) return false;
        text = ShortestNumber(value);
        break;
      }
      case OptionType::kString:
        if (!NonEmptyString(e, key, &text)) return false;
        break;
      case OptionType::kStringList: {
        auto array = e.node->as_array();
        if (array == nullptr) {
          return Fail(*e.key, key, "expected an array of strings, got " + TypeName(*e.node));
        }
        std::vector<std::string> items;
        for (size_t i = 0; i < array->size(); ++i) {
          const toml::node& item = *array->get(i);
          const std::string item_key = key + "[" + std::to_string(i) + "]";
          auto s = item.as_string();
          if (s == nullptr) {
            return FailAt(item.source(), item_key, "expected a string, got " + TypeName(item));
          }
          // One item per line is how lists are stored, so an item cannot hold one.
          if (s->get().empty() || s->get().find('\n') != std::string::npos) {
            return FailAt(item.source(), item_key, "expected a non-empty, single-line string");
          }
          items.push_back(s->get());
        }
        text = Join(items, "\n");
        break;
      }
    }
    rules_->options[e.name] = text;
    return true;
  }

  bool Rates(const Entry& e, const std::string& key) {
    auto table = e.node->as_table();
    if (table == nullptr) return Fail(*e.key, key, "expected a table, got " + TypeName(*e.node));
    std::vector<std::string> ids;
    for (const auto& r : rules_->rates) ids.push_back(r.id);
    for (const Entry& rate : EntriesInFileOrder(*table)) {
      const std::string rate_key = key + "." + rate.name;
      if (rules_->FindRate(rate.name) == nullptr) {
        std::string hint = DidYouMean(rate.name, ids);
        return Fail(*rate.key, rate_key,
                    "unknown rate id" +
                        (hint.empty() ? "; see docs/rates.md for the list" : hint));
      }
      if (!ReadRate(rate, rate_key)) return false;
    }
    return true;
  }

  bool ReadRate(const Entry& e, const std::string& key) {
    auto table = e.node->as_table();
    if (table == nullptr) return Fail(*e.key, key, "expected a table, got " + TypeName(*e.node));
    // The header [tool.djcost.rates.x] is where a reader looks; an inline table
    // or dotted key has no header, so its key stands in.
    const toml::source_region& at =
        LineOf(table->source()) > 0 ? table->source() : e.key->source();
    RateOverride change;
    change.id = e.name;
    change.origin = origin_name_ + ":" + std::to_string(LineOf(at));
    change.where = ConfigError{file_, LineOf(at), ColumnOf(at), key, ""};
    for (const Entry& field : EntriesInFileOrder(*table)) {
      const std::string field_key = key + "." + field.name;
      if (field.name == "rationale") {
        std::string text;
        if (!NonEmptyString(field, field_key, &text)) return false;
        change.rationale = text;
        continue;
      }
      std::optional<double>* slot = field.name == "low"      ? &change.low
                                    : field.name == "likely" ? &change.likely
                                    : field.name == "high"   ? &change.high
                                                             : nullptr;
      if (slot == nullptr) return Fail(*field.key, field_key, UnknownKeyMessage(field.name, kRateKeys));
      double value = 0;
      if (!NonNegativeNumber(field, field_key, &value)) return false;
      *slot = value;
    }
    return ApplyRateOverride(change, rules_, err_);
  }

  const std::string& file_;
  const std::string& origin_name_;
  RuleSet* rules_;
  ConfigError* err_;
};

}  // namespace

const std::vector<std::string>& KnownOptionKeys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> out;
    for (const auto& o : kOptions) out.push_back(o.key);
    return out;
  }();
  return keys;
}

bool ApplyTomlConfig(std::string_view text, const std::string& file,
                     const std::string& origin_name, TomlConfigRoot root, RuleSet* rules,
                     ConfigError* err) {
  toml::table doc;
  try {
    doc = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    *err = ConfigError{file, LineOf(e.source()), ColumnOf(e.source()), "",
                       std::string(e.description())};
    return false;
  }
  TomlReader reader(file, origin_name, rules, err);
  if (root == TomlConfigRoot::kDocument) return reader.Apply(doc, "");

  const toml::node* tool = doc.get("tool");
  if (tool == nullptr) return true;
  if (!tool->is_table()) {
    return reader.FailAt(tool->source(), "tool", "expected a table, got " + TypeName(*tool));
  }
  const toml::node* djcost = tool->as_table()->get("djcost");
  if (djcost == nullptr) return true;
  if (!djcost->is_table()) {
    return reader.FailAt(djcost->source(), "tool.djcost",
                         "expected a table, got " + TypeName(*djcost));
  }
  return reader.Apply(*djcost->as_table(), "tool.djcost");
}

}  // namespace djcost
