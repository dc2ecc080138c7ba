// Numbers as configuration messages and rationales print them: the shortest
// text that reads back as the same double ("0.05", "3", "0.1733333333333333").
#pragma once

#include <string>

namespace djcost {

std::string ShortestNumber(double value);

}  // namespace djcost
