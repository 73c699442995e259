"""Overview: how is the service doing this period against the last?"""

import streamlit as st

from svcops import charts
from svcops.downloads import to_csv_bytes
from svcops.i18n import column_label, render, t
from svcops.kpi import DIRECTION
from ui import state
from ui.format import delta_colour, escape_md, kpi_delta, kpi_value

ctx = state.page("overview.title")
lang = ctx.lang

card = state.period_scorecard(ctx.ws.path, ctx.version, ctx.filters)
f, pf = card.period, card.previous_period
st.caption(t("overview.caption", lang, start=f.start, end=f.end, days=f.days,
             pstart=pf.start, pend=pf.end))

# -- headlines ----------------------------------------------------------------------
lines = state.headlines(ctx.ws.path, ctx.version, ctx.filters)
if lines:
    st.subheader(t("overview.headlines", lang))
    st.markdown("\n".join(
        "- " + render(h, lang, **{k: escape_md(v) for k, v in h.params.items()
                                  if isinstance(v, str)})
        for h in lines
    ))

# -- scorecard ----------------------------------------------------------------------
st.subheader(t("overview.scorecard", lang))
rows = list(card.rows)
per_line = 4
for i in range(0, len(rows), per_line):
    cols = st.columns(per_line)
    for col, row in zip(cols, rows[i:i + per_line], strict=False):
        col.metric(
            t(f"kpi.{row.kpi}", lang),
            kpi_value(row.kpi, row.value),
            delta=kpi_delta(row, lang),
            delta_color=delta_colour(row),
            help=(t("overview.no_previous", lang) if row.previous is None else
                  f"{t('col.previous', lang)}: {kpi_value(row.kpi, row.previous)}"),
            border=True,
        )

missing = [t(f"kpi.{r.kpi}", lang) for r in rows if r.value is None and DIRECTION[r.kpi] != 0]
if missing and not ctx.presenter:
    st.caption(t("overview.missing", lang, kpis=", ".join(missing),
                 hint=t("overview.missing_hint", lang)))
    if card.row("cost_per_ticket").value is None and ctx.filters.has_dimensions:
        st.caption(t("overview.cost_filtered", lang))

# -- trends -------------------------------------------------------------------------
st.subheader(t("overview.trends", lang))
series = state.trend(ctx.ws.path, ctx.version, ctx.filters)
axis = {"period": t("axis.period", lang), "tickets": t("axis.tickets", lang)}
left, right = st.columns(2)
left.altair_chart(charts.localised(charts.volume_chart(series, {"created": t("series.created", lang),
                                 "resolved": t("series.resolved", lang)},
                        t("overview.volume_chart", lang), axis), lang), width="stretch")
right.altair_chart(charts.localised(charts.series_chart(series, "backlog", t("overview.backlog_chart", lang),
                        t("axis.tickets", lang), mark="area", x_title=axis["period"]), lang), width="stretch")
left, right = st.columns(2)
left.altair_chart(charts.localised(charts.series_chart(series, "sla_attainment", t("overview.sla_chart", lang),
                        t("axis.share", lang), percent=True, colour=charts.PALETTE[2],
                        x_title=axis["period"]), lang), width="stretch")
right.altair_chart(charts.localised(charts.series_chart(series, "resolution_hours_median", t("overview.resolution_chart", lang),
                        t("axis.hours", lang), colour=charts.PALETTE[1], x_title=axis["period"]), lang), width="stretch")

# -- the numbers, downloadable ------------------------------------------------------
if not ctx.presenter:
    with st.expander(t("overview.table", lang)):
        table = card.to_frame()
        table["kpi"] = [t(f"kpi.{k}", lang) for k in table["kpi"]]
        table = table.rename(columns={c: column_label(c, lang) for c in table.columns})
        st.dataframe(table, hide_index=True, width="stretch")
        st.download_button(t("common.download_csv", lang), to_csv_bytes(card.to_frame()),
                           file_name=f"svcops-kpis-{f.start}-{f.end}.csv", mime="text/csv")
