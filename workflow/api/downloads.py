"""Handing a stored attachment to someone allowed to have it (customer, guest, staff)."""

from django.http import FileResponse
from rest_framework.renderers import BaseRenderer, JSONRenderer

from workflow.models import Attachment


def attachment_response(attachment: Attachment) -> FileResponse:
    """Always a download, never rendered by the browser: `Content-Disposition: attachment`
    with the original name (RFC 5987-encoded by Django), the detected type, `nosniff`, and
    kept out of every cache."""
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


class AnyMediaRenderer(BaseRenderer):
    """Lets a client ask for the file's own type (`Accept: application/pdf`) without a 406;
    an error is still JSON."""

    media_type = "*/*"
    format = "file"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return JSONRenderer().render(data)


DOWNLOAD_RENDERERS = [JSONRenderer, AnyMediaRenderer]
