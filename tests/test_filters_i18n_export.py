"""Filters <-> SQL and URL; every UI string in both languages; safe exports."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from svcops.downloads import neutralise, to_csv_bytes
from svcops.filters import Filters
from svcops.i18n import t

ROOT = Path(__file__).resolve().parent.parent


def test_previous_period_has_equal_length():
    f = Filters(start=date(2024, 3, 1), end=date(2024, 3, 31))
    p = f.previous()
    assert (p.start, p.end, p.days) == (date(2024, 1, 30), date(2024, 2, 29), 31)


def test_start_after_end_is_refused():
    with pytest.raises(ValueError, match="start 2024-03-02 is after end 2024-03-01"):
        Filters(start=date(2024, 3, 2), end=date(2024, 3, 1))


def test_dims_sql_uses_parameters_not_text():
    sql, params = Filters(teams=("B", "A'); DROP TABLE tickets; --")).dims_sql("t")
    assert "DROP" not in sql
    assert sql == 'TRUE AND t."team" IN ($teams_0, $teams_1)'
    assert params == {"teams_0": "A'); DROP TABLE tickets; --", "teams_1": "B"}


def test_url_round_trip():
    f = Filters(
        start=date(2024, 1, 1), end=date(2024, 1, 28), teams=("Net", "Desk"), priorities=("P1",)
    )
    query = f.to_query()
    assert query == {
        "start": "2024-01-01",
        "end": "2024-01-28",
        "team": ["Desk", "Net"],
        "priority": ["P1"],
    }

    def get_all(key):
        v = query.get(key, [])
        return v if isinstance(v, list) else [v]

    assert Filters.from_query(get_all) == f


def test_bad_url_values_are_ignored():
    bad = {"start": ["yesterday"], "end": ["2024-02-30"], "team": [""]}
    assert Filters.from_query(lambda k: bad.get(k, [])) == Filters()


def test_translation_formats_numbers():
    assert (
        t("headline.backlog", "en", n=1234, delta=-5)
        == "Open backlog stands at 1,234, -5 since the end of the previous period."
    )
    assert t("headline.backlog", "zh", n=1234, delta=-5) == "未结工单 1,234 张，较上期末 -5。"
    with pytest.raises(KeyError):
        t("no.such.key")


@pytest.mark.parametrize(
    "cell, shown",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+1", "'+1+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("\n=1+1", "'\n=1+1"),
        ("\0=1", "'\0=1"),
        ("＝1+1", "'＝1+1"),
        ("＋1", "'＋1"),
        ("－1", "'－1"),
        ("＠SUM(A1)", "'＠SUM(A1)"),
        ("plain", "plain"),
        ("a=1", "a=1"),
        ("", ""),
    ],
)
def test_formula_injection_neutralised(cell, shown):
    out = neutralise(pd.DataFrame({"text": [cell], "n": [-3]}))
    assert out["text"].iloc[0] == shown
    assert out["n"].iloc[0] == -3


def test_csv_bytes_have_bom_for_excel():
    assert to_csv_bytes(pd.DataFrame({"团队": ["一线"]})).startswith('\ufeff"团队"'.encode())


def test_text_in_any_text_column_is_neutralised_and_numbers_stay_numbers():
    frame = pd.DataFrame(
        {
            "object": pd.Series(["=1+1", 7, None], dtype=object),
            "string": pd.array(["@SUM(A1)", "ok", None], dtype="string"),
            "category": pd.Categorical(["+cmd", "ok", "ok"]),
            "=HYPERLINK()": [-3, 0, 2],
            "share": [-0.5, float("nan"), 1.0],
            "flag": [True, False, True],
            "day": pd.to_datetime(["2024-01-01", "2024-01-02", None]),
        }
    )
    out = neutralise(frame)
    assert list(out.columns)[3] == "'=HYPERLINK()"
    assert out.iloc[0, :3].tolist() == ["'=1+1", "'@SUM(A1)", "'+cmd"]
    assert out["object"].iloc[1] == 7 and pd.isna(out["string"].iloc[2])
    for column in ("share", "flag", "day"):
        pd.testing.assert_series_equal(out[column], frame[column])
    assert out["'=HYPERLINK()"].tolist() == [-3, 0, 2]
    assert frame.iloc[0, 0] == "=1+1"  # the caller's frame is left as it was


def test_csv_quotes_text_so_a_separator_cannot_start_a_formula_cell():
    frame = pd.DataFrame(
        {
            "team": ["a;=1+1", "b,=2+2", 'say "=3"'],
            "n": [-3, 1, 2],
            "share": [-0.25, 0.5, float("nan")],
        }
    )
    text = to_csv_bytes(frame).decode("utf-8-sig")
    assert text.splitlines() == [
        '"team","n","share"',
        '"a;=1+1",-3,-0.25',
        '"b,=2+2",1,0.5',
        '"say ""=3""",2,""',
    ]
    back = pd.read_csv(io.StringIO(text))
    assert back["team"].tolist() == frame["team"].tolist()
    assert back["n"].tolist() == [-3, 1, 2]


def test_csv_quotes_column_names_so_a_separator_cannot_start_a_formula_cell():
    # A column name is text a user typed too (an SQL explorer alias): where Excel splits
    # on ";", an unquoted x;=1+1 would put =1+1 in a cell of its own.
    frame = pd.DataFrame({"x;=1+1": ["a"], "y,@SUM(A1)": [1], "=cmd": [2]})
    text = to_csv_bytes(frame).decode("utf-8-sig")
    assert text.splitlines()[0] == '"x;=1+1","y,@SUM(A1)","\'=cmd"'
    for separator in (",", ";"):
        names = next(csv.reader(io.StringIO(text), delimiter=separator))
        assert not any(name.startswith(("=", "+", "-", "@")) for name in names), names


def test_csv_cells_never_start_a_formula():
    hostile = [
        '=HYPERLINK("http://evil","x")',
        "+cmd",
        "-cmd",
        "@SUM(A1)",
        "\tx",
        "\rx",
        "\nx",
        "＝1",
        "＋1",
        "－1",
        "＠x",
    ]
    text = to_csv_bytes(pd.DataFrame({"v": hostile, "n": range(len(hostile))})).decode("utf-8-sig")
    cells = [row[0] for row in csv.reader(io.StringIO(text))][1:]
    assert len(cells) == len(hostile)
    assert all(cell.startswith("'") for cell in cells), cells
