"""Importer building blocks: header location, date formats, value vocabularies.

Dates are checked by running the guessed formats in DuckDB; headers on real
workbooks (openpyxl with merged cells) read back through fastexcel.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import random
import zipfile
from pathlib import Path

import duckdb
import fastexcel
import openpyxl
import pyarrow as pa
import pytest
import xlsxwriter

from svcops.ingest import coerce
from svcops.ingest.dates import (
    DateFormatGuess,
    excel_serial_like,
    infer_datetime_formats,
    strptime_sql,
)
from svcops.ingest.header import TableLocation, locate_table, trailing_summary_rows
from svcops.ingest.read import RawSheet, read_file
from svcops.ingest.split_times import combine_date_and_time
from svcops.ingest.values import (
    CHANNELS,
    FALSE_WORDS,
    PRIORITY_WORDS,
    STATUSES,
    TRUE_WORDS,
    CsatScale,
    PriorityScale,
    case_sql,
    csat_scale,
    csat_score,
    csat_sql,
    guess_source,
    normalise_bool,
    normalise_channel,
    normalise_priority,
    normalise_status,
    priority_scale_hint,
)

REALDATA = Path(__file__).resolve().parents[3] / "shared" / "realdata"
D = dt.datetime


@pytest.fixture(scope="module")
def con():
    c = duckdb.connect()
    yield c
    c.close()


def parse_all(con, guess: DateFormatGuess, values: list[str]) -> list[dt.datetime | None]:
    sql = strptime_sql("v", guess)
    return [
        con.execute(f"SELECT {sql} FROM (SELECT ?::VARCHAR AS v)", [v]).fetchall()[0][0]
        for v in values
    ]


# --------------------------------------------------------------------------- dates

DATE_CASES = [
    # (samples, expected timestamps in order, dayfirst, ambiguous)
    (["2024-03-05", "2024-12-31"], [D(2024, 3, 5), D(2024, 12, 31)], None, False),
    (["2024-03-05 14:30"], [D(2024, 3, 5, 14, 30)], None, False),
    (
        ["2024-03-05T14:30:00", "2024-03-05 14:30:59"],
        [D(2024, 3, 5, 14, 30), D(2024, 3, 5, 14, 30, 59)],
        None,
        False,
    ),
    (
        ["2024-03-05T14:30:00.123", "2024-03-05T14:30:00.5"],
        [D(2024, 3, 5, 14, 30, 0, 123000), D(2024, 3, 5, 14, 30, 0, 500000)],
        None,
        False,
    ),
    (["2024-03-05 14:30:00.123456"], [D(2024, 3, 5, 14, 30, 0, 123456)], None, False),
    (["2024-03-05 14:30:00.123456789"], [D(2024, 3, 5, 14, 30, 0, 123457)], None, False),  # rounded
    (["2024-03-05 14:30:00,250"], [D(2024, 3, 5, 14, 30, 0, 250000)], None, False),
    (["2024-05-26T23:10:10.000"], [D(2024, 5, 26, 23, 10, 10)], None, False),  # NYC 311 API
    (
        ["05/03/2024 14:30", "29/02/2024 08:00"],
        [D(2024, 3, 5, 14, 30), D(2024, 2, 29, 8)],
        True,
        False,
    ),
    (
        ["03/05/2024 2:14 PM", "12/31/2024 11:59 AM", "01/01/2024 12:00 AM", "1/2/2024 12:30 pm"],
        [
            D(2024, 3, 5, 14, 14),
            D(2024, 12, 31, 11, 59),
            D(2024, 1, 1, 0, 0),
            D(2024, 1, 2, 12, 30),
        ],
        False,
        False,
    ),
    (["3/5/2024 2:14PM"], [D(2024, 3, 5, 14, 14)], False, True),
    (
        ["05/01/2022 12:00:03 AM", "05/01/2022 01:59:59 PM"],  # NYC 311 portal
        [D(2022, 5, 1, 0, 0, 3), D(2022, 5, 1, 13, 59, 59)],
        False,
        True,
    ),
    (
        ["29/2/2016 01:16", "5/3/2016 12:00", "1/3/2016 9:05"],  # UCI ServiceNow
        [D(2016, 2, 29, 1, 16), D(2016, 3, 5, 12), D(2016, 3, 1, 9, 5)],
        True,
        False,
    ),
    (
        ["05/Mar/25 2:14 PM", "17/dec/24 9:00 AM"],
        [D(2025, 3, 5, 14, 14), D(2024, 12, 17, 9)],
        None,
        False,
    ),
    (["5-Mar-2025", "17-DEC-2024"], [D(2025, 3, 5), D(2024, 12, 17)], None, False),
    (["5 Mar 2025 14:30"], [D(2025, 3, 5, 14, 30)], None, False),
    (["5 March 2025", "17 May 2024"], [D(2025, 3, 5), D(2024, 5, 17)], None, False),
    (
        ["Mar 5, 2025 14:30", "Dec 17, 2024 09:05"],
        [D(2025, 3, 5, 14, 30), D(2024, 12, 17, 9, 5)],
        None,
        False,
    ),
    (["March 5, 2025"], [D(2025, 3, 5)], None, False),
    (
        ["2024年3月5日 14:30", "2024年3月5日", "2024年12月25日 8:05:09"],
        [D(2024, 3, 5, 14, 30), D(2024, 3, 5), D(2024, 12, 25, 8, 5, 9)],
        None,
        False,
    ),
    (["2024年3月5日14:30"], [D(2024, 3, 5, 14, 30)], None, False),
    (
        ["2024/3/5 14:30:00", "2024/12/25 08:00:00"],
        [D(2024, 3, 5, 14, 30), D(2024, 12, 25, 8)],
        None,
        False,
    ),
    (["2024.03.05"], [D(2024, 3, 5)], None, False),
    (
        ["05.03.2024 14:30", "25.12.2024 08:00"],
        [D(2024, 3, 5, 14, 30), D(2024, 12, 25, 8)],
        True,
        False,
    ),
    (["05.03.2024 14:30"], [D(2024, 3, 5, 14, 30)], True, True),
    (["03-05-2024"], [D(2024, 5, 3)], True, True),
    (["03/05/2024", "04/06/2024"], [D(2024, 3, 5), D(2024, 4, 6)], False, True),
    (["05/03/24", "13/03/24"], [D(2024, 3, 5), D(2024, 3, 13)], True, False),
    (["31/12/99", "1/1/00"], [D(1999, 12, 31), D(2000, 1, 1)], True, False),
    (
        ["05/03/24", "13/03/2024", "1/1/24 10:00:00"],
        [D(2024, 3, 5), D(2024, 3, 13), D(2024, 1, 1, 10)],
        True,
        False,
    ),
    (["2024-03-05", "13/03/2024 10:00"], [D(2024, 3, 5), D(2024, 3, 13, 10)], True, False),
    (["20240305", "20241231"], [D(2024, 3, 5), D(2024, 12, 31)], None, False),
    # offsets (BPI 2013, Helpdesk): the wall-clock time is kept, the offset dropped
    (
        ["2010-01-13 08:40:25+02:00", "2010-06-13 08:40:25+03:00", "2010-03-31T15:59:42+01:00"],
        [D(2010, 1, 13, 8, 40, 25), D(2010, 6, 13, 8, 40, 25), D(2010, 3, 31, 15, 59, 42)],
        None,
        False,
    ),
    (["2024-03-05 14:30 +0530"], [D(2024, 3, 5, 14, 30)], None, False),
    (
        ["2024-03-05T14:30:00Z", "2024-03-05 14:30:00 UTC"],
        [D(2024, 3, 5, 14, 30), D(2024, 3, 5, 14, 30)],
        None,
        False,
    ),
]


@pytest.mark.parametrize(
    ("samples", "expected", "dayfirst", "ambiguous"), DATE_CASES, ids=[c[0][0] for c in DATE_CASES]
)
def test_date_formats_parse_every_sample_in_duckdb(con, samples, expected, dayfirst, ambiguous):
    guess = infer_datetime_formats(samples)
    assert guess.formats, guess.reason
    assert (guess.dayfirst, guess.ambiguous, guess.conflict) == (dayfirst, ambiguous, False)
    assert guess.unmatched == [] and guess.matched_share == 1.0
    assert parse_all(con, guess, samples) == expected


ROUND_TRIP_LAYOUTS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%d/%m/%Y %H:%M",
    "%m/%d/%Y %I:%M %p",
    "%d.%m.%Y",
    "%d-%b-%Y",
    "%b %d, %Y %H:%M",
    "%Y/%m/%d",
    "%d/%m/%y %H:%M",
    "%m/%d/%y",
    "%Y%m%d",
    "%d %B %Y",
    "%Y年%m月%d日 %H:%M",
]


@pytest.mark.parametrize("layout", ROUND_TRIP_LAYOUTS)
def test_random_timestamps_round_trip_through_duckdb(con, layout):
    rng = random.Random(layout)
    stamps = [
        D(2000, 1, 1) + dt.timedelta(minutes=rng.randrange(30 * 365 * 1440)) for _ in range(300)
    ]
    if "%S" not in layout:
        stamps = [s.replace(second=0) for s in stamps]
    if "%H" not in layout and "%I" not in layout:
        stamps = [s.replace(hour=0, minute=0) for s in stamps]
    texts = [s.strftime(layout) for s in stamps]
    guess = infer_datetime_formats(texts)
    assert not guess.ambiguous and guess.matched_share == 1.0
    sql = strptime_sql("v", guess)
    got = con.execute(
        f"SELECT list({sql} ORDER BY i) FROM "
        f"(SELECT unnest(?::VARCHAR[]) AS v, unnest(range(?)) AS i)",
        [texts, len(texts)],
    ).fetchall()[0][0]
    assert got == stamps


def test_most_common_layout_is_tried_first():
    # A format that does not match costs DuckDB as much as one that does.
    guess = infer_datetime_formats(["2024-03-05 14:30"] * 9 + ["2024-03-05"])
    assert guess.formats[:2] == ["%Y-%m-%d %H:%M", "%Y-%m-%d"]
    four_digit = infer_datetime_formats(["05/03/2024 14:30", "13/03/2024 10:00"])
    assert four_digit.formats[0] == "%d/%m/%Y %H:%M"
    assert not any("%y" in f for f in four_digit.formats)


def test_layouts_missing_from_the_sample_still_parse(con):
    guess = infer_datetime_formats(["13/03/2024 14:30"])
    values = ["14/03/2024", "14/03/2024 14:30:15", "14/03/2024 14:30:15.5"]
    assert parse_all(con, guess, values) == [
        D(2024, 3, 14),
        D(2024, 3, 14, 14, 30, 15),
        D(2024, 3, 14, 14, 30, 15, 500000),
    ]


def test_two_digit_year_unseen_in_sample_is_null_not_year_0024(con):
    guess = infer_datetime_formats(["13/03/2024"])
    assert parse_all(con, guess, ["14/03/24"]) == [None]
    iso = infer_datetime_formats(["2024-03-05"])
    assert parse_all(con, iso, ["24-03-05"]) == [None]


def test_conflicting_order_reads_no_numeric_dates(con):
    guess = infer_datetime_formats(["13/01/2024", "01/13/2024", "2024-01-15"])
    assert guess.conflict and guess.dayfirst is None and not guess.ambiguous
    assert guess.formats and all("/" not in f for f in guess.formats)
    assert set(guess.unmatched) == {"13/01/2024", "01/13/2024"}
    assert "13/01/2024" in guess.examples and "01/13/2024" in guess.examples
    assert parse_all(con, guess, ["13/01/2024", "05/01/2024", "2024-01-15"]) == [
        None,
        None,
        D(2024, 1, 15),
    ]


@pytest.mark.parametrize(
    ("samples", "unmatched", "share"),
    [
        (["?", "N/A", "2024-03-05"], [], 1.0),
        (["garbage", "2024-03-05"], ["garbage"], 0.5),
        (["31/02/2024", "13/03/2024"], ["31/02/2024"], 0.5),
        (["5 Sept 2024", "5 Oct 2024"], ["5 Sept 2024"], 0.5),  # DuckDB %b: 3 letters only
        (["2024-03-05 25:00", "2024-03-05 10:00"], ["2024-03-05 25:00"], 0.5),
        (["2024/3/5 下午 2:14:00", "2024/3/5 14:14:00"], [], 1.0),  # 下午: PM, read
        (["2024/3/5 下午 14:14:00", "2024/3/5 14:14:00"], ["2024/3/5 下午 14:14:00"], 0.5),
    ],
)
def test_values_that_are_not_dates_are_reported(samples, unmatched, share):
    guess = infer_datetime_formats(samples)
    assert guess.unmatched == unmatched and guess.matched_share == share


def test_empty_sample_gives_null_expression(con):
    guess = infer_datetime_formats(["", "  ", "?"])
    assert guess.formats == [] and guess.matched_share == 0.0
    assert con.execute(f"SELECT {strptime_sql(repr('2024-01-01'), guess)}").fetchall() == [(None,)]


def test_ambiguous_guess_explains_itself():
    guess = infer_datetime_formats(["03/05/2024", "04/06/2024"])
    assert guess.examples == ["03/05/2024", "04/06/2024"]
    assert "month-first" in str(guess.reason)


@pytest.mark.parametrize(
    ("samples", "expected"),
    [
        (["45356.5", "45000", "45356.041666667"], True),
        (["45356"], True),
        (["45356.5", "?", ""], True),
        (["45356.5", "2024-03-05"], False),
        (["123", "4"], False),
        (["20240305"], False),
        (["100000"], False),
        (["-45356"], False),
        ([], False),
        (["?"], False),
    ],
)
def test_excel_serial_like(samples, expected):
    assert excel_serial_like(samples) is expected


def _csv_column(path: Path, column: str, n: int = 2000, member: str | None = None) -> list[str]:
    if member:
        with zipfile.ZipFile(path) as z, z.open(member) as raw:
            reader = csv.DictReader(io.TextIOWrapper(raw, "utf-8-sig"))
            return [r[column] for r in itertools.islice(reader, n)]
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [r[column] for r in itertools.islice(csv.DictReader(f), n)]


REAL_DATE_COLUMNS = [
    (
        "uci_incident_event_log/incident_event_log.csv.zip",
        "opened_at",
        "incident_event_log.csv",
        True,
        D(2016, 2, 29, 1, 16),
    ),
    (
        "nyc311_samples/311_Service_Requests_from_2010_to_Present.csv",
        "Created Date",
        None,
        False,
        None,
    ),
    ("nyc311_samples/311_Service_Requests.csv", "created_date", None, None, None),
    ("bpi2013_volvo_it/VINST-new.csv", "Change Date+Time", None, None, D(2010, 3, 31, 15, 59, 42)),
    (
        "helpdesk_ticketing_log/Helpdesk.csv",
        "time:timestamp",
        None,
        None,
        D(2010, 1, 13, 8, 40, 25),
    ),
]


@pytest.mark.parametrize(
    ("rel", "column", "member", "dayfirst", "first"),
    REAL_DATE_COLUMNS,
    ids=[c[1] for c in REAL_DATE_COLUMNS],
)
def test_real_export_date_columns(con, rel, column, member, dayfirst, first):
    path = REALDATA / rel
    if not path.exists():
        pytest.skip(f"{path} not available")
    values = _csv_column(path, column, member=member)
    present = [v for v in values if v and v != "?"]
    guess = infer_datetime_formats(present)
    assert guess.matched_share == 1.0 and guess.dayfirst is dayfirst, guess.reason
    sql = strptime_sql("v", guess)
    parsed = con.execute(
        f"SELECT count({sql}), count(*), min({sql}) FROM unnest(?::VARCHAR[]) t(v)", [present]
    ).fetchall()[0]
    assert parsed[0] == parsed[1] == len(present)
    if first is not None:
        assert parse_all(con, guess, [present[0]]) == [first]


# --------------------------------------------------------------------------- header


def grid_from_xlsx(wb: openpyxl.Workbook) -> list[list[object]]:
    """What a caller gets: fastexcel, header_row=None, as lists (NaN -> None)."""
    blob = io.BytesIO()
    wb.save(blob)
    frame = fastexcel.read_excel(blob.getvalue()).load_sheet(0, header_row=None).to_pandas()
    return [
        [None if isinstance(v, float) and v != v else v for v in row]
        for row in frame.astype(object).itertuples(index=False)
    ]


T = "2024-03-01 09:00:00"  # how fastexcel renders a date cell in a mixed column

HEADER_CASES = {
    "clean": (
        [["Ticket", "Opened", "Priority"], ["INC1", T, "P1"], ["INC2", T, "P3"]],
        0,
        ["Ticket", "Opened", "Priority"],
        1,
    ),
    "native types": (
        [["Ticket", "Opened", "Minutes"], ["INC1", D(2024, 3, 1), 12.5], [7, D(2024, 3, 2), 3]],
        0,
        ["Ticket", "Opened", "Minutes"],
        1,
    ),
    "title rows and blank rows": (
        [
            ["Incident report", None, None],
            ["Exported 2024-03-05 by admin", None, None],
            [None, None, None],
            ["Number", "Opened", "State"],
            ["INC1", T, "New"],
            ["INC2", T, "Closed"],
        ],
        3,
        ["Number", "Opened", "State"],
        4,
    ),
    "csv blanks as empty text": (
        [
            ["Incident report", "", ""],
            ["", "", ""],
            ["Number", "Opened", "State"],
            ["INC1", "29/2/2016 01:16", "New"],
        ],
        2,
        ["Number", "Opened", "State"],
        3,
    ),
    "key-value notes above": (
        [
            ["Report", "Incidents", None, None],
            ["Period", "March", None, None],
            [None, None, None, None],
            ["ID", "Opened", "Agent", "Minutes"],
            ["1", T, "Ann", "12"],
            ["2", T, "Bob", "7.5"],
        ],
        3,
        ["ID", "Opened", "Agent", "Minutes"],
        4,
    ),
    "export date above": (
        [["Exported", "2024-03-05"], ["Ticket", "Created"], ["A-1", "2024-03-01"]],
        1,
        ["Ticket", "Created"],
        2,
    ),
    "merged group, unique sub-labels": (
        [
            ["Ticket", "Dates", None, "Priority"],
            [None, "Opened", "Closed", None],
            ["INC1", T, T, "1 - Critical"],
        ],
        0,
        ["Ticket", "Opened", "Closed", "Priority"],
        2,
    ),
    "merged groups, repeated sub-labels": (
        [
            ["Ticket", "Created", None, "Resolved", None],
            [None, "Date", "Time", "Date", "Time"],
            ["INC1", "2024-03-01", "09:00", "2024-03-02", "10:00"],
        ],
        0,
        ["Ticket", "Created Date", "Created Time", "Resolved Date", "Resolved Time"],
        2,
    ),
    "group labels over unique sub-labels": (
        [
            [None, "Dates", None, "People", None],
            ["Ticket", "Opened", "Closed", "Agent", "Team"],
            ["INC1", T, T, "Ann", "L1"],
        ],
        1,
        ["Ticket", "Opened", "Closed", "Agent", "Team"],
        2,
    ),
    "two-cell title row": (
        [
            ["Incident report", None, None, "Page 1"],
            ["Ticket", "Opened", "Closed", "Priority"],
            ["INC1", T, T, "P1"],
        ],
        1,
        ["Ticket", "Opened", "Closed", "Priority"],
        2,
    ),
    "blank and repeated header cells": (
        [["Ticket", None, "Note", "note", "Ticket"], ["INC1", T, "a", "b", "x"]],
        0,
        ["Ticket", "column 2", "Note", "note (2)", "Ticket (2)"],
        1,
    ),
    "text-only data (risk words)": (
        [
            ["Risk", "Title", "Likelihood", "Impact"],
            ["R1", "Vendor outage", "High", "Low"],
            ["R2", "Key person", "Medium", "High"],
        ],
        0,
        ["Risk", "Title", "Likelihood", "Impact"],
        1,
    ),
    "empty header cell over a text-only first row": (
        [["Ticket", None, "Opened"], ["INC1", "note", None], ["INC2", "x", T]],
        0,
        ["Ticket", "column 2", "Opened"],
        1,
    ),
    "blank row between header and data": (
        [["Ticket", "Opened"], [None, None], ["INC1", T]],
        0,
        ["Ticket", "Opened"],
        1,
    ),
    "header only": ([["Ticket", "Opened"]], 0, ["Ticket", "Opened"], 1),
    "line breaks and NaN": (
        [["Created\nDate", "  Ticket  ID ", float("nan")], [T, "INC1", 3.0]],
        0,
        ["Created Date", "Ticket ID", "column 3"],
        1,
    ),
    "short rows padded": (
        [["Title"], ["Ticket", "Opened", "Agent"], ["INC1", T]],
        1,
        ["Ticket", "Opened", "Agent"],
        2,
    ),
    "chinese": (
        [
            ["工单报表", None, None],
            ["工单编号", "创建时间", "状态"],
            ["GD001", "2024年3月5日 14:30", "处理中"],
        ],
        1,
        ["工单编号", "创建时间", "状态"],
        2,
    ),
}


@pytest.mark.parametrize("case", HEADER_CASES, ids=list(HEADER_CASES))
def test_locate_table_on_hand_built_grids(case):
    grid, header_row, names, data_start = HEADER_CASES[case]
    loc = locate_table(grid)
    assert (loc.header_row, loc.names, loc.data_start) == (header_row, names, data_start)
    assert 0 < loc.confidence <= 1


@pytest.mark.parametrize(
    ("grid", "expected"),
    [
        ([], TableLocation(0, [], 0, 0.0)),
        ([[None, None], ["", " "]], TableLocation(0, ["column 1", "column 2"], 0, 0.0)),
        ([["1", "2"], ["3", "4"]], TableLocation(0, ["1", "2"], 1, 0.0)),
    ],
)
def test_locate_table_without_a_header(grid, expected):
    assert locate_table(grid) == expected


def test_confidence_is_higher_over_typed_data():
    typed = locate_table([["Ticket", "Opened"], ["INC1", T]])
    text_only = locate_table([["Risk", "Level"], ["R1", "High"]])
    header_only = locate_table([["Ticket", "Opened"]])
    assert typed.confidence == 1.0 > text_only.confidence >= header_only.confidence > 0


def test_real_workbook_with_merged_header_title_and_totals():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Incident report"])
    ws.append(["Exported 2024-03-05 by admin"])
    ws.append([])
    ws.append(["Ticket", "Dates", None, "Priority", "Handle minutes"])
    ws.append([None, "Opened", "Closed", None, None])
    ws.merge_cells("A4:A5")
    ws.merge_cells("B4:C4")
    ws.merge_cells("D4:D5")
    ws.merge_cells("E4:E5")
    ws.append(["INC1", D(2024, 3, 1, 9), D(2024, 3, 1, 10), "1 - Critical", 12])
    ws.append(["INC2", D(2024, 3, 2, 9), None, "3 - Moderate", 7.5])
    ws.append([])
    ws.append(["Total", None, None, None, 19.5])
    grid = grid_from_xlsx(wb)
    # fastexcel: a merged range's value sits in its first cell, the rest are None.
    assert grid[3][:3] == ["Ticket", "Dates", None] and grid[4][0] is None
    loc = locate_table(grid)
    assert loc == TableLocation(
        3, ["Ticket", "Opened", "Closed", "Priority", "Handle minutes"], 5, 1.0
    )
    tail = grid[loc.data_start :]
    assert trailing_summary_rows(tail, loc.names) == [3]


def test_real_workbook_with_repeated_sub_labels():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["工单报表"])
    ws.append(["工单编号", "创建", None, "解决", None, "满意度"])
    ws.append([None, "日期", "时间", "日期", "时间", None])
    for rng in ("A2:A3", "B2:C2", "D2:E2", "F2:F3"):
        ws.merge_cells(rng)
    ws.append(["GD001", dt.date(2024, 3, 5), "14:30", dt.date(2024, 3, 6), "09:00", 5])
    ws.append(["GD002", dt.date(2024, 3, 5), "15:00", None, None, None])
    ws.append(["合计", None, None, None, None, 5])
    grid = grid_from_xlsx(wb)
    loc = locate_table(grid)
    assert loc.header_row == 1 and loc.data_start == 3
    assert loc.names == ["工单编号", "创建 日期", "创建 时间", "解决 日期", "解决 时间", "满意度"]
    assert trailing_summary_rows(grid[loc.data_start :], loc.names) == [2]


def test_fastexcel_trims_leading_blank_rows_and_columns():
    # Grid row 0 is the first used row, not sheet row 1: a caller numbering rows for the
    # user must add the sheet's own offset (fastexcel does not report it).
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["C3"], ws["D3"] = "Ticket", "Opened"
    ws["C4"], ws["D4"] = "INC1", D(2024, 3, 1, 9)
    grid = grid_from_xlsx(wb)
    assert grid[0] == ["Ticket", "Opened"]
    assert locate_table(grid).header_row == 0


REAL_FILES = [
    ("uci_incident_event_log/incident_event_log.csv.zip", "incident_event_log.csv", ","),
    ("nyc311_samples/311_Service_Requests_from_2010_to_Present.csv", None, ","),
    ("nyc311_samples/311_Service_Requests.csv", None, ","),
    ("bpi2013_volvo_it/VINST-new.csv", None, ","),
    ("helpdesk_ticketing_log/Helpdesk.csv", None, ","),
    ("anonymous_bank_callcenter_1999/data_anonymous_bank_february.txt", None, "\t"),
    ("anonymous_bank_callcenter_1999/data_anonymous_bank_shifts.csv", None, ","),
]


def _csv_grid(path: Path, member: str | None, sep: str, n: int = 50) -> list[list[object]]:
    if member:
        with zipfile.ZipFile(path) as z, z.open(member) as raw:
            reader = csv.reader(io.TextIOWrapper(raw, "utf-8-sig"), delimiter=sep)
            return [list(r) for r in itertools.islice(reader, n)]
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [list(r) for r in itertools.islice(csv.reader(f, delimiter=sep), n)]


@pytest.mark.parametrize(
    ("rel", "member", "sep"), REAL_FILES, ids=[r[0].split("/")[1] for r in REAL_FILES]
)
def test_real_exports_header_found_with_and_without_title_rows(rel, member, sep):
    path = REALDATA / rel
    if not path.exists():
        pytest.skip(f"{path} not available")
    grid = _csv_grid(path, member, sep)
    names = [" ".join(c.split()) for c in grid[0]]
    assert locate_table(grid) == TableLocation(0, names, 1, 1.0)
    titled = [["Service desk export"], [], ["Exported 2024-03-05 by admin"], *grid]
    assert locate_table(titled) == TableLocation(3, names, 4, 1.0)
    tail = grid[-10:]
    assert trailing_summary_rows(tail, names) == []
    assert trailing_summary_rows([*tail, ["Total", *[""] * (len(names) - 2), "42"]], names) == [10]


def test_real_rows_in_a_workbook_under_a_merged_title():
    path = REALDATA / "nyc311_samples/311_Service_Requests_from_2010_to_Present.csv"
    if not path.exists():
        pytest.skip(f"{path} not available")
    grid = _csv_grid(path, None, ",", n=30)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["NYC 311 service requests"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(grid[0]))
    ws.append([])
    for row in grid:
        ws.append([c or None for c in row])
    read = grid_from_xlsx(wb)
    loc = locate_table(read)
    assert (loc.header_row, loc.data_start, loc.names[:3]) == (
        2,
        3,
        ["Unique Key", "Created Date", "Closed Date"],
    )
    assert loc.confidence == 1.0


NAMES = ["Ticket", "Opened", "Minutes"]


@pytest.mark.parametrize(
    ("rows", "names", "expected"),
    [
        ([["INC1", T, 5], ["Total", None, 5]], NAMES, [1]),
        ([["INC1", T, 5], ["TOTAL:", "", "1,234"]], NAMES, [1]),
        ([["INC1", T, 5], ["Grand total", None, 19.5]], NAMES, [1]),
        ([["INC1", T, 5], ["Totals", 1, 5]], NAMES, [1]),
        ([["INC1", T, 5], ["Subtotal", None, 5], ["Grand Total", None, 5]], NAMES, [1, 2]),
        ([["INC1", T, 5], ["合计", None, 5]], NAMES, [1]),
        ([["INC1", T, 5], ["总计：", None, 5]], NAMES, [1]),
        ([["INC1", T, 5], ["小计", None, 5]], NAMES, [1]),
        ([["INC1", T, 5], [None, "Sum", 5]], NAMES, [1]),
        ([["INC1", T, 5], ["Count", None, 1]], NAMES, [1]),
        ([["INC1", T, 5], ["Summary", None, None]], NAMES, [1]),
        (
            [
                ["INC1", T, 5],
                ["Total", None, 5],
                [None, None, None],
                ["Source: ServiceNow", None, None],
            ],
            NAMES,
            [1],
        ),
        # never a real row
        ([["INC1", T, 5], ["INC2", T, 7]], NAMES, []),
        ([["Total", None, 5], ["INC9", T, 3]], NAMES, []),  # not trailing
        ([["INC1", T, 5], ["Total", T, 5]], NAMES, []),  # a date is data
        ([["INC1", T, 5], ["Total", "n/a", "see note"]], NAMES, []),
        ([["INC1", T, 5], ["Total loss", None, 5]], NAMES, []),
        ([["INC1", T, 5], [None, None, 12]], NAMES, []),  # unlabelled: left alone
        ([["Count", 100, "higher"], ["Sum", 5]], ["KPI", "Target", "Direction"], []),
        ([], NAMES, []),
    ],
)
def test_trailing_summary_rows(rows, names, expected):
    assert trailing_summary_rows(rows, names) == expected


# --------------------------------------------------------------------------- channels


@pytest.mark.parametrize(
    ("raw", "hint", "expected"),
    [
        ("Phone", None, "phone"),
        ("phone", None, "phone"),
        ("IVR", None, "phone"),
        ("voice", None, "phone"),
        ("PHONE", None, "phone"),
        ("电话", None, "phone"),
        ("Email", None, "email"),
        ("E-mail", None, "email"),
        ("email", None, "email"),
        ("Outbound Email", None, "email"),
        ("邮件", None, "email"),
        ("邮箱", None, "email"),
        ("Chat", None, "chat"),
        ("Virtual Agent", None, "chat"),
        ("在线", None, "chat"),
        ("在线客服", None, "chat"),
        ("Messaging", None, "messaging"),
        ("whatsapp", None, "messaging"),
        ("微信", None, "messaging"),
        ("SMS", None, "messaging"),
        ("Self-service", None, "portal"),
        ("Self service", None, "portal"),
        ("self_service", None, "portal"),
        ("Portal", None, "portal"),
        ("web", None, "portal"),
        ("Web form", None, "portal"),
        ("web_widget", None, "portal"),
        ("ONLINE", None, "portal"),
        ("MOBILE", None, "portal"),
        ("mobile_sdk", None, "portal"),
        ("Feedback Widget", None, "portal"),
        ("门户", None, "portal"),
        ("网页", None, "portal"),
        ("twitter", None, "social"),
        ("Facebook", None, "social"),
        ("微博", None, "social"),
        ("Walk-in", None, "walk-in"),
        ("walk in", None, "walk-in"),
        ("现场", None, "walk-in"),
        ("api", None, "system"),
        ("API", None, "system"),
        ("Monitoring", None, "system"),
        ("rule", None, "system"),
        ("Agent", None, "other"),
        ("forum", None, "other"),
        ("Direct opening", None, None),
        ("UNKNOWN", None, None),
        ("carrier pigeon", None, None),
        ("3", None, None),
        ("", None, None),
        (None, None, None),
        ("1", "freshdesk", "email"),
        ("2", "freshdesk", "portal"),
        ("3", "freshdesk", "phone"),
        ("7", "freshdesk", "chat"),
        ("9", "freshdesk", "portal"),
        ("10", "freshdesk", "email"),
        ("3.0", "freshdesk", "phone"),
        ("99", "freshdesk", None),
        ("Phone", "freshdesk", "phone"),
    ],
)
def test_normalise_channel(raw, hint, expected):
    assert normalise_channel(raw, hint) == expected
    assert expected is None or expected in CHANNELS


# --------------------------------------------------------------------------- statuses


@pytest.mark.parametrize(
    ("raw", "hint", "expected"),
    [
        ("New", None, "new"),
        ("新建", None, "new"),
        ("待受理", None, "new"),
        ("Queued", None, "new"),
        ("Awaiting Assignment", None, "new"),
        ("Open", None, "open"),
        ("Assigned", None, "open"),
        ("Reopened", None, "open"),
        ("Waiting for support", None, "open"),
        ("Accepted", None, "open"),
        ("Active", None, "in_progress"),
        ("In Progress", None, "in_progress"),
        ("in_progress", None, "in_progress"),
        ("Work in Progress", None, "in_progress"),
        ("处理中", None, "in_progress"),
        ("Escalated", None, "in_progress"),
        ("Pending", None, "pending"),
        ("On Hold", None, "pending"),
        ("hold", None, "pending"),
        ("Awaiting User Info", None, "pending"),
        ("Awaiting Problem", None, "pending"),
        ("Awaiting Vendor", None, "pending"),
        ("Awaiting Evidence", None, "pending"),
        ("Waiting for customer", None, "pending"),
        ("Waiting on Third Party", None, "pending"),
        ("Wait - User", None, "pending"),
        ("Wait - Implementation", None, "pending"),
        ("Awaiting approval", None, "pending"),
        ("挂起", None, "pending"),
        ("等待客户", None, "pending"),
        ("Resolved", None, "resolved"),
        ("solved", None, "resolved"),
        ("已解决", None, "resolved"),
        ("Completed", None, "resolved"),
        ("6 - Resolved", None, "resolved"),
        ("Closed", None, "closed"),
        ("Done", None, "closed"),
        ("Closed Complete", None, "closed"),
        ("Closed - Resolved", None, "closed"),
        ("已关闭", None, "closed"),
        ("CLOSED", None, "closed"),
        ("Cancelled", None, "cancelled"),
        ("Canceled", None, "cancelled"),
        ("Closed - Cancelled", None, "cancelled"),
        ("已取消", None, "cancelled"),
        ("作废", None, "cancelled"),
        ("-100", None, None),
        ("Unmatched", None, None),
        ("deleted", None, None),
        ("4", None, None),
        ("", None, None),
        (None, None, None),
        ("2", "freshdesk", "open"),
        ("3", "freshdesk", "pending"),
        ("4", "freshdesk", "resolved"),
        ("5", "freshdesk", "closed"),
        ("1", "freshdesk", None),
        ("1", "servicenow", "new"),
        ("2", "servicenow", "in_progress"),
        ("3", "servicenow", "pending"),
        ("6", "servicenow", "resolved"),
        ("7", "servicenow", "closed"),
        ("8", "servicenow", "cancelled"),
    ],
)
def test_normalise_status(raw, hint, expected):
    assert normalise_status(raw, hint) == expected
    assert expected is None or expected in STATUSES


# --------------------------------------------------------------------------- priority

FRESHDESK = PriorityScale(descending=True, top=4, certain=True)


@pytest.mark.parametrize(
    ("raw", "scale", "hint", "expected"),
    [
        ("1 - Critical", None, None, "P1"),
        ("2 - High", None, None, "P2"),
        ("3 - Moderate", None, None, "P3"),
        ("4 - Low", None, None, "P4"),
        ("5 - Planning", None, None, "P4"),
        ("urgent", None, None, "P1"),
        ("high", None, None, "P2"),
        ("normal", None, None, "P3"),
        ("low", None, None, "P4"),
        ("Highest", None, None, "P1"),
        ("High", None, None, "P2"),
        ("Medium", None, None, "P3"),
        ("Low", None, None, "P4"),
        ("Lowest", None, None, "P4"),
        ("Blocker", None, None, "P1"),
        ("Critical", None, "jira", "P2"),
        ("Major", None, "jira", "P3"),
        ("Minor", None, "jira", "P4"),
        ("Urgent", FRESHDESK, "freshdesk", "P1"),
        ("4", FRESHDESK, None, "P1"),
        ("3", FRESHDESK, None, "P2"),
        ("2", FRESHDESK, None, "P3"),
        ("1", FRESHDESK, None, "P4"),
        ("4", None, "freshdesk", "P1"),
        ("5", FRESHDESK, None, None),
        ("1", None, None, "P1"),
        ("4", None, None, "P4"),
        ("5", None, None, "P4"),
        ("6", None, None, None),
        ("0", None, None, None),
        ("1.0", None, None, "P1"),
        ("P1", None, None, "P1"),
        ("p3", None, None, "P3"),
        ("Sev 2", None, None, "P2"),
        ("Priority 4", None, None, "P4"),
        ("P0", PriorityScale(zero_based=True, certain=True), None, "P1"),
        ("P3", PriorityScale(zero_based=True, certain=True), None, "P4"),
        ("1 - High", None, None, "P1"),  # ServiceNow urgency: the digit
        ("4 - Urgent", priority_scale_hint(["1 - Low", "4 - Urgent"]), None, "P1"),
        ("Very High", None, None, "P1"),
        ("very_low", None, None, "P4"),
        ("紧急", None, None, "P1"),
        ("高", None, None, "P2"),
        ("重要", None, None, "P2"),
        ("中", None, None, "P3"),
        ("一般", None, None, "P3"),
        ("低", None, None, "P4"),
        ("whenever", None, None, None),
        ("", None, None, None),
        (None, None, None, None),
    ],
)
def test_normalise_priority(raw, scale, hint, expected):
    assert normalise_priority(raw, scale, hint) == expected


@pytest.mark.parametrize(
    ("values", "hint", "descending", "zero_based", "certain"),
    [
        (["1", "2", "3", "4"], None, False, False, False),
        (["1", "2", "3", "4"], "freshdesk", True, False, True),
        (["1 - Critical", "3 - Moderate", "4 - Low"], None, False, False, True),
        (["1 - Low", "4 - Urgent", "2 - Medium"], None, True, False, True),
        (["P0", "P1", "P2"], None, False, True, True),
        (["P1", "P2"], None, False, False, True),
        (["0", "1", "2"], None, False, True, False),
        (["High", "Low"], None, False, False, False),
        ([None, float("nan")], None, False, False, False),
    ],
)
def test_priority_scale_hint(values, hint, descending, zero_based, certain):
    scale = priority_scale_hint(values, hint)
    assert (scale.descending, scale.zero_based, scale.certain) == (descending, zero_based, certain)
    assert scale.reason


def test_priority_words_extend_the_current_ones():
    for word, level in coerce.PRIORITY_WORDS.items():
        assert PRIORITY_WORDS[word] == level
    assert all(k == k.lower() and v in {"P1", "P2", "P3", "P4"} for k, v in PRIORITY_WORDS.items())


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (
            ["id", "subject", "status", "priority", "source", "fr_due_by", "responder_id"],
            "freshdesk",
        ),
        (
            ["number", "incident_state", "contact_type", "sys_mod_count", "assignment_group"],
            "servicenow",
        ),
        (["Ticket ID", "Via", "Satisfaction Score", "Requester wait time"], "zendesk"),
        (["Issue key", "Issue Type", "Reporter", "Priority"], "jira"),
        (["Ticket", "Opened", "Priority"], None),
    ],
)
def test_guess_source(headers, expected):
    assert guess_source(headers) == expected


# --------------------------------------------------------------------------- yes / no


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("true", True),
        ("TRUE", True),
        ("Yes", True),
        ("y", True),
        ("1", True),
        ("1.0", True),
        ("是", True),
        ("对", True),
        ("有", True),
        ("✓", True),
        ("x", True),
        (True, True),
        ("false", False),
        ("No", False),
        ("n", False),
        ("0", False),
        ("否", False),
        ("错", False),
        ("没有", False),
        (False, False),
        ("无", None),
        ("maybe", None),
        ("", None),
        (None, None),
        ("-", None),
    ],
)
def test_normalise_bool(raw, expected):
    assert normalise_bool(raw) is expected


def test_bool_words_extend_the_current_ones_and_keep_wu_missing():
    assert set(coerce.TRUE_WORDS) <= set(TRUE_WORDS)
    assert set(coerce.FALSE_WORDS) <= set(FALSE_WORDS)
    assert not set(TRUE_WORDS) & set(FALSE_WORDS)
    assert "无" in coerce.MISSING_MARKERS and "无" not in TRUE_WORDS + FALSE_WORDS


# --------------------------------------------------------------------------- CSAT


@pytest.mark.parametrize(
    ("values", "mappable", "lo", "hi"),
    [
        ([1, 2, 3, 4, 5], True, 1, 5),
        (["1", "3", "5", None, ""], True, 1, 5),
        ([4.5, 3.2], True, 1, 5),
        ([0, 3, 5], True, 0, 5),
        ([1, 6, 7], True, 1, 7),
        ([1, 8, 10], True, 1, 10),
        ([0, 8, 10], True, 0, 10),
        (["80%", "100%", "0%"], True, 0, 100),
        ([35, 80, 100], True, 0, 100),
        (["5 - Very satisfied", "4 - Satisfied"], True, 1, 5),
        (
            ["Very satisfied", "Satisfied", "Neutral", "Dissatisfied", "Very dissatisfied"],
            True,
            None,
            None,
        ),
        (["非常满意", "满意", "一般", "不满意", "非常不满意"], True, None, None),
        (["Excellent", "Good", "Poor"], True, None, None),
        (["good", "bad", "offered", "unoffered"], False, None, None),
        (["Good", "Bad"], False, None, None),
        ([0, 1, 1, 0], False, None, None),
        ([True, False], False, None, None),
        ([0.8, 0.95], False, None, None),
        ([120, 300], False, None, None),
        ([-1, 3], False, None, None),
        ([0, 6], False, None, None),
        (["great", "meh"], False, None, None),
        ([None, ""], False, None, None),
    ],
)
def test_csat_scale(values, mappable, lo, hi):
    scale = csat_scale(values)
    assert (scale.mappable, scale.lo, scale.hi) == (mappable, lo, hi)
    assert scale.reason


CSAT_SQL_CASES = [
    # (column values, value -> expected 1-5 score)
    ([1, 2, 3, 4, 5], {"4": 4.0, "1": 1.0, "6": None, "4.0": 4.0}),
    ([1, 7], {"1": 1.0, "7": 5.0, "4": 3.0}),
    ([1, 10], {"1": 1.0, "10": 5.0, "5.5": 3.0}),
    ([0, 10], {"0": 1.0, "10": 5.0, "5": 3.0}),
    (["0%", "100%"], {"50%": 3.0, "75": 4.0, "100%": 5.0, "101": None}),
    (
        ["Very satisfied", "Dissatisfied"],
        {"Very satisfied": 5.0, "very  SATISFIED": 5.0, "Dissatisfied": 2.0, "Neutral": None},
    ),
    (["非常满意", "不满意"], {"非常满意": 5.0, "不满意": 2.0, "满意": None}),
    (["5 - Very satisfied", "2 - Dissatisfied"], {"5 - Very satisfied": 5.0, "3 - Neutral": 3.0}),
    (["good", "bad"], {"good": None, "bad": None}),
]


@pytest.mark.parametrize(("column", "cases"), CSAT_SQL_CASES)
def test_csat_sql_in_duckdb(con, column, cases):
    scale = csat_scale(column)
    sql = csat_sql("v", scale)
    for raw, expected in cases.items():
        got = con.execute(f"SELECT {sql} FROM (SELECT ?::VARCHAR AS v)", [raw]).fetchall()[0][0]
        assert got == pytest.approx(expected) if expected is not None else got is None, raw
        assert csat_score(raw, scale) == (pytest.approx(expected) if expected is not None else None)


def test_csat_sql_on_a_numeric_column(con):
    scale = csat_scale([1.0, 10.0])
    got = con.execute(f"SELECT {csat_sql('v', scale)} FROM (SELECT 10.0::DOUBLE AS v)").fetchall()
    assert got == [(5.0,)]


def test_good_bad_csat_stays_unmapped(con):
    scale = csat_scale(["Good", "Bad", "good", None])
    assert scale == CsatScale(False, reason=scale.reason) and "two-point" in str(scale.reason)
    assert csat_sql("v", scale) == "CAST(NULL AS DOUBLE)"
    assert con.execute(f"SELECT {csat_sql(repr('Good'), scale)}").fetchall() == [(None,)]
    assert csat_score("Good", scale) is None


def test_case_sql_maps_distinct_values(con):
    distinct = ["Self-service", "Phone", "Direct opening"]
    sql = case_sql("v", {v: normalise_channel(v) for v in distinct})
    got = [
        con.execute(f"SELECT {sql} FROM (SELECT ?::VARCHAR AS v)", [v]).fetchall()[0][0]
        for v in [*distinct, None, "it's"]
    ]
    assert got == ["portal", "phone", None, None, None]
    assert case_sql("v", {"x": None}) == "CAST(NULL AS VARCHAR)"


# --------------------------------------------------------------------------- reader


def test_reader_keeps_cells_of_another_type_below_its_sample_and_error_cells_as_text(
    tmp_path,
):
    """fastexcel types a column from its first 1,000 rows: a date or a word further down
    makes that column text (nothing lost); so does an Excel error value (#DIV/0!), which
    the cell then holds, to be set aside as not a number (the reader gives it as empty)."""
    path = tmp_path / "mixed.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("t")
    when = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    sheet.write_row(0, 0, ["minutes", "escalated", "cost"])
    for r in range(1, 1501):
        sheet.write_number(r, 0, r)
        sheet.write_boolean(r, 1, True)
        sheet.write_number(r, 2, r * 2)
    sheet.write_datetime(1200, 0, D(2024, 1, 1, 10), when)
    sheet.write_string(1200, 1, "maybe")
    sheet.write_formula(1200, 2, "=1/0", None, "#DIV/0!")
    book.close()
    data = read_file("mixed.xlsx", path)[0].data
    assert data.column("minutes").type == pa.string()
    assert data.column("minutes")[1199].as_py() == "2024-01-01 10:00:00"
    assert data.column("minutes")[0].as_py() == "1"
    assert data.column("escalated")[1199].as_py() == "maybe"
    assert data.column("cost").type == pa.string()
    assert data.column("cost")[1199].as_py() == "#DIV/0!" and data.column("cost")[0].as_py() == "2"


def test_reader_reads_a_column_mixing_times_and_durations_as_text():
    """fastexcel refuses a column whose first rows mix a time of day and a duration."""
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.append(["ticket", "waited"])
    sheet.append(["A", dt.time(9, 15)])
    sheet.append(["B", dt.timedelta(hours=30)])
    blob = io.BytesIO()
    wb.save(blob)
    data = read_file("times.xlsx", blob.getvalue())[0].data
    assert data.column("waited").type == pa.string()
    assert data.column("waited").to_pylist()[0].startswith("1899-12-3")
    assert data.column("ticket").to_pylist() == ["A", "B"]


# --------------------------------------------------------------------------- split date and time


def _raw(columns: dict[str, list]) -> RawSheet:
    table = pa.table({**columns, "_row": list(range(2, 2 + len(next(iter(columns.values())))))})
    return RawSheet("log.csv", "log", table)


def test_a_call_log_date_gives_each_time_of_day_its_day():
    """One YYMMDD date beside times of day named otherwise (a call-centre log): each time
    takes the date; 0:00:00 is 'did not happen' where it is far too common to be a clock
    time; a time over 12 h before the latest earlier one is on the next day."""
    n = 300
    clock = [f"7:{i // 60:02d}:{i % 60:02d}" for i in range(n)]
    raw = _raw(
        {
            "call": [str(i) for i in range(n)],
            "date": ["990201"] * (n - 2) + ["990228", "990228"],
            "entered": clock[:-2] + ["23:59:50", ""],
            "answered": ["0:00:00" if i % 10 == 0 else c for i, c in enumerate(clock[:-2])]
            + ["0:00:10", "23:59:00"],
            "ended": clock[:-2] + ["0:01:00", "0:01:00"],
            "wait_time": ["8"] * n,  # seconds, not a time of day: left alone
        }
    )
    out = combine_date_and_time(raw)
    got = out.data.to_pydict()
    assert got["entered"][1] == "1999-02-01 07:00:01"
    assert got["answered"][:2] == [None, "1999-02-01 07:00:01"]  # 0:00:00: no answer
    assert got["entered"][-2] == "1999-02-28 23:59:50"
    assert got["answered"][-2] == "1999-03-01 00:00:10"  # across midnight
    assert got["ended"][-2] == "1999-03-01 00:01:00"
    # no entry time: the end is compared with the answer, the latest earlier time
    assert (got["entered"][-1], got["ended"][-1]) == (None, "1999-03-01 00:01:00")
    assert got["date"] == raw.data.column("date").to_pylist()  # the date stays as it was
    assert got["wait_time"] == ["8"] * n
    assert tuple(map(str, out.notes)) == (
        "date + entered: read together as one date and time",
        "date + answered: read together as one date and time (00:00:00 read as 'did not happen')",
        "date + ended: read together as one date and time",
    )


def test_times_headed_as_moments_take_the_day_of_the_row_and_durations_do_not():
    """A date of the row's day (Call date) beside times headed with a time word: those
    naming a moment take the date (a night shift's end on the next day); a duration
    headed as a time (Talk time) does not, nor does any time beside another moment's
    date (Due date)."""
    raw = _raw(
        {
            "Call date": ["2024-03-01", "2024-03-01"],
            "Time entered queue": ["9:00:05", "23:58:00"],
            "Service end time": ["9:04:25", "0:03:00"],
            "Talk time": ["0:04:00", "0:05:00"],
        }
    )
    out = combine_date_and_time(raw)
    got = out.data.to_pydict()
    assert got["Time entered queue"] == ["2024-03-01 09:00:05", "2024-03-01 23:58:00"]
    assert got["Service end time"] == ["2024-03-01 09:04:25", "2024-03-02 00:03:00"]
    assert got["Talk time"] == ["0:04:00", "0:05:00"]
    assert [str(n) for n in out.notes] == [
        "Call date + Time entered queue: read together as one date and time",
        "Call date + Service end time: read together as one date and time",
    ]
    due = _raw({"Due date": ["2024-03-01"] * 2, "Start time": ["9:00", "10:00"]})
    assert combine_date_and_time(due).notes == ()


def test_midnight_is_a_time_in_an_interval_report():
    """Every half-hour, midnight included, is equally common: none is a placeholder."""
    slots = [f"{h:02d}:{m:02d}" for h in range(24) for m in (0, 30)]
    raw = _raw(
        {
            "Date": ["2024-03-01"] * 48 + ["2024-03-02"] * 48,
            'Interval "start"': slots * 2,
            "Offered": ["5"] * 96,
        }
    )  # a quote, too
    got = combine_date_and_time(raw).data.column('Interval "start"').to_pylist()
    assert got[0] == "2024-03-01 00:00:00" and got[48] == "2024-03-02 00:00:00"
    assert got[-1] == "2024-03-02 23:30:00" and None not in got


def test_a_missing_marker_for_the_time_keeps_the_date_and_a_bad_date_is_passed_on():
    days = [f"2024-01-{d:02d}" for d in range(10, 30)]
    raw = _raw(
        {
            "Created Date": ["2024-01-20", "2024-02-30", *days],
            "Created Time": ["N/A", "", *["09:00"] * 20],
            "Note": ["x"] * 22,
        }
    )
    got = combine_date_and_time(raw).data.column("Created Date").to_pylist()
    assert got[:3] == ["2024-01-20", "2024-02-30", "2024-01-10 09:00:00"]


def test_date_and_time_columns_of_one_name_become_one_and_real_midnight_stays():
    n = 200
    raw = _raw(
        {
            "Ticket": [f"T{i}" for i in range(n)],
            "Created Date": [D(2024, 3, 1) + dt.timedelta(days=i % 20) for i in range(n)],
            "Created Time": [dt.datetime(1899, 12, 31, 0, 0)]
            + [dt.datetime(1899, 12, 31, 9, i % 60) for i in range(1, n)],  # Excel time cells
            "Closed Date": ["25/03/2024"] * (n - 1) + [None],
            "Closed Time": ["2:14 PM"] * (n - 2) + [None, "2:14 PM"],
        }
    )
    got = combine_date_and_time(raw).data.to_pydict()
    assert got["Created Date"][:2] == ["2024-03-01 00:00:00", "2024-03-02 09:01:00"]
    assert got["Closed Date"][0] == "2024-03-25 14:14:00"  # day-first, 12-hour clock
    # no time: the date alone; a time with no date is passed on as written, to be reported
    assert got["Closed Date"][-2:] == ["2024-03-25", "2:14 PM"]
    assert got["Created Time"] == raw.data.column("Created Time").to_pylist()


def test_split_date_and_time_are_left_alone_when_they_are_not_that():
    raw = _raw(
        {
            "Created Date": ["2024-03-01 09:00", "2024-03-02 10:00"],  # has its time already
            "Created Time": ["09:00", "10:00"],
            "Resolved Date": ["2024-03-01", "2024-03-02"],
            "Resolved Time": ["125", "90"],  # minutes, not a clock
        }
    )
    out = combine_date_and_time(raw)
    assert out.data.to_pydict() == raw.data.to_pydict() and out.notes == ()


def test_clean_text_trims_every_space_duckdb_trims_before_looking_for_markers(con):
    values = ["x\xa0", "\xa0NA", "无\u3000", "\xa0", " n/a ", "(Blank)", "abc", "  ", "none!"]
    con.execute("CREATE OR REPLACE TEMP TABLE cells AS SELECT unnest(?) AS v", [values])
    got = [r[0] for r in con.execute(f"SELECT {coerce._clean_text('v')} FROM cells").fetchall()]
    assert got == ["x", None, None, None, None, None, "abc", None, "none!"]


def test_missing_dates_do_not_stop_a_date_column_being_recognised():
    raw = _raw(
        {
            "Opened Date": ["N/A", "-", *[f"2024-05-{d:02d}" for d in range(1, 9)]],
            "Opened Time": ["08:00"] * 10,
        }
    )
    got = combine_date_and_time(raw).data.column("Opened Date").to_pylist()
    assert got[2:4] == ["2024-05-01 08:00:00", "2024-05-02 08:00:00"]
    assert got[:2] == ["08:00", "08:00"]  # no date: the time alone, to be reported
