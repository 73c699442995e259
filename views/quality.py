"""Quality control: is the process stable, and where do defects come from?"""

import streamlit as st

from svcops import charts, quality
from svcops.downloads import to_csv_bytes
from svcops.i18n import column_label, render, t
from ui import state
from ui.format import escape_md

ctx = state.page("quality.title")
lang = ctx.lang

f = ctx.filters
axis = {"period": t("axis.period", lang)}

# -- control chart ------------------------------------------------------------------
st.subheader(t("quality.spc", lang))
METRICS = ["volume", "resolution", "sla"]
st.session_state.setdefault("quality_metric", "volume")
st.session_state.setdefault("quality_baseline", (f.start, f.end))
if not ctx.presenter:
    left, right = st.columns([2, 2])
    left.selectbox(t("quality.metric", lang), METRICS, key="quality_metric",
                   format_func=lambda m: t(f"quality.metric.{m}", lang))
    # A baseline outside the period (after the filters changed) falls back to the period.
    base = st.session_state["quality_baseline"]
    if len(base) != 2 or base[0] < f.start or base[1] > f.end:
        st.session_state["quality_baseline"] = (f.start, f.end)
    right.date_input(t("quality.baseline", lang), key="quality_baseline", min_value=f.start,
                     max_value=f.end, format="YYYY-MM-DD")
metric = st.session_state["quality_metric"]
baseline = st.session_state["quality_baseline"]
baseline = tuple(baseline) if len(baseline) == 2 else None

if metric == "sla":
    chart = quality.p_chart(quality.daily_sla_breaches(ctx.ws, f), "defects", "n",
                            baseline=baseline)
else:
    series = (quality.daily_volume if metric == "volume" else quality.daily_resolution_median)(
        ctx.ws, f)
    chart = quality.individuals_chart(series, "value", baseline=baseline, floor=0)

title = t(f"quality.metric.{metric}", lang)
st.altair_chart(charts.localised(charts.control_chart(chart.frame, title, {**axis, "value": title},
                                     percent=metric == "sla",
                                     flagged_label=t("quality.flagged", lang)), lang), width="stretch")
fmt = (lambda v: f"{v:.1%}") if metric == "sla" else (lambda v: f"{v:,.1f}")
if chart.note:
    st.caption(render(chart.note, lang))
baseline_text = render(chart.baseline, lang)
if metric == "sla":
    st.caption(t("quality.limits_p", lang, centre=fmt(chart.centre), baseline=baseline_text))
elif chart.ucl is not None:
    st.caption(t("quality.limits", lang, centre=fmt(chart.centre), ucl=fmt(chart.ucl),
                 lcl=fmt(chart.lcl), baseline=baseline_text))

flags = chart.violations()
if flags.empty:
    st.success(t("quality.no_violations", lang))
else:
    points = flags["date"].nunique()
    st.markdown(f"**{t('quality.violations', lang, n=points)}**")
    shown = flags.assign(date=flags["date"].dt.date,
                         description=[t(f"quality.rule.{r}", lang) for r in flags["rule"]])
    st.dataframe(shown.rename(columns={c: column_label(c, lang) for c in shown.columns}),
                 hide_index=True, width="stretch", height=min(38 * (len(shown) + 1), 320))

if metric != "sla" and not ctx.presenter and chart.mr_bar is not None:
    mr = chart.moving_range_chart().rename(columns={"moving_range": "value",
                                                    "beyond_ucl": "out_of_control"})
    st.altair_chart(charts.localised(charts.control_chart(mr, t("quality.mr", lang),
                                         {**axis, "value": t("quality.mr", lang)},
                                         flagged_label=t("quality.flagged", lang)), lang), width="stretch")

# -- customers ----------------------------------------------------------------------
st.subheader(t("quality.customers", lang))
left, right = st.columns(2)
dist = quality.csat_distribution(ctx.ws, f)
if dist["count"].sum() == 0:
    left.info(t("quality.no_csat", lang))
else:
    left.altair_chart(charts.localised(charts.bar_chart(dist.assign(score=dist["score"].astype(str)), "score",
                                       "share", t("quality.csat_dist", lang),
                                       x_title=t("axis.score", lang),
                                       y_title=t("axis.share", lang), percent=True), lang), width="stretch")
    trend = quality.csat_trend(ctx.ws, f)
    left.altair_chart(charts.localised(charts.series_chart(trend, "csat_avg", t("quality.csat_trend", lang),
                                          t("axis.score", lang), x_title=axis["period"]), lang), width="stretch")
score = quality.nps_from_surveys(ctx.ws, f)
right.markdown(f"**{t('quality.nps', lang)}**")
if not score.n:
    right.info(t("quality.no_nps", lang))
else:
    right.metric("NPS", f"{score.nps:+.0f}", help=f"n = {score.n:,}")
    c1, c2, c3 = right.columns(3)
    c1.metric(t("quality.promoters", lang), f"{score.promoter_share:.0%}")
    c2.metric(t("quality.passives", lang), f"{score.passive_share:.0%}")
    c3.metric(t("quality.detractors", lang), f"{score.detractor_share:.0%}")

gaps = quality.servqual_gaps(ctx.ws, f)
if gaps.empty:
    right.caption(t("quality.no_servqual", lang))
else:
    right.altair_chart(charts.localised(charts.servqual_chart(gaps, t("quality.servqual", lang),
                                             {"expectation": t("quality.expectation", lang),
                                              "perception": t("quality.perception", lang)},
                                             t("axis.score", lang)), lang), width="stretch")
    worst = gaps.loc[gaps["gap"].idxmin()]
    right.caption(t("quality.servqual_gap", lang, dimension=worst["dimension"], gap=worst["gap"]))

# -- Pareto -------------------------------------------------------------------------
st.subheader(t("quality.pareto", lang))
BY = ["category", "subcategory", "team", "channel", "priority", "agent"]
st.session_state.setdefault("quality_defect", "total")
st.session_state.setdefault("quality_by", "category")
if not ctx.presenter:
    left, right = st.columns(2)
    left.segmented_control(t("quality.defect", lang), list(quality.DEFECT_TYPES),
                           key="quality_defect",
                           format_func=lambda d: t(f"quality.defect.{d}", lang))
    right.selectbox(t("quality.by", lang), BY, key="quality_by",
                    format_func=lambda b: column_label(b, lang))
defect = st.session_state["quality_defect"] or "total"
by = st.session_state["quality_by"]
pareto = quality.defect_pareto(ctx.ws, f, by)
part = pareto[pareto["defect"] == defect].head(20)
if part.empty:
    st.caption(t("quality.no_defects", lang))
else:
    st.altair_chart(charts.localised(charts.pareto_chart(part, by, t(f"quality.defect.{defect}", lang),
                                        {"count": t("axis.count", lang),
                                         "cumulative": t("axis.cumulative", lang)}), lang), width="stretch")
    vital = part[part["vital_few"]]
    all_values = pareto[pareto["defect"] == defect]
    st.caption(t("quality.vital_few", lang, n=len(vital), total=len(all_values),
                 by=column_label(by, lang),
                 share=float(vital["share"].sum()), defect=t(f"quality.defect.{defect}", lang),
                 names=", ".join(escape_md(v) for v in vital[by])))
    if not ctx.presenter:
        st.download_button(t("common.download_csv", lang), to_csv_bytes(pareto),
                           file_name="svcops-defects.csv", mime="text/csv")
