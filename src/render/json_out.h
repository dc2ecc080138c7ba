// One way out for every JSON document djcost writes (report, delta, portfolio,
// SARIF, facts dump). Names come from scanned source files, which are bytes and
// may hold invalid UTF-8; nlohmann's default dump throws on those, so they are
// written as U+FFFD instead. The report says which files were not valid UTF-8.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

namespace djcost {

inline void WriteJsonDocument(const nlohmann::ordered_json& document, std::ostream& out) {
  out << document.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

}  // namespace djcost
