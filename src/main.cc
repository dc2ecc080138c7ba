// The djcost executable: hands argv and the standard streams to cli::Run.
#include <iostream>
#include <string>
#include <vector>

#include "cli/run.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  return djcost::Run(args, std::cout, std::cerr);
}
