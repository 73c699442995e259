"""In Chinese, no page shows an English sentence that svcops wrote.

Every page runs in ``zh`` on the sample workspace; the texts it shows (titles,
headings, Markdown, captions, alerts, metrics, table headers and cells, widget labels,
chart titles) are searched for the English wording of every message svcops has: the
fixed parts of each English template. Names from the data (teams, categories) are not
templates, so they cannot match.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from svcops.i18n import STRINGS

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["views/overview.py", "views/process.py", "views/quality.py", "views/performance.py",
         "views/resource.py", "views/data.py"]

# Template pieces short enough to be a word anyone may use ("Email", "P90") or that are
# the same in both languages (product names, units) say nothing about a leak.
_MIN_FRAGMENT = 12


def _english_fragments() -> set[str]:
    out = set()
    for entry in STRINGS.values():
        if entry["en"] == entry["zh"]:
            continue
        for piece in re.split(r"\{[^}]*\}", entry["en"]):
            piece = piece.strip(" .,:;()–—-*`\n")
            if len(piece) >= _MIN_FRAGMENT and re.search(r"[A-Za-z]{3}", piece) \
                    and piece not in entry["zh"]:
                out.add(piece)
    return out


def _spec_texts(spec) -> list[str]:
    """Titles and axis/legend titles of a Vega-Lite spec (not its data)."""
    out = []

    def walk(node, key=None):
        if isinstance(node, dict):
            for k, v in node.items():
                if k in ("data", "datasets"):
                    continue
                walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif isinstance(node, str) and key in ("title", "text", "subtitle"):
            out.append(node)

    walk(spec)
    return out


def shown_texts(at: AppTest) -> list[str]:
    texts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning",
                 "error", "success", "exception"):
        texts += [str(e.value) for e in getattr(at, kind)]
    for m in at.metric:
        texts += [m.label, str(m.value), str(m.proto.help)]
    for kind in ("button", "selectbox", "multiselect", "radio", "toggle", "slider",
                 "date_input", "text_input", "number_input", "checkbox"):
        texts += [str(w.label) for w in getattr(at, kind)]
        texts += [str(w.proto.help) for w in getattr(at, kind) if getattr(w.proto, "help", "")]
    for kind in ("selectbox", "multiselect", "radio"):
        for w in getattr(at, kind):
            texts += [str(o) for o in w.options]
    for frame in at.dataframe:
        value = frame.value
        value = getattr(value, "data", value)      # a Styler carries its frame
        texts += [str(c) for c in value.columns]
        for col in value.columns:
            if value[col].dtype == object:
                texts += [str(v) for v in value[col].head(50)]
    for chart in at.get("vega_lite_chart"):
        texts += _spec_texts(json.loads(chart.proto.spec))
    for exp in at.expander:
        texts.append(str(exp.label))
    return texts


@pytest.fixture(scope="module")
def fragments():
    found = _english_fragments()
    assert len(found) > 100          # the check has something to look for
    return found


def leaks_on(page: str, lang: str, fragments: set[str]) -> list[str]:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.query_params.update({"source": "sample", "lang": lang})
    at.run()
    if page != "views/overview.py":
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    texts = shown_texts(at)
    assert len(texts) > 10
    return sorted({f"{frag!r} in {text[:120]!r}" for text in texts for frag in fragments
                   if frag in text})


@pytest.fixture(autouse=True)
def _own_workspace(tmp_path, monkeypatch):
    monkeypatch.setenv("SVCOPS_WORKSPACE", str(tmp_path / "own.duckdb"))


@pytest.mark.parametrize("page", PAGES)
def test_no_english_sentence_in_chinese(page, fragments):
    leaks = leaks_on(page, "zh", fragments)
    assert not leaks, leaks


@pytest.mark.parametrize("page", ["views/quality.py", "views/resource.py"])
def test_the_check_finds_english_sentences_in_english(page, fragments):
    # The same pages in English are full of the fragments: the search does look.
    assert len(leaks_on(page, "en", fragments)) >= 3
