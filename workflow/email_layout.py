"""One HTML look for every e-mail memnun sends (notifications and account e-mails).

The wording lives once, in the plain-text templates; the HTML part is that text set in the
company's layout (`templates/email/layout.html`: inline CSS, the site's name and colours, a
footer with the postal address and the portal link). Paragraphs stay paragraphs, a link on a
line of its own becomes a button, and every other address in the text becomes a link.
"""

import re

from django.template.loader import render_to_string
from django.utils.html import escape, urlize
from django.utils.safestring import mark_safe

from . import branding

URL_LINE = re.compile(r"^https?://\S+$")


def _paragraph(lines: list[str]) -> dict:
    if len(lines) == 1 and URL_LINE.match(lines[0]):
        return {"button": lines[0]}
    html = "<br>".join(urlize(escape(line), nofollow=False, autoescape=False) for line in lines)
    return {"html": mark_safe(html)}  # noqa: S308 - every line was escaped above


def paragraphs(text: str) -> list[dict]:
    """Blank-line separated blocks; within a block, a lone link line is split off as a
    button so that "… at the link below:\\nhttps://…" reads as text, then a button."""
    blocks: list[dict] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.rstrip() for line in block.splitlines() if line.strip()]
        chunk: list[str] = []
        for line in lines:
            if URL_LINE.match(line.strip()):
                if chunk:
                    blocks.append(_paragraph(chunk))
                    chunk = []
                blocks.append(_paragraph([line.strip()]))
            else:
                chunk.append(line)
        if chunk:
            blocks.append(_paragraph(chunk))
    return blocks


def html_email(
    *, subject: str, text: str, brand: branding.Brand | None = None, language: str = "tr"
) -> str:
    """The HTML part of an e-mail whose plain-text part is `text`; call with the e-mail's
    language active (the layout's own words are translated)."""
    brand = brand or branding.brand()
    return render_to_string(
        "email/layout.html",
        {
            "subject": subject,
            "paragraphs": paragraphs(text),
            "brand": brand,
            "language": language,
            "colors": {
                "primary": branding.PRIMARY,
                "primary_dark": branding.PRIMARY_DARK,
                "primary_soft": branding.PRIMARY_SOFT,
                "ink": branding.INK,
                "muted": branding.MUTED,
                "line": branding.LINE,
                "background": branding.BACKGROUND,
            },
        },
    )
