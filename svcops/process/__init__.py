"""Process design: where work waits, loops and bounces.

From the workspace's event log (uploaded, or derived from ticket timestamps), in
DuckDB SQL with window functions over ``events``:

* :mod:`.log` - which events, in what order, for which cases, timed by which clock;
* :mod:`.dfg` - the process map (directly-follows graph) and its simplification;
* :mod:`.layout` - where the map's nodes and edges are drawn;
* :mod:`.variants` - the paths cases take, and their throughput times;
* :mod:`.lenses` - rework and reopen loops, handovers, reassignments, ping-pong;
* :mod:`.flow` - work in progress, arrivals, completions and Little's law;
* :mod:`.compare` - bottleneck ranking and the change between two maps;
* :mod:`.bundle` - all of a page's analyses of one scope from one ordered log.

Cases are tickets (``ticket_id = case_id``): the global filters' dimensions apply
through the tickets, and the period picks the tickets created in it. Durations are
hours; docs/process.md says what each figure includes and leaves out.
"""

from .bundle import ProcessView, analyse
from .compare import CHANGES, bottlenecks, compare_maps, team_waits
from .dfg import ProcessMap, process_map, simplify
from .flow import AGREE, STEADY, LittleCheck, flow, little
from .layout import MapLayout, default_paths, layout
from .lenses import BUCKETS, HANDOVER_LEVELS, Handovers, Rework, handovers, rework
from .log import (
    CALENDAR,
    DERIVED,
    END,
    START,
    WAITING,
    Clock,
    EventLog,
    Through,
    event_log,
    event_source,
    event_span,
    is_done,
    is_waiting,
)
from .variants import ARROW, case_durations, variant_pareto, variants

__all__ = [
    "AGREE",
    "ARROW",
    "BUCKETS",
    "CALENDAR",
    "CHANGES",
    "DERIVED",
    "END",
    "HANDOVER_LEVELS",
    "START",
    "STEADY",
    "WAITING",
    "Clock",
    "EventLog",
    "Handovers",
    "LittleCheck",
    "MapLayout",
    "ProcessMap",
    "ProcessView",
    "Rework",
    "Through",
    "analyse",
    "bottlenecks",
    "case_durations",
    "compare_maps",
    "default_paths",
    "event_log",
    "event_source",
    "event_span",
    "flow",
    "handovers",
    "is_done",
    "is_waiting",
    "layout",
    "little",
    "process_map",
    "rework",
    "simplify",
    "team_waits",
    "variant_pareto",
    "variants",
]
