"""Errors that carry a :class:`Message`: the CLI prints them in English, a page in its language.

:class:`MessageError` is the base: ``message`` is the Message, ``str(error)`` its English
wording, and it pickles (worker processes, Streamlit's cache). An analysis that refuses
its input raises :class:`InputError`, which is also a ``ValueError``, so callers that
catch ``ValueError`` keep working. The importer's ``IngestError`` is a MessageError but
not a ValueError: a bad file is not a bad argument.
"""

from __future__ import annotations

from . import DEFAULT_LANGUAGE, Message, render


class MessageError(Exception):
    """An error whose text is ``message`` (a key and its parameters).

    Built from a :class:`Message`, or from a key and keyword parameters.
    """

    def __init__(self, message: Message | str, **params: object) -> None:
        if isinstance(message, str):
            message = Message(message, params)
        elif params:
            raise TypeError("give parameters with a key, not with a Message")
        self.message = Message(message.key, dict(message.params))
        super().__init__(self.message)

    def __reduce__(self):
        return type(self), (self.message,)

    def __str__(self) -> str:
        return render(self.message)


class InputError(MessageError, ValueError):
    """An input an analysis refuses (a ``ValueError`` that carries its Message)."""


def error_text(error: Exception, lang: str = DEFAULT_LANGUAGE) -> str:
    """An error's sentence in ``lang``: a :class:`MessageError` worded, any other as it is."""
    return render(error.message, lang) if isinstance(error, MessageError) else str(error)
