"""SQL explorer: one read-only SELECT over a snapshot of the workspace, the tables it can
read, example queries built from the pages' own KPI SQL, and the result as a table, a
quick chart and downloads. The query that ran is in the page's link (``q``)."""

import streamlit as st

from svcops import charts, explorer
from svcops.downloads import to_csv_bytes, to_xlsx_bytes
from svcops.i18n import t
from ui import page, state
from ui.format import escape_md

ctx = state.page("explorer.title", needs_tickets=False)
lang = ctx.lang
SNAPSHOTS = state.cache_dir() / "explorer"
FIRST_QUERY = "SELECT *\nFROM tickets\nLIMIT 100"

st.caption(
    t(
        "explorer.intro",
        lang,
        rows=explorer.DEFAULT_ROW_LIMIT,
        seconds=explorer.DEFAULT_TIMEOUT_SECONDS,
    )
)

examples = {e.key: e.sql for e in page.query(explorer.examples)}

# A link with a query opens it in the editor and runs it; after that the editor leads.
# The editor's text is also kept under a key of its own: Streamlit forgets a widget's
# value while another page is shown, and the link loses ``q`` on the way.
if "explorer_sql" not in st.session_state:
    linked = st.query_params.get("q")
    st.session_state["explorer_sql"] = (
        linked or st.session_state.get("explorer_kept") or FIRST_QUERY
    )
    if linked:
        st.session_state["explorer_ran"] = linked


def _example_picked() -> None:
    picked = st.session_state.get("explorer_example")
    if picked in examples:
        st.session_state["explorer_sql"] = examples[picked]


if ctx.presenter:
    ran = st.session_state.get("explorer_ran")
    if ran:
        st.code(ran, language="sql", wrap_lines=True)
else:
    left, right = st.columns([3, 2], gap="large")
    left.selectbox(
        t("explorer.example", lang),
        list(examples),
        index=None,
        key="explorer_example",
        format_func=lambda k: t(f"explorer.example.{k}", lang),
        placeholder=t("explorer.example_none", lang),
        on_change=_example_picked,
    )
    # SQL reads in a fixed-width font, as in any editor (our own constant stylesheet).
    st.html(
        "<style>.st-key-explorer_sql textarea {font-family: 'Source Code Pro', monospace;"
        " font-size: 0.9rem;}</style>"
    )
    left.text_area(t("explorer.query", lang), key="explorer_sql", height=260)
    st.session_state["explorer_kept"] = st.session_state["explorer_sql"]
    if left.button(t("explorer.run", lang), type="primary", key="explorer_run"):
        st.session_state["explorer_ran"] = st.session_state["explorer_sql"]
        st.session_state.pop("explorer_result", None)  # Run runs it again, whatever it was

    with right:
        tables = {table.name: table for table in page.query(explorer.schema)}
        shown = right.selectbox(
            t("explorer.schema", lang),
            list(tables),
            key="explorer_table",
            format_func=lambda n: t("explorer.table_rows", lang, table=n, rows=tables[n].rows),
        )
        if tables[shown].description:
            st.caption(t(tables[shown].description, lang))
        # A list, not a grid: the descriptions wrap in this narrow column.
        with st.container(height=250, border=True):
            for line in explorer.schema_lines(tables[shown], lang):
                st.markdown(
                    f"**{escape_md(line.name)}** · {escape_md(line.kind)}  \n"
                    f":gray[{escape_md(line.about)}]"
                )
        st.caption(t("explorer.schema_intro", lang))

# The result of the query that ran, kept for the session until another runs or the
# workspace changes (a rerun for a download or the language does not run it again).
ran = st.session_state.get("explorer_ran")
if ran:
    st.query_params["q"] = ran
    made_for = (ran, ctx.ws.path, ctx.version)
    kept = st.session_state.get("explorer_result")
    if kept is None or kept[0] != made_for:
        result = explorer.run(ctx.ws, ran, folder=SNAPSHOTS)
        kept = (made_for, result)
        st.session_state["explorer_result"] = kept
    result = kept[1]
    if result.error is not None:
        st.error(page.words(result.error))
    elif result.frame.empty:
        st.info(t("explorer.no_rows", lang))
    else:
        frame = result.frame
        # Whole numbers read with thousands separators (33,141), as on the other pages.
        counts = {
            c: st.column_config.NumberColumn(format="localized")
            for c in frame.columns
            if frame[c].dtype.kind in "iu"
        }
        st.caption(t("explorer.rows", lang, rows=len(frame), seconds=result.seconds))
        if result.too_large:
            mb = explorer.MAX_RESULT_BYTES // 2**20
            st.warning(t("explorer.truncated_size", lang, rows=len(frame), mb=mb))
        elif result.truncated:
            st.warning(t("explorer.truncated", lang, rows=result.limit))
        page.table(frame, labels=False, column_config=counts)
        if not ctx.presenter:
            # The files are made when a button is clicked, not on every rerun: up to
            # 64 MB of rows took seconds to write as CSV and as Excel each time.
            files = st.container(horizontal=True)
            files.download_button(
                t("common.download_csv", lang),
                lambda: to_csv_bytes(frame),
                file_name="svcops_query.csv",
                mime="text/csv",
                key="explorer_csv",
                on_click="ignore",  # a download needs no rerun
            )
            files.download_button(
                t("explorer.download_xlsx", lang),
                lambda: to_xlsx_bytes(frame, "query"),
                file_name="svcops_query.xlsx",
                mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                key="explorer_xlsx",
                on_click="ignore",  # a download needs no rerun
            )
        pick = charts.quick_chart_columns(frame)
        if pick is None:
            st.caption(t("explorer.no_chart", lang))
        else:
            page.chart(
                charts.quick_chart(frame, pick, t("explorer.chart", lang, x=pick.x, y=pick.y))
            )
            if pick.rows < len(frame):
                st.caption(t("explorer.chart_rows", lang, rows=pick.rows))
    if not ctx.presenter:
        st.caption(t("explorer.link", lang))
