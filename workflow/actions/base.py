"""One class per thing a person may do to a complaint (CONVENTIONS.md "one registry of actions").

Modelled on Wagtail's `wagtail/actions/` (an object with `check()` and `execute()`) and
django-allauth's headless inputs (the API validates with the same Django form the HTML pages
render). An action knows:

- its `name` (the portal's URL, the API's endpoint and `available_actions` entry),
- its `audience` (`customer`: the complainant; `staff`: complaint staff),
- `check(complaint, user)`: None when the user may take it now, else why not (translated):
  first the role and the unit scope (`role_refusal`, `workflow/rules.py`), then the state
  (`state_refusal`, django-fsm-2 `can_proceed`),
- its input, `form_class` (the limits are the services' own),
- `execute(complaint, user, cleaned_data)`: the one service function that does the change.

The services still re-check everything under the row lock; `check` answers "may I now?" for
the pages and the API, so no web layer re-derives it.
"""

from collections.abc import Mapping
from functools import cache, lru_cache
from typing import ClassVar

from django import forms
from django.utils.translation import get_language, gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from django_fsm import ANY_OTHER_STATE, ANY_STATE, can_proceed

from ..errors import (
    ComplaintNotFound,
    InvalidInput,
    NotPermitted,
    TransitionNotAllowed,
    WorkflowError,
)
from ..models import Complaint
from ..rules import can_see_complaint, is_complainant, is_complaint_staff

CUSTOMER = "customer"
STAFF = "staff"

NOT_NOW_TEXT = gettext_noop("Bu işlem şikâyetin şu anki durumunda yapılamaz.")
NOT_NOW = _(NOT_NOW_TEXT)
CLOSED_TEXT = gettext_noop("Şikâyet kapatılmış.")
STAFF_ONLY = _("Bu işlemi yalnız şikâyet personeli yapabilir.")
COMPLAINANT_ONLY = _("Bu işlemi yalnız şikâyet sahibi yapabilir.")
CHECK_INPUT = _("Girdiğiniz bilgileri kontrol edin.")


@lru_cache(maxsize=128)
def _translation(message: str, language: str | None) -> str:
    return gettext(message)


def translated(message: str) -> str:
    """`gettext(message)` in the active language, remembered per language. `available_actions`
    checks every action of every complaint of a list, and most checks answer with a refusal;
    a Turkish lookup walks the chain of fallback catalogues of the installed apps (tens of µs
    each), so a list of 25 complaints would spend milliseconds translating refusals nobody
    reads."""
    return _translation(message, get_language())


@cache
def statuses_allowing(transition: str) -> frozenset[str] | None:
    """The statuses a django-fsm-2 transition of `Complaint` may be taken from, read once from
    its declaration (`workflow/state_machine.py`): `can_proceed` answers the same for every
    complaint in a status, so a list need not ask it per complaint and action. None when the
    answer is not a function of the status alone (conditions, or `*`/`+` sources): ask
    `can_proceed` then."""
    meta = getattr(Complaint, transition)._django_fsm
    if ANY_STATE in meta.transitions or ANY_OTHER_STATE in meta.transitions:
        return None
    if any(declared.conditions for declared in meta.transitions.values()):
        return None
    return frozenset(str(status) for status in meta.transitions)


def transition_allowed(complaint: Complaint, transition: str) -> bool:
    """`can_proceed(complaint.<transition>)`, from the table of `statuses_allowing`."""
    allowed = statuses_allowing(transition)
    if allowed is None:
        return can_proceed(getattr(complaint, transition))
    return complaint.status in allowed


class Action:
    name: ClassVar[str]
    audience: ClassVar[str]
    label: ClassVar[str]  # the button, in the caller's language
    form_class: ClassVar[type[forms.Form]]
    # the django-fsm-2 transition the action takes, when it takes exactly one
    transition: ClassVar[str | None] = None

    # --- may this user take it now? ------------------------------------------------------

    def role_refusal(self, complaint: Complaint, user) -> WorkflowError | None:
        """Why this user may not take it on this complaint, as the error the service raises
        (None: they may). Customer actions are the complainant's; staff actions are for
        complaint staff who see the complaint (`rules.can_see_complaint`: another unit's
        complaint is answered like a missing one, 404)."""
        if self.audience == STAFF:
            if not is_complaint_staff(user):
                return NotPermitted(str(STAFF_ONLY))
            if not can_see_complaint(user, complaint):
                return ComplaintNotFound(gettext("Böyle bir şikâyet yok."))
            return None
        if not is_complainant(user, complaint):
            return NotPermitted(str(COMPLAINANT_ONLY))
        return None

    def state_refusal(self, complaint: Complaint) -> str | None:
        """Why the complaint's state does not allow the action now (None: it does)."""
        if self.transition and not transition_allowed(complaint, self.transition):
            return translated(NOT_NOW_TEXT)
        return None

    def check(self, complaint: Complaint, user) -> str | None:
        refusal = self.role_refusal(complaint, user)
        if refusal is not None:
            return refusal.message
        return self.state_refusal(complaint)

    # --- its input -----------------------------------------------------------------------

    def form_kwargs(self, complaint: Complaint) -> dict:
        """What the form needs from the complaint (e.g. the routes offered to it)."""
        return {}

    def form(
        self, complaint: Complaint, data=None, files=None, *, form_class=None, **kwargs
    ) -> forms.Form:
        return (form_class or self.form_class)(data, files, **self.form_kwargs(complaint), **kwargs)

    # --- doing it ------------------------------------------------------------------------

    def execute(self, complaint: Complaint, user, cleaned_data: dict) -> Complaint:
        raise NotImplementedError

    def run(self, complaint: Complaint, user, data, files=None) -> Complaint:
        """Validate `data` (and `files`, for a form with a document) with the action's form,
        check, execute: what the API does.

        Bad input is refused before the state is looked at (400 before 409), as the services
        do; a refusal changes nothing.
        """
        refusal = self.role_refusal(complaint, user)
        if refusal is not None:
            raise refusal
        if not isinstance(data, Mapping):
            raise InvalidInput(str(CHECK_INPUT), errors={"non_field_errors": [str(CHECK_INPUT)]})
        form = self.form(complaint, data, files)
        if not form.is_valid():
            raise InvalidInput(str(CHECK_INPUT), errors=form_errors(form))
        refusal = self.state_refusal(complaint)
        if refusal:
            raise TransitionNotAllowed(refusal)
        return self.execute(complaint, user, form.cleaned_data)


def form_errors(form: forms.Form) -> dict[str, list[str]]:
    """A form's errors in the API's shape: field → messages (`non_field_errors` for the rest)."""
    return {
        ("non_field_errors" if field == forms.forms.NON_FIELD_ERRORS else field): [
            str(message) for message in messages
        ]
        for field, messages in form.errors.items()
    }


def open_refusal(complaint: Complaint) -> str | None:
    return None if complaint.is_open else translated(CLOSED_TEXT)
