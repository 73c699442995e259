"""Issue 15, bounded inputs: a huge staffing volume is refused at once, and a usage error
(a value argparse cannot read, an unknown command) is one line like every other error.

The command runs in-process through ``svcops.cli.main`` (a subprocess would cost a
second of imports per case); argparse's own exit is caught as SystemExit.
"""

from __future__ import annotations

import time

import pytest

from svcops.cli import main
from svcops.i18n.errors import InputError
from svcops.staffing import MAX_TRAFFIC_ERLANGS, required_agents, staffing_plan


def _run(capsys, *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_huge_volume_is_refused_in_one_line_at_once(capsys):
    started = time.perf_counter()
    code, out, err = _run(capsys, "staffing", "--volume", "1e9", "--aht-seconds", "300")
    took = time.perf_counter() - started
    # 1e9 calls x 300 s / 1,800 s = 166,666,667 Erlangs: the search ran 42 s before.
    assert code == 1 and out == "" and took < 2
    assert err == (
        "error: the interval's traffic is 166,666,667 Erlangs (volume × handle time ÷ "
        "interval), more than the 100,000 one queue can be planned for: check the volume "
        "and handle time, or split the queue\n"
    )


def test_the_cap_is_on_the_traffic_not_below_it():
    # 600,000 calls x 300 s / 1,800 s = 100,000 Erlangs exactly: still planned.
    assert required_agents(600_000, 30, 300, 0.8, 20).agents > MAX_TRAFFIC_ERLANGS
    with pytest.raises(InputError) as caught:
        required_agents(600_001, 30, 300, 0.8, 20)
    assert caught.value.message.key == "resource.too_much_traffic"


def test_a_staffing_plan_row_over_the_cap_is_refused():
    import pandas as pd

    frame = pd.DataFrame({"interval_start": [pd.Timestamp("2024-01-01")], "volume": [1e9]})
    with pytest.raises(InputError):
        staffing_plan(
            frame,
            service_level=0.8,
            answer_seconds=20,
            shrinkage=0.0,
            max_occupancy=1.0,
            aht_seconds=300,
        )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ("staffing", "--volume", "abc", "--aht-seconds", "300"),
            "error: argument --volume: invalid float value: 'abc' "
            "(see python -m svcops staffing --help)\n",
        ),
        (
            ("staffing", "--aht-seconds", "300"),
            "error: the following arguments are required: --volume "
            "(see python -m svcops staffing --help)\n",
        ),
        (("kpis", "--start", "March"), "error: argument --start: 'March' is not a date"),
        (("forecast", "--horizon", "x"), "error: argument --horizon: invalid int value: 'x'"),
        (("nope",), "error: argument command: invalid choice: 'nope'"),
        ((), "error: the following arguments are required: command"),
    ],
)
def test_usage_errors_are_one_line(capsys, args, said):
    code, out, err = _run(capsys, *args)
    assert code == 2 and out == ""
    assert err.startswith(said) and err.count("\n") == 1 and "usage:" not in err


def test_help_still_prints_the_usage(capsys):
    code, out, _ = _run(capsys, "staffing", "--help")
    assert code == 0 and out.startswith("usage: python -m svcops staffing")
