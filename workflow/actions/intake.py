"""The input of staff intake (R2): one Django form, rendered by the console's intake page and
wrapped by the staff API (`POST /api/v1/staff/complaints/`), so both refuse the same input.

The form checks the shape of each field; `services.file_complaint` still decides the rest (the
channel a staff member may log, `received_at` neither in the future nor too old, an e-mail or a
phone number to reach the complainant, a phone number when they want a call) and its field
errors are shown beside the same fields (`add_service_errors`).
"""

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..localization import localized
from ..models import Category
from ..states import STAFF_INTAKE_CHANNELS, Channel, ContactMethod, Language, Severity
from .forms import (
    ActionForm,
    InRangeDateTimeField,
    ListedChoiceField,
    document_field,
    text_field,
)

DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


def customers():
    """Accounts a complaint may belong to: active users who are not staff (`is_customer`)."""
    return get_user_model().objects.filter(is_active=True, is_staff=False)


def customer_with_email(email: str):
    """The one customer account with this e-mail address (any letter case), or None."""
    if not email:
        return None
    found = list(customers().filter(email__iexact=email.strip())[:2])
    return found[0] if len(found) == 1 else None


class CategoryChoiceField(ListedChoiceField):
    def label_from_instance(self, obj: Category) -> str:
        return localized(obj, "name")


class IntakeForm(ActionForm):
    """A complaint received by phone, e-mail, face to face, social media or the web form."""

    channel = forms.ChoiceField(
        label=_("Başvuru kanalı"),
        choices=[(value, Channel(value).label) for value in STAFF_INTAKE_CHANNELS],
    )
    received_at = InRangeDateTimeField(
        label=_("Başvuru zamanı"),
        required=False,
        help_text=_("Şikâyetçinin bize ulaştığı an (İstanbul saati); boşsa şimdi."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL),
    )
    contact_name = forms.CharField(label=_("Şikâyetçinin adı soyadı"), max_length=200)
    contact_email = forms.EmailField(label=_("E-posta"), required=False)
    phone = forms.CharField(label=_("Telefon"), max_length=40, required=False)
    preferred_contact_method = forms.ChoiceField(
        label=_("Tercih ettiği iletişim yolu"), choices=ContactMethod.choices
    )
    category = CategoryChoiceField(
        label=_("Kategori"),
        queryset=Category.objects.filter(is_active=True).order_by("name_tr"),
        to_field_name="slug",
        empty_label=_("Bir kategori seçin"),
    )
    subject = forms.CharField(label=_("Konu"), max_length=200)
    description = text_field(_("Açıklama"), rows=6, max_length=20_000)
    severity = forms.TypedChoiceField(
        label=_("Önem (boşsa kategorinin varsayılanı)"),
        choices=[("", "—"), *Severity.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    language = forms.ChoiceField(label=_("İletişim dili"), choices=Language.choices, required=False)
    customer = forms.ModelChoiceField(
        label=_("Müşteri hesabı (kullanıcı no.)"), queryset=customers(), required=False
    )

    def clean_language(self) -> str:
        return self.cleaned_data.get("language") or Language.TR

    def service_arguments(self) -> dict:
        """The cleaned input as `services.file_complaint` takes it."""
        values = dict(self.cleaned_data)
        values["contact_phone"] = values.pop("phone")
        return values


class ConsoleIntakeForm(IntakeForm):
    """The console's intake page: staff type the complainant's e-mail, never an account id;
    an existing customer with that e-mail is found and the complaint is theirs (they follow
    it in the portal), otherwise it is a contact-only complaint. A document may come with it."""

    customer = None
    attachment = document_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["received_at"].initial = timezone.localtime().replace(second=0, microsecond=0)
        self.fields["received_at"].widget.attrs["max"] = timezone.localtime().strftime(
            DATETIME_LOCAL
        )

    def clean(self):
        cleaned = super().clean()
        customer = customer_with_email(cleaned.get("contact_email", ""))
        cleaned["customer"] = customer
        if customer is not None:  # the address as the account holds it, not as typed
            cleaned["contact_email"] = customer.email
        return cleaned

    def service_arguments(self) -> dict:
        values = super().service_arguments()
        attachment = values.pop("attachment", None)
        values["attachments"] = [attachment] if attachment else []
        return values
