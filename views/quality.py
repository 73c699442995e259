"""Quality control: is the process stable, and where do defects come from?"""

import streamlit as st

from svcops import charts, quality
from svcops.i18n import t
from ui import page, state

ctx = state.page("quality.title")
lang = ctx.lang
f = ctx.filters
period = t("axis.period", lang)
flagged = t("quality.flagged", lang)
column, shown = page.named("col"), page.named("value")
# The control chart's lines, as its tooltip names them.
lines = {
    "centre": t("quality.centre", lang),
    "ucl": t("quality.ucl", lang),
    "lcl": t("quality.lcl", lang),
}

# -- control chart ------------------------------------------------------------------
st.subheader(t("quality.spc", lang))
SERIES = {
    "volume": quality.daily_volume,
    "resolution": quality.daily_resolution_median,
    "sla": quality.daily_sla_breaches,
}
UNIT = {"volume": "axis.tickets", "resolution": "axis.hours", "sla": "axis.share"}
# The chart each measure can be drawn as ("auto" picks one and says why, ControlChart.reason).
CHARTS = {"volume": list(quality.VOLUME_CHARTS), "sla": list(quality.SLA_CHARTS)}
page.defaults(
    "quality",
    {"metric": "volume", "baseline": (f.start, f.end), "chart": "auto", "grain": "day"},
)
if not ctx.presenter:
    left, right = st.columns([2, 2])
    left.selectbox(
        t("quality.metric", lang),
        list(SERIES),
        key="quality_metric",
        format_func=page.named("quality.measure"),
    )
    # A baseline outside the period (after the filters changed) falls back to the period.
    base = page.setting("quality", "baseline")
    if len(base) != 2 or base[0] < f.start or base[1] > f.end:
        st.session_state["quality_baseline"] = (f.start, f.end)
    right.date_input(
        t("quality.baseline", lang),
        key="quality_baseline",
        min_value=f.start,
        max_value=f.end,
        format="YYYY-MM-DD",
    )
metric = page.setting("quality", "metric")
baseline = page.setting("quality", "baseline")
baseline = tuple(baseline) if len(baseline) == 2 else None
if metric in CHARTS and page.setting("quality", "chart") not in CHARTS[metric]:
    st.session_state["quality_chart"] = "auto"
if not ctx.presenter and metric in CHARTS:
    # Its own row: the volume chart's four choices need the width.
    choice, grain_at = st.columns([2, 2]) if metric == "sla" else (st, None)
    choice.segmented_control(
        t("quality.chart", lang),
        CHARTS[metric],
        key="quality_chart",
        format_func=page.named("quality.chart"),
    )
    if grain_at is not None:
        grain_at.segmented_control(
            t("quality.grain", lang),
            list(quality.GRAINS),
            key="quality_grain",
            format_func=page.named("quality.grain"),
        )
kind = page.setting("quality", "chart") or "auto"
grain = page.setting("quality", "grain") or "day"

series = page.query(SERIES[metric], f)
if metric == "sla":
    chart = quality.sla_chart(series, "defects", "n", baseline=baseline, chart=kind, grain=grain)
elif metric == "volume":
    chart = quality.volume_chart(series, "value", baseline=baseline, chart=kind)
else:
    chart = quality.individuals_chart(series, "value", baseline=baseline, floor=0)

# The title names what is drawn: weekly points, weekday adjustment, Laney's p′.
drawn = {"individuals": "", "weekday": "_weekday", "p": "", "laney_p": "_laney"}[chart.kind]
title = t(f"quality.metric.{metric}{drawn}{'_week' if chart.grain == 'week' else ''}", lang)
# The axis names the unit; the chart's title already names the measure.
page.chart(
    charts.control_chart(
        chart.frame,
        title,
        {"period": period, "value": t(UNIT[metric], lang), **lines},
        percent=metric == "sla",
        flagged_label=flagged,
    )
)
fmt = "{:.1%}".format if metric == "sla" else "{:,.1f}".format
if chart.reason:
    st.caption(page.words(chart.reason))
if chart.note:
    st.caption(page.words(chart.note))
if metric == "sla":
    if chart.note is None:  # else no limits (its note says why), no p̄ to print
        st.caption(
            t(
                "quality.limits_laney" if chart.kind == "laney_p" else "quality.limits_p",
                lang,
                centre=fmt(chart.centre),
                sigma_z=f"{chart.sigma_z or 0:.2f}",
                baseline=page.words(chart.baseline),
            )
        )
elif chart.kind == "weekday" and chart.sigma is not None:
    st.caption(
        t(
            "quality.limits_weekday",
            lang,
            centre=fmt(chart.centre),
            sigma=fmt(chart.sigma),
            baseline=page.words(chart.baseline),
        )
    )
elif chart.ucl is not None:
    st.caption(
        t(
            "quality.limits",
            lang,
            centre=fmt(chart.centre),
            ucl=fmt(chart.ucl),
            lcl=fmt(chart.lcl),
            baseline=page.words(chart.baseline),
        )
    )
if metric != "sla" and chart.sigma is not None and (chart.frame["lcl"] == 0).any():
    # 3 sigma below the centre is under 0 somewhere: the drawn limit stops at 0.
    below = chart.frame["centre"] - 3 * chart.frame["sigma"]
    if (below < 0).any():
        st.caption(t("quality.lcl_floored", lang))

flags = chart.violations()
if flags.empty:
    st.success(t("quality.no_violations", lang))
else:
    st.markdown(f"**{t('quality.violations', lang, n=flags['date'].nunique())}**")
    # Each flagged point beside what its chart expected there (the centre line: a
    # weekday's own average on the weekday-adjusted chart), both in the measure's unit.
    unit, expected = t(UNIT[metric], lang), t("quality.centre", lang)
    expect = chart.frame.set_index("date")["centre"]
    shown_flags = flags.assign(
        centre=flags["date"].map(expect),
        date=flags["date"].dt.date,
        description=[t(f"quality.rule.{r}", lang) for r in flags["rule"]],
    )[["date", "value", "centre", "rule", "description"]]
    number = fmt if metric != "volume" else "{:,.0f}"
    page.table(
        shown_flags.rename(
            columns={
                "date": "week" if chart.grain == "week" else "date",
                "value": unit,
                "centre": expected,
            }
        ),
        formats={unit: number, expected: fmt},
    )

if metric != "sla" and not ctx.presenter and chart.mr_bar is not None:
    mr = chart.moving_range_chart().rename(
        columns={"moving_range": "value", "beyond_ucl": "out_of_control"}
    )
    page.chart(
        charts.control_chart(
            mr,
            t("quality.mr_weekday" if chart.kind == "weekday" else "quality.mr", lang),
            {"period": period, "value": t("quality.mr", lang), **lines},
            flagged_label=flagged,
        )
    )

# -- customers ----------------------------------------------------------------------
st.subheader(t("quality.customers", lang))
left, right = st.columns(2)
dist = page.query(quality.csat_distribution, f)
if dist["count"].sum() == 0:
    left.info(t("quality.no_csat", lang))
else:
    page.chart(
        charts.bar_chart(
            dist.assign(score=dist["score"].astype(str)),
            "score",
            "share",
            t("quality.csat_dist", lang),
            x_title=t("axis.score", lang),
            y_title=t("axis.share", lang),
            percent=True,
        ),
        left,
    )
    page.chart(
        charts.series_chart(
            page.query(quality.csat_trend, f),
            "csat_avg",
            t("quality.csat_trend", lang),
            t("axis.score", lang),
            x_title=period,
        ),
        left,
    )
score = page.query(quality.nps_from_surveys, f)
right.markdown(f"**{t('quality.nps', lang)}**")
if not score.n:
    right.info(t("quality.no_nps", lang))
else:
    right.metric("NPS", f"{score.nps:+.0f}", help=f"n = {score.n:,}")
    c1, c2, c3 = right.columns(3)
    c1.metric(t("quality.promoters", lang), f"{score.promoter_share:.0%}")
    c2.metric(t("quality.passives", lang), f"{score.passive_share:.0%}")
    c3.metric(t("quality.detractors", lang), f"{score.detractor_share:.0%}")

gaps = page.query(quality.servqual_gaps, f)
if gaps.empty:
    right.caption(t("quality.no_servqual", lang))
else:
    dimension = {
        "tangibles": t("quality.dimension.tangibles", lang),
        "reliability": t("quality.dimension.reliability", lang),
        "responsiveness": t("quality.dimension.responsiveness", lang),
        "assurance": t("quality.dimension.assurance", lang),
        "empathy": t("quality.dimension.empathy", lang),
    }
    gaps = gaps.assign(dimension=[dimension.get(d, d) for d in gaps["dimension"]])
    page.chart(
        charts.servqual_chart(
            gaps,
            t("quality.servqual", lang),
            {
                "expectation": t("quality.expectation", lang),
                "perception": t("quality.perception", lang),
            },
            {
                "score": t("axis.score", lang),
                "dimension": t("quality.dimension", lang),
                "series": t("axis.series", lang),
            },
        ),
        right,
    )
    worst = gaps.loc[gaps["gap"].idxmin()]
    right.caption(
        page.words("quality.servqual_gap", dimension=worst["dimension"], gap=worst["gap"])
    )

# -- Pareto -------------------------------------------------------------------------
st.subheader(t("quality.pareto", lang))
BY = ["category", "subcategory", "team", "channel", "priority", "agent"]
page.defaults("quality", {"defect": "total", "by": "category"})
if not ctx.presenter:
    # wide enough for the four defect types on one line
    left, right = st.columns([3, 2])
    left.segmented_control(
        t("quality.defect", lang),
        list(quality.DEFECT_TYPES),
        key="quality_defect",
        format_func=page.named("quality.defect"),
    )
    right.selectbox(t("quality.by", lang), BY, key="quality_by", format_func=column)
defect = page.setting("quality", "defect") or "total"
by = page.setting("quality", "by")
pareto = page.query(quality.defect_pareto, f, by)
all_values = pareto[pareto["defect"] == defect]
part = all_values.head(20).assign(**{by: lambda d: d[by].map(shown)})
if part.empty:
    st.caption(t("quality.no_defects", lang))
else:
    page.chart(
        charts.pareto_chart(
            part,
            by,
            t(f"quality.defect.{defect}", lang),
            {
                "count": t("axis.count", lang),
                "cumulative": t("axis.cumulative", lang),
                "category": column(by),
                "share": t("axis.share", lang),
            },
        )
    )
    vital = part[part["vital_few"]]
    st.caption(
        page.words(
            "quality.vital_few",
            n=len(vital),
            total=len(all_values),
            by=column(by),
            share=float(vital["share"].sum()),
            defect=t(f"quality.defect.{defect}", lang),
            names=", ".join(map(str, vital[by])),
        )
    )
    if not ctx.presenter:
        page.download(pareto, "svcops-defects.csv")
