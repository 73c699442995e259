"""Overview: how is the service doing this period against the last?"""

import streamlit as st

from svcops import charts, kpi
from svcops.headlines import headlines
from svcops.i18n import t
from ui import page, state
from ui.format import delta_colour, flat, kpi_delta, kpi_value

ctx = state.page("overview.title")
lang = ctx.lang
kpi_name = page.named("kpi")

card = page.query(kpi.period_scorecard, ctx.filters)
f, pf = card.period, card.previous_period
st.caption(
    t("overview.caption", lang, start=f.start, end=f.end, days=f.days, pstart=pf.start, pend=pf.end)
)

# -- headlines ----------------------------------------------------------------------
lines = page.query(headlines, ctx.filters)
if lines:
    st.subheader(t("overview.headlines", lang))
    st.markdown("\n".join("- " + page.words(h) for h in lines))

# -- scorecard ----------------------------------------------------------------------
st.subheader(t("overview.scorecard", lang))
rows = list(card.rows)
per_line = 4
for i in range(0, len(rows), per_line):
    cols = st.columns(per_line)
    for col, row in zip(cols, rows[i : i + per_line], strict=False):
        change = kpi_delta(row, lang)  # None: nothing to compare with, shown as —
        col.metric(
            kpi_name(row.kpi),
            kpi_value(row.kpi, row.value),
            delta=change if change is not None else "—",
            delta_color=delta_colour(row) if change is not None and not flat(change) else "off",
            delta_arrow="auto" if change is not None and not flat(change) else "off",
            help=(
                t("overview.no_previous", lang)
                if change is None
                else f"{t('col.previous', lang)}: {kpi_value(row.kpi, row.previous)}"
            ),
            border=True,
        )

# Which rule the SLA figure follows, and what the outcome figures leave out or count once.
notes = page.query(kpi.definitions, ctx.filters).notes()
if notes:
    st.caption(" ".join(page.words(n) for n in notes))

missing = [kpi_name(r.kpi) for r in rows if r.value is None and kpi.DIRECTION[r.kpi] != 0]
if missing and not ctx.presenter:
    st.caption(
        t("overview.missing", lang, kpis=", ".join(missing), hint=t("overview.missing_hint", lang))
    )
    if card.row("cost_per_ticket").value is None and ctx.filters.has_dimensions:
        st.caption(t("overview.cost_filtered", lang))

# -- trends -------------------------------------------------------------------------
st.subheader(t("overview.trends", lang))
series = page.query(kpi.trend, ctx.filters)
period = t("axis.period", lang)
left, right = st.columns(2)
page.chart(
    charts.volume_chart(
        series,
        {"created": t("series.created", lang), "resolved": t("series.resolved", lang)},
        t("overview.volume_chart", lang),
        {"period": period, "tickets": t("axis.tickets", lang), "series": t("axis.series", lang)},
    ),
    left,
)
page.chart(
    charts.series_chart(
        series,
        "backlog",
        t("overview.backlog_chart", lang),
        t("axis.tickets", lang),
        mark="area",
        x_title=period,
    ),
    right,
)
left, right = st.columns(2)
for where, column, title, axis, style in (
    (
        left,
        "sla_attainment",
        "overview.sla_chart",
        "axis.share",
        {"percent": True, "colour": charts.PALETTE[2]},
    ),
    (
        right,
        "resolution_hours_median",
        "overview.resolution_chart",
        "axis.hours",
        {"colour": charts.PALETTE[1]},
    ),
):
    if series[column].notna().any():
        page.chart(
            charts.series_chart(
                series, column, t(title, lang), t(axis, lang), x_title=period, **style
            ),
            where,
        )
    else:  # no ticket in the period has what this series needs: say so, no empty axes
        where.caption(t("overview.no_series", lang, chart=t(title, lang)))

# -- the numbers, downloadable ------------------------------------------------------
if not ctx.presenter:
    with st.expander(t("overview.table", lang)):
        numbers = card.to_frame()
        page.table(numbers.assign(kpi=[kpi_name(k) for k in numbers["kpi"]]))
        page.download(numbers, f"svcops-kpis-{f.start}-{f.end}.csv")
