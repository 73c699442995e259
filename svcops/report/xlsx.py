"""The pack as an Excel workbook (XlsxWriter): a contents sheet linking to one sheet
per area, native Excel charts drawn from the data written beside them, red/amber/
green conditional formatting on the scorecards, and a provenance sheet.

Every value is data. Text goes through :func:`svcops.downloads.neutralise` (a text
cell starting with ``=``, ``+``, ``-``, ``@``, tab or a line break gets a leading
apostrophe) and is written with ``write_string``, numbers with ``write_number``: no
cell is ever a formula, whatever a user typed into an upload.
"""

from __future__ import annotations

import io
import math
from datetime import date, datetime
from typing import Any

import pandas as pd
import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from ..downloads import neutralise
from ..i18n import t
from .html import cell_text, filters_text, provenance_frame, settings_rows
from .pack import KINDS, POINTS, SIGNED_KINDS, Figure, Pack, Table

RAG_FILLS = {
    "green": {"bg_color": "#DAFBE1", "font_color": "#1A7F37", "bold": True},
    "amber": {"bg_color": "#FFF1D6", "font_color": "#9A6700", "bold": True},
    "red": {"bg_color": "#FFEBE9", "font_color": "#CF222E", "bold": True},
}
CHART_COL = 10  # charts sit from column K, right of the tables
CHART_ROWS = 18  # rows a chart covers at the default row height


def safe_text(text: Any) -> str:
    """One loose string (a headline, a title) neutralised like a table's text cells."""
    return str(neutralise(pd.DataFrame({"v": [str(text)]})).iat[0, 0])


class _Writer:
    def __init__(self, pack: Pack):
        self.pack = pack
        self.buffer = io.BytesIO()
        # strings_to_formulas/urls off: even a stray write() cannot make a formula or link.
        self.book = xlsxwriter.Workbook(
            self.buffer,
            {
                "in_memory": True,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
                "default_date_format": "yyyy-mm-dd",
            },
        )
        b = self.book
        self.title = b.add_format({"bold": True, "font_size": 16})
        self.h2 = b.add_format({"bold": True, "font_size": 12})
        self.head = b.add_format({"bold": True, "bg_color": "#F6F8FA", "border": 1})
        self.muted = b.add_format({"font_color": "#57606A", "italic": True})
        self.link = b.add_format({"font_color": "#0969DA", "underline": 1})
        unit = POINTS.get(pack.lang, POINTS["en"])
        self.number = {
            k: b.add_format({"num_format": fmt.replace("{unit}", unit)})
            for k, (fmt, _) in KINDS.items()
        }
        self.date = b.add_format({"num_format": "yyyy-mm-dd"})
        self.rag = {k: b.add_format(v) for k, v in RAG_FILLS.items()}

    # -- cells --------------------------------------------------------------------------
    def cell(self, ws, row: int, column: int, value: Any, kind: str | None = None) -> None:
        if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
            ws.write_blank(row, column, None)
        elif isinstance(value, bool):
            ws.write_boolean(row, column, value)
        elif isinstance(value, int | float) and not math.isfinite(value):
            # Excel has no infinity (XlsxWriter refused it, and with it the whole pack):
            # the report's text of it ("inf"), as the HTML shows it.
            ws.write_string(row, column, safe_text(cell_text(value, kind, self.pack.lang)))
        elif isinstance(value, int | float):
            if kind in SIGNED_KINDS and cell_text(value, kind, self.pack.lang)[:1] not in "+-":
                value = 0.0  # a change that rounds to nothing: Excel would show "-0.0"
            ws.write_number(row, column, float(value), self.number.get(kind or "", None))
        elif isinstance(value, datetime | pd.Timestamp):
            ws.write_datetime(row, column, pd.Timestamp(value).to_pydatetime(), self.date)
        elif isinstance(value, date):
            ws.write_datetime(row, column, datetime(value.year, value.month, value.day), self.date)
        else:
            ws.write_string(row, column, safe_text(value))

    def frame(self, ws, row: int, table: Table) -> int:
        """``table`` from ``row``: caption, header, rows; the next free row."""
        ws.write_string(row, 0, safe_text(table.title), self.h2)
        row += 1
        safe = neutralise(table.frame)
        for c, name in enumerate(safe.columns):
            ws.write_string(row, c, str(name), self.head)
        first = row + 1
        for i, values in enumerate(safe.itertuples(index=False)):
            for c, (name, value) in enumerate(zip(table.frame.columns, values, strict=True)):
                self.cell(ws, first + i, c, _plain(value), table.kind(name, i))
        last = first + len(safe) - 1
        if table.rag and len(safe):
            column = list(table.frame.columns).index(table.rag[0])
            words: dict[str, str] = {}
            for word, status in zip(safe.iloc[:, column], table.rag[1], strict=True):
                if status in RAG_FILLS:
                    words[str(word)] = status
            for word, status in words.items():
                ws.conditional_format(
                    first,
                    column,
                    last,
                    column,
                    {
                        "type": "cell",
                        "criteria": "==",
                        "value": '"' + word.replace('"', '""') + '"',
                        "format": self.rag[status],
                    },
                )
        return last + 2

    # -- sheets -------------------------------------------------------------------------
    def contents(self) -> None:
        lang = self.pack.lang
        ws = self.book.add_worksheet(t("report.contents", lang)[:31])
        ws.set_column(0, 0, 34)
        ws.set_column(1, 1, 60)
        start, end = self.pack.start or "—", self.pack.end or "—"
        ws.write_string(0, 0, t("report.heading", lang, start=start, end=end), self.title)
        ws.write_string(1, 0, t("report.period", lang, start=start, end=end))
        ws.write_string(
            2,
            0,
            safe_text(t("report.filters", lang, filters=filters_text(self.pack.filters, lang))),
        )
        ws.write_string(4, 0, t("report.section", lang), self.head)
        ws.write_string(4, 1, t("report.state", lang), self.head)
        row = 5
        for s in self.pack.sections:
            ws.write_url(row, 0, f"internal:'{s.sheet}'!A1", self.link, string=s.title)
            ws.write_string(
                row, 1, s.missing or t("report.state.ok", lang), self.muted if s.missing else None
            )
            row += 1
        ws.write_url(
            row, 0, "internal:'Provenance'!A1", self.link, string=t("report.provenance", lang)
        )

    def section(self, s) -> None:
        lang = self.pack.lang
        ws = self.book.add_worksheet(s.sheet)
        ws.set_column(0, 0, 30)
        ws.set_column(1, 8, 16)
        ws.write_string(0, 0, s.title, self.title)
        row = 2
        if s.notes.strip():
            ws.write_string(row, 0, t("report.review.notes", lang), self.h2)
            ws.write_string(row + 1, 0, safe_text(s.notes.strip()), self.muted)
            row += 3
        if s.missing:
            ws.write_string(row, 0, t("report.missing", lang, what=s.missing), self.muted)
            return
        if s.lines:
            ws.write_string(row, 0, t("report.headlines", lang), self.h2)
            row += 1
            for line in s.lines:
                ws.write_string(row, 0, safe_text(line))
                row += 1
            row += 1
        for table in s.tables:
            row = self.frame(ws, row, table)
        for n, fig in enumerate(s.figures):
            title = t("report.chart_data", lang, chart=fig.title)
            top = row + 1
            row = self.frame(ws, row, Table(title, fig.data))
            if fig.kind and len(fig.data):
                self.chart(ws, fig, s.sheet, top, len(fig.data), n)

    def chart(self, ws, fig: Figure, sheet: str, header: int, rows: int, n: int) -> None:
        """A native chart of ``fig``'s data, written from row ``header`` (its header)."""
        kind = fig.kind or "line"
        chart = self.book.add_chart(
            {"type": kind} if kind != "column" else {"type": "column", "subtype": "clustered"}
        )
        first, last = header + 1, header + rows
        for c in range(1, fig.data.shape[1]):
            chart.add_series(
                {
                    "name": [sheet, header, c],
                    "categories": [sheet, first, 0, last, 0],
                    "values": [sheet, first, c, last, c],
                    "marker": {"type": "none"},
                }
            )
        chart.set_title({"name": safe_text(fig.title), "name_font": {"size": 11}})
        values_axis = {
            "num_format": "0%" if fig.percent else "#,##0",
            "major_gridlines": {"visible": True, "line": {"color": "#EAECEF"}},
        }
        first_value = fig.data.iloc[0, 0]
        category_axis: dict[str, Any] = {}
        if isinstance(first_value, date):
            category_axis = {"date_axis": True, "num_format": "yyyy-mm-dd"}
        if kind == "bar":  # sideways: categories on the y axis, first at the top
            chart.set_y_axis({**category_axis, "reverse": True})
            chart.set_x_axis(values_axis)
        else:
            chart.set_x_axis(category_axis)
            chart.set_y_axis(values_axis)
        chart.set_legend({"position": "bottom"} if fig.data.shape[1] > 2 else {"none": True})
        chart.set_size({"width": 720, "height": 340})
        ws.insert_chart(xl_rowcol_to_cell(1 + n * CHART_ROWS, CHART_COL), chart)

    def provenance(self) -> None:
        lang = self.pack.lang
        ws = self.book.add_worksheet("Provenance")
        ws.set_column(0, 0, 28)
        ws.set_column(1, 5, 16)
        ws.set_column(6, 6, 68)
        ws.write_string(0, 0, t("report.provenance", lang), self.title)
        ws.write_string(1, 0, t("report.provenance_intro", lang), self.muted)
        settings = pd.DataFrame(
            settings_rows(self.pack), columns=[t("report.setting", lang), t("report.value", lang)]
        )
        row = self.frame(ws, 3, Table(t("report.setting", lang), settings))
        uploads = provenance_frame(self.pack)
        if len(uploads):
            self.frame(
                ws,
                row,
                Table(
                    t("report.uploads", lang),
                    uploads,
                    kinds={uploads.columns[3]: "int", uploads.columns[4]: "int"},
                ),
            )
        else:
            ws.write_string(row, 0, t("report.no_uploads", lang), self.muted)

    def write(self) -> bytes:
        self.contents()
        for s in self.pack.sections:
            self.section(s)
        self.provenance()
        self.book.close()
        return self.buffer.getvalue()


def _plain(value: Any) -> Any:
    """numpy scalars as Python ones (xlsxwriter tells numbers by Python type)."""
    if hasattr(value, "item") and not isinstance(value, str | pd.Timestamp):
        try:
            return value.item()
        except (ValueError, AttributeError):
            return value
    return value


def to_xlsx(pack: Pack) -> bytes:
    """The pack's workbook as .xlsx bytes."""
    return _Writer(pack).write()
