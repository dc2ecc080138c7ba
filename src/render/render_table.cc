// The renderer table: --format values, their descriptions and functions. A new
// format is one .cc file plus one row here.
#include "render/delta_render.h"
#include "render/render.h"

namespace djcost {

const std::vector<Renderer>& Renderers() {
  static const std::vector<Renderer> kRenderers = {
      {"md", "Markdown for a planning document: recommendation and strategies first, then "
             "the evidence",
       &RenderMarkdown},
      {"json", "JSON for CI and aggregation; see docs/report-format.md", &RenderJson},
      {"sarif", "SARIF 2.1.0 of the risks (with --baseline: and the new items) for code scanning",
       &RenderSarif},
  };
  return kRenderers;
}

const Renderer* FindRenderer(const std::string& name) {
  for (const auto& r : Renderers()) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

}  // namespace djcost
