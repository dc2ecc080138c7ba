#include "link/settings.h"

#include <algorithm>

#include "link/static_string.h"
#include "util/strings.h"

namespace djcost {
namespace {

std::string_view Basename(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

int Depth(std::string_view path) { return static_cast<int>(std::count(path.begin(), path.end(), '/')); }

// manage.py first, then wsgi.py and asgi.py; shallower first within each.
int EntryRank(std::string_view path) {
  std::string_view base = Basename(path);
  if (base == "manage.py") return 0;
  if (base == "wsgi.py") return 1;
  if (base == "asgi.py") return 2;
  return -1;
}

// The module named by os.environ.setdefault("DJANGO_SETTINGS_MODULE", ...) or
// os.environ["DJANGO_SETTINGS_MODULE"] = ... in one file, or "". The value may be
// anything EvalString reads: LibrePhotos' f"librephotos.settings.{environment}"
// is "production" unless DEBUG is set, as `environment`'s unconditional binding.
std::string SettingsModuleNamedIn(const ProjectIndex& index, int file) {
  const FileFacts& facts = index.files()[file];
  std::string module;
  for (const auto& c : facts.calls) {
    if (!EndsWith(c.call.text, "environ.setdefault") || c.call.items.size() < 2) continue;
    const Expr& key = c.call.items[0];
    if (key.kind == ExprKind::kString && key.text == "DJANGO_SETTINGS_MODULE" &&
        EvalString(index, -1, file, c.call.items[1], &module)) {
      return module;
    }
  }
  for (const auto& a : facts.assignments) {
    if (a.target.find("DJANGO_SETTINGS_MODULE") != std::string::npos &&
        EvalString(index, -1, file, a.value, &module)) {
      return module;
    }
  }
  return "";
}

// A module name, or the file whose path ends like it (the project may sit below
// the folder djcost was pointed at).
int FindModuleLoosely(const ProjectIndex& index, const std::string& module) {
  int file = index.modules().Find(module);
  if (file >= 0) return file;
  std::string as_path = module;
  std::replace(as_path.begin(), as_path.end(), '.', '/');
  const auto& files = index.files();
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string& p = files[i].file.path;
    if (p == as_path + ".py" || EndsWith(p, "/" + as_path + ".py") ||
        p == as_path + "/__init__.py" || EndsWith(p, "/" + as_path + "/__init__.py")) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

SettingsValue StringValue(const ProjectIndex& index, int file, const std::string& name) {
  SettingsValue out;
  int value_file = -1;
  const Expr* v = index.EvalValue(file, name, &value_file);
  if (!v || value_file < 0) return out;
  // A literal, or what a static reading can give: `os.getenv("ROOT_URLCONF",
  // "geonode.urls")` reads as its default.
  if (EvalString(index, value_file, value_file, *v, &out.value)) {
    out.location = {index.files()[value_file].file.path, v->line, 0};
  }
  return out;
}

std::vector<SettingsValue> StringList(const ProjectIndex& index, int file,
                                      const std::string& name, bool* complete) {
  std::vector<SettingsValue> out;
  std::vector<ListItem> items;
  if (!index.EvalList(file, name, &items)) return out;
  for (const auto& item : items) {
    if (item.expr->kind != ExprKind::kString) {
      if (complete) *complete = false;
      continue;
    }
    out.push_back({item.expr->text, {index.files()[item.file].file.path, item.expr->line, 0}});
  }
  return out;
}

// Settings modules that bind ROOT_URLCONF, for projects whose entry points do not
// name one: settings.py or settings/*.py, shallowest first.
int GuessSettingsFile(const ProjectIndex& index) {
  const auto& files = index.files();
  int best = -1;
  for (size_t i = 0; i < files.size(); ++i) {
    if (files[i].file.kind != FileKind::kSettings) continue;
    int value_file = -1;
    if (!index.EvalValue(static_cast<int>(i), "ROOT_URLCONF", &value_file)) continue;
    if (best < 0 || Depth(files[i].file.path) < Depth(files[best].file.path)) {
      best = static_cast<int>(i);
    }
  }
  return best;
}

// Modules that look like settings to choose from (`settings_example.py`, kept
// for users to copy): named settings* and binding ROOT_URLCONF, at most five.
std::string SettingsCandidates(const ProjectIndex& index) {
  const auto& files = index.files();
  std::string out;
  int listed = 0;
  for (size_t i = 0; i < files.size() && listed < 5; ++i) {
    if (files[i].file.kind == FileKind::kTest || !StartsWith(Basename(files[i].file.path), "settings")) {
      continue;
    }
    int value_file = -1;
    if (!index.EvalValue(static_cast<int>(i), "ROOT_URLCONF", &value_file)) continue;
    out += (listed++ == 0 ? "" : ", ") + index.ModuleOf(static_cast<int>(i));
  }
  return out;
}

bool IsSplitSettingsCall(const ProjectIndex& index, int file, const Expr& call,
                         std::string_view function) {
  if (call.kind != ExprKind::kCall || call.text.empty()) return false;
  Symbol s = index.Resolve(file, call.text);
  return s.kind == Symbol::Kind::kExternal && s.remainder.empty() &&
         s.qualname == "split_settings.tools." + std::string(function);
}

// django-split-settings (DefectDojo, ColdFront): `include("base.py",
// optional("local.py"), *configs)` runs those files, relative to the settings
// module's folder, in its namespace. The files of the repository it names, in order.
std::vector<int> SplitSettingsFiles(const ProjectIndex& index, int file) {
  const auto& files = index.files();
  const std::string& path = files[file].file.path;
  size_t slash = path.rfind('/');
  std::string folder = slash == std::string::npos ? "" : path.substr(0, slash);
  std::vector<int> out;
  auto add = [&](const Expr& e) {
    const Expr* name = &e;
    if (IsSplitSettingsCall(index, file, e, "optional") && !e.items.empty()) name = &e.items[0];
    if (name->kind != ExprKind::kString || name->text.empty() || name->text[0] == '/') return;
    std::string pattern = folder.empty() ? name->text : folder + "/" + name->text;
    for (size_t i = 0; i < files.size(); ++i) {
      if (GlobMatch(pattern, files[i].file.path) && static_cast<int>(i) != file) {
        out.push_back(static_cast<int>(i));
      }
    }
  };
  for (const CallStatement& c : files[file].calls) {
    if (!c.scope.empty() || !IsSplitSettingsCall(index, file, c.call, "include")) continue;
    for (const Expr& arg : c.call.items) {
      if (!IsStarred(arg)) {
        add(arg);
        continue;
      }
      std::vector<ListItem> items;  // include(*configs)
      index.ExpandList(file, arg.items[0], &items);
      for (const ListItem& item : items) add(*item.expr);
    }
  }
  return out;
}

// A settings module binds ROOT_URLCONF or INSTALLED_APPS itself (star imports
// followed) or runs split-settings files.
bool SetsAnything(const ProjectIndex& index, int file) {
  int value_file = -1;
  return index.EvalValue(file, "ROOT_URLCONF", &value_file) ||
         index.EvalValue(file, "INSTALLED_APPS", &value_file) ||
         !SplitSettingsFiles(index, file).empty();
}

// A setting of the settings module itself, else of the last split-settings file
// that sets it (each runs in the module's namespace; the last one written wins).
SettingsValue StringSetting(const ProjectIndex& index, int file, const std::vector<int>& fragments,
                            const std::string& name) {
  SettingsValue v = StringValue(index, file, name);
  for (auto it = fragments.rbegin(); it != fragments.rend() && v.value.empty(); ++it) {
    v = StringValue(index, *it, name);
  }
  return v;
}

std::vector<SettingsValue> ListSetting(const ProjectIndex& index, int file,
                                       const std::vector<int>& fragments, const std::string& name,
                                       bool* complete) {
  std::vector<SettingsValue> v = StringList(index, file, name, complete);
  for (auto it = fragments.rbegin(); it != fragments.rend() && v.empty(); ++it) {
    if (complete) *complete = true;
    v = StringList(index, *it, name, complete);
  }
  return v;
}

// The values djcost needs from the settings module already chosen.
Settings ReadSettings(const ProjectIndex& index, Settings settings) {
  const auto& files = index.files();
  const int file = settings.file;
  std::vector<int> fragments = SplitSettingsFiles(index, file);
  settings.root_urlconf = StringSetting(index, file, fragments, "ROOT_URLCONF");
  settings.root_hostconf = StringSetting(index, file, fragments, "ROOT_HOSTCONF");
  settings.auth_user_model = StringSetting(index, file, fragments, "AUTH_USER_MODEL");
  bool complete = true;
  settings.installed_apps = ListSetting(index, file, fragments, "INSTALLED_APPS", &complete);
  if (!complete) {
    settings.diagnostics.push_back(
        {Severity::kWarning, "settings-partly-evaluated",
         {files[settings.file].file.path, 0, 0},
         "INSTALLED_APPS holds values djcost cannot evaluate statically; apps outside the "
         "strings found are attributed by folder"});
  }
  settings.installed_apps_complete = complete && !settings.installed_apps.empty();
  settings.middleware = ListSetting(index, file, fragments, "MIDDLEWARE", nullptr);
  if (settings.middleware.empty()) {
    settings.middleware = ListSetting(index, file, fragments, "MIDDLEWARE_CLASSES", nullptr);
  }
  settings.authentication_backends =
      ListSetting(index, file, fragments, "AUTHENTICATION_BACKENDS", nullptr);
  if (settings.root_urlconf.value.empty()) {
    settings.diagnostics.push_back({Severity::kWarning, "root-urlconf-not-found",
                                    {files[settings.file].file.path, 0, 0},
                                    "settings module " + settings.module +
                                        " sets no ROOT_URLCONF djcost can read"});
  }
  return settings;
}

}  // namespace

Settings FindSettings(const ProjectIndex& index, const std::string& named) {
  Settings settings;
  const auto& files = index.files();
  if (!named.empty()) {
    int file = FindModuleLoosely(index, named);
    if (file >= 0) {
      settings.module = index.ModuleOf(file);
      settings.file = file;
      return ReadSettings(index, std::move(settings));
    }
    settings.diagnostics.push_back(
        {Severity::kWarning, "settings-not-found", {},
         "the settings module chosen (--settings or the settings option), " + named +
             ", is not in the repository; looking for the settings as without it"});
  }

  std::vector<int> entries;
  for (size_t i = 0; i < files.size(); ++i) {
    if (EntryRank(files[i].file.path) >= 0) entries.push_back(static_cast<int>(i));
  }
  std::stable_sort(entries.begin(), entries.end(), [&](int a, int b) {
    int ra = EntryRank(files[a].file.path), rb = EntryRank(files[b].file.path);
    if (ra != rb) return ra < rb;
    return Depth(files[a].file.path) < Depth(files[b].file.path);
  });
  int sets_nothing = -1;  // the first module named that sets no setting djcost reads
  for (int entry : entries) {
    std::string module = SettingsModuleNamedIn(index, entry);
    if (module.empty()) continue;
    int file = FindModuleLoosely(index, module);
    if (file < 0) {
      std::string candidates = SettingsCandidates(index);
      settings.diagnostics.push_back(
          {Severity::kWarning, "settings-not-found", {files[entry].file.path, 0, 0},
           "DJANGO_SETTINGS_MODULE names " + module + ", which is not in the repository" +
               (candidates.empty() ? std::string()
                                   : "; --settings or the settings option can name one of " + candidates)});
      continue;
    }
    // AWX's asgi.py names "awx.settings", an empty package, after a function
    // has named the real module: keep looking.
    if (!SetsAnything(index, file)) {
      if (sets_nothing < 0) sets_nothing = file;
      continue;
    }
    settings.module = index.ModuleOf(file);
    settings.file = file;
    break;
  }
  if (settings.file < 0) {
    int guess = GuessSettingsFile(index);
    if (guess >= 0) {
      settings.file = guess;
      settings.module = index.ModuleOf(guess);
      if (sets_nothing >= 0) {
        settings.diagnostics.push_back(
            {Severity::kWarning, "settings-guessed", {files[sets_nothing].file.path, 0, 0},
             "DJANGO_SETTINGS_MODULE names " + index.ModuleOf(sets_nothing) +
                 ", which sets neither ROOT_URLCONF nor INSTALLED_APPS; read " +
                 settings.module + " instead, a settings module that sets ROOT_URLCONF "
                 "(--settings or the settings option can name another)"});
      }
    } else if (sets_nothing >= 0) {
      settings.file = sets_nothing;
      settings.module = index.ModuleOf(sets_nothing);
    }
  }
  if (settings.file < 0) return settings;
  return ReadSettings(index, std::move(settings));
}

}  // namespace djcost
