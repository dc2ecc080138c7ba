#!/usr/bin/env python3
"""Builds the fuzzers' seed corpora from the checked-in fixtures and rules.

Usage: fuzz/make_corpus.py OUT_DIR
Writes OUT_DIR/extract/ (every fixtures/**/*.py, prefixed with the byte that
makes fuzz_extract give it a path of the same kind) and OUT_DIR/config/ (the
rules/ JSON files as --rules JSON overrides, and TOML samples as --rules TOML
and as pyproject.toml). Deterministic: file names are content hashes.
"""
import hashlib
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Must follow kPaths in fuzz_extract.cc: the index of the path whose name ends the same.
EXTRACT_KINDS = ["models.py", "views.py", "urls.py", "settings.py", "admin.py", "signals.py",
                 "tests.py", "/migrations/", "apps.py", "__init__.py", "manage.py"]
OTHER_KIND = 11

# fuzz_config.cc: first byte % 3 picks the reader.
CONFIG_JSON, CONFIG_TOML, CONFIG_PYPROJECT = 0, 1, 2

TOML_SAMPLES = [
    'team = 4\nweekly_cost = 9000\ncurrency = "EUR"\nhot = ["api/orders/**"]\n'
    'exclude = ["legacy/**"]\nmax_file_size = 1000000\nfail_above_weeks = 12\n'
    '[rates.split-per-endpoint]\nlow = 0.04\nlikely = 0.05\nhigh = 0.1\n'
    'rationale = "our measured pace"\n',
    '[rates.model-rewrite-per-model]\nlikely = 0.3\n',
    'team = "four"\n',
    '[rates.no-such-rate]\nlow = 1\n',
]
PYPROJECT_SAMPLES = [
    '[project]\nname = "shop"\nversion = "1.0"\n\n[tool.black]\nline-length = 100\n',
    '[tool.djcost]\nteam = 3\ntraffic = "ops/traffic.csv"\n\n'
    '[tool.djcost.rates.split-per-endpoint]\nlikely = 0.08\n',
    '[tool.djcost.rates.split-per-endpoint]\nlow = "a lot"\n',
    '[tool.djcost]\nteam = 4\nteam = 5\n',
]


# Deep nesting near and over extract's kMaxParseDepth (50 000): the guard in
# front of tree-sitter's error recovery, and the iterative walks behind it.
DEEP_SEEDS = [
    (2, b"urlpatterns = " + b"[" * 45000 + b"]" * 45000 + b"\n"),
    (1, b"x = " + b"[" * 60000 + b"\n"),
    (1, b"x = " + b"-" * 30000 + b"(" * 30000 + b"\n"),
    (0, b"class A(" + b"f(" * 20000 + b"):\n    pass\n"),
]


def write(folder, prefix, data):
    blob = bytes([prefix]) + data
    name = hashlib.sha1(blob).hexdigest()
    with open(os.path.join(folder, name), "wb") as handle:
        handle.write(blob)


def extract_kind(path):
    for index, suffix in enumerate(EXTRACT_KINDS):
        if suffix.startswith("/") and suffix in "/" + path:
            return index
        if path.endswith(suffix):
            return index
    return OTHER_KIND


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out = argv[1]
    extract_dir = os.path.join(out, "extract")
    config_dir = os.path.join(out, "config")
    os.makedirs(extract_dir, exist_ok=True)
    os.makedirs(config_dir, exist_ok=True)
    count = {"extract": 0, "config": 0}
    for folder, dirs, files in os.walk(os.path.join(ROOT, "fixtures")):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".py"):
                path = os.path.relpath(os.path.join(folder, name), ROOT)
                with open(os.path.join(folder, name), "rb") as handle:
                    write(extract_dir, extract_kind(path), handle.read())
                count["extract"] += 1
    for prefix, data in DEEP_SEEDS:
        write(extract_dir, prefix, data)
        count["extract"] += 1
    for folder, dirs, files in os.walk(os.path.join(ROOT, "rules")):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".json") and "schema" not in folder:
                with open(os.path.join(folder, name), "rb") as handle:
                    write(config_dir, CONFIG_JSON, handle.read())
                count["config"] += 1
    for text in TOML_SAMPLES:
        write(config_dir, CONFIG_TOML, text.encode())
        count["config"] += 1
    for text in PYPROJECT_SAMPLES:
        write(config_dir, CONFIG_PYPROJECT, text.encode())
        count["config"] += 1
    print("make_corpus: %d extract seeds, %d config seeds in %s"
          % (count["extract"], count["config"], out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
