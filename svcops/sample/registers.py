"""Hand-kept tables: the risk register, the improvement portfolio and KPI targets."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from ..schema import TABLES
from .calendar import CHATBOT_GO_LIVE, KB_GO_LIVE, SELF_SERVICE_GO_LIVE, Calendar

# (title, category, owner, inherent likelihood, inherent impact, mitigation)
_RISKS = (
    (
        "Single VPN concentrator failure",
        "Technology",
        "Victor Hale",
        3,
        5,
        "Deploy second concentrator in active-active",
    ),
    (
        "Key-person dependency on ERP integration",
        "People",
        "Sunita Rao",
        4,
        4,
        "Cross-train two engineers; document runbooks",
    ),
    (
        "Service Desk attrition above plan",
        "People",
        "Claire Donovan",
        4,
        3,
        "Retention bonus and career ladder",
    ),
    (
        "Telephony platform end of support",
        "Technology",
        "Claire Donovan",
        3,
        4,
        "Migrate to cloud contact centre",
    ),
    (
        "Phishing campaign compromises accounts",
        "Security",
        "Andrew Frost",
        4,
        5,
        "MFA everywhere; phishing simulations",
    ),
    (
        "Ransomware on file shares",
        "Security",
        "Andrew Frost",
        2,
        5,
        "Immutable backups; EDR rollout",
    ),
    (
        "Billing run fails at month end",
        "Operational",
        "Marcus Webb",
        2,
        4,
        "Automated pre-run checks and rollback",
    ),
    (
        "SLA penalties from enterprise contracts",
        "Financial",
        "Julia Moreau",
        3,
        4,
        "Early-warning dashboard on breach trend",
    ),
    ("Email relay blacklisted", "Technology", "Sunita Rao", 2, 3, "SPF/DKIM/DMARC enforcement"),
    (
        "Field van fleet breakdowns",
        "Operational",
        "Helen Park",
        3,
        2,
        "Preventive maintenance contract",
    ),
    (
        "Spare parts shortage for laptops",
        "Supplier",
        "Helen Park",
        3,
        3,
        "Second supplier; buffer stock",
    ),
    (
        "Knowledge base out of date",
        "Process",
        "Claire Donovan",
        4,
        2,
        "Article owners and quarterly review",
    ),
    (
        "Portal outage during peak season",
        "Technology",
        "Sunita Rao",
        2,
        4,
        "Load testing before September peak",
    ),
    (
        "Data protection breach in ticket notes",
        "Compliance",
        "Andrew Frost",
        2,
        5,
        "PII masking in ticket tool",
    ),
    (
        "Budget cut to tooling",
        "Financial",
        "Julia Moreau",
        3,
        3,
        "Business case for tooling consolidation",
    ),
    (
        "Vendor lock-in on ERP hosting",
        "Supplier",
        "Sunita Rao",
        3,
        3,
        "Exit plan and data export tests",
    ),
    ("Power failure at main site", "Facilities", "Helen Park", 1, 4, "UPS and generator testing"),
    (
        "Understaffing during flu season",
        "People",
        "Claire Donovan",
        4,
        3,
        "Flexible pool and overtime agreement",
    ),
    (
        "Change without approval causes outage",
        "Process",
        "Victor Hale",
        3,
        4,
        "Change advisory board and freeze windows",
    ),
    (
        "Monitoring gaps on network edge",
        "Technology",
        "Victor Hale",
        3,
        3,
        "Extend monitoring to branch routers",
    ),
    (
        "Customer data in shadow IT tools",
        "Compliance",
        "Andrew Frost",
        3,
        3,
        "SaaS discovery and policy",
    ),
    (
        "Backlog growth after product launch",
        "Operational",
        "Julia Moreau",
        3,
        3,
        "Launch readiness checklist with support",
    ),
    (
        "Chat bot gives wrong answers",
        "Technology",
        "Claire Donovan",
        2,
        2,
        "Human review of bot intents",
    ),
    (
        "Contractor rates increase",
        "Financial",
        "Julia Moreau",
        4,
        2,
        "Framework agreement with fixed rates",
    ),
    (
        "Certificate expiry on customer portal",
        "Technology",
        "Sunita Rao",
        3,
        4,
        "Automated certificate renewal",
    ),
    (
        "Field engineer safety incident",
        "Health & safety",
        "Helen Park",
        2,
        4,
        "Lone-worker app and training",
    ),
    (
        "Billing disputes escalate to regulator",
        "Compliance",
        "Marcus Webb",
        2,
        4,
        "Dispute SLA and root-cause reviews",
    ),
    (
        "Loss of APAC follow-the-sun partner",
        "Supplier",
        "Julia Moreau",
        2,
        3,
        "Second partner shortlisted",
    ),
    (
        "Aging laptops raise hardware tickets",
        "Technology",
        "Helen Park",
        4,
        2,
        "Refresh programme over two years",
    ),
    (
        "Billing queries depend on one agent",
        "People",
        "Marcus Webb",
        3,
        3,
        "Cross-train two more billing agents",
    ),
)
# Key risk indicators the register links (svcops.risk.indicators keys). The planted
# operations (svcops.sample.risk_plants) drive the backlog and single-agent ones red;
# the roster is short of the forecast plan (svcops.sample.roster) and the Applications
# contractors overrun the budget (svcops.sample.costs). So the Risk page suggests
# reviewing, and no other.
_LINKS = {
    "R-008": "sla_breach_rate",
    "R-012": "reopen_rate",
    "R-013": "volume_anomalies",
    "R-018": "sla_breach_rate; p1_resolution_hours; forecast_understaffing",
    "R-022": "backlog_growth; backlog_ageing",
    "R-024": "cost_overrun",
    "R-030": "single_agent_share",
}
# Kept open whatever the draw: the linked risks the planted indicators make reviewable.
_OPEN = {"R-018": "Open", "R-022": "Open", "R-024": "Open", "R-030": "Open"}
# The one mitigation past its due date at the data's end (days before it).
_OVERDUE = {"R-005": 21}
# Raised in the last month: new since the last monthly review (days before the end).
_RAISED_RECENTLY = {"R-030": 20, "R-025": 12}


def risks(cal: Calendar, rng: np.random.Generator) -> pd.DataFrame:
    """The risk register: ~30 risks with inherent, residual and (for the larger ones)
    target ratings, review cycles, linked indicators, one overdue mitigation and a
    quarter of reviews older than 90 days."""
    rows = []
    for i, (title, category, owner, lik, imp, mitigation) in enumerate(_RISKS, start=1):
        rid = f"R-{i:03d}"
        status = str(
            rng.choice(["Open", "Mitigating", "Closed", "Accepted"], p=[0.35, 0.4, 0.15, 0.10])
        )
        status = _OPEN.get(rid, status)
        if rid in _OVERDUE and status == "Closed":
            status = "Mitigating"
        reduce_l = (
            int(rng.integers(0, 3))
            if status in ("Mitigating", "Closed")
            else int(rng.integers(0, 2))
        )
        reduce_i = int(rng.integers(0, 2)) if status != "Accepted" else 0
        res_l = max(1, lik - reduce_l)
        res_i = max(1, imp - reduce_i)
        # A quarter of the reviews are overdue (older than 90 days at the data end).
        age = int(rng.integers(100, 260)) if rng.random() < 0.25 else int(rng.integers(3, 85))
        last_review = cal.end - timedelta(days=age)
        # Open mitigations fall due after the data's end, but one.
        due = cal.end + timedelta(days=int(rng.integers(14, 200)))
        if status == "Closed":
            due = cal.end - timedelta(days=int(rng.integers(20, 200)))
        if rid in _OVERDUE:
            due = cal.end - timedelta(days=_OVERDUE[rid])
        raised = cal.end - timedelta(days=int(rng.integers(120, 900)))
        if rid in _RAISED_RECENTLY:
            raised = cal.end - timedelta(days=_RAISED_RECENTLY[rid])
            last_review = raised
        big = lik * imp >= 12
        # The owner's target for the larger risks: one step less likely than now.
        target_l = max(1, res_l - 1) if big else np.nan
        target_i = res_i if big else np.nan
        rows.append(
            (
                rid,
                title,
                lik,
                imp,
                category,
                owner,
                res_l,
                res_i,
                status,
                mitigation,
                due,
                last_review,
                raised,
                target_l,
                target_i,
                30 if lik * imp >= 15 else 90,
                _LINKS.get(rid, ""),
            )
        )
    frame = pd.DataFrame(rows, columns=TABLES["risks"].column_names)
    for col in ("target_likelihood", "target_impact"):
        frame[col] = frame[col].astype("Int64")
    frame["indicators"] = frame["indicators"].replace("", None)
    return _finish_register(frame, ("due_date", "last_review", "raised_on"))


# (name, category, stage, owner)
_INITIATIVES = (
    ("Password self-service reset", "Self-service", "scaled", "Claire Donovan"),
    ("Knowledge base revamp", "Knowledge", "scaled", "Claire Donovan"),
    ("Chat bot for top 20 intents", "Automation", "rollout", "Sunita Rao"),
    ("Auto-routing by category", "Automation", "scaled", "Julia Moreau"),
    ("Field service scheduling app", "Tooling", "rollout", "Helen Park"),
    ("Billing dispute fast lane", "Process", "rollout", "Marcus Webb"),
    ("Proactive outage notifications", "Process", "rollout", "Victor Hale"),
    ("Swarming for P2 incidents", "Process", "pilot", "Julia Moreau"),
    ("Agent desktop consolidation", "Tooling", "pilot", "Claire Donovan"),
    ("Predictive staffing model", "Analytics", "pilot", "Julia Moreau"),
    ("Customer portal redesign", "Self-service", "pilot", "Sunita Rao"),
    ("VPN health auto-remediation", "Automation", "assessment", "Victor Hale"),
    ("Shift-left to Service Desk for Access", "Process", "assessment", "Claire Donovan"),
    ("Sentiment analysis on emails", "Analytics", "assessment", "Sunita Rao"),
    ("Remote hands partner for field", "Sourcing", "assessment", "Helen Park"),
    ("Voice biometrics for phone ID", "Tooling", "idea", "Andrew Frost"),
    ("Gamified agent quality scores", "People", "idea", "Claire Donovan"),
    ("Follow-the-sun APAC desk", "Sourcing", "idea", "Julia Moreau"),
    ("Printer fleet outsourcing", "Sourcing", "stopped", "Helen Park"),
    ("Blockchain asset register", "Tooling", "stopped", "Marcus Webb"),
)
_STAGE_AGE_DAYS = {
    "idea": (10, 90),
    "assessment": (40, 150),
    "pilot": (90, 240),
    "rollout": (180, 420),
    "scaled": (360, 700),
    "stopped": (150, 500),
}
_STAGE_ADOPTION = {
    "idea": (0.0, 0.0),
    "assessment": (0.0, 0.0),
    "pilot": (0.05, 0.25),
    "rollout": (0.30, 0.70),
    "scaled": (0.70, 0.95),
    "stopped": (0.0, 0.15),
}
_PATH = ("idea", "assessment", "pilot", "rollout", "scaled")
_DATE_COLUMNS = (
    "start_date",
    "go_live_date",
    "assessment_date",
    "pilot_date",
    "rollout_date",
    "scaled_date",
    "stopped_date",
)
# Initiatives linked to the tickets (name -> fixed fields). The knowledge base and the
# chat bot really move their KPI from go-live (calendar.KB_GO_LIVE, CHATBOT_GO_LIVE);
# the billing fast lane claims a handle-time saving the tickets do not show. Money in
# USD: benefit_per_unit is the value of one more first-contact fix / one agent minute.
_LINKED: dict[str, dict] = {
    "Knowledge base revamp": {
        "go_live_date": KB_GO_LIVE,
        "scaled_after": 120,
        "investment": 60_000.0,
        "running_cost": 6_000.0,
        "expected_annual_benefit": 45_000.0,
        "realised_benefit": 42_000.0,
        "linked_kpi": "fcr_rate",
        "segment_by": "team",
        "segment": "Service Desk",
        "benefit_per_unit": 18.0,
    },
    "Chat bot for top 20 intents": {
        "go_live_date": CHATBOT_GO_LIVE,
        "investment": 45_000.0,
        "running_cost": 8_000.0,
        "expected_annual_benefit": 20_000.0,
        "realised_benefit": 15_000.0,
        "linked_kpi": "handle_minutes",
        "segment_by": "channel",
        "segment": "chat",
        "benefit_per_unit": 0.9,
        "adoption_channel": "chat",
        "target_adoption": 0.25,
    },
    "Billing dispute fast lane": {
        "go_live_date": date(2026, 5, 4),
        "investment": 70_000.0,
        "running_cost": 5_000.0,
        "expected_annual_benefit": 40_000.0,
        "realised_benefit": 35_000.0,
        "linked_kpi": "handle_minutes",
        "segment_by": "category",
        "segment": "Billing",
        "benefit_per_unit": 0.9,
    },
    "Password self-service reset": {
        "go_live_date": SELF_SERVICE_GO_LIVE,
        "segment_by": "category",
        "segment": "Access",
        "adoption_channel": "portal",
        "target_adoption": 0.5,
    },
    "Customer portal redesign": {"adoption_channel": "portal", "target_adoption": 0.45},
}


def initiatives(cal: Calendar, rng: np.random.Generator) -> pd.DataFrame:
    """The improvement portfolio: one row per initiative with the day it entered each
    stage it reached (``start_date`` = idea), its go-live (the rollout day; a pilot's
    go-live for the portal redesign), money (USD; ``running_cost`` per year) and, for
    :data:`_LINKED`, the KPI and segment it should move and the adoption it aims at."""
    rows = []
    for i, (name, category, stage, owner) in enumerate(_INITIATIVES, start=1):
        lo, hi = _STAGE_AGE_DAYS[stage]
        age = int(rng.integers(lo, hi))
        investment = round(float(rng.uniform(15_000, 240_000)), -3)
        expected = round(investment * float(rng.uniform(0.35, 1.6)), -3)
        a_lo, a_hi = _STAGE_ADOPTION[stage]
        adoption = round(float(rng.uniform(a_lo, a_hi)), 2)
        if stage == "scaled":
            realised = round(expected * float(rng.uniform(0.6, 1.1)), -3)
        elif stage == "rollout":
            realised = round(expected * adoption * float(rng.uniform(0.5, 1.0)), -3)
        else:
            realised = np.nan
        running = round(investment * float(rng.uniform(0.05, 0.2)), -2)
        # The stages passed: a stopped initiative was stopped after assessment or pilot.
        if stage == "stopped":
            path = [*_PATH[: int(rng.integers(2, 4))], "stopped"]
        else:
            path = list(_PATH[: _PATH.index(stage) + 1])
        weights = rng.uniform(0.5, 1.5, len(path))
        entered = np.concatenate([[0.0], np.cumsum(weights)[:-1] / weights.sum()])
        start = cal.end - timedelta(days=age)
        dates = {
            s: start + timedelta(days=int(age * f)) for s, f in zip(path, entered, strict=True)
        }
        row = {
            "initiative_id": f"I-{i:02d}",
            "name": name,
            "stage": stage,
            "owner": owner,
            "investment": investment,
            "expected_annual_benefit": expected,
            "realised_benefit": realised,
            "adoption_rate": adoption,
            "category": category,
            "running_cost": running,
            "go_live_date": dates.get("rollout"),
        }
        linked = dict(_LINKED.get(name, {}))
        live = linked.pop("go_live_date", None)
        scaled_after = linked.pop("scaled_after", None)
        if live is not None:
            # Keep the stages before go-live where they fell, ending before it.
            shift = dates["rollout"] - live
            dates = {s: d - shift for s, d in dates.items()}
            if scaled_after is not None:
                dates["scaled"] = live + timedelta(days=scaled_after)
            row["go_live_date"] = live
        if name == "Customer portal redesign":
            row["go_live_date"] = dates["pilot"]
        row.update(linked)
        row["start_date"] = dates["idea"]
        for s in _PATH[1:] + ("stopped",):
            row[f"{s}_date"] = dates.get(s)
        rows.append(row)
    frame = pd.DataFrame(rows).reindex(columns=TABLES["initiatives"].column_names)
    return _finish_register(frame, _DATE_COLUMNS)


def _finish_register(frame: pd.DataFrame, date_cols: tuple[str, ...]) -> pd.DataFrame:
    for col in frame.columns:
        if col in date_cols:
            frame[col] = pd.to_datetime(frame[col]).astype("datetime64[us]")
        elif frame[col].dtype == object:
            frame[col] = frame[col].astype("str")
    return frame


def targets() -> pd.DataFrame:
    rows = [
        ("sla_attainment", 0.90, "higher", 0.05, None),
        ("fcr_rate", 0.60, "higher", 0.05, None),
        ("csat_avg", 4.2, "higher", 0.2, None),
        ("resolution_hours_median", 12.0, "lower", 4.0, None),
        ("reopen_rate", 0.05, "lower", 0.02, None),
        ("availability", 0.995, "higher", 0.003, None),
        ("cost_per_ticket", 30.0, "lower", 5.0, None),
        # Field work needs a visit: a looser resolution target for that team.
        ("sla_attainment", 0.85, "higher", 0.05, "Field Service"),
        ("resolution_hours_median", 24.0, "lower", 6.0, "Field Service"),
    ]
    frame = pd.DataFrame(rows, columns=TABLES["targets"].column_names)
    for col in ("kpi", "direction", "team"):
        frame[col] = frame[col].astype("str")
    return frame
