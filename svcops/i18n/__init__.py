"""Every UI string, in English and Simplified Chinese, behind one function: ``t``.

Strings are ``str.format`` templates; numbers are formatted by the template
(``{pct:+.0%}``), so each language words and orders them its own way. They live
in one module per page or area (``app``, ``overview``, ``quality``, ...); a key
is ``<area>.<name>`` and no key may be defined twice.

Analyses never return sentences: they return a :class:`Message` (a key and its
parameters), and the page or the CLI words it with :func:`render`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from . import app, columns, data, ingest, overview, performance, quality, resource

LANGUAGES = {"en": "English", "zh": "简体中文"}
DEFAULT_LANGUAGE = "en"

_AREAS = (app, overview, quality, performance, resource, data, columns, ingest)


def _merge() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for area in _AREAS:
        for key, entry in area.STRINGS.items():
            if key in merged:
                raise RuntimeError(f"UI string {key!r} is defined twice (again in {area.__name__})")
            merged[key] = entry
    return merged


STRINGS: dict[str, dict[str, str]] = _merge()


@dataclass(frozen=True)
class Message:
    """A sentence not yet worded: a string key and the parameters of its template.

    A parameter may itself be a Message (a reason inside a sentence); it is worded in
    the same language. Messages pickle, so cached results may carry them.
    """

    key: str
    params: Mapping[str, object] = field(default_factory=dict)


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params) -> str:
    """The string ``key`` in ``lang`` (English when missing), formatted with ``params``."""
    entry = STRINGS.get(key)
    if entry is None:
        raise KeyError(f"no UI string {key!r}")
    template = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return template.format(**params) if params else template


def render(message: Message, lang: str = DEFAULT_LANGUAGE, **extra) -> str:
    """A :class:`Message` worded in ``lang``; ``extra`` parameters override its own."""
    params = {k: render(v, lang) if isinstance(v, Message) else v
              for k, v in {**message.params, **extra}.items()}
    return t(message.key, lang, **params)


def column_label(column: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """Display name of a table column: its ``col.<name>`` string, else the name itself."""
    return t(f"col.{column}", lang) if f"col.{column}" in STRINGS else column
