"""Documents added to a complaint: evidence from the complainant, documents from staff (R7, R8)."""

from django.conf import settings
from django.core.files.base import ContentFile
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext

from ..models import Attachment, Complaint
from ..rules import is_complaint_staff
from ..states import EventKind, Visibility
from ..uploads import Upload, inspect_upload, megabytes, too_large
from ._base import (
    atomic,
    choose_one_of,
    field_error,
    lock,
    record_event,
    require_complainant_or_staff,
    require_open,
)


def check_limits(uploads: list[Upload], *, count: int = 0, total: int = 0) -> None:
    """The per-complaint count and size limits (settings), for what is there plus `uploads`."""
    if count + len(uploads) > settings.MEMNUN_ATTACHMENTS_PER_COMPLAINT:
        raise too_large(
            gettext("Bir şikâyete en fazla %(count)d dosya eklenebilir.")
            % {"count": settings.MEMNUN_ATTACHMENTS_PER_COMPLAINT}
        )
    if total + sum(upload.size for upload in uploads) > settings.MEMNUN_ATTACHMENT_TOTAL_BYTES:
        raise too_large(
            gettext("Bir şikâyetin dosyaları toplam %(size)s MB'ı geçemez.")
            % {"size": megabytes(settings.MEMNUN_ATTACHMENT_TOTAL_BYTES)}
        )


def inspect_uploads(files) -> list[Upload]:
    """Check every file (type from content, sizes, count) before anything is stored."""
    uploads = [inspect_upload(file) for file in files]
    check_limits(uploads)
    return uploads


def store_attachment(
    complaint: Complaint, upload: Upload, *, actor, visibility: str = Visibility.CUSTOMER
) -> Attachment:
    """Store one checked upload and record its `attachment` event (the complaint is locked)."""
    attachment = Attachment(
        complaint=complaint,
        original_name=upload.name,
        size=upload.size,
        content_type=upload.content_type,
        visibility=visibility,
        uploaded_by=actor,
        uploaded_at=timezone.now(),
    )
    attachment.file.save("upload", ContentFile(upload.content), save=False)
    attachment.event = record_event(
        complaint,
        kind=EventKind.ATTACHMENT,
        actor=actor,
        text=upload.name,
        visibility=visibility,
        data={"name": upload.name, "size": upload.size, "content_type": upload.content_type},
        at=attachment.uploaded_at,
    )
    attachment.save()
    return attachment


@atomic
def add_attachment(
    *, complaint: Complaint, actor, file, visibility: str = Visibility.CUSTOMER
) -> Attachment:
    """Add a document to an open complaint: the complainant's evidence (e.g. the e-mail they
    received, as .eml) or staff's document, for the customer or internal (R7, R8).

    The type is decided from the content; over a size or count limit is `TooLarge` (413).
    """
    complaint = lock(complaint)
    require_complainant_or_staff(actor, complaint)
    if visibility not in Visibility.values:
        raise field_error("visibility", choose_one_of(Visibility.values))
    if not is_complaint_staff(actor):
        visibility = Visibility.CUSTOMER  # only staff keep a document to themselves
    require_open(complaint)
    upload = inspect_upload(file)
    held = complaint.attachments.aggregate(count=Count("pk"), total=Sum("size"))
    check_limits([upload], count=held["count"], total=held["total"] or 0)
    return store_attachment(complaint, upload, actor=actor, visibility=visibility)
