"""The pack as one self-contained HTML page: inline CSS, charts as inline SVG drawn by
vl-convert (no browser, no script, no external URL), tables as escaped HTML.

Every piece of text is escaped (``html.escape``): a team called ``<script>`` or a risk
titled ``=HYPERLINK(...)`` reads as written. The same page, with its ``@page`` rules,
is what WeasyPrint turns into the PDF.
"""

from __future__ import annotations

import html
import re
from typing import Any

import pandas as pd
import vl_convert as vlc

from .. import charts
from ..filters import Filters
from ..i18n import t, unsigned_zero
from .pack import KINDS, POINTS, SIGNED_KINDS, Figure, Pack, Table

RAG_COLOURS = {
    "green": ("#DAFBE1", "#1A7F37"),
    "amber": ("#FFF1D6", "#9A6700"),
    "red": ("#FFEBE9", "#CF222E"),
}
# Any URL in an attribute or a CSS url(): the SVG may only name XML namespaces.
_URL_ATTR = re.compile(r"""\s(?:href|xlink:href|src)=("[^"]*"|'[^']*')""")
# A tag (text between tags has its ``<`` escaped, so every ``<`` starts one).
_TAG = re.compile(r"<[^<>]*>")


def esc(text: Any) -> str:
    return html.escape(str(text), quote=True)


# A word of LONG_WORD characters or more may break: a line break opportunity (<wbr>)
# every WORD_CHUNK characters. Unbroken, a long word (a URL, a code, a name without
# spaces) widened its table past the page and pushed the numbers beside it off the
# PDF. (CSS ``overflow-wrap: anywhere`` does the same but made WeasyPrint take over a
# minute on one 3,000-character name.)
LONG_WORD, WORD_CHUNK = 40, 30
_LONG_WORD = re.compile(rf"\S{{{LONG_WORD},}}")


def esc_wrap(text: Any) -> str:
    """``text`` escaped as :func:`esc` does, its long words breakable."""
    raw, out, at = str(text), [], 0
    for m in _LONG_WORD.finditer(raw):
        word = m.group()
        out.append(esc(raw[at : m.start()]))
        out.append(
            "<wbr>".join(esc(word[i : i + WORD_CHUNK]) for i in range(0, len(word), WORD_CHUNK))
        )
        at = m.end()
    out.append(esc(raw[at:]))
    return "".join(out)


def cell_text(value: Any, kind: str | None, lang: str = "en") -> str:
    """A table value as text: numbers in their kind's format, missing blank."""
    if value is None or (isinstance(value, float) and value != value) or value is pd.NaT:
        return ""
    if kind and kind != "date" and isinstance(value, int | float) and not isinstance(value, bool):
        text = KINDS[kind][1].format(value, unit=POINTS.get(lang, POINTS["en"]))
        return unsigned_zero(text) if kind in SIGNED_KINDS else text
    return str(value)


def table_text(table: Table, lang: str = "en") -> pd.DataFrame:
    """``table``'s frame with every value as the text the report shows (numbers in
    their kind's format, missing blank): for a page that draws it as it is."""
    frame = table.frame
    return pd.DataFrame(
        {
            column: [cell_text(v, table.kind(column, i), lang) for i, v in enumerate(frame[column])]
            for column in frame.columns
        }
    )


def filters_text(f: Filters, lang: str) -> str:
    """The dimension filters in ``lang`` ("Team: A, B; Channel: chat")."""
    parts = [
        f"{t('filter.' + name, lang)}: {', '.join(values)}"
        for name, values in (
            ("team", f.teams),
            ("channel", f.channels),
            ("category", f.categories),
            ("priority", f.priorities),
        )
        if values
    ]
    return "; ".join(parts) if parts else t("report.filters_none", lang)


def svg(fig: Figure, lang: str) -> str:
    """The chart as SVG, fetching nothing (no base URL allowed), in ``lang``'s locale."""
    zh: dict[str, Any] = charts.ZH_LOCALE
    drawn = vlc.vegalite_to_svg(
        fig.spec,
        allowed_base_urls=[],
        format_locale=dict(zh["number"]) if lang == "zh" else None,
        time_format_locale=dict(zh["time"]) if lang == "zh" else None,
    )
    # vl-convert's SVG carries no links; a link or image reference would not survive here.
    # Only inside a tag: a label's text (``q src='`` one, ``'`` a later one) once matched
    # from one to the other and cut the markup between them out of the chart.
    return _TAG.sub(lambda tag: _URL_ATTR.sub("", tag.group()), drawn)


def table_html(table: Table, lang: str = "en") -> str:
    frame = table.frame
    rag_col, statuses = table.rag if table.rag else (None, [])
    head = "".join(f"<th>{esc_wrap(c)}</th>" for c in frame.columns)
    rows = []
    for i, row in enumerate(frame.itertuples(index=False)):
        cells = []
        for column, value in zip(frame.columns, row, strict=True):
            kind = table.kind(column, i)
            cls = ["num"] if kind and kind != "date" else []
            if column == rag_col and statuses[i] in RAG_COLOURS:
                cls.append("rag-" + statuses[i])
            attr = f' class="{" ".join(cls)}"' if cls else ""
            cells.append(f"<td{attr}>{esc_wrap(cell_text(value, kind, lang))}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    # The wrapper keeps a table and its caption on one page of the PDF.
    return (
        f'<div class="table"><table><caption>{esc_wrap(table.title)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


# The running header's filters at most this long: it sits in the page's top margin,
# and many or long team names ran over the page's body (the meta line has them all).
RUNHEAD_CHARS = 160


def _short(text: str, limit: int = RUNHEAD_CHARS) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _css(pack: Pack) -> str:
    lang = pack.lang

    def css_string(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'

    page = (
        f"{css_string(t('report.page', lang) + ' ')} counter(page) "
        f"{css_string(' ' + t('report.page_of', lang) + ' ')} counter(pages) "
        f"{css_string(t('report.page_end', lang))}"
    )
    rag = "".join(
        f".rag-{name} {{background: {bg}; color: {fg}; font-weight: 600;}}\n"
        for name, (bg, fg) in RAG_COLOURS.items()
    )
    return f"""
@page {{ size: A4 landscape; margin: 16mm 12mm 14mm 12mm;
  @top-left {{ content: element(runhead); }}
  @bottom-right {{ content: {page}; font-size: 8pt; color: #57606a; }} }}
html {{ font-family: "Source Sans Pro", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif;
  font-size: 10.5pt; color: #1f2328; }}
body {{ margin: 0 auto; max-width: 1100px; padding: 0 12px; }}
.runhead {{ position: running(runhead); font-size: 8pt; color: #57606a; }}
@media screen {{ .runhead {{ display: none; }} }}
@media print {{ body {{ max-width: none; padding: 0; }}
  .figure svg {{ max-height: 88mm; width: auto; }} }}
nav ol {{ columns: 3; margin: 0.3em 0; }}
h1 {{ font-size: 20pt; margin: 0.2em 0; }}
h2 {{ font-size: 15pt; border-bottom: 2px solid #0072B2; padding-bottom: 2px; margin-top: 1.2em; }}
section.area {{ break-before: page; }}
section.area.first {{ break-before: auto; }}
.meta {{ color: #57606a; margin: 0.1em 0; }}
ul.lines li {{ margin: 0.2em 0; }}
.figure {{ margin: 0.6em 0; break-inside: avoid; }}
.figure svg {{ max-width: 100%; height: auto; }}
table {{ border-collapse: collapse; margin: 0.6em 0 1em; font-size: 9pt; break-inside: avoid; }}
caption {{ text-align: left; font-weight: 600; padding-bottom: 3px; }}
div.table {{ break-inside: avoid; }}
th, td {{ border: 1px solid #d0d7de; padding: 2px 6px; vertical-align: top; }}
th {{ background: #f6f8fa; text-align: left; }}
td.num {{ text-align: right; white-space: nowrap; }}
tr {{ break-inside: avoid; }}
.missing {{ color: #57606a; font-style: italic; }}
.notes {{ border-left: 3px solid #E69F00; padding-left: 8px; white-space: pre-wrap; }}
{rag}"""


def to_html(pack: Pack) -> str:
    """The whole pack as one HTML document (UTF-8 text)."""
    lang = pack.lang
    start, end = pack.start or "—", pack.end or "—"
    heading = t("report.heading", lang, start=start, end=end)
    period = t("report.period", lang, start=start, end=end)
    filters = t("report.filters", lang, filters=filters_text(pack.filters, pack.lang))
    made = t("report.made_at", lang, at=pack.made_at.isoformat(sep=" "), version=pack.version)
    parts = [
        f'<div class="runhead">{esc(heading)} · {esc_wrap(_short(filters))}</div>',
        f"<h1>{esc(heading)}</h1>",
        f'<p class="meta">{esc(period)} · {esc_wrap(filters)}</p>',
        f'<p class="meta">{esc(made)}</p>',
        f"<nav><strong>{esc(t('report.contents', lang))}</strong><ol>",
        *(f'<li><a href="#{s.key}">{esc(s.title)}</a></li>' for s in pack.sections),
        f'<li><a href="#provenance">{esc(t("report.provenance", lang))}</a></li>',
        "</ol></nav>",
    ]
    for i, s in enumerate(pack.sections):
        cls = "area first" if i == 0 else "area"
        parts.append(f'<section class="{cls}" id="{s.key}"><h2>{esc(s.title)}</h2>')
        if s.missing:
            parts.append(f'<p class="missing">{esc(t("report.missing", lang, what=s.missing))}</p>')
        if s.lines:
            parts.append('<ul class="lines">')
            parts.extend(f"<li>{esc_wrap(line)}</li>" for line in s.lines)
            parts.append("</ul>")
        if s.notes.strip():
            label = esc(t("report.review.notes", lang))
            parts.append(
                f'<p class="notes"><strong>{label}</strong><br>{esc_wrap(s.notes.strip())}</p>'
            )
        parts.extend(f'<div class="figure">{svg(fig, lang)}</div>' for fig in s.figures)
        parts.extend(table_html(tb, lang) for tb in s.tables)
        parts.append("</section>")
    parts.append(provenance_html(pack))
    return (
        f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}"><head>'
        f'<meta charset="utf-8"><title>{esc(heading)}</title>'
        f"<style>{_css(pack)}</style></head><body>\n" + "\n".join(parts) + "\n</body></html>\n"
    )


def provenance_frame(pack: Pack) -> pd.DataFrame:
    """The uploads behind the pack under display names (the workbook's sheet, too)."""
    lang = pack.lang
    u = pack.uploads
    names = {
        "file_name": "file",
        "sheet": "sheet",
        "table_name": "table",
        "rows": "rows",
        "rejected": "rejected",
        "imported_at": "imported_at",
        "checksum": "checksum",
    }
    frame = u[list(names)].copy() if len(u) else pd.DataFrame(columns=list(names))
    frame["imported_at"] = [
        "" if pd.isna(v) else pd.Timestamp(v).isoformat(sep=" ") for v in frame["imported_at"]
    ]
    return frame.rename(columns={k: t("report.col." + v, lang) for k, v in names.items()})


def settings_rows(pack: Pack) -> list[tuple[str, str]]:
    lang = pack.lang
    return [
        (t("filter.period", lang), f"{pack.start or '—'} – {pack.end or '—'}"),
        (
            t("report.filters", lang, filters="").rstrip(": ："),
            filters_text(pack.filters, pack.lang),
        ),
        (t("report.version", lang), pack.version),
        (t("report.made_on", lang), pack.made_at.isoformat(sep=" ")),
        (t("report.workspace", lang), pack.workspace),
    ]


def provenance_html(pack: Pack) -> str:
    lang = pack.lang
    uploads = provenance_frame(pack)
    settings = pd.DataFrame(
        settings_rows(pack), columns=[t("report.setting", lang), t("report.value", lang)]
    )
    body = [
        f'<section class="area" id="provenance"><h2>{esc(t("report.provenance", lang))}</h2>',
        f"<p>{esc(t('report.provenance_intro', lang))}</p>",
        table_html(Table(t("report.setting", lang), settings)),
        table_html(Table(t("report.uploads", lang), uploads, kinds={uploads.columns[3]: "int"}))
        if len(uploads)
        else f'<p class="missing">{esc(t("report.no_uploads", lang))}</p>',
        "</section>",
    ]
    return "\n".join(body)
