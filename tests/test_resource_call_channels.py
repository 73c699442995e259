"""Resource planning with a call log beside tickets (issue 17): the phone channel, which
only the call log's interval statistics hold, joins the ticket channels. Figures worked
out by hand from the files below."""

from __future__ import annotations

import pandas as pd

from svcops import resource as rs
from svcops.filters import Filters
from svcops.ingest import import_files
from svcops.store import Workspace

TICKETS = (
    "ticket_id,created_at,resolved_at,channel,team,handle_minutes\n"
    "E1,2026-03-02 09:00,2026-03-02 12:00,email,Desk,10\n"
    "E2,2026-03-02 11:00,2026-03-02 15:00,email,Desk,10\n"
    "E3,2026-03-03 10:00,2026-03-03 16:00,email,Desk,10\n"
)
# 2 March 09:00-09:30: two answered (handled 100 s and 200 s), one abandoned;
# 3 March 10:00-10:30: one answered (60 s).
CALLS = (
    "Call ID,Call Start,Answer Time,Call End\n"
    "1,2026-03-02 09:05:00,2026-03-02 09:05:10,2026-03-02 09:06:50\n"
    "2,2026-03-02 09:10:00,2026-03-02 09:10:30,2026-03-02 09:13:50\n"
    "3,2026-03-02 09:20:00,,\n"
    "4,2026-03-03 10:00:00,2026-03-03 10:00:05,2026-03-03 10:01:05\n"
)


def _ws() -> Workspace:
    ws = Workspace(":memory:")
    import_files(ws, [("tickets.csv", TICKETS.encode()), ("calls.csv", CALLS.encode())])
    return ws


def _series(frame: pd.DataFrame) -> dict[tuple[str, str], int]:
    return {(u, f"{d:%m-%d}"): int(y) for u, d, y in frame.itertuples(index=False)}


def test_the_call_logs_channel_joins_the_ticket_channels():
    ws = _ws()
    assert _series(rs.demand_history(ws, Filters(), "channel")) == {
        ("email", "03-02"): 2,
        ("email", "03-03"): 1,
        ("phone", "03-02"): 3,  # offered: 2 answered + 1 abandoned
        ("phone", "03-03"): 1,
    }
    assert _series(rs.demand_history(ws, Filters(), None)) == {
        ("all", "03-02"): 5,
        ("all", "03-03"): 2,
    }
    aht = rs.handle_times(ws, Filters()).set_index("channel")
    assert aht.loc["email", "aht_seconds"] == 600 and aht.loc["email", "source"] == "tickets"
    # answered-weighted: (150 s x 2 + 60 s x 1) / 3
    assert aht.loc["phone", "aht_seconds"] == 120 and aht.loc["phone", "source"] == "intervals"


def test_a_team_filter_leaves_the_call_log_out():
    # Intervals have no team: under a team filter they cannot be counted in or out.
    ws = _ws()
    desk = Filters(teams=("Desk",))
    assert set(rs.demand_history(ws, desk, "channel")["unique_id"]) == {"email"}
    assert rs.handle_times(ws, desk)["channel"].tolist() == ["email"]
    assert set(rs.demand_history(ws, Filters(channels=("phone",)), "channel")["unique_id"]) == {
        "phone"
    }
