"""Resource management: how many people do we need, when?"""

import streamlit as st

from svcops import charts, resource
from svcops.downloads import to_csv_bytes
from svcops.forecast import describe_accuracy
from svcops.i18n import column_label, render, t
from svcops.i18n.errors import error_text
from ui import state
from ui.format import escape_md

ctx = state.page("resource.title")
lang = ctx.lang

COUNTRIES = ["", "US", "GB", "CN", "DE", "FR", "IN", "AU", "CA", "JP", "NL", "ES", "IT", "SG"]
BY = {"total": None, "channel": "channel", "team": "team"}

# -- settings (hidden when presenting: the plan shows as last set) --------------------
defaults = {"res_horizon": 28, "res_by": "channel", "res_country": "US", "res_sl": 80,
            "res_answer": 20, "res_shrink": 30, "res_occ": 85, "res_growth": 0, "res_aht": 0}
for key, value in defaults.items():
    st.session_state.setdefault(key, value)
if not ctx.presenter:
    with st.expander(t("resource.settings", lang), expanded=False):
        c1, c2, c3 = st.columns(3)
        c1.slider(t("resource.horizon", lang), 7, 91, key="res_horizon", step=7)
        c2.segmented_control(t("resource.by", lang), list(BY), key="res_by",
                             format_func=lambda b: t(f"resource.by.{b}", lang))
        c3.selectbox(t("resource.country", lang), COUNTRIES, key="res_country",
                     format_func=lambda c: c or t("resource.country.none", lang))
        c1, c2, c3 = st.columns(3)
        c1.slider(t("resource.sl", lang), 50, 99, key="res_sl")
        c2.slider(t("resource.answer", lang), 5, 120, key="res_answer", step=5)
        c3.slider(t("resource.occupancy", lang), 50, 100, key="res_occ")
        c1, c2, c3 = st.columns(3)
        c1.slider(t("resource.shrinkage", lang), 0, 60, key="res_shrink")
        c2.slider(t("resource.growth", lang), -50, 100, key="res_growth", step=5)
        c3.slider(t("resource.aht", lang), -50, 100, key="res_aht", step=5)

ss = st.session_state
by = BY[ss["res_by"] or "channel"]
settings = resource.PlanSettings(
    horizon_days=int(ss["res_horizon"]), service_level=ss["res_sl"] / 100,
    answer_seconds=float(ss["res_answer"]), shrinkage=ss["res_shrink"] / 100,
    max_occupancy=ss["res_occ"] / 100, volume_growth=ss["res_growth"] / 100,
    handle_time_factor=1 + ss["res_aht"] / 100, country=ss["res_country"] or None,
)

try:
    with st.spinner("…"):
        shown = state.forecasts(ctx.ws.path, ctx.version, ctx.filters, settings.horizon_days, by,
                                settings.country)
        by_channel = shown if by == "channel" else state.forecasts(
            ctx.ws.path, ctx.version, ctx.filters, settings.horizon_days, "channel",
            settings.country)
except ValueError as exc:
    st.error(t("resource.error", lang, message=error_text(exc, lang)))
    st.stop()

start, end = resource.horizon_bounds(by_channel)
st.caption(t("resource.caption", lang, start=start.date(), days=settings.horizon_days,
             end=ctx.filters.end))

# -- forecast -----------------------------------------------------------------------
st.subheader(t("resource.forecast", lang))
history, ahead = resource.chart_frames(shown)
names = [str(n) for n in shown]
scale = charts.colour_scale(by, ctx.dims.get(by, names)) if by else None
st.altair_chart(charts.localised(charts.forecast_chart(history, ahead, t("resource.forecast_chart", lang),
                                      {"period": t("axis.period", lang),
                                       "tickets": t("axis.tickets", lang)}, scale), lang), width="stretch")
for name, result in shown.items():
    label = escape_md(name if by else t("resource.by.total", lang))
    if result.message:
        st.caption(t("resource.series_note", lang, series=label,
                     message=escape_md(render(result.message, lang))))
    st.markdown("- " + t("resource.series_note", lang, series=label,
                         message=render(describe_accuracy(result.backtest), lang)))

# -- staffing -----------------------------------------------------------------------
roster = resource.rostered(ctx.ws, ctx.filters, start, end, settings.interval_minutes)
plan = resource.interval_plan(ctx.ws, ctx.filters, by_channel, settings, roster)
weekdays = t("weekdays", lang).split(",")

st.subheader(t("resource.intraday", lang))
st.altair_chart(charts.localised(charts.heatmap(resource.intraday_heat(plan), "slot", "weekday", "volume", "",
                               x_title=t("axis.time", lang), y_title=t("axis.weekday", lang),
                               y_labels=weekdays), lang), width="stretch")

st.subheader(t("resource.models", lang))
models = plan.channels.copy()
used = list(dict.fromkeys(models["model"]))
models["model"] = [t(f"resource.model_name.{m}", lang) for m in models["model"]]
models["aht_seconds"] = models["aht_seconds"].round(0)
for col in ("aht_source", "shape_source"):
    models[col] = [t(f"resource.source.{v}", lang) for v in models[col]]
st.dataframe(models.rename(columns={c: column_label(c, lang) for c in models.columns}),
             hide_index=True, width="stretch")
for m in used:
    st.caption(f"**{t(f'resource.model_name.{m}', lang)}** — " + t(
        f"resource.model.{m}", lang, sl=settings.service_level, answer=settings.answer_seconds,
        occ=settings.max_occupancy, burn=settings.backlog_burn_days))
st.caption(t("resource.shrinkage_note", lang, shrink=settings.shrinkage))

comparison = resource.compare(plan, roster)
weekly = resource.weekly_summary(comparison, plan, roster)
total = resource.totals(weekly)
if roster.basis is None:
    st.info(t("resource.no_roster", lang, reason=render(roster.reason, lang)))
else:
    if roster.basis == "typical_week":
        st.caption(t("resource.typical_week", lang, last=roster.last_shift))
    cost = "" if total.short_cost is None else t(
        "resource.totals_cost", lang, cost=total.short_cost, rate=roster.hourly_cost)
    st.markdown(t("resource.totals", lang, req=total.required_fte, ros=total.rostered_fte,
                  short=total.short_hours, cost=cost))
    st.markdown(t("resource.weeks_at_risk", lang,
                  weeks=", ".join(str(w) for w in total.weeks_at_risk))
                if total.weeks_at_risk else t("resource.no_weeks_at_risk", lang))
    left, right = st.columns(2)
    left.altair_chart(charts.localised(charts.heatmap(resource.gap_heatmap(comparison), "hour", "weekday", "gap",
                                     t("resource.gap", lang), x_title=t("axis.hour", lang),
                                     y_title=t("axis.weekday", lang), y_labels=weekdays,
                                     diverging=True), lang), width="stretch")
    right.altair_chart(charts.localised(charts.weekly_bars(weekly, t("resource.weekly", lang),
                                          {"required_fte": t("col.required_fte", lang),
                                           "rostered_fte": t("col.rostered_fte", lang)},
                                          t("axis.fte", lang)), lang), width="stretch")

if not ctx.presenter:
    table = weekly.assign(week=weekly["week"].dt.date).round(1)
    st.dataframe(table.rename(columns={c: column_label(c, lang) for c in table.columns}),
                 hide_index=True, width="stretch")
    st.download_button(t("common.download_csv", lang), to_csv_bytes(plan.intervals),
                       file_name=f"svcops-staffing-{start.date()}.csv", mime="text/csv")
