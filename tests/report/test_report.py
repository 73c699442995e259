"""The review pack: the CLI on the sample writes the workbook, the HTML and the PDF;
the workbook has its sheets, native charts, RAG formats and provenance; the HTML one
SVG per chart and no outside URL; the PDF's first page draws; the Chinese pack speaks
Chinese; hostile text stays text everywhere; figures match counts made by hand."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from contextlib import redirect_stdout
from datetime import date, datetime, timedelta

import openpyxl
import pytest
from hostile import FORMULAS, TRIGGERS, hostile_workbook
from openpyxl import Workbook

from svcops import cli
from svcops.filters import Filters
from svcops.ingest import import_files
from svcops.report import build_pack, to_html, to_xlsx, write_pack
from svcops.report.html import svg
from svcops.store import Workspace

START, END = date(2026, 7, 1), date(2026, 9, 30)
STEM = "svcops-review_2026-07-01_2026-09-30"
# The only URLs an inline SVG may carry: its XML namespaces (names, never fetched).
NAMESPACES = {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}
AREA_SHEETS = [
    "Overview",
    "Process",
    "Resource",
    "Quality",
    "Performance",
    "Cost",
    "Innovation",
    "Risk",
]


@pytest.fixture(scope="module")
def sample_run(sample_ws, tmp_path_factory):
    """``python -m svcops report`` on the sample, once for the module: (files, json)."""
    out = tmp_path_factory.mktemp("pack")
    argv = [
        "report",
        "--workspace",
        sample_ws.path,
        "--start",
        START.isoformat(),
        "--end",
        END.isoformat(),
        "--out",
        str(out),
        "--json",
    ]
    buf = io.StringIO()
    with redirect_stdout(buf):
        assert cli.main(argv) == 0
    said = json.loads(buf.getvalue())
    return out, said


def test_the_cli_writes_three_files_named_by_the_period(sample_run):
    out, said = sample_run
    assert said["start"] == "2026-07-01" and said["end"] == "2026-09-30"
    for kind in ("xlsx", "html", "pdf"):
        path = out / f"{STEM}.{kind}"
        assert said["files"][kind] == str(path)
        assert path.stat().st_size > 1000
    # Every area of the sample has its data.
    assert said["sections"] == dict.fromkeys([s.lower() for s in AREA_SHEETS])


def test_workbook_sheets_charts_links_and_rag(sample_run):
    out, _ = sample_run
    path = out / f"{STEM}.xlsx"
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Contents", *AREA_SHEETS, "Provenance"]
    contents = book["Contents"]
    links = {c.hyperlink.location for row in contents.iter_rows() for c in row if c.hyperlink}
    assert {f"'{s}'!A1" for s in [*AREA_SHEETS, "Provenance"]} <= links
    with zipfile.ZipFile(path) as z:
        charts = [n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
        kinds = "".join(z.read(n).decode() for n in charts)
    # overview 3, process 1, resource 1, quality 1, performance 1, cost 2, innovation 1
    assert len(charts) == 10
    assert "<c:lineChart>" in kinds and "<c:barChart>" in kinds and "<c:areaChart>" in kinds
    # Red/amber/green on the targets scorecard: one rule per status word shown.
    rules = book["Performance"].conditional_formatting
    words = {r.formula[0] for cf in rules for r in cf.rules}
    assert {'"on target"', '"off target"'} <= {w.lower() for w in words}
    # No cell anywhere is a formula.
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate)


def test_workbook_numbers_are_the_analyses(sample_run, sample_ws):
    """The scorecard's tickets and the provenance's checksums, counted here by SQL."""
    out, _ = sample_run
    book = openpyxl.load_workbook(out / f"{STEM}.xlsx")
    ov = book["Overview"]
    rows = [[c.value for c in r] for r in ov.iter_rows()]
    tickets = next(r for r in rows if r[0] == "Tickets created")
    by_hand = sample_ws.scalar(
        "SELECT count(*) FROM tickets WHERE created_at >= ? AND created_at < ?",
        [datetime(2026, 7, 1), datetime(2026, 10, 1)],
    )
    assert tickets[1] == by_hand
    # A rate's change is in points: (77.8% - 80.4%) is -2.6 pts, not -2.6%.
    sla = next(r for r in ov.iter_rows() if r[0].value == "SLA attainment")
    assert sla[3].value == pytest.approx(100 * (sla[1].value - sla[2].value))
    assert sla[3].number_format.startswith('+0.0" pts"') and sla[1].number_format == "0.0%"
    prov = [[c.value for c in r] for r in book["Provenance"].iter_rows()]
    uploads = sample_ws.uploads()
    checksums = {r[6] for r in prov if r and isinstance(r[6], str) and len(r[6]) == 64}
    assert checksums == set(uploads["checksum"])
    assert any(r[0] == "svcops_sample.xlsx" and r[2] == "tickets" for r in prov)
    assert any(r[0] == "Period" and r[1] == "2026-07-01 – 2026-09-30" for r in prov)


def test_html_has_an_svg_per_chart_and_no_outside_url(sample_run):
    out, _ = sample_run
    text = (out / f"{STEM}.html").read_text(encoding="utf-8")
    assert text.count("<svg") == 11  # the 10 charts above and the risk heat map
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", text))
    assert urls <= NAMESPACES
    assert "<script" not in text and "<link" not in text and "@import" not in text
    assert "<h2>Risk management</h2>" in text and "<h2>Provenance</h2>" in text


def test_pdf_first_page_draws(sample_run, tmp_path):
    out, _ = sample_run
    pdf = (out / f"{STEM}.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    assert shutil.which("pdftoppm"), "poppler-utils (pdftoppm) is installed by .ci/run"
    subprocess.run(
        [
            "pdftoppm",
            "-f",
            "1",
            "-l",
            "1",
            "-r",
            "30",
            "-png",
            str(out / f"{STEM}.pdf"),
            str(tmp_path / "p"),
        ],
        check=True,
        timeout=60,
    )
    from PIL import Image

    (page,) = list(tmp_path.glob("p*.png"))
    image = Image.open(page).convert("L")
    assert image.width > image.height  # A4 landscape
    dark = sum(image.histogram()[:200])  # pixels darker than light grey
    assert dark > 0.005 * image.width * image.height


def test_chinese_pack_headings_are_chinese(sample_ws):
    pack = build_pack(sample_ws, Filters(start=START, end=END), "zh")
    text = to_html(pack)
    headings = re.findall(r"<h[12]>(.*?)</h[12]>", text) + re.findall(
        r"<caption>(.*?)</caption>", text
    )
    assert "服务总览" in headings and "服务风险管理" in headings and "数据来源" in headings
    for h in headings:
        # Acronyms read the same in Chinese; any other Latin word is English leaking in.
        assert set(re.findall(r"[A-Za-z]{2,}", h)) <= {"SLA", "KPI", "PDF"}, h
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(pack)))
    assert book.sheetnames[0] == "目录"
    assert book["Overview"]["A1"].value == "服务总览"


# -- a constructed workspace: hostile text, figures by hand -------------------------------
def _risk_book() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "risks"
    sheet.append(["risk_id", "title", "owner", "likelihood", "impact", "status"])
    rows = [
        ("R-1", FORMULAS[0], "-2+3", 5, 5, "Open"),
        ("R-2", "<script>alert(1)</script>", "@owner", 4, 3, "Open"),
        ("R-3", "Plain", "Ann", 1, 2, "Closed"),
    ]
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(r, c, value)
            if isinstance(value, str):
                cell.data_type = "s"
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def hostile_pack(tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "ws.duckdb"
    with Workspace(path) as ws:
        import_files(ws, [("hostile.xlsx", hostile_workbook()), ("=risks.xlsx", _risk_book())])
        first = ws.scalar("SELECT min(created_at)::DATE FROM tickets")
        f = Filters(start=first, end=first + timedelta(days=13))
        by_hand = ws.scalar(
            "SELECT count(*) FROM tickets WHERE created_at >= ? AND created_at < ?",
            [first, first + timedelta(days=14)],
        )
        pack = build_pack(ws, f, "en")
        later = build_pack(ws, Filters(start=date(2030, 1, 1), end=date(2030, 1, 31)), "en")
    return pack, by_hand, later


def test_hostile_text_is_never_a_formula_in_the_workbook(hostile_pack):
    pack, _, _ = hostile_pack
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(pack)))
    seen = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(TRIGGERS), (sheet.title, cell.value)
                    seen.append(cell.value)
    # The hostile names are there, as text with an apostrophe in front.
    assert "'" + FORMULAS[0] in seen  # a risk title, a category
    assert "'-2+3" in seen and "'@owner" in seen  # risk owners
    assert "'=risks.xlsx" in seen  # the provenance's file name


def test_hostile_text_is_escaped_in_the_html(hostile_pack):
    pack, _, _ = hostile_pack
    text = to_html(pack)
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text
    assert set(re.findall(r"https?://[^\s\"'<>)]+", text)) <= NAMESPACES | {
        # the hostile names themselves, shown as escaped text
        "http://evil.example",
        "http://evil.example&quot;,&quot;x&quot;",
    }
    assert 'href="http' not in text


def test_constructed_pack_figures_and_missing_sections(hostile_pack):
    pack, by_hand, _ = hostile_pack
    sections = {s.key: s for s in pack.sections}
    card = sections["overview"].tables[0].frame
    assert card.set_index("KPI").loc["Tickets created", "Value"] == by_hand
    # No cost report, no initiatives: one line each saying what to upload.
    assert sections["cost"].missing == "upload a cost report (with a budget for the variance)."
    assert sections["innovation"].missing == "upload an initiative register."
    assert not sections["cost"].figures and not sections["cost"].tables
    # Two open risks of three; R-1 is 5 x 5 = 25, critical.
    risks = sections["risk"].tables[0].frame
    assert list(risks["Risk"]) == ["R-1", "R-2"]
    assert list(risks["Residual score"]) == [25, 12]
    assert sections["risk"].tables[0].rag[1][0] == "red"
    # The heat map: the open risks in their residual cells (R-3 is closed), the highest
    # cell first; drawn from the data, not in Excel.
    (heat,) = sections["risk"].figures
    assert heat.kind is None and heat.title == "Heat map (residual)"
    assert heat.data.to_dict("records") == [
        {"Likelihood": 5, "Impact": 5, "Residual band": "Critical", "Count": 1, "Risks": "R-1"},
        {"Likelihood": 4, "Impact": 3, "Residual band": "High", "Count": 1, "Risks": "R-2"},
    ]
    assert heat.spec["title"] == "Heat map (residual)"


def test_empty_workspace_pack_says_what_to_upload(tmp_path):
    with Workspace(tmp_path / "empty.duckdb") as ws:
        pack = build_pack(ws, Filters(), "zh")
        paths = write_pack(pack, tmp_path / "out", pdf=False)
    assert paths["xlsx"].name == "svcops-review_all_all.xlsx"
    assert all(s.missing for s in pack.sections)
    text = paths["html"].read_text(encoding="utf-8")
    assert "<svg" not in text and "无数据：请上传工单导出文件" in text


def test_svg_fetches_nothing():
    from svcops.report.pack import Figure

    spec = {
        "data": {"url": "https://example.com/data.csv"},
        "mark": "point",
        "encoding": {"x": {"field": "a", "type": "quantitative"}},
    }
    with pytest.raises(ValueError, match="External data url not allowed"):
        svg(Figure("x", spec, None), "en")  # type: ignore[arg-type]


def test_resource_line_counts_the_period_only(hostile_pack):
    pack, by_hand, _ = hostile_pack
    line = next(s for s in pack.sections if s.key == "resource").lines[0]
    assert line.startswith(f"14 days with {by_hand:,} tickets created")


def test_speaker_notes_are_kept_in_the_workspace_and_go_into_the_pack(tmp_path):
    from svcops.report import load_notes, save_note

    path = tmp_path / "notes.duckdb"
    with Workspace(path) as ws:
        save_note(ws, "risk", "=SUM(A1) <b>ask</b> about R-1")
        save_note(ws, "overview", "  ")  # blank: no notes
        with pytest.raises(ValueError):
            save_note(ws, "nowhere", "x")
    with Workspace(path, read_only=True) as ws:
        assert load_notes(ws) == {"risk": "=SUM(A1) <b>ask</b> about R-1"}
        with pytest.raises(ValueError):
            save_note(ws, "risk", "read-only")
        pack = build_pack(ws, Filters(), "en")
    assert [s.notes for s in pack.sections if s.notes] == ["=SUM(A1) <b>ask</b> about R-1"]
    assert "&lt;b&gt;ask&lt;/b&gt;" in to_html(pack)
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(pack)))
    cells = [c.value for row in book["Risk"].iter_rows() for c in row if c.value]
    assert "'=SUM(A1) <b>ask</b> about R-1" in cells


def test_the_pdf_fetches_nothing(monkeypatch):
    from svcops.report import pdf

    asked = []
    original = pdf._refuse

    def refuse(url):
        asked.append(url)
        original(url)

    monkeypatch.setattr(pdf, "_refuse", refuse)
    page = '<html><body><p>x</p><img src="https://example.com/x.png"></body></html>'
    made = pdf.to_pdf(None, page)  # type: ignore[arg-type]
    assert made.startswith(b"%PDF") and asked == ["https://example.com/x.png"]


def test_a_period_without_tickets_says_so_section_by_section(hostile_pack):
    _, _, later = hostile_pack
    said = {s.key: s.missing for s in later.sections}
    none = "no ticket was created or done in this period (with these filters)."
    assert said == {
        "overview": none,
        "process": "no ticket was created in this period.",
        "resource": none,
        "quality": none,
        "performance": none,
        "cost": "upload a cost report (with a budget for the variance).",
        "innovation": "upload an initiative register.",
        "risk": None,  # the register has no period; its indicators look back from the end
    }
