"""The seeded sample generator: contract, determinism and the planted relationships."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from svcops import sample
from svcops.schema import TABLES

END = pd.Timestamp(sample.DEFAULT_END)
DAY_END = END + pd.Timedelta(hours=23, minutes=59)


@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    return sample.generate(7)


@pytest.fixture(scope="module")
def small() -> dict[str, pd.DataFrame]:
    return sample.generate(7, days=60)


@pytest.fixture(scope="module")
def full_workbook(frames, tmp_path_factory):
    return sample.write_workbook(frames, tmp_path_factory.mktemp("wb") / "sample.xlsx")


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _week(ts: pd.Series) -> pd.Series:
    return ts.dt.to_period("W-SUN").dt.start_time


def _understaffed(weeks: pd.Series) -> pd.Series:
    return weeks.isin([pd.Timestamp(d) for d in sample.UNDERSTAFFED_WEEKS])


# --------------------------------------------------------------------------- contract


def test_every_table_has_its_canonical_columns(frames):
    expected = {name: list(TABLES[name].column_names) for name in sample.TABLE_NAMES}
    expected["tickets"].remove("cost")
    for verdict in ("sla_met", "sla_breached"):  # judged by sla_hours and the policy
        expected["tickets"].remove(verdict)
    expected["costs"].remove("currency")  # one currency, named in the page's settings
    assert set(frames) == set(expected)
    assert "events" not in frames
    for name, frame in frames.items():
        assert list(frame.columns) == expected[name], name
        assert len(frame) > 0, name


def test_column_types(frames):
    t = frames["tickets"]
    for col in ("created_at", "first_response_at", "resolved_at", "closed_at"):
        assert pd.api.types.is_datetime64_dtype(t[col]), col
        stamps = t[col].dropna()
        assert (stamps.dt.second == 0).all() and (stamps.dt.microsecond == 0).all(), col
        assert stamps.dt.tz is None
    for name, col in [
        ("roster", "date"),
        ("costs", "period"),
        ("availability", "date"),
        ("risks", "due_date"),
        ("risks", "last_review"),
        ("initiatives", "start_date"),
        ("surveys", "date"),
    ]:
        values = frames[name][col]
        assert pd.api.types.is_datetime64_dtype(values), (name, col)
        assert (values == values.dt.normalize()).all(), (name, col)
    assert t["first_contact_resolved"].dtype == bool
    for col in ("sla_hours", "reopen_count", "csat", "handle_minutes"):
        assert pd.api.types.is_numeric_dtype(t[col]), col
    assert t["ticket_id"].str.fullmatch(r"INC\d{7}").all()
    assert t["ticket_id"].is_unique
    assert (frames["costs"]["period"].dt.day == 1).all()


def test_table_keys_are_unique(frames):
    for name, frame in frames.items():
        key = [k for k in TABLES[name].key if k in frame.columns]
        assert not frame.duplicated(key).any(), name


def test_sizes(frames):
    assert 60_000 <= len(frames["tickets"]) <= 80_000
    assert 25 <= len(frames["risks"]) <= 35
    assert 15 <= len(frames["initiatives"]) <= 25
    assert 2_500 <= len(frames["surveys"]) <= 3_500


def test_days_must_be_reasonable():
    with pytest.raises(ValueError, match="days"):
        sample.generate(days=3)


def test_same_seed_gives_identical_bytes(small, tmp_path):
    a = sample.write_workbook(small, tmp_path / "a.xlsx")
    b = sample.write_workbook(sample.generate(7, days=60), tmp_path / "b.xlsx")
    c = sample.write_workbook(sample.generate(8, days=60), tmp_path / "c.xlsx")
    assert _sha(a) == _sha(b)
    assert _sha(a) != _sha(c)
    with zipfile.ZipFile(a) as z:
        stamps = {info.date_time for info in z.infolist()}
    assert len(stamps) == 1 and next(iter(stamps))[0] == 1980


def test_workbook_sheets_and_dates(small, tmp_path):
    path = sample.write_workbook(small, tmp_path / "s.xlsx")
    back = pd.read_excel(path, sheet_name=None, engine="calamine")
    assert list(back) == list(small)
    t = back["tickets"]
    assert pd.api.types.is_datetime64_dtype(t["created_at"])
    pd.testing.assert_series_equal(
        t["resolved_at"].astype("datetime64[us]"),
        small["tickets"]["resolved_at"],
        check_names=False,
    )
    assert t["first_contact_resolved"].dtype == bool


def test_write_sample_names_the_file(tmp_path, monkeypatch):
    small = sample.generate(1, days=14)
    monkeypatch.setattr(sample, "generate", lambda seed=7: small)
    path = sample.write_sample(tmp_path / "out", seed=1)
    assert path == tmp_path / "out" / "svcops_sample.xlsx"
    assert path.is_file()


@pytest.mark.slow
def test_full_workbook_is_small_and_reads_back(frames, full_workbook):
    assert full_workbook.stat().st_size < 10 * 1024 * 1024
    back = pd.read_excel(full_workbook, sheet_name=None, engine="calamine")
    assert set(back) == set(frames)
    for name, frame in frames.items():
        assert len(back[name]) == len(frame), name
        assert list(back[name].columns) == list(frame.columns), name


# --------------------------------------------------------------------------- realism


def test_weekdays_busier_than_weekends(frames):
    t = frames["tickets"]
    daily = t.groupby(t["created_at"].dt.normalize()).size()
    weekend = daily.index.day_of_week >= 5
    assert daily[~weekend].mean() > 2 * daily[weekend].mean()


def test_volume_grows(frames):
    t = frames["tickets"]
    per_year = t.groupby(t["created_at"] >= END - pd.Timedelta(days=364)).size()
    assert 1.08 < per_year[True] / per_year[False] < 1.25


def test_spike_days_stand_out_in_one_category(frames):
    t = frames["tickets"]
    daily = t.groupby(t["created_at"].dt.normalize()).size()
    assert len(sample.SPIKE_DATES) == 4
    avail = frames["availability"]
    for d in sample.SPIKE_DATES:
        day = pd.Timestamp(d)
        assert daily[day] > 2 * daily.median(), d
        category, _, service, _, minutes = sample.SPIKES[d]
        on_day = t[t["created_at"].dt.normalize() == day]
        assert (on_day["category"] == category).mean() > 0.4, d
        down = avail[(avail["date"] == day) & (avail["service"] == service)]
        assert down["downtime_minutes"].item() == minutes


def test_holidays_are_quiet(frames):
    t = frames["tickets"]
    daily = t.groupby(t["created_at"].dt.normalize()).size()
    thanksgiving = pd.Timestamp("2025-11-27")
    usual = daily[
        (daily.index.day_of_week == 3)
        & (abs(daily.index - thanksgiving).days <= 28)
        & (daily.index != thanksgiving)
    ].mean()
    assert daily[thanksgiving] < 0.5 * usual


def test_understaffed_weeks_have_fewer_roster_hours(frames):
    r = frames["roster"]
    weekly = r.groupby(_week(r["date"]))["scheduled_hours"].sum()
    under = _understaffed(weekly.index.to_series())
    assert under.sum() == len(sample.UNDERSTAFFED_WEEKS)
    normal = weekly[~under.to_numpy()].median()
    ratio = weekly[under.to_numpy()] / normal
    assert ((ratio > 0.6) & (ratio < 0.8)).all(), ratio


def test_understaffed_weeks_breach_more(frames):
    t = frames["tickets"][frames["tickets"]["resolved_at"].notna()]
    hours = (t["resolved_at"] - t["created_at"]).dt.total_seconds() / 3600
    met = hours <= t["sla_hours"]
    under = _understaffed(_week(t["created_at"]))
    assert met[~under].mean() - met[under].mean() >= 0.05


def test_understaffed_weeks_hurt_the_phone_queue(frames):
    iv = frames["intervals"]
    under = _understaffed(_week(iv["interval_start"]))

    def stats(x):
        return (x["service_level"] * x["offered"]).sum() / x["offered"].sum(), (
            x["abandoned"].sum() / x["offered"].sum()
        )

    sl_u, ab_u = stats(iv[under])
    sl_n, ab_n = stats(iv[~under])
    assert sl_n > 0.75 and sl_u < sl_n - 0.1
    assert ab_u > ab_n


def test_intervals_are_consistent(frames):
    iv = frames["intervals"]
    assert (iv["answered"] + iv["abandoned"] == iv["offered"]).all()
    assert iv["service_level"].dropna().between(0, 1).all()
    assert (iv["channel"] == "phone").all()
    phone = frames["tickets"]["channel"].eq("phone").sum()
    assert 1.3 < iv["offered"].sum() / phone < 1.7
    # Only staffed intervals: weekdays 07:00-20:00, otherwise 09:00-17:00.
    hour = iv["interval_start"].dt.hour
    assert hour.between(7, 19).all()


def test_timestamps_are_ordered(frames):
    t = frames["tickets"]
    resolved = t["resolved_at"].notna()
    assert (t.loc[resolved, "resolved_at"] >= t.loc[resolved, "created_at"]).all()
    responded = t["first_response_at"].notna()
    assert (t.loc[responded, "first_response_at"] >= t.loc[responded, "created_at"]).all()
    both = resolved & responded
    assert (t.loc[both, "first_response_at"] <= t.loc[both, "resolved_at"]).all()
    closed = t["closed_at"].notna()
    assert (closed <= resolved).all()
    gap = t.loc[closed, "closed_at"] - t.loc[closed, "resolved_at"]
    assert gap.between(pd.Timedelta(0), pd.Timedelta(days=3)).all()
    for col in ("first_response_at", "resolved_at", "closed_at"):
        assert (t[col].dropna() <= DAY_END).all()


def test_open_tickets_only_near_the_end(frames):
    t = frames["tickets"]
    open_ = t[t["resolved_at"].isna()]
    assert 0 < len(open_) < 1000
    assert (open_["created_at"] >= END - pd.Timedelta(days=45)).all()
    assert set(open_["status"]) <= {"Open", "In Progress"}
    assert open_["closed_at"].isna().all()
    done = t[t["resolved_at"].notna()]
    assert set(done["status"]) <= {"Resolved", "Closed"}
    assert (done["status"].eq("Closed") == done["closed_at"].notna()).all()


def test_ticket_distributions(frames):
    t = frames["tickets"]
    share = t["priority"].value_counts(normalize=True)
    for prio, expected in zip(sample.PRIORITIES, (0.02, 0.10, 0.50, 0.38), strict=True):
        assert abs(share[prio] - expected) < 0.03, prio
    sla = t.groupby("priority")["sla_hours"].unique()
    assert {p: list(v) for p, v in sla.items()} == {"P1": [4], "P2": [8], "P3": [24], "P4": [72]}
    assert set(t["channel"]) == set(sample.CHANNELS)
    assert t["category"].nunique() == 10 and t["team"].nunique() == 5
    done = t[t["resolved_at"].notna()]
    fcr = done.groupby("channel")["first_contact_resolved"].mean()
    assert 0.5 < fcr["phone"] < 0.7 and 0.5 < fcr["chat"] < 0.7
    assert 0.15 < fcr["email"] < 0.35 and 0.1 < fcr["portal"] < 0.3
    reopen = t["reopen_count"].value_counts(normalize=True)
    assert reopen[0] > 0.9 and 0.03 < reopen[1] < 0.08 and 0.003 < reopen[2] < 0.02
    rated = done["csat"].notna().mean()
    assert 0.2 < rated < 0.3
    assert set(done["csat"].dropna().unique()) <= {1.0, 2.0, 3.0, 4.0, 5.0}
    assert t.loc[t["resolved_at"].isna(), "csat"].isna().all()
    handle = t.groupby("channel")["handle_minutes"].median()
    assert handle["phone"] < handle["chat"] < handle["portal"]


def test_breaches_score_lower_csat(frames):
    t = frames["tickets"].dropna(subset=["csat"])
    met = (t["resolved_at"] - t["created_at"]).dt.total_seconds() / 3600 <= t["sla_hours"]
    assert t.loc[met, "csat"].mean() > t.loc[~met, "csat"].mean() + 0.5


def test_first_contact_fixes_are_fast(frames):
    t = frames["tickets"].dropna(subset=["resolved_at"])
    hours = (t["resolved_at"] - t["created_at"]).dt.total_seconds() / 3600
    assert hours[t["first_contact_resolved"]].median() < 1
    medians = hours[~t["first_contact_resolved"]].groupby(t["priority"]).median()
    assert medians["P1"] < medians["P2"] < medians["P3"] < medians["P4"]


def test_agents_come_from_the_roster(frames):
    t, r = frames["tickets"], frames["roster"]
    team_agents = r.groupby("team")["agent"].unique().map(set)
    for team, agents in t.groupby("team")["agent"].unique().items():
        assert set(agents) <= team_agents[team], team
        assert 6 <= len(agents) <= 12, team
    present = r[r["worked_hours"] > 0]
    shifts = set(zip(present["date"], present["team"], present["agent"], strict=True))
    same_day = [
        key in shifts
        for key in zip(t["created_at"].dt.normalize(), t["team"], t["agent"], strict=True)
    ]
    assert np.mean(same_day) > 0.9


def test_roster_rows_are_sane(frames):
    r = frames["roster"]
    length = (r["shift_end"] - r["shift_start"]).dt.total_seconds() / 3600
    assert (length >= r["scheduled_hours"]).all()
    assert (r["shift_start"].dt.normalize() == r["date"]).all()
    assert r["worked_hours"].between(0, r["scheduled_hours"] + 2).all()
    assert 0.9 < r["worked_hours"].sum() / r["scheduled_hours"].sum() < 1.0
    assert (r["date"].dt.day_of_week >= 5).any()
    assert (r["hourly_cost"] > 0).all()


def test_staff_cost_equals_roster_cost(frames):
    r, c = frames["roster"], frames["costs"]
    expected = (
        (r["worked_hours"] * r["hourly_cost"])
        .groupby([r["team"], r["date"].dt.to_period("M").dt.start_time])
        .sum()
    )
    staff = c[c["category"] == "Staff"].set_index(["cost_center", "period"])["amount"]
    assert len(staff) == len(expected)
    diff = (staff - expected.rename_axis(["cost_center", "period"])).abs()
    assert diff.max() < 0.01


def test_costs_have_budgets_that_are_sometimes_overrun(frames):
    c = frames["costs"]
    assert set(c["category"]) == {"Staff", "Tooling", "Facilities", "Contractors"}
    assert set(c["cost_center"]) == set(sample.TEAMS)
    over = c["amount"] > c["budget"]
    assert 0.1 < over.mean() < 0.8
    monthly = c.groupby("period")["amount"].sum()
    tickets = (
        frames["tickets"]
        .groupby(frames["tickets"]["created_at"].dt.to_period("M").dt.start_time)
        .size()
    )
    per_ticket = monthly / tickets
    assert per_ticket.between(20, 60).all()


def test_availability_is_mostly_up(frames):
    a = frames["availability"]
    assert set(a["service"]) == set(sample.AVAILABILITY_SERVICES)
    assert (a["planned_minutes"] == 1440).all()
    assert (a["downtime_minutes"] == 0).mean() > 0.95
    assert len(a) == 730 * len(sample.AVAILABILITY_SERVICES)


def test_risk_register(frames):
    risks = frames["risks"]
    assert risks["risk_id"].str.fullmatch(r"R-\d{3}").all()
    for col in ("likelihood", "impact", "residual_likelihood", "residual_impact"):
        assert risks[col].between(1, 5).all(), col
    assert (risks["residual_likelihood"] <= risks["likelihood"]).all()
    assert (risks["residual_impact"] <= risks["impact"]).all()
    assert set(risks["status"]) <= {"Open", "Mitigating", "Closed", "Accepted"}
    overdue = risks["last_review"] < END - pd.Timedelta(days=90)
    assert 0 < overdue.sum() < len(risks)


def test_initiatives(frames):
    ini = frames["initiatives"]
    assert ini["initiative_id"].str.fullmatch(r"I-\d{2}").all()
    assert set(ini["stage"]) == {"idea", "assessment", "pilot", "rollout", "scaled", "stopped"}
    has_benefit = ini["realised_benefit"].notna()
    assert (has_benefit == ini["stage"].isin(["rollout", "scaled"])).all()
    assert ini["adoption_rate"].between(0, 1).all()
    assert (ini["investment"] > 0).all() and (ini["expected_annual_benefit"] > 0).all()


def test_surveys_refer_to_rated_tickets(frames):
    s, t = frames["surveys"], frames["tickets"].set_index("ticket_id")
    assert s["response_id"].is_unique and s["ticket_id"].is_unique
    rated = t.loc[s["ticket_id"]]
    assert rated["resolved_at"].notna().all()
    assert (rated["csat"].to_numpy() == s["csat"].to_numpy()).all()
    assert (s["date"].to_numpy() >= rated["resolved_at"].dt.normalize().to_numpy()).all()
    assert s["nps"].between(0, 10).all()
    assert s.groupby("csat")["nps"].mean().is_monotonic_increasing
    gaps = {
        dim: (s[f"{dim}_expectation"] - s[f"{dim}_perception"]).mean()
        for dim in ("tangibles", "reliability", "responsiveness", "assurance", "empathy")
    }
    assert all(g > 0 for g in gaps.values())
    assert max(gaps, key=gaps.get) == "reliability"
    cols = [c for c in s.columns if c.endswith(("_expectation", "_perception"))]
    assert s[cols].stack().between(1, 7).all()


def test_targets(frames):
    targets = frames["targets"]
    overall = targets[targets["team"].isna()].set_index("kpi")
    assert overall.loc["sla_attainment", "target"] == 0.9
    assert overall.loc["cost_per_ticket", "direction"] == "lower"
    assert set(overall.index) == {
        "sla_attainment",
        "fcr_rate",
        "csat_avg",
        "resolution_hours_median",
        "reopen_rate",
        "availability",
        "cost_per_ticket",
    }
    assert set(targets["direction"]) == {"higher", "lower"}
    assert (targets["amber_margin"] > 0).all()


def test_short_windows_and_other_end_dates():
    frames = sample.generate(3, days=30, end=date(2025, 3, 31))
    t = frames["tickets"]
    start = pd.Timestamp(date(2025, 3, 31) - timedelta(days=29))
    assert t["created_at"].min() >= start
    assert t["created_at"].max() <= pd.Timestamp("2025-03-31 23:59")
    assert frames["availability"]["date"].nunique() == 30
    # The 2025-03-11 incident is inside this window.
    daily = t.groupby(t["created_at"].dt.normalize()).size()
    assert daily[pd.Timestamp("2025-03-11")] > 2 * daily.median()
