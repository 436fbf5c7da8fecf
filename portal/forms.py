"""Customer portal forms: filing, the guest form and what the portal adds to an action's form
(the forms of the actions themselves are `workflow.actions.forms`). They check the shape of
the input; the services decide the rest."""

from django import forms
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from workflow.actions.forms import (
    ActionForm,
    ListedChoiceField,
    WithdrawForm,
    add_service_errors,  # noqa: F401  (the portal's views use it)
)
from workflow.localization import is_english
from workflow.models import Category
from workflow.states import ContactMethod, Language

PHONE_NEEDED = _("Telefonla aranmak istiyorsanız bir telefon numarası yazın.")


# the actions' forms (workflow.actions.forms) and the portal's own look the same
PortalForm = ActionForm


class CategoryChoiceField(ListedChoiceField):
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

    blank_fields_cached = True  # its fields draw only from the class (config/blank_forms.py)
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


class WithdrawConfirmForm(WithdrawForm):
    """The portal asks the customer to confirm before a withdrawal closes the complaint."""

    confirm = forms.BooleanField(
        label=_("Şikâyetimi geri çekmek istiyorum. Bu işlem şikâyeti kapatır."),
        error_messages={"required": _("Geri çekmek için bu kutuyu işaretleyin.")},
    )


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
