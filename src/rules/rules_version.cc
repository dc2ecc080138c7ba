#include <cstdio>

#include "rules/load_rules.h"
#include "util/content_hash.h"

namespace djcost {
namespace {

// Length-prefixed fields, so that no two different rule sets serialise alike.
void Put(std::string* out, std::string_view field) {
  *out += std::to_string(field.size());
  *out += ':';
  *out += field;
}

void PutNumber(std::string* out, double value) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", value);
  Put(out, buf);
}

void PutList(std::string* out, const std::vector<std::string>& items) {
  Put(out, std::to_string(items.size()));
  for (const auto& item : items) Put(out, item);
}

}  // namespace

std::string RulesVersion(const RuleSet& rules) {
  std::string text;
  Put(&text, "rates");
  for (const auto& r : rules.rates) {
    Put(&text, r.id);
    Put(&text, r.description);
    Put(&text, r.unit);
    PutNumber(&text, r.low);
    PutNumber(&text, r.likely);
    PutNumber(&text, r.high);
    Put(&text, r.assumed ? "assumed" : "documented");
    Put(&text, r.source);
    Put(&text, r.rationale);
    Put(&text, r.origin);
  }
  Put(&text, "classes");
  for (const auto& c : rules.classes) {
    Put(&text, c.qualname);
    PutList(&text, c.aliases);
    PutList(&text, c.bases);
    PutList(&text, c.methods);
    PutList(&text, c.tags);
    for (const KnownChange& change : c.changes) {
      Put(&text, "since");
      for (int part : change.django) Put(&text, std::to_string(part));
      PutList(&text, change.http_method_names);
    }
  }
  Put(&text, "functions");
  for (const auto& f : rules.functions) {
    Put(&text, f.qualname);
    PutList(&text, f.aliases);
    PutList(&text, f.methods);
    PutList(&text, f.tags);
  }
  Put(&text, "builtin_signals");
  PutList(&text, rules.builtin_signals);
  Put(&text, "options");
  for (const auto& [key, value] : rules.options) {
    Put(&text, key);
    Put(&text, value);
  }
  return ContentHash(text);
}

}  // namespace djcost
