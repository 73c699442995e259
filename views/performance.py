"""Performance evaluation: are we meeting our targets?"""

import streamlit as st

from svcops import charts, performance
from svcops import kpi as kpi_defs
from svcops.i18n import Message, t
from ui import page, state
from ui.format import kpi_delta_values, kpi_value, kpi_values

ctx = state.page("performance.title")
lang = ctx.lang
f = ctx.filters
column, kpi_name, shown = page.named("col"), page.named("kpi"), page.named("value")
better = {
    "higher": t("performance.better.higher", lang),
    "lower": t("performance.better.lower", lang),
}


def kpi_key(key: str) -> str:
    """A KPI as a targets sheet names it: its key, with its name in the page's language."""
    return t("performance.kpi_key", lang, kpi=key, name=kpi_name(key))


kpi_keys = t("performance.kpi_sep", lang).join(map(kpi_key, performance.SCORECARD_KEYS))


def targets_error(exc: ValueError) -> str:
    """Why targets cannot be used, worded with the KPIs it names in the page's language
    (the error carries their keys)."""
    said = getattr(exc, "message", None)
    if not isinstance(said, Message):
        return page.words(exc)
    named = {"kpi": kpi_key(said.params["kpi"])} if "kpi" in said.params else {}
    return page.words(said, **named, **({"kpis": kpi_keys} if "kpis" in said.params else {}))


# -- targets (edited here, stored in the workspace) -----------------------------------
# Read uncached: saving targets changes them without changing the data version.
saved = performance.load_targets(ctx.ws)
edited = saved
if not ctx.presenter:
    with st.expander(t("performance.targets", lang), expanded=saved.empty):
        st.caption(t("performance.targets_help", lang, kpis=kpi_keys))
        edited = st.data_editor(
            saved.drop(columns=["problem"]),
            num_rows="dynamic",
            hide_index=True,
            width="stretch",
            key="performance_targets",
            column_config={
                "kpi": st.column_config.SelectboxColumn(
                    column("kpi"),
                    options=list(performance.SCORECARD_KEYS),
                    required=True,
                    format_func=kpi_name,
                ),
                "target": st.column_config.NumberColumn(
                    column("target"), required=True, format="%.4g"
                ),
                "direction": st.column_config.SelectboxColumn(
                    column("direction"), options=list(better), format_func=better.get
                ),
                "amber_margin": st.column_config.NumberColumn(
                    column("amber_margin"), min_value=0.0, format="%.4g"
                ),
                "team": st.column_config.SelectboxColumn(column("team"), options=ctx.dims["team"]),
            },
        )
        if ctx.source == "sample":
            st.caption(t("performance.sample_readonly", lang))
        elif st.button(t("performance.save", lang), type="primary"):
            try:
                stored = performance.save_targets(ctx.ws, edited)
            except ValueError as exc:
                st.error(targets_error(exc))
            else:
                st.success(t("performance.saved", lang, n=len(stored)))
                saved = edited = performance.load_targets(ctx.ws)

# -- scorecard ----------------------------------------------------------------------
st.subheader(t("performance.scorecard", lang))
try:
    card = page.query(performance.target_scorecard, f, edited)
except ValueError as exc:  # unsaved edits that do not validate
    st.error(targets_error(exc))
    card = page.query(performance.target_scorecard, f, saved)
if card.empty:
    st.info(t("performance.no_targets", lang))
else:
    page.table(
        card.assign(
            kpi=[kpi_name(k) for k in card["kpi"]],
            actual=kpi_values(card["kpi"], card["actual"]),
            target=kpi_values(card["kpi"], card["target"]),
            gap=kpi_delta_values(card["kpi"], card["gap"], lang),
            status=[t(f"performance.status.{s}", lang) for s in card["status"]],
            team=card["team"].astype(object).where(card["team"].notna(), t("filter.all", lang)),
        )[["kpi", "status", "actual", "target", "gap", "team"]],
        rag=("status", card["status"]),
    )

# Which rule the SLA figure follows, and what the outcome figures leave out or count once.
notes = page.query(kpi_defs.definitions, f).notes()
if notes:
    st.caption(" ".join(page.words(n) for n in notes))

# -- rankings -----------------------------------------------------------------------
st.subheader(t("performance.rankings", lang))
page.defaults("performance", {"by": "team", "kpi": "sla_attainment", "min": 30})
if not ctx.presenter:
    c1, c2, c3 = st.columns(3)
    c1.segmented_control(
        t("performance.rank_by", lang), ["team", "agent"], key="performance_by", format_func=column
    )
    c2.selectbox(
        t("performance.rank_kpi", lang),
        list(performance.RANKABLE_KPIS),
        key="performance_kpi",
        format_func=kpi_name,
    )
    c3.number_input(t("performance.min_volume", lang), min_value=0, step=10, key="performance_min")
by = page.setting("performance", "by") or "team"
kpi = page.setting("performance", "kpi")
min_volume = int(page.setting("performance", "min"))
ranks = page.query(performance.rankings, f, by=by, kpi=kpi, min_volume=min_volume)
ranks = ranks.assign(**{by: ranks[by].map(shown)})  # "(none)" in the page's language
ranked = ranks[ranks["eligible"]]
if not ranked.empty:
    page.chart(
        charts.bar_chart(
            ranked.head(25),
            by,
            "value",
            kpi_name(kpi),
            x_title=column(by),
            y_title=kpi_name(kpi),
            horizontal=True,
            percent=kpi in ("sla_attainment", "fcr_rate", "reopen_rate"),
            sort=ranked[by].head(25).tolist(),
        )
    )
unranked = int((~ranks["eligible"]).sum())
if unranked:
    st.caption(t("performance.unranked", lang, n=unranked, min=min_volume))
if not ctx.presenter:
    page.table(
        ranks.drop(columns="kpi"),
        formats={"value": lambda v: kpi_value(kpi, v), "volume": "{:,.0f}", "rank": "{:,.0f}"},
    )

# -- period comparison --------------------------------------------------------------
st.subheader(t("performance.compare", lang))
compare = page.query(performance.compare_periods, f)
page.table(
    compare.assign(
        kpi=[kpi_name(k) for k in compare["kpi"]],
        **{
            col: kpi_values(compare["kpi"], compare[col])
            for col in ("current", "previous", "year_ago")
        },
        **{
            col: kpi_delta_values(compare["kpi"], compare[col], lang)
            for col in ("delta_previous", "delta_year_ago")
        },
    )[["kpi", "current", "previous", "delta_previous", "year_ago", "delta_year_ago"]]
)
if not ctx.presenter:
    page.download(compare, f"svcops-comparison-{f.start}-{f.end}.csv")

# -- composite index ----------------------------------------------------------------
st.subheader(t("performance.composite", lang))
weights = dict(performance.DEFAULT_WEIGHTS)
if not ctx.presenter:
    with st.expander(t("performance.weights", lang)):
        cols = st.columns(len(weights))
        for col, key in zip(cols, list(weights), strict=True):
            weights[key] = col.number_input(
                kpi_name(key), 0.0, 1.0, weights[key], 0.05, key=f"performance_w_{key}"
            )
if not card.empty:
    result = performance.composite_index(card, weights)
    st.metric(t("performance.index", lang), "—" if result.index is None else f"{result.index:.1f}")
    st.caption(t("performance.composite_help", lang, cap=result.cap))
    note, scored = page.named("performance.note"), result.table
    page.table(
        scored.assign(
            kpi=[kpi_name(k) for k in scored["kpi"]],
            actual=kpi_values(scored["kpi"], scored["actual"]),
            target=kpi_values(scored["kpi"], scored["target"]),
            direction=[better.get(d, d) for d in scored["direction"]],
            note=[note(n) for n in scored["note"]],
        ),
        formats={
            "attainment": "{:.1%}",
            "weight": "{:.0%}",
            "weight_used": "{:.0%}",
            "contribution": "{:.1f}",
        },
    )
