"""The "my data" ZIP (KVKK art. 11) as a request the task worker fulfils: the customer asks on
/portal/my-data/, the worker builds the archive into private storage and e-mails them, the
page offers it for `MEMNUN_DATA_EXPORT_DAYS` days, then `expire_data_exports` deletes it.
No request ever builds the archive or renders a tracking form itself.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.files import File
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from workflow.notifications import queue_notification
from workflow.services.profile import profile_of

from .export import personal_data_zip
from .models import DataExport
from .tasks import prepare_data_export

logger = logging.getLogger(__name__)

# A request still pending after this long was lost (the worker died mid-build, or never got
# it): the sweep marks it failed so that the customer may ask again.
STALE_AFTER = timedelta(hours=6)
EMAIL_TEMPLATE = "data_export_ready"


def latest_export(user) -> DataExport | None:
    return DataExport.objects.filter(user=user).first()


def downloadable_exports(user, *, now=None):
    """The user's archives that may be downloaded now: ready and not yet expired."""
    return DataExport.objects.filter(
        user=user, state=DataExport.State.READY, expires_at__gt=now or timezone.now()
    )


def request_data_export(*, user, language: str, now=None) -> tuple[DataExport, bool]:
    """Record the request and ask the worker to build it once committed; returns the request
    and whether it is new. While one is pending, that one is returned and nothing is started
    (a unique constraint settles two clicks at the same moment)."""
    pending = DataExport.objects.filter(user=user, state=DataExport.State.PENDING).first()
    if pending is not None:
        return pending, False
    try:
        with transaction.atomic():
            export = DataExport.objects.create(
                user=user,
                language=language if language in ("tr", "en") else "tr",
                created_at=now or timezone.now(),
            )
    except IntegrityError:  # the other click won
        return DataExport.objects.get(user=user, state=DataExport.State.PENDING), False
    transaction.on_commit(lambda: enqueue(export.pk))
    return export, True


def enqueue(export_id: int) -> None:
    try:
        prepare_data_export.enqueue(export_id)
    except Exception:  # the row stays pending; the sweep marks it failed after STALE_AFTER
        logger.exception("Could not enqueue data export %s", export_id)


def prepare(export_id: int, *, now=None) -> str:
    """Build the ZIP (`portal.export.personal_data_zip`: data.json, every tracking form,
    the customer's documents) into storage, mark it ready, drop the customer's older archives
    and queue the "your data is ready" e-mail; on any error mark it failed. Returns the new
    state (or "missing" when the request is gone or no longer pending)."""
    export = (
        DataExport.objects.filter(pk=export_id, state=DataExport.State.PENDING)
        .select_related("user")
        .first()
    )
    if export is None:
        return "missing"
    try:
        with personal_data_zip(export.user, export.language) as archive:
            export.file.save("data.zip", File(archive), save=False)
        return _mark_ready(export, now or timezone.now())
    except Exception:
        logger.exception("Data export %s failed", export_id)
        _delete_file(export)
        DataExport.objects.filter(pk=export_id, state=DataExport.State.PENDING).update(
            state=DataExport.State.FAILED, file=""
        )
        return DataExport.State.FAILED


@transaction.atomic
def _mark_ready(export: DataExport, now) -> str:
    expires_at = now + timedelta(days=settings.MEMNUN_DATA_EXPORT_DAYS)
    marked = DataExport.objects.filter(pk=export.pk, state=DataExport.State.PENDING).update(
        state=DataExport.State.READY,
        file=export.file.name,
        size=export.file.size,
        ready_at=now,
        expires_at=expires_at,
    )
    if not marked:  # the sweep gave up on it meanwhile: nobody will be offered this file
        _delete_file(export)
        return "missing"
    # a new archive replaces the older ones: no second copy of the data is kept
    for older in downloadable_exports(export.user, now=now).exclude(pk=export.pk):
        _expire(older)
    user = export.user
    queue_notification(
        template=EMAIL_TEMPLATE,
        recipient_email=user.email,
        language=profile_of(user).language,
        context={
            "contact_name": user.get_full_name().strip(),
            "my_data_url": settings.MEMNUN_SITE_URL + reverse("portal:my_data"),
            "days": settings.MEMNUN_DATA_EXPORT_DAYS,
        },
        recipient=user,
    )
    return DataExport.State.READY


def _delete_file(export: DataExport) -> None:
    if export.file.name:
        export.file.storage.delete(export.file.name)


def _expire(export: DataExport) -> None:
    _delete_file(export)
    DataExport.objects.filter(pk=export.pk).update(state=DataExport.State.EXPIRED, file="")


def expire_data_exports(*, now=None) -> dict[str, int]:
    """The periodic sweep: delete the archives past `expires_at`, and give up on requests
    pending longer than STALE_AFTER (the customer may then ask again)."""
    now = now or timezone.now()
    expired = DataExport.objects.filter(state=DataExport.State.READY, expires_at__lte=now)
    counts = {"expired": 0}
    for export in expired.iterator():
        _expire(export)
        counts["expired"] += 1
    stale = DataExport.objects.filter(
        state=DataExport.State.PENDING, created_at__lte=now - STALE_AFTER
    )
    counts["failed"] = stale.update(state=DataExport.State.FAILED)
    if counts["failed"]:
        logger.warning("%s data exports were still pending after %s", counts["failed"], STALE_AFTER)
    return counts
