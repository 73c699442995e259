"""The Review pack page: on the sample a click makes the three files (workbook, HTML,
PDF) in the chosen language; on an empty workspace it says what to upload."""

from __future__ import annotations

import io

import openpyxl
import pytest
from test_pages import run

PAGE = "views/report.py"
TITLE = {"en": "Review pack", "zh": "评审资料包"}


@pytest.fixture
def own_ws_path(tmp_path, monkeypatch):
    path = tmp_path / "own.duckdb"
    monkeypatch.setenv("SVCOPS_WORKSPACE", str(path))
    return path


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_empty_workspace_says_what_to_upload(own_ws_path, lang):
    at = run(PAGE, source="own", lang=lang)
    assert at.title[0].value == TITLE[lang]
    assert at.info[0].value.startswith(
        {"en": "The workspace holds no data", "zh": "工作区尚无数据"}[lang]
    )
    assert not at.button


@pytest.mark.parametrize(("lang", "pack_lang"), [("en", "en"), ("zh", "en")])
def test_sample_pack_in_the_chosen_language(own_ws_path, lang, pack_lang):
    """The pack's language defaults to the page's and can be chosen apart from it."""
    at = run(PAGE, source="sample", lang=lang, start="2026-09-01", end="2026-09-30")
    assert at.title[0].value == TITLE[lang]
    if pack_lang != lang:
        at.session_state["report_lang"] = pack_lang
        at.run()
    at.button[0].click().run(timeout=300)
    assert not at.exception, [e.value for e in at.exception]
    ready = {
        "en": "The pack of 2026-09-01 to 2026-09-30 is ready (8 sections with data)",
        "zh": "2026-09-01 至 2026-09-30 的资料包已生成（8 个部分有数据）",
    }
    assert at.success[0].value.startswith(ready[lang])
    contents = at.dataframe[0].value
    assert contents.shape == (8, 4)
    assert contents.iloc[0, 0] == {"en": "Service overview", "zh": "服务总览"}[pack_lang]
    assert len(at.get("download_button")) == 3
    made = at.session_state["report_files"]
    pack, files = made[1], made[2]
    assert pack.lang == pack_lang and pack.stem == "svcops-review_2026-09-01_2026-09-30"
    book = openpyxl.load_workbook(io.BytesIO(files["xlsx"]))
    assert book.sheetnames[0] == {"en": "Contents", "zh": "目录"}[pack_lang]
    assert files["pdf"].startswith(b"%PDF")
    assert "<svg" in files["html"]


def test_review_mode_slides_notes_and_link(own_ws_path):
    at = run(PAGE, source="sample", lang="en", start="2026-09-01", end="2026-09-30")
    at.button(key="report_start").click().run(timeout=300)
    assert not at.exception, [e.value for e in at.exception]
    assert at.query_params["slide"] == ["1"] or at.query_params["slide"] == "1"
    assert at.header[0].value == "Service overview"
    assert at.button(key="report_prev").disabled
    at.button(key="report_next").click().run()
    at.button(key="report_next").click().run()
    assert at.header[0].value == "Resource management"
    assert "Slide 3 of 8" in " ".join(m.value for m in at.markdown)
    # Frozen: a changed filter in the sidebar does not change the slide's numbers.
    line = at.markdown[1].value
    at.session_state["f_team"] = ["Service Desk"]
    at.run()
    assert at.markdown[1].value == line
    # Notes on the read-only sample: kept for the session, and in the next pack.
    at.text_area(key="report_note_resource").input("Monday peak: <ask> =why").run()
    at.button(key="report_save").click().run()
    assert "kept for this session" in at.success[0].value
    at.button(key="report_end").click().run()
    assert "slide" not in at.query_params
    at.button(key="report_start").click().run(timeout=300)
    pack = at.session_state["report_review"][1]
    assert [s.notes for s in pack.sections if s.notes] == ["Monday peak: <ask> =why"]
    # A link to a slide opens it in a new session.
    again = run(PAGE, source="sample", lang="zh", start="2026-09-01", end="2026-09-30", slide="4")
    assert again.header[0].value == "质量控制"


def test_review_mode_keeps_its_numbers_when_the_data_version_changes(own_ws_path, monkeypatch):
    """An import elsewhere (another session, a scheduler) changes the data version in the
    middle of a review: the slides keep the numbers and filters frozen at its start, as
    the PDF made then has them, instead of being made again with the sidebar's filters."""
    from ui import state

    at = run(PAGE, source="sample", lang="en", start="2026-09-01", end="2026-09-30")
    at.button(key="report_start").click().run(timeout=300)
    pack = at.session_state["report_review"][1]
    line = at.markdown[1].value
    at.session_state["f_team"] = ["Service Desk"]
    monkeypatch.setattr(state, "data_version", lambda ws: f"{ws.path}:imported")
    at.run(timeout=300)
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["report_review"][1] is pack
    assert at.markdown[1].value == line


def test_review_notes_box_has_the_notes_limit(own_ws_path):
    from svcops.report import NOTES_CHARS

    at = run(PAGE, source="sample", lang="en", start="2026-09-01", end="2026-09-30", slide="2")
    assert at.text_area(key="report_note_process").proto.max_chars == NOTES_CHARS == 10_000


def test_a_pack_made_later_says_when_it_was_made(own_ws_path):
    """The analyses come from the cache; the pack's time did too, so a review started an
    hour later said it was frozen at the first one's time."""
    import time

    first = run(PAGE, source="sample", lang="en", start="2026-09-01", end="2026-09-30")
    first.button(key="report_start").click().run(timeout=300)
    made = first.session_state["report_review"][1].made_at
    time.sleep(1.1)
    later = run(PAGE, source="sample", lang="en", start="2026-09-01", end="2026-09-30")
    later.button(key="report_start").click().run(timeout=300)
    assert later.session_state["report_review"][1].made_at > made
