"""The pack as a PDF: WeasyPrint lays out the pack's own HTML (A4 landscape, a running
header with the period and filters, page numbers: the ``@page`` rules of
:mod:`.html`). It fetches nothing: every chart is inline SVG, and any URL it would
load is refused.

WeasyPrint needs Pango (Debian: libpango-1.0-0, libpangoft2-1.0-0); without it
:class:`PdfError` says so in one line.
"""

from __future__ import annotations

from .pack import Pack


class PdfError(RuntimeError):
    """The PDF cannot be made here (WeasyPrint or its system libraries missing)."""


def _refuse(url: str) -> None:
    """Every URL WeasyPrint would load: refused (the pack's HTML names none)."""
    raise ValueError(f"the review pack loads nothing from outside ({url[:60]})")


def to_pdf(pack: Pack, html: str | None = None) -> bytes:
    """The PDF of ``html`` (default: :func:`.html.to_html` of ``pack``)."""
    try:
        import weasyprint  # type: ignore[import-untyped]
    except (ImportError, OSError) as exc:  # OSError: Pango's library not found
        raise PdfError(f"WeasyPrint cannot run: {str(exc).splitlines()[0]}") from exc
    if html is None:
        from .html import to_html

        html = to_html(pack)
    from weasyprint.urls import URLFetcher  # type: ignore[import-untyped]

    class Refusing(URLFetcher):
        def fetch(self, url, headers=None):
            _refuse(url)

    doc = weasyprint.HTML(string=html, url_fetcher=Refusing(), base_url=None)
    return doc.write_pdf()
