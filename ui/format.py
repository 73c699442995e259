"""Formatting for display: KPI values, deltas, Markdown-safe text, presenter styling."""

from __future__ import annotations

import re

import streamlit as st

from svcops.i18n import t, unsigned_zero
from svcops.kpi import COUNT_KEYS, RATE_KEYS, ScoreRow

# Streamlit's Markdown is escaped in two ways. What its parser reads (emphasis, code,
# links, images, HTML, LaTeX, headings, lists, quotes, tables, character references)
# takes a backslash. What Streamlit and GFM look for afterwards in the parsed text,
# where the backslash is gone, takes an invisible WORD JOINER (U+2060) that breaks
# the pattern: after a colon (``:material/home:`` icons, ``:smile:`` emoji,
# ``:streamlit:``, ``:red[x]`` directives, ``http://`` and ``mailto:`` autolinks), after
# ``@`` (e-mail autolinks), inside ``www.`` (autolinks) and inside the arrows ``->``,
# ``<=`` ... it turns into symbols.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$&])")
JOINER = "\u2060"  # U+2060 WORD JOINER: no line break here, nothing shown
# After every @: GFM takes a-z, digits, "-", "_" and "." after it for an e-mail address.
_FOUND_IN_TEXT = re.compile(r"(?<=:)(?=[\w+\-/])|(?<=@)|(?<=www)(?=\.)", re.IGNORECASE)
# Wherever they stand: the browser's idea of white space around them (U+FEFF) is wider
# than Python's, and a joiner inside them is harmless.
_SYMBOLS = re.compile(r"(<->|->|<-|--|>=|<=|~=)")


def escape_md(text: str) -> str:
    """Text from the data shown literally wherever Streamlit renders Markdown.

    No link, image, HTML, icon, emoji, colour, LaTeX, emphasis, heading, list, table or
    line break comes of it; it reads the same (invisible word joiners aside). Line breaks
    become spaces, and leading whitespace cannot start an indented code block.
    """
    shown = " ".join(str(text).splitlines())
    shown = _SYMBOLS.sub(lambda m: JOINER.join(m[0]), shown)
    shown = _MD_SPECIAL.sub(r"\\\1", _FOUND_IN_TEXT.sub(JOINER, shown))
    return re.sub(r"^\s", "&#32;", shown)


_BARS = "▁▂▃▄▅▆▇█"


def sparkline(values) -> str:
    """A series as a line of block characters, lowest ▁ to highest █, for a table that
    cannot draw a chart (presenter mode's static tables); a missing value is a space,
    a flat series the middle bar."""
    seen = [float(v) for v in values if v is not None and v == v]
    if not seen:
        return ""
    lo, hi = min(seen), max(seen)
    out = []
    for v in values:
        if v is None or v != v:
            out.append(" ")
        elif hi == lo:
            out.append(_BARS[3])
        else:
            out.append(_BARS[round((float(v) - lo) / (hi - lo) * (len(_BARS) - 1))])
    return "".join(out)


def kpi_value(kpi: str, value) -> str:
    if value is None or value != value:  # None or NaN
        return "—"
    if kpi in COUNT_KEYS:
        return f"{int(value):,}"
    if kpi in RATE_KEYS:
        return f"{value:.1%}"
    if kpi == "csat_avg":
        return f"{value:.2f}"
    return f"{value:,.1f}"


def kpi_delta(row: ScoreRow, lang: str) -> str | None:
    """The change shown under a metric: points for rates (worded in ``lang``), % for
    counts and amounts; None (no change shown) without a previous value, and for a
    count or amount whose previous value is 0, from which no % change can be told (a
    period before the data began, not a rise of +4,580.0)."""
    if row.delta is None:
        return None
    if row.kpi in RATE_KEYS:
        return unsigned_zero(t("delta.points", lang, delta=100 * row.delta))
    if row.kpi == "csat_avg":
        return unsigned_zero(f"{row.delta:+.2f}")
    if row.change is None:
        return None
    return unsigned_zero(f"{row.change:+.1%}")


def flat(change: str) -> bool:
    """Whether a change as shown rounds to nothing (:func:`unsigned_zero`): a metric
    then shows it with no arrow and no colour, neither better nor worse."""
    return change[:1] not in "+-"


def metric_change(change: str, colour: str = "normal") -> dict:
    """``st.metric``'s delta arguments for a signed change as text: one that rounds to
    nothing without its sign, arrow or colour (a -0.0% read as a fall)."""
    change = unsigned_zero(change)
    if flat(change):
        return {"delta": change, "delta_color": "off", "delta_arrow": "off"}
    return {"delta": change, "delta_color": colour}


def delta_colour(row: ScoreRow) -> str:
    return {1: "normal", -1: "inverse", 0: "off"}[row.direction]


# Sizes in rem of the presenter's root size (1.3 x 16 px). A metric's value, label and
# delta are Markdown paragraphs too: each is sized on its paragraph, with !important,
# so the general paragraph rule cannot shrink the value below its delta (it did: 30 px
# against 36 px outside presenter mode). Labels wrap instead of being cut short.
PRESENTER_CSS = """
<style>
section[data-testid="stSidebar"], header[data-testid="stHeader"] {display: none;}
.block-container {max-width: 100% !important; padding-top: 1.5rem;}
html, body, [data-testid="stAppViewContainer"] {font-size: 1.3rem;}
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li {font-size: 1.45rem;}
[data-testid="stMetricValue"], [data-testid="stMetricValue"] p {font-size: 3rem !important;
  line-height: 1.2 !important;}
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] p {font-size: 1.15rem !important;}
[data-testid="stMetricLabel"] * {white-space: normal !important; overflow: visible !important;
  text-overflow: clip !important;}
[data-testid="stMetricDelta"], [data-testid="stMetricDelta"] p {font-size: 1.3rem !important;}
[data-testid="stMetricDelta"] svg {width: 1.3rem; height: 1.3rem;}
[data-testid="stTable"] th, [data-testid="stTable"] td {font-size: 1.05rem !important;}
[data-testid="stTable"] table:has(th:nth-child(9)) :is(th, td) {font-size: 0.9rem !important;
  padding-left: 0.35rem; padding-right: 0.35rem;}
[data-testid="stTable"] table:has(th:nth-child(12)) :is(th, td) {font-size: 0.8rem !important;}
h1 {font-size: 3rem !important;}
</style>
"""


def apply_presenter_style() -> None:
    # Our own constant stylesheet, never user text.
    st.html(PRESENTER_CSS)


def kpi_delta_value(kpi: str, delta, lang: str) -> str:
    """A difference in a KPI's units: points for rates (worded in ``lang``), plain for
    the rest."""
    if delta is None or delta != delta:
        return "—"
    if kpi in RATE_KEYS:
        return unsigned_zero(t("delta.points", lang, delta=100 * delta))
    if kpi in COUNT_KEYS:
        return unsigned_zero(f"{delta:+,.0f}")
    if kpi == "csat_avg":
        return unsigned_zero(f"{delta:+.2f}")
    return unsigned_zero(f"{delta:+,.1f}")


def kpi_values(kpis, values) -> list[str]:
    """:func:`kpi_value` of each value, ``kpis`` naming each one's KPI (same length)."""
    return [kpi_value(k, v) for k, v in zip(kpis, values, strict=True)]


def kpi_delta_values(kpis, deltas, lang: str) -> list[str]:
    """:func:`kpi_delta_value` of each difference, ``kpis`` naming each one's KPI."""
    return [kpi_delta_value(k, d, lang) for k, d in zip(kpis, deltas, strict=True)]


RAG_COLOURS = {
    "green": ("#DAFBE1", "#1A7F37"),
    "amber": ("#FFF1D6", "#9A6700"),
    "red": ("#FFEBE9", "#CF222E"),
    "none": ("#F6F8FA", "#6E7781"),
}


def rag_style(frame, column: str, statuses):
    """A pandas Styler colouring ``column`` by red/amber/green ``statuses`` (row order)."""
    colours = [RAG_COLOURS.get(s, RAG_COLOURS["none"]) for s in statuses]

    def paint(col):
        return [f"background-color: {bg}; color: {fg}; font-weight: 600" for bg, fg in colours]

    return frame.style.apply(paint, subset=[column])
