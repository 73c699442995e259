"""ui/page.py and ui/state.cached: what every page relies on, checked on its own.

Message wording and caching run without a page (the context is replaced); tables,
charts, downloads and widget defaults run in a small AppTest script.
"""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

import pytest
from streamlit.testing.v1 import AppTest

from svcops.i18n import Message
from svcops.i18n.errors import MessageError
from svcops.performance import TargetsError
from ui import page, state


@pytest.fixture
def context(monkeypatch):
    """A page context in the chosen language, without a running app."""

    def use(lang="en", ws="workspace", version="v1"):
        ctx = SimpleNamespace(lang=lang, ws=ws, version=version)
        monkeypatch.setattr(state, "context", lambda: ctx)
        return ctx

    return use


def unescaped(text: str) -> str:
    """What Markdown shows for escaped text."""
    return re.sub(r"\\(.)", r"\1", text).replace("\u2060", "")  # and the word joiners


# -- words ------------------------------------------------------------------------------
def test_words_escapes_text_parameters_but_not_the_template(context):
    context()
    group = "*Desk* [click](http://x) <b>"
    said = page.words(
        Message(
            "headline.volume_up", {"n": 1200, "pct": 0.1, "days": 28, "group": group, "gdelta": 5}
        )
    )
    assert said == (
        "Volume rose 10% on the previous 28 days to 1,200 tickets; most of the "
        r"change is in \*Desk\* \[click\]\(http:"
        "\u2060"
        r"//x\) \<b\> (+5)."
    )
    assert unescaped(said).endswith(f"in {group} (+5).")


def test_words_escapes_a_quoted_value_once(context):
    context()
    said = page.words(Message("performance.error.direction", {"row": 2, "got": "up_*"}))
    # repr() first, then the escapes: a doubled backslash would show on the page
    assert said == r"targets row 2: direction must be 'higher' or 'lower' (got 'up\_\*')"


def test_words_escapes_messages_inside_a_message_and_speaks_the_page_language(context):
    context("zh")
    inner = Message("performance.error.direction", {"row": 3, "got": "a_b"})
    said = page.words(Message("common.error", {"message": inner}))
    assert said == r"出错了：目标第 3 行：direction 必须为 'higher' 或 'lower'（实际为 'a\_b'）"


def test_words_joins_a_list_of_messages_each_escaped(context):
    context()
    reasons = (
        Message("performance.error.direction", {"row": 1, "got": "a_b"}),
        Message("performance.error.columns", {"columns": "kpi, *target*"}),
    )
    said = page.words(Message("common.error", {"message": reasons}))
    assert said == (
        "Something went wrong: targets row 1: direction must be 'higher' or "
        r"'lower' (got 'a\_b'); targets need the column(s) kpi, \*target\*"
    )


def test_words_takes_a_key_with_parameters(context):
    context()
    assert page.words("performance.error.direction", row=1, got="x") == page.words(
        Message("performance.error.direction", {"row": 1, "got": "x"})
    )
    assert page.words(
        Message("performance.error.direction", {"row": 1, "got": "x"}), row=4
    ).startswith("targets row 4:")


def test_words_an_error_from_its_message_or_its_text(context):
    context("zh")
    targets = TargetsError(Message("performance.error.direction", {"row": 1, "got": "[x]"}))
    assert (
        page.words(targets)
        == r"目标第 1 行：direction 必须为 'higher' 或 'lower'（实际为 '\[x\]'）"
    )
    keyed = MessageError("performance.error.read_only")
    assert page.words(keyed) == "无法保存目标：工作区以只读方式打开"
    assert page.words(ValueError("weight for *x* is bad")) == r"weight for \*x\* is bad"


# -- cached / query ---------------------------------------------------------------------
CALLS: list[tuple] = []


def analysis(ws, x, *, y=0):
    """Stands for an svcops analysis: records each real call."""
    CALLS.append((ws, x, y))
    return {"x": x, "y": y, "rows": [1, 2]}


def other_analysis(ws, x, *, y=0):
    CALLS.append(("other", x, y))
    return {"other": x}


@pytest.fixture
def calls():
    state._cached_call.clear()
    CALLS.clear()
    yield CALLS
    state._cached_call.clear()


def test_cached_runs_once_per_version_function_and_arguments(calls):
    first = state.cached("ws", "v1", analysis, 1, y=2)
    assert state.cached("ws", "v1", analysis, 1, y=2) == first == {"x": 1, "y": 2, "rows": [1, 2]}
    assert calls == [("ws", 1, 2)]
    state.cached("ws", "v2", analysis, 1, y=2)  # an import changed the data
    state.cached("ws", "v2", analysis, 1, y=3)  # another argument
    state.cached("ws", "v2", other_analysis, 1, y=3)  # another function
    assert calls == [("ws", 1, 2), ("ws", 1, 2), ("ws", 1, 3), ("other", 1, 3)]


def test_each_cached_result_is_a_copy(calls):
    state.cached("ws", "v1", analysis, 1)["rows"].append(3)
    assert state.cached("ws", "v1", analysis, 1)["rows"] == [1, 2]


def test_only_a_module_level_function_is_cached(calls):
    def local(ws):
        return 1

    # A page script runs as __main__: two pages' functions of one name would collide.
    in_a_page = type(local)(local.__code__, {"__name__": "__main__"}, "count")
    in_a_page.__module__, in_a_page.__qualname__ = "__main__", "count"
    for fn in (lambda ws: 1, local, in_a_page):
        with pytest.raises(ValueError, match="module-level"):
            state.cached("ws", "v1", fn)


def test_query_uses_the_page_workspace_and_version(calls, context):
    context(ws="the page's workspace", version="v7")
    assert page.query(analysis, 5, y=1) == {"x": 5, "y": 1, "rows": [1, 2]}
    assert calls == [("the page's workspace", 5, 1)]
    context(ws="the page's workspace", version="v8")
    page.query(analysis, 5, y=1)
    assert len(calls) == 2


# -- named -------------------------------------------------------------------------------
def test_named_words_known_keys_and_keeps_other_values(context):
    context("zh")
    kpi = page.named("kpi")
    assert [kpi("sla_attainment"), kpi("Service Desk"), kpi(None)] == [
        "SLA 达成率",
        "Service Desk",
        None,
    ]
    assert page.named("col")("team") == "团队"


# -- drawing, in a page -------------------------------------------------------------------
def _helpers_page():
    import altair as alt
    import pandas as pd
    import streamlit as st

    from svcops.filters import Filters
    from ui import page, state

    state.set_context(
        state.Context(
            ws=None,
            source="sample",
            version="v",
            filters=Filters(),
            lang="zh",
            presenter=False,
            dims={},
            has_tickets=True,
        )
    )
    page.defaults("demo", {"n": 3, "by": "team"})
    page.defaults("demo", {"n": 4})  # a default never overrides
    st.session_state["demo_by"] = "agent"
    st.write(f"n={page.setting('demo', 'n')} by={page.setting('demo', 'by')}")
    page.table(
        pd.DataFrame({"team": ["A", "B"], "status": ["red", "green"]}),
        rag=("status", ["red", "green"]),
    )
    left, _right = st.columns(2)
    page.table(pd.DataFrame({"agent": ["x"]}), left, height=100)
    page.chart(
        alt.Chart(pd.DataFrame({"d": ["2026-01-01"], "v": [1]}))
        .mark_line()
        .encode(x="d:T", y="v:Q")
    )
    page.download(pd.DataFrame({"x": ["=1+1"]}), "demo.csv")


def test_tables_charts_and_downloads_speak_the_page_language():
    at = AppTest.from_function(_helpers_page).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.markdown[0].value == "n=3 by=agent"
    coloured, plain = at.dataframe
    assert list(coloured.value.columns) == ["团队", "状态"]
    assert list(plain.value.columns) == ["处理人"]
    assert "#FFEBE9" in str(coloured.proto)  # the red cell is painted
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    assert spec["config"]["locale"]["time"]["shortMonths"][0] == "1月"
    button = at.get("download_button")[0].proto
    assert button.label == "下载 CSV"
