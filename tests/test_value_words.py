"""A channel the importer recognised is stored as its key (``phone``); wherever svcops
shows it (pages, filters, headlines, the review pack) it reads in the reader's
language. Names from the data (teams, categories) are shown as they are."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from svcops.filters import Filters
from svcops.headlines import headlines
from svcops.i18n import Message, render, value_name, value_word
from svcops.ingest import import_paths
from svcops.ingest.values import CHANNELS
from svcops.store import Workspace


def test_a_channel_key_is_a_message_and_a_name_from_the_data_is_itself():
    assert value_word("phone") == Message("value.phone")
    assert value_word("(none)") == Message("common.none")
    assert value_word("Service Desk") == "Service Desk"
    assert value_word("Phone") == "Phone"  # a team or category of that name: as written
    assert value_word(3) == 3
    assert value_name("walk-in", "zh") == "现场"
    assert value_name("email", "en") == "Email"
    assert value_name("Desk", "zh") == "Desk"
    # Every channel the importer can store has its words.
    assert all(isinstance(value_word(c), Message) for c in CHANNELS)


def test_the_headline_names_the_channel_that_moved_volume_in_the_readers_language(tmp_path):
    # The week before: 10 email tickets; this week: 40 phone tickets of the same team and
    # category, so the channel explains most of the change (+40 against +30 for the team).
    lines = ["Ticket ID,Created,Channel,Team,Category"]
    for i in range(10):
        when = datetime(2026, 3, 2, 9) + timedelta(hours=i * 12)
        lines.append(f"T{i},{when:%Y-%m-%d %H:%M},Email,Desk,Access")
    for i in range(40):
        when = datetime(2026, 3, 9, 9) + timedelta(hours=i * 3)
        lines.append(f"U{i},{when:%Y-%m-%d %H:%M},Phone,Desk,Access")
    path = tmp_path / "tickets.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Workspace(tmp_path / "w.duckdb") as ws:
        import_paths(ws, [path])
        assert set(ws.query("SELECT DISTINCT channel FROM tickets").channel) == {"phone", "email"}
        said = headlines(ws, Filters(start=date(2026, 3, 9), end=date(2026, 3, 15)))
    (volume,) = [h for h in said if h.key.startswith("headline.volume")]
    assert volume.key == "headline.volume_up"
    assert volume.params["group"] == Message("value.phone")
    assert volume.params["gdelta"] == 40
    assert render(volume, "zh").endswith("变化主要来自电话（+40）。")
    assert "most of the change is in Phone (+40)." in render(volume, "en")
