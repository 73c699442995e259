"""Process design analyses on small hand-made logs, every answer worked out here.

The logs go through the importer (as a user's CSV would), so events carry their file
position and tickets are derived from them: a case is done when its last activity
closes it.
"""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta

import pandas as pd
import pytest

from svcops import process as P
from svcops.filters import Filters
from svcops.i18n import render
from svcops.ingest import import_files
from svcops.store import Workspace

T0 = datetime(2024, 3, 4, 9, 0)  # a Monday
DAY = Filters(start=date(2024, 3, 4), end=date(2024, 3, 4))


def _h(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


# (case, activity, hours after T0[, team]) in file order. C2's Work and Wait share a
# timestamp: the file says Work came first (by name, Wait would sort first). C3 is a
# single event; C3 and C4 are open when the period ends (no closing activity).
LOG = [
    ("C1", "New", 0),
    ("C1", "Work", 1),
    ("C1", "Work", 3),
    ("C1", "Closed", 6),
    ("C2", "New", 0),
    ("C2", "Work", 2),
    ("C2", "Wait", 2),
    ("C2", "Work", 5),
    ("C2", "Closed", 8),
    ("C3", "New", 1),
    ("C4", "New", 2),
    ("C4", "Work", 4),
    ("C5", "New", 0),
    ("C5", "Closed", 1),
    ("C6", "New", 0),
    ("C6", "Closed", 2),
]


def _csv(rows: list[dict]) -> bytes:
    return pd.DataFrame(rows).to_csv(index=False).encode()


def _events(log) -> bytes:
    return _csv(
        [
            {"case_id": c, "activity": a, "timestamp": _h(h), **({"team": r[0]} if r else {})}
            for c, a, h, *r in log
        ]
    )


@pytest.fixture
def ws(tmp_path):
    with Workspace(tmp_path / "w.duckdb") as w:
        import_files(w, [("log.csv", _events(LOG))])
        yield w


def _edges(pm: P.ProcessMap) -> dict[tuple[str, str], dict]:
    return {(r.source, r.target): r._asdict() for r in pm.edges.itertuples(index=False)}


def test_the_source_is_the_uploaded_log(ws):
    assert P.event_source(ws) == "events"


def test_dfg_counts_ties_self_loops_single_events_and_open_cases(ws):
    pm = P.process_map(ws, DAY)
    assert (pm.cases, pm.complete) == (6, 4)  # C3, C4 still open
    got = {k: (v["cases"], v["events"]) for k, v in _edges(pm).items()}
    assert got == {
        (P.START, "New"): (6, 6),
        ("New", "Work"): (3, 3),  # C1, C2, C4
        ("Work", "Work"): (1, 1),  # C1's self-loop
        ("Work", "Wait"): (1, 1),  # C2: the tie in file order
        ("Wait", "Work"): (1, 1),
        ("Work", "Closed"): (2, 2),  # C1, C2
        ("New", "Closed"): (2, 2),  # C5, C6
        ("Closed", P.END): (4, 4),  # the done cases; open C3, C4 have no end
    }
    nodes = pm.nodes.set_index("activity")
    assert nodes.loc["New", "open_cases"] == 1 and nodes.loc["Work", "open_cases"] == 1
    assert (nodes.loc["Work", "cases"], nodes.loc["Work", "events"]) == (3, 5)


def test_edge_waits_in_hours(ws):
    e = _edges(P.process_map(ws, DAY))
    # New -> Work: C1 1 h, C2 2 h, C4 2 h.
    assert e[("New", "Work")]["median_hours"] == 2
    assert e[("New", "Work")]["mean_hours"] == pytest.approx(5 / 3)
    assert e[("New", "Work")]["total_hours"] == 5
    # Work -> Closed: C1 3 h (from its second Work), C2 3 h.
    assert e[("Work", "Closed")]["median_hours"] == 3
    assert e[("Work", "Wait")]["median_hours"] == 0
    assert e[("New", "Closed")]["median_hours"] == 1.5  # C5 1 h, C6 2 h
    # P90 interpolates: of (1, 2, 2), the 0.9 quantile is 2.
    assert e[("New", "Work")]["p90_hours"] == 2
    assert math.isnan(e[(P.START, "New")]["median_hours"])
    # Time in a stage: Work lasts 2 (C1), 3 (C1), 0 (C2), 3 (C2); C4's is still running.
    work = P.process_map(ws, DAY).nodes.set_index("activity").loc["Work"]
    assert (work["median_hours"], work["total_hours"]) == (2.5, 8)


def test_same_result_on_every_run(tmp_path):
    first = None
    for run in range(3):
        with Workspace(tmp_path / f"r{run}.duckdb") as w:
            import_files(w, [("log.csv", _events(LOG))])
            got = (P.process_map(w, DAY).edges, P.variants(w, DAY))
        if first is None:
            first = got
        else:
            pd.testing.assert_frame_equal(got[0], first[0])
            pd.testing.assert_frame_equal(got[1], first[1])


def test_variants(ws):
    v = P.variants(ws, DAY)
    assert v["activities"].tolist()[0] == "New → Closed"  # C5 and C6
    assert v["cases"].tolist() == [2, 1, 1, 1, 1]
    assert v["share"].tolist()[0] == pytest.approx(2 / 6)
    assert v["cumulative"].iloc[-1] == pytest.approx(1.0)
    rows = v.set_index("activities")
    assert rows.loc["New → Closed", "median_hours"] == 1.5
    assert rows.loc["New → Work → Wait → Work → Closed", "median_hours"] == 8
    assert rows.loc["New → Work → Work → Closed", "steps"] == 4
    assert math.isnan(rows.loc["New", "median_hours"])  # open: no throughput
    assert set(rows.index) == {
        "New → Closed",
        "New",
        "New → Work",
        "New → Work → Work → Closed",
        "New → Work → Wait → Work → Closed",
    }


def test_case_durations(ws):
    d = P.case_durations(ws, DAY).set_index("case_id")
    assert d["hours"].to_dict() == {"C1": 6, "C2": 8, "C3": 0, "C4": 2, "C5": 1, "C6": 2}
    assert d["complete"].to_dict() == {
        "C1": True,
        "C2": True,
        "C3": False,
        "C4": False,
        "C5": True,
        "C6": True,
    }


def test_rework_and_self_loops(ws):
    r = P.rework(ws, DAY)
    assert (r.cases, r.rework_cases, r.reopened, r.reopen_source) == (6, 2, 0, "events")
    work = r.activities.set_index("activity").loc["Work"]
    assert (work["repeat_cases"], work["repeats"], work["self_loops"]) == (2, 2, 1)
    assert work["repeat_share"] == pytest.approx(2 / 3)


def test_reopen_loops(tmp_path):
    log = [
        ("R1", "New", 0),
        ("R1", "Resolved", 1),
        ("R1", "Work", 2),
        ("R1", "Resolved", 3),
        ("R1", "Closed", 4),
        ("R2", "New", 0),
        ("R2", "Resolved", 1),
        ("R2", "Reopened", 2),
        ("R2", "Work", 3),
        ("R2", "Closed", 4),
        ("R3", "New", 0),
        ("R3", "Resolved", 1),
        ("R3", "Closed", 2),
    ]
    with Workspace(tmp_path / "w.duckdb") as w:
        import_files(w, [("log.csv", _events(log))])
        r = P.rework(w, DAY)
    assert r.reopened == 2
    assert list(
        zip(r.loops["from_activity"], r.loops["to_activity"], r.loops["times"], strict=True)
    ) == [("Resolved", "Reopened", 1), ("Resolved", "Work", 1)]


def test_through_an_activity_or_an_edge(ws):
    assert P.process_map(ws, DAY, P.Through("Wait")).cases == 1  # C2
    assert P.process_map(ws, DAY, P.Through("Work", "Closed")).cases == 2  # C1, C2
    assert P.process_map(ws, DAY, P.Through(P.START, "New")).cases == 6
    assert P.process_map(ws, DAY, P.Through("Closed", P.END)).cases == 4
    # On a map without Work and Wait, C1 and C2 go New -> Closed too.
    assert P.process_map(ws, DAY, P.Through("New", "Closed")).cases == 2
    assert P.process_map(ws, DAY, P.Through("New", "Closed", ("New", "Closed"))).cases == 4
    assert P.variants(ws, DAY, P.Through("Wait"))["cases"].tolist() == [1]


def test_map_simplified_by_activity_passes_over_left_out_events(ws):
    pm = P.process_map(ws, DAY, activities=0.5)  # New, Work (most events) of 4
    assert pm.kept == ("New", "Work") and pm.simplified
    assert pm.activities == ("New", "Work", "Closed", "Wait")
    got = {k: v["events"] for k, v in _edges(pm).items()}
    # C2 is New, Work, Work (Wait passed over): its Work -> Work is 2 + 3 = 5 hours.
    assert got[("Work", "Work")] == 2
    assert _edges(pm)[("Work", "Work")]["total_hours"] == 2 + 3
    assert ("New", P.END) in got and got[("New", P.END)] == 2  # C5, C6
    assert got[("Work", P.END)] == 2  # C1, C2


def test_clocks_business_hours_and_waiting(tmp_path):
    # Friday 16:00 to Tuesday 10:00 over a long weekend (Memorial Day, 27 May 2024).
    fri, tue = datetime(2024, 5, 24, 16), datetime(2024, 5, 28, 10)
    rows = [
        {"case_id": "B1", "activity": "New", "timestamp": fri},
        {"case_id": "B1", "activity": "On hold", "timestamp": fri + timedelta(minutes=30)},
        {"case_id": "B1", "activity": "Closed", "timestamp": tue},
    ]
    f = Filters(start=date(2024, 5, 24), end=date(2024, 5, 24))
    with Workspace(tmp_path / "w.duckdb") as w:
        import_files(w, [("log.csv", _csv(rows))])

        def hours(clock):
            return P.case_durations(w, f, clock=clock)["hours"].iloc[0]

        assert hours(P.CALENDAR) == 90
        assert hours(P.Clock(business=True)) == 1 + 8 + 1  # Fri, Mon, Tue
        assert hours(P.Clock(business=True, country="US")) == 1 + 1  # Monday a holiday
        # Waiting: only the half hour before On hold counts.
        assert hours(P.Clock(skip_waiting=True)) == 0.5
        assert hours(P.Clock(business=True, country="US", skip_waiting=True)) == 0.5
    assert P.is_waiting("Pending Customer") and P.is_waiting("Awaiting User Info")
    assert not P.is_waiting("Queued-Awaiting Assignment") and not P.is_waiting("In Progress")


def test_handovers_reassignments_and_ping_pong(tmp_path):
    log = [
        ("H1", "New", 0, "X"),
        ("H1", "Work", 1, "Y"),
        ("H1", "Work", 2, "X"),
        ("H1", "Work", 4, "Y"),
        ("H1", "Closed", 5, "Y"),
        ("H2", "New", 0, "X"),
        ("H2", "Work", 1, None),
        ("H2", "Closed", 2, "X"),
        ("H3", "New", 0, "X"),
        ("H3", "Work", 3, "Y"),
        ("H3", "Closed", 4, "Y"),
        ("H4", "New", 0, "Y"),
        ("H4", "Closed", 1, "Y"),
    ]
    with Workspace(tmp_path / "w.duckdb") as w:
        import_files(w, [("log.csv", _events(log))])
        h = P.handovers(w, DAY)
        with pytest.raises(ValueError):
            P.handovers(w, DAY, by="priority")
    assert h.known and h.cases == 4
    assert dict(zip(h.reassignments["handovers"], h.reassignments["cases"], strict=True)) == {
        "0": 2,
        "1": 1,
        "2": 0,
        "3+": 1,
    }
    m = {
        (r.from_who, r.to_who): (r.handovers, r.cases, r.median_hours)
        for r in h.matrix.itertuples(index=False)
    }
    # X -> Y: H1 after 1 h and after 2 h, H3 after 3 h; Y -> X: H1 after 1 h.
    assert m == {("X", "Y"): (3, 2, 2.0), ("Y", "X"): (1, 1, 1.0)}
    assert h.ping_pong[["a", "b", "cases", "bounces"]].values.tolist() == [["X", "Y", 1, 2]]
    assert h.ping_pong_cases == 1
    assert h.no_handover_share == 0.5  # H2, H4 of four done


def test_derived_events_from_ticket_timestamps(tmp_path):
    rows = [
        {
            "ticket_id": "T1",
            "created_at": T0,
            "first_response_at": _h(1),
            "resolved_at": _h(5),
            "closed_at": _h(29),
            "team": "Desk",
            "reopen_count": 1,
        },
        {
            "ticket_id": "T2",
            "created_at": T0,
            "first_response_at": T0,
            "resolved_at": _h(2),
            "team": "Desk",
            "reopen_count": 0,
        },
        {"ticket_id": "T3", "created_at": _h(3), "team": "Desk"},
    ]
    with Workspace(tmp_path / "w.duckdb") as w:
        import_files(w, [("tickets.csv", _csv(rows))])
        assert P.event_source(w) == "tickets"
        view = P.analyse(w, DAY)
    e = _edges(view.map)
    assert view.source == "tickets"
    # Equal times keep the ticket's order: T2's first response is right after creation.
    assert e[("Created", "First response")]["events"] == 2
    assert e[("First response", "Resolved")]["median_hours"] == 3  # T1 4 h, T2 2 h
    assert e[("Resolved", "Closed")]["events"] == 1
    assert e[("Resolved", P.END)]["events"] == 1 and e[("Closed", P.END)]["events"] == 1
    assert view.map.nodes.set_index("activity").loc["Created", "open_cases"] == 1  # T3
    # Reopens come from reopen_count; no team history, so no handovers.
    assert (view.rework.reopened, view.rework.reopen_source) == (1, "tickets")
    assert view.handovers["team"].matrix.empty


def test_the_bundle_equals_the_single_analyses(ws):
    view = P.analyse(ws, DAY, P.Through("Work"))
    pd.testing.assert_frame_equal(view.map.edges, P.process_map(ws, DAY, P.Through("Work")).edges)
    pd.testing.assert_frame_equal(view.variants, P.variants(ws, DAY, P.Through("Work")))
    alone = P.rework(ws, DAY, P.Through("Work"))
    pd.testing.assert_frame_equal(view.rework.activities, alone.activities)
    assert (
        (view.rework.cases, view.rework.rework_cases) == (alone.cases, alone.rework_cases) == (3, 2)
    )
    pd.testing.assert_frame_equal(
        view.handovers["team"].reassignments, P.handovers(ws, DAY, P.Through("Work")).reassignments
    )


# --------------------------------------------------------------------------- simplify


def _reach(edges: pd.DataFrame, root: str, forward: bool = True) -> set[str]:
    nxt: dict[str, set[str]] = {}
    for s, t in zip(edges["source"], edges["target"], strict=True):
        a, b = (s, t) if forward else (t, s)
        nxt.setdefault(a, set()).add(b)
    seen, todo = {root}, [root]
    while todo:
        for n in nxt.get(todo.pop(), ()):
            if n not in seen:
                seen.add(n)
                todo.append(n)
    return seen


def _graph(*edges: tuple[str, str, int]) -> pd.DataFrame:
    return pd.DataFrame(edges, columns=["source", "target", "events"])


GRAPH = _graph(
    (P.START, "A", 50),
    ("A", "B", 45),
    ("B", P.END, 45),
    ("A", "C", 5),
    ("C", "D", 2),
    ("D", "B", 2),
    ("C", P.END, 3),
    ("B", "A", 4),
    ("A", "A", 6),
    (P.START, "E", 1),
    ("E", "F", 1),
    ("F", "F", 1),
)  # F never ends


@pytest.mark.parametrize("paths", [0.0, 0.1, 0.25, 0.5, 1.0])
def test_simplified_map_stays_connected(paths):
    kept = P.simplify(GRAPH, paths)
    nodes = set(GRAPH["source"]) | set(GRAPH["target"])
    assert _reach(kept, P.START) == nodes  # every node from the start
    ends_in_full = _reach(GRAPH, P.END, forward=False)
    assert _reach(kept, P.END, forward=False) == ends_in_full  # ...and on to the end
    assert "F" not in ends_in_full  # F's cases never ended
    # The most frequent share of the paths is always kept.
    top = GRAPH.sort_values("events", ascending=False).head(math.ceil(paths * len(GRAPH)))
    assert set(zip(top.source, top.target, strict=True)) <= set(
        zip(kept.source, kept.target, strict=True)
    )


def test_simplify_at_zero_keeps_the_widest_paths_only():
    kept = set(zip(*P.simplify(GRAPH, 0.0)[["source", "target"]].T.values, strict=True))
    # D is reached by the widest path START-A-C-D (50, 5, 2) and leads on by D-B-END.
    # C ends best directly (3 > 2 by D and B).
    assert kept == {
        (P.START, "A"),
        ("A", "B"),
        ("B", P.END),
        ("A", "C"),
        ("C", "D"),
        ("D", "B"),
        ("C", P.END),
        (P.START, "E"),
        ("E", "F"),
    }
    assert len(P.simplify(GRAPH, 1.0)) == len(GRAPH)
    with pytest.raises(ValueError):
        P.simplify(GRAPH, 1.5)


def test_layout_places_start_on_top_and_end_at_the_bottom():
    lay = P.layout(GRAPH)
    nodes = lay.nodes.set_index("activity")
    assert nodes.loc[P.START, "layer"] == 0
    assert nodes.loc[P.END, "layer"] == nodes["layer"].max()
    assert (nodes.loc["A", "layer"], nodes.loc["B", "layer"]) == (1, 4)  # A-C-D-B is longest
    # The main path is one straight column.
    assert nodes.loc[[P.START, "A", "B", P.END], "x"].nunique() == 1
    assert (lay.nodes["x0"] >= 0).all() and (lay.nodes["x1"] <= lay.width).all()
    assert (lay.nodes["y1"] <= lay.height).all()
    assert len(lay.arrows) == len(lay.labels) == len(GRAPH)
    # B -> A goes back up: drawn on the right of the boxes it passes.
    back = lay.paths[(lay.paths["source"] == "B") & (lay.paths["target"] == "A")]
    assert back["x"].max() > nodes.loc[["A", "B"], "x1"].max()


# --------------------------------------------------------------------------- flow


def _queue(tmp_path, hours_in_system: float | None, days: int = 60) -> Workspace:
    """One ticket created every hour for ``days`` days, each done ``hours_in_system``
    later (never, with None)."""
    start = datetime(2024, 1, 1)
    rows = [
        {
            "ticket_id": f"Q{i}",
            "created_at": start + timedelta(hours=i),
            **(
                {"resolved_at": start + timedelta(hours=i + hours_in_system)}
                if hours_in_system is not None
                else {}
            ),
        }
        for i in range(days * 24)
    ]
    w = Workspace(tmp_path / "q.duckdb")
    import_files(w, [("tickets.csv", _csv(rows))])
    return w


def test_littles_law_on_a_steady_queue(tmp_path):
    with _queue(tmp_path, 3) as w:
        f = Filters(start=date(2024, 1, 11), end=date(2024, 2, 9))  # 30 days inside
        c = P.little(w, f)
        flow = P.flow(w, f)
    assert c.days == 30 and (c.arrivals, c.completions) == (720, 720)
    assert c.wip == pytest.approx(3)  # 3 tickets open at any time
    assert c.arrival_rate == pytest.approx(24)  # per day
    assert c.time_in_system == pytest.approx(3 / 24)  # days
    assert c.predicted == pytest.approx(3) and c.ratio == pytest.approx(1)
    assert (c.wip_start, c.wip_end, c.open_now) == (3, 3, 0)
    assert c.message.key == "process.little.holds"
    assert "holds" in render(c.message)
    assert len(flow) == 30 and (flow["arrivals"] == 24).all() and (flow["completions"] == 24).all()
    # At the end of each day the tickets of 21:00, 22:00 and 23:00 are open.
    assert (flow["wip"] == 3).all()


def test_a_growing_backlog_is_not_a_steady_state(tmp_path):
    with _queue(tmp_path, None, days=20) as w:
        c = P.little(w, Filters(start=date(2024, 1, 11), end=date(2024, 1, 20)))
    assert (c.arrivals, c.completions, c.open_now) == (240, 0, 240)
    assert c.wip_end - c.wip_start == 240
    assert c.message.key == "process.little.growing" and c.time_in_system is None
    assert "240" in render(c.message, "zh")


def test_flow_follows_a_through_filter(ws):
    f = P.flow(ws, DAY, P.Through("Wait"))
    assert f["arrivals"].tolist() == [1] and f["completions"].tolist() == [1]
    assert P.flow(ws, DAY)["arrivals"].tolist() == [6]


# --------------------------------------------------------------------------- compare


def test_bottlenecks_rank_by_total_waiting_hours(ws):
    edges, activities = P.bottlenecks(P.process_map(ws, DAY))
    assert (edges["source"].iloc[0], edges["target"].iloc[0]) == ("Work", "Closed")  # 6 h
    assert not edges["source"].eq(P.START).any() and not edges["target"].eq(P.END).any()
    # New and Work both hold 8 hours (New: 1 + 2 + 2 + 1 + 2); ties go by name.
    assert activities["activity"].tolist()[:3] == ["New", "Work", "Wait"]
    assert activities["total_hours"].tolist()[:3] == [8, 8, 3]
    assert edges["total_hours"].is_monotonic_decreasing


def test_compare_two_maps(tmp_path):
    before = [
        ("A1", "New", 0),
        ("A1", "Work", 1),
        ("A1", "Closed", 3),
        ("A2", "New", 0),
        ("A2", "Closed", 2),
    ]
    after = [
        ("B1", "New", 24),
        ("B1", "Work", 25),
        ("B1", "Closed", 29),
        ("B2", "New", 24),
        ("B2", "Wait", 25),
        ("B2", "Closed", 26),
    ]
    with Workspace(tmp_path / "w.duckdb") as w:
        import_files(w, [("log.csv", _events(before + after))])
        one = P.process_map(w, DAY)
        two = P.process_map(w, Filters(start=date(2024, 3, 5), end=date(2024, 3, 5)))
    c = P.compare_maps(one, two).set_index(["source", "target"])
    assert c.loc[("New", "Wait"), "change"] == "appeared"
    assert c.loc[("New", "Closed"), "change"] == "vanished"
    row = c.loc[("Work", "Closed")]
    assert (row["change"], row["cases_before"], row["cases_after"]) == ("both", 1, 1)
    assert row["median_change"] == 4 - 2
    assert c.loc[("New", "Closed"), "share_change"] == pytest.approx(-0.5)
    assert list(c["change"])[:3].count("both") == 0  # new and gone paths first


def test_time_in_each_activity_by_team(tmp_path):
    log = [
        ("K1", "New", 0, "X"),
        ("K1", "Work", 1, "X"),
        ("K1", "Closed", 5, "X"),
        ("K2", "New", 0, "Y"),
        ("K2", "Work", 2, "Y"),
        ("K2", "Closed", 3, "Y"),
    ]
    with Workspace(tmp_path / "w.duckdb") as w:
        import_files(w, [("log.csv", _events(log))])
        teams = P.process_map(w, DAY).teams
    got = {(r.activity, r.team): (r.events, r.total_hours) for r in teams.itertuples()}
    assert got == {
        ("Work", "X"): (1, 4),
        ("New", "Y"): (1, 2),
        ("New", "X"): (1, 1),
        ("Work", "Y"): (1, 1),
    }
    assert list(got)[0] == ("Work", "X")  # the most waiting first
