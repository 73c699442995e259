"""Risk management: what could hurt the service, from the register and the service's
own data."""

from datetime import date

import streamlit as st

from svcops import charts, risk
from svcops.i18n import render, t
from ui import page, state

ctx = state.page("risk.title", needs_tickets=False)
lang, f = ctx.lang, ctx.filters
band_name, basis_name = page.named("risk.band"), page.named("risk.basis")
change_name, status_name = page.named("risk.change"), page.named("risk.status")
# A register's status as the importer normalised it (open, closed, ...), in the page's
# language; a status of the register's own (Mitigating) is shown as written.
register_status = page.named("risk.register_status")
COLUMNS = {
    "risk_id": "risk.col.risk_id",
    "title": "risk.col.title",
    "category": "risk.col.category",
    "owner": "risk.col.owner",
    "status": "risk.col.status",
    "inherent": "risk.col.inherent",
    "score": "risk.col.score",
    "band": "risk.col.band",
    "residual": "risk.col.residual",
    "residual_score": "risk.col.residual_score",
    "residual_band": "risk.col.residual_band",
    "target": "risk.col.target",
    "mitigation": "risk.col.mitigation",
    "due_date": "risk.col.due_date",
    "days_overdue": "risk.col.days_overdue",
    "last_review": "risk.col.last_review",
    "next_review": "risk.col.next_review",
    "indicators": "risk.col.indicators",
    "review": "risk.col.review",
    "change": "risk.col.change",
    "before": "risk.col.before",
    "after": "risk.col.after",
    "on": "risk.col.on",
    "indicator": "risk.col.indicator",
    "scope": "risk.col.scope",
    "value": "risk.col.value",
    "kri_status": "risk.col.kri_status",
    "red_run": "risk.col.red_run",
    "amber": "risk.col.amber",
    "red": "risk.col.red",
    "periods": "risk.col.periods",
    "direction": "risk.col.direction",
    "trend": "risk.col.trend",
    "linked": "risk.col.linked",
    "about": "risk.col.about",
}
# The words of the charts' axes, legends and tooltips.
CHART = {
    "likelihood": "risk.chart.likelihood",
    "impact": "risk.chart.impact",
    "score": "risk.chart.score",
    "band": "risk.chart.band",
    "count": "risk.chart.count",
    "ids": "risk.chart.ids",
    "more": "risk.chart.more",
    "from": "risk.chart.from",
    "to": "risk.chart.to",
    "appetite": "risk.chart.appetite",
    "end": "risk.chart.end",
    "value": "risk.chart.value",
    "status": "risk.chart.status",
    "threshold": "risk.chart.threshold",
    "amber": "risk.chart.amber",
    "red": "risk.chart.red",
}
# Band -> the red/amber/green colour a table cell is painted with.
BAND_RAG = {"critical": "red", "high": "amber", "medium": "none", "low": "green"}


def heading(column: str) -> str:
    return t(COLUMNS[column], lang) if column in COLUMNS else column


DATES = ("due_date", "last_review", "next_review", "on")


def show(frame, where=st, **kwargs) -> None:
    """A table with this page's column headings; dates as YYYY-MM-DD (blank when none)."""
    rag = kwargs.pop("rag", None)
    if rag is not None:
        rag = (heading(rag[0]), rag[1])
    formats = {heading(c): _day for c in DATES if c in frame.columns}
    page.table(frame.rename(columns=heading), where, rag=rag, formats=formats, **kwargs)


def _day(value) -> str:
    return value.strftime("%Y-%m-%d")


scope_of = risk.scope_key


def scoped(indicator: str, scope):
    """The periods of one indicator in one scope (None: the unscoped series)."""
    return risk.scoped_series(series, indicator, scope)


def kri_name(key: str) -> str:
    return t(f"risk.kri.{key}", lang)


def kri_value(key: str, value) -> str:
    """An indicator's value in its unit: shares as percent, hours and days as numbers."""
    if value is None or value != value:
        return "—"
    unit = risk.INDICATORS[key].unit
    if key == "downtime_share":
        return f"{value:.2%}"
    if unit == "share":
        return f"{value:+.0%}" if key == "backlog_growth" else f"{value:.0%}"
    return f"{value:,.0f}" if unit == "days" else f"{value:,.1f}"


# -- settings: bands, appetite, review cycle, last review -----------------------------
page.defaults(
    "risk",
    {
        "critical": 20,
        "high": 12,
        "medium": 6,
        "appetite": risk.DEFAULT_APPETITE,
        "review_days": risk.DEFAULT_REVIEW_DAYS,
        "basis": "residual",
        "arrows": True,
        "pick": 0,
        "since": None,
    },
)
if not ctx.presenter:
    with st.expander(t("risk.settings", lang)):
        c1, c2, c3, c4, c5, c6 = st.columns(6)
        c1.number_input(t("risk.band_critical", lang), 2, 25, step=1, key="risk_critical")
        c2.number_input(t("risk.band_high", lang), 2, 25, step=1, key="risk_high")
        c3.number_input(t("risk.band_medium", lang), 2, 25, step=1, key="risk_medium")
        c4.number_input(t("risk.appetite", lang), 1, 26, step=1, key="risk_appetite")
        c5.number_input(t("risk.review_days", lang), 1, 730, step=1, key="risk_review_days")
        c6.date_input(t("risk.since", lang), key="risk_since", format="YYYY-MM-DD")
try:
    bands = risk.Bands(
        int(page.setting("risk", "critical")),
        int(page.setting("risk", "high")),
        int(page.setting("risk", "medium")),
    )
except risk.RiskError as exc:
    st.error(page.words(exc))
    bands = risk.Bands()
appetite = int(page.setting("risk", "appetite"))
since = page.setting("risk", "since")
since = since if isinstance(since, date) else None

# Read uncached: saving thresholds or a score changes them without changing the data.
thresholds = risk.load_thresholds(ctx.ws)
history = risk.load_history(ctx.ws)
# The indicators (the costly part) are cached per filters and thresholds; the register
# around them is quick and follows every setting and decision.
kri = page.query(risk.indicators, f, thresholds)
view = risk.analyse(
    ctx.ws,
    f,
    bands,
    appetite,
    since,
    int(page.setting("risk", "review_days")),
    thresholds,
    history,
    kri=kri,
)
reg = view.register
st.caption(page.words("risk.as_of", as_of=view.as_of, periods=risk.PERIODS, days=risk.PERIOD_DAYS))
if not view.has_register:
    st.info(t("risk.upload.register", lang))
if not view.has_tickets:
    st.info(t("risk.upload.tickets", lang))
if not view.has_register and not view.has_tickets:
    st.stop()

# -- headline figures ------------------------------------------------------------------
open_ = reg[~reg["closed"]]
if view.has_register:
    cols = st.columns(6)
    figures = [
        ("risk.metric.open", len(open_)),
        ("risk.metric.severe", int(open_["residual_band"].isin(["critical", "high"]).sum())),
        ("risk.metric.appetite", int(open_["out_of_appetite"].sum())),
        ("risk.metric.overdue", int(open_["overdue"].sum())),
        ("risk.metric.stale", int(open_["stale"].sum())),
        ("risk.metric.review", int(open_["review"].sum())),
    ]
    for col, (key, n) in zip(cols, figures, strict=True):
        col.metric(t(key, lang), f"{n:,}")
    st.caption(
        t(
            "risk.bands_caption",
            lang,
            critical=bands.critical,
            high=bands.high,
            medium=bands.medium,
            appetite=appetite,
        )
    )

# -- breach to review ------------------------------------------------------------------
series = view.kri.series
summary = view.kri.summary
st.subheader(t("risk.review.heading", lang))
if len(view.suggestions):
    for rid, rows in view.suggestions.groupby("risk_id", sort=False):
        # Worded unescaped here: the sentence below escapes it once.
        evidence = t("common.list_sep", lang).join(
            t(
                "risk.review.evidence",
                lang,
                indicator=t(
                    "risk.review.where",
                    lang,
                    indicator=kri_name(r.indicator),
                    scope=scope_of(r.scope),
                )
                if scope_of(r.scope)
                else kri_name(r.indicator),
                run=r.red_run,
            )
            for r in rows.itertuples()
        )
        st.warning(
            page.words("risk.review.item", risk=rid, title=rows["title"].iloc[0], evidence=evidence)
        )
        with st.expander(page.words("risk.evidence", indicator=rid)):
            for r in rows.itertuples():
                mine = scoped(r.indicator, r.scope)
                limits = summary.set_index("indicator").loc[r.indicator]
                page.chart(
                    charts.kri_chart(
                        mine,
                        float(limits["amber"]),
                        float(limits["red"]),
                        {
                            c: t(CHART[c], lang)
                            for c in ("end", "value", "status", "threshold", "amber", "red")
                        },
                        percent=risk.INDICATORS[r.indicator].unit == "share",
                        title=f"{kri_name(r.indicator)} — {r.scope}"
                        if scope_of(r.scope)
                        else kri_name(r.indicator),
                        statuses={s: status_name(s) for s in ("green", "amber", "red")},
                    )
                )
else:
    reds = summary[summary["review"]]
    if len(reds):
        st.info(
            page.words("risk.review.none_linked", names=", ".join(map(kri_name, reds["indicator"])))
        )
    else:
        st.caption(t("risk.review.none", lang))

if view.has_register and not ctx.presenter:
    with st.expander(t("risk.review.decide", lang)):
        st.caption(t("risk.review.help", lang))
        ids = list(reg["risk_id"])
        suggested = list(dict.fromkeys(view.suggestions["risk_id"]))
        default = ids.index(suggested[0]) if suggested else 0
        picked = st.selectbox(
            t("risk.review.risk", lang),
            ids,
            index=default,
            format_func=lambda r: f"{r} {reg.set_index('risk_id').loc[r, 'title']}",
            key="risk_decide_risk",
        )
        row = reg.set_index("risk_id").loc[picked]
        c1, c2, c3, c4, c5 = st.columns(5)
        levels = list(range(1, 6))
        # Keyed per risk, so picking another risk starts from its own ratings.
        lik, imp, r_lik, r_imp = (
            col.selectbox(
                t(label, lang),
                levels,
                index=int(row[field]) - 1,
                key=f"risk_decide_{field}_{picked}",
            )
            for col, label, field in (
                (c1, "risk.decide.likelihood", "likelihood"),
                (c2, "risk.decide.impact", "impact"),
                (c3, "risk.decide.residual_likelihood", "residual_likelihood"),
                (c4, "risk.decide.residual_impact", "residual_impact"),
            )
        )
        day = c5.date_input(t("risk.review.date", lang), value=date.today(), format="YYYY-MM-DD")
        c6, c7 = st.columns([1, 3])
        by = c6.text_input(t("risk.review.by", lang))
        note = c7.text_input(t("risk.review.note", lang))
        if ctx.source == "sample":
            st.caption(t("risk.review.sample_readonly", lang))
        elif st.button(t("risk.review.save", lang), type="primary"):
            try:
                risk.record_score(
                    ctx.ws, picked, day, lik, imp, r_lik, r_imp, changed_by=by, note=note
                )
            except ValueError as exc:
                st.error(page.words(exc))
            else:
                st.success(
                    page.words(
                        "risk.review.saved",
                        risk=picked,
                        score=lik * imp,
                        residual=r_lik * r_imp,
                        day=day,
                    )
                )
                st.rerun()

# -- heat map ------------------------------------------------------------------------------
picked_cell = None
if view.has_register:
    st.subheader(t("risk.heatmap", lang))
    if not ctx.presenter:
        c1, c2 = st.columns([2, 2])
        c1.segmented_control(
            t("risk.basis", lang), list(risk.BASES), key="risk_basis", format_func=basis_name
        )
        c2.toggle(t("risk.arrows", lang), key="risk_arrows")
    basis = page.setting("risk", "basis") or "residual"
    cells = view.cells[basis]
    map_key = f"risk_map_{page.setting('risk', 'pick')}"
    chosen = (st.session_state.get(map_key) or {}).get("selection", {}).get("cell", [])
    chosen = [c for c in chosen if isinstance(c.get("likelihood"), int | float)]
    if chosen:
        picked_cell = (int(chosen[0]["likelihood"]), int(chosen[0]["impact"]))
    if basis == "target" and not cells["count"].sum():
        st.info(t("risk.no_target", lang))
    titles = {
        c: t(CHART[c], lang)
        for c in (
            "likelihood",
            "impact",
            "score",
            "band",
            "count",
            "ids",
            "more",
            "from",
            "to",
            "appetite",
        )
    }
    spec = charts.risk_heat_chart(
        cells,
        view.moves if basis == "residual" and page.setting("risk", "arrows") else None,
        titles,
        appetite=appetite,
        bands={b: band_name(b) for b in risk.BANDS},
        title=basis_name(basis),
        size=600 if ctx.presenter else 540,
        # large type leaves room for two ids and a count in a cell
        ids_shown=2 if ctx.presenter else 4,
    )
    st.altair_chart(
        charts.sized(charts.localised(spec, lang, ctx.presenter)),
        width="content",
        on_select="rerun",
        selection_mode=["cell"],
        key=map_key,
    )
    st.caption(t("risk.heatmap_caption", lang, n=len(open_)))

# The rows the rest of the page shows: all, or those in the clicked cell.
shown = reg
if picked_cell is not None:
    lik_col, imp_col = {
        "inherent": ("likelihood", "impact"),
        "residual": ("residual_likelihood", "residual_impact"),
        "target": ("target_likelihood", "target_impact"),
    }[page.setting("risk", "basis") or "residual"]
    shown = reg[
        (~reg["closed"]) & (reg[lik_col] == picked_cell[0]) & (reg[imp_col] == picked_cell[1])
    ]
    left, right = st.columns([4, 1])
    left.info(
        t(
            "risk.cell_picked",
            lang,
            likelihood=picked_cell[0],
            impact=picked_cell[1],
            basis=basis_name(page.setting("risk", "basis") or "residual"),
            n=len(shown),
        )
    )
    right.button(
        t("risk.cell_clear", lang),
        on_click=lambda: st.session_state.update(risk_pick=page.setting("risk", "pick") + 1),
    )


# The register's columns a presenter's screen leaves out: it had 17, 1,400 px wide at
# 1280 px. The residual rating, its band, the target and the dates stay.
PRESENTER_LEAVES_OUT = ["category", "inherent", "score", "band", "last_review", "indicators"]


def rating(likelihood, impact) -> str:
    """A rating as the register shows it, ``4 × 3``, kept on one line (no-break spaces:
    a narrow column put it on three)."""
    return risk.rating_text(likelihood, impact).replace(" ", "\u00a0")


def register_table(frame, columns: list[str]):
    """Register rows for show: ratings as 'L × I', bands and changes worded."""
    out = frame.assign(
        inherent=[rating(a, b) for a, b in zip(frame["likelihood"], frame["impact"], strict=True)],
        residual=[
            rating(a, b)
            for a, b in zip(frame["residual_likelihood"], frame["residual_impact"], strict=True)
        ],
        target=[
            rating(a, b)
            for a, b in zip(frame["target_likelihood"], frame["target_impact"], strict=True)
        ],
        status=frame["status"].map(register_status),
        band=frame["band"].map(band_name),
        residual_band=frame["residual_band"].map(band_name),
        indicators=[", ".join(map(kri_name_or_key, keys)) for keys in frame["indicators"]],
    )
    return out[columns]


def kri_name_or_key(key: str) -> str:
    return kri_name(key) if key in risk.INDICATORS else key


if view.has_register:
    # -- top risks and what changed ------------------------------------------------------
    left, right = st.columns(2)
    left.subheader(t("risk.top", lang))
    left.caption(t("risk.top_caption", lang))
    top = risk.top_risks(shown, 10)
    show(
        register_table(top, ["risk_id", "title", "residual_score", "residual_band"]),
        left,
        rag=("residual_band", [BAND_RAG.get(b, "none") for b in top["residual_band"]]),
    )
    right.subheader(t("risk.changes", lang))
    changes = view.changes[view.changes["risk_id"].isin(shown["risk_id"])]
    if changes.empty:
        right.caption(t("risk.changes_none", lang, since=view.since, as_of=view.as_of))
    else:
        show(
            changes.assign(
                change=changes["change"].map(change_name),
                before=[risk.text_or_none(v) for v in changes["before"]],
                after=[risk.text_or_none(v) for v in changes["after"]],
            )[["risk_id", "change", "before", "after", "on"]],
            right,
        )

    # -- overdue mitigations and stale reviews ---------------------------------------------
    left, right = st.columns(2)
    left.subheader(t("risk.overdue", lang))
    overdue = shown[shown["overdue"]].sort_values("days_overdue", ascending=False)
    if overdue.empty:
        left.caption(t("risk.overdue_none", lang))
    else:
        show(overdue[["risk_id", "title", "due_date", "days_overdue"]], left)
    right.subheader(t("risk.stale", lang))
    stale = shown[shown["stale"]].sort_values("next_review", na_position="first")
    if stale.empty:
        right.caption(t("risk.stale_none", lang))
    else:
        show(stale[["risk_id", "title", "next_review"]], right)

    # -- the register ---------------------------------------------------------------------------
    st.subheader(t("risk.register", lang))
    table = register_table(
        shown,
        [
            "risk_id",
            "title",
            "category",
            "owner",
            "status",
            "inherent",
            "score",
            "band",
            "residual",
            "residual_score",
            "residual_band",
            "target",
            "due_date",
            "last_review",
            "next_review",
            "indicators",
            "review",
        ],
    )
    if ctx.presenter:  # a shared screen: the risk as it stands now and its dates
        table = table.drop(columns=PRESENTER_LEAVES_OUT)
    show(table, rag=("residual_band", [BAND_RAG.get(b, "none") for b in shown["residual_band"]]))
    if len(view.unknown):
        st.caption(
            page.words(
                "risk.unknown_links",
                links=", ".join(f"{a}: {b}" for a, b in view.unknown.itertuples(index=False)),
                known=", ".join(risk.INDICATORS),
            )
        )
    if not ctx.presenter:
        page.download(
            reg.assign(indicators=reg["indicators"].map(", ".join)), "svcops-risk-register.csv"
        )

# -- key risk indicators ---------------------------------------------------------------------
st.subheader(t("risk.kris", lang))
if view.has_tickets:
    st.caption(
        t(
            "risk.kris_caption",
            lang,
            periods=risk.PERIODS,
            days=risk.PERIOD_DAYS,
            end=view.as_of,
        )
    )
    span = risk.ahead_span(series)
    if span is not None:
        st.caption(t("risk.kris_ahead", lang, start=span[0], days=span[1]))
linked = {
    key: ", ".join(reg.loc[[key in keys for keys in reg["indicators"]], "risk_id"])
    for key in risk.INDICATORS
}
trend = []
for r in summary.itertuples():
    mine = scoped(r.indicator, r.scope)
    trend.append(
        # in time order (a forward-looking indicator's period 0 is its earliest)
        [None if v != v else float(v) for v in mine.sort_values("end")["value"]]
    )
kri_table = summary.assign(
    indicator=summary["indicator"].map(kri_name),
    scope=summary["scope"],
    value=[kri_value(k, v) for k, v in zip(summary["indicator"], summary["value"], strict=True)],
    kri_status=summary["status"].map(status_name),
    amber=[
        kri_value(k, v) if k != "backlog_growth" else f"{v:+.0%}"
        for k, v in zip(summary["indicator"], summary["amber"], strict=True)
    ],
    red=[
        kri_value(k, v) if k != "backlog_growth" else f"{v:+.0%}"
        for k, v in zip(summary["indicator"], summary["red"], strict=True)
    ],
    direction=t("risk.direction.higher_worse", lang),
    trend=trend,
    linked=[linked[k] for k in summary["indicator"]],
    # Table cells are text, not Markdown: worded without escapes.
    about=[render(n, lang) if n is not None else "" for n in summary["note"]],
)[
    [
        "indicator",
        "scope",
        "value",
        "kri_status",
        "trend",
        "red_run",
        "linked",
        "amber",
        "red",
        "periods",
        "direction",
        "about",
    ]
]
show(
    kri_table,
    rag=("kri_status", list(summary["status"])),
    whole=True,
    column_config={
        heading("trend"): st.column_config.LineChartColumn(heading("trend"), width="small")
    },
)
if view.has_tickets:
    keys = list(risk.INDICATORS)
    pick = (
        st.selectbox(t("risk.kri.pick", lang), keys, format_func=kri_name, key="risk_kri_pick")
        if not ctx.presenter
        else keys[0]
    )
    row = summary.set_index("indicator").loc[pick]
    mine = scoped(pick, row["scope"])
    if mine["value"].notna().any():
        page.chart(
            charts.kri_chart(
                mine,
                float(row["amber"]),
                float(row["red"]),
                {
                    c: t(CHART[c], lang)
                    for c in ("end", "value", "status", "threshold", "amber", "red")
                },
                percent=risk.INDICATORS[pick].unit == "share",
                title=f"{kri_name(pick)} — {row['scope']}"
                if scope_of(row["scope"])
                else kri_name(pick),
                statuses={s: status_name(s) for s in ("green", "amber", "red")},
            )
        )

if not ctx.presenter:
    with st.expander(t("risk.thresholds", lang)):
        st.caption(t("risk.thresholds_help", lang))
        ignored = thresholds.loc[thresholds["ignored"], "indicator"]
        if len(ignored):
            st.warning(
                t(
                    "risk.thresholds_ignored",
                    lang,
                    indicators=", ".join(map(kri_name, ignored)),
                    most=risk.PERIODS,
                )
            )
        edited = st.data_editor(
            thresholds.drop(columns=["stored", "ignored"]),
            hide_index=True,
            width="stretch",
            key="risk_thresholds",
            disabled=["indicator"],
            column_config={
                "indicator": st.column_config.SelectboxColumn(
                    heading("indicator"), options=list(risk.INDICATORS), format_func=kri_name
                ),
                "amber": st.column_config.NumberColumn(
                    heading("amber"), min_value=0.0, format="%.4g"
                ),
                "red": st.column_config.NumberColumn(heading("red"), min_value=0.0, format="%.4g"),
                "periods": st.column_config.NumberColumn(
                    heading("periods"), min_value=1, max_value=risk.PERIODS, step=1
                ),
            },
        )
        if ctx.source == "sample":
            st.caption(t("risk.thresholds_sample", lang))
        elif st.button(t("risk.thresholds_save", lang), type="primary"):
            try:
                saved = risk.save_thresholds(ctx.ws, edited)
            except ValueError as exc:
                st.error(page.words(exc))
            else:
                st.success(t("risk.thresholds_saved", lang, n=len(saved)))
                st.rerun()
