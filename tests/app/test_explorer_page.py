"""The SQL explorer page, run headless: a link reopens its query, results, the truncated
notice, refusals in the page's language, the example library, the quick chart."""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from svcops.schema import TABLES

ROOT = Path(__file__).resolve().parents[2]
BY_TEAM = "SELECT team, count(*) AS tickets FROM tickets GROUP BY team ORDER BY team"


@pytest.fixture
def own(tmp_path, monkeypatch):
    """An own workspace of six tickets: four of team A, two of team B, one a month."""
    from svcops.ingest import import_files
    from svcops.store import Workspace

    path = tmp_path / "own.duckdb"
    monkeypatch.setenv("SVCOPS_WORKSPACE", str(path))
    monkeypatch.setenv("SVCOPS_CACHE_DIR", str(tmp_path / "cache"))
    rows = [
        {"ticket_id": f"E{i}", "created_at": datetime(2024, 1 + i, 3, 9), "team": team}
        for i, team in enumerate("AABABA")
    ]
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        pd.DataFrame(rows).to_excel(writer, sheet_name="tickets", index=False)
    with Workspace(path) as ws:
        import_files(ws, [("tickets.xlsx", buf.getvalue())])
    return path


def opened(**query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.query_params.update(query)
    at.run()
    at.switch_page("views/explorer.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _result(at: AppTest) -> pd.DataFrame:
    return at.dataframe[-1].value


def test_a_link_with_a_query_reopens_it_and_its_result(own):
    at = opened(source="own", q=BY_TEAM)
    assert at.text_area(key="explorer_sql").value == BY_TEAM
    assert _result(at).to_dict("records") == [
        {"team": "A", "tickets": 4},
        {"team": "B", "tickets": 2},
    ]
    assert at.query_params["q"] == [BY_TEAM] or at.query_params["q"] == BY_TEAM
    assert any(c.value.startswith("2 rows in ") for c in at.caption)
    # A quick chart of tickets by team: bars, the query's columns on the axes.
    (chart,) = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    assert chart["mark"]["type"] == "bar"
    assert chart["encoding"]["x"]["title"] == "team"
    assert chart["encoding"]["y"]["title"] == "tickets"


def test_running_a_new_query_puts_it_in_the_link(own):
    at = opened(source="own")
    assert "q" not in at.query_params and len(at.dataframe) == 0
    monthly = (
        "SELECT date_trunc('month', created_at) AS month, count(*) AS tickets "
        "FROM tickets GROUP BY month ORDER BY month"
    )
    at.text_area(key="explorer_sql").input(monthly).run()
    assert "q" not in at.query_params  # typed, not run
    at.button(key="explorer_run").click().run()
    assert not at.exception
    assert at.query_params["q"] in (monthly, [monthly])
    assert _result(at)["tickets"].tolist() == [1] * 6  # one ticket a month, Jan to Jun
    (chart,) = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    assert chart["mark"]["type"] == "line"


def test_more_rows_than_the_limit_are_cut_with_a_notice(own):
    at = opened(source="own", q="SELECT range AS n FROM range(10005)")
    assert len(_result(at)) == 10_000
    assert at.warning[0].value.startswith("Showing the first 10,000 rows")


def test_rows_past_the_size_limit_are_cut_with_their_own_notice(own, monkeypatch):
    from svcops import explorer

    # 100 rows of about 1 kB against a 20 kB limit: the rows that fit, and why.
    monkeypatch.setattr(explorer, "MAX_RESULT_BYTES", 20_000)
    at = opened(source="own", q="SELECT range AS n, repeat('x', 1000) AS s FROM range(100)")
    rows = len(_result(at))
    assert 0 < rows < 20
    assert at.warning[0].value.startswith(f"Showing the first {rows:,} rows: the rest would pass")


def test_the_download_files_are_made_only_when_asked_for(own, monkeypatch):
    import traceback

    import svcops.downloads

    # Made on every rerun, a 64 MB result took seconds to write as CSV and as Excel each
    # time the page moved; the buttons now make their file when clicked. (The Overview,
    # shown first, makes its own small CSV.)
    made = []

    def making(kind):
        def make(*_args):
            made.append((kind, "".join(traceback.format_stack())))
            return b""

        return make

    monkeypatch.setattr(svcops.downloads, "to_csv_bytes", making("csv"))
    monkeypatch.setattr(svcops.downloads, "to_xlsx_bytes", making("xlsx"))
    at = opened(source="own", q=BY_TEAM)
    assert len(_result(at)) == 2 and len(at.get("download_button")) == 2
    at.run()
    assert [kind for kind, stack in made if "views/explorer.py" in stack] == []


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "Only SELECT queries run here; this is a COPY statement."),
        ("zh", "这里只能运行 SELECT 查询；这是一条 COPY 语句。"),
    ],
)
def test_a_refused_query_is_said_in_one_line_in_the_page_language(own, lang, said):
    at = opened(source="own", lang=lang, q="COPY tickets TO 'out.csv'")
    assert [e.value for e in at.error] == [said]
    assert len(at.dataframe) == 0 and not at.get("vega_lite_chart")


def test_hostile_text_in_an_error_is_shown_as_text(own):
    at = opened(source="own", q='SELECT * FROM "**bold** [link](http://x)"')
    (error,) = at.error
    assert error.value.startswith("The query failed: Catalog Error: Table with name")
    assert "\\*\\*bold\\*\\*" in error.value and "\\[link\\]" in error.value


def test_an_example_fills_the_editor_and_runs_the_page_kpis(own):
    at = opened(source="own")
    at.selectbox(key="explorer_example").select("kpis_by_team").run()
    sql = at.text_area(key="explorer_sql").value
    assert sql.startswith("WITH t AS (") and "GROUP BY team" in sql
    at.button(key="explorer_run").click().run()
    teams = _result(at).set_index("team")
    assert teams["tickets"].to_dict() == {"A": 4, "B": 2}
    assert teams["open_backlog"].to_dict() == {"A": 4, "B": 2}  # none resolved


def test_the_schema_panel_describes_the_columns_in_chinese(own):
    at = opened(source="own", lang="zh")
    assert at.selectbox(key="explorer_table").value == "tickets"
    lines = [m.value for m in at.markdown if m.value.startswith("**")]
    assert lines[0] == "**ticket\\_id** · VARCHAR · 必填  \n:gray[工单编号。]"
    tickets = TABLES["tickets"]
    assert len(lines) == len(tickets.columns) + len(tickets.extras) + 1  # and _upload_id


def test_the_query_survives_a_visit_to_another_page(own):
    at = opened(source="own", q=BY_TEAM)
    at.switch_page("views/data.py").run()
    at.query_params.pop("q", None)  # the browser's link loses it on another page
    at.switch_page("views/explorer.py").run()
    assert not at.exception
    assert at.text_area(key="explorer_sql").value == BY_TEAM
    assert _result(at)["tickets"].tolist() == [4, 2]


def test_results_of_every_kind_of_column_are_shown(own):
    at = opened(
        source="own",
        q="SELECT 1 AS a, 2 AS a, [1, 2] AS list, {'x': 1} AS struct, 1.5::DECIMAL(10, 2) "
        "AS dec, INTERVAL 3 HOUR AS span, DATE '2024-01-01' AS day, "
        "TIMESTAMPTZ '2024-01-01 10:00+08' AS at, 'x'::BLOB AS blob, NULL AS nothing",
    )
    assert not at.error
    assert list(_result(at).columns) == [
        "a", "a_1", "list", "struct", "dec", "span", "day", "at", "blob", "nothing"
    ]  # fmt: skip
    assert len(at.get("download_button")) == 2
