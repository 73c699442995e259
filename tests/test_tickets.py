"""The tickets CTE, the period and the named SQL of svcops/tickets.py, worked by hand."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest

from svcops import tickets as tk
from svcops.filters import Filters
from svcops.store import Workspace

D = datetime


def _insert(ws: Workspace, rows: list[dict]) -> None:
    cur = ws.cursor()
    cur.register("new_rows", pd.DataFrame(rows))
    cur.execute("INSERT INTO tickets BY NAME SELECT * FROM new_rows")
    cur.close()


@pytest.fixture
def ws():
    with Workspace() as w:
        yield w


# (created, resolved, closed, priority, own sla_hours) -> done_at, res_hours, sla_target,
# met. Policy: P1 4 h, P2 8 h, P3 24 h, P4 72 h.
ROWS = [
    (
        (D(2024, 3, 1, 8), D(2024, 3, 1, 12), None, "P1", None),
        (D(2024, 3, 1, 12), 4.0, 4.0, True),
    ),  # exactly at the target: met
    (
        (D(2024, 3, 1, 8), D(2024, 3, 1, 12, 0, 1), None, "P1", None),
        (D(2024, 3, 1, 12, 0, 1), 4 + 1 / 3600, 4.0, False),
    ),  # one second over: breached
    (
        (D(2024, 3, 1, 8), None, D(2024, 3, 2, 8), "P3", None),
        (D(2024, 3, 2, 8), 24.0, 24.0, True),
    ),  # closed only: done when closed
    (
        (D(2024, 3, 1, 8), D(2024, 3, 1, 9), D(2024, 3, 9, 9), "P3", 0.5),
        (D(2024, 3, 1, 9), 1.0, 0.5, False),
    ),  # resolved first; own target wins
    (
        (D(2024, 3, 1, 8), D(2024, 3, 1, 9), None, None, None),
        (D(2024, 3, 1, 9), 1.0, None, None),
    ),  # no priority, no target
    ((D(2024, 3, 1, 8), None, None, "P2", None), (None, None, 8.0, None)),  # open
]


@pytest.mark.parametrize(("given", "expected"), ROWS)
def test_cte_columns_and_the_sla_rule(ws, given, expected):
    created, resolved, closed, priority, sla = given
    _insert(
        ws,
        [
            {
                "ticket_id": "T",
                "created_at": created,
                "resolved_at": resolved,
                "closed_at": closed,
                "priority": priority,
                "sla_hours": sla,
            }
        ],
    )
    cte, params = tk.tickets_cte(ws, Filters(start=date(2024, 3, 1), end=date(2024, 3, 31)))
    row = tk.query(
        ws,
        cte
        + f"""
        SELECT done_at, res_hours, sla_target,
               CASE WHEN {tk.SLA_MET} THEN 'met' WHEN {tk.SLA_BREACHED} THEN 'breached' END
                   AS outcome
        FROM t""",
        params,
    ).iloc[0]
    done_at, hours, target, met = expected
    assert (None if pd.isna(row["done_at"]) else row["done_at"].to_pydatetime()) == done_at
    assert (None if pd.isna(row["res_hours"]) else row["res_hours"]) == pytest.approx(hours)
    assert (None if pd.isna(row["sla_target"]) else row["sla_target"]) == target
    assert row["outcome"] == {True: "met", False: "breached", None: None}[met]


def test_dimension_filters_and_period_parameters(ws):
    _insert(
        ws,
        [
            {"ticket_id": "A1", "created_at": D(2024, 3, 1, 9), "team": "A"},
            {"ticket_id": "B1", "created_at": D(2024, 3, 2, 9), "team": "B"},
            {"ticket_id": "A2", "created_at": D(2024, 3, 9, 9), "team": "A"},
        ],
    )
    cte, params = tk.tickets_cte(ws, Filters(teams=("A",)))
    # The open period is the data's first to last day, as half-open bounds.
    assert (params["lo"], params["hi"]) == (D(2024, 3, 1), D(2024, 3, 10))
    assert params["teams_0"] == "A"
    out = tk.query(ws, cte + f" SELECT {tk.KPI_SQL['tickets']} AS n FROM t", params)
    assert out["n"].iloc[0] == 2
    # query passes only the parameters the SQL names; DuckDB refuses the others.
    assert tk.query(ws, "SELECT $hi AS hi", params)["hi"].iloc[0] == pd.Timestamp(2024, 3, 10)


def test_data_period_and_resolve_period(ws):
    assert tk.data_period(ws) is None
    today = date.today()
    assert tk.resolve_period(ws, Filters()) == Filters(start=today, end=today)
    _insert(
        ws, [{"ticket_id": "X", "created_at": D(2024, 2, 20, 9), "closed_at": D(2024, 3, 5, 9)}]
    )
    assert tk.data_period(ws) == (date(2024, 2, 20), date(2024, 3, 5))  # closing counts
    assert tk.resolve_period(ws, Filters(start=date(2024, 3, 1))) == Filters(
        start=date(2024, 3, 1), end=date(2024, 3, 5)
    )
    given = Filters(start=date(2024, 1, 1), end=date(2024, 1, 2))
    assert tk.resolve_period(ws, given) is given


def test_kpi_expressions_for_a_bucket_drop_the_period_condition():
    day = tk.kpi_sql(created="TRUE", done="TRUE")
    assert day["tickets"] == day["resolved"] == "count(*)"
    assert day["sla_attainment"] == (
        f"avg(CASE WHEN {tk.SLA_MET} THEN 1.0 ELSE 0.0 END) FILTER (WHERE {tk.HAS_TARGET})"
    )
    assert tk.KPI_SQL["sla_attainment"] == (
        f"avg(CASE WHEN {tk.SLA_MET} THEN 1.0 ELSE 0.0 END) "
        f"FILTER (WHERE {tk.DONE_IN} AND {tk.HAS_TARGET})"
    )
    assert tk.aliased(tk.KPI_SQL, ["tickets"]) == f"{tk.KPI_SQL['tickets']} AS tickets"


def test_data_span_ends_volume_on_the_last_day_a_ticket_was_created(ws):
    assert tk.data_span(ws) is None
    # Created 1 Jan to 10 Feb; the last closure comes long after the last new ticket.
    _insert(
        ws,
        [
            {"ticket_id": "A", "created_at": D(2024, 1, 1, 9), "resolved_at": D(2024, 1, 2, 9)},
            {
                "ticket_id": "B",
                "created_at": D(2024, 2, 10, 23, 59),
                "closed_at": D(2024, 3, 20, 8),
            },
        ],
    )
    span = tk.data_span(ws)
    assert span == tk.DataSpan(
        first=date(2024, 1, 1), last=date(2024, 3, 20), last_created=date(2024, 2, 10)
    )
    assert tk.data_period(ws) == (date(2024, 1, 1), date(2024, 3, 20))


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (28, (date(2024, 1, 14), date(2024, 2, 10))),  # 28 whole days ending on the last creation
        (7, (date(2024, 2, 4), date(2024, 2, 10))),
        (1, (date(2024, 2, 10), date(2024, 2, 10))),
        (91, (date(2024, 1, 1), date(2024, 2, 10))),  # the history is shorter: all of it
        (None, (date(2024, 1, 1), date(2024, 3, 20))),  # the whole span, closures included
    ],
)
def test_recent_period_is_the_last_days_that_hold_new_tickets(days, expected):
    span = tk.DataSpan(
        first=date(2024, 1, 1), last=date(2024, 3, 20), last_created=date(2024, 2, 10)
    )
    start, end = span.recent(days)
    assert (start, end) == expected
    assert days is None or (end - start).days + 1 == min(days, 41)  # 1 Jan..10 Feb: 41 days


def test_period_activity_counts_tickets_created_or_done_in_the_period(ws):
    _insert(
        ws,
        [
            {
                "ticket_id": "A",
                "created_at": D(2024, 1, 1, 9),
                "team": "X",
                "resolved_at": D(2024, 1, 20, 9),
            },
            {"ticket_id": "B", "created_at": D(2024, 1, 25, 9), "team": "Y"},
        ],
    )

    def n(start, end, **dims):
        return tk.period_activity(ws, Filters(start=start, end=end, **dims))

    assert n(date(2024, 1, 1), date(2024, 1, 1)) == 1  # A created
    assert n(date(2024, 1, 10), date(2024, 1, 20)) == 1  # A done, nothing created
    assert n(date(2024, 1, 21), date(2024, 1, 24)) == 0  # A open before, nothing happens
    assert n(date(2024, 1, 20), date(2024, 1, 25)) == 2
    assert n(date(2024, 1, 20), date(2024, 1, 25), teams=("Y",)) == 1
    assert n(date(2024, 1, 1), date(2024, 1, 19), teams=("Y",)) == 0
    assert n(None, None) == 2  # open: the whole history


def test_times_out_of_order_enter_no_time_based_figure(ws):
    """Four P2 tickets (target 8 h) resolved in March: after 2 h, 4 h and 10 h, and one
    "resolved" 805 h before it was created. Counted as created and resolved; no
    duration or SLA verdict from it: median of 2, 4, 10 is 4 h (not 3 h with -805 in);
    SLA met 2 of 3 (not 3 of 4, with -805 h counting as within 8 h)."""
    from svcops import kpi

    created = D(2024, 3, 10, 8)
    hours = {"A": 2, "B": 4, "C": 10}
    rows = [
        {
            "ticket_id": k,
            "created_at": created,
            "resolved_at": created + pd.Timedelta(hours=h),
            "priority": "P2",
        }
        for k, h in hours.items()
    ]
    rows.append(
        {
            "ticket_id": "Z",
            "created_at": created,
            "first_response_at": created,
            "resolved_at": created - pd.Timedelta(hours=805),
            "priority": "P2",
        }
    )
    _insert(ws, rows)
    figures = kpi.compute(ws, Filters(start=date(2024, 2, 1), end=date(2024, 3, 31)))
    assert figures["tickets"] == 4 and figures["resolved"] == 4
    assert figures["resolution_hours_median"] == pytest.approx(4.0)
    # Linear interpolation at 0.9 x (3 - 1) = 1.8 places: 4 + 0.8 x (10 - 4).
    assert figures["resolution_hours_p90"] == pytest.approx(4 + 0.8 * 6)
    assert figures["sla_attainment"] == pytest.approx(2 / 3)

    count, listed = tk.out_of_order(ws)
    assert count == 1
    assert listed[["ticket_id", "problem"]].values.tolist() == [
        ["Z", "data.quality.resolved_before_created"]
    ]


def test_out_of_order_lists_each_rule_and_counts_beyond_its_limit(ws):
    base = D(2024, 3, 10, 8)
    early = base - pd.Timedelta(hours=1)
    _insert(
        ws,
        [
            {"ticket_id": "R", "created_at": base, "resolved_at": early},
            {"ticket_id": "C", "created_at": base, "closed_at": early},
            {"ticket_id": "F", "created_at": base, "first_response_at": early},
            {"ticket_id": "OK", "created_at": base, "resolved_at": base},  # equal: in order
        ],
    )
    count, listed = tk.out_of_order(ws)
    assert count == 3
    assert dict(zip(listed["ticket_id"], listed["problem"], strict=True)) == {
        "C": "data.quality.closed_before_created",
        "F": "data.quality.response_before_created",
        "R": "data.quality.resolved_before_created",
    }
    count, listed = tk.out_of_order(ws, limit=2)
    assert count == 3 and listed["ticket_id"].tolist() == ["C", "F"]
