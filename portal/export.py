"""Everything held about a customer (KVKK art. 11): as JSON for the API, as a ZIP with their
own documents for the portal (built by the task worker, portal.data_exports). Only what they
may see; nothing of anyone else."""

import json
import shutil
import tempfile
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.translation import gettext

from workflow.api.serializers import EventSerializer
from workflow.models import Complaint
from workflow.selectors import complaints_for_export
from workflow.services.profile import profile_of
from workflow.uploads import safe_name

from .tracking_forms import current_pdf, current_pdfs, render_and_keep
from .views import has_survey


def kept_tracking_form(complaint: Complaint, language: str) -> bytes:
    """The complaint's current tracking form, rendered now if none is kept: the ZIP is built
    by the task worker (portal.data_exports), which holds every form, never a request."""
    pdf = current_pdf(complaint, language)
    if pdf is None:
        render_and_keep(complaint.pk, language)
        pdf = current_pdf(complaint, language)
    return pdf


def profile_data(user) -> dict:
    profile = profile_of(user)
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "phone": profile.phone,
        "preferred_contact_method": profile.preferred_contact_method,
        "language": profile.language,
        "date_joined": user.date_joined,
    }


def attachment_path(complaint: Complaint, attachment) -> str:
    return (
        f"attachments/{complaint.reference}/{attachment.pk}-{safe_name(attachment.original_name)}"
    )


def complaint_data(complaint: Complaint) -> dict:
    survey = complaint.survey if has_survey(complaint) else None
    return {
        "reference": complaint.reference,
        "subject": complaint.subject,
        "description": complaint.description,
        "category": complaint.category.slug,
        "channel": complaint.channel,
        "status": complaint.status,
        "contact_name": complaint.contact_name,
        "contact_email": complaint.contact_email,
        "contact_phone": complaint.contact_phone,
        "preferred_contact_method": complaint.preferred_contact_method,
        "language": complaint.language,
        "received_at": complaint.received_at,
        "closed_at": complaint.closed_at,
        "closure_reason": complaint.closure_reason,
        "events": EventSerializer(complaint.customer_events, many=True).data,
        "attachments": [
            {
                "id": attachment.pk,
                "name": attachment.original_name,
                "size": attachment.size,
                "content_type": attachment.content_type,
                "uploaded_at": attachment.uploaded_at,
                "file": attachment_path(complaint, attachment),
            }
            for attachment in complaint.customer_attachments
        ],
        "survey": survey
        and {
            "resolution_score": survey.resolution_score,
            "process_score": survey.process_score,
            "comment": survey.comment,
            "submitted_at": survey.submitted_at,
        },
        "route_applications": [
            {
                "route": application.route.name_tr,
                "applied_on": application.applied_on,
                "external_reference": application.external_reference,
                "note": application.note,
            }
            for application in complaint.route_applications.all()
        ],
    }


def personal_data(user, complaints=None) -> dict:
    """The JSON of the export: profile and every complaint with what the customer may see."""
    complaints = complaints_for_export(user) if complaints is None else complaints
    return {
        "exported_at": timezone.now(),
        "profile": profile_data(user),
        "complaints": [complaint_data(complaint) for complaint in complaints],
    }


def personal_data_json(user, complaints=None) -> bytes:
    return json.dumps(
        personal_data(user, complaints), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    ).encode()


def tracking_form_path(complaint: Complaint) -> str:
    return f"tracking-forms/{complaint.reference}-tracking-form.pdf"


def zip_file_name() -> str:
    """The download's name in the active language."""
    return gettext("memnun-verilerim.zip")


def personal_data_zip(user, language: str = "tr"):
    """A ZIP in a temporary file, rewound: `data.json`, every complaint's tracking form (R8) in
    `language` and the customer's documents. Spilled to disk past 10 MB so that a large export
    does not sit in memory; one PDF or document at a time passes through memory. A kept,
    current tracking form is reused; a missing one is rendered now and kept (the task worker
    calls this, portal.data_exports.prepare)."""
    complaints = list(complaints_for_export(user))
    archive_file = tempfile.SpooledTemporaryFile(max_size=10 * 1024 * 1024)  # noqa: SIM115
    with zipfile.ZipFile(archive_file, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", personal_data_json(user, complaints))
        by_id = {complaint.pk: complaint for complaint in complaints}
        for complaint_id, pdf in current_pdfs(by_id, language):
            archive.writestr(tracking_form_path(by_id.pop(complaint_id)), pdf)
        for complaint in by_id.values():  # no current form kept: rendered here, once
            archive.writestr(tracking_form_path(complaint), kept_tracking_form(complaint, language))
        for complaint in complaints:
            for attachment in complaint.customer_attachments:
                with (
                    attachment.file.open("rb") as source,
                    archive.open(attachment_path(complaint, attachment), "w") as target,
                ):
                    shutil.copyfileobj(source, target)
    archive_file.seek(0)
    return archive_file
