"""Survey responses: CSAT, NPS and SERVQUAL scores for rated tickets."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..schema import TABLES
from .calendar import Calendar

_SERVQUAL_EXPECTATION = {
    "tangibles": 5.4,
    "reliability": 6.5,
    "responsiveness": 6.2,
    "assurance": 6.0,
    "empathy": 5.8,
}
_SERVQUAL_GAP = {
    "tangibles": 0.2,
    "reliability": 1.3,
    "responsiveness": 0.9,
    "assurance": 0.4,
    "empathy": 0.6,
}


def generate(cal: Calendar, tickets: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Survey responses for resolved tickets that carry a CSAT score (same score)."""
    rated = tickets[tickets["csat"].notna()]
    n = min(len(rated), max(50, round(3000 * cal.n / 730)))
    chosen = np.sort(rng.choice(len(rated), size=n, replace=False))
    sample = rated.iloc[chosen]
    delay = np.minimum(rng.geometric(0.5, n) - 1, 5).astype("timedelta64[D]")
    day = sample["resolved_at"].to_numpy().astype("datetime64[D]") + delay
    day = np.minimum(day, np.datetime64(cal.end, "D"))
    csat = sample["csat"].to_numpy().astype(np.int64)
    nps_centre = np.array([0, 2.0, 4.5, 6.5, 8.0, 9.3])[csat]
    nps = np.clip(np.round(nps_centre + rng.normal(0, 1.2, n)), 0, 10).astype(np.int64)
    data = {
        "date": day.astype("datetime64[us]"),
        "ticket_id": sample["ticket_id"].to_numpy(),
        "csat": csat,
        "nps": nps,
    }
    for dim, mu in _SERVQUAL_EXPECTATION.items():
        exp = np.clip(np.round(rng.normal(mu, 0.6, n)), 1, 7)
        perc = np.clip(
            np.round(exp - _SERVQUAL_GAP[dim] + 0.5 * (csat - 4) + rng.normal(0, 0.7, n)), 1, 7
        )
        data[f"{dim}_expectation"] = exp.astype(np.int64)
        data[f"{dim}_perception"] = perc.astype(np.int64)
    frame = pd.DataFrame(data).sort_values(["date", "ticket_id"], kind="stable")
    frame.insert(0, "response_id", [f"SR{i:05d}" for i in range(1, n + 1)])
    frame["response_id"] = frame["response_id"].astype("str")
    frame["ticket_id"] = frame["ticket_id"].astype("str")
    return frame.reset_index(drop=True)[TABLES["surveys"].column_names]
