#include "delta/categories.h"

namespace djcost {

const std::vector<ItemCategory>& ItemCategories() {
  // Identities leave out what moves without changing the item: lines always.
  // A risk is known by its kind, app and message (see StableRiskMessage), not
  // by its place: an aggregate risk points at whichever item comes first.
  static const std::vector<ItemCategory> kCategories = {
      {"endpoints", "endpoint", "endpoints", {"route", "method", "view"}},
      {"models", "model", "models", {"qualname"}},
      {"admin_registrations", "admin registration", "admin registrations", {"site", "model"}},
      {"signal_receivers", "signal receiver", "signal receivers", {"signal", "handler", "sender"}},
      {"custom_signals", "custom signal", "custom signals", {"qualname"}},
      {"external_routes", "mounted route", "mounted routes", {"route", "target"}},
      {"findings", "finding", "findings", {"kind", "detail", "file"}},
      {"apps", "app", "apps", {"module"}},
      {"risks", "risk", "risks", {"kind", "app", "message"}},
  };
  return kCategories;
}

std::string StableRiskMessage(const std::string& message) {
  std::string out;
  for (char c : message) {
    bool digit = c >= '0' && c <= '9';
    if (!digit) {
      out += c;
    } else if (out.empty() || out.back() != '#') {
      out += '#';
    }
  }
  return out;
}

const ItemCategory* FindItemCategory(const std::string& id) {
  for (const auto& c : ItemCategories()) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

}  // namespace djcost
