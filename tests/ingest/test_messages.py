"""What the importer says is a message: worded in English as before, and in Chinese.

Each hostile or bad input below gives an error, a skipped sheet or a row set aside
as a :class:`svcops.i18n.Message`; its key has both languages, its English is the
sentence the importer always wrote, and its Chinese holds no English words but the
user's own names and values (and a few technical names: UTF-8, CSV, ...).
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from svcops.i18n import STRINGS, Message, say
from svcops.i18n import ingest as ingest_strings
from svcops.i18n import render as word
from svcops.ingest import IngestError, ProfileError, import_files, import_paths, preview
from svcops.ingest.coerce import _TYPE_REASONS
from svcops.ingest.profiles import get_profile
from ui.format import escape_md

ROOT = Path(__file__).resolve().parents[2]

# Names that are not words of either language: encodings, formats, products, units.
TECHNICAL = {
    "UTF",
    "GBK",
    "GB18030",
    "CSV",
    "CSAT",
    "ITIL",
    "API",
    "Freshdesk",
    "Windows",
    "MB",
    "GB",
    "SVCOPS_MAX_UPLOAD_MB",
    "P",
    "P1",
    "P4",
}
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def _english_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text) if w not in TECHNICAL}


def _user_text(message: Message) -> list[str]:
    """Every text parameter of a message, nested ones included: the user's data."""
    found = []
    for value in message.params.values():
        nested = value if isinstance(value, tuple) else (value,)
        for v in nested:
            if isinstance(v, Message):
                found += _user_text(v)
            elif isinstance(v, str):
                found.append(v)
    return found


def _keys(message: Message) -> list[str]:
    nested = [
        v
        for value in message.params.values()
        for v in (value if isinstance(value, tuple) else (value,))
        if isinstance(v, Message)
    ]
    return [message.key, *(k for m in nested for k in _keys(m))]


def _refused(ws, name: str, blob: bytes) -> Message:
    with pytest.raises(IngestError) as caught:
        import_files(ws, [(name, blob)])
    return caught.value.message


def _set_aside(ws, workbook, rows: list[dict], row: int) -> tuple[str, Message]:
    """Import ``rows`` as a tickets sheet; the action and reason stored for sheet row ``row``."""
    import_paths(ws, [workbook({"tickets": rows})])
    action, reasons = ws.query(
        "SELECT action, reasons FROM rejects WHERE row_number = ?", [row]
    ).iloc[0]
    (reason,) = json.loads(reasons)
    return action, Message(reason["key"], reason["params"])


def _tickets(n: int = 3) -> list[dict]:
    return [
        {
            "ticket_id": f"T{i}",
            "created_at": datetime(2024, 5, 1, 9 + i),
            "resolved_at": datetime(2024, 5, 2, 9 + i),
        }
        for i in range(n)
    ]


CASES = {
    "damaged workbook": (
        lambda ws, wb: _refused(ws, "broken.xlsx", b"PK\x03\x04 not really a workbook"),
        "ingest.error.damaged",
        "broken.xlsx: not a readable workbook (the file is damaged)",
    ),
    "empty file": (
        lambda ws, wb: _refused(ws, "empty.csv", b""),
        "ingest.error.empty",
        "empty.csv: the file is empty",
    ),
    "CSV in an unknown encoding": (
        lambda ws, wb: _refused(ws, "legacy.csv", b"ticket_id,created_at\nA1,\x81\xff\n"),
        "ingest.error.encoding",
        "legacy.csv: the text is neither UTF-8, UTF-16, GBK/GB18030 nor Windows-1252",
    ),
    "no sheet matches": (
        lambda ws, wb: _refused(
            ws, "upload.xlsx", wb({"Sheet1": [{"foo": 1, "bar": 2}]}).read_bytes()
        ),
        "ingest.error.nothing",
        "upload.xlsx: nothing to import (sheet 'Sheet1': no table matches its columns (foo, bar))",
    ),
    "a row with no id": (
        lambda ws, wb: _set_aside(
            ws, wb, [*_tickets(), {"ticket_id": None, "created_at": datetime(2024, 5, 3)}], 5
        ),
        "ingest.reason.empty",
        "ticket_id (ticket_id) is empty",
    ),
    "a duplicate key": (
        lambda ws, wb: _set_aside(ws, wb, [*_tickets(), _tickets(1)[0]], 2),
        "ingest.reason.duplicate",
        "duplicate ticket_id: row 5 of this sheet has the same key and was kept",
    ),
    "a bad date in an optional column": (
        lambda ws, wb: _set_aside(
            ws,
            wb,
            [
                *_tickets(),
                {"ticket_id": "T9", "created_at": datetime(2024, 5, 3), "resolved_at": "someday"},
            ],
            5,
        ),
        "ingest.reason.datetime",
        'resolved_at (resolved_at): "someday" cannot be read as a date and time',
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_bad_input_is_said_in_both_languages(ws, workbook, case):
    make, key, english = CASES[case]
    got = make(ws, workbook)
    action, message = got if isinstance(got, tuple) else (None, got)
    assert isinstance(message, Message) and message.key == key
    for k in _keys(message):
        assert set(STRINGS[k]) == {"en", "zh"}, k
    assert word(message, "en") == english
    chinese = word(message, "zh")
    assert chinese != english
    for text in sorted(_user_text(message), key=len, reverse=True):
        chinese = chinese.replace(text, "")
    assert not _english_words(chinese), word(message, "zh")
    if action is not None:  # the action stored beside it is worded as well
        worded = ws.rejects(lang="zh")
        assert set(worded.action) <= {"拒收", "值已置空"} and word(message, "zh") in set(
            worded.reason
        )


def test_the_error_itself_reads_as_before(ws):
    with pytest.raises(IngestError, match=r"^broken\.xlsx: not a readable workbook") as caught:
        import_files(ws, [("broken.xlsx", b"PK\x03\x04 not really a workbook")])
    assert str(caught.value) == word(caught.value.message)


def test_a_skipped_sheet_lists_its_reasons_in_the_language_asked_for(ws, workbook):
    book = workbook({"tickets": _tickets(), "notes": [{"text": "hello"}]}).read_bytes()
    sheets = {s.sheet: s for s in preview(ws, [("upload.xlsx", book)])}
    (why,) = sheets["notes"].notes
    assert word(why, "en") == "no table matches its columns (text)"
    assert word(why, "zh") == "没有与其列相符的表（text）"
    nested = say(
        "ingest.skip.unfit",
        table="tickets",
        notes=(
            say("ingest.note.values_not_dates", source="Opened"),
            say("ingest.note.not_numbers", source="Cost"),
        ),
    )
    assert str(nested) == (
        "recognised as tickets but Opened: left unmapped, its values are not "
        "dates; Cost: left unmapped, its values are not numbers"
    )
    assert (
        word(nested, "zh")
        == "识别为 tickets，但Opened：未映射，其值不是日期；Cost：未映射，其值不是数字"
    )


def test_the_users_text_is_escaped_for_markdown_and_the_template_is_not(ws):
    message = _refused(ws, "my_[report].xlsx", b"")
    assert word(message, "en", escape_md) == r"my\_\[report\]\.xlsx: the file is empty"
    assert word(message, "zh", escape_md) == r"my\_\[report\]\.xlsx：文件为空"


def test_an_unknown_profile_is_a_value_error_said_in_both_languages(ws):
    with pytest.raises(ValueError, match="no mapping profile named 'nope'") as caught:
        get_profile(ws, "nope")
    assert isinstance(caught.value, ProfileError)
    assert word(caught.value.message, "zh") == "没有名为“nope”的映射配置（尚未保存任何配置）"


# Codes of the reasons a row is set aside, keyed f"ingest.reason.{code}" in coerce.py.
REASON_CODES = {
    "empty",
    "priority",
    "csat_scale",
    "csat_score",
    "datetime",
    "summary",
    "duplicate",
    "described_elsewhere",
    "derived_scheduled_hours",
    "currency",
    "share",
    "share_mixed",
    "header_repeat",
    *_TYPE_REASONS.values(),
}
_KEY = re.compile(r"""["'](ingest\.[a-z_]+(?:\.[a-z_]+)?)["']""")


def _keys_in_source() -> set[str]:
    paths = [*ROOT.glob("svcops/ingest/*.py"), ROOT / "svcops" / "store.py"]
    return {k for p in paths for k in _KEY.findall(p.read_text())}


def test_every_ingest_key_in_the_code_has_both_languages():
    used = _keys_in_source() | {f"ingest.reason.{code}" for code in REASON_CODES}
    assert len(used) > 50
    missing = {k for k in used if set(STRINGS.get(k, {})) != {"en", "zh"}}
    assert not missing
    unused = set(ingest_strings.STRINGS) - used
    assert not unused, "strings nothing says"


def test_no_chinese_template_says_english_words():
    for key, entry in ingest_strings.STRINGS.items():
        assert key.startswith("ingest."), key
        bare = re.sub(r"\{[^}]*\}", "", entry["zh"])
        assert not _english_words(bare), (key, entry["zh"])


def test_the_data_page_says_it_in_chinese(tmp_path, monkeypatch, workbook):
    monkeypatch.setenv("SVCOPS_WORKSPACE", str(tmp_path / "own.duckdb"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.query_params.update(source="own", lang="zh")
    at.run()
    at.switch_page("views/data.py").run()
    at.file_uploader[0].upload("broken.xlsx", b"PK\x03\x04 not really a workbook")
    at.form_submit_button[0].click().run()
    assert not at.exception
    shown = re.sub(r"\\(.)", r"\1", at.error[0].value)  # as rendered: escapes undone
    assert shown == "未导入任何数据。broken.xlsx：无法读取的工作簿（文件已损坏）"
    rows = [
        *_tickets(),
        {"ticket_id": "T9", "created_at": datetime(2024, 5, 3), "resolved_at": "someday"},
    ]
    at.file_uploader[0].upload("june.xlsx", workbook({"tickets": rows}).read_bytes())
    at.form_submit_button[0].click().run()
    assert not at.exception
    rejects = at.dataframe[-1].value
    assert rejects.iloc[0].tolist()[4:6] == [
        "值已置空",
        "resolved_at（resolved_at）：“someday”无法读取为日期时间",
    ]
    zendesk = [
        {
            "Ticket ID": f"Z{i}",
            "Created at": datetime(2024, 6, 3, 9 + i),
            "Satisfaction Score": "Good",
        }
        for i in range(3)
    ]
    at.file_uploader[0].upload("zendesk.xlsx", workbook({"tickets": zendesk}).read_bytes())
    at.form_submit_button[1].click().run()  # check the mapping first
    assert not at.exception
    captions = [re.sub(r"\\(.)", r"\1", c.value) for c in at.caption]
    assert (
        "Satisfaction Score：CSAT 仅按原样保留（两级评分（good）没有对应的 1-5 分值；"
        "仅保留原始值）" in captions
    ), captions
