#include "estimate/recommend.h"

#include <string>

#include "util/strings.h"

namespace djcost {
namespace {

std::string Counted(int n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

Recommendation Recommend(const Inventory& inventory) {
  int api = 0;
  int pages = 0;
  for (const Endpoint& e : inventory.endpoints) {
    if (e.in_tests) continue;
    (e.kind == EndpointKind::kApi ? api : pages) += 1;
  }
  const int admin = static_cast<int>(inventory.admin_registrations.size());
  const double kloc = inventory.source.lines.code / 1000.0;
  const std::string api_text = Counted(api, "API endpoint", "API endpoints");
  const std::string pages_text = Counted(pages, "page", "pages");
  const std::string admin_text = Counted(admin, "admin registration", "admin registrations");

  if (api == 0 && pages == 0) {
    return {"stay", "rule \"nothing-to-move\": no endpoints found (0 API endpoints, 0 pages), "
                    "so nothing would move; staying on Django is the baseline"};
  }
  if (pages == 0 && admin == 0 && kloc <= kSmallCodebaseKloc) {
    return {"rewrite", "rule \"small-api-only\": " + api_text +
                           ", no pages, no admin registrations and " + FormatFixed(kloc, 1) +
                           " kLoC of code (at most " + FormatFixed(kSmallCodebaseKloc, 0) +
                           "): small and API-only, so a rewrite rebuilds little"};
  }
  if (api >= kApiFirstFactor * (pages + admin)) {
    return {"split", "rule \"api-first\": " + api_text + " are at least " +
                         std::to_string(kApiFirstFactor) + " x (" + pages_text + " + " +
                         admin_text + "): move the hot API paths to FastAPI, Django keeps the rest"};
  }
  if (api >= kWorthMovingApiEndpoints) {
    return {"hybrid", "rule \"api-beside-content\": " + api_text + " (at least " +
                          std::to_string(kWorthMovingApiEndpoints) + ") beside " + pages_text +
                          " and " + admin_text +
                          ": move the public API, Django keeps the admin and the pages"};
  }
  return {"stay", "rule \"existing-django\": " + api_text + " (fewer than " +
                      std::to_string(kWorthMovingApiEndpoints) + ") beside " + pages_text +
                      " and " + admin_text +
                      ": an admin- and content-heavy Django codebase stays on Django"};
}

}  // namespace djcost
