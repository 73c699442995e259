"""Everything the Process design page reads of one scope, from one ordered event log."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..filters import Filters
from ..store import Workspace
from .dfg import ProcessMap, map_of
from .lenses import HANDOVER_LEVELS, Handovers, Rework, handovers_of, rework_of
from .log import CALENDAR, Clock, Through, event_log
from .variants import variants_of


@dataclass(frozen=True)
class ProcessView:
    """The map (all activities), variants, rework and handovers (by team and by
    resource) of the tickets created in the period; ``source``: ``"events"`` (an
    uploaded event log) or ``"tickets"`` (events derived from ticket timestamps)."""

    source: str
    map: ProcessMap
    variants: pd.DataFrame
    rework: Rework
    handovers: dict[str, Handovers]


def analyse(
    ws: Workspace, filters: Filters, through: Through | None = None, clock: Clock = CALENDAR
) -> ProcessView:
    """:func:`~.dfg.process_map`, :func:`~.variants.variants`, :func:`~.lenses.rework`
    and :func:`~.lenses.handovers` (each level) of one scope, with the events ordered
    once for all of them (the costly part)."""
    with event_log(ws, filters, clock, through) as log:
        return ProcessView(
            log.source,
            map_of(log),
            variants_of(log),
            rework_of(log),
            {by: handovers_of(log, by) for by in HANDOVER_LEVELS},
        )
