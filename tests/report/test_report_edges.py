"""Review pack edge cases found in review: a long word in a table, many filters in the
running header."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, datetime

import pandas as pd
import pytest

from svcops.filters import Filters
from svcops.report import Pack, Section, Table, to_html, to_pdf

LONG = "X" * 3000  # a name without a space: a URL, a code, a pasted value


def _pack(filters: Filters | None = None, tables: list[Table] | None = None) -> Pack:
    section = Section("overview", "Service overview", "Overview", tables=tables or [])
    return Pack(
        lang="en",
        filters=filters or Filters(),
        start=date(2026, 9, 1),
        end=date(2026, 9, 30),
        sections=[section],
        uploads=pd.DataFrame(),
        made_at=datetime(2026, 10, 1, 9, 30),
        version="0.1.0",
        workspace="ws.duckdb",
    )


def _page_words(pdf: bytes, tmp_path) -> str:
    """The words pdftotext finds on the PDF's pages (a word past the page's edge is not
    on the page, so it is not found)."""
    assert shutil.which("pdftotext"), "poppler-utils is installed by .ci/run"
    path = tmp_path / "pack.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, timeout=60
    )
    return done.stdout.decode()


def test_a_long_word_in_a_table_leaves_its_numbers_on_the_page(tmp_path):
    """A 3,000-character category pushed the table past the page's right edge: the PDF
    showed the name and lost the count and share beside it."""
    table = Table(
        "Defects by category",
        pd.DataFrame({"Category": [LONG, "Plain"], "Count": [4321, 17], "Share": [0.25, 0.75]}),
        kinds={"Count": "int", "Share": "pct"},
    )
    pack = _pack(tables=[table])
    words = _page_words(to_pdf(pack, to_html(pack)), tmp_path)
    assert "4,321" in words and "25.0%" in words and "75.0%" in words
    assert words.count("X") == 3000  # the name is all there, wrapped


def test_the_running_header_holds_a_short_line_of_the_filters():
    teams = tuple(f"Team {i:02d} with a long name" for i in range(40))
    pack = _pack(Filters(teams=teams))
    html = to_html(pack)
    head = html.split('<div class="runhead">', 1)[1].split("</div>", 1)[0]
    assert len(head) < 260 and head.endswith("…")
    assert "Team 00 with a long name" in head
    # The full list is still in the page's meta line and the provenance.
    assert html.count("Team 39 with a long name") == 2


@pytest.mark.parametrize("text", ["a\nb", "a  b"])
def test_the_running_header_is_one_line(text):
    head = to_html(_pack(Filters(teams=(text,)))).split('<div class="runhead">', 1)[1]
    assert "Team: a b" in head.split("</div>", 1)[0]


def test_speaker_notes_have_a_length_limit(tmp_path):
    """A megabyte pasted into the notes: refused, not cut at Excel's 32,767 characters
    without a word or laid out by WeasyPrint for minutes."""
    from svcops.report import NOTES_CHARS, load_notes, save_note
    from svcops.store import Workspace

    with Workspace(tmp_path / "notes.duckdb") as ws:
        save_note(ws, "risk", "n" * NOTES_CHARS + "  ")  # the limit, and spaces trimmed
        with pytest.raises(ValueError, match="at most 10,000 characters"):
            save_note(ws, "risk", "n" * (NOTES_CHARS + 1))
        assert load_notes(ws) == {"risk": "n" * NOTES_CHARS}


def test_an_infinite_value_is_written_as_text_not_refused():
    """An upload's "inf" handle time is a number to DuckDB: an average of it is infinite,
    and XlsxWriter refused it with the whole pack (TypeError)."""
    import io

    import openpyxl

    from svcops.report import to_xlsx

    table = Table(
        "Handle time by channel",
        pd.DataFrame({"Channel": ["phone", "chat", "mail"], "Hours": [float("inf"), -1e999, 2.5]}),
        kinds={"Hours": "num2"},
    )
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(_pack(tables=[table]))))
    rows = [[c.value for c in r] for r in book["Overview"].iter_rows()]
    values = {r[0]: r[1] for r in rows if r and r[0] in ("phone", "chat", "mail")}
    assert values == {"phone": "inf", "chat": "'-inf", "mail": 2.5}
    assert '<td class="num">inf</td>' in to_html(_pack(tables=[table]))


def test_a_chart_label_with_quotes_keeps_every_label():
    """The chart's link-stripping once ran from one label's ``src='`` to a later
    label's quote and cut the markup between them (a whole axis label went)."""
    import vl_convert as vlc

    from svcops.report.html import svg
    from svcops.report.pack import Figure

    values = [{"t": "q src='", "v": 1}, {"t": "b", "v": 2}, {"t": "z'", "v": 3}]
    spec = {
        "data": {"values": values},
        "mark": "bar",
        "encoding": {
            "y": {"field": "t", "type": "nominal"},
            "x": {"field": "v", "type": "quantitative"},
        },
    }
    drawn = svg(Figure("x", spec, pd.DataFrame()), "en")
    raw = vlc.vegalite_to_svg(spec, allowed_base_urls=[])
    labels = re.compile(r"<text[^>]*>([^<]*)</text>")
    assert labels.findall(drawn) == labels.findall(raw)
    assert {"q src='", "b", "z'"} <= set(labels.findall(drawn))
    # A real link attribute is still taken out.
    page = svg(
        Figure("x", {**spec, "mark": {"type": "bar", "href": "https://e.x/"}}, pd.DataFrame()), "en"
    )
    assert "https://e.x" not in page
