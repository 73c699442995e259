"""Names from an upload crafted as Markdown, HTML and formulas are shown as text.

escape_md is checked against every construct Streamlit's Markdown understands; then
every page runs (AppTest, English and Chinese) on a workspace whose teams,
categories, subcategories, channels and agents are such names, and every text that
Streamlit renders as Markdown carries them only escaped.
"""

from __future__ import annotations

import re

import pytest
from hostile import HOSTILE, hostile_workbook
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import (
    AlertBase,
    ButtonGroup,
    Expander,
    HeadingBase,
    Markdown,
    Metric,
    Radio,
    Tab,
    Toast,
    Widget,
)
from test_pages import PAGES, ROOT

from ui.format import escape_md

JOINER = "\u2060"
# What escaped text must not hold, or Markdown would bring it to life: a link or an
# autolink, a Material icon or emoji shortcode, a colour directive, HTML, emphasis,
# LaTeX, a heading or a bracket (a backslash before a mark makes it text).
LIVE = re.compile(
    r"\]\(|https?://|www\.|@[\w\-.]|:material[/_]|:[a-z-]+\[|:[a-z_+-]+:"
    r"|(?<!\\)[<*_~`$#\[|!]"
)
# The hostile names brought to life on a page (whose own templates may use Markdown).
ALIVE = re.compile(
    r"\]\(http|https?://|:material[/_]|:red\[|(?<!\\)<(b|img)|(?<!\\)\*bold"
    r"|(?<!\\)\$x|(?<!\\)# head|(?<!\\)\+cmd|@SUM"
)


def shown(text: str) -> str:
    """What Streamlit shows for escaped Markdown text: escapes undone, joiners unseen."""
    return re.sub(r"\\(.)", r"\1", text).replace(JOINER, "").replace("&#32;", " ")


def shown_raw(escaped: str) -> str:
    """The parsed text Streamlit's plugins search (escapes undone, joiners kept)."""
    return re.sub(r"\\(.)", r"\1", escaped)


# -- escape_md on its own -----------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        *HOSTILE,
        "http://evil.example/x",
        "www.evil.example",
        "WWW.evil.example",
        "a@evil.example",
        "mailto:a@evil.example",
        "<http://evil.example>",
        ":smile:",
        ":+1:",
        ":streamlit:",
        ":material_home:",
        ":blue-background[y]",
        ":help[tip]",
        "x:small[s]",
        "$$x$$",
        "~~gone~~",
        "`code`",
        "![i](x)",
        "| a | b |",
        "- item",
        "1. one",
        "> quote",
        "&lt;b&gt;",
        "&#60;b&#62;",
        "back\\slash",
        "a -> b",
        "x <-> y <= z",
        "a ~= b",
        "a -- b",
        "a@-evil.example",
        "a@-b.c-d",
        "x\ufeff->\ufeffy",
        "a->b",  # found in review
    ],
)
def test_escaped_text_holds_nothing_markdown_would_bring_to_life(text):
    escaped = escape_md(text)
    assert not LIVE.search(escaped), escaped
    assert not re.search(r"(?<!\\)&", escaped.replace("&#32;", ""))  # no character reference
    assert not re.search(r"(<->|->|<-|--|>=|<=|~=)", shown_raw(escaped))
    assert shown(escaped) == text


def test_line_breaks_become_spaces_and_leading_space_is_no_code_block():
    assert escape_md("head\n===") == "head ==="
    assert escape_md("a\r\n\r\n- item") == r"a  \- item"
    assert escape_md("    code") == "&#32;   code"
    assert escape_md("plain words, 12 tickets") == "plain words, 12 tickets"


# -- every page, on hostile names -----------------------------------------------------------
@pytest.fixture(scope="module")
def hostile_ws(tmp_path_factory):
    """The own workspace (SVCOPS_WORKSPACE) holding the hostile upload."""
    from svcops.ingest import import_files
    from svcops.store import Workspace

    path = tmp_path_factory.mktemp("hostile") / "own.duckdb"
    with Workspace(path) as ws:
        report = import_files(ws, [("hostile.xlsx", hostile_workbook())])
    assert report.rows > 2000 and report.rejected == 0
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SVCOPS_WORKSPACE", str(path))
        yield path


NAMED_IN_MARKDOWN = ("views/overview.py", "views/quality.py", "views/resource.py")


def markdown_texts(at: AppTest) -> list[str]:
    """Every text on the page and in the sidebar that Streamlit renders as Markdown:
    bodies of markdown, captions, headings and alerts; labels and help of widgets,
    metrics, expanders and tabs; radio and segmented-control options. (Selectbox and
    multiselect options and table cells are plain text in Streamlit 1.67.)"""
    texts = []
    for root in (at.main, at.sidebar):
        for node in root:
            if isinstance(node, Markdown | AlertBase | HeadingBase | Toast):
                texts.append(node.value)
            elif isinstance(node, Expander | Tab):
                texts.append(node.label)
            elif isinstance(node, Metric | Widget):
                texts += [getattr(node.proto, "label", ""), getattr(node.proto, "help", "")]
                if isinstance(node, Radio | ButtonGroup):
                    texts += node.options
    return texts


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page", PAGES)
def test_hostile_names_reach_markdown_only_escaped(hostile_ws, page, lang):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.query_params.update(source="own", lang=lang)
    at.run()
    if page != "views/overview.py":
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    texts = markdown_texts(at)
    assert texts
    for text in texts:
        assert not ALIVE.search(text), text
    # Where the names reach Markdown (a headline, the vital few, a forecast's notes),
    # they came escaped: so the check above looked at them.
    if page in NAMED_IN_MARKDOWN:
        assert any(escape_md(name) in text for name in HOSTILE for text in texts), texts


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_hostile_file_name_is_text_while_checking_the_mapping(hostile_ws, lang):
    name = "[login](http://evil.example) :material/home: <b>x</b>.xlsx"
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.query_params.update(source="own", lang=lang)
    at.run()
    at.switch_page("views/data.py").run()
    at.file_uploader[0].upload(name, hostile_workbook())
    at.form_submit_button[1].click().run()  # check the mapping first
    assert not at.exception, [e.value for e in at.exception]
    titles = [e.label for e in at.expander if escape_md(name) in e.label]
    assert titles, [e.label for e in at.expander]
    for text in markdown_texts(at):
        assert not ALIVE.search(text), text


def static_table_texts(at: AppTest) -> list[str]:
    """The headers and text cells of every static table (``st.table``), which Streamlit
    1.67 renders as Markdown: presenter mode draws short tables so."""
    texts = []
    for table in at.table:
        frame = table.value
        texts += [str(c) for c in frame.columns]
        texts += [v for col in frame.columns for v in frame[col] if isinstance(v, str)]
    return texts


@pytest.mark.parametrize("page", PAGES)
def test_presenter_tables_show_hostile_names_as_text(hostile_ws, page):
    """In presenter mode a short table is a static table, whose cells Streamlit renders
    as Markdown: a team named ``[login](http://evil.example)`` was a live link on the
    presenter's screen, ``**bold**`` bold and ``$x^2$`` a formula."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.query_params.update(source="own", lang="en", present="1")
    at.run()
    if page != "views/overview.py":
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    for text in static_table_texts(at):
        assert not ALIVE.search(text), text
