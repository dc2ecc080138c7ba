#include "cli/run.h"

namespace djcost {

int Run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  (void)args;
  (void)out;
  err << "djcost: not built yet\n";
  return kExitUsage;
}

}  // namespace djcost
