"""Every UI string, in English and Simplified Chinese, behind one function: ``t``.

Strings are ``str.format`` templates; numbers are formatted by the template
(``{pct:+.0%}``), so each language words and orders them its own way. They live
in one module per page or area (``app``, ``overview``, ``quality``, ...); a key
is ``<area>.<name>`` and no key may be defined twice.

Analyses never return sentences: they return a :class:`Message` (a key and its
parameters), and the page or the CLI words it with :func:`render`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from . import (
    app,
    columns,
    cost,
    data,
    explorer,
    ingest,
    innovation,
    overview,
    performance,
    process,
    progress,
    quality,
    report,
    resource,
    risk,
)

LANGUAGES = {"en": "English", "zh": "简体中文"}
DEFAULT_LANGUAGE = "en"

_AREAS = (
    app,
    overview,
    process,
    quality,
    performance,
    resource,
    cost,
    innovation,
    risk,
    report,
    data,
    explorer,
    columns,
    ingest,
    progress,
)


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

    def __str__(self) -> str:
        """The English wording (what the CLI prints, and an exception's text)."""
        return render(self)


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params) -> str:
    """The string ``key`` in ``lang`` (English when missing), formatted with ``params``."""
    entry = STRINGS.get(key)
    if entry is None:
        raise KeyError(f"no UI string {key!r}")
    template = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return template.format(**params) if params else template


class _Escaped:
    """A text parameter escaped after its template formats it (``{name}``, ``{name!r}``,
    ``{name:>10}``), so a quoted value does not show its escapes doubled."""

    __slots__ = ("escape", "text")

    def __init__(self, text: str, escape: Callable[[str], str]):
        self.text, self.escape = text, escape

    def __format__(self, spec: str) -> str:
        return self.escape(format(self.text, spec))

    def __repr__(self) -> str:
        return self.escape(repr(self.text))

    def __str__(self) -> str:
        return self.escape(self.text)


def render(
    message: Message,
    lang: str = DEFAULT_LANGUAGE,
    escape: Callable[[str], str] | None = None,
    **extra,
) -> str:
    """A :class:`Message` worded in ``lang``; ``extra`` parameters override its own.

    A parameter that is a Message is worded first, in the same language; a tuple of
    Messages is worded and joined by ``common.list_sep`` (a sheet skipped for several
    reasons). ``escape`` (e.g. Markdown escaping) applies to every text parameter,
    which may come from the user's data, after the template formats it, and never to
    the templates themselves.
    """
    params = {}
    for name, value in {**message.params, **extra}.items():
        if isinstance(value, Message):
            value = render(value, lang, escape)
            value = _Escaped(value, str) if escape is not None else value  # already escaped
        elif isinstance(value, tuple) and value and all(isinstance(v, Message) for v in value):
            value = t("common.list_sep", lang).join(render(v, lang, escape) for v in value)
        elif isinstance(value, str) and escape is not None:
            value = _Escaped(value, escape)
        params[name] = value
    return t(message.key, lang, **params)


# The group of tickets with no value in a dimension, as the analyses label it
# (svcops.kpi.breakdown; svcops.headlines.NO_VALUE is this).
NO_VALUE = "(none)"


def value_word(value: object) -> object:
    """A dimension value (a team, a channel) for show, as a message parameter: one of
    svcops's own words (a channel the importer recognised, stored as its key ``phone``)
    or the analyses' ``(none)`` as a Message worded in the reader's language; any other
    value (a team's name, a category) as it is."""
    if isinstance(value, str):
        if value == NO_VALUE:
            return Message("common.none")
        if f"value.{value}" in STRINGS:
            return Message(f"value.{value}")
    return value


def value_name(value: object, lang: str = DEFAULT_LANGUAGE) -> object:
    """:func:`value_word` worded in ``lang``: a cell of a table of dimension values."""
    word = value_word(value)
    return render(word, lang) if isinstance(word, Message) else word


def unsigned_zero(text: str) -> str:
    """A signed change as shown (``-0.0``, ``+0.0 pts``, ``+0``) without its sign when
    it rounds to nothing: ``-0.0`` read as a fall, and a change of -0.03 shown to one
    decimal is neither up nor down. Any other text as it is."""
    if text[:1] in "+-" and not any(c in "123456789" for c in text):
        return text[1:]
    return text


def say(key: str, **params: object) -> Message:
    """The message ``key`` with its template's parameters."""
    return Message(key, params)


def column_label(column: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """Display name of a table column: its ``col.<name>`` string, else the name itself."""
    return t(f"col.{column}", lang) if f"col.{column}" in STRINGS else column
