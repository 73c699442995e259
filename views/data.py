"""Data: upload, see what the workspace holds, remove an upload, get the template."""

import streamlit as st

from svcops.export import to_csv_bytes
from svcops.i18n import column_label, t
from svcops.ingest import IngestError, import_files
from svcops.ingest.read import SUPPORTED_SUFFIXES, max_upload_bytes
from ui import state

ctx = state.context()
lang = ctx.lang

st.title(t("data.title", lang))
st.markdown(t("data.intro", lang))

# -- upload -------------------------------------------------------------------------
if ctx.source == "sample":
    st.info(t("data.sample_readonly", lang))

with st.form("data_upload", clear_on_submit=True):
    files = st.file_uploader(
        t("data.upload", lang), accept_multiple_files=True,
        type=sorted(s.lstrip(".") for s in SUPPORTED_SUFFIXES),
        max_upload_size=max_upload_bytes() // (1024 * 1024),
    )
    submitted = st.form_submit_button(t("data.import", lang), type="primary")

if submitted and files:
    own = state.own_workspace(str(state.own_workspace_path()))
    try:
        with st.spinner("…"):
            report = import_files(own, [(f.name, f.getvalue()) for f in files])
    except IngestError as exc:
        st.error(t("data.import_failed", lang, message=str(exc)))
    else:
        st.session_state["data_last_report"] = report
        if ctx.source != "own":
            # The sidebar's radio is already drawn in this run; it applies this next run.
            st.session_state["source_next"] = "own"
        st.rerun()

report = st.session_state.pop("data_last_report", None)
if report is not None:
    st.success(t("data.imported", lang, rows=report.rows, files=len({s.file for s in report.sheets}),
                 rejected=report.rejected))
    for file, sheet, reason in report.skipped:
        st.warning(t("data.skipped", lang, file=file, sheet=sheet, reason=reason))

st.caption(t("data.workspace_path", lang, path=ctx.ws.path))


def _labelled(frame):
    return frame.rename(columns={c: column_label(c, lang) for c in frame.columns})


# -- holdings -----------------------------------------------------------------------
st.subheader(t("data.holdings", lang))
st.dataframe(_labelled(ctx.ws.holdings()), hide_index=True)

# -- uploads ------------------------------------------------------------------------
st.subheader(t("data.uploads", lang))
uploads = ctx.ws.uploads()
if uploads.empty:
    st.caption(t("data.no_uploads", lang))
else:
    st.dataframe(_labelled(uploads), hide_index=True, width="stretch")
    if ctx.source == "own":
        ids = sorted(uploads["upload_id"].unique().tolist())
        names = uploads.groupby("upload_id")["file_name"].first().to_dict()
        with st.form("data_remove"):
            chosen = st.selectbox(t("data.remove_pick", lang), ids,
                                  format_func=lambda i: f"{i} · {names[i]}")
            if st.form_submit_button(t("data.remove", lang)):
                removed = ctx.ws.remove_upload(int(chosen))
                st.session_state["data_removed"] = (int(chosen), removed)
                st.rerun()
done = st.session_state.pop("data_removed", None)
if done:
    st.success(t("data.removed", lang, id=done[0], rows=done[1]))

# -- rejects ------------------------------------------------------------------------
st.subheader(t("data.rejects", lang))
rejects = ctx.ws.rejects()
if rejects.empty:
    st.caption(t("data.no_rejects", lang))
else:
    st.dataframe(_labelled(rejects), hide_index=True, width="stretch")
    st.download_button(t("common.download_csv", lang), to_csv_bytes(rejects),
                       file_name="svcops-rejects.csv", mime="text/csv")

# -- template -----------------------------------------------------------------------
st.subheader(t("data.template", lang))
st.caption(t("data.template_help", lang))
st.download_button(t("data.template", lang), state.SAMPLE_WORKBOOK.read_bytes(),
                   file_name="svcops_template.xlsx",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
