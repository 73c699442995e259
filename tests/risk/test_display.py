"""The register's ratings as text and an indicator's series in one scope, as the Risk
page shows them (moved out of the page so it does no data work itself)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from svcops import risk


def test_ratings_read_likelihood_times_impact_and_blank_when_missing():
    assert risk.rating_text(4, 3) == "4 × 3"
    assert risk.rating_text(4, None) == ""
    assert risk.rating_text(pd.NA, 3) == ""
    assert risk.rating_text(np.nan, np.nan) == ""
    assert risk.text_or_none(np.nan) is None and risk.text_or_none(12) == "12"


def test_an_indicators_series_in_one_scope():
    series = pd.DataFrame(
        {
            "indicator": ["backlog", "backlog", "backlog", "sla"],
            "scope": ["Apps", "Desk", None, None],
            "k": [0, 1, 2, 3],
        }
    )
    assert risk.scoped_series(series, "backlog", "Desk")["k"].tolist() == [1]
    assert risk.scoped_series(series, "backlog", None)["k"].tolist() == [2]
    assert risk.scoped_series(series, "backlog", np.nan)["k"].tolist() == [2]
    assert risk.scoped_series(series, "sla", None)["k"].tolist() == [3]
    assert risk.scope_key(np.nan) is None and risk.scope_key("Apps") == "Apps"
