"""Every string key the code uses exists, in both languages: literal keys and built ones.

A *literal* key is any string constant in the code that has the shape of a key of a
known area (``quality.metric``); it must be a string. A *built* key is an f-string
(``f"quality.rule.{r}"``) or a ``page.named("kpi")`` prefix; each built prefix found in
the code must be listed in ``BUILT`` below with the values it is built from, and every
one of those keys must exist. A new built key without an entry here fails the test.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from svcops import forecast, kpi, performance, quality, risk
from svcops.explorer import EXAMPLES as EXPLORER_EXAMPLES
from svcops.i18n import LANGUAGES, STRINGS
from svcops.ingest.values import CHANNELS, STATUSES
from svcops.report import sections as report_sections
from svcops.schema import TABLES

ROOT = Path(__file__).resolve().parents[2]
AREAS = sorted({k.split(".")[0] for k in STRINGS})
_AREA = "(" + "|".join(AREAS) + ")"
_KEY = re.compile(_AREA + r"\.[a-z0-9_\-]+(\.[a-z0-9_\-]+)*$")
_PREFIX = re.compile(_AREA + r"\.([a-z0-9_\-]+\.)*$")


def _files() -> list[Path]:
    files = [
        ROOT / "app.py",
        *ROOT.glob("views/*.py"),
        *ROOT.glob("ui/*.py"),
        *ROOT.glob("svcops/**/*.py"),
    ]
    return [p for p in files if "i18n" not in p.relative_to(ROOT).parts[:2]]


def _trees():
    for path in _files():
        yield path, ast.parse(path.read_text())


def _constants_assigned(path: Path, name: str) -> set[str]:
    """String constants assigned to ``name`` anywhere in ``path``."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Assign) and any(
            getattr(t, "id", None) == name for t in node.targets
        ):
            out |= {
                n.value
                for n in ast.walk(node.value)
                if isinstance(n, ast.Constant) and isinstance(n.value, str)
            }
    return out


def _first_args(path: Path, func: str) -> set[str]:
    """The literal first arguments of every call to ``func`` in ``path``."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", None) == func
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            out.add(node.args[0].value)
    return out


def _ingest_reason_codes() -> set[str]:
    coerce = ROOT / "svcops/ingest/coerce.py"
    from svcops.ingest import coerce as c

    codes = set(c._TYPE_REASONS.values()) | set(c._KEPT_RAW)
    for path in (ROOT / "svcops/ingest").glob("*.py"):
        codes |= _first_args(path, "reason_sql")
    assert codes and coerce.exists()
    return codes


def _preset_names() -> list[str]:
    from ui.sidebar import PRESETS

    return ["custom", *PRESETS]


# Built prefix -> the values it is built from (a callable, so a failure names the prefix).
BUILT = {
    "kpi.": lambda: kpi.SCORECARD_KEYS,
    "preset.": _preset_names,
    "source.": lambda: ("sample", "own"),
    "ingest.reason.": _ingest_reason_codes,
    "performance.error.": lambda: _first_args(ROOT / "svcops/performance.py", "fail"),
    "performance.status.": lambda: performance.STATUSES,
    "performance.note.": lambda: _constants_assigned(ROOT / "svcops/performance.py", "note"),
    "quality.baseline.": lambda: [
        k + one for k in ("all", "selected", "range") for one in ("", "_one")
    ],
    "quality.defect.": lambda: quality.DEFECT_TYPES,
    "quality.metric.": lambda: _constants_assigned(ROOT / "views/quality.py", "SERIES"),
    "quality.measure.": lambda: _constants_assigned(ROOT / "views/quality.py", "SERIES"),
    "quality.rule.": lambda: quality.RULE_DESCRIPTIONS,
    "quality.chart.": lambda: {*quality.SLA_CHARTS, *quality.VOLUME_CHARTS},
    "quality.grain.": lambda: quality.GRAINS,
    "quality.why.": lambda: quality.REASONS,
    "resource.accuracy.": lambda: _constants_assigned(ROOT / "svcops/forecast/backtest.py", "kind"),
    "resource.by.": lambda: ("total", "channel", "team"),
    "resource.forecast_model.": lambda: forecast.MODELS,
    "resource.model.": lambda: ("erlang_c", "workload"),
    "resource.model_name.": lambda: ("erlang_c", "workload"),
    "resource.source.": lambda: ("tickets", "tickets_all", "intervals", "default", "what-if"),
    "risk.kri.": lambda: risk.INDICATORS,
    "risk.kri.none.": lambda: risk.INDICATORS,
    "risk.band.": lambda: risk.BANDS,
    "risk.basis.": lambda: risk.BASES,
    "risk.change.": lambda: risk.CHANGES,
    "risk.status.": lambda: ("green", "amber", "red", "none"),
    "risk.chart.": lambda: report_sections.HEAT_WORDS,
    "risk.register_status.": lambda: STATUSES,
    # A channel the importer recognised is stored as its key and shown in the page's
    # language (svcops.i18n.value_word); other dimension values are shown as they are.
    "value.": lambda: CHANNELS,
    "explorer.example.": lambda: EXPLORER_EXAMPLES,
    "explorer.table.": lambda: list(TABLES),
    "explorer.col.": lambda: (
        ["_upload_id", "_seq"] + [c.name for t in TABLES.values() for c in (*t.columns, *t.extras)]
    ),
}
# Prefixes whose keys are optional by design: column_label shows the column's own
# name where it has no display name.
OPTIONAL = {"col."}


def _built_prefixes() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path, tree in _trees():
        where = str(path.relative_to(ROOT))
        for node in ast.walk(tree):
            head = None
            if (
                isinstance(node, ast.JoinedStr)
                and node.values
                and isinstance(node.values[0], ast.Constant)
            ):
                head = node.values[0].value
            elif (
                isinstance(node, ast.Call)
                and getattr(node.func, "attr", None) == "named"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                head = node.args[0].value + "."
            if head and _PREFIX.match(head):
                found.setdefault(head, set()).add(where)
    return found


# Keys whose English leaves out a parameter on purpose: a KPI in the targets editor is
# shown by the key users type in English, and by its Chinese name beside that key in zh.
ONE_LANGUAGE_FIELDS = {"performance.kpi_key": {"name"}}


def test_every_string_has_both_languages_and_the_same_fields():
    for key, entry in STRINGS.items():
        assert set(entry) == set(LANGUAGES), key
        fields = {lang: set(re.findall(r"{(\w+)", text)) for lang, text in entry.items()}
        apart = fields["en"] ^ fields["zh"]
        assert apart == ONE_LANGUAGE_FIELDS.get(key, set()), f"{key}: placeholders differ"


def test_every_literal_key_exists():
    missing = set()
    for path, tree in _trees():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and _KEY.match(node.value)
                and node.value not in STRINGS
            ):
                missing.add(f"{path.relative_to(ROOT)}: {node.value}")
    # A prefix handed to page.named() is not itself a key.
    named = {p.rstrip(".") for p in _built_prefixes()}
    assert not {m for m in missing if m.split(": ")[1] not in named}


def test_every_built_prefix_is_known():
    unknown = {
        p: sorted(w) for p, w in _built_prefixes().items() if p not in BUILT and p not in OPTIONAL
    }
    assert not unknown, f"add these built key prefixes to BUILT with their values: {unknown}"


@pytest.mark.parametrize("prefix", sorted(BUILT))
def test_every_built_key_exists(prefix):
    values = list(BUILT[prefix]())
    assert values, f"{prefix}: no values found to build keys from"
    missing = [f"{prefix}{v}" for v in values if f"{prefix}{v}" not in STRINGS]
    assert not missing


def test_the_scan_sees_built_keys():
    # The scan must find the built keys the pages are known to use.
    assert {"kpi.", "quality.rule.", "preset."} <= set(_built_prefixes())
