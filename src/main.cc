// The djcost executable: hands argv and the standard streams to cli::Run, and
// says whether progress may be drawn (stderr is a terminal and CI is not set).
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "cli/run.h"

#ifdef DJCOST_WITH_MIMALLOC
#include <mimalloc.h>
#endif

int main(int argc, char** argv) {
#ifdef DJCOST_WITH_MIMALLOC
  // Give freed pages back after 10 ms, not mimalloc's default 100 ms: a scan
  // frees the fact cache's file images and the facts' building space shortly
  // before link, its peak, and kept resident they added 10-20 MB to it. Not at
  // once either: each give-back is an madvise that flushes the other cores'
  // TLBs, some 160 of them in a warm scan of 30 ms.
  mi_option_set(mi_option_decommit_delay, 10);
#endif
  std::vector<std::string> args(argv, argv + argc);
  bool progress = ::isatty(STDERR_FILENO) && std::getenv("CI") == nullptr;
  return djcost::Run(args, std::cout, std::cerr, progress);
}
