"""R9: corrections, corrective and preventive actions, linked to complaints, with an owner,
a due date, a state and an effectiveness check. Each change is an internal event on every
complaint the action is linked to."""

from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import gettext

from ..errors import InvalidInput, NotPermitted, TransitionNotAllowed
from ..models import Complaint, CorrectiveAction
from ..rules import is_quality_manager
from ..selectors import complaint_staff_users
from ..states import EventKind, Visibility
from ._base import (
    atomic,
    choose_one_of,
    lock,
    lock_for_staff,
    optional_text,
    record_event,
    require_open,
    require_staff,
    required_text,
)

Kind = CorrectiveAction.Kind
State = CorrectiveAction.State
Effectiveness = CorrectiveAction.Effectiveness


def _owner(owner, errors: dict):
    """An owner is complaint staff, given as a user or by e-mail (never a customer or an
    editor); None when not given."""
    if owner in (None, ""):
        return None
    staff = complaint_staff_users()
    found = (
        staff.filter(email__iexact=owner).first()
        if isinstance(owner, str)
        else staff.filter(pk=owner.pk).first()
    )
    if found is None:
        errors["owner"] = [gettext("Sorumlu, şikâyet personelinden biri olmalıdır.")]
    return found


def _title(description: str) -> str:
    first_line = description.splitlines()[0].strip()
    return first_line if len(first_line) <= 200 else first_line[:199] + "…"


def _event_data(action: CorrectiveAction, **extra) -> dict:
    return {
        "corrective_action_id": action.pk,
        "kind": action.kind,
        "state": action.state,
        "owner_id": action.owner_id,
        "due_date": action.due_date.isoformat() if action.due_date else None,
        **extra,
    }


def _existing(existing) -> CorrectiveAction:
    pk = getattr(existing, "pk", existing)
    found = CorrectiveAction.objects.select_for_update().filter(pk=pk).first()
    if found is None:
        raise InvalidInput(
            gettext("Böyle bir düzeltici faaliyet yok."),
            errors={"existing": [gettext("Böyle bir düzeltici faaliyet yok.")]},
        )
    return found


@atomic
def add_corrective_action(
    *,
    complaint: Complaint,
    actor,
    kind: str = "",
    description: str = "",
    owner=None,
    due_date: date | None = None,
    title: str = "",
    existing: CorrectiveAction | int | None = None,
) -> Complaint:
    """R9 (and R6: a root-cause complaint needs one before it closes): define a correction,
    corrective or preventive action for an open complaint, or link an existing one
    (`existing`) — either way an internal `corrective_action` event. Staff of the
    complaint's unit and quality managers may; the owner is complaint staff."""
    complaint = lock_for_staff(complaint, actor)
    require_open(complaint)
    if existing not in (None, ""):
        action = _existing(existing)
        if action.complaints.filter(pk=complaint.pk).exists():
            raise InvalidInput(
                gettext("Bu faaliyet bu şikâyete zaten bağlı."),
                errors={"existing": [gettext("Bu faaliyet bu şikâyete zaten bağlı.")]},
            )
        linked = True
    else:
        errors: dict = {}
        if kind not in Kind.values:
            errors["kind"] = [choose_one_of(Kind.values)]
        try:
            description = required_text(description, "description", max_length=5000)
        except InvalidInput as error:
            errors.update(error.errors)
        try:
            title = optional_text(title, "title", max_length=200)
        except InvalidInput as error:
            errors.update(error.errors)
        owner = _owner(owner, errors)
        if due_date is not None and (
            isinstance(due_date, datetime)
            or not isinstance(due_date, date)
            or due_date < timezone.localdate()
        ):
            errors["due_date"] = [gettext("Bugün ya da daha ileri bir tarih girin.")]
        if errors:
            raise InvalidInput(gettext("Düzeltici faaliyet kaydedilemedi."), errors=errors)
        action = CorrectiveAction.objects.create(
            kind=kind,
            title=title or _title(description),
            description=description,
            owner=owner,
            due_date=due_date,
        )
        linked = False
    action.complaints.add(complaint)
    record_event(
        complaint,
        kind=EventKind.CORRECTIVE_ACTION,
        actor=actor,
        text=action.title,
        visibility=Visibility.INTERNAL,
        data=_event_data(action, linked_existing=linked),
    )
    complaint.save(update_fields=["updated_at"])
    return complaint


def _record_on_complaints(action: CorrectiveAction, actor, text: str, **extra) -> None:
    """The action's change, as an internal event on each complaint it is linked to."""
    for pk in action.complaints.order_by("pk").values_list("pk", flat=True):
        complaint = lock(pk)
        record_event(
            complaint,
            kind=EventKind.CORRECTIVE_ACTION,
            actor=actor,
            text=text,
            visibility=Visibility.INTERNAL,
            data=_event_data(action, **extra),
        )


@atomic
def complete_corrective_action(
    *, action: CorrectiveAction | int, actor, note: str = ""
) -> CorrectiveAction:
    """R9: the owner (or a quality manager) records that an open action was carried out;
    its effectiveness is checked later (`record_effectiveness_check`)."""
    require_staff(actor)
    action = _existing(action)
    if not (action.owner_id == actor.pk or is_quality_manager(actor)):
        raise NotPermitted(
            gettext("Faaliyeti yalnız sorumlusu ya da bir kalite yöneticisi tamamlayabilir.")
        )
    note = optional_text(note, "note")
    if action.state != State.OPEN:
        raise TransitionNotAllowed(gettext("Yalnız açık bir faaliyet tamamlanabilir."))
    action.state, action.completed_at = State.DONE, timezone.now()
    action.save(update_fields=["state", "completed_at"])
    _record_on_complaints(action, actor, note or action.title)
    return action


@atomic
def record_effectiveness_check(
    *,
    action: CorrectiveAction | int,
    actor,
    result: str,
    checked_on: date,
    note: str = "",
) -> CorrectiveAction:
    """R9: a quality manager checks whether a completed action worked: effective → verified;
    not effective → open again, to be carried out anew. The date and result are kept."""
    require_staff(actor)
    action = _existing(action)
    if not is_quality_manager(actor):
        raise NotPermitted(
            gettext("Etkinlik kontrolünü yalnız bir kalite yöneticisi kaydedebilir.")
        )
    errors = {}
    if result not in Effectiveness.values:
        errors["result"] = [choose_one_of(Effectiveness.values)]
    if (
        isinstance(checked_on, datetime)
        or not isinstance(checked_on, date)
        or checked_on > timezone.localdate()
        or (action.completed_at and checked_on < timezone.localdate(action.completed_at))
    ):
        errors["checked_on"] = [
            gettext("Faaliyetin tamamlandığı gün ile bugün arasında bir tarih girin.")
        ]
    try:
        note = optional_text(note, "note")
    except InvalidInput as error:
        errors.update(error.errors)
    if errors:
        raise InvalidInput(gettext("Etkinlik kontrolü kaydedilemedi."), errors=errors)
    if action.state != State.DONE:
        raise TransitionNotAllowed(
            gettext("Etkinlik, faaliyet tamamlandıktan sonra kontrol edilir.")
        )
    action.effectiveness_result = result
    action.effectiveness_checked_on = checked_on
    action.effectiveness_checked_by = actor
    action.effectiveness_check = note
    if result == Effectiveness.EFFECTIVE:
        action.state = State.VERIFIED
    else:
        action.state, action.completed_at = State.OPEN, None
    action.save(
        update_fields=[
            "effectiveness_result",
            "effectiveness_checked_on",
            "effectiveness_checked_by",
            "effectiveness_check",
            "state",
            "completed_at",
        ]
    )
    _record_on_complaints(
        action,
        actor,
        note or action.get_effectiveness_result_display(),
        result=result,
        checked_on=checked_on.isoformat(),
    )
    return action
