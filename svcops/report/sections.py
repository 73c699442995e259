"""The pack's sections: each area's analyses, called as its page calls them, worded
in the pack's language.

Each builder is ``f(ws, filters, lang) -> Section``; a section whose data is missing
carries a one-line ``missing`` reason (what to upload) and nothing else. The
analyses run with the pages' default settings (the Risk page's bands, the
Innovation page's 8 % over five years, Quality's daily-volume chart over the period).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import altair as alt
import pandas as pd

from .. import charts, cost, kpi, performance, process, quality, resource, risk
from .. import innovation as inn
from ..filters import Filters
from ..headlines import headlines
from ..i18n import STRINGS, Message, render, t, value_name
from ..i18n.process import DERIVED_STEPS, EVENT_SOURCES
from ..store import Workspace
from ..tickets import period_activity
from .pack import Figure, Section, Table

# A chart's plot width in the pack, px (A4 landscape less margins holds about 1000).
WIDTH = 760

AREAS = (
    "overview",
    "process",
    "resource",
    "quality",
    "performance",
    "cost",
    "innovation",
    "risk",
)
TITLES = {
    "overview": "overview.title",
    "process": "process.title",
    "resource": "resource.title",
    "quality": "quality.title",
    "performance": "performance.title",
    "cost": "cost.title",
    "innovation": "innovation.title",
    "risk": "risk.title",
}
# Worksheet names (Excel: at most 31 characters, unique); the same in every language
# so a scheduler's later steps can find them.
SHEETS = {
    "overview": "Overview",
    "process": "Process",
    "resource": "Resource",
    "quality": "Quality",
    "performance": "Performance",
    "cost": "Cost",
    "innovation": "Innovation",
    "risk": "Risk",
}
MISSING = {
    "tickets": "report.missing.tickets",
    "cases": "report.missing.cases",
    "period": "report.missing.period",
    "costs": "report.missing.costs",
    "cost_months": "report.missing.cost_months",
    "initiatives": "report.missing.initiatives",
    "risks": "report.missing.risks",
}
DERIVED, SOURCES = DERIVED_STEPS, EVENT_SOURCES
COST_STATUS = {
    "favourable": "cost.status.favourable",
    "unfavourable": "cost.status.unfavourable",
    "on_budget": "cost.status.on_budget",
    "unbudgeted": "cost.status.unbudgeted",
}
COST_RAG = {
    "favourable": "green",
    "unfavourable": "red",
    "on_budget": "none",
    "unbudgeted": "amber",
}
STAGES = {
    "idea": "innovation.stage.idea",
    "assessment": "innovation.stage.assessment",
    "pilot": "innovation.stage.pilot",
    "rollout": "innovation.stage.rollout",
    "scaled": "innovation.stage.scaled",
    "stopped": "innovation.stage.stopped",
    "other": "innovation.stage.other",
}
BAND_RAG = {"critical": "red", "high": "amber", "medium": "none", "low": "green"}
# The Innovation page's default business-case settings.
RATE, YEARS, DELAY = 0.08, 5, 0.0


def col(name: str, lang: str) -> str:
    """A pack table's column name in ``lang`` (``report.col.<name>``)."""
    return t("report.col." + name, lang)


def kpi_kind(key: str) -> str:
    if key in kpi.COUNT_KEYS:
        return "int"
    if key in kpi.RATE_KEYS:
        return "pct"
    return "num2" if key == "csat_avg" else "num1"


def kpi_delta_kind(key: str) -> str:
    """A KPI difference's kind: a rate's in percentage points (``spts``)."""
    return {"int": "sint", "pct": "spts", "num2": "snum2"}.get(kpi_kind(key), "snum1")


def kpi_deltas(keys: list[str], deltas: pd.Series) -> list[object]:
    """Differences as :func:`kpi_delta_kind` shows them: a rate's (a fraction) as points."""
    return [
        None if d is None or d != d else (100 * d if kpi_kind(k) == "pct" else d)
        for k, d in zip(keys, deltas, strict=True)
    ]


def figure(chart: alt.TopLevelMixin, lang: str, title: str, data: pd.DataFrame, **kw) -> Figure:
    """The page's chart as a print-sized, localised Vega-Lite dict, with its data."""
    try:
        sized = chart.properties(width=WIDTH)
    except (ValueError, TypeError, AttributeError):  # a concatenation: sized by its parts
        sized = chart
    spec = charts.localised(sized, lang).to_dict()
    return Figure(title, spec, data.reset_index(drop=True), **kw)


def _no_tickets(ws: Workspace, f: Filters) -> str | None:
    """Why a section built on tickets has nothing (the pages' rule), or None."""
    if not ws.has_rows("tickets"):
        return "tickets"
    return None if period_activity(ws, f) else "period"


def _missing(key: str, lang: str, reason: str) -> Section:
    return Section(key, t(TITLES[key], lang), SHEETS[key], missing=t(MISSING[reason], lang))


def _section(key: str, lang: str) -> Section:
    return Section(key, t(TITLES[key], lang), SHEETS[key])


# -- overview ---------------------------------------------------------------------------
def overview(ws: Workspace, f: Filters, lang: str) -> Section:
    if (why := _no_tickets(ws, f)) is not None:
        return _missing("overview", lang, why)
    s = _section("overview", lang)
    card = kpi.period_scorecard(ws, f)
    s.lines = [render(h, lang) for h in headlines(ws, f, card)]
    frame = card.to_frame()
    keys = list(frame["kpi"])
    s.tables.append(
        Table(
            t("report.scorecard", lang),
            pd.DataFrame(
                {
                    col("kpi", lang): [t("kpi." + k, lang) for k in keys],
                    col("value", lang): frame["value"].astype(object),
                    col("previous", lang): frame["previous"].astype(object),
                    col("delta", lang): kpi_deltas(keys, frame["delta"]),
                }
            ),
            kinds={
                col("value", lang): [kpi_kind(k) for k in keys],
                col("previous", lang): [kpi_kind(k) for k in keys],
                col("delta", lang): [kpi_delta_kind(k) for k in keys],
            },
        )
    )
    series = kpi.trend(ws, f)
    period = t("axis.period", lang)
    created, resolved = t("series.created", lang), t("series.resolved", lang)
    s.figures.append(
        figure(
            charts.volume_chart(
                series,
                {"created": created, "resolved": resolved},
                t("overview.volume_chart", lang),
                {
                    "period": period,
                    "tickets": t("axis.tickets", lang),
                    "series": t("axis.series", lang),
                },
            ),
            lang,
            t("overview.volume_chart", lang),
            pd.DataFrame(
                {
                    period: series["period"].dt.date,
                    created: series["created"],
                    resolved: series["resolved"],
                }
            ),
            kind="line",
        )
    )
    s.figures.append(
        figure(
            charts.series_chart(
                series,
                "backlog",
                t("overview.backlog_chart", lang),
                t("axis.tickets", lang),
                mark="area",
                x_title=period,
            ),
            lang,
            t("overview.backlog_chart", lang),
            pd.DataFrame(
                {period: series["period"].dt.date, col("backlog", lang): series["backlog"]}
            ),
            kind="area",
        )
    )
    if series["sla_attainment"].notna().any():
        s.figures.append(
            figure(
                charts.series_chart(
                    series,
                    "sla_attainment",
                    t("overview.sla_chart", lang),
                    t("axis.share", lang),
                    percent=True,
                    colour=charts.PALETTE[2],
                    x_title=period,
                ),
                lang,
                t("overview.sla_chart", lang),
                pd.DataFrame(
                    {
                        period: series["period"].dt.date,
                        col("sla_attainment", lang): series["sla_attainment"],
                    }
                ),
                kind="line",
                percent=True,
            )
        )
    return s


# -- process ----------------------------------------------------------------------------
def process_design(ws: Workspace, f: Filters, lang: str) -> Section:
    if not ws.has_rows("tickets") and not ws.has_rows("events"):
        return _missing("process", lang, "tickets")
    view = process.analyse(ws, f)
    pm = view.map
    if pm.cases == 0:
        return _missing("process", lang, "cases")
    names = {process.START: t("process.start", lang), process.END: t("process.end", lang)}
    if view.source == "tickets":
        names |= {a: t(k, lang) for a, k in DERIVED.items()}

    def name(activity: str) -> str:
        return names.get(activity, activity)

    s = _section("process", lang)
    inner = ~pm.nodes["activity"].isin([process.START, process.END])
    events = int(pm.nodes.loc[inner, "events"].sum())
    variants = view.variants
    top = min(int((variants["cumulative"] < 0.8).sum()) + 1, len(variants))
    s.lines = [
        render(Message(SOURCES[view.source], {"events": events, "cases": pm.cases}), lang),
        render(
            Message(
                "process.variants_caption",
                {
                    "n": len(variants),
                    "top": top,
                    "share": float(variants["cumulative"].iloc[top - 1]),
                },
            ),
            lang,
        ),
        render(process.little(ws, f).message, lang),
    ]
    pareto = process.variant_pareto(variants)
    shown = pareto.head(15)
    s.figures.append(
        figure(
            charts.pareto_chart(
                shown,
                "variant",
                t("process.variant_pareto", lang),
                {
                    "count": t("process.axis.tickets", lang),
                    "cumulative": t("process.axis.cumulative", lang),
                    "category": t("process.col.variant", lang),
                    "share": t("process.col.share", lang),
                },
            ),
            lang,
            t("process.variant_pareto", lang),
            pd.DataFrame(
                {col("variant", lang): shown["variant"], col("cases", lang): shown["count"]}
            ),
            kind="column",
        )
    )
    head = variants.head(10)
    s.tables.append(
        Table(
            t("report.variants", lang),
            pd.DataFrame(
                {
                    col("variant", lang): pareto["variant"].head(10),
                    col("cases", lang): head["cases"],
                    col("share", lang): head["share"],
                    col("median_hours", lang): head["median_hours"],
                    col("activities", lang): [
                        process.ARROW.join(name(a) for a in p.split(process.ARROW))
                        for p in head["activities"]
                    ],
                }
            ),
            kinds={
                col("cases", lang): "int",
                col("share", lang): "pct",
                col("median_hours", lang): "num1",
            },
        )
    )
    edges = pm.edges.sort_values("events", ascending=False).head(10)
    s.tables.append(
        Table(
            t("report.edges", lang),
            pd.DataFrame(
                {
                    col("source", lang): edges["source"].map(name),
                    col("target_step", lang): edges["target"].map(name),
                    col("events", lang): edges["events"],
                    col("cases", lang): edges["cases"],
                    col("median_hours", lang): edges["median_hours"],
                }
            ),
            kinds={
                col("events", lang): "int",
                col("cases", lang): "int",
                col("median_hours", lang): "num1",
            },
        )
    )
    return s


# -- resource ---------------------------------------------------------------------------
def resource_management(ws: Workspace, f: Filters, lang: str) -> Section:
    if (why := _no_tickets(ws, f)) is not None:
        return _missing("resource", lang, why)
    # The history the forecast learns from reaches back before the period: the period only.
    history = resource.demand_history(ws, f)
    days = pd.to_datetime(history["ds"]).dt.date
    inside = pd.Series(True, index=history.index)
    if f.start:
        inside &= days >= f.start
    if f.end:
        inside &= days <= f.end
    daily = history.loc[inside]
    if daily.empty:
        return _missing("resource", lang, "cases")
    s = _section("resource", lang)
    s.lines = [
        t(
            "report.demand_line",
            lang,
            days=len(daily),
            tickets=int(daily["y"].sum()),
            mean=float(daily["y"].mean()),
            peak=int(daily["y"].max()),
        )
    ]
    series = daily.rename(columns={"ds": "period", "y": "tickets"})
    s.figures.append(
        figure(
            charts.series_chart(
                series,
                "tickets",
                t("report.demand_chart", lang),
                t("axis.tickets", lang),
                x_title=t("axis.period", lang),
            ),
            lang,
            t("report.demand_chart", lang),
            pd.DataFrame(
                {
                    col("date", lang): pd.to_datetime(series["period"]).dt.date,
                    col("tickets", lang): series["tickets"],
                }
            ),
            kind="line",
        )
    )
    aht = resource.handle_times(ws, f)
    if not aht.empty:
        s.tables.append(
            Table(
                t("report.handle_times", lang),
                pd.DataFrame(
                    {
                        col("channel", lang): aht["channel"].map(lambda v: value_name(v, lang)),
                        col("aht", lang): aht["aht_seconds"] / 3600,
                    }
                ),
                kinds={col("aht", lang): "num2"},
            )
        )
    return s


# -- quality ----------------------------------------------------------------------------
def quality_control(ws: Workspace, f: Filters, lang: str) -> Section:
    if (why := _no_tickets(ws, f)) is not None:
        return _missing("quality", lang, why)
    daily = quality.daily_volume(ws, f)
    if daily.empty:
        return _missing("quality", lang, "cases")
    s = _section("quality", lang)
    chart = quality.individuals_chart(daily, "value", floor=0)
    fmt = "{:,.1f}".format
    if chart.ucl is not None:
        s.lines.append(
            t(
                "quality.limits",
                lang,
                centre=fmt(chart.centre),
                ucl=fmt(chart.ucl),
                lcl=fmt(chart.lcl),
                baseline=render(chart.baseline, lang),
            )
        )
    flags = chart.violations()
    s.lines.append(
        t("quality.no_violations", lang)
        if flags.empty
        else t("quality.violations", lang, n=flags["date"].nunique())
    )
    title = t("report.spc", lang)
    s.figures.append(
        figure(
            charts.control_chart(
                chart.frame,
                title,
                {
                    "period": t("axis.period", lang),
                    "value": t("axis.tickets", lang),
                    "centre": t("quality.centre", lang),
                    "ucl": t("quality.ucl", lang),
                    "lcl": t("quality.lcl", lang),
                },
                flagged_label=t("quality.flagged", lang),
            ),
            lang,
            title,
            pd.DataFrame(
                {
                    col("date", lang): pd.to_datetime(chart.frame["date"]).dt.date,
                    col("tickets", lang): chart.frame["value"],
                }
            ),
            kind="line",
        )
    )
    if not flags.empty:
        first = flags.head(20)
        s.tables.append(
            Table(
                t("report.flags", lang),
                pd.DataFrame(
                    {
                        col("date", lang): pd.to_datetime(first["date"]).dt.date,
                        col("tickets", lang): first["value"],
                        col("rule", lang): [t(f"quality.rule.{r}", lang) for r in first["rule"]],
                    }
                ),
                kinds={col("tickets", lang): "int"},
            )
        )
    pareto = quality.defect_pareto(ws, f, "category")
    total = pareto[pareto["defect"] == "total"].head(10)
    if not total.empty:
        s.tables.append(
            Table(
                t("report.defects", lang),
                pd.DataFrame(
                    {
                        col("category", lang): total["category"].map(lambda v: value_name(v, lang)),
                        col("count", lang): total["count"],
                        col("share", lang): total["share"],
                        col("cumulative", lang): total["cumulative_share"],
                    }
                ),
                kinds={
                    col("count", lang): "int",
                    col("share", lang): "pct",
                    col("cumulative", lang): "pct",
                },
            )
        )
    return s


# -- performance ------------------------------------------------------------------------
def performance_evaluation(ws: Workspace, f: Filters, lang: str) -> Section:
    if (why := _no_tickets(ws, f)) is not None:
        return _missing("performance", lang, why)
    s = _section("performance", lang)
    card = performance.target_scorecard(ws, f, performance.load_targets(ws))
    if card.empty:
        s.lines.append(t("report.missing.targets", lang))
    else:
        counts = card["status"].value_counts()
        s.lines.append(
            t(
                "report.targets_line",
                lang,
                green=int(counts.get("green", 0)),
                amber=int(counts.get("amber", 0)),
                red=int(counts.get("red", 0)),
            )
        )
        keys = list(card["kpi"])
        status = col("status", lang)
        s.tables.append(
            Table(
                t("report.targets", lang),
                pd.DataFrame(
                    {
                        col("kpi", lang): [t("kpi." + k, lang) for k in keys],
                        status: [t(f"performance.status.{v}", lang) for v in card["status"]],
                        col("actual", lang): card["actual"].astype(object),
                        col("target", lang): card["target"].astype(object),
                        col("gap", lang): kpi_deltas(keys, card["gap"]),
                        col("team", lang): card["team"]
                        .astype(object)
                        .where(card["team"].notna(), t("filter.all", lang)),
                    }
                ),
                kinds={
                    col("actual", lang): [kpi_kind(k) for k in keys],
                    col("target", lang): [kpi_kind(k) for k in keys],
                    col("gap", lang): [kpi_delta_kind(k) for k in keys],
                },
                rag=(
                    status,
                    [v if v in ("red", "amber", "green") else "none" for v in card["status"]],
                ),
            )
        )
    ranks = performance.rankings(ws, f, by="team", kpi="sla_attainment", min_volume=30)
    ranked = ranks[ranks["eligible"]].head(25)
    if not ranked.empty:
        ranked = ranked.assign(team=ranked["team"].map(lambda v: value_name(v, lang)))
        s.figures.append(
            figure(
                charts.bar_chart(
                    ranked,
                    "team",
                    "value",
                    t("report.ranking", lang),
                    x_title=col("team", lang),
                    y_title=t("kpi.sla_attainment", lang),
                    horizontal=True,
                    percent=True,
                    sort=ranked["team"].tolist(),
                ),
                lang,
                t("report.ranking", lang),
                pd.DataFrame(
                    {
                        col("team", lang): ranked["team"],
                        t("kpi.sla_attainment", lang): ranked["value"],
                    }
                ),
                kind="bar",
                percent=True,
            )
        )
    compare = performance.compare_periods(ws, f)
    keys = list(compare["kpi"])
    s.tables.append(
        Table(
            t("report.compare", lang),
            pd.DataFrame(
                {
                    col("kpi", lang): [t("kpi." + k, lang) for k in keys],
                    col("current", lang): compare["current"].astype(object),
                    col("previous", lang): compare["previous"].astype(object),
                    col("delta", lang): kpi_deltas(keys, compare["delta_previous"]),
                    col("year_ago", lang): compare["year_ago"].astype(object),
                }
            ),
            kinds={
                col("current", lang): [kpi_kind(k) for k in keys],
                col("previous", lang): [kpi_kind(k) for k in keys],
                col("delta", lang): [kpi_delta_kind(k) for k in keys],
                col("year_ago", lang): [kpi_kind(k) for k in keys],
            },
        )
    )
    return s


# -- cost -------------------------------------------------------------------------------
def cost_control(ws: Workspace, f: Filters, lang: str) -> Section:
    have = cost.availability(ws)
    if not have.costs:
        return _missing("cost", lang, "costs")
    months, report = cost.months_of(ws, f), cost.reported_months(ws)
    if months is None or report is None or months.last < report.first or months.first > report.last:
        return _missing("cost", lang, "cost_months")
    s = _section("cost", lang)
    fy_start = int(ws.setting("cost.fy_start") or 1)
    s.lines.append(t("report.cost_months", lang, first=months.first, last=months.last))
    note = cost.dimension_note(f)
    if note is not None:
        s.lines.append(render(note, lang))
    if have.budget_lines:
        by_centre = cost.variance(ws, f, ("cost_center",))
        actual = float(by_centre["actual"].sum())
        budget = float(by_centre["budget"].fillna(0).sum())
        s.lines.append(
            t("report.cost_totals", lang, actual=actual, budget=budget, variance=actual - budget)
        )
        lines = cost.variance(ws, f, ("cost_center", "category"))
        worst = lines[lines["status"].isin(["unfavourable", "unbudgeted"])].head(1)
        if len(worst):
            w = worst.iloc[0]
            pct = w["variance_pct"]
            s.lines.append(
                t(
                    "cost.largest_over",
                    lang,
                    name=f"{value_name(w['cost_center'], lang)} / {value_name(w['category'], lang)}",
                    variance=float(w["variance"]),
                    pct=f"{pct:+.1%}" if pct == pct else t(COST_STATUS["unbudgeted"], lang),
                )
            )
        else:
            s.lines.append(t("cost.no_overspend", lang))
        status = col("status", lang)
        s.tables.append(
            Table(
                t("report.variance", lang),
                pd.DataFrame(
                    {
                        col("cost_center", lang): by_centre["cost_center"].map(
                            lambda v: value_name(v, lang)
                        ),
                        col("actual", lang): by_centre["actual"],
                        col("budget", lang): by_centre["budget"],
                        col("variance", lang): by_centre["variance"],
                        col("variance_pct", lang): by_centre["variance_pct"],
                        status: [t(COST_STATUS[v], lang) for v in by_centre["status"]],
                    }
                ),
                kinds={
                    col("actual", lang): "int",
                    col("budget", lang): "int",
                    col("variance", lang): "sint",
                    col("variance_pct", lang): "spct",
                },
                rag=(status, [COST_RAG[v] for v in by_centre["status"]]),
            )
        )
        monthly = cost.monthly_budget(ws, f, fy_start)
        if monthly is not None:
            _, by_month = monthly
            labels = {
                "actual": t("cost.series.actual", lang),
                "budget": t("cost.series.budget", lang),
            }
            s.figures.append(
                figure(
                    charts.monthly_lines_chart(
                        cost.long_months(by_month, ("actual", "budget")),
                        t("cost.monthly_chart", lang),
                        x_title=t("cost.axis.month", lang),
                        y_title=t("cost.axis.amount", lang),
                        series_title=t("cost.axis.series", lang),
                        series_labels=labels,
                        colours={"actual": charts.PALETTE[0], "budget": charts.BAD},
                    ),
                    lang,
                    t("cost.monthly_chart", lang),
                    pd.DataFrame(
                        {
                            col("month", lang): by_month["month"].map(lambda m: f"{m:%Y-%m}"),
                            labels["actual"]: by_month["actual"],
                            labels["budget"]: by_month["budget"],
                        }
                    ),
                    kind="column",
                )
            )
    split = cost.breakdown(ws, f, "category")
    if not split.empty:
        names = split["name"].map(lambda v: value_name(v, lang))
        s.figures.append(
            figure(
                charts.bar_chart(
                    split.assign(name=names),
                    "name",
                    "amount",
                    t("report.breakdown", lang),
                    x_title=col("category", lang),
                    y_title=t("cost.axis.amount", lang),
                    horizontal=True,
                    sort=names.tolist(),
                ),
                lang,
                t("report.breakdown", lang),
                pd.DataFrame({col("category", lang): names, col("amount", lang): split["amount"]}),
                kind="bar",
            )
        )
    view = cost.outlook(ws, f, fy_start)
    if isinstance(view, Message):
        s.lines.append(render(view, lang))
    return s


# -- innovation -------------------------------------------------------------------------
def innovation_management(ws: Workspace, f: Filters, lang: str) -> Section:
    if inn.initiatives(ws).empty:
        return _missing("innovation", lang, "initiatives")
    s = _section("innovation", lang)
    cases = inn.business_cases(ws, RATE, YEARS, DELAY)
    whole = inn.portfolio_case(ws, RATE, YEARS, DELAY)
    if whole is not None:
        s.lines.append(
            t("report.cases_line", lang, n=len(cases), rate=RATE, years=YEARS, npv=whole.npv)
        )
    stages = inn.funnel(ws, f.end or date.today()).frame
    stage_names = [t(STAGES.get(v, STAGES["other"]), lang) for v in stages["stage"]]
    s.figures.append(
        figure(
            charts.funnel_chart(
                stages.assign(stage=stage_names),
                t("innovation.funnel", lang),
                {
                    "stage": t("innovation.axis.stage", lang),
                    "count": t("innovation.axis.initiatives", lang),
                    "investment": t("innovation.axis.investment", lang),
                },
            ),
            lang,
            t("report.funnel", lang),
            pd.DataFrame(
                {col("stage", lang): stage_names, col("initiatives", lang): stages["count"]}
            ),
            kind="bar",
        )
    )
    s.tables.append(
        Table(
            t("report.cases", lang),
            pd.DataFrame(
                {
                    col("initiative", lang): cases["initiative_id"],
                    col("name", lang): cases["name"],
                    col("stage", lang): [
                        t(STAGES.get(v, STAGES["other"]), lang) for v in cases["stage"]
                    ],
                    col("investment", lang): cases["investment"],
                    col("benefit", lang): cases["expected_annual_benefit"],
                    col("roi", lang): cases["roi"],
                    col("npv", lang): cases["npv"],
                    col("payback", lang): cases["payback_years"],
                }
            ),
            kinds={
                col("investment", lang): "int",
                col("benefit", lang): "int",
                col("roi", lang): "pct",
                col("npv", lang): "int",
                col("payback", lang): "num1",
            },
        )
    )
    return s


# -- risk -------------------------------------------------------------------------------
def risk_management(ws: Workspace, f: Filters, lang: str) -> Section:
    if not ws.has_rows("risks") and not ws.has_rows("tickets"):
        return _missing("risk", lang, "risks")
    view = risk.analyse(ws, f)
    s = _section("risk", lang)
    reg = view.register
    if view.has_register:
        open_ = reg[~reg["closed"]]
        s.lines.append(
            t(
                "report.risk_line",
                lang,
                open=len(open_),
                severe=int(open_["residual_band"].isin(["critical", "high"]).sum()),
                appetite=int(open_["out_of_appetite"].sum()),
                overdue=int(open_["overdue"].sum()),
            )
        )
        s.figures.append(_heat_map(view, lang))
        top = risk.top_risks(reg, 10)
        band = col("band", lang)
        s.tables.append(
            Table(
                t("report.top_risks", lang),
                pd.DataFrame(
                    {
                        col("risk", lang): top["risk_id"],
                        col("title", lang): top["title"],
                        col("owner", lang): top["owner"],
                        col("score", lang): top["residual_score"],
                        band: [
                            t(f"risk.band.{b}", lang) if b in risk.BANDS else ""
                            for b in top["residual_band"]
                        ],
                    }
                ),
                kinds={col("score", lang): "int"},
                rag=(band, [BAND_RAG.get(b, "none") for b in top["residual_band"]]),
            )
        )
    summary = view.kri.summary
    if view.has_tickets and not summary.empty:
        counts = summary["status"].value_counts()
        s.lines.append(
            t(
                "report.kri_line",
                lang,
                red=int(counts.get("red", 0)),
                amber=int(counts.get("amber", 0)),
                green=int(counts.get("green", 0)),
            )
        )
        status = col("status", lang)
        statuses = [v if v in ("red", "amber", "green") else "none" for v in summary["status"]]
        s.tables.append(
            Table(
                t("report.kris", lang),
                pd.DataFrame(
                    {
                        col("indicator", lang): [
                            t(f"risk.kri.{k}", lang) for k in summary["indicator"]
                        ],
                        col("scope", lang): summary["scope"]
                        .astype(object)
                        .where(summary["scope"].notna(), ""),
                        col("value", lang): summary["value"].astype(object),
                        status: [t(f"risk.status.{v}", lang) for v in statuses],
                    }
                ),
                kinds={
                    col("value", lang): [
                        "pct" if risk.INDICATORS[k].unit == "share" else "num1"
                        for k in summary["indicator"]
                    ]
                },
                rag=(status, statuses),
            )
        )
    return s


# The words of the heat map's axes, legend and cells (the Risk page's own).
HEAT_WORDS = ("likelihood", "impact", "score", "band", "count", "ids", "more", "appetite")


def _heat_map(view: risk.RiskView, lang: str) -> Figure:
    """The residual heat map as the Risk page draws it by default (the default appetite
    line, no arrows), its cells' counts and ids as its data."""
    cells = view.cells["residual"]
    title = t("report.heat_map", lang)
    spec = charts.risk_heat_chart(
        cells,
        None,
        {w: t(f"risk.chart.{w}", lang) for w in HEAT_WORDS},
        appetite=risk.DEFAULT_APPETITE,
        bands={b: t(f"risk.band.{b}", lang) for b in risk.BANDS},
        title=title,
        size=460,
    )
    held = cells[cells["count"] > 0].sort_values(["likelihood", "impact"], ascending=False)
    data = pd.DataFrame(
        {
            col("likelihood", lang): held["likelihood"],
            col("impact", lang): held["impact"],
            col("band", lang): [t(f"risk.band.{b}", lang) for b in held["band"]],
            col("count", lang): held["count"],
            col("risks", lang): held["ids"],
        }
    )
    # Square, at its own size: not stretched to the page, nor squeezed to a set height.
    spec = charts.localised(charts.sized(spec), lang).to_dict()
    return Figure(title, spec, data.reset_index(drop=True), kind=None, stretch=False)


BUILDERS: dict[str, Callable[[Workspace, Filters, str], Section]] = {
    "overview": overview,
    "process": process_design,
    "resource": resource_management,
    "quality": quality_control,
    "performance": performance_evaluation,
    "cost": cost_control,
    "innovation": innovation_management,
    "risk": risk_management,
}
assert tuple(BUILDERS) == AREAS
assert all(k in STRINGS for k in TITLES.values())
