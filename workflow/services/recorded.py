"""R13/R14: staff record the complainant's answer to a proposed resolution, given by phone,
face to face or post. The same transitions as the customer's own answer, with the method in
the event."""

from ..models import Complaint
from ..states import ContactMethod
from ._base import atomic, choose_one_of, field_error, lock_for_staff, optional_text, required_text
from .customer import accepted, rejected

RECORDED_METHODS = (ContactMethod.PHONE, ContactMethod.FACE_TO_FACE, ContactMethod.POST)


def _method(method: str) -> str:
    if method not in RECORDED_METHODS:
        raise field_error("method", choose_one_of(RECORDED_METHODS))
    return str(method)


def _recorded(actor, method: str) -> dict:
    return {"method": method, "recorded_by": actor.pk}


@atomic
def record_acceptance(*, complaint: Complaint, actor, method: str, note: str = "") -> Complaint:
    """R13: the complainant accepted the proposed resolution by phone, face to face or post."""
    complaint = lock_for_staff(complaint, actor)
    method = _method(method)
    note = optional_text(note, "note")
    return accepted(complaint, actor=actor, text=note, data=_recorded(actor, method))


@atomic
def record_rejection(*, complaint: Complaint, actor, method: str, reason: str) -> Complaint:
    """R14: the complainant rejected the proposed resolution by phone, face to face or post;
    the reason is recorded and the alternative routes are sent to them as after a rejection
    in the portal."""
    complaint = lock_for_staff(complaint, actor)
    method = _method(method)
    reason = required_text(reason, "reason")
    return rejected(complaint, actor=actor, reason=reason, data=_recorded(actor, method))
