// One renderer per output format, each a function of a finished Report.
// Renderers format; they do not decide.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "data/report.h"

namespace djcost {

using RenderFn = void (*)(const Report& report, std::ostream& out);

struct Renderer {
  std::string name;         // the value of --format
  std::string description;
  RenderFn render;
};

/// Every renderer, in the order --help lists them.
const std::vector<Renderer>& Renderers();

/// The renderer named `name`, or nullptr.
const Renderer* FindRenderer(const std::string& name);

void RenderMarkdown(const Report& report, std::ostream& out);
void RenderJson(const Report& report, std::ostream& out);

}  // namespace djcost
