"""Review pack: this period's headlines, charts and key tables of every area, as an
Excel workbook, an HTML report that opens offline and its PDF."""

import streamlit as st

from svcops import report
from svcops.i18n import LANGUAGES, t
from ui import page, state

ctx = state.page("report.title", needs_tickets=False)
lang = ctx.lang
f = ctx.filters

if not ctx.ws.scalar("SELECT count(*) FROM uploads"):
    st.info(t("report.no_data", lang))
    st.stop()

st.caption(t("report.caption", lang))
st.markdown(
    page.words("report.period", start=f.start or "—", end=f.end or "—")
    + " · "
    + page.words("report.filters", filters=report.filters_text(f, lang))
)
page.defaults("report", {"lang": lang})
if not ctx.presenter:
    st.segmented_control(
        t("report.language", lang),
        list(LANGUAGES),
        key="report_lang",
        format_func=LANGUAGES.get,
    )
pack_lang = page.setting("report", "lang") or lang

# The pack is made on a click (it runs every area's analyses); its files stay in the
# session for the filters and language they were made for.
wanted = (ctx.version, f, pack_lang)
if st.button(t("report.make", lang), type="primary", icon=":material/description:"):
    with st.spinner(t("report.make", lang)):
        pack = page.query(report.build_pack, f, pack_lang)
        html = report.to_html(pack)
        files: dict[str, bytes | str] = {"xlsx": report.to_xlsx(pack), "html": html}
        try:
            files["pdf"] = report.to_pdf(pack, html)
        except report.PdfError as exc:
            files["pdf_error"] = str(exc)
    st.session_state["report_files"] = (wanted, pack, files)

made = st.session_state.get("report_files")
if made is not None and made[0] == wanted:
    _, pack, files = made
    shown = sum(1 for s in pack.sections if not s.missing)
    st.success(t("report.made", lang, start=pack.start, end=pack.end, sections=shown))
    kinds = {
        "xlsx": ("report.download.xlsx", ":material/table_view:", report.XLSX_MIME),
        "html": ("report.download.html", ":material/html:", "text/html"),
        "pdf": ("report.download.pdf", ":material/picture_as_pdf:", "application/pdf"),
    }
    cols = st.columns(3)
    for col, (kind, (label, icon, mime)) in zip(cols, kinds.items(), strict=True):
        if kind in files:
            col.download_button(
                t(label, lang),
                files[kind],
                file_name=f"{pack.stem}.{kind}",
                mime=mime,
                icon=icon,
                key=f"report_get_{kind}",
            )
    if "pdf_error" in files:
        st.warning(page.words("report.pdf_failed", reason=files["pdf_error"]))
    st.subheader(t("report.contents_list", lang))
    page.table(
        report.contents_frame(pack, lang),
    )
