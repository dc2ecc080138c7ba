#include "delta/categories.h"

namespace djcost {

const std::vector<ItemCategory>& ItemCategories() {
  // Identities leave out what moves without changing the item: lines always.
  // A risk's message may hold counts ("the split moves 22 API endpoints"), so
  // a risk is known by its kind and place; repeats are matched by number.
  static const std::vector<ItemCategory> kCategories = {
      {"endpoints", "endpoint", "endpoints", {"route", "method", "view"}},
      {"models", "model", "models", {"qualname"}},
      {"admin_registrations", "admin registration", "admin registrations", {"site", "model"}},
      {"signal_receivers", "signal receiver", "signal receivers", {"signal", "handler", "sender"}},
      {"custom_signals", "custom signal", "custom signals", {"qualname"}},
      {"external_routes", "mounted route", "mounted routes", {"route", "target"}},
      {"findings", "finding", "findings", {"kind", "detail", "file"}},
      {"apps", "app", "apps", {"module"}},
      {"risks", "risk", "risks", {"kind", "app", "file"}},
  };
  return kCategories;
}

const ItemCategory* FindItemCategory(const std::string& id) {
  for (const auto& c : ItemCategories()) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

}  // namespace djcost
