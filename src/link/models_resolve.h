// Name resolution shared by the models, admin, signals and findings passes:
// names as a function body sees them (its local imports and nested functions
// first), references to models ("app_label.Model", "self", AUTH_USER_MODEL) and
// the places items are reported at. Input: ProjectIndex and Apps; output:
// qualified names. Knows Django's model-reference conventions, nothing else.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "data/diagnostic.h"
#include "data/file_facts.h"
#include "link/apps.h"
#include "link/project_index.h"

namespace djcost {

/// Resolves `dotted` as code running in `scope` of `file` sees it: `scope` is a
/// CallStatement's or FunctionDef's scope ("OrdersConfig.ready"). The local
/// imports and nested functions of each enclosing function come first, innermost
/// first, then the module's own names (ProjectIndex::Resolve). ProjectIndex only
/// knows module-level imports, and `AppConfig.ready()` usually imports locally.
Symbol ResolveInScope(const ProjectIndex& index, int file, const std::string& scope,
                      std::string_view dotted);

/// The scope a function's own body runs in: "Cls.method" for a method of Cls.
std::string BodyScope(const FunctionDef& fn);

/// Where a class or function is reported: its first decorator's line when it has
/// one (where Python's inspect puts it), else its `class`/`def` line.
Location DefinitionLocation(const FileFacts& facts, int line, const std::vector<Expr>& decorators);

/// A resolved symbol as one dotted name: the qualname with its remainder.
std::string FullName(const Symbol& s);

/// True when the class `qualname` or one of its ancestors is named in `names`
/// (repo or external, as ProjectIndex::Ancestors spells them) or is a known class
/// tagged `tag` (ignored when empty).
bool ReachesAny(const ProjectIndex& index, const std::string& qualname,
                std::initializer_list<std::string_view> names, std::string_view tag);

/// A model a reference points at.
struct ModelTarget {
  std::string qualname;  // "shop.models.Order", "django.contrib.auth.models.User", or as written
  std::string app;       // its app label, "" when unknown
};

/// Resolves the ways Django code names a model: a class name through imports,
/// "app_label.Model" and "Model" strings, "self", settings.AUTH_USER_MODEL,
/// get_user_model() and get_model() calls with literal arguments.
class ModelRefs {
 public:
  /// `auth_user_model` is the AUTH_USER_MODEL setting ("" means Django's
  /// default, "auth.User").
  ModelRefs(const ProjectIndex& index, const Apps& apps, std::string auth_user_model);

  /// The app label of a repo class: its own `Meta.app_label`, else its file's app.
  std::string AppOf(int file, const ClassDef& cls) const;

  /// The model named "app_label.Model"; unknown labels keep the text as written
  /// (Django's contrib apps map to django.contrib.<label>.models.<Model>).
  ModelTarget ByLabel(std::string_view label_dot_name) const;

  /// The model AUTH_USER_MODEL names.
  ModelTarget UserModel() const { return ByLabel(auth_user_model_); }

  /// Resolves `ref` written in `scope` of `file`. `self_qualname`/`self_app` are
  /// the model whose body holds the reference ("self" and bare "Model" strings);
  /// empty outside a model. Returns {text as written, ""} when nothing matches.
  ModelTarget Resolve(int file, const std::string& scope, const Expr& ref,
                      const std::string& self_qualname, const std::string& self_app) const;

  /// The app label of an external model's qualname: the component before
  /// "models" ("django.contrib.auth.models.User" -> "auth"), else "".
  static std::string ExternalApp(std::string_view qualname);

 private:
  const ProjectIndex& index_;
  const Apps& apps_;
  std::string auth_user_model_;
};

}  // namespace djcost
