"""Customer portal forms. They check the shape of the input; the services decide the rest."""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from workflow.errors import InvalidInput
from workflow.localization import is_english, localized
from workflow.models import AlternativeRoute, Category
from workflow.states import ClosureReason, ContactMethod, Language

SCORES = [(score, str(score)) for score in range(1, 6)]

PHONE_NEEDED = _("Telefonla aranmak istiyorsanız bir telefon numarası yazın.")


def add_service_errors(form: forms.Form, error: InvalidInput) -> None:
    """Show a service's `InvalidInput` on the form: field errors beside their fields."""
    for field, messages in error.errors.items():
        target = field if field in form.fields else None
        for message in messages:
            form.add_error(target, message)  # the services speak the visitor's language
    if not error.errors:
        form.add_error(None, error.message or _("Girdiğiniz bilgileri kontrol edin."))


class PortalForm(forms.Form):
    """Labels without a trailing colon; CSS classes for required and invalid fields."""

    required_css_class = "field--required"
    error_css_class = "field--error"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class CategoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Category) -> str:
        return obj.name  # the name in the active language


ATTACHMENT_HELP = _(
    "PDF, PNG, JPEG, TXT, EML (e-posta), DOCX, XLSX ya da bunları içeren ZIP; dosya başına "
    "en fazla %(size)s MB."
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; the services check each one's content."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(file, initial) for file in files]


def attachment_help() -> str:
    return ATTACHMENT_HELP % {"size": f"{settings.MEMNUN_ATTACHMENT_MAX_BYTES / 1024**2:.0f}"}


class AttachmentForm(PortalForm):
    """Add a document to a complaint (portal detail page)."""

    file = forms.FileField(label=_("Belge"))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "attachment-%s")
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = attachment_help()


class ComplaintForm(PortalForm):
    category = CategoryChoiceField(
        label=_("Kategori"),
        queryset=Category.objects.none(),
        empty_label=_("Bir kategori seçin"),
    )
    subject = forms.CharField(label=_("Konu"), max_length=200)
    description = forms.CharField(
        label=_("Açıklama"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Ne olduğunu, ne zaman olduğunu ve nasıl bir çözüm beklediğinizi yazın."),
    )
    preferred_contact_method = forms.ChoiceField(
        label=_("Size nasıl ulaşalım?"),
        choices=ContactMethod.choices,
        initial=ContactMethod.EMAIL,
        widget=forms.RadioSelect,
    )
    phone = forms.CharField(
        label=_("Telefon"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        help_text=_("Telefonla aranmak istiyorsanız gerekli."),
    )
    attachments = MultipleFileField(label=_("Belgeler (isteğe bağlı)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"].help_text = attachment_help()
        self.fields["category"].queryset = Category.objects.filter(is_active=True).order_by(
            "name_en" if is_english() else "name_tr"
        )

    def clean(self):
        # the service refuses this too; checking here shows every error in one go
        data = super().clean()
        if data.get("preferred_contact_method") == ContactMethod.PHONE and not data.get("phone"):
            self.add_error("phone", PHONE_NEEDED)
        return data


# The privacy notice (KVKK, law no. 6698) shown wherever personal data is collected.
PRIVACY_NOTICE = _(
    "Bu formda verdiğiniz bilgileri yalnızca şikâyetinizi incelemek, sonuçlandırmak ve size "
    "bilgi vermek için, 6698 sayılı Kişisel Verilerin Korunması Kanunu'na uygun olarak işleriz. "
    "Kapatılan şikâyetler saklama süresi sonunda anonimleştirilir."
)


class HoneypotInput(forms.TextInput):
    """A text box people never see (inside `hidden`, so screen readers skip it too) but
    form-filling bots do; anything typed into it marks the post as a bot's."""

    is_hidden = True  # rendered with the hidden inputs, not as a labelled form row

    def __init__(self):
        super().__init__(attrs={"autocomplete": "off", "tabindex": "-1"})

    def render(self, name, value, attrs=None, renderer=None):
        box = super().render(name, None, attrs, renderer)  # never echo a bot's text back
        return format_html(
            '<div class="honeypot" hidden><label for="{}">{}</label>{}</div>',
            (attrs or {}).get("id", ""),
            gettext("Bu alanı boş bırakın"),
            box,
        )


class GuestComplaintForm(ComplaintForm):
    """The public complaint form (R2, channel `web_form`): no account, so we ask who to reply
    to, and the privacy notice must be acknowledged before anything is stored."""

    field_order = [
        "contact_name",
        "contact_email",
        "phone",
        "preferred_contact_method",
        "category",
        "subject",
        "description",
        "attachments",
        "privacy_notice",
    ]

    contact_name = forms.CharField(
        label=_("Adınız soyadınız"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact_email = forms.EmailField(
        label=_("E-posta adresiniz"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_(
            "Başvuru numaranızı ve şikâyetinizi izleyebileceğiniz bağlantıyı bu adrese göndeririz."
        ),
    )
    privacy_notice = forms.BooleanField(
        label=_(
            "Aydınlatma metnini okudum; bilgilerimin şikâyetimin incelenmesi ve bana dönüş "
            "yapılması için işleneceğini biliyorum."
        ),
        help_text=PRIVACY_NOTICE,
        error_messages={
            "required": _("Şikâyetinizi alabilmemiz için aydınlatma metnini okuduğunuzu onaylayın.")
        },
    )
    website = forms.CharField(required=False, widget=HoneypotInput)

    def __init__(self, *args, **kwargs):
        # the form is embedded in CMS pages too: keep its ids apart from the page's own
        kwargs.setdefault("auto_id", "guest-%s")
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        if data.get("website"):
            self.add_error(None, _("Form gönderilemedi. Lütfen yeniden gönderin."))
        return data


class AcceptForm(PortalForm):
    """Accepting a proposal needs nothing but the button (and the CSRF token)."""


class RejectForm(PortalForm):
    reason = forms.CharField(
        label=_("Öneriyi neden kabul etmiyorsunuz?"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class AnswerForm(PortalForm):
    answer = forms.CharField(
        label=_("Yanıtınız"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 5})
    )


class MessageForm(PortalForm):
    text = forms.CharField(
        label=_("Mesajınız"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 4})
    )


class WithdrawForm(PortalForm):
    reason = forms.CharField(
        label=_("Neden geri çekiyorsunuz? (isteğe bağlı)"),
        max_length=10_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    confirm = forms.BooleanField(
        label=_("Şikâyetimi geri çekmek istiyorum. Bu işlem şikâyeti kapatır."),
        error_messages={"required": _("Geri çekmek için bu kutuyu işaretleyin.")},
    )


class SurveyForm(PortalForm):
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
    comment = forms.CharField(
        label=_("Eklemek istedikleriniz (isteğe bağlı)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
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


class RouteChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: AlternativeRoute) -> str:
        return localized(obj, "name")


class RouteApplicationForm(PortalForm):
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
    note = forms.CharField(
        label=_("Not (isteğe bağlı)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, routes=None, **kwargs):
        super().__init__(*args, **kwargs)
        if routes is not None:
            self.fields["route"].queryset = routes
        self.fields["applied_on"].widget.attrs["max"] = timezone.localdate().isoformat()


class ProfileForm(PortalForm):
    """The customer's name and how to reach them (R5); saved by `update_profile`."""

    first_name = forms.CharField(
        label=_("Adınız"), max_length=150, widget=forms.TextInput({"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label=_("Soyadınız"),
        max_length=150,
        widget=forms.TextInput({"autocomplete": "family-name"}),
    )
    phone = forms.CharField(
        label=_("Telefon"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        help_text=_("Telefonla aranmak istiyorsanız gerekli."),
    )
    preferred_contact_method = forms.ChoiceField(
        label=_("Size nasıl ulaşalım?"), choices=ContactMethod.choices, widget=forms.RadioSelect
    )
    language = forms.ChoiceField(
        label=_("Bildirimlerin dili"), choices=Language.choices, widget=forms.RadioSelect
    )

    def clean(self):
        data = super().clean()
        if data.get("preferred_contact_method") == ContactMethod.PHONE and not data.get("phone"):
            self.add_error("phone", PHONE_NEEDED)
        return data
