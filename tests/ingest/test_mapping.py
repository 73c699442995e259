"""The Data page's mapping editor rows become the Mapping the importer is given."""

from __future__ import annotations

import pandas as pd

from svcops.ingest import mapping_from_rows
from svcops.schema import TABLES

# What the editor hands back: every canonical column, a header chosen for some of them.
ROWS = [
    {"column": "ticket_id", "required": True, "source": "Ref", "confidence": 1.0},
    {"column": "created_at", "required": True, "source": "Logged", "confidence": 0.9},
    {"column": "resolved_at", "required": False, "source": None, "confidence": None},
    {"column": "priority", "required": False, "source": "", "confidence": None},
    {"column": "team", "required": False, "source": "Urgency level", "confidence": None},
]


def test_columns_given_a_header_are_mapped_at_full_confidence():
    mapping = mapping_from_rows("tickets", ROWS)
    assert mapping.table is TABLES["tickets"]
    assert mapping.columns == {"ticket_id": "Ref", "created_at": "Logged", "team": "Urgency level"}
    assert mapping.confidence == {"ticket_id": 1.0, "created_at": 1.0, "team": 1.0}
    assert mapping.missing_required == []


def test_a_frame_of_rows_reads_the_same_and_blank_cells_map_nothing():
    frame = pd.DataFrame(ROWS)  # None and "" become NaN/None/"" in a frame
    frame.loc[3, "source"] = float("nan")
    mapping = mapping_from_rows("tickets", frame)
    assert mapping.columns == {"ticket_id": "Ref", "created_at": "Logged", "team": "Urgency level"}


def test_a_required_column_left_blank_is_missing():
    rows = [{"column": "ticket_id", "source": "Ref"}, {"column": "created_at", "source": None}]
    assert mapping_from_rows("tickets", rows).missing_required == ["created_at"]
    assert mapping_from_rows("roster", []).columns == {}
