"""The shared sidebar: data source, language, presenter mode and the global filters.

The URL is the source of truth when a session starts (a copied link reopens the
same view); after that the widgets are, and every change is written back to it.
A quick range is counted back from the last day a ticket was created
(:meth:`svcops.tickets.DataSpan.recent`) and worked out again whenever the data
changes (another source, an import), so a user's own history opens on its last 28
days that hold data, not on a range left over from the sample.
"""

from __future__ import annotations

import streamlit as st

from svcops import kpi
from svcops.filters import DIMENSIONS, Filters
from svcops.i18n import DEFAULT_LANGUAGE, LANGUAGES, t, value_name
from svcops.tickets import DataSpan, data_span

from . import state

PRESETS = {"last7": 7, "last28": 28, "last91": 91, "last365": 365, "all": None}
DEFAULT_PRESET = "last28"
# A page's own parameters, kept in the link as they are (the SQL explorer's query).
PAGE_PARAMS = ("q", "slide")
# Filter field -> (session-state key, label key)
_DIM_WIDGETS = {
    "teams": ("f_team", "filter.team"),
    "channels": ("f_channel", "filter.channel"),
    "categories": ("f_category", "filter.category"),
    "priorities": ("f_priority", "filter.priority"),
}


def initial_language() -> str:
    lang = st.query_params.get("lang", DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def _init_once(key: str, value) -> None:
    if key not in st.session_state:
        st.session_state[key] = value


def _apply_preset(span: DataSpan) -> None:
    preset = st.session_state.get("f_preset", "custom")
    if preset != "custom":
        st.session_state["f_range"] = span.recent(PRESETS[preset])


def _reset_filters(span: DataSpan) -> None:
    st.session_state["f_preset"] = DEFAULT_PRESET
    st.session_state["f_range"] = span.recent(PRESETS[DEFAULT_PRESET])
    for key, _label in _DIM_WIDGETS.values():
        st.session_state[key] = []


def _follow_workspace(version: str, span: DataSpan) -> None:
    """Re-apply the chosen range when the data changed under it (another source, an
    import, a removal): a range picked on other data means nothing on this one.

    A quick range is worked out again on this data; a custom range is kept where it
    overlaps this data's span (the clamp below trims it) and otherwise gives way to the
    default quick range. The session's first run keeps its range: a copied link's dates
    stand.
    """
    seen = st.session_state.get("f_version")
    st.session_state["f_version"] = version
    if seen is None or seen == version:
        return
    if st.session_state["f_preset"] == "custom":
        cur = st.session_state["f_range"]
        if len(cur) == 2 and cur[0] <= span.last and cur[1] >= span.first:
            return
        st.session_state["f_preset"] = DEFAULT_PRESET
    _apply_preset(span)


def build_context() -> state.Context:
    """Render the sidebar and return the page context for this run."""
    qp = st.query_params
    sb = st.sidebar

    _init_once("lang", initial_language())
    lang = sb.selectbox(
        t("sidebar.language", st.session_state["lang"]),
        list(LANGUAGES),
        format_func=LANGUAGES.get,
        key="lang",
    )

    if "source_next" in st.session_state:
        st.session_state["source"] = st.session_state.pop("source_next")
    _init_once(
        "source",
        qp.get("source")
        if qp.get("source") in ("sample", "own")
        else ("own" if state.own_has_data() else "sample"),
    )
    source = sb.radio(
        t("sidebar.source", lang),
        ["sample", "own"],
        key="source",
        format_func=lambda s: t(f"source.{s}", lang),
        horizontal=True,
    )

    _init_once("present", qp.get("present") == "1")
    presenter = sb.toggle(
        t("sidebar.presenter", lang), key="present", help=t("sidebar.presenter_help", lang)
    )

    ws = state.workspace_for(source)
    version = state.data_version(ws)
    span = state.cached(ws, version, data_span)
    dims = state.cached(ws, version, kpi.dimension_values)
    url: dict[str, object] = {k: qp.get_all(k) for k in PAGE_PARAMS if k in qp}
    url.update({"lang": lang, "source": source})
    if presenter:
        url["present"] = "1"

    if span is None:
        filters = Filters()
    else:
        lo, hi = span.first, span.last
        sb.subheader(t("sidebar.filters", lang))
        url_filters = Filters.from_query(qp.get_all)
        linked = (url_filters.start or lo, url_filters.end or hi)
        # A link's dates stand where they meet the data; dates wholly outside it (a link
        # made on other data) give way to the default range, as a source switch does,
        # rather than shrinking to the data's first or last day.
        if (url_filters.start or url_filters.end) and linked[0] <= hi and linked[1] >= lo:
            _init_once("f_preset", "custom")
            _init_once("f_range", linked)
        _init_once("f_preset", DEFAULT_PRESET)
        _init_once("f_range", span.recent(PRESETS.get(st.session_state["f_preset"])))
        _follow_workspace(version, span)
        sb.selectbox(
            t("filter.preset", lang),
            ["custom", *PRESETS],
            key="f_preset",
            format_func=lambda p: t(f"preset.{p}", lang),
            on_change=_apply_preset,
            args=(span,),
        )
        # Keep a custom range (or a stale link's) inside this data's span.
        cur = st.session_state["f_range"]
        if len(cur) == 2:
            s, e = max(lo, min(cur[0], hi)), min(hi, max(cur[1], lo))
            st.session_state["f_range"] = (min(s, e), max(s, e))
        picked = sb.date_input(
            t("filter.period", lang), key="f_range", min_value=lo, max_value=hi, format="YYYY-MM-DD"
        )
        start, end = (
            picked
            if isinstance(picked, tuple) and len(picked) == 2
            else st.session_state.get("f_last_range", (lo, hi))
        )
        st.session_state["f_last_range"] = (start, end)

        chosen: dict[str, tuple[str, ...]] = {}
        for field, (key, label) in _DIM_WIDGETS.items():
            options = dims[DIMENSIONS[field]]
            _init_once(key, [v for v in getattr(url_filters, field) if v in options])
            st.session_state[key] = [v for v in st.session_state[key] if v in options]
            chosen[field] = tuple(
                sb.multiselect(
                    t(label, lang),
                    options,
                    key=key,
                    placeholder=t("filter.all", lang),
                    # A channel the importer recognised is kept as its key ("phone").
                    format_func=lambda v: value_name(v, lang),
                )
            )
        sb.button(t("filter.reset", lang), on_click=_reset_filters, args=(span,))
        filters = Filters(start=start, end=end, **chosen)
        url.update(filters.to_query())
        sb.caption(t("sidebar.link", lang))

    st.query_params.from_dict(url)

    return state.Context(
        ws=ws,
        source=source,
        version=version,
        filters=filters,
        lang=lang,
        presenter=presenter,
        dims=dims,
        has_tickets=span is not None,
    )
