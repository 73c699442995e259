"""The Innovation management page on the workspaces a user may have (issue 13): a
register only, tickets only, nothing, both (a benefit the tickets confirm, a claim they
do not), in both languages and when presenting."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from svcops.ingest import import_files
from svcops.store import Workspace
from tests.innovation.test_measure import BEFORE, REGISTER, _tickets  # the same days

ROOT = Path(__file__).resolve().parents[2]

MONEY_REGISTER = [
    {
        **REGISTER[0],
        "investment": 10_000,
        "running_cost": 500,
        "start_date": datetime(2024, 10, 1),
        "rollout_date": datetime(2025, 1, 31),
    },
    {**REGISTER[1], "investment": 4_000, "expected_annual_benefit": 3_000},
    {**REGISTER[2], "investment": 2_000, "expected_annual_benefit": 100},
    {"initiative_id": "KILL", "name": "Stopped", "stage": "cancelled", "investment": 1_000},
]


def _xlsx(sheets: dict) -> bytes:
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        for name, rows in sheets.items():
            pd.DataFrame(rows).to_excel(writer, sheet_name=name, index=False)
    return buf.getvalue()


@pytest.fixture
def own(tmp_path, monkeypatch):
    path = tmp_path / "own.duckdb"
    monkeypatch.setenv("SVCOPS_WORKSPACE", str(path))

    def fill(sheets: dict) -> Path:
        with Workspace(path) as ws:
            import_files(ws, [("upload.xlsx", _xlsx(sheets))])
        return path

    return fill


def _run(**query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.query_params.update({"source": "own", **query})
    at.run()
    at.switch_page("views/innovation.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _texts(at: AppTest) -> str:
    return " ".join(x.value for x in [*at.info, *at.caption, *at.warning, *at.markdown])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_empty_workspace_says_what_to_upload(own, tmp_path, lang):
    Workspace(tmp_path / "own.duckdb").close()
    at = _run(lang=lang)
    assert at.title[0].value == {"en": "Innovation management", "zh": "服务创新管理"}[lang]
    info = " ".join(i.value for i in at.info)
    assert ("No initiatives yet" if lang == "en" else "还没有创新项目") in info
    assert "`initiatives`" in info and "`go_live_date`" in info and "`adoption_channel`" in info
    assert ("No tickets in this workspace" if lang == "en" else "本工作区没有工单") in info
    assert len(at.metric) == 0


def test_ticket_only_workspace_asks_for_the_register(own):
    own({"tickets": _tickets(BEFORE)})
    at = _run()
    info = " ".join(i.value for i in at.info)
    assert "No initiatives yet" in info and "No tickets" not in info
    assert len(at.metric) == 0


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_register_only_workspace_shows_the_business_case(own, lang):
    own({"initiatives": MONEY_REGISTER})
    at = _run(lang=lang)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[{"en": "Initiatives", "zh": "项目数"}[lang]] == "4"
    # Active investment leaves the stopped one out: 10,000 + 4,000 + 2,000.
    assert metrics[{"en": "Active investment", "zh": "在途投资"}[lang]] == "16,000"
    texts = _texts(at)
    assert ("No tickets in this workspace" if lang == "en" else "本工作区没有工单") in texts
    # Funnel, business cases and the budget ranking are tables; no measured table.
    assert len(at.dataframe) + len(at.table) >= 3
    assert "Mann-Whitney" not in texts


def test_both_confirm_a_real_shift(own):
    own({"tickets": _tickets([5, 7, 9, 11, 13]), "initiatives": MONEY_REGISTER})
    at = _run(innovation_window="30")
    at.session_state["innovation_window"] = 30
    at.run()
    assert not at.exception
    measured = next(d.value for d in at.dataframe if "Verdict" in d.value.columns)
    row = measured.set_index("Initiative").loc["Chat bot"]
    assert row["Verdict"] == "confirmed"
    assert (row["Before"], row["After"], row["Change"]) == ("14.00", "9.00", "-5.00")
    # 5 minutes x 365 chats a year x 0.5 a minute.
    assert row["Measured / yr"] == "912"
    assert measured.set_index("Initiative").loc["Goes live later", "Verdict"] == "not live"
    texts = _texts(at)
    # The chat bot and the one that goes live later name a KPI; the chat bot is confirmed.
    assert "Benefits confirmed by the tickets: 1 of the 2 initiatives linked to a KPI." in texts
    summary = next(m.value for m in at.markdown if m.value.startswith("Chat bot"))
    assert summary.endswith(": confirmed.") and "0\\.001" in summary
    assert not at.warning
    charts = at.get("vega_lite_chart")
    assert len(charts) == 7  # funnel, two sensitivities, bubbles, budget, effect, adoption


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_claim_the_tickets_do_not_show_is_flagged(own, lang):
    own({"tickets": _tickets(BEFORE), "initiatives": MONEY_REGISTER})
    at = _run(lang=lang)
    at.session_state["innovation_window"] = 30
    at.run()
    assert not at.exception
    warning = " ".join(w.value for w in at.warning)
    expected = {
        "en": "Chat bot claims 800 a year, but the tickets do not confirm a change.",
        "zh": "Chat bot 申报每年收益 800，但工单数据未证实存在变化。",
    }[lang]
    assert expected in warning


def test_presenting_hides_the_controls(own):
    own({"tickets": _tickets([5, 7, 9, 11, 13]), "initiatives": MONEY_REGISTER})
    at = _run(present="1")
    assert len(at.number_input) == 0 and len(at.slider) == 0
    assert not [w for w in at.selectbox if str(w.key).startswith("innovation_")]
    assert len(at.metric) == 5


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_bare_register_says_what_money_columns_add(own, lang):
    # Only the three required columns, Chinese headers and stage words, one unknown stage.
    own(
        {
            "创新项目": [
                {"项目编号": "A", "项目名称": "甲", "阶段": "试点"},
                {"项目编号": "B", "项目名称": "乙", "阶段": "已停止"},
                {"项目编号": "C", "项目名称": "丙", "阶段": "搁置"},
            ]
        }
    )
    at = _run(lang=lang)
    info = " ".join(i.value for i in at.info)
    assert "`expected_annual_benefit`" in info and "`investment`" in info
    assert (
        "No initiative names an adoption channel" if lang == "en" else "没有项目指定采用渠道"
    ) in info
    funnel = at.dataframe[0].value
    assert funnel.shape[0] == 7  # the six stages and "other"
    assert {m.label: m.value for m in at.metric}[
        {"en": "Portfolio IRR", "zh": "组合内部收益率"}[lang]
    ] == {"en": "none", "zh": "无"}[lang]
    # Nothing invested: no payback to speak of.
    assert {m.label: m.value for m in at.metric}[
        {"en": "Portfolio payback", "zh": "组合回收期"}[lang]
    ] == "—"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_hostile_names_in_the_register_reach_markdown_only_escaped(own, lang):
    from test_hostile_text import ALIVE, markdown_texts

    evil = "[login](http://evil.example) :material/home: <b>x</b> *bold"
    register = [
        {**REGISTER[0], "name": evil, "segment": "chat"},
        {**REGISTER[0], "initiative_id": "EVIL2", "name": "Seg", "segment": evil},
    ]
    own({"tickets": _tickets(BEFORE), "initiatives": register})
    at = _run(lang=lang)
    texts = markdown_texts(at)
    assert any("evil" in text for text in texts)  # the name did reach Markdown...
    for text in texts:
        assert not ALIVE.search(text), text  # ...escaped


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_benefit_without_an_investment_is_named(own, lang):
    # An investment typed as "$45,000" and "45k" is not a number: the column is left
    # unmapped and every business case would count the investment as 0, silently.
    own(
        {
            "initiatives": [
                {**REGISTER[1], "investment": "$45,000", "expected_annual_benefit": 3_000},
                {**REGISTER[2], "investment": "45k", "expected_annual_benefit": 100},
                {"initiative_id": "KILL", "name": "k", "stage": "cancelled", "investment": "x"},
            ]
        }
    )
    warned = " ".join(w.value for w in _run(lang=lang).warning)
    if lang == "en":
        assert "2 initiatives not stopped have an expected benefit but no investment" in warned
    else:
        assert "2 个未停止的创新项目有预期收益但没有投资额" in warned
    assert "LATE, NOLINK" in warned or "NOLINK, LATE" in warned
    assert "KILL" not in warned


def test_a_register_with_every_investment_has_no_such_warning(own):
    own({"initiatives": MONEY_REGISTER})
    assert not any("no investment" in w.value for w in _run().warning)
