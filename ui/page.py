"""What every page does the same way, written once: cached analysis calls, charts,
labelled tables, safe downloads, widget defaults and worded messages.

A view then reads as a description of its screen::

    ctx = state.page("quality.title")
    page.defaults("quality", {"metric": "volume"})
    series = page.query(quality.daily_volume, ctx.filters)
    page.chart(charts.control_chart(...))
    page.table(flags)

Everything here speaks the page's language (``state.context().lang``). ``where`` is
the container to draw in: ``st`` (the page), a column or an expander.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import pandas as pd
import streamlit as st

from svcops import charts
from svcops.downloads import to_csv_bytes
from svcops.headlines import NO_VALUE
from svcops.i18n import STRINGS, Message, column_label, render, t, unsigned_zero

from . import state
from .format import JOINER, escape_md, rag_style, sparkline

R = TypeVar("R")


def query(fn: Callable[..., R], *args: Any, **kwargs: Any) -> R:
    """``fn(ws, *args, **kwargs)`` on the page's workspace, cached per data version and
    arguments (:func:`ui.state.cached`: a module-level analysis, hashable arguments,
    a result that pickles)."""
    ctx = state.context()
    return state.cached(ctx.ws, ctx.version, fn, *args, **kwargs)


def chart(spec, where: Any = st) -> None:
    """An Altair chart in the page's language (with presenter mode's larger text), as
    wide as its container, its plot as tall as the theme says (:func:`charts.sized`)."""
    ctx = state.context()
    where.altair_chart(
        charts.sized(charts.localised(spec, ctx.lang, ctx.presenter)), width="stretch"
    )


def labelled(frame):
    """``frame`` with its column names in the page's language (``col.<name>``)."""
    lang = state.context().lang
    return frame.rename(columns={c: column_label(c, lang) for c in frame.columns})


# In presenter mode a table of up to this many rows is drawn whole, as static text that
# the presenter stylesheet enlarges: a table scrolling inside itself hides rows on a
# shared screen, and a grid's canvas text does not grow with the page.
STATIC_ROWS = 60
# A static table's text without a space up to this long is kept on one line: a narrow
# column broke a stage (规模化) into a character per line and an id (I-01) at its hyphen.
_UNBROKEN = 12


def static_text(text: str) -> str:
    """A static table's cell as text: Streamlit renders those cells as Markdown (a team
    named ``[login](http://…)`` was a live link on the presenter's screen), so it is
    escaped; a short word is kept whole (word joiners, unseen, between its characters)."""
    if len(text) <= _UNBROKEN and not any(c.isspace() for c in text):
        text = JOINER.join(text)
    return escape_md(text)


# st.dataframe's row and header height in px, and its border.
_ROW_PX, _BORDER_PX = 35, 3


def table(
    frame,
    where: Any = st,
    *,
    rag: tuple[str, Sequence[str]] | None = None,
    formats: Mapping[str, str | Callable[[Any], str]] | None = None,
    whole: bool = False,
    labels: bool = True,
    **kwargs: Any,
) -> None:
    """A table with translated column names, no index, missing text blank, as wide as
    its container; ``whole``: as tall as its rows (a short list that should be read
    at a glance, never scrolled).

    ``formats``: ``{column: format}``, a ``str.format`` template (``"{:,.1f}"``) or a
    function, gives those columns' values as text, a missing value blank (so numbers
    read alike down a column: 4,137.0 and 977.7, not 4137 and 977.7). ``rag``:
    ``(column, statuses)`` colours that column's cells by the red/amber/green
    ``statuses`` (one per row, in row order). ``labels``: False keeps the column names
    as they are (a SQL query's own). ``kwargs`` go to ``st.dataframe`` (``height``,
    ``column_config``).

    In presenter mode a table of up to :data:`STATIC_ROWS` rows is drawn whole as a
    static table (``kwargs`` then do not apply; yes/no cells read ✓ or blank, whole
    numbers with thousands separators); a longer one gets a height that fits its rows.
    """
    ctx = state.context()
    data = frame.copy()
    for column, fmt in (formats or {}).items():
        data[column] = [_formatted(v, fmt) for v in data[column]]
    for column in data.select_dtypes(include=["object", "str"]).columns:
        data[column] = data[column].where(data[column].notna(), "")
    static = ctx.presenter and len(data) <= STATIC_ROWS
    if static:
        for column in data.columns:
            if data[column].map(lambda v: isinstance(v, list | tuple)).any():
                # a sparkline column (LineChartColumn) drawn as text
                data[column] = data[column].map(
                    lambda v: sparkline(v) if isinstance(v, list | tuple) else ""
                )
            elif pd.api.types.is_bool_dtype(data[column]):
                data[column] = data[column].map({True: "✓", False: ""})
            elif pd.api.types.is_integer_dtype(data[column]):
                data[column] = data[column].map("{:,}".format)
            else:
                data[column] = data[column].map(
                    lambda v: static_text(v) if isinstance(v, str) else v
                )
    shown = labelled(data) if labels else data
    if static:  # headers are Markdown too
        shown = shown.rename(columns=lambda c: escape_md(str(c)))
    if rag is not None:
        column, statuses = rag
        label = column_label(column, ctx.lang)
        shown = rag_style(shown, escape_md(label) if static else label, statuses)
    if static:
        where.table(shown, hide_index=True)
        return
    if ctx.presenter or whole:
        kwargs["height"] = _ROW_PX * (len(data) + 1) + _BORDER_PX
    # Formatted numbers are text now; they keep a number's place on the right.
    kwargs["column_config"] = {
        **{
            column_label(c, ctx.lang): st.column_config.Column(alignment="right")
            for c in (formats or {})
        },
        **kwargs.get("column_config", {}),
    }
    where.dataframe(shown, hide_index=True, width="stretch", **kwargs)


def _formatted(value: Any, fmt: str | Callable[[Any], str]) -> str:
    """``value`` as text by ``fmt`` (a ``str.format`` template or a function); blank
    when missing."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(fmt, str):  # a signed change that rounds to nothing: no sign
        return unsigned_zero(fmt.format(value)) if fmt.startswith("{:+") else fmt.format(value)
    return fmt(value)


def download(frame, file_name: str, where: Any = st) -> None:
    """A CSV download of ``frame`` whose cells cannot run as spreadsheet formulas."""
    where.download_button(
        t("common.download_csv", state.context().lang),
        to_csv_bytes(frame),
        file_name=file_name,
        mime="text/csv",
    )


def defaults(prefix: str, values: Mapping[str, Any]) -> None:
    """Widget defaults under the page's session-state prefix: ``defaults("quality",
    {"metric": "volume"})`` sets ``quality_metric`` unless the session already has it."""
    for key, value in values.items():
        st.session_state.setdefault(f"{prefix}_{key}", value)


def setting(prefix: str, key: str) -> Any:
    """The current value of a page's widget (``setting("quality", "metric")``)."""
    return st.session_state[f"{prefix}_{key}"]


def named(prefix: str) -> Callable[[Any], Any]:
    """A function giving a value's ``<prefix>.<value>`` string in the page's language,
    or the value itself when there is no such string (a team's name, a blank): for a
    widget's ``format_func`` and for a table column of keys (``named("kpi")``). The
    value analyses give tickets without one (``"(none)"``) reads ``common.none``, so
    ``named("value")`` words a column of dimension values (teams, channels) for show."""
    lang = state.context().lang

    def name(value: Any) -> Any:
        if isinstance(value, str) and value == NO_VALUE:
            return t("common.none", lang)
        key = f"{prefix}.{value}"
        return t(key, lang) if key in STRINGS else value

    return name


def words(message: Message | str | Exception, /, **params: Any) -> str:
    """A message worded in the page's language, for Markdown (captions, markdown, info,
    error): its text parameters, and those of messages inside it, are escaped, since
    they may come from the data (team names, categories, a cell someone typed).

    ``message``: a :class:`Message`; a string key with its ``params`` (``params`` given
    with a Message override its own); or an error, worded from its ``message`` when it
    carries one (:class:`svcops.i18n.errors.MessageError`, ``TargetsError``), else its
    text shown literally.
    """
    if isinstance(message, Exception):
        said = getattr(message, "message", None)
        if not isinstance(said, Message):
            return escape_md(str(message))
        message = said
    if isinstance(message, str):
        message = Message(message, params)
    elif params:
        message = Message(message.key, {**message.params, **params})
    return render(message, state.context().lang, escape_md)


def _css_text(text: str) -> str:
    """``text`` as a CSS string literal (for ``content:``)."""
    return '"' + "".join(c if c.isalnum() or c in " .,•-" else f"\\{ord(c):x} " for c in text) + '"'


def uploader_words(lang: str, limit_mb: int, types: Sequence[str]) -> None:
    """Word the file uploader's own button and limit line in ``lang``: Streamlit writes
    them in English whatever the page's language ("Upload", "200MB per file • CSV …").
    Our stylesheet hides its text and shows ours in its place, at its size (rem, so
    presenter mode scales it too); screen readers keep the uploader's own label."""
    if lang == "en":
        return
    button = _css_text(t("data.uploader_button", lang))
    limit = _css_text(
        t("data.uploader_limit", lang, mb=limit_mb, types=", ".join(x.upper() for x in types))
    )
    zone = '[data-testid="stFileUploaderDropzone"]'
    st.html(
        "<style>"
        f'{zone} button [data-testid="stMarkdownContainer"] p {{font-size: 0 !important;}}'
        f'{zone} button [data-testid="stMarkdownContainer"] p::after '
        f"{{content: {button}; font-size: 0.875rem; line-height: 1.6;}}"
        f'[data-testid="stFileUploaderDropzoneInstructions"] span {{font-size: 0 !important;}}'
        f'[data-testid="stFileUploaderDropzoneInstructions"] span::after '
        f"{{content: {limit}; font-size: 0.875rem; line-height: 1.6;}}"
        "</style>"
    )
