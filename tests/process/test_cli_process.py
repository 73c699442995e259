"""``python -m svcops process``: the map's edges, the variants and Little's law (issue 11)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pandas as pd

from svcops.cli import main
from svcops.ingest import import_files
from svcops.store import Workspace

T0 = datetime(2024, 3, 4, 9)


def _workspace(tmp_path) -> str:
    rows = [(c, a, h) for c in ("A", "B", "C") for a, h in (("New", 0), ("Work", 2), ("Closed", 5))]
    rows += [("D", "New", 1), ("D", "Closed", 2)]
    frame = pd.DataFrame(
        [{"case_id": c, "activity": a, "timestamp": T0 + timedelta(hours=h)} for c, a, h in rows]
    )
    path = tmp_path / "w.duckdb"
    with Workspace(path) as ws:
        import_files(ws, [("log.csv", frame.to_csv(index=False).encode())])
    return str(path)


def test_json_has_the_edges_variants_and_littles_law(tmp_path, capsys):
    path = _workspace(tmp_path)
    assert (
        main(
            [
                "process",
                "--workspace",
                path,
                "--start",
                "2024-03-04",
                "--end",
                "2024-03-04",
                "--json",
            ]
        )
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert (out["source"], out["cases"], out["start"], out["end"]) == (
        "events",
        4,
        "2024-03-04",
        "2024-03-04",
    )
    edges = {(e["source"], e["target"]): e for e in out["edges"]}
    assert list(out["edges"][0]) == [
        "source",
        "target",
        "cases",
        "events",
        "median_hours",
        "mean_hours",
        "p90_hours",
        "total_hours",
    ]
    work = edges[("New", "Work")]
    assert (work["cases"], work["events"], work["median_hours"], work["total_hours"]) == (
        3,
        3,
        2.0,
        6.0,
    )
    assert edges[("__start__", "New")]["median_hours"] is None
    assert [(v["activities"], v["cases"]) for v in out["variants"]] == [
        ("New → Work → Closed", 3),
        ("New → Closed", 1),
    ]
    little = out["little"]
    assert (little["arrivals"], little["completions"], little["days"]) == (4, 4, 1)
    assert little["message"].startswith("Little's law")


def test_text_output_and_a_bad_period(tmp_path, capsys):
    path = _workspace(tmp_path)
    assert main(["process", "--workspace", path]) == 0
    text = capsys.readouterr().out
    assert "New -> Work: 3 times, 3 tickets  median 2.0 h" in text
    assert "#1 3 (75.0%): New → Work → Closed" in text
    assert (
        main(["process", "--workspace", path, "--start", "2024-03-05", "--end", "2024-03-04"]) == 1
    )
    assert "after end" in capsys.readouterr().err
