"""Review pack: this period's headlines, charts and key tables of every area, as an
Excel workbook, an HTML report that opens offline and its PDF; and review mode, the
pack's sections as slides (``?slide=3``) with speaker notes."""

from dataclasses import replace
from datetime import datetime

import streamlit as st

from svcops import charts, report
from svcops.i18n import LANGUAGES, t
from ui import page, state
from ui.format import escape_md

ctx = state.page("report.title", needs_tickets=False)
lang = ctx.lang
f = ctx.filters

if not ctx.ws.scalar("SELECT count(*) FROM uploads"):
    st.info(t("report.no_data", lang))
    st.stop()


def notes_now() -> dict[str, str]:
    """Every section's speaker notes: the workspace's, over them this session's (the
    read-only sample keeps notes for the session only)."""
    saved = report.load_notes(ctx.ws)
    kept = st.session_state.get("report_notes", {}).get(ctx.version, {})
    return {area: kept.get(area, saved.get(area, "")) for area in report.AREAS}


def fresh_pack(pack_lang: str) -> report.Pack:
    """The pack of the page's filters, made now: the analyses come from the cache, the
    time it was made (the pack's "made on", review mode's "frozen at") does not."""
    pack = page.query(report.build_pack, f, pack_lang)
    return replace(report.with_notes(pack, notes_now()), made_at=now())


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


def go(n: int) -> None:
    st.query_params["slide"] = str(n)


def end_review() -> None:
    st.session_state.pop("report_review", None)
    del st.query_params["slide"]


def save_notes(area: str) -> None:
    text = st.session_state[f"report_note_{area}"]
    if ctx.ws.read_only:
        st.session_state.setdefault("report_notes", {}).setdefault(ctx.version, {})[area] = text
    else:
        report.save_note(ctx.ws, area, text)
    st.session_state["report_notes_saved"] = area


def review() -> None:
    """One slide of the frozen pack: a link with ``?slide=n`` opens it (freezing the
    link's filters then, when this session has no review running)."""
    frozen = st.session_state.get("report_review")
    # Kept until the review ends or the page shows another workspace: an import (another
    # session's, a scheduled one) changes the data version, not the frozen numbers.
    if frozen is None or frozen[0] != ctx.ws.path:
        frozen = (ctx.ws.path, fresh_pack(st.session_state.get("report_lang") or lang))
        st.session_state["report_review"] = frozen
    pack = frozen[1]
    slides = pack.sections
    try:
        n = min(max(int(st.query_params.get("slide", "1")), 1), len(slides))
    except ValueError:
        n = 1
    st.query_params["slide"] = str(n)
    s = slides[n - 1]
    period = t("report.period", pack.lang, start=pack.start or "—", end=pack.end or "—")
    filters = t("report.filters", pack.lang, filters=report.filters_text(pack.filters, pack.lang))
    left, mid, right, end = st.columns([1, 1, 1.5, 1.5], vertical_alignment="center")
    left.button(
        t("report.review.prev", lang),
        icon=":material/arrow_back:",
        on_click=go,
        args=(n - 1,),
        disabled=n == 1,
        shortcut="Left",
        key="report_prev",
    )
    mid.button(
        t("report.review.next", lang),
        icon=":material/arrow_forward:",
        on_click=go,
        args=(n + 1,),
        disabled=n == len(slides),
        shortcut="Right",
        key="report_next",
    )
    right.markdown(f"**{t('report.review.slide', lang, n=n, m=len(slides))}**")
    end.button(t("report.review.end", lang), on_click=end_review, key="report_end")
    st.caption(
        escape_md(
            t(
                "report.review.frozen",
                lang,
                at=pack.made_at.strftime("%H:%M"),
                period=period,
                filters=filters,
            )
        )
    )
    st.header(s.title, divider="blue")
    if s.missing:
        st.info(escape_md(t("report.missing", pack.lang, what=s.missing)))
    if s.lines:
        st.markdown("\n".join("- " + escape_md(line) for line in s.lines))
    for fig in s.figures:
        spec = fig.spec
        if ctx.presenter:  # the presenter's larger chart text, over the pack's theme
            config = dict(spec.get("config", {}))
            for part, values in charts.PRESENTER.items():
                config[part] = {**config.get(part, {}), **values}
            spec = {**spec, "config": config}
        st.vega_lite_chart(spec, width="stretch" if fig.stretch else "content")
    for table in s.tables:
        st.markdown(f"**{escape_md(table.title)}**")
        page.table(report.table_text(table, pack.lang), rag=table.rag)
    with st.expander(t("report.review.notes", lang), expanded=bool(s.notes)):
        st.text_area(
            t("report.review.notes", lang),
            value=notes_now()[s.key],
            max_chars=report.NOTES_CHARS,
            key=f"report_note_{s.key}",
            label_visibility="collapsed",
        )
        st.button(
            t("report.review.save", lang), on_click=save_notes, args=(s.key,), key="report_save"
        )
        if st.session_state.pop("report_notes_saved", None) == s.key:
            st.success(
                t("report.review.session_only" if ctx.ws.read_only else "report.review.saved", lang)
            )


if "slide" in st.query_params:
    review()
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
make, start = st.columns([1, 3])
if start.button(
    t("report.review.start", lang),
    icon=":material/slideshow:",
    help=t("report.review.help", lang),
    key="report_start",
):
    st.session_state["report_review"] = (ctx.ws.path, fresh_pack(pack_lang))
    go(1)
    st.rerun()
if make.button(t("report.make", lang), type="primary", icon=":material/description:"):
    with st.spinner(t("report.make", lang)):
        pack = fresh_pack(pack_lang)
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
