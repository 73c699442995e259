"""Seeded sample workspace: realistic service-operations data for every canonical table.

``generate(seed)`` returns one DataFrame per canonical table (SPEC "Data contract",
the columns of ``svcops.schema``, ``events`` left out because it is derived from
tickets); ``write_workbook(frames, path)`` writes them as one sheet per table,
byte-identical for the same frames; ``write_sample(out_dir, seed)`` does both.

One module per table or concern: ``calendar`` (the window, holidays, planted dates),
``demand`` (expected tickets per day and hour), ``roster``, ``tickets``,
``intervals``, ``costs``, ``availability``, ``registers`` (risks, initiatives,
targets), ``surveys`` and ``workbook``. Each table draws from its own random stream.

The data carries relationships the pages are meant to find:

* demand grows ~15 %/year, with weekly and yearly seasonality and US public
  holidays (``holidays`` package) at ~30 % of a normal day;
* ``SPIKES`` / ``SPIKE_DATES``: four single-day incidents at ~2.5-3x normal volume,
  concentrated in one category, with an outage of the matching service in
  ``availability``, a queue collapse in ``intervals`` and contractor spend in ``costs``;
* ``UNDERSTAFFED_WEEKS``: six weeks whose roster has ~30 % fewer shifts, so
  resolution is slower, SLA attainment lower, the phone service level worse and
  the month's staff cost lower (costs follow the roster exactly);
* every ticket's agent is someone rostered for that team that day (or the next
  rostered day when the ticket arrives while the team is off).

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
from . import availability, costs, intervals, registers, roster, surveys, tickets
from .availability import AVAILABILITY_SERVICES
from .calendar import DEFAULT_END, SPIKE_DATES, SPIKES, UNDERSTAFFED_WEEKS, Calendar
from .roster import AGENTS, TEAMS
from .tickets import CHANNELS, PRIORITIES, REGIONS, SEGMENTS, SLA_HOURS
from .workbook import write_workbook

__all__ = [
    "AGENTS",
    "AVAILABILITY_SERVICES",
    "CHANNELS",
    "DEFAULT_END",
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
    "generate",
    "write_sample",
    "write_workbook",
]

SAMPLE_FILENAME = "svcops_sample.xlsx"

#: The canonical tables the sample fills, in sheet order.
TABLE_NAMES: tuple[str, ...] = (
    "tickets", "intervals", "roster", "costs", "availability", "risks", "initiatives",
    "surveys", "targets",
)
# The sample has no per-ticket cost; cost per ticket comes from ``costs``.
_NOT_GENERATED = {"tickets": ("cost",)}


def columns(table: str) -> list[str]:
    """The sample's columns of ``table``: its canonical columns in ``svcops.schema`` order."""
    return [c for c in TABLES[table].column_names if c not in _NOT_GENERATED.get(table, ())]


def generate(
    seed: int = 7, *, days: int = 730, end: date = DEFAULT_END
) -> dict[str, pd.DataFrame]:
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
    streams = [np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(8)]
    shifts = roster.generate(cal, streams[0])
    ticket_rows, internals = tickets.generate(cal, shifts, streams[1])
    frames = {
        "tickets": ticket_rows,
        "intervals": intervals.generate(cal, internals, shifts, streams[2]),
        "roster": shifts,
        "costs": costs.generate(cal, shifts, streams[3]),
        "availability": availability.generate(cal, streams[4]),
        "risks": registers.risks(cal, streams[5]),
        "initiatives": registers.initiatives(cal, streams[6]),
        "surveys": surveys.generate(cal, ticket_rows, streams[7]),
        "targets": registers.targets(),
    }
    return {name: frames[name][columns(name)].reset_index(drop=True) for name in TABLE_NAMES}


def write_sample(out_dir: str | Path, seed: int = 7) -> Path:
    """Generate the sample workspace and write ``out_dir/svcops_sample.xlsx``."""
    return write_workbook(generate(seed), Path(out_dir) / SAMPLE_FILENAME)
