"""Resource management: how many people do we need, when?"""

from datetime import date, timedelta

import streamlit as st

from svcops import charts, resource
from svcops.forecast import describe_accuracy
from svcops.i18n import Message, t
from ui import page, state

# A call log's interval statistics are enough to plan with when there are no tickets.
_now = state.context()
_calls_only = not _now.has_tickets and state.cached(_now.ws, _now.version, resource.has_intervals)
ctx = state.page("resource.title", needs_tickets=not _calls_only)
lang = ctx.lang
f = ctx.filters
# What arrives: tickets, or (a call log alone) calls offered.
arrivals_axis = t("resource.axis.calls" if _calls_only else "axis.tickets", lang)

COUNTRIES = ["", "US", "GB", "CN", "DE", "FR", "IN", "AU", "CA", "JP", "NL", "ES", "IT", "SG"]
BY = {"total": None, "channel": "channel", "team": "team"}

# -- settings (hidden when presenting: the plan shows as last set) --------------------
page.defaults(
    "resource",
    {
        "horizon": 28,
        "by": "channel",
        "country": "US",
        "sl": 80,
        "answer": 20,
        "shrink": 30,
        "occ": 85,
        "growth": 0,
        "aht": 0,
    },
)
if not ctx.presenter:
    with st.expander(t("resource.settings", lang), expanded=False):
        c1, c2, c3 = st.columns(3)
        c1.slider(t("resource.horizon", lang), 7, 91, key="resource_horizon", step=7)
        c2.segmented_control(
            t("resource.by", lang),
            list(BY),
            key="resource_by",
            format_func=page.named("resource.by"),
        )
        c3.selectbox(
            t("resource.country", lang),
            COUNTRIES,
            key="resource_country",
            format_func=lambda c: c or t("resource.country.none", lang),
        )
        c1, c2, c3 = st.columns(3)
        c1.slider(t("resource.sl", lang), 50, 99, key="resource_sl")
        c2.slider(t("resource.answer", lang), 5, 120, key="resource_answer", step=5)
        c3.slider(t("resource.occupancy", lang), 50, 100, key="resource_occ")
        c1, c2, c3 = st.columns(3)
        c1.slider(t("resource.shrinkage", lang), 0, 60, key="resource_shrink")
        c2.slider(t("resource.growth", lang), -50, 100, key="resource_growth", step=5)
        c3.slider(t("resource.aht", lang), -50, 100, key="resource_aht", step=5)


def day(value: date) -> str:
    """A day as the page writes it, ISO with non-breaking hyphens (U+2011): a narrow column
    or a Chinese sentence would otherwise break "2026-10-31" into "2026-10-" and "31"."""
    return value.isoformat().replace("-", "\u2011")


def percent(key: str) -> float:
    """A percentage widget's value as a fraction."""
    return page.setting("resource", key) / 100


by = BY[page.setting("resource", "by") or "channel"]
shown = page.named("value")


def series_name(name: str) -> str:
    """A forecast series as the page shows it: the total, or a channel or team (tickets
    without one in the page's language). When no ticket has the dimension (an event log
    without channels), the one series is the total, and is named so."""
    return shown(name) if series_by else t("resource.by.total", lang)


settings = resource.PlanSettings(
    horizon_days=int(page.setting("resource", "horizon")),
    service_level=percent("sl"),
    answer_seconds=float(page.setting("resource", "answer")),
    shrinkage=percent("shrink"),
    max_occupancy=percent("occ"),
    volume_growth=percent("growth"),
    handle_time_factor=1 + percent("aht"),
    country=page.setting("resource", "country") or None,
)
# Only what a forecast depends on, so a what-if change reuses the cached forecasts.
# Fitted in this process (max_workers=1): starting interpreters per request costs more
# than it saves on a small server, and results are cached here and in svcops.forecast.
forecast_settings = resource.PlanSettings(
    horizon_days=settings.horizon_days, country=settings.country
)

try:
    with st.spinner("…"):
        series_results = page.query(
            resource.forecast_demand, f, forecast_settings, by, max_workers=1
        )
        by_channel = (
            series_results
            if by == "channel"
            else page.query(
                resource.forecast_demand, f, forecast_settings, "channel", max_workers=1
            )
        )
except ValueError as exc:
    st.error(t("resource.error", lang, message=page.words(exc)))
    st.stop()

# Split by a dimension no ticket has, the one series "(none)" is the total.
series_by = by if by and list(series_results) != ["(none)"] else None
start, end = resource.horizon_bounds(by_channel)
# The history ends at the last ticket created (resource.arrivals_end), not the period end.
st.caption(
    t(
        "resource.caption",
        lang,
        start=day(start.date()),
        days=settings.horizon_days,
        end=day((start - timedelta(days=1)).date()),
    )
)

# -- forecast -----------------------------------------------------------------------
st.subheader(t("resource.forecast", lang))
history, ahead = (
    frame.assign(series=frame["series"].map(series_name))
    for frame in resource.chart_frames(series_results)
)
# The workspace's values keep each series' colour, in either language; the series' own
# are added, since tickets without the dimension form a series ("(none)") that the
# values do not list.
scale = (
    charts.colour_scale(by, [*ctx.dims.get(by, []), *series_results], shown=series_name)
    if series_by
    else None
)
page.chart(
    charts.forecast_chart(
        history,
        ahead,
        t("resource.forecast_chart_calls" if _calls_only else "resource.forecast_chart", lang),
        {
            "period": t("axis.period", lang),
            "tickets": arrivals_axis,
            "series": t(f"resource.by.{series_by or 'total'}", lang),
            "forecast": t("resource.legend.forecast", lang),
            "lower": t("resource.legend.lower", lang),
            "upper": t("resource.legend.upper", lang),
        },
        scale,
        {
            "actual": t("resource.legend.actual", lang),
            "forecast": t("resource.legend.forecast", lang),
            "band": t("resource.legend.band", lang),
        },
    )
)
for name, result in series_results.items():
    series = series_name(name)
    if result.message:
        st.caption(page.words("resource.series_note", series=series, message=result.message))
    # Which model, why, and how far off it was: the short form on a presenter's screen.
    accuracy = describe_accuracy(result.backtest, brief=ctx.presenter)
    scored = {k: day(v) for k in ("first", "last") if (v := accuracy.params.get(k)) is not None}
    accuracy = Message(accuracy.key, {**accuracy.params, **scored})
    st.markdown("- " + page.words("resource.series_note", series=series, message=accuracy))
if not ctx.presenter:
    st.caption(t("resource.forecast_models_note", lang))

# -- staffing -----------------------------------------------------------------------
# The roster is cached; the plan is computed on each run (it takes the forecasts,
# which would cost more to hash as a cache key than the plan does to compute).
roster = page.query(resource.rostered, f, start, end, settings.interval_minutes)
try:  # a channel with no recent arrivals has no intraday shape to plan with
    plan = resource.interval_plan(ctx.ws, f, by_channel, settings, roster)
except ValueError as exc:
    st.error(t("resource.error", lang, message=page.words(exc)))
    st.stop()
weekdays = t("weekdays", lang).split(",")

st.subheader(t("resource.intraday", lang))
page.chart(
    charts.heatmap(
        resource.intraday_heat(plan),
        "slot",
        "weekday",
        "volume",
        "",
        x_title=t("axis.time", lang),
        y_title=t("axis.weekday", lang),
        value_title=arrivals_axis,
        y_labels=weekdays,
    )
)

st.subheader(t("resource.models", lang))
models = plan.channels
model_name, source = page.named("resource.model_name"), page.named("resource.source")
page.table(
    models.assign(
        # No ticket has a channel: the one "(none)" row is the total, named as above.
        channel=models["channel"].map(
            shown if list(by_channel) != ["(none)"] else lambda _: t("resource.by.total", lang)
        ),
        model=[model_name(m) for m in models["model"]],
        aht_source=[source(v) for v in models["aht_source"]],
        shape_source=[source(v) for v in models["shape_source"]],
    ),
    formats={"aht_seconds": "{:,.0f}", "backlog": "{:,.0f}"},
)
for m in dict.fromkeys(models["model"]):
    st.caption(
        f"**{model_name(m)}** — "
        + t(
            f"resource.model.{m}",
            lang,
            sl=settings.service_level,
            answer=settings.answer_seconds,
            occ=settings.max_occupancy,
            burn=settings.backlog_burn_days,
            # The backlog is what is open when the plan starts (resource.open_backlog).
            start=day(start.date()),
        )
    )
st.caption(t("resource.shrinkage_note", lang, shrink=settings.shrinkage))

comparison = resource.compare(plan, roster)
weekly = resource.weekly_summary(comparison, plan, roster)
total = resource.totals(weekly)
if roster.basis is None:
    st.info(page.words("resource.no_roster", reason=roster.reason))
else:
    if roster.basis == "typical_week":
        st.caption(
            t("resource.typical_week", lang, last=roster.last_shift and day(roster.last_shift))
        )
    cost = (
        ""
        if total.short_cost is None
        else t("resource.totals_cost", lang, cost=total.short_cost, rate=roster.hourly_cost)
    )
    st.markdown(
        t(
            "resource.totals",
            lang,
            req=total.required_fte,
            ros=total.rostered_fte,
            short=total.short_hours,
            cost=cost,
        )
    )
    st.markdown(
        t("resource.weeks_at_risk", lang, weeks=", ".join(day(w) for w in total.weeks_at_risk))
        if total.weeks_at_risk
        else t("resource.no_weeks_at_risk", lang)
    )
    # Side by side on a desk; one under the other when presenting, for room to read.
    left, right = (st, st) if ctx.presenter else st.columns(2)
    page.chart(
        charts.heatmap(
            resource.gap_heatmap(comparison),
            "hour",
            "weekday",
            "gap",
            t("resource.gap", lang),
            x_title=t("axis.hour", lang),
            y_title=t("axis.weekday", lang),
            value_title=t("col.gap_fte", lang),
            y_labels=weekdays,
            diverging=True,
        ),
        left,
    )
    page.chart(
        charts.weekly_bars(
            weekly,
            t("resource.weekly", lang),
            {
                "required_fte": t("col.required_fte", lang),
                "rostered_fte": t("col.rostered_fte", lang),
            },
            {
                "fte": t("axis.fte", lang),
                "week": t("col.week", lang),
                "series": t("axis.series", lang),
            },
        ),
        right,
    )

if not ctx.presenter:
    hours = "{:,.1f}"
    page.table(
        weekly.assign(week=weekly["week"].dt.date),
        formats={
            "required_hours": hours,
            "rostered_hours": hours,
            "short_hours": hours,
            "required_fte": hours,
            "rostered_fte": hours,
            "gap_fte": "{:+,.1f}",
            "short_cost": "{:,.0f}",
        },
    )
    page.download(plan.intervals, f"svcops-staffing-{start.date()}.csv")
