"""What the importer tells a person, as messages worded by whoever shows them.

Why a file is refused, why a sheet is skipped, what was assumed about a column:
each is a :class:`Said`, a :class:`svcops.i18n.Message` keyed ``ingest.*`` (strings
in ``svcops/i18n/ingest.py``) whose ``str()`` is its English wording, so the CLI
prints it as before while the app words it in the user's language with :func:`word`.
"""

from __future__ import annotations

from collections.abc import Callable

from ..i18n import DEFAULT_LANGUAGE, Message, render, t


class Said(Message):
    """A Message whose ``str()`` is its English wording.

    A parameter may itself be a Message, or a tuple of Messages (worded and joined
    by ``ingest.list_sep``): a skipped sheet's reason lists the notes behind it.
    """

    def __str__(self) -> str:
        return word(self)


def say(key: str, **params: object) -> Said:
    """The message ``key`` (an ``ingest.*`` string) with its template's parameters."""
    # A plain dict, not a read-only view: these travel in Streamlit's session state,
    # which may pickle them.
    return Said(key, params)


def word(message: Message, lang: str = DEFAULT_LANGUAGE,
         escape: Callable[[str], str] | None = None) -> str:
    """``message`` in ``lang``, its Message parameters worded first.

    ``escape``: applied to every text parameter (file, sheet and column names, cell
    values: the user's data), e.g. Markdown escaping; never to the templates.
    """
    params = {}
    for name, value in message.params.items():
        if isinstance(value, Message):
            value = word(value, lang, escape)
        elif isinstance(value, tuple) and all(isinstance(v, Message) for v in value):
            value = t("ingest.list_sep", lang).join(word(v, lang, escape) for v in value)
        elif isinstance(value, str) and escape is not None:
            value = escape(value)
        params[name] = value
    return render(message, lang, **params)
