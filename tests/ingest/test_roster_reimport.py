"""A roster exported again after shifts moved replaces the shifts it gives again: the
agent's shifts of that day, not only a shift that starts at the same minute. The key
keeps the shift's start (one agent may work two shifts in a day), so a moved shift
used to be stored beside the old one, and the day's scheduled hours counted twice."""

from __future__ import annotations

from svcops.ingest import import_paths
from svcops.store import Workspace

HEADER = "Date,Agent,Team,Shift start,Shift end,Hours\n"
WEEK_1 = HEADER + (
    "2026-03-02,Ann,Desk,2026-03-02 08:00,2026-03-02 12:00,4\n"  # a split shift:
    "2026-03-02,Ann,Desk,2026-03-02 14:00,2026-03-02 18:00,4\n"  # two in one day
    "2026-03-02,Bo,Desk,2026-03-02 09:00,2026-03-02 17:00,8\n"
    "2026-03-03,Bo,Desk,2026-03-03 09:00,2026-03-03 17:00,8\n"
)
# Sent again on the Monday evening: Ann now works one long shift; Bo's Monday starts an
# hour later; Bo's Tuesday is not in this export and stays as it was.
WEEK_1_AGAIN = HEADER + (
    "2026-03-02,Ann,Desk,2026-03-02 09:00,2026-03-02 19:00,10\n"
    "2026-03-02,Bo,Desk,2026-03-02 10:00,2026-03-02 18:00,8\n"
)
# Later still: Bo's Monday back to nine o'clock.
WEEK_1_LAST = HEADER + "2026-03-02,Bo,Desk,2026-03-02 09:00,2026-03-02 17:00,8\n"


def _hours(ws: Workspace) -> dict[tuple[str, str], float]:
    rows = ws.query(
        "SELECT agent, strftime(date, '%Y-%m-%d') AS day, sum(scheduled_hours) AS h, "
        "count(*) AS n FROM roster GROUP BY ALL ORDER BY ALL"
    )
    return {(r.agent, r.day): (r.h, r.n) for r in rows.itertuples()}


def test_a_roster_sent_again_replaces_each_agents_shifts_of_the_days_it_gives(tmp_path):
    files = {}
    for name, text in (("w1.csv", WEEK_1), ("w1b.csv", WEEK_1_AGAIN), ("w1c.csv", WEEK_1_LAST)):
        files[name] = tmp_path / name
        files[name].write_text(text, encoding="utf-8")
    with Workspace(tmp_path / "w.duckdb") as ws:
        first = import_paths(ws, [files["w1.csv"]])
        assert (first.sheets[0].rows, first.sheets[0].replaced) == (4, 0)
        assert _hours(ws) == {
            ("Ann", "2026-03-02"): (8.0, 2),
            ("Bo", "2026-03-02"): (8.0, 1),
            ("Bo", "2026-03-03"): (8.0, 1),
        }

        again = import_paths(ws, [files["w1b.csv"]])
        # Ann's two shifts and Bo's Monday shift give way: three rows replaced.
        assert (again.sheets[0].rows, again.sheets[0].replaced) == (2, 3)
        assert _hours(ws) == {
            ("Ann", "2026-03-02"): (10.0, 1),
            ("Bo", "2026-03-02"): (8.0, 1),
            ("Bo", "2026-03-03"): (8.0, 1),
        }
        starts = ws.query("SELECT strftime(shift_start, '%H:%M') AS s FROM roster ORDER BY 1")
        assert starts.s.tolist() == ["09:00", "09:00", "10:00"]

        last = import_paths(ws, [files["w1c.csv"]])
        assert (last.sheets[0].rows, last.sheets[0].replaced) == (1, 1)

        # Removing the middle upload: Bo's Monday stays the last upload's; Ann's day
        # has no later upload, so her split shift of the first comes back.
        ws.remove_upload(again.sheets[0].upload_id)
        assert _hours(ws) == {
            ("Ann", "2026-03-02"): (8.0, 2),
            ("Bo", "2026-03-02"): (8.0, 1),
            ("Bo", "2026-03-03"): (8.0, 1),
        }
        uploads = ws.query("SELECT DISTINCT _upload_id FROM roster ORDER BY 1")
        assert uploads._upload_id.tolist() == [
            first.sheets[0].upload_id,
            last.sheets[0].upload_id,
        ]

        # And removing the last: the first upload's Monday for Bo is back, once.
        ws.remove_upload(last.sheets[0].upload_id)
        assert _hours(ws) == {
            ("Ann", "2026-03-02"): (8.0, 2),
            ("Bo", "2026-03-02"): (8.0, 1),
            ("Bo", "2026-03-03"): (8.0, 1),
        }
        assert ws.scalar("SELECT count(*) FROM _superseded_roster") == 0


def test_two_shifts_of_a_day_in_one_roster_are_both_kept(tmp_path):
    path = tmp_path / "split.csv"
    path.write_text(WEEK_1, encoding="utf-8")
    with Workspace(tmp_path / "w.duckdb") as ws:
        report = import_paths(ws, [path])
        assert (report.sheets[0].rows, report.sheets[0].rejected) == (4, 0)
        # The same file again replaces its own rows one for one.
        again = import_paths(ws, [path])
        assert (again.sheets[0].rows, again.sheets[0].replaced) == (4, 4)
        assert ws.scalar("SELECT sum(scheduled_hours) FROM roster") == 24.0
