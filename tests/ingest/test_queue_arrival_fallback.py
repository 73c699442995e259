"""A call log's arrival taken from its queue entry (an ACD report with no arrival
column) is a fallback: it made a call log of a tickets export that has a "Queued at"
and a "Result" column beside its ticket id, creation time, status and priority, whose
headers name every column tickets require."""

from __future__ import annotations

from svcops.ingest.mapping import classify


def test_a_tickets_export_with_a_queue_time_stays_tickets():
    headers = ["Ticket ID", "Created", "Priority", "Status", "Type", "Agent", "Result", "Queued at"]
    got = classify("Sheet1", headers)
    assert got is not None and got.table.name == "tickets"
    assert (got.columns["ticket_id"], got.columns["created_at"]) == ("Ticket ID", "Created")


def test_an_acd_report_with_no_arrival_column_is_still_a_call_log():
    headers = ["Call date", "Queue entry time", "Time answered", "Time ended", "Agent", "Result"]
    got = classify("Sheet1", headers)
    assert got is not None and got.table.name == "calls"
    assert got.columns["arrived_at"] == got.columns["queued_at"] == "Queue entry time"
