// Dumps one file's FileFacts as JSON, for `djcost facts FILE.py`: a debugging
// view of what extraction saw. Input: FileFacts; output: JSON text.
#pragma once

#include <ostream>

#include "data/file_facts.h"

namespace djcost {

void WriteFactsJson(const FileFacts& facts, std::ostream& out);

}  // namespace djcost
