// toml++ as djcost compiles it (src/toml_library.cc holds its implementation):
// every file that uses toml++ includes this header, so that all agree on its
// options.
#pragma once

// Its internal assertions off, as in Debian's library (built with NDEBUG): one
// is reachable from input (a key that starts with no key character, found by
// fuzz_config), and the parser goes on to an error without it.
#ifndef TOML_ASSERT
#define TOML_ASSERT(expr) static_assert(true)
#endif
#include <toml++/toml.h>
