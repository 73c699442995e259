"""Service availability: daily planned and down minutes per service."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .calendar import SPIKES, Calendar

AVAILABILITY_SERVICES = ("Email", "Telephony", "Portal", "VPN", "ERP")


def generate(cal: Calendar, rng: np.random.Generator) -> pd.DataFrame:
    """Daily planned and down minutes per service: rare short outages plus the incidents."""
    n_svc = len(AVAILABILITY_SERVICES)
    down = np.where(
        rng.random((cal.n, n_svc)) < 0.012,
        np.minimum(np.round(rng.lognormal(np.log(25), 0.8, (cal.n, n_svc))), 240),
        0.0,
    )
    for d, (_c, _s, svc, _start, minutes) in SPIKES.items():
        di = cal.index(d)
        if di is not None:
            down[di, AVAILABILITY_SERVICES.index(svc)] = float(minutes)
    return pd.DataFrame(
        {
            "date": np.repeat(cal.dates, n_svc).astype("datetime64[us]"),
            "service": pd.array(np.tile(AVAILABILITY_SERVICES, cal.n), dtype="str"),
            "planned_minutes": np.full(cal.n * n_svc, 1440.0),
            "downtime_minutes": down.ravel(),
        }
    )
