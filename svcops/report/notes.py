"""Speaker notes: one text per pack section, kept in the workspace's settings (so they
travel with the data they speak about) and written into the pack under the section's
headlines."""

from __future__ import annotations

from ..store import Workspace
from .sections import AREAS

# The settings name of a section's notes (not an i18n key).
_NAME = "pack_notes:"


def load_notes(ws: Workspace) -> dict[str, str]:
    """The saved notes, section key -> text (sections without notes left out)."""
    out = {}
    for area in AREAS:
        text = ws.setting(_NAME + area)
        if text and text.strip():
            out[area] = text
    return out


def save_note(ws: Workspace, area: str, text: str) -> None:
    """Keep ``text`` as ``area``'s notes (blank: none). ValueError for an unknown area
    or a read-only workspace (the sample)."""
    if area not in AREAS:
        raise ValueError(f"no pack section {area!r}")
    ws.save_setting(_NAME + area, text.strip())
