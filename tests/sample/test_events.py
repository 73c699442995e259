"""The sample's event log (issue 11): consistent with its tickets, and with the patterns
the Process design page is meant to find planted in it."""

from __future__ import annotations

import pandas as pd
import pytest

from svcops import sample
from svcops.schema import TABLES


@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    return sample.generate(7, days=120)


@pytest.fixture(scope="module")
def log(frames) -> pd.DataFrame:
    return sample.event_log(frames, 7)


@pytest.fixture(scope="module")
def joined(frames, log) -> pd.DataFrame:
    return log.merge(
        frames["tickets"], left_on="case_id", right_on="ticket_id", suffixes=("", "_ticket")
    )


def test_columns_and_determinism(frames, log):
    assert list(log.columns) == TABLES["events"].column_names
    pd.testing.assert_frame_equal(log, sample.event_log(frames, 7))
    assert not log.equals(sample.event_log(frames, 8))


def test_only_the_last_months_tickets_have_events(frames, log):
    tickets = frames["tickets"]
    first_day = tickets["created_at"].max().normalize() - pd.Timedelta(days=sample.EVENT_DAYS - 1)
    with_events = tickets[tickets["created_at"] >= first_day]["ticket_id"]
    assert set(log["case_id"]) == set(with_events)


def test_events_follow_the_tickets_own_times(frames, log, joined):
    first = joined.groupby("case_id").head(1)
    assert (first["activity"] == "New").all()
    assert (first["timestamp"] == first["created_at"]).all()
    # In order within each case, and never after the data's last timestamp.
    assert (
        joined.groupby("case_id", sort=False)["timestamp"]
        .apply(lambda s: s.is_monotonic_increasing)
        .all()
    )
    t = frames["tickets"]
    last = max(t[c].max() for c in ("created_at", "first_response_at", "resolved_at", "closed_at"))
    assert log["timestamp"].max() <= last
    # The last resolution is the ticket's resolution; Closed its closing.
    done = joined[joined["resolved_at"].notna()]
    final = done[done["activity"] == "Resolved"].groupby("case_id")["timestamp"].max()
    want = done.groupby("case_id")["resolved_at"].first()
    assert (final == want[final.index]).all() and len(final) == len(want)
    closed = joined[joined["activity"] == "Closed"]
    assert (closed["timestamp"] == closed["closed_at"]).all()
    open_ = joined[joined["resolved_at"].isna()]
    assert not open_["activity"].isin(["Resolved", "Closed"]).any()


def test_reopen_loops_match_reopen_count(frames, log):
    reopened = log[log["activity"] == "Reopened"].groupby("case_id").size()
    counts = frames["tickets"].set_index("ticket_id")["reopen_count"]
    have = counts[counts.index.isin(log["case_id"])]
    assert (reopened.reindex(have.index, fill_value=0) == have).all()
    assert have.sum() > 0


def test_live_contacts_tie_new_and_assigned(joined):
    first_two = joined.groupby("case_id").head(2)
    pairs = first_two.groupby("case_id")["timestamp"].agg(["first", "last"])
    live = joined.groupby("case_id")["channel"].first().isin(["phone", "chat"])
    tied = pairs["first"] == pairs["last"]
    assert tied[live].all() and not tied[~live].all()


def _team_runs(log: pd.DataFrame) -> pd.Series:
    teams = log.dropna(subset=["team"])
    changed = teams["team"] != teams.groupby("case_id")["team"].shift()
    return teams[changed].groupby("case_id")["team"].agg(tuple)


def test_handovers_and_a_ping_pong_pair(log):
    runs = _team_runs(log)
    assert (runs.str.len() > 1).mean() > 0.15  # handovers are common
    a, b = sample.PING_PONG
    bounced = runs[
        runs.map(
            lambda r: any(
                r[i] == r[i + 2] and {r[i], r[i + 1]} == {a, b} for i in range(len(r) - 2)
            )
        )
    ]
    assert len(bounced) > 20
    # Only the planted pair bounces.
    others = runs[
        runs.map(
            lambda r: any(
                r[i] == r[i + 2] and {r[i], r[i + 1]} != {a, b} for i in range(len(r) - 2)
            )
        )
    ]
    assert others.empty


def test_the_bottleneck_team_waits_longest_to_start(log):
    nxt = log.groupby("case_id")[["activity", "timestamp"]].shift(-1)
    queue = log[(log["activity"] == "Assigned") & (nxt["activity"] == "In Progress")]
    hours = (nxt.loc[queue.index, "timestamp"] - queue["timestamp"]).dt.total_seconds() / 3600
    by_team = hours.groupby(queue["team"]).median()
    slowest = by_team.idxmax()
    assert slowest == sample.BOTTLENECK_TEAM
    assert by_team[slowest] > 2 * by_team.drop(slowest).max()


def test_write_sample_adds_the_event_log_last(tmp_path, monkeypatch):
    small = sample.generate(1, days=21)
    monkeypatch.setattr(sample, "generate", lambda seed=7: small)
    path = sample.write_sample(tmp_path, seed=1)
    back = pd.read_excel(path, sheet_name=None, engine="calamine")
    assert list(back) == [*sample.TABLE_NAMES, "events"]
    assert len(back["events"]) == len(sample.event_log(small, 1)) > 0
    for name in sample.TABLE_NAMES:
        assert len(back[name]) == len(small[name]), name
