"""The review pack: every management area's headlines, charts and key tables for one
period, as an Excel workbook (native charts, a provenance sheet), a self-contained
HTML report and its PDF.

    pack = build_pack(ws, Filters(start=..., end=...), "zh")
    paths = write_pack(pack, Path("out"))   # {"xlsx": ..., "html": ..., "pdf": ...}

:func:`build_pack` runs the analyses (the slow part) once; the writers only lay the
result out, so the three files always show the same numbers.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from importlib import metadata
from pathlib import Path

import pandas as pd

from ..filters import Filters
from ..i18n import t
from ..store import Workspace
from ..tickets import resolve_period
from .html import filters_text, table_text, to_html
from .notes import NOTES_CHARS, load_notes, save_note
from .pack import KINDS, Figure, Pack, Section, Table
from .pdf import PdfError, to_pdf
from .sections import AREAS, BUILDERS
from .xlsx import to_xlsx

__all__ = [
    "AREAS",
    "KINDS",
    "NOTES_CHARS",
    "Figure",
    "Pack",
    "PdfError",
    "Section",
    "Table",
    "XLSX_MIME",
    "app_version",
    "build_pack",
    "contents_frame",
    "filters_text",
    "load_notes",
    "save_note",
    "table_text",
    "with_notes",
    "to_html",
    "to_pdf",
    "to_xlsx",
    "write_pack",
]


def app_version() -> str:
    """svcops's version (the installed package's, else the source tree's pyproject)."""
    try:
        return metadata.version("svcops")
    except metadata.PackageNotFoundError:
        pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
        for line in pyproject.read_text().splitlines() if pyproject.exists() else []:
            if line.startswith("version"):
                return line.split("=", 1)[1].strip().strip('"')
        return "unknown"


def build_pack(
    ws: Workspace, filters: Filters, lang: str = "en", *, now: datetime | None = None
) -> Pack:
    """Every area's section for ``filters`` worded in ``lang``, with the speaker notes
    saved in the workspace. An open period is resolved against the tickets (the pages'
    rule); without tickets it stays open."""
    if ws.has_rows("tickets"):
        filters = resolve_period(ws, filters)
    notes = load_notes(ws)
    sections = [BUILDERS[area](ws, filters, lang) for area in AREAS]
    for s in sections:
        s.notes = notes.get(s.key, "")
    uploads = ws.uploads()
    return Pack(
        lang=lang,
        filters=filters,
        start=filters.start,
        end=filters.end,
        sections=sections,
        uploads=uploads,
        made_at=(now or datetime.now()).replace(microsecond=0),
        version=app_version(),
        workspace=Path(str(ws.path)).name if ws.path else "",
    )


XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def contents_frame(pack: Pack, lang: str) -> pd.DataFrame:
    """What the pack holds, one row per section: its title, then what it shows (charts
    and tables) or why it is empty, in ``lang``."""
    return pd.DataFrame(
        {
            t("report.section", lang): [s.title for s in pack.sections],
            t("report.state", lang): [
                s.missing or t("report.state.ok", lang) for s in pack.sections
            ],
            t("report.charts", lang): [len(s.figures) for s in pack.sections],
            t("report.tables", lang): [len(s.tables) for s in pack.sections],
        }
    )


def with_notes(pack: Pack, notes: dict[str, str]) -> Pack:
    """``pack`` with speaker notes (section key -> text) on its sections."""
    return replace(
        pack, sections=[replace(s, notes=notes.get(s.key, s.notes)) for s in pack.sections]
    )


def write_pack(pack: Pack, out: Path, *, pdf: bool = True) -> dict[str, Path]:
    """The pack's files in ``out`` (made if missing), named by its period; their paths
    by kind. The PDF needs WeasyPrint's system libraries (:class:`PdfError` without)."""
    out.mkdir(parents=True, exist_ok=True)
    paths = {"xlsx": out / f"{pack.stem}.xlsx", "html": out / f"{pack.stem}.html"}
    paths["xlsx"].write_bytes(to_xlsx(pack))
    html = to_html(pack)
    paths["html"].write_text(html, encoding="utf-8")
    if pdf:
        paths["pdf"] = out / f"{pack.stem}.pdf"
        paths["pdf"].write_bytes(to_pdf(pack, html))
    return paths
