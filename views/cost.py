"""Cost control: where the money goes, and where it will end the year."""

import streamlit as st

from svcops import charts, cost
from svcops.i18n import Message, t
from ui import page, state
from ui.format import metric_change

ctx = state.page("cost.title", needs_tickets=False)
lang, f = ctx.lang, ctx.filters
shown = page.named("value")
MONEY, SHARE, CHANGE = "{:,.0f}", "{:.1%}", "{:+.1%}"


def over_budget(ratio: float) -> dict:
    """A metric's change against budget, in percent: over is worse."""
    return metric_change(CHANGE.format(ratio), "inverse")


def signed(value: float) -> str:
    """An over/under amount with its sign; a round 0 without one."""
    return f"{value:+,.0f}" if abs(value) >= 0.5 else "0"


BY = {
    "cost_center": "cost.by.cost_center",
    "category": "cost.by.category",
    "service": "cost.by.service",
}
STATUS = {
    "favourable": "cost.status.favourable",
    "unfavourable": "cost.status.unfavourable",
    "on_budget": "cost.status.on_budget",
    "unbudgeted": "cost.status.unbudgeted",
}
RAG = {"favourable": "green", "unfavourable": "red", "on_budget": "none", "unbudgeted": "amber"}
HOURS = {"worked": "cost.hours.worked", "scheduled": "cost.hours.scheduled"}
COMPARE = {"previous": "cost.compare.previous", "year_ago": "cost.compare.year_ago"}
BASIS = {
    "hours": "cost.why.basis.hours",
    "tickets": "cost.why.basis.tickets",
    "channel": "cost.why.basis.channel",
    "priority": "cost.why.basis.priority",
}
# The split's segments and volumes, per basis: what the segment table's columns are.
SEGMENT = {
    "hours": ("segment", "base_volume", "current_volume"),
    "channel": ("channel", "base_tickets", "current_tickets"),
    "priority": ("priority", "base_tickets", "current_tickets"),
}
QUALITY = {"sla_attainment": "cost.quality.sla_attainment", "csat_avg": "cost.quality.csat_avg"}
QUALITY_BY = {"month": "cost.quality.by.month", "team": "cost.quality.by.team"}
MONTHS = {
    1: "cost.month.1",
    2: "cost.month.2",
    3: "cost.month.3",
    4: "cost.month.4",
    5: "cost.month.5",
    6: "cost.month.6",
    7: "cost.month.7",
    8: "cost.month.8",
    9: "cost.month.9",
    10: "cost.month.10",
    11: "cost.month.11",
    12: "cost.month.12",
}
SERIES = {
    "actual": "cost.series.actual",
    "budget": "cost.series.budget",
    "straight_line": "cost.series.straight_line",
    "seasonal": "cost.series.seasonal",
    "cost_per_ticket": "cost.series.cost_per_ticket",
    "cost_per_resolved": "cost.series.cost_per_resolved",
}
COLUMNS = {
    "name": "cost.col.name",
    "cost_center": "cost.col.cost_center",
    "category": "cost.col.category",
    "amount": "cost.col.amount",
    "share": "cost.col.share",
    "previous": "cost.col.previous",
    "change_pct": "cost.col.change_pct",
    "year_ago": "cost.col.year_ago",
    "yoy_pct": "cost.col.yoy_pct",
    "actual": "cost.col.actual",
    "budget": "cost.col.budget",
    "variance": "cost.col.variance",
    "variance_pct": "cost.col.variance_pct",
    "status": "cost.col.status",
    "month": "cost.col.month",
    "ytd_actual": "cost.col.ytd_actual",
    "ytd_budget": "cost.col.ytd_budget",
    "ytd_variance": "cost.col.ytd_variance",
    "opex": "cost.col.opex",
    "labour": "cost.col.labour",
    "tickets": "cost.col.tickets",
    "resolved": "cost.col.resolved",
    "cost_per_ticket": "cost.col.cost_per_ticket",
    "cost_per_resolved": "cost.col.cost_per_resolved",
    "roster_hours": "cost.col.roster_hours",
    "roster_cost": "cost.col.roster_cost",
    "report_labour": "cost.col.report_labour",
    "difference": "cost.col.difference",
    "difference_pct": "cost.col.difference_pct",
    "segment": "cost.col.segment",
    "channel": "cost.col.channel",
    "priority": "cost.col.priority",
    "base_tickets": "cost.col.base_tickets",
    "current_tickets": "cost.col.current_tickets",
    "base_volume": "cost.col.base_volume",
    "current_volume": "cost.col.current_volume",
    "base_cost": "cost.col.base_cost",
    "current_cost": "cost.col.current_cost",
    "csat_avg": "cost.col.csat_avg",
    "team": "cost.col.team",
    "labour_per_resolved": "cost.col.labour_per_resolved",
    "sla_attainment": "cost.col.sla_attainment",
}


def words(mapping: dict, value) -> str:
    return t(mapping[value], lang)


def heading(column: str) -> str:
    return t(COLUMNS[column], lang) if column in COLUMNS else column


def show(frame, formats: dict, where=st, **kwargs) -> None:
    """A table with this page's headings and formats (missing values blank)."""
    page.table(
        frame.rename(columns=heading),
        where,
        formats={heading(c): v for c, v in formats.items()},
        **kwargs,
    )


def month_text(value) -> str:
    return f"{value:%Y-%m}"


have = page.query(cost.availability)
if not have.costs:
    st.info(t("cost.needs.costs", lang))
    if not have.roster_costed:
        st.caption(t("cost.needs.roster", lang))
    if not have.tickets:
        st.caption(t("cost.needs.tickets", lang))
    st.stop()


# -- settings (hidden when presenting) -------------------------------------------------
def _keep(name: str) -> None:
    """Keep a changed workspace setting in the workspace (not in the read-only sample)."""
    if not ctx.ws.read_only:
        ctx.ws.save_setting(KEPT[name], str(st.session_state[f"cost_{name}"]).strip())


# The currency and the fiscal year's first month belong to the workspace: kept in it
# when changed here (the sample keeps them for the session only).
KEPT = {"currency": "cost.currency", "fy_start": "cost.fy_start"}
stored_fy = ctx.ws.setting(KEPT["fy_start"])
page.defaults(
    "cost",
    {
        "currency": ctx.ws.setting(KEPT["currency"]) or "",
        "fy_start": int(stored_fy) if stored_fy and stored_fy.isdigit() else 1,
        "by": "cost_center",
        "hours": "worked",
        "compare": "previous",
        "basis": "hours",
        "quality": "sla_attainment",
        "quality_by": "month",
        "volume": 0,
        "handle": 0,
        "fte_hours": 160,
    },
)
if not ctx.presenter:
    with st.expander(t("cost.settings", lang)):
        c1, c2, c3, c4 = st.columns(4)
        c1.text_input(
            t("cost.currency", lang),
            key="cost_currency",
            help=t("cost.currency_help", lang),
            on_change=_keep,
            args=("currency",),
        )
        c2.selectbox(
            t("cost.fy_start", lang),
            list(MONTHS),
            key="cost_fy_start",
            format_func=lambda m: words(MONTHS, m),
            on_change=_keep,
            args=("fy_start",),
        )
        c3.selectbox(
            t("cost.hours", lang),
            list(HOURS),
            key="cost_hours",
            format_func=lambda h: words(HOURS, h),
        )
        c4.selectbox(
            t("cost.compare", lang),
            list(COMPARE),
            key="cost_compare",
            format_func=lambda c: words(COMPARE, c),
        )
currency = str(page.setting("cost", "currency")).strip()
fy_start = int(page.setting("cost", "fy_start"))
hours = page.setting("cost", "hours")

months = page.query(cost.months_of, f)
report = page.query(cost.reported_months)
# The currency is the user's own text: worded with its Markdown escaped.
notes = [
    page.words("cost.currency_note", currency=currency)
    if currency
    else t("cost.currency_unset", lang)
]
if months is not None:
    prev = months.previous()
    notes.insert(
        0,
        t(
            "cost.months",
            lang,
            first=months.first,
            last=months.last,
            pfirst=prev.first,
            plast=prev.last,
        ),
    )
st.caption(" ".join(notes))
mixed = page.query(cost.currencies)
if len(mixed) > 1:
    st.warning(page.words("cost.mixed_currencies", n=len(mixed), codes=", ".join(mixed)))
note = cost.dimension_note(f)
if note is not None:
    st.info(page.words(note))
if months is None or report is None or months.last < report.first or months.first > report.last:
    st.info(t("cost.no_months", lang, first=report.first, last=report.last))
    st.stop()

# -- 1. where the money goes -----------------------------------------------------------
st.subheader(t("cost.breakdown", lang))
options = [b for b in BY if b != "service" or have.has_service]
if not ctx.presenter:
    st.radio(
        t("cost.by", lang),
        options,
        key="cost_by",
        format_func=lambda b: words(BY, b),
        horizontal=True,
    )
by = page.setting("cost", "by") if page.setting("cost", "by") in options else "cost_center"
split = page.query(cost.breakdown, f, by)
left, right = st.columns(2)
bars = split.assign(name=split["name"].map(shown))
page.chart(
    charts.bar_chart(
        bars,
        "name",
        "amount",
        t(
            "cost.breakdown_chart",
            lang,
            by=words(BY, by).lower() if lang == "en" else words(BY, by),
        ),
        x_title=words(BY, by),
        y_title=t("cost.col.amount", lang),
        horizontal=True,
        sort=bars["name"].tolist(),
    ),
    left,
)
with right:
    show(
        bars[["name", "amount", "share", "change_pct", "yoy_pct"]].rename(
            columns={"name": words(BY, by)}
        ),
        {"amount": MONEY, "share": SHARE, "change_pct": CHANGE, "yoy_pct": CHANGE},
    )
if not have.has_service and not ctx.presenter:
    st.caption(t("cost.no_service", lang))
centres = page.query(cost.breakdown, f, "cost_center")["name"].tolist()
if centres and not ctx.presenter:
    drill = st.selectbox(t("cost.drill", lang), centres, key="cost_drill", format_func=shown)
    inside = page.query(cost.breakdown, f, "category", within=("cost_center", drill))
    show(
        inside.assign(name=inside["name"].map(shown))[
            ["name", "amount", "share", "previous", "change_pct", "year_ago", "yoy_pct"]
        ],
        {
            "amount": MONEY,
            "share": SHARE,
            "previous": MONEY,
            "change_pct": CHANGE,
            "year_ago": MONEY,
            "yoy_pct": CHANGE,
        },
    )
    page.download(inside, "cost_breakdown.csv")

# -- 2. budget against actual ----------------------------------------------------------
st.subheader(t("cost.budget", lang))
status_words = {s: words(STATUS, s) for s in STATUS}
if not have.budget_lines:
    st.info(t("cost.needs.budget", lang))
else:
    by_centre = page.query(cost.variance, f, ("cost_center",))
    monthly = page.query(cost.monthly_budget, f, fy_start)
    total_actual = float(by_centre["actual"].sum())
    total_budget = float(by_centre["budget"].fillna(0).sum())
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(t("cost.metric.actual", lang), MONEY.format(total_actual))
    m2.metric(t("cost.metric.budget", lang), MONEY.format(total_budget))
    m3.metric(
        t("cost.metric.variance", lang),
        signed(total_actual - total_budget),
        **(over_budget((total_actual - total_budget) / total_budget) if total_budget else {}),
    )
    if monthly is not None:
        fy, by_month = monthly
        done = by_month.dropna(subset=["ytd_variance"])
        if len(done):
            ytd = done.iloc[-1]
            m4.metric(
                t("cost.metric.ytd_variance", lang),
                signed(ytd["ytd_variance"]),
                **(
                    over_budget(ytd["ytd_variance"] / ytd["ytd_budget"])
                    if ytd["ytd_budget"]
                    else {}
                ),
            )
    lines = page.query(cost.variance, f, ("cost_center", "category"))
    worst = lines[lines["status"].isin(["unfavourable", "unbudgeted"])].head(1)
    if len(worst):
        w = worst.iloc[0]
        st.markdown(
            page.words(
                "cost.largest_over",
                name=f"{shown(w['cost_center'])} / {shown(w['category'])}",
                variance=float(w["variance"]),
                pct=CHANGE.format(w["variance_pct"])
                if w["variance_pct"] == w["variance_pct"]
                else status_words["unbudgeted"],
            )
        )
    else:
        st.markdown(t("cost.no_overspend", lang))
    left, right = st.columns(2)
    page.chart(
        charts.variance_chart(
            by_centre.assign(cost_center=by_centre["cost_center"].map(shown)),
            "cost_center",
            t("cost.variance_chart", lang),
            name_title=t("cost.col.cost_center", lang),
            value_title=t("cost.variance_axis", lang),
            status_title=t("cost.col.status", lang),
            status_labels=status_words,
        ),
        left,
    )
    walk = page.query(cost.bridge, f, "category")
    if walk is not None:
        special = {
            "budget": t("cost.bridge.budget", lang),
            "actual": t("cost.bridge.actual", lang),
            "others": t("cost.bridge.others", lang),
        }
        steps = walk.steps.assign(
            label=[
                special.get(lbl, shown(lbl)) if k != "step" else shown(lbl)
                for lbl, k in zip(walk.steps["label"], walk.steps["kind"], strict=True)
            ]
        )
        page.chart(
            charts.bridge_chart(
                steps,
                t("cost.bridge", lang),
                step_title=t("cost.bridge_step", lang),
                value_title=t("cost.bridge_axis", lang),
            ),
            right,
        )
        right.caption(t("cost.bridge_axis_note", lang))
    # Presenting: the largest overspends only; the whole table is one download away.
    listed = lines.head(8) if ctx.presenter else lines
    show(
        listed.assign(
            cost_center=listed["cost_center"].map(shown),
            category=listed["category"].map(shown),
            status=[status_words[s] for s in listed["status"]],
        ),
        {
            "actual": MONEY,
            "budget": MONEY,
            "variance": signed,
            "variance_pct": CHANGE,
        },
        rag=(heading("status"), [RAG[s] for s in listed["status"]]),
    )
    page.download(lines, "cost_budget_lines.csv")
    if monthly is not None:
        fy, by_month = monthly
        fy_text = t("cost.fy_label", lang, first=fy.first, last=fy.last)
        st.markdown(f"**{t('cost.monthly', lang, fy=fy_text)}**")
        page.chart(
            charts.monthly_lines_chart(
                cost.long_months(by_month, ("actual", "budget")),
                t("cost.monthly_chart", lang),
                x_title=t("cost.axis.month", lang),
                y_title=t("cost.axis.amount", lang),
                series_title=t("cost.axis.series", lang),
                series_labels={s: words(SERIES, s) for s in ("actual", "budget")},
                colours={"actual": charts.PALETTE[0], "budget": charts.BAD},
            )
        )
        if not ctx.presenter:
            show(
                by_month.assign(month=by_month["month"].map(month_text)),
                {c: MONEY for c in ("actual", "budget", "ytd_actual", "ytd_budget")}
                | {"variance": signed, "ytd_variance": signed},
            )

# -- 3. unit costs ---------------------------------------------------------------------
st.subheader(t("cost.units", lang))
trend = cost.trend_filters(f)
units = page.query(cost.unit_costs, trend)
if not have.tickets:
    st.info(t("cost.needs.tickets", lang))
elif f.has_dimensions:
    st.caption(t("cost.units_split", lang))
else:
    page.chart(
        charts.monthly_lines_chart(
            cost.long_months(units, ("cost_per_ticket", "cost_per_resolved")),
            t("cost.units_chart", lang, last=months.last),
            x_title=t("cost.axis.month", lang),
            y_title=t("cost.units_axis", lang),
            series_title=t("cost.axis.series", lang),
            series_labels={s: words(SERIES, s) for s in ("cost_per_ticket", "cost_per_resolved")},
        )
    )
    st.caption(t("cost.units_note", lang))
if not ctx.presenter and have.tickets:
    show(
        units.assign(month=units["month"].map(month_text)),
        {
            "opex": MONEY,
            "labour": MONEY,
            "tickets": "{:,}",
            "resolved": "{:,}",
            "cost_per_ticket": "{:,.2f}",
            "cost_per_resolved": "{:,.2f}",
        },
    )
if not have.roster_costed:
    st.info(t("cost.needs.roster", lang))
elif not have.labour_lines:
    st.info(t("cost.needs.labour", lang))
else:
    st.markdown(f"**{t('cost.labour', lang)}**")
    recon = page.query(cost.labour_reconciliation, f, hours)
    st.caption(
        page.words(  # the categories are the report's own names: escaped
            "cost.labour_note",
            hours=words(HOURS, hours).lower() if lang == "en" else words(HOURS, hours),
            categories=", ".join(page.query(cost.labour_categories)),
        )
    )
    show(
        recon.assign(month=recon["month"].map(month_text)),
        {
            "roster_hours": "{:,.1f}",
            "roster_cost": MONEY,
            "report_labour": MONEY,
            "difference": lambda v: f"{v:+,.2f}" if abs(v) >= 0.005 else "0.00",
            "difference_pct": lambda v: CHANGE.format(v) if abs(v) >= 0.0005 else "0.0%",
        },
    )

if have.roster_costed and have.tickets:
    st.markdown(f"**{t('cost.teams', lang)}**")
    per_team = page.query(cost.team_costs, f, hours)
    st.caption(
        t(
            "cost.teams_note",
            lang,
            hours=words(HOURS, hours).lower() if lang == "en" else words(HOURS, hours),
        )
    )
    show(
        per_team.assign(team=per_team["team"].map(shown)),
        {
            "roster_hours": "{:,.1f}",
            "roster_cost": MONEY,
            "tickets": "{:,}",
            "resolved": "{:,}",
            "labour_per_resolved": "{:,.2f}",
            "csat_avg": "{:.2f}",
            "sla_attainment": SHARE,
        },
    )

# -- 4. year-end outlook ---------------------------------------------------------------
st.subheader(t("cost.outlook", lang))
view = page.query(cost.outlook, f, fy_start)
if isinstance(view, Message):
    st.info(page.words(view))
else:
    fy_text = t("cost.fy_label", lang, first=view.fy.first, last=view.fy.last)
    st.caption(t("cost.outlook.caption", lang, fy=fy_text, n=view.months_elapsed, as_of=view.as_of))
    if view.months_unreported:
        st.caption(
            t(
                "cost.outlook.unreported",
                lang,
                first=view.months.loc[view.months["actual"].notna(), "month"].iloc[0],
                n=view.months_unreported,
            )
        )
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(t("cost.metric.ytd", lang), MONEY.format(view.ytd))
    m2.metric(t("cost.metric.run_rate", lang), MONEY.format(view.run_rate))
    m3.metric(t("cost.metric.year_end", lang), MONEY.format(view.straight_line))
    if view.seasonal == view.seasonal:
        m4.metric(
            t("cost.metric.year_end_seasonal", lang),
            MONEY.format(view.seasonal),
            help=t("cost.band", lang, low=view.seasonal_low, high=view.seasonal_high),
        )
    m5, m6, m7, _ = st.columns(4)
    has_budget = view.budget == view.budget
    m5.metric(
        t("cost.metric.fy_budget", lang),
        MONEY.format(view.budget) if has_budget else "—",
    )
    m6.metric(
        t("cost.metric.projected", lang),
        signed(view.over) if has_budget else "—",
        **(over_budget(view.over / view.budget) if has_budget and view.budget else {}),
    )
    m7.metric(
        t("cost.metric.exhausted", lang),
        f"{view.exhausted_on:%Y-%m-%d}"
        if view.exhausted_on
        else t("cost.exhausted.never" if has_budget else "cost.exhausted.none", lang),
    )
    if has_budget and view.budget_months < 12:
        st.caption(t("cost.outlook.budget_months", lang, n=view.budget_months))
    if view.exhausted_on:
        key = "cost.exhausted.already" if view.already_exhausted else "cost.exhausted.will"
        st.warning(t(key, lang, day=view.exhausted_on, end=cost.month_end(view.fy.last)))
    path, band = cost.outlook_lines(view)
    page.chart(
        charts.outlook_chart(
            path,
            band,
            view.budget if has_budget else None,
            t("cost.outlook_chart", lang),
            x_title=t("cost.axis.month", lang),
            y_title=t("cost.axis.amount", lang),
            series_title=t("cost.axis.series", lang),
            series_labels={
                **{s: words(SERIES, s) for s in ("actual", "straight_line", "seasonal")},
                "budget": t("cost.series.budget", lang),
                "low": t("cost.series.band", lang) + " ↓",
                "high": t("cost.series.band", lang) + " ↑",
            },
        )
    )
    if view.seasonal_reason is not None:
        st.caption(page.words(view.seasonal_reason))

# -- 5. why labour cost moved ----------------------------------------------------------
st.subheader(t("cost.why", lang))
bases = [
    b
    for b in BASIS
    if (b == "hours" and have.roster_costed)
    or (b != "hours" and have.tickets and have.labour_lines)
]
if not bases:
    st.info(t("cost.needs.roster", lang))
else:
    if not ctx.presenter:
        st.radio(
            t("cost.why.basis", lang),
            bases,
            key="cost_basis",
            format_func=lambda b: words(BASIS, b),
            horizontal=True,
        )
    basis = page.setting("cost", "basis") if page.setting("cost", "basis") in bases else bases[0]
    split = page.query(
        cost.decompose_labour,
        f,
        basis=basis,
        compare=page.setting("cost", "compare"),
        hours=hours,
    )
    if isinstance(split, Message):
        st.info(page.words(split))
    else:
        st.markdown(page.words(split.message))
        effects = cost.decomposition_steps(split)
        effect_words = {
            "base": t("cost.bridge.base", lang),
            "volume": t("cost.bridge.volume", lang),
            "mix": t("cost.bridge.mix", lang),
            "rate": t("cost.bridge.rate", lang),
            "current": t("cost.bridge.current", lang),
        }
        page.chart(
            charts.bridge_chart(
                effects.assign(label=[effect_words[x] for x in effects["label"]]),
                t("cost.why_chart", lang),
                step_title=t("cost.bridge_step", lang),
                value_title=t("cost.bridge_axis", lang),
            ),
        )
        st.caption(t("cost.why.sums", lang, total=split.volume + split.mix + split.rate))
        if split.has_mix and not ctx.presenter:
            name, before, now = SEGMENT[basis]
            volume = "{:,.1f}" if basis == "hours" else "{:,.0f}"
            show(
                split.segments.assign(segment=split.segments["segment"].map(shown)).rename(
                    columns={
                        "segment": name,
                        "base_volume": before,
                        "current_volume": now,
                    }
                ),
                {c: MONEY for c in ("base_cost", "current_cost")} | {before: volume, now: volume},
            )

# -- 6. cost against quality -----------------------------------------------------------
st.subheader(t("cost.quality", lang))
if not have.tickets:
    st.info(t("cost.needs.tickets", lang))
elif f.has_dimensions:
    st.caption(t("cost.units_split", lang))
else:
    if not ctx.presenter:
        st.radio(
            t("cost.quality.measure", lang),
            list(QUALITY),
            key="cost_quality",
            format_func=lambda q: words(QUALITY, q),
            horizontal=True,
        )
    measure = page.setting("cost", "quality")
    ways = ["month", "team"] if have.roster_costed else ["month"]
    if not ctx.presenter and len(ways) > 1:
        st.radio(
            t("cost.quality.by", lang),
            ways,
            key="cost_quality_by",
            format_func=lambda b: words(QUALITY_BY, b),
            horizontal=True,
        )
    way = (
        page.setting("cost", "quality_by")
        if page.setting("cost", "quality_by") in ways
        else "month"
    )
    if way == "team":
        pairs = page.query(cost.team_costs, f, hours)
        pairs = pairs.assign(team=pairs["team"].map(shown))
        x, label = "labour_per_resolved", "team"
        title = t("cost.quality_team_chart", lang, measure=words(QUALITY, measure))
    else:
        pairs = page.query(cost.cost_quality, trend)
        x, label = "cost_per_resolved", "month"
        title = t("cost.quality_chart", lang, measure=words(QUALITY, measure), last=months.last)
    usable = pairs.dropna(subset=[x, measure])
    if usable.empty:
        st.info(t("cost.quality_none", lang, measure=words(QUALITY, measure)))
    else:
        page.chart(
            charts.quadrant_chart(
                usable,
                x,
                measure,
                title,
                x_title=heading(x),
                y_title=words(QUALITY, measure),
                label_title=heading(label),
                label=label,
                percent_y=measure == "sla_attainment",
            )
        )
        st.caption(t("cost.quality_note", lang))

# -- 7. what-if: staffing priced -------------------------------------------------------
st.subheader(t("cost.whatif", lang))
if not ctx.presenter:
    c1, c2, c3 = st.columns(3)
    c1.slider(t("cost.whatif.volume", lang), -50, 100, key="cost_volume", step=5)
    c2.slider(t("cost.whatif.handle", lang), -50, 100, key="cost_handle", step=5)
    c3.number_input(t("cost.whatif.fte_hours", lang), 40, 250, key="cost_fte_hours", step=4)
priced = page.query(
    cost.what_if,
    f,
    page.setting("cost", "volume") / 100.0,
    page.setting("cost", "handle") / 100.0,
    float(page.setting("cost", "fte_hours")),
)
if isinstance(priced, Message):
    st.info(page.words(priced))
else:
    st.caption(
        t(
            "cost.whatif.caption",
            lang,
            tickets=priced.tickets,
            aht=priced.handle_minutes,
            hours=priced.roster_hours,
            rate=priced.hourly_cost,
            util=priced.utilisation,
        )
    )
    m1, m2, m3 = st.columns(3)
    change = priced.new_fte - priced.fte
    m1.metric(
        t("cost.whatif.fte", lang),
        f"{priced.new_fte:,.1f}",
        delta=f"{change:+,.1f}" if abs(change) >= 0.05 else None,
        delta_color="off",
    )
    m2.metric(t("cost.whatif.cost", lang), MONEY.format(priced.new_cost))
    m3.metric(t("cost.whatif.delta", lang), signed(priced.delta_cost))
