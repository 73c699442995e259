"""Innovation management: is the improvement portfolio paying off?"""

from datetime import date

import streamlit as st

from svcops import charts
from svcops import innovation as inn
from svcops.i18n import t
from ui import page, state

ctx = state.page("innovation.title", needs_tickets=False)
lang, f = ctx.lang, ctx.filters
st.caption(t("innovation.question", lang))

STAGE = {
    "idea": "innovation.stage.idea",
    "assessment": "innovation.stage.assessment",
    "pilot": "innovation.stage.pilot",
    "rollout": "innovation.stage.rollout",
    "scaled": "innovation.stage.scaled",
    "stopped": "innovation.stage.stopped",
    "other": "innovation.stage.other",
}
VERDICT = {
    "confirmed": "innovation.verdict.confirmed",
    "worse": "innovation.verdict.worse",
    "unclear": "innovation.verdict.unclear",
    "no_change": "innovation.verdict.no_change",
    "no_data": "innovation.verdict.no_data",
    "not_live": "innovation.verdict.not_live",
    "no_link": "innovation.verdict.no_link",
}
COLUMNS = {
    "initiative_id": "innovation.col.initiative_id",
    "name": "innovation.col.name",
    "stage": "innovation.col.stage",
    "count": "innovation.col.count",
    "investment": "innovation.col.investment",
    "reached": "innovation.col.reached",
    "conversion": "innovation.col.conversion",
    "stopped_here": "innovation.col.stopped_here",
    "kill_rate": "innovation.col.kill_rate",
    "median_days": "innovation.col.median_days",
    "left": "innovation.col.left",
    "median_days_now": "innovation.col.median_days_now",
    "running_cost": "innovation.col.running_cost",
    "expected_annual_benefit": "innovation.col.expected_annual_benefit",
    "roi": "innovation.col.roi",
    "npv": "innovation.col.npv",
    "irr": "innovation.col.irr",
    "payback_years": "innovation.col.payback_years",
    "discounted_payback_years": "innovation.col.discounted_payback_years",
    "npv_per_investment": "innovation.col.npv_per_investment",
    "rank": "innovation.col.rank",
    "fits": "innovation.col.fits",
    "cumulative_investment": "innovation.col.cumulative_investment",
    "kpi": "innovation.col.kpi",
    "segment": "innovation.col.segment",
    "go_live": "innovation.col.go_live",
    "before": "innovation.col.before",
    "after": "innovation.col.after",
    "change": "innovation.col.change",
    "p_value": "innovation.col.p_value",
    "shift": "innovation.col.shift",
    "verdict": "innovation.col.verdict",
    "realised": "innovation.col.realised",
    "expected": "innovation.col.expected",
    "claimed": "innovation.col.claimed",
    "reason": "innovation.col.reason",
}
MONEY, SHARE, YEARS, DAYS = "{:,.0f}", "{:.0%}", "{:.1f}", "{:,.0f}"


def heading(column: str) -> str:
    return t(COLUMNS[column], lang) if column in COLUMNS else column


def show(frame, formats: dict, where=st) -> None:
    """A table with this page's column headings and formats."""
    page.table(
        frame.rename(columns=heading), where, formats={heading(c): v for c, v in formats.items()}
    )


def stage_name(stage: str) -> str:
    return t(STAGE.get(stage, "innovation.stage.other"), lang)


def kpi_name(kpi: str | None) -> str:
    if kpi == "handle_minutes":
        return t("innovation.kpi.handle_minutes", lang)
    return page.named("kpi")(kpi) if kpi else ""


def money(value) -> str:
    return "—" if value is None or value != value else f"{value:,.0f}"


# -- what there is ----------------------------------------------------------------------
register = page.query(inn.initiatives)
if register.empty:
    st.info(t("innovation.no_register", lang))
    if not ctx.has_tickets:
        st.info(t("innovation.no_tickets", lang))
    st.stop()

# -- settings ---------------------------------------------------------------------------
page.defaults(
    "innovation",
    {"rate": 8.0, "years": 5, "delay": 0.0, "window": 90, "stages": list(inn.PENDING)},
)
if not ctx.presenter:
    c1, c2, c3, c4 = st.columns(4)
    c1.number_input(
        t("innovation.rate", lang), 0.0, 50.0, step=0.5, format="%.1f", key="innovation_rate"
    )
    c2.slider(t("innovation.years", lang), 1, 15, key="innovation_years")
    c3.select_slider(
        t("innovation.delay", lang), list(inn.SENSITIVITY_DELAYS), key="innovation_delay"
    )
    c4.slider(t("innovation.window", lang), inn.MIN_DAYS, 365, step=7, key="innovation_window")
rate = float(page.setting("innovation", "rate")) / 100
years = int(page.setting("innovation", "years"))
delay = float(page.setting("innovation", "delay"))
window = int(page.setting("innovation", "window"))
st.caption(t("innovation.settings", lang, rate=rate, years=years, delay=delay, window=window))

cases = page.query(inn.business_cases, rate, years, delay)
portfolio = page.query(inn.portfolio_case, rate, years, delay)
effects = page.query(inn.measure_all, f, window) if ctx.has_tickets else None


def payback_text(value) -> str:
    if value is None or value != value:
        return t("innovation.not_reached", lang, years=years)
    return t("innovation.years_value", lang, years=value)


# -- headlines --------------------------------------------------------------------------
# Presenting, the large figures need two rows to be read whole.
m = [*st.columns(3), *st.columns(3)] if ctx.presenter else st.columns(5)
m[0].metric(t("innovation.count", lang), f"{len(register):,}")
m[1].metric(
    t("innovation.active_investment", lang),
    money(cases.loc[cases["stage"] != "stopped", "investment"].sum()),
)
m[2].metric(t("innovation.portfolio_npv", lang), money(portfolio.npv if portfolio else None))
m[3].metric(
    t("innovation.portfolio_irr", lang),
    f"{portfolio.irr:.1%}"
    if portfolio and portfolio.irr is not None
    else t("innovation.none", lang),
)
m[4].metric(
    t("innovation.portfolio_payback", lang),
    payback_text(portfolio.payback_years) if portfolio and portfolio.investment > 0 else "—",
)
if effects is not None and not effects.empty:
    confirmed = int((effects["verdict"] == "confirmed").sum())
    st.caption(t("innovation.confirmed_count", lang, n=confirmed, total=len(effects)))
if not ctx.has_tickets:
    st.info(t("innovation.no_tickets", lang))
if register[["investment", "expected_annual_benefit"]].isna().all().all():
    st.info(t("innovation.no_money", lang))
else:
    # A benefit without an investment is counted free: the page says so, by name.
    free = register[
        register["investment"].isna()
        & register["expected_annual_benefit"].notna()
        & (register["stage"] != "stopped")
    ]
    if len(free):
        st.warning(
            page.words(
                "innovation.no_investment",
                n=len(free),
                names=", ".join(str(v) for v in free["initiative_id"]),
            )
        )

# -- funnel -----------------------------------------------------------------------------
st.subheader(t("innovation.funnel", lang))
funnel = page.query(inn.funnel, date.today())
stages = funnel.frame.assign(stage=lambda d: d["stage"].map(stage_name))
left, right = st.columns([1, 2])
page.chart(
    charts.funnel_chart(
        stages,
        t("innovation.funnel", lang),
        {
            "stage": t("innovation.axis.stage", lang),
            "count": t("innovation.axis.initiatives", lang),
            "investment": t("innovation.axis.investment", lang),
        },
    ),
    left,
)
show(
    stages,
    {
        "investment": MONEY,
        "conversion": SHARE,
        "kill_rate": SHARE,
        "stopped_here": "{:,}",
        "median_days": DAYS,
        "median_days_now": DAYS,
    },
)
st.caption(
    page.words(
        "innovation.funnel_caption",
        total=funnel.total,
        stopped=funnel.stopped,
        kill=funnel.kill_rate or 0.0,
    )
)
if not funnel.has_dates:
    st.caption(t("innovation.no_stage_dates", lang))

# -- business case ----------------------------------------------------------------------
st.subheader(t("innovation.case", lang))
with st.expander(t("innovation.formulas", lang), expanded=not ctx.presenter):
    st.markdown(t("innovation.formulas_text", lang))
case_cols = [
    "initiative_id",
    "name",
    "stage",
    "investment",
    "running_cost",
    "expected_annual_benefit",
    "roi",
    "npv",
    "irr",
    "payback_years",
    "discounted_payback_years",
]
shown_cases = cases[case_cols].assign(stage=lambda d: d["stage"].map(stage_name))
show(
    shown_cases,
    {
        "investment": MONEY,
        "running_cost": MONEY,
        "expected_annual_benefit": MONEY,
        "roi": SHARE,
        "npv": MONEY,
        "irr": "{:.1%}",
        "payback_years": YEARS,
        "discounted_payback_years": YEARS,
    },
)
if not ctx.presenter:
    page.download(cases, "svcops-business-cases.csv")
if portfolio is not None:
    left, right = st.columns(2)
    npv_title = t("innovation.axis.npv", lang)
    page.chart(
        charts.sensitivity_chart(
            page.query(inn.rate_sensitivity, years, delay),
            "rate",
            rate,
            t("innovation.sensitivity_rate", lang),
            {
                "x": t("innovation.axis.rate", lang),
                "npv": npv_title,
                "chosen": t("innovation.current", lang),
            },
            percent=True,
        ),
        left,
    )
    page.chart(
        charts.sensitivity_chart(
            page.query(inn.delay_sensitivity, rate, years),
            "delay",
            delay,
            t("innovation.sensitivity_delay", lang),
            {
                "x": t("innovation.axis.delay", lang),
                "npv": npv_title,
                "chosen": t("innovation.current", lang),
            },
            percent=False,
        ),
        right,
    )

# -- value against cost -----------------------------------------------------------------
st.subheader(t("innovation.value", lang))
pending = cases[cases["stage"].isin(inn.PENDING)]
page.defaults("innovation", {"budget": float(round(pending["investment"].sum() / 2, -3))})
if not ctx.presenter:
    c1, c2 = st.columns([1, 2])
    c1.number_input(t("innovation.budget", lang), 0.0, step=10_000.0, key="innovation_budget")
    c2.multiselect(
        t("innovation.budget_stages", lang),
        list(inn.STAGES),
        key="innovation_stages",
        format_func=stage_name,
    )
budget = float(page.setting("innovation", "budget"))
chosen = tuple(page.setting("innovation", "stages")) or inn.PENDING
fit = inn.budget_fit(cases, budget, chosen)
groups = [
    t("innovation.in_budget", lang),
    t("innovation.out_budget", lang),
    t("innovation.not_candidate", lang),
]
fits = dict(zip(fit["initiative_id"], fit["fits"], strict=True))
bubbles = cases.assign(
    stage=lambda d: d["stage"].map(stage_name),
    group=[
        groups[0] if fits.get(i) else groups[1] if i in fits else groups[2]
        for i in cases["initiative_id"]
    ],
)
left, right = st.columns(2)
page.chart(
    charts.bubble_chart(
        bubbles,
        t("innovation.bubble", lang),
        {
            "investment": t("innovation.axis.investment", lang),
            "benefit": t("innovation.axis.benefit", lang),
            "adoption": t("innovation.axis.adoption", lang),
            "name": t("innovation.axis.initiative", lang),
            "stage": t("innovation.axis.stage", lang),
            "npv": t("innovation.axis.npv", lang),
            "group": t("innovation.budget_line", lang),
        },
        groups,
    ),
    left,
)
if fit.empty:
    right.info(t("innovation.no_candidates", lang))
else:
    ranked = fit.assign(
        running_total=fit["investment"].cumsum(),
        group=[groups[0] if v else groups[1] for v in fit["fits"]],
    )
    page.chart(
        charts.budget_chart(
            ranked,
            budget,
            t("innovation.fit_chart", lang),
            {
                "id": t("innovation.col.initiative_id", lang),
                "name": t("innovation.axis.initiative", lang),
                "investment": t("innovation.axis.investment", lang),
                "cumulative": t("innovation.axis.cumulative", lang),
                "ratio": t("innovation.col.npv_per_investment", lang),
                "budget": t("innovation.budget_line", lang),
                "group": t("innovation.budget_line", lang),
            },
            groups[:2],
        ),
        right,
    )
    taken = fit[fit["fits"]]
    right.caption(
        page.words(
            "innovation.fit_caption",
            n=len(taken),
            candidates=len(fit),
            budget=money(budget),
            spent=money(taken["investment"].sum()),
            npv=money(taken["npv"].sum()),
        )
    )
    show(
        fit[["rank", "initiative_id", "name", "investment", "npv", "npv_per_investment", "fits"]],
        {"investment": MONEY, "npv": MONEY, "npv_per_investment": "{:,.2f}"},
    )

# -- measured benefit -------------------------------------------------------------------
st.subheader(t("innovation.measured", lang))
if effects is None:
    st.info(t("innovation.no_tickets", lang))
elif effects.empty:
    st.info(page.words("innovation.no_links", kpis=", ".join(inn.KPIS)))
else:
    st.caption(t("innovation.measured_caption", lang, window=window, alpha=inn.ALPHA))

    def segment_text(by, value) -> str:
        if not by or value is None or value != value:
            return t("innovation.all_tickets", lang)
        return t("innovation.segment", lang, by=page.named("col")(by), value=value)

    def unit(kpi, value, signed=False) -> str:
        if value is None or value != value:
            return ""
        if kpi in inn.RATE_KPIS:
            return t("delta.points", lang, delta=value * 100) if signed else f"{value:.1%}"
        return ("{:+,.2f}" if signed else "{:,.2f}").format(value)

    table = effects.assign(
        before=[unit(k, v) for k, v in zip(effects["kpi"], effects["before"], strict=True)],
        after=[unit(k, v) for k, v in zip(effects["kpi"], effects["after"], strict=True)],
        change=[unit(k, v, True) for k, v in zip(effects["kpi"], effects["change"], strict=True)],
        kpi=[kpi_name(k) for k in effects["kpi"]],
        segment=[
            segment_text(b, v)
            for b, v in zip(effects["segment_by"], effects["segment"], strict=True)
        ],
        verdict=[t(VERDICT[v], lang) for v in effects["verdict"]],
        reason=[page.words(r) if r is not None else "" for r in effects["reason"]],
    )
    shown_cols = ["name", "verdict", "kpi", "segment", "go_live", "before", "after", "change"]
    shown_cols += ["p_value", "shift", "realised", "expected", "claimed"]
    if table["reason"].astype(bool).any():
        shown_cols.append("reason")
    show(
        table[shown_cols],
        {
            "p_value": lambda p: "< 0.001" if p < 0.001 else f"{p:.3f}",
            "realised": MONEY,
            "expected": MONEY,
            "claimed": MONEY,
        },
    )
    for row in effects[effects["supported"] == False].itertuples():  # noqa: E712
        st.warning(
            page.words("innovation.claim_not_shown", name=row.name, claimed=money(row.claimed))
        )

    measured = effects[effects["before"].notna()]
    if not measured.empty:
        ids = measured["initiative_id"].tolist()
        names = dict(zip(measured["initiative_id"], measured["name"], strict=True))
        page.defaults("innovation", {"pick": ids[0]})
        if page.setting("innovation", "pick") not in ids:
            st.session_state["innovation_pick"] = ids[0]
        if not ctx.presenter:
            st.selectbox(
                t("innovation.pick", lang), ids, key="innovation_pick", format_func=names.get
            )
        effect = page.query(inn.measure, f, page.setting("innovation", "pick"), window)
        percent = effect.kpi in inn.RATE_KPIS
        page.chart(
            charts.effect_chart(
                effect.series,
                effect.go_live,
                t(
                    "innovation.effect_chart",
                    lang,
                    kpi=kpi_name(effect.kpi),
                    segment=segment_text(effect.segment_by, effect.segment),
                ),
                {
                    "day": t("innovation.axis.day", lang),
                    "value": kpi_name(effect.kpi),
                    "centre": t("innovation.centre", lang),
                    "ucl": t("innovation.ucl", lang),
                    "lcl": t("innovation.lcl", lang),
                    "go_live": t("innovation.go_live", lang),
                    "shift": t("innovation.shift_point", lang),
                },
                percent=percent,
            )
        )
        st.markdown(
            page.words(
                "innovation.effect_summary",
                name=effect.name,
                kpi=kpi_name(effect.kpi),
                before=unit(effect.kpi, effect.before),
                after=unit(effect.kpi, effect.after),
                change=unit(effect.kpi, effect.change, True),
                p="< 0.001" if effect.p_value < 0.001 else f"= {effect.p_value:.3f}",
                verdict=t(VERDICT[effect.verdict], lang),
            )
        )
        st.caption(
            page.words(
                "innovation.realised_vs_plan",
                realised=money(effect.realised),
                expected=money(effect.expected),
                claimed=money(effect.claimed),
            )
        )

# -- adoption ---------------------------------------------------------------------------
st.subheader(t("innovation.adoption", lang))
adopters = register[register["adoption_channel"].notna()]
if adopters.empty:
    st.info(t("innovation.no_adoption", lang))
elif not ctx.has_tickets:
    st.info(t("innovation.no_tickets", lang))
else:
    ids = adopters["initiative_id"].tolist()
    names = dict(zip(adopters["initiative_id"], adopters["name"], strict=True))
    page.defaults("innovation", {"adopt": ids[0]})
    if page.setting("innovation", "adopt") not in ids:
        st.session_state["innovation_adopt"] = ids[0]
    if not ctx.presenter:
        st.selectbox(t("innovation.pick", lang), ids, key="innovation_adopt", format_func=names.get)
    a = page.query(inn.adoption, f, page.setting("innovation", "adopt"))
    row = adopters[adopters["initiative_id"] == a.initiative_id].iloc[0]
    if a.reason is not None:
        st.info(page.words(a.reason))
    else:
        seg = (
            t(
                "innovation.segment",
                lang,
                by=page.named("col")(row["segment_by"]),
                value=row["segment"],
            )
            if isinstance(row["segment_by"], str) and isinstance(row["segment"], str)
            else t("innovation.all_tickets", lang)
        )
        channel = page.named("value")(a.channel)
        page.chart(
            charts.adoption_chart(
                a.frame,
                a.target,
                a.go_live,
                t("innovation.adoption_chart", lang, segment=seg, channel=channel),
                {
                    "month": t("innovation.axis.month", lang),
                    "share": t("innovation.axis.share", lang),
                    "tickets": t("axis.tickets", lang),
                    "target": t("innovation.target", lang),
                    "go_live": t("innovation.go_live", lang),
                },
            )
        )
        if a.current is not None:
            st.caption(
                page.words(
                    "innovation.adoption_caption",
                    current=a.current,
                    channel=channel,
                    target=f"{a.target:.0%}" if a.target is not None else "—",
                )
            )
