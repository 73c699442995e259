"""Data: upload, see what the workspace holds, remove an upload, get the template."""

import streamlit as st

from svcops.i18n import column_label, render, t
from svcops.ingest import IngestError, import_files, import_summary, mapping_from_rows, preview
from svcops.ingest.profiles import save_profile
from svcops.ingest.read import SUPPORTED_SUFFIXES, max_upload_mb
from svcops.schema import TABLES
from svcops.tickets import out_of_order
from ui import page, progress, state

ctx = state.page("data.title", needs_tickets=False)
lang = ctx.lang


def _counts(frame) -> dict:
    """Column settings that give ``frame``'s row counts thousands separators (66,651),
    for :func:`ui.page.table` (keyed by the shown, translated column names)."""
    return {
        column_label(c, lang): st.column_config.NumberColumn(format="localized")
        for c in ("rows", "rejected", "replaced")
        if c in frame.columns
    }


def _failed(exc: Exception) -> str:
    """Why nothing was imported, the importer's message worded (its values escaped)."""
    return t("data.import_failed", lang, message=page.words(exc))


st.markdown(t("data.intro", lang))

# -- upload -------------------------------------------------------------------------
if ctx.source == "sample":
    st.info(t("data.sample_readonly", lang))

own = state.own_workspace(str(state.own_workspace_path()))


def _finish(report, shown: progress.Shown) -> None:
    st.session_state["data_last_report"] = report
    st.session_state.pop("data_pending", None)
    if ctx.source != "own":
        # The sidebar's radio is already drawn in this run; it applies this next run.
        st.session_state["source_next"] = "own"
    shown.resume()  # what the user clicked while the import ran, now that it is kept
    st.rerun()


# The server refuses a body over its own limit before svcops sees it, so the uploader
# never offers more (a larger SVCOPS_MAX_UPLOAD_MB applies to the CLI).
upload_limit = max(1, int(max_upload_mb(st.get_option("server.maxUploadSize"))))
upload_types = sorted(s.lstrip(".") for s in SUPPORTED_SUFFIXES)
page.uploader_words(lang, upload_limit, upload_types)
with st.form("data_upload", clear_on_submit=True):
    files = st.file_uploader(
        t("data.upload", lang),
        accept_multiple_files=True,
        type=upload_types,
        max_upload_size=upload_limit,
    )
    left, right = st.columns([1, 3])
    submitted = left.form_submit_button(t("data.import", lang), type="primary")
    checking = right.form_submit_button(t("data.check", lang))

if (submitted or checking) and files:
    blobs = [(f.name, f.getvalue()) for f in files]
    try:
        if submitted:
            # Reading, checking and storing, with each sheet's rows, once it takes a while.
            with progress.import_progress() as shown:
                imported = import_files(own, blobs, progress=shown)
            _finish(imported, shown)
        # Reading a large file takes a while: its progress, as an import's.
        with progress.import_progress(check=True) as shown:
            st.session_state["data_pending"] = (blobs, preview(own, blobs, progress=shown))
        shown.resume()  # what the user clicked while the files were read
    except IngestError as exc:
        st.error(_failed(exc))

# -- check and correct the mapping before importing ---------------------------------
pending = st.session_state.get("data_pending")
if pending:
    blobs, sheets = pending
    st.subheader(t("data.mapping", lang))
    st.caption(t("data.mapping_help", lang))
    choices = {}
    for i, sheet in enumerate(sheets):
        title = page.words(
            "data.sheet_title",
            file=sheet.file,
            sheet=sheet.sheet,
            table=sheet.table or t("data.skip", lang),
            rows=sheet.rows,
        )
        with st.expander(
            title, expanded=sheet.table is None or any(v < 1 for v in sheet.confidence.values())
        ):
            for note in sheet.notes:
                st.caption(page.words(note))
            options = ["", *TABLES]
            table = st.selectbox(
                t("col.table", lang),
                options,
                key=f"data_table_{i}",
                index=options.index(sheet.table or ""),
                format_func=lambda n: n or t("data.skip", lang),
            )
            if not table:
                choices[(sheet.file, sheet.sheet)] = None  # skip it, whatever it looks like
                continue
            rows = [
                {
                    "column": c.name,
                    "required": c.required,
                    "source": sheet.mapping.get(c.name) if table == sheet.table else None,
                    "confidence": sheet.confidence.get(c.name) if table == sheet.table else None,
                    # Why a column was taken from its values ("priority words: P1, P2 …").
                    "why": render(sheet.reasons[c.name], lang)
                    if table == sheet.table and c.name in sheet.reasons
                    else "",
                }
                for c in TABLES[table].columns
            ]
            edited = st.data_editor(
                rows,
                key=f"data_map_{i}",
                hide_index=True,
                width="stretch",
                disabled=["column", "required", "confidence", "why"],
                column_config={
                    "column": st.column_config.TextColumn(t("data.canonical", lang)),
                    "required": st.column_config.CheckboxColumn(
                        t("data.required", lang), width="small"
                    ),
                    "source": st.column_config.SelectboxColumn(
                        t("data.source_column", lang), options=sheet.headers
                    ),
                    "confidence": st.column_config.ProgressColumn(
                        t("data.confidence", lang),
                        min_value=0,
                        max_value=1,
                        format="%.2f",
                        width="small",
                    ),
                    "why": st.column_config.TextColumn(t("data.why", lang), width="large"),
                },
            )
            profile = st.text_input(t("data.profile_name", lang), key=f"data_profile_{i}")
            choices[(sheet.file, sheet.sheet)] = (table, edited, profile, sheet.headers)
    left, right = st.columns([1, 3])
    if left.button(t("data.import_checked", lang), type="primary"):
        overrides = {
            key: None if choice is None else mapping_from_rows(choice[0], choice[1])
            for key, choice in choices.items()
        }
        try:
            with progress.import_progress() as shown:
                report = import_files(own, blobs, overrides=overrides, progress=shown)
            for key, choice in choices.items():
                if choice is None:
                    continue
                _table, _edited, profile, headers = choice
                if profile.strip():
                    save_profile(own, profile, headers, overrides[key])
        except (IngestError, ValueError) as exc:
            st.error(_failed(exc))
        else:
            _finish(report, shown)
    if right.button(t("data.cancel", lang)):
        st.session_state.pop("data_pending", None)
        st.rerun()

report = st.session_state.pop("data_last_report", None)
if report is not None:
    st.success(
        t(
            "data.imported",
            lang,
            rows=report.rows,
            files=len({s.file for s in report.sheets}),
            rejected=report.rejected,
        )
    )
    progress.last()
    summary = import_summary(report, lang)
    page.table(summary, column_config=_counts(summary))
    for file, sheet, reason in report.skipped:
        st.warning(page.words("data.skipped", file=file, sheet=sheet, reason=reason))

st.caption(t("data.workspace_path", lang, path=ctx.ws.path))


# -- holdings -----------------------------------------------------------------------
st.subheader(t("data.holdings", lang))
holdings = ctx.ws.holdings()
page.table(holdings, column_config=_counts(holdings))

# -- uploads ------------------------------------------------------------------------
st.subheader(t("data.uploads", lang))
uploads = ctx.ws.uploads()
if uploads.empty:
    st.caption(t("data.no_uploads", lang))
else:
    # A shared screen has no room for a 64-character checksum (it cannot wrap).
    listed = uploads.drop(columns="checksum") if ctx.presenter else uploads
    page.table(listed, column_config=_counts(listed))
    # Newest first, so the pick starts on the latest upload; a changed workspace (an
    # import, a removal, the other source) starts it there again.
    ids = sorted(uploads["upload_id"].unique().tolist(), reverse=True)
    if st.session_state.get("data_original_of") != ctx.version:
        st.session_state["data_original"] = ids[0]  # sets the shown pick too, not only the value
        st.session_state["data_original_of"] = ctx.version
    names = uploads.groupby("upload_id")["file_name"].first().to_dict()
    if ctx.source == "own":
        # The workspace this session last drew the list from: when another session has
        # changed it since, the pick may no longer be the upload the user saw (a
        # selectbox whose option went falls back to another), so nothing is removed.
        seen = st.session_state.get("data_remove_seen")
        with st.form("data_remove"):
            chosen = st.selectbox(
                t("data.remove_pick", lang), ids, format_func=lambda i: f"{i} · {names[i]}"
            )
            if st.form_submit_button(t("data.remove", lang)):
                try:
                    if seen != ctx.version:
                        raise KeyError(chosen)
                    removed = ctx.ws.remove_upload(int(chosen))
                except KeyError:
                    st.session_state["data_removed"] = None
                else:
                    st.session_state["data_removed"] = (int(chosen), removed)
                st.session_state.pop("data_remove_seen", None)
                st.rerun()
        st.session_state["data_remove_seen"] = ctx.version
    original = st.selectbox(
        t("data.original_pick", lang),
        ids,
        key="data_original",
        format_func=lambda i: f"{i} · {names[i]}",
    )
    kept = ctx.ws.original_file(int(original)) if original is not None else None
    if kept:
        st.download_button(
            t("data.original", lang), kept[1], file_name=kept[0], mime="application/octet-stream"
        )
    elif original is not None and ctx.ws.originals is not None:
        st.caption(page.words("data.original_missing", folder=str(ctx.ws.originals.path)))
if "data_removed" in st.session_state:
    done = st.session_state.pop("data_removed")
    if done is None:
        st.warning(t("data.remove_stale", lang))
    else:
        st.success(t("data.removed", lang, id=done[0], rows=done[1]))

# -- rejects ------------------------------------------------------------------------
st.subheader(t("data.rejects", lang))
rejects = ctx.ws.rejects(lang=lang)
if rejects.empty:
    st.caption(t("data.no_rejects", lang))
else:
    page.table(rejects)
    page.download(rejects, "svcops-rejects.csv")

# -- data quality: ticket times out of order --------------------------------------
st.subheader(t("data.quality.title", lang))
count, odd = page.query(out_of_order)
if not count:
    st.caption(t("data.quality.none", lang))
else:
    st.warning(t("data.quality.found", lang, count=count))
    if count > len(odd):
        st.caption(t("data.quality.shown", lang, shown=len(odd)))
    page.table(odd, formats={"problem": lambda key: t(key, lang)})

# -- template -----------------------------------------------------------------------
st.subheader(t("data.template", lang))
st.caption(t("data.template_help", lang))
st.download_button(
    t("data.template", lang),
    state.SAMPLE_WORKBOOK.read_bytes(),
    file_name="svcops_template.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)
