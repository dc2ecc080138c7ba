"""Consistency check for the knowledge tables in rules/knowledge/*.json.

Always checks: every file parses; qualnames and aliases are unique across all files;
every base named in `bases` is itself a known class.

When Django and DRF are importable (any Python that has them), it also checks the
tables against the runtime: for every known class that is a Django View, the HTTP
handlers collected by walking `bases` in the tables equal the handlers View.dispatch
would find (DRF viewsets: the actions instead); every builtin signal that can be
imported is a django.dispatch.Signal.

Usage: python3 rules/knowledge/tools/check_tables.py   (exit status 1 on a problem)
"""
import glob
import importlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TABLES = os.path.dirname(HERE)
HTTP = ["get", "post", "put", "patch", "delete", "trace"]
ACTIONS = ["list", "create", "retrieve", "update", "partial_update", "destroy"]


def load():
    classes, functions, signals, names, problems = {}, {}, [], {}, []
    for path in sorted(glob.glob(os.path.join(TABLES, "*.json"))):
        name = os.path.basename(path)
        with open(path) as f:
            data = json.load(f)
        for kind, table in (("classes", classes), ("functions", functions)):
            for e in data.get(kind, []):
                for n in [e["qualname"]] + e.get("aliases", []):
                    if n in names:
                        problems.append("%s: %s already named in %s" % (name, n, names[n]))
                    names[n] = name
                table[e["qualname"]] = e
        signals += data.get("builtin_signals", [])
    if len(signals) != len(set(signals)):
        problems.append("a builtin signal is listed twice")
    for q, e in classes.items():
        for b in e.get("bases", []):
            if b not in classes:
                problems.append("%s: base %s is not a known class" % (q, b))
    return classes, functions, signals, problems


def walk(classes, q):
    e = classes[q]
    methods = set(e.get("methods", []))
    for b in e.get("bases", []):
        methods |= walk(classes, b)
    return methods


def resolve(path):
    mod, _, attr = path.rpartition(".")
    return getattr(importlib.import_module(mod), attr)


def runtime_checks(classes, signals, problems):
    try:
        import django
        from django.conf import settings
    except ImportError:
        print("django not importable: runtime comparison skipped")
        return
    apps = ["django.contrib.auth", "django.contrib.contenttypes", "django.contrib.sessions",
            "django.contrib.sites", "django.contrib.admin", "django.contrib.messages"]
    for optional in ["rest_framework", "rest_framework.authtoken", "allauth", "allauth.account",
                     "formtools"]:
        try:
            importlib.import_module(optional)
            apps.append(optional)
        except ImportError:
            pass
    settings.configure(SECRET_KEY="check", SITE_ID=1, INSTALLED_APPS=apps,
                       DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}})
    django.setup()
    from django.dispatch import Signal
    from django.views.generic import View
    try:
        from rest_framework.viewsets import ViewSetMixin
    except ImportError:
        ViewSetMixin = ()
    checked = 0
    for q in classes:
        try:
            cls = resolve(q)
        except Exception:
            continue  # package not installed, or an app not in INSTALLED_APPS
        if not (isinstance(cls, type) and issubclass(cls, View)):
            continue
        checked += 1
        got = walk(classes, q)
        if ViewSetMixin and issubclass(cls, ViewSetMixin):
            want = [a for a in ACTIONS if hasattr(cls, a)]
            have = [a for a in ACTIONS if a in got]
        else:
            want = [m for m in HTTP if m in cls.http_method_names and hasattr(cls, m)]
            have = [m for m in HTTP if m in got]
        if want != have:
            problems.append("%s: runtime serves %s, tables give %s" % (q, want, have))
    for s in signals:
        try:
            obj = resolve(s)
        except Exception:
            continue
        if not isinstance(obj, Signal):
            problems.append("%s is not a Signal" % s)
    print("django %s: %d view classes compared with the runtime" % (django.get_version(), checked))


def main():
    classes, functions, signals, problems = load()
    runtime_checks(classes, signals, problems)
    print("%d classes, %d functions, %d builtin signals" % (len(classes), len(functions), len(signals)))
    for p in problems:
        print("problem:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
