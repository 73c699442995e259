"""Process design: where work waits, loops and bounces."""

from dataclasses import replace

import streamlit as st

from svcops import charts, process
from svcops.i18n import t
from svcops.i18n.process import DERIVED_STEPS, EVENT_SOURCES
from ui import page, state

ctx = state.page("process.title")
lang, f = ctx.lang, ctx.filters

COUNTRIES = ["", "US", "GB", "CN", "DE", "FR", "IN", "AU", "CA", "JP", "NL", "ES", "IT", "SG"]
LABELS = {
    "cases": "process.label.cases",
    "events": "process.label.events",
    "median": "process.label.median",
    "mean": "process.label.mean",
    "p90": "process.label.p90",
    "total": "process.label.total",
}
COLOURS = {"frequency": "process.colour.frequency", "time": "process.colour.time"}
BY = {"team": "process.by.team", "resource": "process.by.resource"}
COMPARE = {"previous": "process.compare.previous", "teams": "process.compare.teams"}
CHANGES = {
    "appeared": "process.change.appeared",
    "vanished": "process.change.vanished",
    "both": "process.change.both",
}
DERIVED, SOURCES = DERIVED_STEPS, EVENT_SOURCES
NO_HANDOVERS = {
    "events": "process.no_handover_data.events",
    "tickets": "process.no_handover_data.tickets",
}
SERIES = {
    "arrivals": "process.flow_series.arrivals",
    "completions": "process.flow_series.completions",
    "wip": "process.flow_series.wip",
}
COLUMNS = {
    "source": "process.col.source",
    "target": "process.col.target",
    "cases": "process.col.cases",
    "events": "process.col.events",
    "median_hours": "process.col.median_hours",
    "mean_hours": "process.col.mean_hours",
    "p90_hours": "process.col.p90_hours",
    "total_hours": "process.col.total_hours",
    "breach_share": "process.col.breach_share",
    "activity": "process.col.activity",
    "variant": "process.col.variant",
    "activities": "process.col.activities",
    "steps": "process.col.steps",
    "share": "process.col.share",
    "cumulative": "process.col.cumulative",
    "repeat_cases": "process.col.repeat_cases",
    "repeat_share": "process.col.repeat_share",
    "self_loops": "process.col.self_loops",
    "from_activity": "process.col.from_activity",
    "to_activity": "process.col.to_activity",
    "times": "process.col.times",
    "from_who": "process.col.from_who",
    "to_who": "process.col.to_who",
    "handovers": "process.col.handovers",
    "a": "process.col.a",
    "b": "process.col.b",
    "bounces": "process.col.bounces",
    "team": "process.col.team",
    "change": "process.col.change",
    "cases_before": "process.col.cases_before",
    "cases_after": "process.col.cases_after",
    "share_change": "process.col.share_change",
    "median_before": "process.col.median_before",
    "median_after": "process.col.median_after",
    "median_change": "process.col.median_change",
}
HOURS, COUNT, SHARE = "{:,.1f}", "{:,}", "{:.1%}"


def heading(column: str) -> str:
    return t(COLUMNS[column], lang) if column in COLUMNS else column


def show(frame, formats: dict[str, str] | None = None, where=st, **kwargs) -> None:
    """A table with this page's column headings; counts with thousands separators."""
    counts = {c: COUNT for c in frame.select_dtypes("integer").columns}
    page.table(
        frame.rename(columns=heading),
        where,
        formats={heading(c): v for c, v in {**counts, **(formats or {})}.items()},
        **kwargs,
    )


# -- settings: how durations are measured (hidden when presenting) ---------------------
page.defaults(
    "process",
    {
        "business": False,
        "country": "US",
        "skip_waiting": False,
        "colour": "frequency",
        "label": "cases",
        "by": "team",
        "compare": "previous",
        "pick": 0,
    },
)
if not ctx.presenter:
    with st.expander(t("process.settings", lang)):
        c1, c2, c3 = st.columns(3)
        c1.toggle(t("process.clock.business", lang), key="process_business")
        c2.selectbox(
            t("process.country", lang),
            COUNTRIES,
            key="process_country",
            format_func=lambda c: c or t("process.country.none", lang),
            disabled=not page.setting("process", "business"),
        )
        c3.toggle(t("process.skip_waiting", lang), key="process_skip_waiting")
business = bool(page.setting("process", "business"))
clock = process.Clock(
    business=business,
    country=(page.setting("process", "country") or None) if business else None,
    skip_waiting=bool(page.setting("process", "skip_waiting")),
)


# -- which tickets: all, or those through a clicked activity or path ---------------------
def picked(selection) -> process.Through | None:
    """The activity or edge clicked on the map, from the chart's selection state."""
    chosen = (selection or {}).get("selection", {})
    node = [p for p in chosen.get("node", []) if isinstance(p.get("activity"), str)]
    edge = [
        p
        for p in chosen.get("edge", [])
        if isinstance(p.get("source"), str) and isinstance(p.get("target"), str)
    ]
    last = st.session_state.get("process_last_pick")
    found = [process.Through(node[0]["activity"])] if node else []
    if edge:  # judged on the activities of the map it was clicked on
        found.append(
            process.Through(
                edge[0]["source"], edge[0]["target"], st.session_state.get("process_kept", ())
            )
        )
    fresh = [p for p in found if p != last] or found
    return fresh[0] if fresh else None


map_key = f"process_map_{page.setting('process', 'pick')}"
through = picked(st.session_state.get(map_key))
st.session_state["process_last_pick"] = through
view = page.query(process.analyse, f, through, clock)
pm = view.map
names = {process.START: t("process.start", lang), process.END: t("process.end", lang)}
if view.source == "tickets":
    names |= {a: t(k, lang) for a, k in DERIVED.items()}


def name(activity: str) -> str:
    return names.get(activity, activity)


if pm.cases == 0:
    span = page.query(process.event_span)
    st.info(
        page.words(
            "process.no_cases",
            start=f.start,
            end=f.end,
            first=span[0] if span else "—",
            last=span[1] if span else "—",
        )
    )
    st.stop()

events = int(pm.nodes.loc[~pm.nodes["activity"].isin([process.START, process.END]), "events"].sum())
st.caption(page.words(SOURCES[view.source], events=events, cases=pm.cases))
if through is not None:
    what = (
        ("process.through.node", {"activity": name(through.source)})
        if through.target is None
        else (
            "process.through.edge",
            {"source": name(through.source), "target": name(through.target)},
        )
    )
    left, right = st.columns([4, 1])
    left.info(page.words(what[0], cases=pm.cases, **what[1]))
    right.button(
        t("process.through.clear", lang),
        on_click=lambda: st.session_state.update(
            process_pick=page.setting("process", "pick") + 1, process_last_pick=None
        ),
    )
if business or clock.skip_waiting:
    waiting = [a for a in pm.activities if process.is_waiting(a)]
    note = (
        t(
            "process.clock_note.business",
            lang,
            holidays=t("process.clock_note.holidays", lang, country=clock.country)
            if clock.country
            else "",
        )
        if business
        else ""
    )
    if clock.skip_waiting:
        note += (
            t("process.clock_note.waiting", lang)
            + " "
            + (
                page.words("process.waiting_states", names=", ".join(map(name, waiting)))
                if waiting
                else t("process.no_waiting_states", lang)
            )
        )
    st.caption(note.strip())

# -- the process map ---------------------------------------------------------------------
st.subheader(t("process.map", lang))
# A dense map opens simplified (about 25 activities, 24 paths); the sliders show more.
page.defaults(
    "process",
    {
        "activities": 100
        if len(pm.activities) <= 25
        else max(5, 2500 // len(pm.activities) // 5 * 5),
        "paths": process.default_paths(pm.edges, len(pm.activities)),
    },
)
if not ctx.presenter:
    c1, c2, c3, c4 = st.columns(4)
    c1.slider(t("process.activities_slider", lang), 5, 100, key="process_activities", step=5)
    c2.slider(t("process.paths_slider", lang), 0, 100, key="process_paths", step=5)
    c3.segmented_control(
        t("process.colour", lang),
        list(COLOURS),
        key="process_colour",
        format_func=lambda c: t(COLOURS[c], lang),
    )
    c4.selectbox(
        t("process.label", lang),
        list(LABELS),
        key="process_label",
        format_func=lambda c: t(LABELS[c], lang),
    )
share = page.setting("process", "activities") / 100
shown = pm if share >= 1 else page.query(process.process_map, f, through, clock, share)
st.session_state["process_kept"] = shown.kept if shown.simplified else ()
edges = process.simplify(shown.edges, page.setting("process", "paths") / 100)
layout = process.layout(
    edges,
    [n for n in shown.nodes["activity"] if n in set(edges["source"]) | set(edges["target"])],
    scale=1.35 if ctx.presenter else 1.0,
    max_width=1050 if ctx.presenter else 800,
)
titles = {c: heading(c) for c in COLUMNS} | {
    "open_cases": t("process.col.cases", lang),
    "q10_hours": t("process.col.q10_hours", lang),
    "q25_hours": t("process.col.q25_hours", lang),
    "q75_hours": t("process.col.q75_hours", lang),
    "legend_frequency": t("process.legend.frequency", lang),
    "legend_time": t("process.legend.time", lang),
}
spec = charts.process_map_chart(
    layout,
    shown.nodes,
    edges,
    colour=page.setting("process", "colour") or "frequency",
    label=page.setting("process", "label"),
    names=names,
    hours=t("process.hours", lang),
    titles=titles,
)
# Drawn at its own size (its pixels are the layout's), so not through page.chart, and
# clickable: a click on an activity or a path reruns the page with the selection.
st.altair_chart(
    charts.sized(charts.localised(spec, lang, ctx.presenter)),
    width="content",
    on_select="rerun",
    selection_mode=["node", "edge"],
    key=map_key,
)
st.caption(
    page.words(
        "process.map_caption",
        cases=pm.cases,
        shown=len(shown.kept),
        activities=len(pm.activities),
        paths=len(edges),
        all_paths=len(shown.edges),
    )
)
if not ctx.presenter:
    with st.expander(t("process.map_download", lang)):
        paths = pm.edges.assign(
            source=pm.edges["source"].map(name), target=pm.edges["target"].map(name)
        )
        show(
            paths.drop(columns="breached_cases"),
            {"median_hours": HOURS, "mean_hours": HOURS, "p90_hours": HOURS, "total_hours": HOURS},
            height=300,
        )
        page.download(pm.edges, "svcops-process-paths.csv")

# -- variants ----------------------------------------------------------------------------
st.subheader(t("process.variants", lang))
variants = view.variants
top = int((variants["cumulative"] < 0.8).sum()) + 1
st.caption(
    page.words(
        "process.variants_caption",
        n=len(variants),
        top=min(top, len(variants)),
        share=float(variants["cumulative"].iloc[min(top, len(variants)) - 1]),
    )
)
left, right = st.columns(2)
pareto = process.variant_pareto(variants)
page.chart(
    charts.pareto_chart(
        pareto,
        "variant",
        t("process.variant_pareto", lang),
        {
            "count": t("process.axis.tickets", lang),
            "cumulative": t("process.axis.cumulative", lang),
            "category": t("process.col.variant", lang),
            "share": t("process.col.share", lang),
        },
    ),
    left,
)
page.chart(
    charts.bar_chart(
        variants.head(10).assign(variant=pareto["variant"].head(10)),
        "variant",
        "median_hours",
        t("process.variant_times", lang),
        x_title=t("process.col.variant", lang),
        y_title=t("process.axis.hours", lang),
        sort=pareto["variant"].head(10).tolist(),
    ),
    right,
)
rows = 8 if ctx.presenter else 20
shown_variants = variants.head(rows).assign(
    activities=variants["activities"]
    .head(rows)
    .map(lambda p: process.ARROW.join(name(a) for a in p.split(process.ARROW)))
)
show(
    shown_variants,
    {"share": SHARE, "cumulative": SHARE, "median_hours": HOURS},
    height=min(38 * (len(shown_variants) + 1), 420),
)
if not ctx.presenter:
    page.download(variants, "svcops-process-variants.csv")

# -- rework, reopens and handovers ----------------------------------------------------------
st.subheader(t("process.lenses", lang))
left, right = st.columns(2)
rw = view.rework
left.markdown(
    page.words(
        "process.rework_caption",
        rework=rw.rework_cases,
        cases=rw.cases,
        share=rw.rework_cases / rw.cases if rw.cases else 0.0,
        reopened=rw.reopened,
        reopened_share=rw.reopened / rw.cases if rw.cases else 0.0,
    )
)
repeated = rw.activities[rw.activities["repeat_cases"] > 0]
if len(repeated):
    left.markdown(f"**{t('process.repeats', lang)}**")
    show(
        repeated.assign(activity=repeated["activity"].map(name))[
            ["activity", "repeat_cases", "repeat_share", "self_loops"]
        ],
        {"repeat_share": SHARE},
        left,
    )
if rw.reopen_source == "tickets":
    left.caption(t("process.reopen_from_count", lang))
else:
    left.markdown(f"**{t('process.loops', lang)}**")
    if rw.loops.empty:
        left.caption(t("process.no_loops", lang))
    else:
        show(
            rw.loops.head(10).assign(
                from_activity=rw.loops["from_activity"].head(10).map(name),
                to_activity=rw.loops["to_activity"].head(10).map(name),
            ),
            where=left,
        )

if not ctx.presenter:
    right.segmented_control(
        t("process.by", lang), list(BY), key="process_by", format_func=lambda b: t(BY[b], lang)
    )
by = page.setting("process", "by") or "team"
ho = view.handovers[by]
if not ho.known or (view.source == "tickets"):
    right.info(t(NO_HANDOVERS[view.source], lang))
else:
    right.markdown(
        page.words(
            "process.handover_caption",
            alone=ho.no_handover_share or 0.0,
            pingpong=ho.ping_pong_cases,
        )
    )
    page.chart(
        charts.bar_chart(
            ho.reassignments,
            "handovers",
            "cases",
            t("process.reassignments", lang),
            x_title=t("process.axis.reassignments", lang),
            y_title=t("process.axis.tickets", lang),
            sort=list(process.BUCKETS),
        ),
        right,
    )
    if len(ho.matrix):
        hours = t("process.hours", lang)
        page.chart(
            charts.handover_chart(
                ho.matrix.head(400), t("process.matrix", lang), hours=hours, titles=titles
            )
        )
    st.markdown(f"**{t('process.ping_pong', lang)}**")
    if ho.ping_pong.empty:
        st.caption(t("process.no_ping_pong", lang))
    else:
        show(ho.ping_pong.head(10))

# -- bottlenecks --------------------------------------------------------------------------
st.subheader(t("process.bottlenecks", lang))
slow_edges, slow_steps = process.bottlenecks(pm)
if len(slow_edges) and slow_edges["total_hours"].sum() > 0:
    first = slow_edges.iloc[0]
    waiting = float(slow_edges["total_hours"].sum())
    said = page.words(
        "process.bottleneck_caption",
        source=name(first["source"]),
        target=name(first["target"]),
        share=float(first["total_hours"]) / waiting,
        breach=float(first["breach_share"])
        if first["breach_share"] == first["breach_share"]
        else 0.0,
    )
    working = slow_edges[~slow_edges["after_done"]]
    if first["after_done"] and len(working):
        said += page.words(
            "process.bottleneck_before",
            source=name(working.iloc[0]["source"]),
            target=name(working.iloc[0]["target"]),
            share=float(working.iloc[0]["total_hours"]) / waiting,
        )
    st.caption(said)
    ranked = slow_edges.head(10).assign(
        source=slow_edges["source"].head(10).map(name),
        target=slow_edges["target"].head(10).map(name),
    )
    bars = ranked.assign(path=ranked["source"] + process.ARROW + ranked["target"])
    left, right = st.columns(2)
    page.chart(
        charts.bar_chart(
            bars,
            "path",
            "total_hours",
            t("process.bottleneck_paths", lang),
            x_title="",
            y_title=t("process.axis.hours", lang),
            horizontal=True,
            sort=bars["path"].tolist(),
        ),
        left,
    )
    page.chart(
        charts.stage_chart(
            shown.nodes if not shown.simplified else pm.nodes,
            t("process.stage_times", lang),
            names=names,
            axis_title=t("process.axis.hours", lang),
            titles=titles,
        ),
        right,
    )
    # Presenting, each table has the screen's width: side by side at presenter type,
    # their last columns (total hours, share of SLA breaches) were cut off.
    left, right = (st, st) if ctx.presenter else st.columns(2)
    left.markdown(f"**{t('process.bottleneck_paths_table', lang)}**")
    show(
        ranked.drop(columns="after_done"),
        {"mean_hours": HOURS, "p90_hours": HOURS, "total_hours": HOURS, "breach_share": SHARE},
        left,
    )
    right.markdown(f"**{t('process.bottleneck_steps', lang)}**")
    steps = slow_steps.head(10)
    show(
        steps.assign(activity=steps["activity"].map(name)).drop(columns="after_done"),
        {"median_hours": HOURS, "p90_hours": HOURS, "total_hours": HOURS, "breach_share": SHARE},
        right,
    )
    waits = process.team_waits(pm)
    if len(waits) and view.source == "events":
        st.markdown(f"**{t('process.team_waits', lang)}**")
        st.caption(t("process.team_waits_note", lang))
        show(
            waits.head(12).assign(activity=waits["activity"].head(12).map(name)),
            {"median_hours": HOURS, "p90_hours": HOURS, "total_hours": HOURS},
        )

# -- flow ---------------------------------------------------------------------------------
st.subheader(t("process.flow", lang))
flow = page.query(process.flow, f, through)
page.chart(
    charts.flow_chart(
        flow,
        t("process.flow_chart", lang),
        {k: t(key, lang) for k, key in SERIES.items()},
        x_title=t("axis.period", lang),
        y_title=t("process.axis.tickets", lang),
    )
)
check = page.query(process.little, f, through)
st.markdown(page.words(check.message))

# -- compare -------------------------------------------------------------------------------
st.subheader(t("process.compare", lang))
if not ctx.presenter:
    st.segmented_control(
        t("process.compare.with", lang),
        list(COMPARE),
        key="process_compare",
        format_func=lambda c: t(COMPARE[c], lang),
    )
mode = page.setting("process", "compare") or "previous"
teams = ctx.dims.get("team", [])
pair = None
if mode == "previous":
    before_f = f.previous()
    pair = (page.query(process.process_map, before_f, through, clock), pm)
    st.caption(
        page.words(
            "process.compare.periods",
            before_start=before_f.start,
            before_end=before_f.end,
            after_start=f.start,
            after_end=f.end,
        )
    )
elif len(teams) < 2:
    st.info(t("process.compare.no_teams", lang))
else:
    page.defaults("process", {"team_a": teams[0], "team_b": teams[1]})
    if not ctx.presenter:
        c1, c2 = st.columns(2)
        c1.selectbox(t("process.compare.team_a", lang), teams, key="process_team_a")
        c2.selectbox(t("process.compare.team_b", lang), teams, key="process_team_b")
    pair = tuple(
        page.query(
            process.process_map, replace(f, teams=(page.setting("process", k),)), through, clock
        )
        for k in ("team_a", "team_b")
    )
if pair is not None:
    diff = process.compare_maps(*pair)
    counts = diff["change"].value_counts()
    st.caption(
        page.words(
            "process.compare.caption",
            appeared=int(counts.get("appeared", 0)),
            vanished=int(counts.get("vanished", 0)),
            changed=int(counts.get("both", 0)),
        )
    )
    table = diff.head(25).assign(
        source=diff["source"].head(25).map(name),
        target=diff["target"].head(25).map(name),
        change=diff["change"].head(25).map(lambda c: t(CHANGES[c], lang)),
        share_change=diff["share_change"].head(25) * 100,
    )
    show(
        table[
            [
                "source",
                "target",
                "change",
                "cases_before",
                "cases_after",
                "share_change",
                "median_before",
                "median_after",
                "median_change",
            ]
        ],
        {
            "share_change": "{:+.1f}",
            "median_before": HOURS,
            "median_after": HOURS,
            "median_change": "{:+,.1f}",
        },
    )
    if not ctx.presenter:
        page.download(diff, "svcops-process-compare.csv")
