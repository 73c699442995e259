"""Presenter mode's text sparkline: lowest to highest as ▁ to █."""

from ui.format import sparkline


def test_sparkline_spans_lowest_to_highest():
    # 0 -> ▁, 7 -> █, and each step of 1 one bar up (eight bars for 0-7).
    assert sparkline([0, 1, 2, 3, 4, 5, 6, 7]) == "▁▂▃▄▅▆▇█"
    # 0.5 of the way: round(0.5 * 7) = 4 -> ▅ (the fifth bar)
    assert sparkline([10.0, 15.0, 20.0]) == "▁▅█"


def test_sparkline_gaps_and_flat_and_empty():
    assert sparkline([1.0, None, float("nan"), 3.0]) == "▁  █"
    assert sparkline([2, 2, 2]) == "▄▄▄"
    assert sparkline([None, None]) == ""
    assert sparkline([]) == ""
