"""Speaker notes: one text per pack section, kept in the workspace's settings (so they
travel with the data they speak about) and written into the pack under the section's
headlines."""

from __future__ import annotations

from ..store import Workspace
from .sections import AREAS

# The settings name of a section's notes (not an i18n key).
_NAME = "pack_notes:"
# A section's notes at most this long: a few pages of the PDF, and well inside an Excel
# cell (32,767 characters; XlsxWriter cut a longer text there without a word, and a
# megabyte pasted in kept WeasyPrint busy for minutes).
NOTES_CHARS = 10_000


def load_notes(ws: Workspace) -> dict[str, str]:
    """The saved notes, section key -> text (sections without notes left out)."""
    out = {}
    for area in AREAS:
        text = ws.setting(_NAME + area)
        if text and text.strip():
            out[area] = text
    return out


def save_note(ws: Workspace, area: str, text: str) -> None:
    """Keep ``text`` as ``area``'s notes (blank: none). ValueError for an unknown area,
    a text longer than :data:`NOTES_CHARS` or a read-only workspace (the sample)."""
    if area not in AREAS:
        raise ValueError(f"no pack section {area!r}")
    if len(text.strip()) > NOTES_CHARS:
        raise ValueError(f"speaker notes hold at most {NOTES_CHARS:,} characters")
    ws.save_setting(_NAME + area, text.strip())
