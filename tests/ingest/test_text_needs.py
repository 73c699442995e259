"""How much cleaning a text column gets is decided from its values' first and last
bytes (svcops.ingest.coerce.text_needs): a column left "plain" or "markers" must read
exactly as the full cleaning (trim, missing-value markers) reads it."""

from __future__ import annotations

import duckdb
import pandas as pd
import pyarrow as pa
import pytest

from svcops.ingest import import_paths
from svcops.ingest.coerce import FULL, MARKERS, PLAIN, text_needs, value_text
from svcops.store import Workspace

# Each column's values, and the need worked out by hand.
COLUMNS = {
    "codes": (["INC001", "INC002", None, "INC003"], PLAIN),
    "trailing_space": (["Open", "Closed "], FULL),
    "leading_space": ([" Open", "Closed"], FULL),
    "no_break_space": (["Open\u00a0", "Closed"], FULL),
    "ideographic_space": (["\u3000处理中", "已关闭"], FULL),
    "hair_space": (["x\u200a", "y"], FULL),
    "tab_is_kept": (["a\t", "\tb"], PLAIN),  # trim() keeps tabs: nothing to trim
    "markers": (["N/A", "Hardware", "n/a", "-", "?"], MARKERS),
    "blank": (["", "Hardware"], MARKERS),
    "chinese_marker": (["无", "网络"], MARKERS),
    "long_n_words": (
        ["Northern Territories and Islands", "Nowhere in particular, at all: 30 bytes"],
        PLAIN,
    ),
    "all_null": ([None, None], PLAIN),
    "cjk_ending_in_continuation_bytes": (["空调系统故障", "网络中断"], MARKERS),
}


def _table(kind: pa.DataType | None = None) -> pa.Table:
    kind = kind or pa.string()
    width = max(len(v) for v, _ in COLUMNS.values())
    return pa.table(
        {name: pa.array(v + [None] * (width - len(v)), kind) for name, (v, _) in COLUMNS.items()}
    )


@pytest.mark.parametrize("kind", [pa.string(), pa.large_string()])
def test_each_column_gets_the_need_worked_out_by_hand(kind):
    needs = text_needs(_table(kind), list(COLUMNS))
    assert needs == {name: need for name, (_, need) in COLUMNS.items()}


def test_a_space_in_a_later_chunk_or_a_slice_is_seen():
    late = pa.chunked_array([pa.array(["a"] * 1000), pa.array(["b"] * 999 + ["c\u00a0"])])
    assert text_needs(pa.table({"x": late}), ["x"]) == {"x": FULL}
    # A slice's offsets start inside the buffer: the value cut away does not count.
    sliced = pa.table({"x": pa.array([" cut away", "kept", "also kept"])}).slice(1)
    assert text_needs(sliced, ["x"]) == {"x": PLAIN}
    assert text_needs(pa.table({"x": pa.array([" cut away", "kept"])}).slice(0, 1), ["x"]) == {
        "x": FULL
    }


def test_the_lighter_cleaning_reads_every_value_as_the_full_one_does():
    data = _table()
    needs = text_needs(data, list(COLUMNS))
    con = duckdb.connect()
    con.register("t", data)
    for name in COLUMNS:
        col = f'"{name}"'
        full, light = (
            con.sql(f"SELECT {value_text(col, pa.string(), need)} FROM t").fetchall()
            for need in (FULL, needs[name])
        )
        assert light == full, name
    # And the full cleaning itself, by hand, on the columns that need it.
    got = con.sql(f"SELECT {value_text('markers', pa.string(), MARKERS)} FROM t").fetchall()
    assert [v for (v,) in got] == [None, "Hardware", None, None, None]


def test_a_csv_whose_last_row_has_a_no_break_space_stores_it_trimmed(tmp_path):
    rows = ["ticket_id,created_at,priority,status"]
    rows += [f"INC{i:06d},2026-01-01 08:00:00,P3,Closed" for i in range(40_000)]
    rows.append("INC999999,2026-01-02 09:00:00,P2,Open\u00a0")
    rows.append("INC999998,2026-01-02 09:00:00,P2,N/A")
    path = tmp_path / "tickets.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with Workspace(tmp_path / "w.duckdb") as ws:
        assert import_paths(ws, [path]).rows == 40_002
        found = ws.query(
            "SELECT ticket_id, status FROM tickets WHERE ticket_id IN ('INC999999', "
            "'INC999998', 'INC000000')"
        )
        status = {
            i: (None if pd.isna(s) else s)
            for i, s in zip(found.ticket_id, found.status, strict=True)
        }
    assert status == {"INC999999": "open", "INC999998": None, "INC000000": "closed"}
