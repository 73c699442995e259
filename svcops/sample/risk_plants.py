"""Operational risks planted in the last weeks of the sample's tickets, for the Risk
page's key risk indicators to find (and the register's linked risks to be reviewed):

* ``BACKLOG_TEAM``'s backlog grows: of its tickets created in the last
  ``PLANT_DAYS`` days, a share rising from 0 to ``OPEN_SHARE`` is still open at the
  data's end (unresolved, unclosed, no first-contact fix, no reopen, no CSAT), so its
  open backlog grows week on week and ages past two weeks;
* ``DEPENDENT_CATEGORY`` depends on one agent: in the same weeks, every ticket of that
  category routed to ``KEY_AGENT``'s team goes to her (on her days off it waits).

Deterministic (no random draws), so the other tables' streams are untouched; the
selection of tickets left open is a low-discrepancy sequence over the team's tickets
in creation order.
"""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pandas as pd

from .calendar import Calendar

BACKLOG_TEAM = "Applications"
DEPENDENT_CATEGORY = "Billing"
KEY_AGENT_TEAM = "Billing Support"
KEY_AGENT = "Nora Jensen"
PLANT_DAYS = 42
OPEN_SHARE = 0.45
_GOLDEN = 0.6180339887498949


def plant(tickets: pd.DataFrame, cal: Calendar) -> pd.DataFrame:
    """``tickets`` with the two planted risks (a copy; the same columns)."""
    out = tickets.copy()
    start = pd.Timestamp(cal.end - timedelta(days=PLANT_DAYS - 1))
    end = pd.Timestamp(cal.end + timedelta(days=1))
    recent = (out["created_at"] >= start) & (out["created_at"] < end)

    # A growing backlog: the later a ticket was created, the likelier it is still open.
    team = np.flatnonzero((recent & (out["team"] == BACKLOG_TEAM)).to_numpy())
    age = (out["created_at"].to_numpy()[team] - start.to_datetime64()) / (end - start)
    share = OPEN_SHARE * np.asarray(age, dtype=float)
    left = team[(np.arange(1, len(team) + 1) * _GOLDEN) % 1.0 < share]
    idx = out.index[left]
    out.loc[idx, ["resolved_at", "closed_at"]] = pd.NaT
    out.loc[idx, "status"] = np.where(
        out.loc[idx, "first_response_at"].isna(), "Open", "In Progress"
    )
    out.loc[idx, "first_contact_resolved"] = False
    out.loc[idx, "reopen_count"] = 0
    out.loc[idx, "csat"] = np.nan

    # One agent: the category's tickets on her team all go to her (on her days off
    # they wait for her; their timings are left as drawn).
    mine = recent & (out["category"] == DEPENDENT_CATEGORY) & (out["team"] == KEY_AGENT_TEAM)
    out.loc[mine, "agent"] = KEY_AGENT
    return out
