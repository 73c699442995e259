"""Quality control: SPC control charts, CSAT and NPS, defect Pareto, SERVQUAL gaps.

* :mod:`.spc` - control charts (XmR, weekday-adjusted XmR, p and Laney p′, by day or
  by week), the automatic choice between them, and the Western Electric rules;
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
    GRAINS,
    OVERDISPERSION_FLOOR,
    REASONS,
    RULE_DESCRIPTIONS,
    SLA_CHARTS,
    VOLUME_CHARTS,
    WEEKDAY_CUT,
    ControlChart,
    individuals_chart,
    laney_sigma_z,
    overdispersion_bound,
    p_chart,
    sla_chart,
    volume_chart,
    weekday_chart,
    weekday_factors,
    weekly,
    western_electric,
)
from .voice import NpsResult, csat_distribution, csat_trend, nps, nps_from_surveys, servqual_gaps

__all__ = [
    "D2",
    "D4",
    "DEFECT_TYPES",
    "GRAINS",
    "OVERDISPERSION_FLOOR",
    "REASONS",
    "RULE_DESCRIPTIONS",
    "SLA_CHARTS",
    "VITAL_SHARE",
    "VOLUME_CHARTS",
    "WEEKDAY_CUT",
    "ControlChart",
    "NpsResult",
    "csat_distribution",
    "csat_trend",
    "daily_resolution_median",
    "daily_sla_breaches",
    "daily_volume",
    "defect_pareto",
    "individuals_chart",
    "laney_sigma_z",
    "nps",
    "nps_from_surveys",
    "overdispersion_bound",
    "p_chart",
    "pareto",
    "servqual_gaps",
    "sla_chart",
    "volume_chart",
    "weekday_chart",
    "weekday_factors",
    "weekly",
    "western_electric",
]
