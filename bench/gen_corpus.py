#!/usr/bin/env python3
"""Generates a synthetic Django + DRF repository for djcost's benchmark.

Usage: bench/gen_corpus.py --scale N --out DIR [--seed S]

Writes DIR/repo (the repository: about 50,000 lines of Python per unit of
scale, 20 apps per unit), DIR/expected_counts.json (the counts djcost must
report, following docs' counting rules: the generator knows what it wrote) and
DIR/expected_endpoints.txt (METHOD<tab>route<tab>view, the format of
scripts/django_truth.py --endpoints, sorted).

The same --scale and --seed give byte-identical output. Python stdlib only.
The project imports under Django 3.2 + DRF 3.14, so the runtime oracle
(scripts/django_truth.py) can confirm the expected counts on a small scale.
"""
import argparse
import json
import os
import random
import shutil
import sys

APP_NAMES = [
    "billing", "inventory", "shipping", "catalog", "payments", "customers", "orders",
    "reviews", "support", "reports", "loyalty", "pricing", "warehouse", "suppliers",
    "invoices", "subscriptions", "campaigns", "newsletters", "bookings", "events",
    "tickets", "media_library", "notifications", "analytics", "audits", "contracts",
    "projects", "timesheets", "payroll", "recruiting", "courses", "enrollments",
    "forums", "wiki", "surveys", "coupons", "returns", "fleet", "maintenance", "compliance",
]
MODEL_NOUNS = [
    "Item", "Entry", "Batch", "Ticket", "Record", "Note", "Tag", "Attachment", "Schedule",
    "Rule", "Plan", "Line", "Account", "Request", "Approval", "Comment", "Snapshot",
    "Setting", "Period", "Category", "Document", "Member", "Location", "Vendor", "Quote",
]
WORDS = [
    "amount", "total", "status", "owner", "region", "channel", "priority", "score", "weight",
    "label", "code", "source", "target", "window", "limit", "offset", "budget", "rate",
    "quota", "balance", "margin", "volume", "period", "bucket", "cursor", "segment", "tier",
]
VERBS = [
    "compute", "collect", "merge", "normalize", "resolve", "build", "render", "apply",
    "validate", "export", "import", "summarize", "reconcile", "schedule", "dispatch", "sync",
    "refresh", "rank", "filter", "group", "split", "estimate", "allocate", "audit",
]
SERVICE_MODULES = ["pricing", "reporting", "sync", "export", "scheduling", "scoring",
                   "allocation", "reconciliation", "notifications", "forecasting"]

APPS_PER_SCALE = 20
LIST_ACTIONS = {"get", "post"}


def cap(name):
    return "".join(part.capitalize() for part in name.split("_"))


class Out:
    """Lines of one generated file."""

    def __init__(self):
        self.lines = []

    def __call__(self, text="", indent=0):
        for line in text.split("\n"):
            self.lines.append(("    " * indent + line) if line else "")

    def text(self):
        return "\n".join(self.lines).rstrip("\n") + "\n"


class Corpus:
    """Accumulates files and the facts the counting rules derive from them."""

    def __init__(self, root):
        self.root = root
        self.files = {}
        self.endpoints = []  # (method, route, view)
        self.models = {"concrete": 0, "abstract": 0, "proxy": 0}
        self.registrations = set()  # (site, app_label.Model)
        self.receivers = 0
        self.custom_signals = 0

    def write(self, path, out):
        assert path not in self.files, path
        self.files[path] = out.text() if isinstance(out, Out) else out

    def endpoint(self, route, methods, view):
        for m in methods:
            self.endpoints.append((m, route, view))

    def register(self, site, label):
        key = (site, label)
        assert key not in self.registrations, key
        self.registrations.add(key)


# --------------------------------------------------------------------------
# Plain Python: the bulk of a real codebase, with no Django facts.


def service_block(rng, out, used):
    """Appends one function or class of plain Python to `out`."""
    verb = rng.choice(VERBS)
    a, b, c = rng.sample(WORDS, 3)
    name = f"{verb}_{a}_{b}"
    while name in used:
        name += "_" + rng.choice(WORDS)
    used.add(name)
    kind = rng.randrange(6)
    n = rng.randint(2, 40)
    if kind == 0:
        out(f'''def {name}(records, *, threshold={n}):
    """{verb.capitalize()} the {a} of each record, grouped by {b}."""
    totals = {{}}
    skipped = 0
    for record in records:
        key = record.get("{b}")
        if key is None:
            skipped += 1
            continue
        value = record.get("{a}", 0) or 0
        if value < threshold:
            totals.setdefault(key, 0)
            continue
        totals[key] = totals.get(key, 0) + value
    if skipped:
        logger.debug("%d records without {b}", skipped)
    return dict(sorted(totals.items()))
''')
    elif kind == 1:
        cls = cap(name)
        out(f'''@dataclass
class {cls}:
    """A {a} window over {b} values, with a {c} limit."""

    {a}: Decimal = Decimal("0")
    {b}: int = 0
    {c}: Optional[int] = None
    history: List[Decimal] = field(default_factory=list)

    def add(self, value: Decimal) -> None:
        self.history.append(value)
        self.{a} += value
        self.{b} += 1
        if self.{c} is not None and len(self.history) > self.{c}:
            dropped = self.history.pop(0)
            self.{a} -= dropped
            self.{b} -= 1

    @property
    def mean(self) -> Decimal:
        if not self.{b}:
            return Decimal("0")
        return (self.{a} / self.{b}).quantize(Decimal("0.01"))

    def as_dict(self) -> Dict[str, object]:
        return {{"{a}": str(self.{a}), "{b}": self.{b}, "mean": str(self.mean)}}
''')
    elif kind == 2:
        out(f'''def {name}(text: str, default: str = "{c}") -> Tuple[str, List[str]]:
    """Split a "{a}:{b}" expression into its head and cleaned parts."""
    if not text:
        return default, []
    head, _, rest = text.partition(":")
    parts = []
    for piece in re.split(r"[,;]\\s*", rest):
        piece = piece.strip().lower()
        if not piece or piece.startswith("#"):
            continue
        if len(piece) > {n + 20}:
            piece = piece[:{n + 20}]
        parts.append(piece)
    return head.strip() or default, parts
''')
    elif kind == 3:
        cls = cap(name) + "Error"
        out(f'''class {cls}(Exception):
    """Raised when {verb} cannot finish for a {a}."""


def {name}(fetch, key, *, attempts={n % 5 + 2}, delay=0.{n % 9 + 1}):
    """Call fetch(key), retrying on {cls} with a growing delay."""
    last_error = None
    for attempt in range(1, attempts + 1):
        try:
            return fetch(key)
        except {cls} as error:
            last_error = error
            logger.warning("%s failed for %r (attempt %d of %d)", "{verb}", key, attempt, attempts)
            time.sleep(delay * attempt)
    raise {cls}(f"gave up on {{key!r}} after {{attempts}} attempts") from last_error
''')
    elif kind == 4:
        cls = cap(name)
        out(f'''class {cls}:
    """Keeps {a} per {b} and answers {c} queries."""

    def __init__(self, limit={n}):
        self.limit = limit
        self._items = {{}}
        self._order = []

    def put(self, key, value):
        if key not in self._items:
            self._order.append(key)
        self._items[key] = value
        while len(self._order) > self.limit:
            oldest = self._order.pop(0)
            self._items.pop(oldest, None)

    def get(self, key, default=None):
        return self._items.get(key, default)

    def top(self, count=3):
        ranked = sorted(self._items.items(), key=lambda kv: kv[1], reverse=True)
        return [key for key, _ in ranked[:count]]

    def __len__(self):
        return len(self._items)

    def __contains__(self, key):
        return key in self._items
''')
    else:
        out(f'''def {name}(rows, columns=("{a}", "{b}", "{c}")):
    """Render rows as CSV text, {a} first; missing cells stay empty."""
    lines = [",".join(columns)]
    for row in rows:
        cells = []
        for column in columns:
            value = row.get(column, "")
            if isinstance(value, float):
                value = f"{{value:.{n % 4 + 1}f}}"
            elif isinstance(value, (list, tuple)):
                value = "|".join(str(v) for v in value)
            cells.append(str(value).replace(",", " "))
        lines.append(",".join(cells))
    return "\\n".join(lines) + "\\n"
''')
    out("")


PLAIN_HEADER = '''"""{doc}"""
import logging
import re
import time
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Dict, List, Optional, Tuple

logger = logging.getLogger(__name__)
'''


def plain_module(rng, doc, blocks, prelude=""):
    out = Out()
    out(PLAIN_HEADER.format(doc=doc))
    if prelude:
        out(prelude)
    out(f"DEFAULT_LIMIT = {rng.randint(10, 500)}")
    out(f'VERSION_TAG = "{rng.choice(WORDS)}-{rng.randint(1, 9)}"')
    out("")
    out("")
    used = set()
    for _ in range(blocks):
        service_block(rng, out, used)
        out("")
    return out


# --------------------------------------------------------------------------
# One Django app.


class App:
    def __init__(self, rng, index, name, prev):
        self.index = index
        self.name = name
        self.cap = cap(name)
        self.prev = prev  # the previous App or None
        nouns = rng.sample(MODEL_NOUNS, rng.randint(3, 6))
        self.concrete = nouns  # class names of the concrete models (ordered)
        self.local_base = f"{self.cap}Base" if rng.random() < 0.5 else None
        self.child = f"Special{nouns[0]}" if rng.random() < 0.3 else None
        self.proxy = f"Archived{nouns[0]}" if rng.random() < 0.6 else None
        self.custom_signal = f"{name}_archived" if rng.random() < 0.6 else None
        self.router = "default" if index % 2 == 0 else "simple"
        self.report_urls = rng.random() < 0.4

    def label(self, model):
        return f"{self.name}.{model}"


FIELD_PALETTE = [
    'models.CharField(max_length={n})',
    'models.TextField(blank=True)',
    'models.IntegerField(default=0)',
    'models.DecimalField(max_digits=12, decimal_places=2, default=0)',
    'models.BooleanField(default=False)',
    'models.DateTimeField(null=True, blank=True)',
    'models.SlugField(max_length={n}, blank=True)',
    'models.JSONField(default=dict, blank=True)',
    'models.EmailField(blank=True)',
    'models.PositiveSmallIntegerField(default=1)',
]


RESERVED_FIELDS = {n.lower() for n in MODEL_NOUNS} | {"status", "reference", "name", "owner", "origin"}
FIELD_WORDS = [w for w in WORDS if w not in RESERVED_FIELDS]


def model_fields(rng, count):
    names = rng.sample(FIELD_WORDS, count)
    return [(f, rng.choice(FIELD_PALETTE).format(n=rng.choice([32, 64, 120, 255])))
            for f in names]


def gen_models(rng, corpus, app):
    out = Out()
    out(f'"""Models of the {app.name} app."""')
    out("import datetime")
    out("")
    out("from django.conf import settings")
    out("from django.db import models")
    out("from django.urls import reverse")
    out("from django.utils import timezone")
    out("")
    out("from core.models import SoftDeleteModel, TimeStampedModel")
    out("")
    out("")
    out(f"class {app.cap}Status(models.TextChoices):")
    out('DRAFT = "draft", "Draft"', 1)
    out('ACTIVE = "active", "Active"', 1)
    out('CLOSED = "closed", "Closed"', 1)
    out("")
    out("")
    fields_of = {}
    if app.local_base:
        out(f"class {app.local_base}(TimeStampedModel):")
        out(f'"""Fields every {app.name} record carries."""', 1)
        out("")
        out(f"status = models.CharField(max_length=16, choices={app.cap}Status.choices, default={app.cap}Status.DRAFT)", 1)
        out('reference = models.CharField(max_length=40, blank=True)', 1)
        out("")
        out("class Meta:", 1)
        out("abstract = True", 2)
        out("")
        out("def is_active(self):", 1)
        out(f"return self.status == {app.cap}Status.ACTIVE", 2)
        out("")
        out("")
        corpus.models["abstract"] += 1
    bases = ["models.Model", "TimeStampedModel", "SoftDeleteModel"]
    if app.local_base:
        bases.append(app.local_base)
    for i, model in enumerate(app.concrete):
        low = model.lower()
        # A manager or queryset for some models: classes that are not models.
        manager = None
        if rng.random() < 0.5:
            manager = f"{model}QuerySet"
            out(f"class {manager}(models.QuerySet):")
            out("def recent(self, days=30):", 1)
            out("since = timezone.now() - datetime.timedelta(days=days)", 2)
            out('return self.filter(pk__isnull=False).order_by("-pk")[:days * 10]', 2)
            out("")
            out("def named(self, prefix):", 1)
            out('return self.filter(name__istartswith=prefix)', 2)
            out("")
            out("")
        base = bases[(i + app.index) % len(bases)]
        out(f"class {model}({base}):")
        out(f'"""A {low} of the {app.name} app."""', 1)
        out("")
        out("name = models.CharField(max_length=120)", 1)
        fields = model_fields(rng, rng.randint(3, 8))
        for f, decl in fields:
            out(f"{f} = {decl}", 1)
        rel = f'related_name="{app.name}_{low}s"'
        if i == 0:
            out(f"owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, "
                f'related_name="{app.name}_{low}s_owned")', 1)
            if app.prev is not None:
                out(f'origin = models.ForeignKey("{app.prev.label(app.prev.concrete[0])}", '
                    f'on_delete=models.SET_NULL, null=True, blank=True, {rel})', 1)
        else:
            parent = app.concrete[i - 1]
            out(f"{parent.lower()} = models.ForeignKey({parent}, on_delete=models.CASCADE, {rel})", 1)
        if manager:
            out("", 1)
            out(f"objects = {manager}.as_manager()", 1)
        out("")
        out("class Meta:", 1)
        out('ordering = ["-id"]', 2)
        out(f'verbose_name = "{low}"', 2)
        out("")
        out("def __str__(self):", 1)
        out("return self.name", 2)
        out("")
        out("def get_absolute_url(self):", 1)
        out(f'return reverse("{app.name}:{low}-detail", args=[self.pk])', 2)
        if rng.random() < 0.6:
            out("")
            out("def save(self, *args, **kwargs):", 1)
            out("self.name = self.name.strip()", 2)
            out("super().save(*args, **kwargs)", 2)
        out("")
        out("")
        fields_of[model] = [f for f, _ in fields]
        corpus.models["concrete"] += 1
    if app.child:
        out(f"class {app.child}({app.concrete[0]}):")
        out('"""Multi-table child: its own table, joined to the parent."""', 1)
        out("notes = models.TextField(blank=True)", 1)
        out("")
        out("")
        corpus.models["concrete"] += 1
    if app.proxy:
        out(f"class {app.proxy}({app.concrete[0]}):")
        out("class Meta:", 1)
        out("proxy = True", 2)
        out(f'verbose_name = "archived {app.concrete[0].lower()}"', 2)
        out("")
        out("def restore(self):", 1)
        out("self.save()", 2)
        out("")
        out("")
        corpus.models["proxy"] += 1
    corpus.write(f"{app.name}/models.py", out)
    return fields_of


def gen_migrations(rng, corpus, app, fields_of):
    out = Out()
    out("from django.conf import settings")
    out("from django.db import migrations, models")
    out("import django.db.models.deletion")
    out("")
    out("")
    out("class Migration(migrations.Migration):")
    out("")
    out("initial = True", 1)
    out("")
    deps = ["migrations.swappable_dependency(settings.AUTH_USER_MODEL)"]
    if app.prev is not None:
        deps.append(f'("{app.prev.name}", "0001_initial")')
    out("dependencies = [", 1)
    for d in deps:
        out(f"{d},", 2)
    out("]", 1)
    out("")
    out("operations = [", 1)
    for model in app.concrete:
        out("migrations.CreateModel(", 2)
        out(f'name="{model}",', 3)
        out("fields=[", 3)
        out("('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),", 4)
        out("('name', models.CharField(max_length=120)),", 4)
        for f in fields_of[model]:
            out(f"('{f}', models.CharField(blank=True, max_length=64)),", 4)
        out("],", 3)
        out("options={", 3)
        out(f"'verbose_name': '{model.lower()}',", 4)
        out("'ordering': ['-id'],", 4)
        out("},", 3)
        out("),", 2)
    out("]", 1)
    corpus.write(f"{app.name}/migrations/0001_initial.py", out)
    for number in range(2, rng.randint(3, 5)):
        out = Out()
        out("from django.db import migrations, models")
        out("")
        out("")
        out("class Migration(migrations.Migration):")
        out("")
        out("dependencies = [", 1)
        out(f'("{app.name}", "{number - 1:04d}_{"initial" if number == 2 else "auto"}"),', 2)
        out("]", 1)
        out("")
        out("operations = [", 1)
        for model in app.concrete:
            for f in fields_of[model][:2]:
                out("migrations.AlterField(", 2)
                out(f"model_name='{model.lower()}',", 3)
                out(f"name='{f}',", 3)
                out("field=models.CharField(blank=True, max_length=120),", 3)
                out("),", 2)
        out("]", 1)
        corpus.write(f"{app.name}/migrations/{number:04d}_auto.py", out)
    corpus.write(f"{app.name}/migrations/__init__.py", "")


def gen_views(rng, corpus, app):
    """views.py plus the (route, methods, view) table its urls.py will mount."""
    out = Out()
    out(f'"""Pages of the {app.name} app."""')
    out("from django.contrib.auth.decorators import login_required")
    out("from django.contrib.auth.mixins import LoginRequiredMixin")
    out("from django.http import HttpResponse, JsonResponse")
    out("from django.shortcuts import get_object_or_404, redirect, render")
    out("from django.urls import reverse_lazy")
    out("from django.views import View")
    out("from django.views.decorators.http import require_GET, require_http_methods, require_POST")
    out("from django.views.generic import (CreateView, DeleteView, DetailView, FormView, ListView,")
    out("                                  TemplateView, UpdateView)")
    out("")
    out(f"from .forms import {app.cap}ContactForm")
    out(f"from .models import {', '.join(app.concrete)}")
    out("")
    out("")
    routes = []  # (route, methods, view name)
    v = f"{app.name}.views."
    out("def index(request):")
    out(f'"""Landing page of {app.name}."""', 1)
    out(f"latest = {app.concrete[0]}.objects.all()[:10]", 1)
    out(f'return render(request, "{app.name}/index.html", {{"latest": latest}})', 1)
    out("")
    out("")
    routes.append(("", ["ANY"], v + "index"))
    for i, model in enumerate(app.concrete):
        low = model.lower()
        mixin = "LoginRequiredMixin, " if i % 2 else ""
        out(f"class {model}ListView({mixin}ListView):")
        out(f"model = {model}", 1)
        out("paginate_by = 25", 1)
        out("")
        out("def get_queryset(self):", 1)
        out("qs = super().get_queryset()", 2)
        out('term = self.request.GET.get("q")', 2)
        out("if term:", 2)
        out("qs = qs.filter(name__icontains=term)", 3)
        out("return qs", 2)
        out("")
        out("")
        out(f"class {model}DetailView(DetailView):")
        out(f"model = {model}", 1)
        out("")
        out("")
        routes.append((f"{low}s/", ["GET"], f"{v}{model}ListView"))
        routes.append((f"{low}s/<int:pk>/", ["GET"], f"{v}{model}DetailView"))
        if i < 2:
            out(f"class {model}CreateView(LoginRequiredMixin, CreateView):")
            out(f"model = {model}", 1)
            out('fields = ["name"]', 1)
            out(f'success_url = reverse_lazy("{app.name}:{low}-list")', 1)
            out("")
            out("")
            out(f"class {model}UpdateView(LoginRequiredMixin, UpdateView):")
            out(f"model = {model}", 1)
            out('fields = ["name"]', 1)
            out("")
            out("")
            out(f"class {model}DeleteView(LoginRequiredMixin, DeleteView):")
            out(f"model = {model}", 1)
            out(f'success_url = reverse_lazy("{app.name}:{low}-list")', 1)
            out("")
            out("")
            routes.append((f"{low}s/new/", ["GET", "POST", "PUT"], f"{v}{model}CreateView"))
            routes.append((f"{low}s/<int:pk>/edit/", ["GET", "POST", "PUT"], f"{v}{model}UpdateView"))
            routes.append((f"{low}s/<int:pk>/delete/", ["GET", "POST", "DELETE"], f"{v}{model}DeleteView"))
    first = app.concrete[0]
    out("@login_required")
    out('@require_http_methods(["GET", "POST"])')
    out("def settings_page(request):")
    out('if request.method == "POST":', 1)
    out(f'request.session["{app.name}_prefs"] = dict(request.POST.items())', 2)
    out(f'return redirect("{app.name}:index")', 2)
    out(f'return render(request, "{app.name}/settings.html")', 1)
    out("")
    out("")
    routes.append(("preferences/", ["GET", "POST"], v + "settings_page"))
    out("@require_POST")
    out(f"def archive_{first.lower()}(request, pk):")
    out(f"obj = get_object_or_404({first}, pk=pk)", 1)
    out("obj.delete()", 1)
    out(f'return redirect("{app.name}:index")', 1)
    out("")
    out("")
    routes.append((f"{first.lower()}s/<int:pk>/archive/", ["POST"], f"{v}archive_{first.lower()}"))
    out("@require_GET")
    out("def status_json(request):")
    out(f'return JsonResponse({{"count": {first}.objects.count(), "app": "{app.name}"}})', 1)
    out("")
    out("")
    routes.append(("status.json", ["GET"], v + "status_json"))
    out(f"class {app.cap}ContactView(FormView):")
    out(f'template_name = "{app.name}/contact.html"', 1)
    out(f"form_class = {app.cap}ContactForm", 1)
    out(f'success_url = reverse_lazy("{app.name}:index")', 1)
    out("")
    out("")
    routes.append(("contact/", ["GET", "POST", "PUT"], f"{v}{app.cap}ContactView"))
    out(f"class {app.cap}ExportView(View):")
    out("def get(self, request):", 1)
    out(f'rows = "\\n".join(o.name for o in {first}.objects.all())', 2)
    out('return HttpResponse(rows, content_type="text/plain")', 2)
    out("")
    out("def post(self, request):", 1)
    out("return HttpResponse(status=202)", 2)
    out("")
    out("")
    routes.append(("export/", ["GET", "POST"], f"{v}{app.cap}ExportView"))
    out("def legacy_lookup(request, code):")
    out(f'return redirect("{app.name}:index")', 1)
    out("")
    out("")
    routes.append(("^legacy/(?P<code>[0-9]{4})/$", ["ANY"], v + "legacy_lookup"))
    # Defined, never routed: not an endpoint.
    out("def unused_preview(request):")
    out('return HttpResponse("preview")', 1)
    out("")
    out("")
    report_routes = []
    if app.report_urls:
        out(f"class {app.cap}ReportView(TemplateView):")
        out(f'template_name = "{app.name}/report.html"', 1)
        out("")
        out("")
        out("@require_GET")
        out("def report_csv(request):")
        out('return HttpResponse("a,b\\n", content_type="text/csv")', 1)
        out("")
        out("")
        report_routes.append(("", ["GET"], f"{v}{app.cap}ReportView"))
        report_routes.append(("csv/", ["GET"], v + "report_csv"))
    corpus.write(f"{app.name}/views.py", out)
    return routes, report_routes


VIEWSET_KINDS = {
    "model": ("viewsets.ModelViewSet", ["GET", "POST"], ["GET", "PUT", "PATCH", "DELETE"]),
    "readonly": ("viewsets.ReadOnlyModelViewSet", ["GET"], ["GET"]),
    "mixins": ("mixins.CreateModelMixin, mixins.RetrieveModelMixin, mixins.UpdateModelMixin, "
               "viewsets.GenericViewSet", ["POST"], ["GET", "PUT", "PATCH"]),
}


def gen_api(rng, corpus, app):
    """api.py and serializers.py; returns router registrations and plain API routes."""
    ser = Out()
    ser(f'"""Serializers of the {app.name} app."""')
    ser("from rest_framework import serializers")
    ser("")
    ser(f"from .models import {', '.join(app.concrete)}")
    ser("")
    ser("")
    for model in app.concrete:
        ser(f"class {model}Serializer(serializers.ModelSerializer):")
        ser("display = serializers.SerializerMethodField()", 1)
        ser("")
        ser("class Meta:", 1)
        ser(f"model = {model}", 2)
        ser('fields = ["id", "name", "display"]', 2)
        ser('read_only_fields = ["id"]', 2)
        ser("")
        ser("def get_display(self, obj):", 1)
        ser('return f"{obj.pk}: {obj.name}"', 2)
        ser("")
        ser("def validate_name(self, value):", 1)
        ser("if len(value.strip()) < 2:", 2)
        ser('raise serializers.ValidationError("too short")', 3)
        ser("return value.strip()", 2)
        ser("")
        ser("")
    corpus.write(f"{app.name}/serializers.py", ser)

    out = Out()
    out(f'"""HTTP API of the {app.name} app."""')
    out("from rest_framework import generics, mixins, status, viewsets")
    out("from rest_framework.decorators import action, api_view")
    out("from rest_framework.response import Response")
    out("from rest_framework.views import APIView")
    out("")
    out(f"from .models import {', '.join(app.concrete)}")
    out(f"from .serializers import {', '.join(m + 'Serializer' for m in app.concrete)}")
    out("")
    out("")
    registrations = []  # (prefix, view, list methods, detail methods, [(detail, url, methods)])
    kinds = ["model", "readonly", "mixins"]
    n_viewsets = min(len(app.concrete), rng.randint(2, 3))
    for i, model in enumerate(app.concrete[:n_viewsets]):
        kind = kinds[(i + app.index) % 3]
        base, list_methods, detail_methods = VIEWSET_KINDS[kind]
        view = f"{model}ViewSet"
        out(f"class {view}({base}):")
        out(f"queryset = {model}.objects.all()", 1)
        out(f"serializer_class = {model}Serializer", 1)
        actions = []
        if kind == "model":
            out("")
            out('@action(detail=True, methods=["post"])', 1)
            out("def publish(self, request, pk=None):", 1)
            out("obj = self.get_object()", 2)
            out("obj.save()", 2)
            out('return Response({"published": obj.pk})', 2)
            actions.append((True, "publish", ["POST"]))
            out("")
            out('@action(detail=False, url_path="recent-items")', 1)
            out("def recent(self, request):", 1)
            out("page = self.get_queryset()[:20]", 2)
            out("return Response(self.get_serializer(page, many=True).data)", 2)
            actions.append((False, "recent-items", ["GET"]))
        elif kind == "readonly" and rng.random() < 0.5:
            out("")
            out('@action(detail=False, methods=["get", "post"])', 1)
            out("def search(self, request):", 1)
            out('term = request.data.get("q") or request.query_params.get("q", "")', 2)
            out("hits = self.get_queryset().filter(name__icontains=term)", 2)
            out("return Response(self.get_serializer(hits, many=True).data)", 2)
            actions.append((False, "search", ["GET", "POST"]))
        out("")
        out("")
        registrations.append((f"{model.lower()}s", f"{app.name}.api.{view}", list_methods,
                              detail_methods, actions))
    first = app.concrete[0]
    plain = []  # (route, methods, view)
    out(f"class {app.cap}StatsView(APIView):")
    out("def get(self, request):", 1)
    out(f'return Response({{"count": {first}.objects.count()}})', 2)
    out("")
    out("def post(self, request):", 1)
    out("return Response(status=status.HTTP_202_ACCEPTED)", 2)
    out("")
    out("")
    plain.append(("stats/", ["GET", "POST"], f"{app.name}.api.{app.cap}StatsView"))
    last = app.concrete[-1]
    out(f"class {last}ListCreate(generics.ListCreateAPIView):")
    out(f"queryset = {last}.objects.all()", 1)
    out(f"serializer_class = {last}Serializer", 1)
    out("")
    out("")
    plain.append((f"{last.lower()}-feed/", ["GET", "POST"], f"{app.name}.api.{last}ListCreate"))
    if len(app.concrete) > 3:
        m = app.concrete[3]
        out(f"class {m}Detail(generics.RetrieveUpdateDestroyAPIView):")
        out(f"queryset = {m}.objects.all()", 1)
        out(f"serializer_class = {m}Serializer", 1)
        out("")
        out("")
        plain.append((f"{m.lower()}-feed/<int:pk>/", ["GET", "PUT", "PATCH", "DELETE"],
                      f"{app.name}.api.{m}Detail"))
    out('@api_view(["GET", "POST"])')
    out("def echo(request):")
    out('return Response({"echo": request.data or dict(request.query_params)})', 1)
    out("")
    out("")
    plain.append(("echo/", ["GET", "POST"], f"{app.name}.api.echo"))
    out('@api_view(["GET"])')
    out("def ping(request):")
    out('return Response({"ok": True})', 1)
    plain.append(("ping/", ["GET"], f"{app.name}.api.ping"))
    corpus.write(f"{app.name}/api.py", out)
    return registrations, plain


def gen_urls(rng, corpus, app, routes, report_routes, registrations, plain):
    out = Out()
    out("from django.urls import include, path, re_path")
    out("from rest_framework.routers import DefaultRouter, SimpleRouter")
    out("")
    out("from . import api, views")
    out("")
    out(f'app_name = "{app.name}"')
    out("")
    out(f"router = {'DefaultRouter' if app.router == 'default' else 'SimpleRouter'}()")
    router_prefix = "api/" if app.router == "default" else ""
    reg_prefix = "" if app.router == "default" else "api/"
    for prefix, view, _, _, _ in registrations:
        out(f'router.register(r"{reg_prefix}{prefix}", api.{view.rsplit(".", 1)[1]}, '
            f'basename="{app.name}-{prefix}")')
    out("")
    out("urlpatterns = [")
    base = f"{app.name}/"
    for route, methods, view in routes:
        short = view.rsplit(".", 1)[1]
        target = f"views.{short}.as_view()" if short[0].isupper() else f"views.{short}"
        name = short.lower().replace("_", "-")
        if route.startswith("^"):
            out(f're_path(r"{route}", {target}, name="{name}"),', 1)
        else:
            out(f'path("{route}", {target}, name="{name}"),', 1)
        corpus.endpoint(base + route, methods, view)
    if app.report_urls:
        out(f'path("reports/", include("{app.name}.report_urls")),', 1)
    for route, methods, view in plain:
        short = view.rsplit(".", 1)[1]
        target = f"api.{short}.as_view()" if short[0].isupper() else f"api.{short}"
        out(f'path("api/{route}", {target}),', 1)
        corpus.endpoint(base + "api/" + route, methods, view)
    if app.router == "default":
        out('path("api/", include(router.urls)),', 1)
    out("]")
    if app.router == "simple":
        out("")
        out("urlpatterns += router.urls")
    # Router routes: list, detail, and one per @action (DRF's regexes).
    for prefix, view, list_methods, detail_methods, actions in registrations:
        p = f"{base}{router_prefix}^{reg_prefix}{prefix}"
        corpus.endpoint(f"{p}/$", list_methods, view)
        corpus.endpoint(f"{p}/(?P<pk>[^/.]+)/$", detail_methods, view)
        for detail, url, methods in actions:
            mid = "/(?P<pk>[^/.]+)" if detail else ""
            corpus.endpoint(f"{p}{mid}/{url}/$", methods, view)
    corpus.write(f"{app.name}/urls.py", out)
    if app.report_urls:
        out = Out()
        out("from django.urls import path")
        out("")
        out("from . import views")
        out("")
        out("urlpatterns = [")
        for route, methods, view in report_routes:
            short = view.rsplit(".", 1)[1]
            target = f"views.{short}.as_view()" if short[0].isupper() else f"views.{short}"
            out(f'path("{route}", {target}),', 1)
            corpus.endpoint(base + "reports/" + route, methods, view)
        out("]")
        corpus.write(f"{app.name}/report_urls.py", out)


def gen_admin(rng, corpus, app, backoffice):
    out = Out()
    out("from django.contrib import admin")
    out("")
    out("from core.sites import backoffice")
    out("")
    out(f"from .forms import {app.concrete[0]}AdminForm")
    names = list(app.concrete) + [m for m in (app.child, app.proxy) if m]
    out(f"from .models import {', '.join(names)}")
    out("")
    out("")
    c = app.concrete
    out(f"class {c[1]}Inline(admin.TabularInline):")
    out(f"model = {c[1]}", 1)
    out("extra = 0", 1)
    out("")
    out("")
    out(f"@admin.register({c[0]})")
    out(f"class {c[0]}Admin(admin.ModelAdmin):")
    out(f"form = {c[0]}AdminForm", 1)
    out('list_display = ["name", "short_name"]', 1)
    out('search_fields = ["name"]', 1)
    out(f"inlines = [{c[1]}Inline]", 1)
    out('actions = ["mark_reviewed"]', 1)
    out("")
    out('@admin.display(description="Short name")', 1)
    out("def short_name(self, obj):", 1)
    out("return obj.name[:12]", 2)
    out("")
    out('@admin.action(description="Mark as reviewed")', 1)
    out("def mark_reviewed(self, request, queryset):", 1)
    out("queryset.update(name=queryset.first().name if queryset else \"\")", 2)
    out("")
    out("")
    corpus.register("admin", app.label(c[0]))
    out(f"class {c[1]}Admin(admin.ModelAdmin):")
    out('list_display = ["name"]', 1)
    out('list_filter = ["id"]', 1)
    out("")
    out("")
    out(f"admin.site.register({c[1]}, {c[1]}Admin)")
    corpus.register("admin", app.label(c[1]))
    if len(c) >= 4:
        out(f"admin.site.register([{c[2]}, {c[3]}])")
        corpus.register("admin", app.label(c[2]))
        corpus.register("admin", app.label(c[3]))
    else:
        out("")
        out("")
        out(f"@admin.register({c[2]})")
        out(f"class {c[2]}Admin(admin.ModelAdmin):")
        out("pass", 1)
        corpus.register("admin", app.label(c[2]))
    if app.proxy:
        out("")
        out("")
        out(f"@admin.register({app.proxy})")
        out(f"class {app.proxy}Admin(admin.ModelAdmin):")
        out('list_display = ["name"]', 1)
        out("")
        out("def get_queryset(self, request):", 1)
        out("return super().get_queryset(request).order_by(\"id\")", 2)
        corpus.register("admin", app.label(app.proxy))
    if app.index % 3 == 0:
        out("")
        out("")
        out(f"backoffice.register({c[0]}, {c[0]}Admin)")
        corpus.register("backoffice", app.label(c[0]))
        out("")
        out("")
        out(f"@admin.register({c[-1]}, site=backoffice)")
        out(f"class {c[-1]}BackofficeAdmin(admin.ModelAdmin):")
        out('readonly_fields = ["name"]', 1)
        corpus.register("backoffice", app.label(c[-1]))
    corpus.write(f"{app.name}/admin.py", out)


def gen_signals(rng, corpus, app, apps_with_signal):
    c = app.concrete
    out = Out()
    out(f'"""Signal receivers (and the custom signals) of the {app.name} app."""')
    out("import logging")
    out("")
    out("from django.db.models.signals import post_delete, post_save, pre_delete, pre_save")
    out("from django.dispatch import Signal, receiver")
    out("")
    out(f"from .models import {', '.join(c)}")
    other = None
    if app.prev is not None and app.prev.custom_signal and rng.random() < 0.5:
        other = app.prev
        out(f"from {other.name}.signals import {other.custom_signal}")
    out("")
    out("logger = logging.getLogger(__name__)")
    out("")
    if app.custom_signal:
        out(f"{app.custom_signal} = Signal()")
        corpus.custom_signals += 1
        out("")
    out("")
    out(f"@receiver(post_save, sender={c[0]})")
    out(f"def on_{c[0].lower()}_saved(sender, instance, created, **kwargs):")
    out("if created:", 1)
    out(f'logger.info("new {c[0].lower()} %s", instance.pk)', 2)
    corpus.receivers += 1
    if rng.random() < 0.5:
        out("")
        out("")
        out(f"@receiver([pre_save, pre_delete], sender={c[1]})")
        out(f"def on_{c[1].lower()}_changing(sender, instance, **kwargs):")
        out('logger.debug("%s changing", instance)', 1)
        corpus.receivers += 2
    if app.custom_signal:
        out("")
        out("")
        out(f"@receiver({app.custom_signal})")
        out(f"def on_{app.custom_signal}(sender, **kwargs):")
        out('logger.info("archived: %s", kwargs.get("instance"))', 1)
        corpus.receivers += 1
    if other:
        out("")
        out("")
        out(f"@receiver({other.custom_signal})")
        out(f"def follow_{other.custom_signal}(sender, **kwargs):")
        out('logger.info("upstream archive in %s", sender)', 1)
        corpus.receivers += 1
    out("")
    out("")
    out(f"def forget_{c[-1].lower()}(sender, instance, **kwargs):")
    out('logger.info("deleted %s", instance.pk)', 1)
    out("")
    out("")
    out(f"def on_{c[0].lower()}_deleted(sender, instance, **kwargs):")
    out('logger.info("deleted %s", instance.pk)', 1)
    module_connect = rng.random() < 0.4
    if module_connect:
        out("")
        out("")
        out(f"post_delete.connect(forget_{c[-1].lower()}, sender={c[-1]})")
        corpus.receivers += 1
    corpus.write(f"{app.name}/signals.py", out)

    out = Out()
    out("from django.apps import AppConfig")
    out("from django.db.models.signals import post_delete")
    out("")
    out("")
    out(f"class {app.cap}Config(AppConfig):")
    out('default_auto_field = "django.db.models.BigAutoField"', 1)
    out(f'name = "{app.name}"', 1)
    out("")
    out("def ready(self):", 1)
    out("from . import signals", 2)
    if rng.random() < 0.5:
        out(f"from .models import {c[0]}", 2)
        out("")
        out(f"post_delete.connect(signals.on_{c[0].lower()}_deleted, sender={c[0]},", 2)
        out(f'                    dispatch_uid="{app.name}.on_{c[0].lower()}_deleted")', 2)
        corpus.receivers += 1
    corpus.write(f"{app.name}/apps.py", out)


def gen_forms(rng, corpus, app):
    out = Out()
    out("from django import forms")
    out("")
    out(f"from .models import {', '.join(app.concrete)}")
    out("")
    out("")
    out(f"class {app.cap}ContactForm(forms.Form):")
    out("email = forms.EmailField()", 1)
    out("message = forms.CharField(widget=forms.Textarea, max_length=2000)", 1)
    out("")
    out("def clean_message(self):", 1)
    out('text = self.cleaned_data["message"].strip()', 2)
    out("if len(text) < 10:", 2)
    out('raise forms.ValidationError("Please write a little more.")', 3)
    out("return text", 2)
    out("")
    out("")
    out(f"class {app.concrete[0]}AdminForm(forms.ModelForm):")
    out("class Meta:", 1)
    out(f"model = {app.concrete[0]}", 2)
    out('fields = "__all__"', 2)
    for model in app.concrete:
        out("")
        out("")
        out(f"class {model}Form(forms.ModelForm):")
        out("class Meta:", 1)
        out(f"model = {model}", 2)
        out('fields = ["name"]', 2)
        out("")
        out("def clean_name(self):", 1)
        out('return self.cleaned_data["name"].strip()', 2)
    corpus.write(f"{app.name}/forms.py", out)


def gen_tests(rng, corpus, app):
    corpus.write(f"{app.name}/tests/__init__.py", "")
    c = app.concrete
    for module in ("test_models", "test_views", "test_api", "test_services"):
        out = Out()
        out("from unittest import mock")
        out("")
        out("from django.contrib.auth import get_user_model")
        out("from django.db.models.signals import post_save")
        out("from django.test import TestCase")
        out("from django.urls import reverse")
        out("")
        out(f"from {app.name}.models import {c[0]}")
        out("")
        out("")
        out(f"class {cap(module)}Tests(TestCase):")
        out("def setUp(self):", 1)
        out('self.user = get_user_model().objects.create_user("tester")', 2)
        out(f'self.obj = {c[0]}.objects.create(name="first", owner=self.user)', 2)
        for i in range(rng.randint(10, 20)):
            w = rng.choice(WORDS)
            out("")
            out(f"def test_{w}_{i}(self):", 1)
            kind = i % 4
            if kind == 0:
                out(f'response = self.client.get(reverse("{app.name}:index"))', 2)
                out("self.assertEqual(response.status_code, 200)", 2)
                out(f'self.assertContains(response, "{w}", status_code=200)', 2)
            elif kind == 1:
                out(f'self.obj.name = "  {w} "', 2)
                out("self.obj.save()", 2)
                out("self.obj.refresh_from_db()", 2)
                out(f'self.assertEqual(self.obj.name, "{w}")', 2)
            elif kind == 2 and module == "test_models":
                # A receiver connected only inside a test: runtime never sees it.
                out("handler = mock.Mock()", 2)
                out(f"post_save.connect(handler, sender={c[0]})", 2)
                out(f"self.addCleanup(post_save.disconnect, handler, sender={c[0]})", 2)
                out(f'{c[0]}.objects.create(name="{w}", owner=self.user)', 2)
                out("self.assertEqual(handler.call_count, 1)", 2)
            else:
                out(f"values = [{', '.join(str(rng.randint(1, 99)) for _ in range(5))}]", 2)
                out("self.assertEqual(sorted(values), sorted(values, reverse=True)[::-1])", 2)
                out(f"self.assertTrue({c[0]}.objects.filter(pk=self.obj.pk).exists())", 2)
        corpus.write(f"{app.name}/tests/{module}.py", out)


def gen_services(rng, corpus, app):
    corpus.write(f"{app.name}/services/__init__.py", "")
    modules = rng.sample(SERVICE_MODULES, rng.randint(3, 5))
    for k, module in enumerate(sorted(modules)):
        prelude = ""
        if k == 0 and app.custom_signal:
            prelude = (f"from {app.name}.signals import {app.custom_signal}\n\n\n"
                       f"def archive(instance):\n"
                       f"    \"\"\"Archive an instance and tell the receivers.\"\"\"\n"
                       f"    instance.save()\n"
                       f"    {app.custom_signal}.send(sender=type(instance), instance=instance)\n")
        out = plain_module(rng, f"{module.capitalize()} for the {app.name} app.",
                           rng.randint(9, 15), prelude)
        corpus.write(f"{app.name}/services/{module}.py", out)
    corpus.write(f"{app.name}/utils.py",
                 plain_module(rng, f"Helpers of the {app.name} app.", rng.randint(4, 8)))
    corpus.write(f"{app.name}/__init__.py", "")


# --------------------------------------------------------------------------
# The project: settings, root URLconf, the core app.


def gen_project(rng, corpus, apps):
    corpus.write("manage.py", '''#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
''')
    corpus.write("config/__init__.py", "")
    corpus.write("config/settings/__init__.py", "")
    out = Out()
    out('"""Settings shared by every environment."""')
    out("from pathlib import Path")
    out("")
    out("BASE_DIR = Path(__file__).resolve().parent.parent.parent")
    out('SECRET_KEY = "synthetic-corpus-not-a-secret"')
    out("DEBUG = False")
    out("ALLOWED_HOSTS = []")
    out("")
    out("DJANGO_APPS = [")
    for a in ("admin", "auth", "contenttypes", "sessions", "messages", "staticfiles"):
        out(f'"django.contrib.{a}",', 1)
    out("]")
    out('THIRD_PARTY_APPS = ["rest_framework"]')
    out("LOCAL_APPS = [")
    for app in apps:
        entry = f"{app.name}.apps.{app.cap}Config" if app.index % 4 == 1 else app.name
        out(f'"{entry}",', 1)
    out("# Last: its admin module unregisters what the others registered.", 1)
    out('"core",', 1)
    out("]")
    out("INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS")
    out("")
    out('''MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
STATIC_URL = "/static/"
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
REST_FRAMEWORK = {"DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
                  "PAGE_SIZE": 50}''')
    corpus.write("config/settings/base.py", out)
    corpus.write("config/settings/dev.py",
                 'from .base import *  # noqa: F401,F403\n\nDEBUG = True\nALLOWED_HOSTS = ["*"]\n')
    corpus.write("config/settings/prod.py",
                 'import os\n\nfrom .base import *  # noqa: F401,F403\n\n'
                 'SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")\nDEBUG = False\n')
    corpus.write("config/wsgi.py", 'import os\n\nfrom django.core.wsgi import get_wsgi_application\n\n'
                 'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")\n'
                 "application = get_wsgi_application()\n")
    out = Out()
    out('"""Root URLconf: every app under its own prefix."""')
    out("from django.conf import settings")
    out("from django.contrib import admin")
    out("from django.urls import include, path")
    out("")
    out("from core import views as core_views")
    out("from core.sites import backoffice")
    out("")
    out("urlpatterns = [")
    out('path("", core_views.HomeView.as_view(), name="home"),', 1)
    out('path("health/", core_views.health, name="health"),', 1)
    out('path("admin/", admin.site.urls),', 1)
    out('path("backoffice/", backoffice.urls),', 1)
    out('path("accounts/", include("django.contrib.auth.urls")),', 1)
    corpus.endpoint("", ["GET"], "core.views.HomeView")
    corpus.endpoint("health/", ["ANY"], "core.views.health")
    for app in apps:
        out(f'path("{app.name}/", include("{app.name}.urls")),', 1)
    out("]")
    out("")
    out("if settings.DEBUG:")
    out("urlpatterns += [", 1)
    out('path("__debug__/styleguide/", core_views.StyleGuideView.as_view()),', 2)
    out("]", 1)
    corpus.endpoint("__debug__/styleguide/", ["GET"], "core.views.StyleGuideView")
    corpus.write("config/urls.py", out)

    corpus.write("core/__init__.py", "")
    corpus.write("core/apps.py", 'from django.apps import AppConfig\n\n\nclass CoreConfig(AppConfig):\n'
                 '    default_auto_field = "django.db.models.BigAutoField"\n    name = "core"\n')
    corpus.write("core/models/__init__.py", "from .base import SoftDeleteModel, TimeStampedModel\n")
    corpus.write("core/models/base.py", '''"""Abstract bases shared by every app."""
from django.db import models
from django.utils import timezone


class SoftDeleteQuerySet(models.QuerySet):
    def alive(self):
        return self.filter(deleted_at__isnull=True)


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class SoftDeleteModel(TimeStampedModel):
    deleted_at = models.DateTimeField(null=True, blank=True)

    objects = SoftDeleteQuerySet.as_manager()

    class Meta:
        abstract = True

    def soft_delete(self):
        self.deleted_at = timezone.now()
        self.save(update_fields=["deleted_at"])
''')
    corpus.models["abstract"] += 2
    corpus.write("core/sites.py", '''from django.contrib.admin import AdminSite


class BackofficeSite(AdminSite):
    site_header = "Back office"


backoffice = BackofficeSite(name="backoffice")
''')
    first = apps[0]
    corpus.write("core/admin.py", f'''from django.contrib import admin
from django.contrib.auth.models import Group

from {first.name}.models import {first.concrete[1]}

admin.site.unregister(Group)
admin.site.unregister({first.concrete[1]})
''')
    corpus.write("core/views.py", '''from django.http import JsonResponse
from django.views.generic import TemplateView


class HomeView(TemplateView):
    template_name = "home.html"


class StyleGuideView(TemplateView):
    template_name = "styleguide.html"


def health(request):
    return JsonResponse({"ok": True})
''')
    corpus.write("core/migrations/__init__.py", "")


def generate(scale, seed, out_dir):
    rng = random.Random(seed)
    n_apps = max(2, round(APPS_PER_SCALE * scale))
    names = [APP_NAMES[i % len(APP_NAMES)] + ("" if i < len(APP_NAMES) else f"_{i // len(APP_NAMES) + 1}")
             for i in range(n_apps)]
    apps = []
    for i, name in enumerate(names):
        apps.append(App(rng, i, name, apps[-1] if apps else None))
    corpus = Corpus(os.path.join(out_dir, "repo"))
    gen_project(rng, corpus, apps)
    for app in apps:
        fields_of = gen_models(rng, corpus, app)
        gen_migrations(rng, corpus, app, fields_of)
        routes, report_routes = gen_views(rng, corpus, app)
        registrations, plain = gen_api(rng, corpus, app)
        gen_urls(rng, corpus, app, routes, report_routes, registrations, plain)
        gen_admin(rng, corpus, app, None)
        gen_signals(rng, corpus, app, None)
        gen_forms(rng, corpus, app)
        gen_tests(rng, corpus, app)
        gen_services(rng, corpus, app)
    # core/admin.py (last in INSTALLED_APPS) unregisters one of the first app's models.
    corpus.registrations.remove(("admin", apps[0].label(apps[0].concrete[1])))

    if os.path.exists(corpus.root):
        shutil.rmtree(corpus.root)
    lines = 0
    size = 0
    for path in sorted(corpus.files):
        full = os.path.join(corpus.root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        data = corpus.files[path].encode("utf-8")
        with open(full, "wb") as f:
            f.write(data)
        lines += data.count(b"\n")
        size += len(data)
    endpoints = sorted(set(corpus.endpoints))
    assert len(endpoints) == len(corpus.endpoints), "duplicate endpoint"
    # One view per route text: the oracle counts URL patterns, djcost route texts.
    view_of = {}
    for _, route, view in endpoints:
        assert view_of.setdefault(route, view) == view, f"two views on {route}"
    counts = {
        "endpoints": len(endpoints),
        "routes": len({route for _, route, _ in endpoints}),
        "models_concrete": corpus.models["concrete"],
        "models_abstract": corpus.models["abstract"],
        "models_proxy": corpus.models["proxy"],
        "admin_registrations": len(corpus.registrations),
        "signal_receivers": corpus.receivers,
        "custom_signals": corpus.custom_signals,
        "apps": len(apps) + 1,
    }
    with open(os.path.join(out_dir, "expected_counts.json"), "w") as f:
        json.dump(counts, f, indent=2)
        f.write("\n")
    with open(os.path.join(out_dir, "expected_endpoints.txt"), "w") as f:
        for method, route, view in sorted(endpoints, key=lambda e: (e[1], e[0])):
            f.write(f"{method}\t{route}\t{view}\n")
    with open(os.path.join(out_dir, "corpus.json"), "w") as f:
        json.dump({"scale": scale, "seed": seed, "apps": len(apps), "files": len(corpus.files),
                   "lines": lines, "bytes": size}, f, indent=2)
        f.write("\n")
    return len(corpus.files), lines, size, counts


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0,
                        help="1 is about 50k lines of Python (20 apps); may be fractional")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True, help="output folder (DIR/repo is replaced)")
    args = parser.parse_args(argv)
    if args.scale <= 0:
        parser.error("--scale must be positive")
    os.makedirs(args.out, exist_ok=True)
    files, lines, size, counts = generate(args.scale, args.seed, args.out)
    print(f"gen_corpus: scale {args.scale:g}, seed {args.seed}: {files} files, {lines} lines, "
          f"{size / 1e6:.1f} MB -> {os.path.join(args.out, 'repo')}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
