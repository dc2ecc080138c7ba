// NetBox's view registry: `@register_model_view(Site, "changelog")` on a view
// files it under the model's app label and name, and the URLconf's
// `include(get_model_urls("dcim", "site"))` reads back a path per view
// registered for that model (NetBox, its plugins, peering-manager). Functions
// tagged "registers-model-view" and "model-urls" in the knowledge tables play
// the two parts. Input: ProjectIndex and Apps; output: the registrations.
#pragma once

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "data/file_facts.h"
#include "link/apps.h"
#include "link/project_index.h"

namespace djcost {

/// One registered view: what `get_model_urls` makes of it.
struct ModelView {
  std::string route;  // `f"{path}/"`, or "" for the model's own route
  std::string name;   // the view's URL name, "<model>_<name>" or "<model>"
  int file = -1;      // the view's file
  std::string view;   // the decorated class or function, as its file names it
  bool is_class = false;
  int line = 0;       // the decorator's
};

class ModelViewRegistry {
 public:
  /// Reads every decorator of the project's module-level classes and functions.
  /// `apps` gives a model's label (the folder's app); without it, the first name
  /// of the model's module.
  ModelViewRegistry(const ProjectIndex& index, const Apps* apps);

  /// The views `get_model_urls(app_label, model_name, detail)` returns, in the
  /// order the registrations were read (by file, then line); empty when none.
  const std::vector<ModelView>& Find(const std::string& app_label, const std::string& model_name,
                                     bool detail) const;

 private:
  void Read(int file, const std::vector<Expr>& decorators, const std::string& view,
            bool is_class);

  const ProjectIndex& index_;
  const Apps* apps_;
  std::map<std::tuple<std::string, std::string, bool>, std::vector<ModelView>> views_;
};

/// True when `call` names a function tagged `tag` in the knowledge tables (a
/// repository copy of such a function counts, as NetBox defines its own).
bool CallsKnownFunctionTagged(const ProjectIndex& index, int file, const Expr& call,
                              std::string_view tag);

}  // namespace djcost
