#!/usr/bin/env python3
"""Runtime ground truth for djcost: what Django itself reports for a project.

Usage: python3 scripts/django_truth.py PROJECT_ROOT [--settings MODULE]
                                       [--counts-only | --endpoints]

Imports the project (the folder holding manage.py goes on sys.path, the settings
module comes from manage.py unless --settings is given), runs django.setup(),
loads the root URLconf, and prints JSON: endpoints, external routes, models,
admin registrations, signal receivers, custom signals and their counts.

The project's own Python environment must be able to import it: Django, DRF and
whatever else its settings and apps import. See docs/ground-truth.md.
Exit codes: 0 success, 2 the project could not be found or imported.
"""
import argparse
import ast
import gc
import inspect
import json
import os
import re
import sys
import traceback
import weakref

# HTTP methods in the order Django's View lists them. HEAD and OPTIONS are
# implied by every view and are not endpoints.
METHOD_ORDER = ["get", "post", "put", "patch", "delete", "trace"]
IMPLIED = {"head", "options"}

# DRF's format_suffix_patterns appends this to a regex route (its default kwarg
# is "format"; any group name is accepted here) or a converter to a path route.
FORMAT_SUFFIX_RE = re.compile(r"\\\.\(\?P<\w+>\[a-z0-9\]\+\)/\?\$$")
FORMAT_SUFFIX_CONVERTER = "<drf_format_suffix:"


class UnusableProject(Exception):
    """The project cannot be found or imported; the message says why."""


# --------------------------------------------------------------------------
# Locating and importing the project


def skip_dir(name):
    return name.startswith(".") or name in {
        "node_modules", "venv", "env", "site-packages", "dist-packages", "__pycache__"}


def find_manage_py(root):
    """The shallowest manage.py under root (root itself first)."""
    candidates = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not skip_dir(d))
        if "manage.py" in files:
            depth = os.path.relpath(folder, root).count(os.sep)
            candidates.append((0 if folder == root else depth + 1, folder))
    if not candidates:
        return None
    return os.path.join(min(candidates)[1], "manage.py")


def settings_from_manage_py(path):
    """The module named by os.environ.setdefault("DJANGO_SETTINGS_MODULE", ...)."""
    with open(path, encoding="utf-8") as handle:
        tree = ast.parse(handle.read(), filename=path)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or len(node.args) < 2:
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        key, value = node.args[0], node.args[1]
        if (name in {"setdefault", "putenv"} and isinstance(key, ast.Constant)
                and key.value == "DJANGO_SETTINGS_MODULE" and isinstance(value, ast.Constant)
                and isinstance(value.value, str)):
            return value.value
    return None


def setup_django(root, settings_module):
    manage = find_manage_py(root)
    if settings_module is None:
        if manage is None:
            raise UnusableProject(
                "no manage.py under %s; pass --settings MODULE (and make the project "
                "importable)" % root)
        settings_module = settings_from_manage_py(manage)
        if settings_module is None:
            raise UnusableProject(
                "%s does not set DJANGO_SETTINGS_MODULE; pass --settings MODULE"
                % os.path.relpath(manage, root))
    import_root = os.path.dirname(manage) if manage else root
    sys.path.insert(0, import_root)
    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
    try:
        import django
    except ImportError:
        raise UnusableProject(
            "this Python (%s) cannot import Django; run the script with the project's "
            "interpreter" % sys.executable)
    try:
        django.setup()
    except Exception as exc:  # anything the project's import raises
        raise UnusableProject("django.setup() failed for settings %s: %s: %s\n%s" % (
            settings_module, type(exc).__name__, exc, traceback.format_exc(limit=-4)))
    return settings_module, import_root


# --------------------------------------------------------------------------
# Where things are defined


class Project:
    """Answers "is this object defined in the repository?" and gives relative paths."""

    def __init__(self, root):
        self.root = os.path.realpath(root)

    def file_of_module(self, module_name):
        module = sys.modules.get(module_name or "")
        path = getattr(module, "__file__", None)
        return os.path.realpath(path) if path else None

    def contains_file(self, path):
        if not path:
            return False
        if path != self.root and not path.startswith(self.root + os.sep):
            return False
        rel = os.path.relpath(path, self.root).split(os.sep)
        # A virtualenv inside the checkout is not the project's code.
        return not any(part in {"site-packages", "dist-packages"} for part in rel)

    def contains_module(self, module_name):
        return self.contains_file(self.file_of_module(module_name))

    def relpath(self, path):
        return os.path.relpath(path, self.root).replace(os.sep, "/") if path else ""

    def location(self, obj):
        """{"path", "line"} of a class or function defined in the project, else {}."""
        try:
            path = os.path.realpath(inspect.getsourcefile(obj))
            line = inspect.getsourcelines(obj)[1]
        except (TypeError, OSError):
            return {}
        if not self.contains_file(path):
            return {}
        return {"path": self.relpath(path), "line": line}


def qualname(obj):
    return "%s.%s" % (getattr(obj, "__module__", "?"),
                      getattr(obj, "__qualname__", getattr(obj, "__name__", repr(obj))))


def app_label_of_module(module_name):
    from django.apps import apps
    config = apps.get_containing_app_config(module_name or "")
    return config.label if config else ""


# --------------------------------------------------------------------------
# Routes


def normalize_piece(pattern_text, is_regex):
    """One level of a URL pattern as a plain path with {name} parameters.

    Best effort, for comparing with other tools: anchors are dropped, named
    groups and converters become {name}, other groups {arg}, escapes are undone.
    """
    if not is_regex:
        return re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", pattern_text)
    text = pattern_text
    if text.startswith("^"):
        text = text[1:]
    if text.endswith("$") and not text.endswith("\\$"):
        text = text[:-1]
    out, i = [], 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            out.append(text[i + 1])
            i += 2
        elif char == "(":
            depth, j = 1, i + 1
            while j < len(text) and depth:
                if text[j] == "\\":
                    j += 1
                elif text[j] == "(":
                    depth += 1
                elif text[j] == ")":
                    depth -= 1
                j += 1
            group = text[i:j]
            named = re.match(r"\(\?P<(\w+)>", group)
            out.append("{%s}" % named.group(1) if named else "{arg}")
            i = j
        elif char == "?" and out and out[-1] == "/":
            i += 1  # "/?": the slash is optional; keep it
        else:
            out.append(char)
            i += 1
    return "".join(out)


def default_admin_site():
    """The object behind django.contrib.admin.site (a LazyObject since Django 3.1)."""
    from django.contrib import admin
    from django.utils.functional import empty
    lazy = admin.site
    if getattr(lazy, "_wrapped", None) is empty:
        lazy._setup()
    return getattr(lazy, "_wrapped", lazy)


def admin_site_variable(site, namer):
    """A dotted name for an admin site: "admin.site" or the global that defines it."""
    if site is default_admin_site():
        return "admin.site"
    found = namer.name_all([site]).get(id(site))
    return "%s.%s" % found[:2] if found else "AdminSite(%r)" % site.name


def unwrap_chain(func):
    """func, then each __wrapped__ below it."""
    seen = []
    while func is not None and func not in seen:
        seen.append(func)
        func = getattr(func, "__wrapped__", None)
    return seen


def closure_vars(func):
    code = getattr(func, "__code__", None)
    cells = getattr(func, "__closure__", None) or ()
    if code is None:
        return {}
    values = {}
    for name, cell in zip(code.co_freevars, cells):
        try:
            values[name] = cell.cell_contents
        except ValueError:  # empty cell
            pass
    return values


def function_view_methods(callback):
    """Methods a function view accepts, from require_http_methods' closure.

    require_http_methods (and require_GET/POST/safe, built on it) keeps the list
    in the closure of the wrapper it returns, as `request_method_list`. The
    innermost restriction is the one that matters when several are stacked;
    every layer must allow a method, so the intersection is taken.
    """
    allowed = None
    for layer in unwrap_chain(callback):
        listed = closure_vars(layer).get("request_method_list")
        if listed is None:
            continue
        methods = {m.lower() for m in listed}
        allowed = methods if allowed is None else allowed & methods
    if allowed is None:
        return ["ANY"]
    return [m.upper() for m in METHOD_ORDER if m in allowed]


def api_view_function(view_class):
    """The function under an @api_view WrappedAPIView, or None."""
    for method in METHOD_ORDER:
        handler = view_class.__dict__.get(method)
        func = closure_vars(handler).get("func") if handler else None
        if func is not None:
            return func
    return None


def describe_view(callback):
    """(view object for identity, view qualname, [(METHOD, handler)], is_drf)."""
    try:
        from rest_framework.views import APIView
    except ImportError:
        APIView = None
    actions = getattr(callback, "actions", None)
    view_class = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    is_drf = bool(APIView and view_class and issubclass(view_class, APIView))
    if view_class is not None and actions:
        pairs = [(m.upper(), actions[m]) for m in METHOD_ORDER if m in actions]
        return view_class, qualname(view_class), pairs, is_drf
    if view_class is not None:
        func = api_view_function(view_class) if is_drf else None
        names = {m.lower() for m in view_class.http_method_names}
        pairs = [(m.upper(), m) for m in METHOD_ORDER
                 if m in names and m not in IMPLIED and hasattr(view_class, m)]
        if func is not None:  # @api_view: the class is made up, the function is the view
            return func, qualname(func), [(m, func.__name__) for m, _ in pairs], True
        return view_class, qualname(view_class), pairs, is_drf
    inner = unwrap_chain(callback)[-1]
    methods = function_view_methods(callback)
    return inner, qualname(inner), [(m, inner.__name__) for m in methods], False


def is_router_root(view_obj):
    try:
        from rest_framework.routers import APIRootView
    except ImportError:
        return False
    return inspect.isclass(view_obj) and issubclass(view_obj, APIRootView)


def view_kind(view_obj, is_drf):
    """api or page. DRF views are API endpoints; other views are API endpoints when
    their source builds a JsonResponse (a source heuristic, not runtime truth)."""
    if is_drf:
        return "api"
    try:
        source = inspect.getsource(view_obj)
    except (TypeError, OSError):
        return "page"
    return "api" if "JsonResponse(" in source else "page"


def walk_urls(project, patterns, route, path, namespaces, out):
    from django.urls import URLPattern, URLResolver
    from django.urls.resolvers import RegexPattern

    for entry in patterns:
        piece = str(entry.pattern)
        is_regex = isinstance(entry.pattern, RegexPattern)
        full_route = route + piece
        full_path = path + normalize_piece(piece, is_regex)
        if isinstance(entry, URLResolver):
            module = entry.urlconf_module
            module_name = getattr(module, "__name__", None)
            if entry.app_name == "admin":
                site = None
                from django.contrib.admin.sites import all_sites
                for candidate in list(all_sites):
                    if candidate.name == entry.namespace:
                        site = candidate
                target = (admin_site_variable(site, GlobalNames(project))
                          if site else "admin") + ".urls"
                out["external"].append({"route": full_route, "target": target,
                                        "reason": "admin"})
                continue
            if module_name and not project.contains_module(module_name):
                out["external"].append({"route": full_route, "target": module_name,
                                        "reason": "third-party include"})
                continue
            child_ns = namespaces + ([entry.namespace] if entry.namespace else [])
            walk_urls(project, entry.url_patterns, full_route, full_path, child_ns, out)
            continue
        if not isinstance(entry, URLPattern):
            continue
        view_obj, view_name, pairs, is_drf = describe_view(entry.callback)
        if is_router_root(view_obj):
            out["excluded"].append({"route": full_route, "target": view_name,
                                    "reason": "router API root"})
            continue
        if FORMAT_SUFFIX_RE.search(piece) or FORMAT_SUFFIX_CONVERTER in piece:
            out["excluded"].append({"route": full_route, "target": view_name,
                                    "reason": "format-suffix duplicate"})
            continue
        if not project.contains_module(getattr(view_obj, "__module__", None)):
            out["external"].append({"route": full_route, "target": view_name,
                                    "reason": "view defined outside the repository"})
            continue
        url_name = entry.name or ""
        full_name = ":".join(namespaces + [url_name]) if url_name else ""
        kind = view_kind(view_obj, is_drf)
        out["routes"].append({"route": full_route, "path": "/" + full_path.lstrip("/"),
                              "view": view_name,
                              "methods": [m for m, _ in pairs]})
        for method, handler in pairs:
            out["endpoints"].append({
                "route": full_route,
                "path": "/" + full_path.lstrip("/"),
                "method": method,
                "view": view_name,
                "handler": handler,
                "name": url_name,
                "full_name": full_name,
                "app": app_label_of_module(view_obj.__module__),
                "kind": kind,
                "view_location": project.location(view_obj),
            })


def collect_urls(project):
    from django.urls import get_resolver
    out = {"endpoints": [], "routes": [], "external": [], "excluded": []}
    resolver = get_resolver()
    try:
        patterns = resolver.url_patterns
    except Exception as exc:
        raise UnusableProject("cannot load ROOT_URLCONF: %s: %s\n%s" % (
            type(exc).__name__, exc, traceback.format_exc(limit=-4)))
    walk_urls(project, patterns, "", "", [], out)
    return out


# --------------------------------------------------------------------------
# Models


def all_subclasses(cls):
    seen, stack = [], [cls]
    while stack:
        for sub in stack.pop().__subclasses__():
            if sub not in seen:
                seen.append(sub)
                stack.append(sub)
    return seen


def describe_model(project, model, kind):
    from django.contrib.auth import get_user_model
    meta = model._meta
    # Django copies an abstract base's fields into each child, so local_fields holds
    # them too; keep the ones written in this class body, as a reader of the source sees.
    inherited = set()
    for base in model.__mro__[1:]:
        base_meta = getattr(base, "_meta", None)
        if base_meta is not None and base_meta.abstract:
            inherited.update(f.name for f in base_meta.local_fields)
            inherited.update(f.name for f in base_meta.local_many_to_many)
    all_local = [f for f in list(meta.local_fields) + list(meta.local_many_to_many)
                 if not f.auto_created]
    local = [f for f in all_local if f.name not in inherited]
    relations = []
    for field in local:
        if not field.is_relation or field.related_model is None:
            continue
        target = field.related_model
        if isinstance(target, str):  # unresolved lazy reference (abstract models)
            target_name, target_app = target, ""
        else:
            target_name, target_app = qualname(target), target._meta.app_label
        relations.append({
            "field": field.name, "kind": type(field).__name__, "target": target_name,
            "target_app": target_app,
            "cross_app": bool(target_app) and target_app != meta.app_label,
        })
    try:
        user_model = get_user_model()
    except Exception:
        user_model = None
    return {
        "name": model.__name__,
        "qualname": qualname(model),
        "app": meta.app_label,
        "kind": kind,
        "bases": [qualname(b) for b in model.__bases__],
        "field_count": len(local),
        "inherited_field_count": len(all_local) - len(local),
        "relations": relations,
        "managers": sorted(m.name for m in meta.local_managers
                           if project.contains_module(type(m).__module__)),
        "overrides": sorted(n for n in ("save", "delete", "clean", "full_clean")
                            if n in vars(model)),
        "is_user_model": model is user_model,
        "location": project.location(model),
    }


def collect_models(project):
    from django.apps import apps
    from django.db import models
    found = []
    for model in apps.get_models(include_auto_created=False):
        if project.contains_module(model.__module__):
            kind = "proxy" if model._meta.proxy else "concrete"
            found.append(describe_model(project, model, kind))
    for model in all_subclasses(models.Model):
        if getattr(model, "_meta", None) is not None and model._meta.abstract \
                and project.contains_module(model.__module__):
            found.append(describe_model(project, model, "abstract"))
    found.sort(key=lambda m: (m["kind"], m["qualname"]))
    return found


# --------------------------------------------------------------------------
# Admin


def collect_admin(project):
    from django.contrib.admin import AdminSite
    from django.contrib.admin.sites import all_sites
    sites = set(all_sites)
    sites.update(o for o in gc.get_objects() if isinstance(o, AdminSite))
    namer = GlobalNames(project)
    inside, outside = [], []
    for site in sites:
        site_name = admin_site_variable(site, namer)
        for model, model_admin in site._registry.items():
            admin_class = type(model_admin)
            entry = {
                "site": site_name,
                "site_name": site.name,
                "model": qualname(model),
                "admin_class": "" if admin_class.__module__ == "django.contrib.admin.options"
                and admin_class.__name__ == "ModelAdmin" else qualname(admin_class),
                "app": model._meta.app_label,
                "inlines": len(model_admin.inlines or []),
                "actions": len(admin_class.actions or []),
                "list_display": len([c for c in model_admin.list_display
                                     if c != "__str__"]),
            }
            (inside if project.contains_module(model.__module__) else outside).append(entry)
    key = lambda e: (e["site"], e["model"])  # noqa: E731
    return sorted(inside, key=key), sorted(outside, key=key)


# --------------------------------------------------------------------------
# Signals


class GlobalNames:
    """Names objects (signals, admin sites) by the module global that defines them:
    a module-level assignment is preferred to an import of the same object."""

    def __init__(self, project):
        self.project = project
        self.assigned_cache = {}

    def assigned_names(self, module_name):
        """{name: line} of the module's top-level assignments."""
        if module_name not in self.assigned_cache:
            names = {}
            path = self.project.file_of_module(module_name)
            try:
                with open(path, encoding="utf-8") as handle:
                    tree = ast.parse(handle.read())
                for node in tree.body:
                    targets = node.targets if isinstance(node, ast.Assign) else (
                        [node.target] if isinstance(node, ast.AnnAssign) else [])
                    for target in targets:
                        if isinstance(target, ast.Name):
                            names.setdefault(target.id, node.lineno)
            except (OSError, TypeError, SyntaxError, ValueError):
                pass
            self.assigned_cache[module_name] = names
        return self.assigned_cache[module_name]

    def name_all(self, objects):
        """{id(obj): (module, name, defined_there, line)} for the objects found."""
        wanted = {id(o): o for o in objects}
        found = {}
        for module_name, module in list(sys.modules.items()):
            try:
                items = list(vars(module).items())
            except TypeError:
                continue
            for name, value in items:
                if id(value) in wanted and wanted[id(value)] is value:
                    line = self.assigned_names(module_name).get(name)
                    found.setdefault(id(value), []).append(
                        (line is None, module_name.count("."), module_name, name, line or 0))
        result = {}
        for ident, candidates in found.items():
            imported, _, module_name, name, line = min(candidates)
            result[ident] = (module_name, name, not imported, line)
        return result


def send_sites(project, module_name, name, defining_file):
    """Calls NAME.send(...) / NAME.send_robust(...) in project files that define or
    import NAME from its module (static, via ast: runtime cannot see call sites)."""
    sites = []
    for folder, dirs, files in os.walk(project.root):
        dirs[:] = sorted(d for d in dirs if not skip_dir(d))
        for filename in sorted(files):
            if not filename.endswith(".py"):
                continue
            path = os.path.join(folder, filename)
            try:
                with open(path, encoding="utf-8") as handle:
                    tree = ast.parse(handle.read())
            except (OSError, SyntaxError, ValueError):
                continue
            visible = os.path.realpath(path) == defining_file
            rel_parts = os.path.relpath(path, project.root)[:-3].split(os.sep)
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and any(
                        (a.asname or a.name) == name and a.name == name for a in node.names):
                    base = node.module or ""
                    if node.level:
                        package = rel_parts[:-1] if rel_parts[-1] != "__init__" else rel_parts
                        package = package[:len(package) - (node.level - 1)]
                        base = ".".join(package + ([base] if base else []))
                    if module_name == base or module_name.endswith("." + base):
                        visible = True
            if not visible:
                continue
            for node in ast.walk(tree):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr in {"send", "send_robust"}
                        and isinstance(node.func.value, ast.Name)
                        and node.func.value.id == name):
                    sites.append({"path": project.relpath(os.path.realpath(path)),
                                  "line": node.lineno, "call": node.func.attr})
    return sorted(sites, key=lambda s: (s["path"], s["line"]))


def collect_signals(project):
    from django.apps import apps
    from django.dispatch import Signal

    signals = [o for o in gc.get_objects() if isinstance(o, Signal)]
    names = GlobalNames(project).name_all(signals)

    # Senders are stored by id(); map the ids back to the objects that could be senders.
    senders = {id(None): None}
    for model in apps.get_models(include_auto_created=True, include_swapped=True):
        senders[id(model)] = model

    receivers, custom = [], []
    for signal in signals:
        module_name, var, defined_here, line = names.get(id(signal), ("?", "<unnamed>", False, 0))
        signal_name = "%s.%s" % (module_name, var)
        in_project = defined_here and project.contains_module(module_name)
        if in_project:
            defining_file = project.file_of_module(module_name)
            custom.append({"qualname": signal_name, "app": app_label_of_module(module_name),
                           "class": type(signal).__name__,
                           "location": {"path": project.relpath(defining_file), "line": line},
                           "send_sites": send_sites(project, module_name, var, defining_file)})
        for lookup_key, ref in list(signal.receivers):
            func = ref() if isinstance(ref, weakref.ReferenceType) else ref
            if func is None:
                continue
            inner = unwrap_chain(func)[-1]
            if not project.contains_module(getattr(inner, "__module__", None)):
                continue
            uid, sender_id = lookup_key
            if sender_id in senders:
                sender = senders[sender_id]
                sender_name = "" if sender is None else qualname(sender)
            else:
                sender_name = "<unresolved sender>"
            receivers.append({
                "signal": signal_name,
                "builtin": not in_project,
                "handler": qualname(inner),
                "sender": sender_name,
                "dispatch_uid": uid if isinstance(uid, str) else "",
                "app": app_label_of_module(inner.__module__),
                "location": project.location(inner),
            })
    receivers.sort(key=lambda r: (r["handler"], r["signal"], r["sender"]))
    custom.sort(key=lambda c: c["qualname"])
    return receivers, custom


# --------------------------------------------------------------------------


def collect(root, settings_module):
    project = Project(root)
    if not os.path.isdir(project.root):
        raise UnusableProject("%s is not a directory" % root)
    settings_module, import_root = setup_django(project.root, settings_module)

    from django.apps import apps
    from django.conf import settings

    # Loading the URLconf imports views and sites; do it before reading registries.
    urls = collect_urls(project)
    models = collect_models(project)
    admin_inside, admin_outside = collect_admin(project)
    receivers, custom = collect_signals(project)

    project_apps = sorted(
        ({"label": c.label, "module": c.name, "path": project.relpath(os.path.realpath(c.path)),
          "config": qualname(type(c))}
         for c in apps.get_app_configs() if project.contains_file(os.path.realpath(c.path))),
        key=lambda a: a["label"])

    import django
    versions = {"django": django.get_version()}
    try:
        import rest_framework
        versions["djangorestframework"] = rest_framework.VERSION
    except ImportError:
        pass

    counts = {
        "endpoints": len(urls["endpoints"]),
        "routes": len(urls["routes"]),
        "models_concrete": sum(m["kind"] == "concrete" for m in models),
        "models_abstract": sum(m["kind"] == "abstract" for m in models),
        "models_proxy": sum(m["kind"] == "proxy" for m in models),
        "admin_registrations": len(admin_inside),
        "signal_receivers": len(receivers),
        "custom_signals": len(custom),
    }
    return {
        "tool": "django_truth",
        "versions": versions,
        "settings_module": settings_module,
        "manage_py_dir": project.relpath(os.path.realpath(import_root)) or ".",
        "root_urlconf": getattr(settings, "ROOT_URLCONF", ""),
        "auth_user_model": getattr(settings, "AUTH_USER_MODEL", ""),
        "installed_apps": list(settings.INSTALLED_APPS),
        "apps": project_apps,
        "counts": counts,
        "endpoints_by_kind": {
            "api": sum(e["kind"] == "api" for e in urls["endpoints"]),
            "page": sum(e["kind"] == "page" for e in urls["endpoints"]),
        },
        "routes": urls["routes"],
        "endpoints": urls["endpoints"],
        "external_routes": urls["external"],
        "excluded_routes": urls["excluded"],
        "models": models,
        "admin_registrations": admin_inside,
        "admin_registrations_external": admin_outside,
        "signal_receivers": receivers,
        "custom_signals": custom,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("project_root", help="the repository (or folder) to inspect")
    parser.add_argument("--settings", help="settings module; default: read from manage.py")
    parser.add_argument("--counts-only", action="store_true", help="print only the counts")
    parser.add_argument("--endpoints", action="store_true",
                        help="print one endpoint a line: METHOD<tab>route<tab>view")
    args = parser.parse_args(argv)
    sys.dont_write_bytecode = True  # never write __pycache__ into the inspected repository
    try:
        report = collect(args.project_root, args.settings)
    except UnusableProject as exc:
        print("django_truth: %s" % exc, file=sys.stderr)
        return 2
    if args.endpoints:
        for endpoint in report["endpoints"]:
            print("%s\t%s\t%s" % (endpoint["method"], endpoint["route"], endpoint["view"]))
        return 0
    payload = report["counts"] if args.counts_only else report
    json.dump(payload, sys.stdout, indent=2, sort_keys=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
