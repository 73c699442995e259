"""Benefit realisation measured on the tickets: the before/after test on constructed
series with and without a shift, worked out by hand; adoption; the sample's planted
effects."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta

import pytest

from svcops import innovation as inn
from svcops.filters import Filters
from svcops.ingest import import_paths

GO_LIVE = date(2025, 1, 31)
BEFORE = [10, 12, 14, 16, 18]  # mean 14


def _tickets(after_cycle, days=30):
    """One chat ticket a day for ``days`` days before GO_LIVE and ``days`` from it, its
    handle minutes cycling through BEFORE, then ``after_cycle``; one phone ticket a day
    with 100 minutes that the chat segment must leave out. Portal tickets from go-live
    on: one every second day."""
    rows = []
    start = GO_LIVE - timedelta(days=days)
    for i in range(2 * days):
        day = datetime.combine(start + timedelta(days=i), datetime.min.time())
        cycle = BEFORE if i < days else after_cycle
        created = day + timedelta(hours=9)
        for channel, minutes in (("chat", cycle[i % 5]), ("phone", 100)):
            rows.append(
                {
                    "ticket_id": f"{channel}-{i}",
                    "created_at": created,
                    "resolved_at": created + timedelta(hours=1),
                    "channel": channel,
                    "team": "Desk",
                    "handle_minutes": minutes,
                    "first_contact_resolved": True,
                }
            )
        if i >= days and i % 2 == 0:
            rows.append(
                {
                    "ticket_id": f"portal-{i}",
                    "created_at": created,
                    "resolved_at": created + timedelta(hours=1),
                    "channel": "portal",
                    "team": "Desk",
                    "handle_minutes": 14,
                }
            )
    return rows


REGISTER = [
    {
        "initiative_id": "BOT",
        "name": "Chat bot",
        "stage": "rollout",
        "go_live_date": datetime.combine(GO_LIVE, datetime.min.time()),
        "linked_kpi": "handle_minutes",
        "segment_by": "channel",
        "segment": "chat",
        "benefit_per_unit": 0.5,
        "expected_annual_benefit": 1_000,
        "realised_benefit": 800,
        "adoption_channel": "portal",
        "target_adoption": 0.3,
    },
    {"initiative_id": "NOLINK", "name": "No KPI", "stage": "idea"},
    {
        "initiative_id": "LATE",
        "name": "Goes live later",
        "stage": "pilot",
        "go_live_date": datetime(2030, 1, 1),
        "linked_kpi": "fcr_rate",
    },
    {"initiative_id": "ODD", "name": "Odd KPI", "stage": "pilot", "linked_kpi": "happiness"},
]


def _ws(ws, workbook, after_cycle):
    import_paths(ws, [workbook({"tickets": _tickets(after_cycle), "initiatives": REGISTER})])
    return ws


# --------------------------------------------------------------------------- the test


def test_mann_whitney_by_hand():
    # a = 1,2,3 and b = 4,5,6: a's ranks 1+2+3 = 6, U = 6 - 3*4/2 = 0; mean U 4.5;
    # variance 3*3/12 * (6+1) = 5.25; z = (0 - 4.5 + 0.5) / sqrt(5.25) = -1.7457.
    u, p = inn.mann_whitney([1, 2, 3], [4, 5, 6])
    assert u == 0.0
    assert p == pytest.approx(math.erfc(4.0 / math.sqrt(5.25) / math.sqrt(2)))
    assert p == pytest.approx(0.0809, abs=1e-4)


def test_mann_whitney_ties_by_hand():
    # Pooled 1,1,2,2,3,3: ranks 1.5,1.5,3.5,3.5,5.5,5.5; a = 1,1,2 has R = 6.5, U = 0.5.
    # Three pairs of ties: sum(t^3 - t) = 18; variance 9/12 * (7 - 18/30) = 4.8;
    # z = (0.5 - 4.5 + 0.5) / sqrt(4.8).
    u, p = inn.mann_whitney([1, 1, 2], [2, 3, 3])
    assert u == 0.5
    assert p == pytest.approx(math.erfc(3.5 / math.sqrt(4.8) / math.sqrt(2)))
    # Identical samples: no evidence at all; all values equal: p = 1.
    assert inn.mann_whitney([1, 2, 3], [3, 2, 1])[1] == 1.0
    assert inn.mann_whitney([5, 5], [5, 5])[1] == 1.0
    with pytest.raises(ValueError):
        inn.mann_whitney([], [1])


# --------------------------------------------------------------------------- measured


def test_a_real_shift_is_confirmed_and_priced(ws, workbook):
    _ws(ws, workbook, [5, 7, 9, 11, 13])  # mean 9: five minutes less per chat
    e = inn.measure(ws, Filters(), "BOT", window=30)
    assert (e.before, e.after) == (14.0, 9.0)  # the phone tickets' 100 minutes left out
    assert e.change == -5.0 and e.improvement == 5.0  # lower handle time is better
    assert (e.days_before, e.days_after, e.tickets_after) == (30, 30, 30)
    assert e.p_value < inn.ALPHA
    # Every day after go-live lies below the before days' centre (14): rule 4 fires.
    assert e.shift and not e.worse_shift
    assert e.verdict == "confirmed"
    # 5 minutes x 30 chats in 30 days (365 a year) x 0.5 a minute.
    assert e.realised == pytest.approx(5 * 365 * 0.5)
    assert (e.expected, e.claimed) == (1_000, 800)
    assert len(e.series) == 60 and e.series["after"].sum() == 30
    table = inn.measure_all(ws, Filters(), window=30).set_index("initiative_id")
    assert table.loc["BOT", "verdict"] == "confirmed" and table.loc["BOT", "supported"]


@pytest.mark.parametrize(
    "kpi, segment_by, segment",
    [
        ("Handle time (min)", "Channel", "Chat"),  # the page's own words, capitalised
        ("handle minutes", " channel ", " CHAT "),
        ("处理时长（分钟）", "渠道", "chat"),  # a Chinese register
        ("Handle-Minutes", "CHANNEL", "chat"),
    ],
)
def test_a_register_names_the_kpi_and_segment_as_people_type_them(
    ws, workbook, kpi, segment_by, segment
):
    register = [{**REGISTER[0], "linked_kpi": kpi, "segment_by": segment_by, "segment": segment}]
    import_paths(ws, [workbook({"tickets": _tickets([5, 7, 9, 11, 13]), "initiatives": register})])
    e = inn.measure(ws, Filters(), "BOT", window=30)
    # the same figures as handle_minutes / channel / chat
    assert (e.kpi, e.segment_by, e.before, e.after) == ("handle_minutes", "channel", 14.0, 9.0)
    assert e.verdict == "confirmed"
    assert inn.adoption(ws, Filters(), "BOT").reason is None


def test_no_shift_is_not_confirmed(ws, workbook):
    _ws(ws, workbook, BEFORE)  # the same days again
    e = inn.measure(ws, Filters(), "BOT", window=30)
    assert e.before == e.after == 14.0 and e.change == 0.0
    # Each value appears 6 times on each side: U = n_a n_b / 2, z = 0.
    assert e.p_value == 1.0
    # The cycle returns to the centre (14) every fifth day: no run of 8 on one side.
    assert not e.shift and not e.worse_shift
    assert e.verdict == "no_change" and e.realised == 0.0
    table = inn.measure_all(ws, Filters(), window=30).set_index("initiative_id")
    assert table.loc["BOT", "supported"] == False  # noqa: E712 - claimed 800, not shown


def test_a_change_for_the_worse(ws, workbook):
    _ws(ws, workbook, [15, 17, 19, 21, 23])
    e = inn.measure(ws, Filters(), "BOT", window=30)
    assert e.improvement == -5.0 and e.worse_shift and e.verdict == "worse"
    assert e.realised == pytest.approx(-5 * 365 * 0.5)


def test_other_kpis_on_the_same_days(ws, workbook):
    _ws(ws, workbook, [5, 7, 9, 11, 13])
    days = inn.kpi_days(ws, Filters(), "tickets", date(2025, 1, 1), date(2025, 1, 3))
    assert days["value"].tolist() == [2, 2, 2] and days["n"].tolist() == [2, 2, 2]
    fcr = inn.kpi_days(ws, Filters(), "fcr_rate", GO_LIVE, GO_LIVE + timedelta(days=1))
    # Chat and phone fixed at first contact; the portal ticket (day 1) has no answer.
    assert fcr["value"].tolist() == [1.0, 1.0] and fcr["n"].tolist() == [2, 2]


def test_filters_apply_to_the_measured_kpi(ws, workbook):
    _ws(ws, workbook, [5, 7, 9, 11, 13])
    e = inn.measure(ws, Filters(channels=("phone",)), "BOT", window=30)
    assert e.verdict == "no_data" and e.days_before == 0
    assert e.reason.key == "innovation.reason.few_days"


def test_what_cannot_be_measured(ws, workbook):
    _ws(ws, workbook, BEFORE)
    table = inn.measure_all(ws, Filters(), window=30).set_index("initiative_id")
    assert "NOLINK" not in table.index
    assert table.loc["LATE", "verdict"] == "not_live"
    assert table.loc["LATE", "reason"].key == "innovation.reason.live_after"
    assert table.loc["ODD", "verdict"] == "no_link"
    assert table.loc["ODD", "reason"].key == "innovation.reason.unknown_kpi"
    with pytest.raises(ValueError, match="window"):
        inn.measure(ws, Filters(), "BOT", window=3)
    with pytest.raises(KeyError):
        inn.measure(ws, Filters(), "NOPE")


def test_register_only_workspace_says_there_are_no_tickets(ws, workbook):
    import_paths(ws, [workbook({"initiatives": REGISTER})])
    table = inn.measure_all(ws, Filters()).set_index("initiative_id")
    assert table.loc["BOT", "verdict"] == "no_data"
    assert table.loc["BOT", "reason"].key == "innovation.reason.no_tickets"
    assert inn.adoption(ws, Filters(), "BOT").reason.key == "innovation.reason.no_tickets"


# --------------------------------------------------------------------------- adoption


def test_adoption_by_month(ws, workbook):
    _ws(ws, workbook, BEFORE)
    a = inn.adoption(ws, Filters(), "BOT")
    assert a.channel == "portal" and a.target == 0.3 and a.go_live == GO_LIVE
    fr = a.frame.set_index(a.frame["period"].dt.strftime("%Y-%m"))
    # The segment is chat only: no chat ticket goes through the portal.
    assert fr["share"].eq(0).all()
    a2 = inn.adoption(ws, Filters(channels=("chat", "portal")), "NOLINK")
    assert a2.reason.key == "innovation.reason.no_channel"


def test_adoption_share_on_all_tickets(ws, workbook):
    register = [{**REGISTER[0], "segment_by": None, "segment": None}]
    import_paths(ws, [workbook({"tickets": _tickets(BEFORE), "initiatives": register})])
    a = inn.adoption(ws, Filters(), "BOT")
    fr = a.frame.set_index(a.frame["period"].dt.strftime("%Y-%m"))
    # January: 2 tickets on each of its 31 days, and 31 Jan (go-live, i = 30, even) adds
    # a portal ticket: 1 of 63. February: days i = 31..58, portal on the 14 even ones.
    assert fr.loc["2025-01", "n"] == 63 and fr.loc["2025-01", "share"] == pytest.approx(1 / 63)
    assert fr.loc["2025-02", "n"] == 56 + 14
    assert fr.loc["2025-02", "share"] == pytest.approx(14 / 70)
    assert fr.loc["2025-01", "after"] and fr.loc["2025-02", "after"]
    # Last 30 days (31 Jan - 1 Mar, i = 30..59): 60 + 15 tickets, 15 through the portal.
    assert a.current == pytest.approx(15 / 75)


def test_the_adoption_channel_is_matched_without_case_or_spaces(ws, workbook):
    register = [{**REGISTER[0], "segment_by": None, "segment": None, "adoption_channel": " Portal"}]
    import_paths(ws, [workbook({"tickets": _tickets(BEFORE), "initiatives": register})])
    assert inn.adoption(ws, Filters(), "BOT").current == pytest.approx(15 / 75)  # as above


# --------------------------------------------------------------------------- the sample


def test_sample_finds_the_two_real_effects_and_not_the_false_claim(sample_ws):
    table = inn.measure_all(sample_ws, Filters(), window=90).set_index("name")
    assert table.loc["Knowledge base revamp", "verdict"] == "confirmed"
    assert table.loc["Chat bot for top 20 intents", "verdict"] == "confirmed"
    billing = table.loc["Billing dispute fast lane"]
    assert billing["verdict"] != "confirmed" and billing["claimed"] > 0
    assert not billing["supported"]


def test_sample_adoption_reaches_its_target_after_go_live(sample_ws):
    # Password self-service moves Access tickets to the portal from go-live (16 March
    # 2026), 30 more of every 100 after a 120-day ramp: from about 0.3 to about 0.5.
    a = inn.adoption(sample_ws, Filters(), "I-01")
    assert a.go_live == date(2026, 3, 16) and a.target == 0.5 and a.channel == "portal"
    before = a.frame.loc[~a.frame["after"], "share"]
    assert len(before) == 6 and before.between(0.2, 0.4).all()
    assert a.frame["share"].iloc[-1] > 0.45 and a.current > 0.45
