"""Performance evaluation: are we meeting our targets?"""

import streamlit as st

from svcops import charts, performance
from svcops.downloads import to_csv_bytes
from svcops.i18n import column_label, render, t
from svcops.kpi import SCORECARD_KEYS
from ui import state
from ui.format import escape_md, kpi_delta_value, kpi_value, rag_style

ctx = state.page("performance.title")
lang = ctx.lang

f = ctx.filters


def labelled(frame):
    return frame.rename(columns={c: column_label(c, lang) for c in frame.columns})


def error_text(exc: ValueError) -> str:
    """A targets error in the page's language, shown literally (it quotes the user's cells)."""
    text = render(exc.message, lang) if isinstance(exc, performance.TargetsError) else str(exc)
    return escape_md(text)


# -- targets (edited here, stored in the workspace) -----------------------------------
saved = performance.load_targets(ctx.ws)
edited = saved
if not ctx.presenter:
    with st.expander(t("performance.targets", lang), expanded=saved.empty):
        st.caption(t("performance.targets_help", lang, kpis=", ".join(performance.SCORECARD_KEYS)))
        edited = st.data_editor(
            saved.drop(columns=["problem"]), num_rows="dynamic", hide_index=True,
            width="stretch", key="performance_targets",
            column_config={
                "kpi": st.column_config.SelectboxColumn(
                    column_label("kpi", lang), options=list(performance.SCORECARD_KEYS),
                    required=True),
                "target": st.column_config.NumberColumn(column_label("target", lang),
                                                        required=True, format="%.4g"),
                "direction": st.column_config.SelectboxColumn(
                    column_label("direction", lang), options=["higher", "lower"]),
                "amber_margin": st.column_config.NumberColumn(
                    column_label("amber_margin", lang), min_value=0.0, format="%.4g"),
                "team": st.column_config.SelectboxColumn(column_label("team", lang),
                                                         options=ctx.dims["team"]),
            },
        )
        if ctx.source == "sample":
            st.caption(t("performance.sample_readonly", lang))
        elif st.button(t("performance.save", lang), type="primary"):
            try:
                stored = performance.save_targets(ctx.ws, edited)
            except ValueError as exc:
                st.error(error_text(exc))
            else:
                st.success(t("performance.saved", lang, n=len(stored)))
                saved = edited = performance.load_targets(ctx.ws)

# -- scorecard ----------------------------------------------------------------------
st.subheader(t("performance.scorecard", lang))
try:
    card = performance.target_scorecard(ctx.ws, f, edited)
except ValueError as exc:      # unsaved edits that do not validate
    st.error(error_text(exc))
    card = performance.target_scorecard(ctx.ws, f, saved)
if card.empty:
    st.info(t("performance.no_targets", lang))
else:
    shown = card.assign(
        kpi=[t(f"kpi.{k}", lang) for k in card["kpi"]],
        actual=[kpi_value(k, v) for k, v in zip(card["kpi"], card["actual"], strict=True)],
        target=[kpi_value(k, v) for k, v in zip(card["kpi"], card["target"], strict=True)],
        gap=[kpi_delta_value(k, v, lang) for k, v in zip(card["kpi"], card["gap"], strict=True)],
        status=[t(f"performance.status.{s}", lang) for s in card["status"]],
        team=card["team"].astype(object).where(card["team"].notna(), t("filter.all", lang)),
    )[["kpi", "status", "actual", "target", "gap", "team"]]
    st.dataframe(rag_style(labelled(shown), column_label("status", lang), card["status"]),
                 hide_index=True, width="stretch")

# -- rankings -----------------------------------------------------------------------
st.subheader(t("performance.rankings", lang))
st.session_state.setdefault("performance_by", "team")
st.session_state.setdefault("performance_kpi", "sla_attainment")
st.session_state.setdefault("performance_min", 30)
if not ctx.presenter:
    c1, c2, c3 = st.columns(3)
    c1.segmented_control(t("performance.rank_by", lang), ["team", "agent"], key="performance_by",
                         format_func=lambda b: column_label(b, lang))
    c2.selectbox(t("performance.rank_kpi", lang), list(performance.RANKABLE_KPIS),
                 key="performance_kpi", format_func=lambda k: t(f"kpi.{k}", lang))
    c3.number_input(t("performance.min_volume", lang), min_value=0, step=10,
                    key="performance_min")
by = st.session_state["performance_by"] or "team"
kpi = st.session_state["performance_kpi"]
ranks = performance.rankings(ctx.ws, f, by=by, kpi=kpi,
                             min_volume=int(st.session_state["performance_min"]))
ranked = ranks[ranks["eligible"]]
if not ranked.empty:
    st.altair_chart(charts.localised(charts.bar_chart(ranked.head(25), by, "value", t(f"kpi.{kpi}", lang),
                                     x_title=column_label(by, lang),
                                     y_title=t(f"kpi.{kpi}", lang), horizontal=True,
                                     percent=kpi in ("sla_attainment", "fcr_rate", "reopen_rate"),
                                     sort=ranked[by].head(25).tolist()), lang), width="stretch")
unranked = int((~ranks["eligible"]).sum())
if unranked:
    st.caption(t("performance.unranked", lang, n=unranked,
                 min=int(st.session_state["performance_min"])))
if not ctx.presenter:
    table = ranks.assign(value=[kpi_value(kpi, v) for v in ranks["value"]]).drop(columns="kpi")
    st.dataframe(labelled(table), hide_index=True, width="stretch", height=280)

# -- period comparison --------------------------------------------------------------
st.subheader(t("performance.compare", lang))
compare = performance.compare_periods(ctx.ws, f)
view = compare.assign(
    kpi=[t(f"kpi.{k}", lang) for k in compare["kpi"]],
    **{col: [kpi_value(k, v) for k, v in zip(compare["kpi"], compare[col], strict=True)]
       for col in ("current", "previous", "year_ago")},
    **{col: [kpi_delta_value(k, v, lang) for k, v in zip(compare["kpi"], compare[col], strict=True)]
       for col in ("delta_previous", "delta_year_ago")},
)[["kpi", "current", "previous", "delta_previous", "year_ago", "delta_year_ago"]]
st.dataframe(labelled(view), hide_index=True, width="stretch")
if not ctx.presenter:
    st.download_button(t("common.download_csv", lang), to_csv_bytes(compare),
                       file_name=f"svcops-comparison-{f.start}-{f.end}.csv", mime="text/csv")

# -- composite index ----------------------------------------------------------------
st.subheader(t("performance.composite", lang))
weights = dict(performance.DEFAULT_WEIGHTS)
if not ctx.presenter:
    with st.expander(t("performance.weights", lang)):
        cols = st.columns(len(weights))
        for col, key in zip(cols, list(weights), strict=True):
            weights[key] = col.number_input(t(f"kpi.{key}", lang), 0.0, 1.0, weights[key], 0.05,
                                            key=f"performance_w_{key}")
if not card.empty:
    result = performance.composite_index(card, weights)
    st.metric(t("performance.index", lang), "—" if result.index is None else f"{result.index:.1f}")
    st.caption(t("performance.composite_help", lang, cap=result.cap))
    table = result.table.assign(
        kpi=[t(f"kpi.{k}", lang) if k in SCORECARD_KEYS else k for k in result.table["kpi"]],
        note=[t(f"performance.note.{n}", lang) if isinstance(n, str) else n
              for n in result.table["note"]])
    st.dataframe(labelled(table.round(3)), hide_index=True, width="stretch")
