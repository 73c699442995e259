"""Saved mapping profiles: a corrected mapping that applies itself to the next export
of the same shape.

A profile records the table a sheet goes to and which header feeds which canonical
column, keyed by the sheet's *signature* (its headers, folded and sorted), so next
month's export with the same columns maps itself, whatever its file name.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from ..i18n import say
from ..schema import TABLES, normalise_header
from ..store import Workspace
from .mapping import Mapping
from .read import IngestError


class ProfileError(IngestError, ValueError):
    """A profile that cannot be saved or found; ``message`` says why (see IngestError)."""


def signature(headers: list[str]) -> str:
    """The shape of a sheet: a hash of its folded, sorted headers."""
    folded = sorted(normalise_header(h) for h in headers if h != "_row")
    return hashlib.sha1("\x1f".join(folded).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Profile:
    name: str
    table: str
    signature: str
    columns: dict[str, str]  # canonical column -> source header

    def mapping(self) -> Mapping:
        return Mapping(TABLES[self.table], dict(self.columns), dict.fromkeys(self.columns, 1.0))


def save_profile(ws: Workspace, name: str, headers: list[str], mapping: Mapping) -> Profile:
    """Save (or replace) a named profile for sheets with these headers; ProfileError
    (a ValueError) when it cannot be."""
    name = name.strip()
    if not name:
        raise ProfileError(say("ingest.profile.no_name"))
    unknown = sorted(set(mapping.columns.values()) - set(headers))
    if unknown:
        raise ProfileError(
            say("ingest.profile.unknown_columns", profile=name, columns=", ".join(unknown))
        )
    if mapping.missing_required:
        raise ProfileError(
            say(
                "ingest.profile.missing",
                profile=name,
                table=mapping.table.name,
                columns=", ".join(mapping.missing_required),
            )
        )
    if ws.read_only:
        raise ProfileError(say("ingest.profile.read_only"))
    profile = Profile(name, mapping.table.name, signature(headers), dict(mapping.columns))
    cur = ws.cursor()
    cur.execute("DELETE FROM profiles WHERE name = ?", [name])
    cur.execute(
        "INSERT INTO profiles VALUES (?, ?, ?, ?, ?)",
        [
            name,
            profile.table,
            profile.signature,
            json.dumps(profile.columns),
            datetime.now().replace(microsecond=0),
        ],
    )
    return profile


def _rows(ws: Workspace, where: str = "", params=None) -> list[Profile]:
    # A read-only workspace written by an older version may predate the table.
    if not ws.scalar(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'profiles'"
    ):
        return []
    frame = ws.query(
        f"SELECT name, table_name, signature, mapping FROM profiles {where} "
        "ORDER BY saved_at DESC, name",
        params,
    )
    return [
        Profile(name, table, sig, json.loads(mapping))
        for name, table, sig, mapping in frame.itertuples(index=False, name=None)
    ]


def list_profiles(ws: Workspace) -> list[Profile]:
    return _rows(ws)


def get_profile(ws: Workspace, name: str) -> Profile:
    """The profile called ``name``; ProfileError (a ValueError) naming those saved if none."""
    found = _rows(ws, "WHERE name = ?", [name])
    if not found:
        names = ", ".join(p.name for p in _rows(ws))
        raise ProfileError(
            say("ingest.profile.unknown", profile=name, names=names)
            if names
            else say("ingest.profile.unknown_none", profile=name)
        )
    return found[0]


def profile_for(ws: Workspace, headers: list[str]) -> Profile | None:
    """The newest saved profile for sheets with exactly these headers, if any."""
    found = _rows(ws, "WHERE signature = ?", [signature(headers)])
    return found[0] if found else None


def delete_profile(ws: Workspace, name: str) -> None:
    ws.cursor().execute("DELETE FROM profiles WHERE name = ?", [name])
