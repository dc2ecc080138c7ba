// `djcost aggregate REPORT.json...`: reads many repositories' JSON reports
// and writes their portfolio (Markdown or JSON). Returns the exit code.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace djcost {

int RunAggregateCommand(const std::vector<std::string>& reports, const std::string& format,
                        const std::string& output, std::ostream& out, std::ostream& err);

}  // namespace djcost
