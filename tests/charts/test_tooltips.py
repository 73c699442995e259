"""Every tooltip entry of every builder has a title: hovering never shows a column's
raw name (``backlog 130``), since the caller words each title in the page's language."""

from __future__ import annotations

import pytest

from .test_axes import AXIS, BUILT


def tooltip_entries(spec) -> list[dict]:
    """Every tooltip entry in a chart spec: of every encoding, in every layer (not data)."""
    found: list[dict] = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("data", "datasets"):
                    continue
                if key == "tooltip" and isinstance(value, (dict, list)):
                    found.extend(value if isinstance(value, list) else [value])
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    return found


@pytest.mark.parametrize("name", sorted(BUILT))
def test_every_tooltip_entry_has_a_title(name):
    entries = tooltip_entries(BUILT[name]().to_dict())
    assert entries  # the chart has a tooltip to check
    untitled = [e for e in entries if not isinstance(e, dict) or "title" not in e]
    assert not untitled, untitled


@pytest.mark.parametrize("name", ["volume", "forecast", "servqual", "pareto", "weekly"])
def test_tooltip_titles_are_the_ones_the_caller_gave(name):
    titles = {e["title"] for e in tooltip_entries(BUILT[name]().to_dict())}
    # every title is one of the caller's words (or the charts' own labels), none a field name
    assert titles & set(AXIS.values())
    assert not titles & {"series", "what", "tickets", "fte", "yhat", "score", "share", "week"}


def test_the_walk_finds_an_untitled_entry():
    spec = {"layer": [{"encoding": {"tooltip": [{"field": "y", "type": "quantitative"}]}}]}
    assert tooltip_entries(spec) == [{"field": "y", "type": "quantitative"}]
