"""Errors that carry a :class:`Message`: the CLI prints them in English, a page in its language.

An analysis that refuses its input raises :class:`MessageError` (a ``ValueError``),
so callers that catch ``ValueError`` keep working; ``str(error)`` is the English
sentence and :func:`error_text` words any error for a page.
"""

from __future__ import annotations

from . import DEFAULT_LANGUAGE, Message, render


class MessageError(ValueError):
    """A ``ValueError`` whose text is ``message`` (a key and its parameters).

    Built from a :class:`Message`, or from a key and keyword parameters.
    """

    def __init__(self, message: Message | str, **params: object) -> None:
        if isinstance(message, str):
            message = Message(message, params)
        elif params:
            raise TypeError("give parameters with a key, not with a Message")
        # A plain dict of parameters: the error (or the Message alone) may be pickled
        # (worker processes, Streamlit's cache), and a read-only mapping view cannot be.
        self.message = Message(message.key, dict(message.params))
        super().__init__(self.message)

    def __reduce__(self):
        return type(self), (self.message,)

    def __str__(self) -> str:
        return render(self.message)


def error_text(error: Exception, lang: str = DEFAULT_LANGUAGE) -> str:
    """An error's sentence in ``lang``: a :class:`MessageError` worded, any other as it is."""
    return render(error.message, lang) if isinstance(error, MessageError) else str(error)
