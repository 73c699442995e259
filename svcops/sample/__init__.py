"""Seeded sample workspace: realistic service-operations data for every canonical table.

``generate(seed)`` returns one DataFrame per canonical table (SPEC "Data contract",
the columns of ``svcops.schema``, ``events`` left out: it is drawn from the tickets);
``event_log(frames, seed)`` draws the event log of the last months' tickets;
``write_workbook(frames, path)`` writes frames as one sheet per table, byte-identical
for the same frames; ``write_sample(out_dir, seed)`` writes all of them, the event log
as the last sheet.

One module per table or concern: ``calendar`` (the window, holidays, planted dates),
``demand`` (expected tickets per day and hour), ``roster``, ``tickets``,
``intervals``, ``costs``, ``availability``, ``registers`` (risks, initiatives,
targets), ``surveys``, ``events`` and ``workbook``. Each table draws from its own
random stream (the event log from a ninth, so the other tables stay as they were).

The data carries relationships the pages are meant to find:

* demand grows ~15 %/year, with weekly and yearly seasonality and US public
  holidays (``holidays`` package) at ~30 % of a normal day;
* ``SPIKES`` / ``SPIKE_DATES``: four single-day incidents at ~2.5-3x normal volume,
  concentrated in one category, with an outage of the matching service in
  ``availability``, a queue collapse in ``intervals`` and contractor spend in ``costs``;
* ``UNDERSTAFFED_WEEKS``: six weeks whose roster has ~30 % fewer shifts, so
  resolution is slower, SLA attainment lower, the phone service level worse and
  the month's staff cost lower (costs follow the roster exactly);
* ``costs`` and a ``budget`` sheet (a year ahead of the data): the Applications
  cost centre's contractors overrun from March 2026 (the largest unfavourable
  variance), a mid-year contractor rate rise (July 2026) and seasonal facilities and
  contractor spend (see :mod:`svcops.sample.costs`);
* every ticket's agent is someone rostered for that team that day (or the next
  rostered day when the ticket arrives while the team is off);
* ``risk_plants``: in the last six weeks the Applications backlog grows and ages, and
  Billing tickets depend on one agent (the Risk page's indicators turn red);
* the event log (``events``: the last ``EVENT_DAYS`` days' tickets) has a bottleneck
  team (``BOTTLENECK_TEAM``), handovers from the Service Desk, a ping-pong pair
  (``PING_PONG``), reopen loops that match ``reopen_count`` and waiting states.

Choices worth knowing:

* ``intervals`` holds only the staffed phone intervals (weekdays 07:00-20:00,
  weekends and holidays 09:00-17:00); phone tickets arrive only then. A staffed
  interval with no calls has ``offered`` 0 and blank AHT, ASA and service level.
  ``service_level`` = calls answered within 20 s / calls offered.
* The roster is a desk rota (agents also do project work), ~640 h a week, so that
  required staff from Erlang C and cost per ticket (~$35-45) are of the same order
  as the ticket workload.
* Staff costs carry service "Shared"; tooling and contractor lines name a service.
* Volume levels follow calendar dates (growth is anchored on 2024-11-01), so a short
  window shows the same level as those dates in a long one; planted dates outside
  the window are simply absent.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from ..schema import TABLES
from . import (
    availability,
    costs,
    events,
    intervals,
    registers,
    risk_plants,
    roster,
    surveys,
    tickets,
)
from .availability import AVAILABILITY_SERVICES
from .calendar import DEFAULT_END, SPIKE_DATES, SPIKES, UNDERSTAFFED_WEEKS, Calendar
from .events import BOTTLENECK_TEAM, PING_PONG
from .events import DAYS as EVENT_DAYS
from .roster import AGENTS, TEAMS
from .tickets import CHANNELS, PRIORITIES, REGIONS, SEGMENTS, SLA_HOURS
from .workbook import write_workbook

__all__ = [
    "AGENTS",
    "AVAILABILITY_SERVICES",
    "BOTTLENECK_TEAM",
    "CHANNELS",
    "DEFAULT_END",
    "EVENT_DAYS",
    "PING_PONG",
    "PRIORITIES",
    "REGIONS",
    "SAMPLE_FILENAME",
    "SEGMENTS",
    "SLA_HOURS",
    "SPIKES",
    "SPIKE_DATES",
    "TABLE_NAMES",
    "TEAMS",
    "UNDERSTAFFED_WEEKS",
    "columns",
    "event_log",
    "generate",
    "write_sample",
    "write_workbook",
]

SAMPLE_FILENAME = "svcops_sample.xlsx"

#: The canonical tables the sample fills, in sheet order.
TABLE_NAMES: tuple[str, ...] = (
    "tickets",
    "intervals",
    "roster",
    "costs",
    "budget",
    "availability",
    "risks",
    "initiatives",
    "surveys",
    "targets",
)
# The sample has no per-ticket cost; cost per ticket comes from ``costs``. Nor does it
# carry a source SLA verdict: its tickets are judged by their sla_hours and the policy.
_NOT_GENERATED = {"tickets": ("cost", "sla_met", "sla_breached"), "costs": ("currency",)}
# The random streams: one per table of ``generate``, then the event log's.
_STREAMS = 8


def columns(table: str) -> list[str]:
    """The sample's columns of ``table``: its canonical columns in ``svcops.schema`` order."""
    return [c for c in TABLES[table].column_names if c not in _NOT_GENERATED.get(table, ())]


def generate(seed: int = 7, *, days: int = 730, end: date = DEFAULT_END) -> dict[str, pd.DataFrame]:
    """Generate the sample workspace.

    Args:
        seed: random seed; the same seed gives the same frames.
        days: length of the window in days, ending on ``end`` (inclusive).
        end: last day of data; tickets still unresolved then are open.

    Returns:
        ``{table: DataFrame}`` for the tables of ``TABLE_NAMES``, each with exactly
        ``columns(table)``. Timestamps are naive ``datetime64[us]`` (minute precision),
        dates are midnight, money in USD, durations in the unit the column name says.
    """
    if not isinstance(days, int) or days < 14:
        raise ValueError("days must be an integer of at least 14")
    cal = Calendar(end, days)
    # One random stream per table, so changing one generator leaves the others' data alone.
    streams = [np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(_STREAMS)]
    shifts = roster.generate(cal, streams[0])
    ticket_rows, internals = tickets.generate(cal, shifts, streams[1])
    ticket_rows = risk_plants.plant(ticket_rows, cal)
    frames = {
        "tickets": ticket_rows,
        "intervals": intervals.generate(cal, internals, shifts, streams[2]),
        "roster": shifts,
        "costs": (cost_lines := costs.generate(cal, shifts, streams[3])),
        "budget": costs.budget(cal, cost_lines),
        "availability": availability.generate(cal, streams[4]),
        "risks": registers.risks(cal, streams[5]),
        "initiatives": registers.initiatives(cal, streams[6]),
        "surveys": surveys.generate(cal, ticket_rows, streams[7]),
        "targets": registers.targets(),
    }
    return {name: frames[name][columns(name)].reset_index(drop=True) for name in TABLE_NAMES}


def event_log(frames: dict[str, pd.DataFrame], seed: int = 7) -> pd.DataFrame:
    """The event log of ``frames["tickets"]`` (``generate(seed)``'s), drawn from its own
    random stream: ``case_id, activity, timestamp, resource, team`` for the tickets of
    the last ``EVENT_DAYS`` days (see :mod:`svcops.sample.events`)."""
    stream = np.random.SeedSequence(seed).spawn(_STREAMS + 1)[_STREAMS]
    return events.generate(frames["tickets"], np.random.default_rng(stream))


def write_sample(out_dir: str | Path, seed: int = 7) -> Path:
    """Generate the sample workspace and write ``out_dir/svcops_sample.xlsx``: the
    tables of ``generate(seed)``, then the event log."""
    frames = generate(seed)
    return write_workbook(
        {**frames, "events": event_log(frames, seed)}, Path(out_dir) / SAMPLE_FILENAME
    )
