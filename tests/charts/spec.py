"""Small readers for a chart's ``to_dict()``: its layers, marks, encodings and data rows."""

from __future__ import annotations


def layers(spec: dict) -> list[dict]:
    """The chart's layers in drawing order; a single-view chart is its own one layer."""
    return spec.get("layer", [spec])


def mark(layer: dict) -> str:
    """The mark type of one layer (``"line"``, ``"bar"``, ...)."""
    found = layer["mark"]
    return found if isinstance(found, str) else found["type"]


def field(layer: dict, channel: str) -> tuple[str, str]:
    """``(field, type)`` of one encoding channel, e.g. ``("period", "temporal")``."""
    enc = layer["encoding"][channel]
    return enc["field"], enc["type"]


def axis_format(layer: dict, channel: str) -> str | None:
    """The d3 number format on a channel's axis, or None when the builder sets none."""
    return layer["encoding"][channel].get("axis", {}).get("format")


def rows(spec: dict, layer: dict | None = None) -> list[dict]:
    """The data rows the chart ships to the browser (a layer's own data, else the chart's)."""
    ref = (layer or {}).get("data") or spec["data"]
    return spec["datasets"][ref["name"]]


def tooltip_formats(layer: dict) -> dict[str, str | None]:
    """``{field: format}`` of a layer's tooltip entries (None where unformatted)."""
    return {t["field"]: t.get("format") for t in layer["encoding"]["tooltip"]}
