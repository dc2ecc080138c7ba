// toml++'s implementation, compiled once from its own headers (TOML_IMPLEMENTATION)
// and linked into djcost, so that no shared toml++ library is loaded at start.
#define TOML_IMPLEMENTATION
#include "util/toml.h"
