"""Quality control: SPC control charts, CSAT and NPS, defect Pareto, SERVQUAL gaps.

* :mod:`.spc` - control charts (XmR, p-chart) and the Western Electric rules;
* :mod:`.series` - the daily ticket series they chart, from the workspace;
* :mod:`.voice` - what customers say: CSAT distribution and trend, NPS, SERVQUAL;
* :mod:`.defects` - Pareto tables, and where the tickets' defects come from.

Workspace figures use the tickets CTE and KPI expressions of :mod:`svcops.tickets`,
so they agree with :func:`svcops.kpi.compute` for the same filters.
"""

from .defects import DEFECT_TYPES, VITAL_SHARE, defect_pareto, pareto
from .series import daily_resolution_median, daily_sla_breaches, daily_volume
from .spc import (
    D2,
    D4,
    RULE_DESCRIPTIONS,
    ControlChart,
    individuals_chart,
    p_chart,
    western_electric,
)
from .voice import NpsResult, csat_distribution, csat_trend, nps, nps_from_surveys, servqual_gaps

__all__ = [
    "D2",
    "D4",
    "DEFECT_TYPES",
    "RULE_DESCRIPTIONS",
    "VITAL_SHARE",
    "ControlChart",
    "NpsResult",
    "csat_distribution",
    "csat_trend",
    "daily_resolution_median",
    "daily_sla_breaches",
    "daily_volume",
    "defect_pareto",
    "individuals_chart",
    "nps",
    "nps_from_surveys",
    "p_chart",
    "pareto",
    "servqual_gaps",
    "western_electric",
]
