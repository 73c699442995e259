"""Filters <-> SQL and URL; every UI string in both languages; safe exports."""

from __future__ import annotations

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
    f = Filters(start=date(2024, 1, 1), end=date(2024, 1, 28), teams=("Net", "Desk"),
                priorities=("P1",))
    query = f.to_query()
    assert query == {"start": "2024-01-01", "end": "2024-01-28", "team": ["Desk", "Net"],
                     "priority": ["P1"]}

    def get_all(key):
        v = query.get(key, [])
        return v if isinstance(v, list) else [v]

    assert Filters.from_query(get_all) == f


def test_bad_url_values_are_ignored():
    bad = {"start": ["yesterday"], "end": ["2024-02-30"], "team": [""]}
    assert Filters.from_query(lambda k: bad.get(k, [])) == Filters()


def test_translation_formats_numbers():
    assert t("headline.backlog", "en", n=1234, delta=-5) == \
        "Open backlog stands at 1,234, -5 since the end of the previous period."
    assert t("headline.backlog", "zh", n=1234, delta=-5) == "未结工单 1,234 张，较上期末 -5。"
    with pytest.raises(KeyError):
        t("no.such.key")


@pytest.mark.parametrize("cell, shown", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+1+1", "'+1+1"),
    ("-2", "'-2"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tcmd", "'\tcmd"),
    ("plain", "plain"),
])
def test_formula_injection_neutralised(cell, shown):
    out = neutralise(pd.DataFrame({"text": [cell], "n": [-3]}))
    assert out["text"].iloc[0] == shown
    assert out["n"].iloc[0] == -3


def test_csv_bytes_have_bom_for_excel():
    assert to_csv_bytes(pd.DataFrame({"团队": ["一线"]})).startswith("\ufeff团队".encode())
