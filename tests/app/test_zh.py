"""In Chinese, no page shows an English sentence that svcops wrote.

Every page runs in ``zh`` on the sample workspace; the texts it shows (titles,
headings, Markdown, captions, alerts, metrics, table headers and cells, widget labels,
chart titles) are searched for the English wording of every message svcops has: the
fixed parts of each English template. Names from the data (teams, categories) are not
templates, so they cannot match.
"""

from __future__ import annotations

import io
import json
import re
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from svcops.i18n import STRINGS, t

ROOT = Path(__file__).resolve().parents[2]
PAGES = [
    "views/overview.py",
    "views/process.py",
    "views/quality.py",
    "views/performance.py",
    "views/resource.py",
    "views/innovation.py",
    "views/risk.py",
    "views/data.py",
    "views/explorer.py",
    "views/report.py",
]

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
            if (
                len(piece) >= _MIN_FRAGMENT
                and re.search(r"[A-Za-z]{3}", piece)
                and piece not in entry["zh"]
            ):
                out.add(piece)
    return out


def _spec_nodes(spec) -> list[tuple[str | None, object]]:
    """Every ``(key, value)`` of a Vega-Lite spec but its data; a list's items under its key."""
    out: list[tuple[str | None, object]] = []

    def walk(node, key=None):
        out.append((key, node))
        if isinstance(node, dict):
            for k, v in node.items():
                if k not in ("data", "datasets"):
                    walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)

    walk(spec)
    return out


def _spec_texts(spec) -> list[str]:
    """Titles and axis/legend titles of a Vega-Lite spec (not its data)."""
    return [
        v for k, v in _spec_nodes(spec) if isinstance(v, str) and k in ("title", "text", "subtitle")
    ]


def _tooltip_entries(spec) -> list[object]:
    """Every tooltip entry of a spec's encodings, in every layer."""
    return [v for k, v in _spec_nodes(spec) if k == "tooltip" and not isinstance(v, list)]


def shown_texts(at: AppTest) -> list[str]:
    texts: list[str] = []
    for kind in (
        "title",
        "header",
        "subheader",
        "markdown",
        "caption",
        "info",
        "warning",
        "error",
        "success",
        "exception",
    ):
        texts += [str(e.value) for e in getattr(at, kind)]
    for m in at.metric:
        texts += [m.label, str(m.value), str(m.proto.help)]
    for kind in (
        "button",
        "selectbox",
        "multiselect",
        "radio",
        "toggle",
        "slider",
        "date_input",
        "text_input",
        "number_input",
        "checkbox",
    ):
        texts += [str(w.label) for w in getattr(at, kind)]
        texts += [str(w.proto.help) for w in getattr(at, kind) if getattr(w.proto, "help", "")]
    for kind in ("selectbox", "multiselect", "radio"):
        for w in getattr(at, kind):
            texts += [str(o) for o in w.options]
    for frame in at.dataframe:
        value = frame.value
        value = getattr(value, "data", value)  # a Styler carries its frame
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
    assert len(found) > 100  # the check has something to look for
    return found


def opened(page: str, lang: str, source: str = "sample") -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.query_params.update({"source": source, "lang": lang})
    at.run()
    if page != "views/overview.py":
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def chart_specs(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]


def chart_values(at: AppTest) -> list[str]:
    """Every text value the page's charts draw (their data: legends, bars, tooltips)."""
    from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

    out = []
    for chart in at.get("vega_lite_chart"):
        for dataset in chart.proto.datasets:
            frame = convert_arrow_bytes_to_pandas_df(dataset.data.data)
            out += [str(v) for col in frame.columns for v in frame[col] if isinstance(v, str)]
        out += [str(v) for v in _spec_data_values(json.loads(chart.proto.spec))]
    return out


def _spec_data_values(spec) -> list:
    """Values of a spec's inline data (``datasets``, ``data.values``)."""
    found = []
    for rows in (spec.get("datasets") or {}).values():
        found += [v for row in rows for v in row.values()]
    for layer in [spec, *spec.get("layer", [])]:
        values = (layer.get("data") or {}).get("values") or []
        found += [v for row in values if isinstance(row, dict) for v in row.values()]
    return found


def leaks_on(page: str, lang: str, fragments: set[str]) -> list[str]:
    at = opened(page, lang)
    texts = shown_texts(at)
    assert len(texts) > 10
    return sorted(
        {f"{frag!r} in {text[:120]!r}" for text in texts for frag in fragments if frag in text}
    )


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


@pytest.mark.parametrize("page", PAGES)
def test_no_chart_tooltip_shows_a_raw_field_name_in_chinese(page):
    # A title given blank on purpose (a flag that speaks for itself) is a title.
    specs = chart_specs(opened(page, "zh"))
    entries = [e for spec in specs for e in _tooltip_entries(spec)]
    assert entries or not specs
    untitled = [e for e in entries if not isinstance(e, dict) or "title" not in e]
    assert not untitled, untitled


@pytest.fixture
def blanks(tmp_path, monkeypatch):
    """An own workspace whose tickets often have no team, channel or category."""
    from svcops.ingest import import_files
    from svcops.store import Workspace

    rows = [
        {
            "ticket_id": f"T{i}",
            "created_at": datetime(2024, 1, 1, 9) + i * pd.Timedelta(hours=7),
            "resolved_at": datetime(2024, 1, 1, 15) + i * pd.Timedelta(hours=7),
            "channel": [None, "email"][i % 2],
            "priority": f"P{1 + i % 4}",
            "team": [None, "Desk", "Field"][i % 3],
            "category": [None, "Access"][i % 2],
            "agent": [None, "Ann"][i % 2],
            "handle_minutes": 12,
        }
        for i in range(400)
    ]
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        pd.DataFrame(rows).to_excel(writer, sheet_name="tickets", index=False)
    path = tmp_path / "blanks.duckdb"
    monkeypatch.setenv("SVCOPS_WORKSPACE", str(path))
    with Workspace(path) as ws:
        import_files(ws, [("tickets.xlsx", buf.getvalue())])
    return path


@pytest.mark.parametrize(
    "page", ["views/quality.py", "views/performance.py", "views/resource.py", "views/overview.py"]
)
def test_tickets_without_a_value_are_worded_in_chinese(blanks, page):
    at = opened(page, "zh", source="own")
    texts = shown_texts(at) + chart_values(at)
    assert not [text for text in texts if "(none)" in text]
    if page != "views/overview.py":  # the blank values are there, in Chinese
        assert any("（无）" in text for text in texts)


def test_the_targets_editor_names_kpis_in_chinese(blanks):
    at = opened("views/performance.py", "zh", source="own")
    assert any("`kpi` 取值：新建工单（tickets）、已解决（resolved）" in c.value for c in at.caption)
    # an edit that does not validate: a rate written as a percentage
    at.session_state["performance_targets"] = {
        "edited_rows": {},
        "deleted_rows": [],
        "added_rows": [{"kpi": "sla_attainment", "target": 90, "direction": "higher"}],
    }
    at.run()
    errors = " ".join(e.value for e in at.error)
    assert "SLA 达成率" in errors and "的 target 必须是 0 到 1" in errors, errors


# The sample's channels, as the importer stores a channel it recognised: its key.
_CHANNEL_KEYS = {"phone", "email", "chat", "portal"}


@pytest.mark.parametrize(
    ("page", "lang"),
    [
        ("views/resource.py", "zh"),
        ("views/quality.py", "zh"),
        ("views/performance.py", "zh"),
        ("views/resource.py", "en"),
    ],
)
def test_channels_are_named_in_the_pages_language(page, lang):
    """A channel is stored as the importer's key (``phone``): the Chinese pages showed
    that key, in English, in the channel filter, the forecast's legend and its notes."""
    at = opened(page, lang)
    if page == "views/quality.py":  # its breakdown by channel
        at.session_state["quality_by"] = "channel"
        at.run()
        assert not at.exception, [e.value for e in at.exception]
    texts = shown_texts(at) + chart_values(at)
    words = {"zh": {"电话", "邮件", "在线聊天", "门户"}, "en": {"Phone", "Email", "Chat", "Portal"}}
    assert not {text.strip() for text in texts} & _CHANNEL_KEYS
    assert not [text for text in texts if re.match(r"(phone|email|chat|portal)[：:]", text)]
    (channels,) = [w for w in at.sidebar.multiselect if w.label == t("filter.channel", lang)]
    assert set(channels.options) == words[lang]
    if page == "views/resource.py":  # the forecast by channel: legend and notes
        assert words[lang] <= set(chart_values(at))
        notes = " ".join(m.value for m in at.markdown)
        assert all(f"{w}{'：' if lang == 'zh' else ':'}" in notes for w in words[lang]), notes
