"""The input of every action: one Django form each, rendered by the portal and the console and
wrapped by the API (as allauth's headless inputs wrap its HTML forms).

The limits are the services' own (`required_text`: 10,000 characters; messages and answers
MEMNUN_MESSAGE_MAX_LENGTH; a survey comment 5,000;
a route reference 100 and its note 2,000); the services still decide the rest.
"""

from datetime import UTC

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.forms.models import ModelChoiceIterator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..errors import InvalidInput
from ..localization import localized
from ..models import AlternativeRoute, CorrectiveAction, Unit
from ..selectors import complaint_staff_users
from ..services.recorded import RECORDED_METHODS
from ..states import ClosureReason, ContactMethod, Visibility

TEXT_LIMIT = 10_000
SCORES = [(score, str(score)) for score in range(1, 6)]


class ActionForm(forms.Form):
    """Labels without a trailing colon; CSS classes for required and invalid fields."""

    required_css_class = "field--required"
    error_css_class = "field--error"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class OneQueryChoiceIterator(ModelChoiceIterator):
    """A short list's options read with one plain query (or from `field.listed`, objects the
    page read already). Django's own iterator reads them through `QuerySet.iterator()`, which on
    PostgreSQL declares a server-side cursor, fetches from it and closes it: four round trips
    to the database for a handful of routes, categories or people (1–2 ms per select)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self._objects():
            yield self.choice(obj)

    def _objects(self):
        listed = self.field.listed
        return listed if listed is not None else self.queryset  # the queryset keeps its rows

    def __len__(self):
        return len(self._objects()) + (self.field.empty_label is not None)

    def __bool__(self):
        return self.field.empty_label is not None or bool(self._objects())


class ListedChoiceField(forms.ModelChoiceField):
    """A choice among a few objects (routes, categories, units, staff, corrective actions):
    options without a server-side cursor, or without any query where the page has already read
    them (`listed`); what is submitted is still checked against `queryset`."""

    iterator = OneQueryChoiceIterator
    listed: list | None = None


def add_service_errors(form: forms.Form, error: InvalidInput) -> None:
    """Show a service's `InvalidInput` on the form: field errors beside their fields."""
    for field, messages in error.errors.items():
        target = field if field in form.fields else None
        for message in messages:
            form.add_error(target, message)  # the services speak the caller's language
    if not error.errors:
        form.add_error(None, error.message or _("Girdiğiniz bilgileri kontrol edin."))


def text_field(label, *, required: bool = True, rows: int = 4, max_length: int = TEXT_LIMIT):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


# --- the complainant's ------------------------------------------------------------------------


class AcceptForm(ActionForm):
    """Accepting a proposal needs nothing but the button (and the CSRF token)."""

    blank_fields_cached = True  # its fields draw only from the class (config/blank_forms.py)


class RejectForm(ActionForm):
    blank_fields_cached = True
    reason = text_field(_("Öneriyi neden kabul etmiyorsunuz?"))


def document_field():
    """An optional document sent with a message or an answer; the attachment service decides
    its type from the content and checks the size and count limits."""
    return forms.FileField(label=_("Belge (isteğe bağlı)"), required=False)


class AnswerForm(ActionForm):
    blank_fields_cached = True
    answer = text_field(_("Yanıtınız"), rows=5, max_length=settings.MEMNUN_MESSAGE_MAX_LENGTH)
    file = document_field()


class MessageForm(ActionForm):
    blank_fields_cached = True
    text = text_field(_("Mesajınız"), max_length=settings.MEMNUN_MESSAGE_MAX_LENGTH)
    file = document_field()


class WithdrawForm(ActionForm):
    blank_fields_cached = True
    reason = text_field(_("Neden geri çekiyorsunuz? (isteğe bağlı)"), required=False, rows=3)


class SurveyForm(ActionForm):
    blank_fields_cached = True  # the first label, chosen by the closure, is part of the key
    resolution_score = forms.TypedChoiceField(
        label=_("Çözümden ne kadar memnunsunuz? (1 hiç, 5 çok)"),
        choices=SCORES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    process_score = forms.TypedChoiceField(
        label=_("Süreçten (iletişim, hız, ilgi) ne kadar memnunsunuz? (1 hiç, 5 çok)"),
        choices=SCORES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = text_field(
        _("Eklemek istedikleriniz (isteğe bağlı)"), required=False, rows=3, max_length=5000
    )
    # the first question asks about what ended the complaint: a withdrawn one had no resolution
    OUTCOME_LABELS = {
        ClosureReason.WITHDRAWN: _("Şikâyetinizin sonucundan ne kadar memnunsunuz? (1 hiç, 5 çok)"),
        ClosureReason.FINAL_DECISION: _(
            "Verdiğimiz nihai karardan ne kadar memnunsunuz? (1 hiç, 5 çok)"
        ),
    }

    def __init__(self, *args, closure_reason: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if closure_reason in self.OUTCOME_LABELS:
            self.fields["resolution_score"].label = self.OUTCOME_LABELS[closure_reason]


class RouteChoiceField(ListedChoiceField):
    def label_from_instance(self, obj: AlternativeRoute) -> str:
        return localized(obj, "name")


class RouteApplicationForm(ActionForm):
    route = RouteChoiceField(
        label=_("Başvurduğunuz yol"),
        queryset=AlternativeRoute.objects.none(),
        empty_label=_("Bir yol seçin"),
    )
    applied_on = forms.DateField(
        label=_("Başvuru tarihi"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    external_reference = forms.CharField(
        label=_("Başvuru numarası (varsa)"), max_length=100, required=False
    )
    note = text_field(_("Not (isteğe bağlı)"), required=False, rows=2, max_length=2000)

    def __init__(self, *args, routes=None, **kwargs):
        """`routes`: those that apply to the complaint, as a queryset or as the list the page
        has read (`selectors.routes_applying_to`), which then gives the options."""
        super().__init__(*args, **kwargs)
        if routes is not None:
            field = self.fields["route"]
            if isinstance(routes, QuerySet):
                field.queryset = routes
            else:
                field.listed = list(routes)
                field.queryset = AlternativeRoute.objects.filter(
                    pk__in=[route.pk for route in field.listed]
                )
        self.fields["applied_on"].widget.attrs["max"] = timezone.localdate().isoformat()


# --- complaint staff's ------------------------------------------------------------------------


class AcknowledgeForm(ActionForm):
    method = forms.ChoiceField(label=_("Nasıl bildirildi?"), choices=ContactMethod.choices)
    note = text_field(_("Not (isteğe bağlı)"), required=False, rows=2)


class UnitChoiceField(ListedChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return localized(obj, "name")


class StaffChoiceField(ListedChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.get_full_name() or obj.email


class AssignForm(ActionForm):
    unit = UnitChoiceField(
        label=_("Birim"), queryset=Unit.objects.filter(is_active=True), to_field_name="slug"
    )
    assignee = StaffChoiceField(
        label=_("Sorumlu personel (isteğe bağlı)"),
        queryset=complaint_staff_users(),
        to_field_name="email",
        required=False,
    )


class RequestInformationForm(ActionForm):
    question = text_field(_("Müşteriye sorunuz"))


class NoteForm(ActionForm):
    note = text_field(_("Not (isteğe bağlı)"), required=False, rows=2)


class InRangeDateTimeField(forms.DateTimeField):
    """A date and time that can be shown in every time zone: one too near year 1 or 9999 to
    convert is out of range (a 400, never an OverflowError later)."""

    default_error_messages = {"overflow": _("Tarih ve saat geçerli aralığın dışında.")}

    def to_python(self, value):
        try:
            result = super().to_python(value)
            if result is not None:
                result.astimezone(UTC)
                timezone.localtime(result)
        except OverflowError as error:
            raise forms.ValidationError(self.error_messages["overflow"], code="overflow") from error
        return result


class SetEstimateForm(ActionForm):
    estimated_resolution_at = InRangeDateTimeField(
        label=_("Tahmini çözüm zamanı"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    message = text_field(_("Müşteriye mesaj (isteğe bağlı)"), required=False, rows=2)


class ProposeResolutionForm(ActionForm):
    text = text_field(_("Çözüm önerisi"), rows=5)


class ReviewRejectionForm(ActionForm):
    decision = forms.ChoiceField(
        label=_("Karar"),
        choices=[
            ("reinvestigate", _("Yeniden incele")),
            ("revise", _("Önerinin gözden geçirilmiş hâlini sun")),
            ("final", _("Nihai kararla kapat")),
        ],
    )
    text = text_field(
        _("Müşterinin okuyacağı metin (gözden geçirme ve nihai kararda zorunlu)"),
        required=False,
    )
    note = text_field(_("İç not (isteğe bağlı)"), required=False, rows=2)


class AddNoteForm(ActionForm):
    text = text_field(_("Not"))
    visibility = forms.ChoiceField(
        label=_("Kim görsün?"),
        choices=Visibility.choices,
        required=False,
        initial=Visibility.INTERNAL,
    )

    def clean_visibility(self) -> str:
        return self.cleaned_data.get("visibility") or Visibility.INTERNAL


class ReopenForm(ActionForm):
    reason = text_field(_("Neden yeniden açılıyor?"))


class CorrectiveActionChoiceField(ListedChoiceField):
    def label_from_instance(self, obj: CorrectiveAction) -> str:
        return f"{obj.title} ({obj.get_kind_display()}, {obj.get_state_display()})"


class CorrectiveActionForm(ActionForm):
    """R9: a new correction, corrective or preventive action for this complaint, or an
    existing one (e.g. the action already opened for the same root cause) linked to it."""

    existing = CorrectiveActionChoiceField(
        label=_("Var olan bir faaliyeti bağla (isteğe bağlı)"),
        queryset=CorrectiveAction.objects.none(),
        required=False,
        empty_label=_("Yeni bir faaliyet tanımla"),
    )
    kind = forms.ChoiceField(
        label=_("Tür (yeni faaliyet)"),
        choices=[("", "—"), *CorrectiveAction.Kind.choices],
        required=False,
    )
    description = text_field(_("Açıklama (yeni faaliyet)"), required=False, max_length=5000)
    owner = StaffChoiceField(
        label=_("Sorumlu (isteğe bağlı)"),
        queryset=complaint_staff_users(),
        to_field_name="email",
        required=False,
    )
    due_date = forms.DateField(
        label=_("Son tarih (isteğe bağlı)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, complaint=None, **kwargs):
        super().__init__(*args, **kwargs)
        # open or done actions not linked to this complaint yet (a verified one is finished)
        linkable = CorrectiveAction.objects.exclude(state=CorrectiveAction.State.VERIFIED)
        if complaint is not None:
            linkable = linkable.exclude(complaints=complaint)
        self.fields["existing"].queryset = linkable.order_by("-created_at", "-pk")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("existing") is None and "existing" not in self.errors:
            required = _("Yeni bir faaliyet için bu alan zorunludur.")
            for name in ("kind", "description"):
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, required)
        return cleaned


RECORDED_METHOD_CHOICES = [
    (value, label) for value, label in ContactMethod.choices if value in RECORDED_METHODS
]


class RecordAcceptanceForm(ActionForm):
    method = forms.ChoiceField(
        label=_("Müşteri yanıtını nasıl verdi?"), choices=RECORDED_METHOD_CHOICES
    )
    note = text_field(_("Not (isteğe bağlı)"), required=False, rows=2)


class RecordRejectionForm(ActionForm):
    method = forms.ChoiceField(
        label=_("Müşteri yanıtını nasıl verdi?"), choices=RECORDED_METHOD_CHOICES
    )
    reason = text_field(_("Müşterinin ret gerekçesi"))


class ReturnFinalDecisionForm(ActionForm):
    reason = text_field(_("Neden iade ediliyor? (öneren kişiye iletilir)"))
