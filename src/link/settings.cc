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

// The values os.environ.setdefault(variable, ...) and os.environ[variable] =
// ... give in one file, in source order, setdefault calls first. A value may be
// anything EvalString reads: LibrePhotos' f"librephotos.settings.{environment}"
// is "production" unless DEBUG is set, as `environment`'s unconditional binding.
std::vector<std::string> EnvironmentDefaultsIn(const ProjectIndex& index, int file,
                                               std::string_view variable) {
  const FileFacts& facts = index.files()[file];
  std::vector<std::string> values;
  std::string value;
  for (const auto& c : facts.calls) {
    if (!EndsWith(c.call.text, "environ.setdefault") || c.call.items.size() < 2) continue;
    const Expr& key = c.call.items[0];
    if (key.kind == ExprKind::kString && key.text == variable &&
        EvalString(index, -1, file, c.call.items[1], &value)) {
      values.push_back(value);
    }
  }
  for (const auto& a : facts.assignments) {
    if (a.target.find(variable) != std::string::npos &&
        EvalString(index, -1, file, a.value, &value)) {
      values.push_back(value);
    }
  }
  return values;
}

// manage.py, wsgi.py and asgi.py, in the order EntryRank gives.
std::vector<int> EntryPoints(const ProjectIndex& index) {
  const auto& files = index.files();
  std::vector<int> entries;
  for (size_t i = 0; i < files.size(); ++i) {
    if (EntryRank(files[i].file.path) >= 0) entries.push_back(static_cast<int>(i));
  }
  std::stable_sort(entries.begin(), entries.end(), [&](int a, int b) {
    int ra = EntryRank(files[a].file.path), rb = EntryRank(files[b].file.path);
    if (ra != rb) return ra < rb;
    return Depth(files[a].file.path) < Depth(files[b].file.path);
  });
  return entries;
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

// django-configurations (marsha): a settings module whose settings are the
// attributes of a subclass of its Configuration, the one DJANGO_CONFIGURATION
// names beside DJANGO_SETTINGS_MODULE.
bool IsConfigurationClass(const ProjectIndex& index, const std::string& qualname) {
  for (std::string_view ancestor : index.Ancestors(qualname)) {
    if (ancestor == "configurations.Configuration" ||
        ancestor == "configurations.base.Configuration") {
      return true;
    }
  }
  return false;
}

// The module-level Configuration subclasses of `file`, qualified, in source order.
std::vector<std::string> ConfigurationClasses(const ProjectIndex& index, int file) {
  std::vector<std::string> out;
  for (const ClassDef& cls : index.files()[file].classes) {
    if (!cls.scope.empty()) continue;
    std::string qualname = index.QualName(file, "", cls.name);
    if (IsConfigurationClass(index, qualname)) out.push_back(std::move(qualname));
  }
  return out;
}

// The classes of `classes` that no other of them subclasses.
std::vector<std::string> Leaves(const ProjectIndex& index, const std::vector<std::string>& classes) {
  std::vector<std::string> leaves;
  for (const std::string& candidate : classes) {
    bool subclassed = std::any_of(classes.begin(), classes.end(), [&](const std::string& other) {
      const auto& ancestors = index.Ancestors(other);
      return other != candidate &&
             std::find(ancestors.begin(), ancestors.end(), candidate) != ancestors.end();
    });
    if (!subclassed) leaves.push_back(candidate);
  }
  return leaves;
}

// The class of `classes` named `name`, or "".
std::string ClassNamed(const std::vector<std::string>& classes, std::string_view name) {
  for (const std::string& qualname : classes) {
    if (!name.empty() && LastComponent(qualname) == name) return qualname;
  }
  return "";
}

std::string ShortNames(const std::vector<std::string>& classes) {
  std::string out;
  for (const std::string& qualname : classes) {
    out += (out.empty() ? "" : ", ") + std::string(LastComponent(qualname));
  }
  return out;
}

// readthedocs.org: `DockerBaseSettings.load_settings(__name__)` at module
// level copies a repository class's upper-case attributes into the module.
// The class, qualified, or "".
std::string ExportedSettingsClass(const ProjectIndex& index, int file) {
  for (const CallStatement& c : index.files()[file].calls) {
    if (!c.scope.empty() || LastComponent(c.call.text) != "load_settings") continue;
    Symbol s = index.Resolve(file, c.call.text);
    if (s.kind == Symbol::Kind::kClass && s.remainder == "load_settings") return s.qualname;
  }
  return "";
}

// The settings class of a django-configurations module: the one the entry
// points' DJANGO_CONFIGURATION names (manage.py first, as for the module),
// else, as Django would not start without one, the class a deployment most
// likely runs: one named Production, else the only class no other subclasses.
// A choice of djcost's own is said. A module without such classes may still
// be filled from one by load_settings() (ExportedSettingsClass). "" when the
// settings are the module's own names, or no class can be chosen.
std::string ChooseSettingsClass(const ProjectIndex& index, Settings* settings) {
  std::vector<std::string> classes = ConfigurationClasses(index, settings->file);
  if (classes.empty()) return ExportedSettingsClass(index, settings->file);
  std::string named;  // the first value named, for the message
  for (int entry : EntryPoints(index)) {
    for (const std::string& value : EnvironmentDefaultsIn(index, entry, "DJANGO_CONFIGURATION")) {
      if (std::string chosen = ClassNamed(classes, value); !chosen.empty()) return chosen;
      if (named.empty()) named = value;
    }
  }
  std::vector<std::string> leaves = Leaves(index, classes);
  std::string chosen = ClassNamed(classes, "Production");
  if (chosen.empty() && leaves.size() == 1) chosen = leaves.front();
  if (chosen.empty()) return "";
  std::string why = named.empty() ? "no entry point sets DJANGO_CONFIGURATION"
                                  : "DJANGO_CONFIGURATION names " + named +
                                        ", which is no Configuration class of " + settings->module;
  settings->diagnostics.push_back(
      {Severity::kWarning, "settings-guessed", {index.files()[settings->file].file.path, 0, 0},
       why + "; read its class " + std::string(LastComponent(chosen)) +
           " (django-configurations classes: " + ShortNames(classes) + ")"});
  return chosen;
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

// The strings of a list read, each where it is written; *complete is set false
// when an item is no string.
std::vector<SettingsValue> Strings(const ProjectIndex& index, const std::vector<ListItem>& items,
                                   bool* complete) {
  std::vector<SettingsValue> out;
  for (const auto& item : items) {
    if (item.expr->kind != ExprKind::kString) {
      if (complete) *complete = false;
      continue;
    }
    out.push_back({item.expr->text, {index.files()[item.file].file.path, item.expr->line, 0}});
  }
  return out;
}

// A string attribute of the settings class, its own or its nearest base's.
SettingsValue AttributeStringValue(const ProjectIndex& index, const std::string& settings_class,
                                   const std::string& name) {
  SettingsValue out;
  int file = -1;
  const Assignment* a = index.FindAttribute(settings_class, name, &file);
  if (a && EvalString(index, file, file, a->value, &out.value)) {
    out.location = {index.files()[file].file.path, a->value.line, 0};
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
using Fragments = std::vector<ProjectIndex::SettingsFragment>;
Fragments SplitSettingsFiles(const ProjectIndex& index, int file) {
  const auto& files = index.files();
  const std::string& path = files[file].file.path;
  size_t slash = path.rfind('/');
  std::string folder = slash == std::string::npos ? "" : path.substr(0, slash);
  Fragments out;
  auto add = [&](const Expr& e, int line) {
    const Expr* name = &e;
    if (IsSplitSettingsCall(index, file, e, "optional") && !e.items.empty()) name = &e.items[0];
    if (name->kind != ExprKind::kString || name->text.empty() || name->text[0] == '/') return;
    std::string pattern = folder.empty() ? name->text : folder + "/" + name->text;
    for (size_t i = 0; i < files.size(); ++i) {
      if (GlobMatch(pattern, files[i].file.path) && static_cast<int>(i) != file) {
        out.push_back({static_cast<int>(i), line});
      }
    }
  };
  for (const CallStatement& c : files[file].calls) {
    if (!c.scope.empty() || !IsSplitSettingsCall(index, file, c.call, "include")) continue;
    for (const Expr& arg : c.call.items) {
      if (!IsStarred(arg)) {
        add(arg, c.line);
        continue;
      }
      std::vector<ListItem> items;  // include(*configs)
      index.ExpandList(file, arg.items[0], &items);
      for (const ListItem& item : items) add(*item.expr, c.line);
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
         !SplitSettingsFiles(index, file).empty() || !ConfigurationClasses(index, file).empty() ||
         !ExportedSettingsClass(index, file).empty();
}

// Where the settings are bound: the settings class's attributes, else the
// module's names and its split-settings fragments.
struct SettingsSource {
  int file = -1;
  Fragments fragments;
  std::string settings_class;
};

// A setting of the settings class, else of the settings module itself, else of
// the last split-settings file that sets it (each runs in the module's
// namespace; the last one written wins).
SettingsValue StringSetting(const ProjectIndex& index, const SettingsSource& source,
                            const std::string& name) {
  if (!source.settings_class.empty()) return AttributeStringValue(index, source.settings_class, name);
  SettingsValue v = StringValue(index, source.file, name);
  for (auto it = source.fragments.rbegin(); it != source.fragments.rend() && v.value.empty(); ++it) {
    v = StringValue(index, it->file, name);
  }
  return v;
}

// A list setting: the settings class's attribute, else the list the module and
// the split-settings files it runs leave, in the order they run: a fragment's
// `INSTALLED_APPS += [...]` extends the module's list (rdmo's base.py), its
// `INSTALLED_APPS = [...]` replaces it.
std::vector<SettingsValue> ListSetting(const ProjectIndex& index, const SettingsSource& source,
                                       const std::string& name, bool* complete) {
  std::vector<ListItem> items;
  if (!source.settings_class.empty()) {
    index.EvalAttributeList(source.settings_class, name, &items);
  } else {
    index.EvalListWithFragments(source.file, name, source.fragments, &items);
  }
  return Strings(index, items, complete);
}

// What root-urlconf-not-found says of where it looked.
std::string UnreadRootUrlconf(const ProjectIndex& index, const Settings& settings) {
  if (!settings.settings_class.empty()) {
    return "settings class " + std::string(LastComponent(settings.settings_class)) + " of " +
           settings.module + " sets no ROOT_URLCONF djcost can read";
  }
  std::string unread = "settings module " + settings.module + " sets no ROOT_URLCONF djcost can read";
  std::vector<std::string> classes = ConfigurationClasses(index, settings.file);
  if (classes.empty()) return unread;
  return unread + "; its settings are the django-configurations classes " + ShortNames(classes) +
         ", and no entry point's DJANGO_CONFIGURATION names one of them";
}

// The values djcost needs from the settings module already chosen.
Settings ReadSettings(const ProjectIndex& index, Settings settings) {
  const auto& files = index.files();
  settings.settings_class = ChooseSettingsClass(index, &settings);
  SettingsSource source;
  source.file = settings.file;
  source.fragments = SplitSettingsFiles(index, settings.file);
  source.settings_class = settings.settings_class;
  settings.root_urlconf = StringSetting(index, source, "ROOT_URLCONF");
  settings.root_hostconf = StringSetting(index, source, "ROOT_HOSTCONF");
  settings.auth_user_model = StringSetting(index, source, "AUTH_USER_MODEL");
  bool complete = true;
  settings.installed_apps = ListSetting(index, source, "INSTALLED_APPS", &complete);
  if (!complete) {
    settings.diagnostics.push_back(
        {Severity::kWarning, "settings-partly-evaluated",
         {files[settings.file].file.path, 0, 0},
         "INSTALLED_APPS holds values djcost cannot evaluate statically; apps outside the "
         "strings found are attributed by folder"});
  }
  settings.installed_apps_complete = complete && !settings.installed_apps.empty();
  settings.middleware = ListSetting(index, source, "MIDDLEWARE", nullptr);
  if (settings.middleware.empty()) {
    settings.middleware = ListSetting(index, source, "MIDDLEWARE_CLASSES", nullptr);
  }
  settings.authentication_backends = ListSetting(index, source, "AUTHENTICATION_BACKENDS", nullptr);
  if (settings.root_urlconf.value.empty()) {
    settings.diagnostics.push_back({Severity::kWarning, "root-urlconf-not-found",
                                    {files[settings.file].file.path, 0, 0},
                                    UnreadRootUrlconf(index, settings)});
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

  const std::vector<int> entries = EntryPoints(index);
  int sets_nothing = -1;  // the first module named that sets no setting djcost reads
  for (int entry : entries) {
    std::vector<std::string> named_here =
        EnvironmentDefaultsIn(index, entry, "DJANGO_SETTINGS_MODULE");
    if (named_here.empty()) continue;
    // mytardis' manage.py names its tardis.settings when the file exists, else
    // tardis.default_settings: the repository holds only the second.
    std::string module = named_here.front();
    int file = -1;
    for (const std::string& candidate : named_here) {
      file = FindModuleLoosely(index, candidate);
      if (file >= 0) {
        module = candidate;
        break;
      }
    }
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
