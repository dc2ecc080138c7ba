#include "rules/load_rules.h"
#include "rules/rule_set_text.h"
#include "util/content_hash.h"

namespace djcost {

std::string RulesVersion(const RuleSet& rules) { return ContentHash(RuleSetText(rules)); }

}  // namespace djcost
