// The djcost executable: hands argv and the standard streams to cli::Run, and
// says whether progress may be drawn (stderr is a terminal and CI is not set).
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "cli/run.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  bool progress = ::isatty(STDERR_FILENO) && std::getenv("CI") == nullptr;
  return djcost::Run(args, std::cout, std::cerr, progress);
}
